"""Sources and confidence scale: add, rename (undoable), recolour, describe, aliases; choose the
active scale among the presets or make a custom one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.changes import Changes
from app.domain.edits import NewSource, SourceChange
from app.domain.model import RELIABILITY_RATINGS, DomainError
from app.domain.rows import ScaleRow, SourceRow
from app.services import sources as source_service
from app.ui.annotate.tag_panel import swatch
from app.ui.commands import ActivateScaleCommand, RenameSourceCommand, push
from app.ui.errors import plain_message, retry_while_busy
from app.ui.i18n import translated
from app.ui.session import Session
from app.ui.words import QT_TRANSLATE_NOOP

# The domain's Admiralty-code wordings (RELIABILITY_RATINGS), as the interface says them.
RELIABILITY_WORDS = {
    "A": QT_TRANSLATE_NOOP("SourcesDialog", "Completely reliable"),
    "B": QT_TRANSLATE_NOOP("SourcesDialog", "Usually reliable"),
    "C": QT_TRANSLATE_NOOP("SourcesDialog", "Fairly reliable"),
    "D": QT_TRANSLATE_NOOP("SourcesDialog", "Not usually reliable"),
    "E": QT_TRANSLATE_NOOP("SourcesDialog", "Unreliable"),
    "F": QT_TRANSLATE_NOOP("SourcesDialog", "Reliability cannot be judged"),
}


class SourcesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sources and confidence scale"))
        self.sources: list[SourceRow] = []
        self.colour = "#888888"
        self._shown_row: int | None = None
        self._shown_values: dict[str, object] = {}
        self.scales: list[ScaleRow] = []

        self.source_list = QListWidget()
        self.source_list.currentRowChanged.connect(self._row_changed)
        add = QPushButton(self.tr("Add source…"))
        add.clicked.connect(self.add_source)
        left = QVBoxLayout()
        left.addWidget(self.source_list)
        left.addWidget(add)

        self.name = QLineEdit()
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.clicked.connect(self._choose_colour)
        self.description = QLineEdit()
        self.reliability = QComboBox()
        self.reliability.addItem(self.tr("not rated"), None)
        for grade, meaning in RELIABILITY_RATINGS.items():
            meaning = translated(RELIABILITY_WORDS.get(grade, meaning))
            self.reliability.addItem(f"{grade} — {meaning}", grade)
        self.parent_source = QComboBox()
        self.aliases_fr = QPlainTextEdit()
        self.aliases_en = QPlainTextEdit()
        for box in (self.aliases_fr, self.aliases_en):
            box.setPlaceholderText(self.tr("One alias per line"))
            box.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Reliability"), self.reliability)
        form.addRow(self.tr("Part of"), self.parent_source)
        form.addRow(self.tr("Aliases (fr)"), self.aliases_fr)
        form.addRow(self.tr("Aliases (en)"), self.aliases_en)
        # What the knowledge base and the researcher's own tags know of the speaker: offered,
        # never added without a click.
        self.known_button = QPushButton()
        self.known_button.clicked.connect(self._offer_known_aliases)
        self.learnt_button = QPushButton(self.tr("Names from my tags…"))
        self.learnt_button.clicked.connect(self._offer_learnt_aliases)
        offers = QHBoxLayout()
        offers.addWidget(self.known_button)
        offers.addWidget(self.learnt_button)
        offers.addStretch(1)
        form.addRow("", offers)
        self._known: dict[str, tuple[str, ...]] = {}
        save = QPushButton(self.tr("Save source"))
        save.clicked.connect(lambda: self.save_source())  # not clicked(bool) as the row
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(save, alignment=Qt.AlignmentFlag.AlignRight)
        sources_box = QGroupBox(self.tr("Sources"))
        sources_layout = QHBoxLayout(sources_box)
        sources_layout.addLayout(left, 1)
        sources_layout.addLayout(right, 2)

        scale_box = QGroupBox(self.tr("Confidence scale"))
        scale_layout = QVBoxLayout(scale_box)
        # Choosing a scale in the list only shows its levels; "Use this scale" makes it the
        # project's, so browsing the presets never changes what new tags are rated on.
        self.scale = QComboBox()
        self.scale.currentIndexChanged.connect(self._show_scale)
        self.scale_levels = QLabel()
        self.scale_levels.setWordWrap(True)
        self.use_scale_button = QPushButton(self.tr("Use this scale"))
        self.use_scale_button.clicked.connect(self.use_scale)
        custom = QPushButton(self.tr("New custom scale…"))
        custom.clicked.connect(self.add_custom_scale)
        self.edit_scale_button = QPushButton(self.tr("Edit levels of this scale…"))
        self.edit_scale_button.clicked.connect(self.edit_custom_scale)
        scale_layout.addWidget(self.scale)
        scale_layout.addWidget(self.scale_levels)
        scale_buttons = QHBoxLayout()
        scale_buttons.addWidget(self.use_scale_button)
        scale_buttons.addWidget(custom)
        scale_buttons.addWidget(self.edit_scale_button)
        scale_buttons.addStretch(1)
        scale_layout.addLayout(scale_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sources_box)
        layout.addWidget(scale_box)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.reload()

    # --- sources -------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else self._current_id()
        self.sources = source_service.list_sources(self.session.project)
        self.source_list.blockSignals(True)
        self.source_list.clear()
        for source in self.sources:
            item = QListWidgetItem(swatch(source.colour), source.name)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            self.source_list.addItem(item)
        self.source_list.blockSignals(False)
        ids = [s.id for s in self.sources]
        self.source_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._show_source(self.source_list.currentRow())
        self._reload_scales()

    def _current_id(self) -> int | None:
        item = self.source_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _form_values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "colour": self.colour,
            "description": self.description.text(),
            "reliability": self.reliability.currentData(),
            "parent": self.parent_source.currentData(),
            "fr": self.aliases_fr.toPlainText(),
            "en": self.aliases_en.toPlainText(),
        }

    def has_unsaved_changes(self) -> bool:
        return self._shown_row is not None and self._form_values() != self._shown_values

    def _row_changed(self, row: int) -> None:
        previous = self._shown_row
        if previous is not None and previous != row and self.has_unsaved_changes():
            name = self.sources[previous].name
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to {source}?").format(source=name),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save_source(previous, select=self._row_id(row))
                return
        self._show_source(row)

    def _row_id(self, row: int) -> int | None:
        return self.sources[row].id if 0 <= row < len(self.sources) else None

    def reject(self) -> None:
        """Close (or Escape): changes to the shown source are not dropped without asking."""
        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to {source}?").format(
                    source=self.sources[self._shown_row or 0].name
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_source():
                return
        super().reject()

    def _show_source(self, row: int) -> None:
        if not 0 <= row < len(self.sources):
            return
        source = self.sources[row]
        self.name.setText(source.name)
        self.colour = source.colour
        self.colour_button.setIcon(swatch(self.colour))
        self.colour_button.setText(self.colour)
        self.description.setText(source.description)
        self.reliability.setCurrentIndex(max(self.reliability.findData(source.reliability), 0))
        self.parent_source.clear()
        self.parent_source.addItem("—", None)
        for other in self.sources:
            if other.id != source.id:
                self.parent_source.addItem(other.name, other.id)
        self.parent_source.setCurrentIndex(max(self.parent_source.findData(source.parent_id), 0))
        self.aliases_fr.setPlainText("\n".join(source.aliases.get("fr", ())))
        self.aliases_en.setPlainText("\n".join(source.aliases.get("en", ())))
        self._known = source_service.known_aliases(self.session.project, source.id)
        count = sum(len(items) for items in self._known.values())
        self.known_button.setText(self.tr("Add %Ln known alias(es)", "", count))
        self.known_button.setEnabled(count > 0)
        self._shown_row, self._shown_values = row, self._form_values()

    def _offer_known_aliases(self) -> None:
        """Put the knowledge base's aliases into the form, to be saved (or trimmed) as typed."""
        for box, language in ((self.aliases_fr, "fr"), (self.aliases_en, "en")):
            current = box.toPlainText().splitlines()
            extra = [a for a in self._known.get(language, ()) if a not in current]
            box.setPlainText("\n".join([*current, *extra]))
        self.known_button.setEnabled(False)

    def _offer_learnt_aliases(self) -> None:
        """Offer the names the researcher's tags of this source teach; one click adopts them."""
        from app.services import suggest as suggest_service

        source_id = self._current_id()
        if source_id is None or (self.has_unsaved_changes() and not self.save_source()):
            return
        source = next(s for s in self.sources if s.id == source_id)
        offers = suggest_service.source_alias_offers(
            self.session.project, source_id, annotator=self.session.annotator
        )
        if not offers:
            QMessageBox.information(
                self,
                self.tr("Names from my tags"),
                self.tr("Your tags of {source} name no speaker its aliases miss.").format(
                    source=source.name
                ),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Names from my tags"),
            self.tr("Add these names as aliases of {source}?\n\n{names}").format(
                source=source.name, names="\n".join(o.phrase for o in offers)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        made = Changes()
        for offer in offers:
            made = made | suggest_service.learn_alias(self.session.project, offer).changes
        self.session.broadcast(made)
        self._shown_row = None
        self.reload(select=source_id)

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour), self, self.tr("Source colour"))
        if colour.isValid():
            self.colour = colour.name()
            self.colour_button.setIcon(swatch(self.colour))
            self.colour_button.setText(self.colour)

    def save_source(self, row: int | None = None, *, select: int | None = None) -> bool:
        """Save the form into the source shown (or `row`); then show `select`, else that one."""
        row = self._shown_row if row is None else row
        if row is None or not 0 <= row < len(self.sources):
            return False
        source = self.sources[row]
        change = SourceChange(
            source.id,
            colour=self.colour,
            description=self.description.text(),
            reliability=self.reliability.currentData(),
            parent_id=self.parent_source.currentData(),
            aliases=(
                ("fr", tuple(self.aliases_fr.toPlainText().splitlines())),
                ("en", tuple(self.aliases_en.toPlainText().splitlines())),
            ),
        )
        made = Changes()

        def save() -> None:
            nonlocal made
            made = source_service.update_source(self.session.project, change).changes

        try:
            saved = retry_while_busy(save, self)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not saved"), plain_message(error))
            return False
        if not saved:  # the project was busy and the user cancelled: the form stays as typed
            return False
        self.session.broadcast(made)
        new_name = " ".join(self.name.text().split())
        if new_name and new_name != source.name:
            # Renaming goes through the undo stack: Ctrl+Z in the window renames it back.
            push(
                self.session.undo_stack,
                RenameSourceCommand(self.session, source.id, source.name, new_name),
            )
        self._shown_row = None  # saved: reloading shows it afresh
        self.reload(select=select if select is not None else source.id)
        return True

    def add_source(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Add source"), self.tr("Name of the new source:")
        )
        if not ok or not name.strip():
            return
        try:
            edit = source_service.add_source(self.session.project, NewSource(name))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not added"), plain_message(error))
            return
        self.session.broadcast(edit.changes)
        self.reload(select=edit.source_id)

    # --- scales -----------------------------------------------------------------------------------

    def _reload_scales(self) -> None:
        self.scales = source_service.list_scales(self.session.project)
        self.scale.blockSignals(True)
        self.scale.clear()
        active = 0
        for i, scale in enumerate(self.scales):
            in_use = "  " + self.tr("(in use)") if scale.active else ""
            self.scale.addItem(scale.name + in_use, scale.id)
            if scale.active:
                active = i
        self.scale.setCurrentIndex(active)
        self.scale.blockSignals(False)
        self._show_scale(active)

    def _shown_scale(self) -> ScaleRow | None:
        index = self.scale.currentIndex()
        return self.scales[index] if 0 <= index < len(self.scales) else None

    def _show_scale(self, index: int) -> None:
        scale = self._shown_scale()
        if scale is None:
            return
        self.scale_levels.setText(
            self.tr("Levels, firmest first: {levels}").format(
                levels=" · ".join(lv.label for lv in scale.levels)
            )
        )
        self.use_scale_button.setEnabled(not scale.active)
        preset = source_service.is_preset(scale)
        self.edit_scale_button.setEnabled(not preset)
        self.edit_scale_button.setToolTip(
            self.tr("The presets stay as published; make a custom scale to change levels")
            if preset
            else ""
        )

    def use_scale(self) -> bool:
        """Make the shown scale the one new tags are rated on, undoably; with tags rated on
        other scales the user confirms first, told how many keep their own levels. True when
        the scale was switched."""
        scale = self._shown_scale()
        if scale is None or scale.active:
            return False
        kept = source_service.tags_keeping_other_levels(self.session.project, scale.id)
        if kept:
            answer = QMessageBox.question(
                self,
                self.tr("Switch the confidence scale?"),
                self.tr(
                    "%Ln tag(s) use levels of another scale. They keep their own levels and labels"
                    " everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.",
                    "",
                    kept,
                ).format(scale=scale.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        done = push(
            self.session.undo_stack, ActivateScaleCommand(self.session, scale.id, scale.name)
        )
        self._reload_scales()
        return done

    def add_custom_scale(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Custom scale"), self.tr("Name of the scale:")
        )
        if not ok:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Custom scale"),
            self.tr("One level per line, firmest first (label: description):"),
        )
        if not ok:
            return
        levels = _levels(text)
        try:
            added = source_service.add_custom_scale(self.session.project, name, levels)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not added"), plain_message(error))
            return
        used = source_service.activate_scale(self.session.project, added.scale_id)
        self.session.broadcast(added.changes | used.changes)
        self._reload_scales()

    def edit_custom_scale(self) -> None:
        """Edit the shown custom scale's levels as lines of `label: description`."""
        active = self._shown_scale()
        if active is None or source_service.is_preset(active):
            return
        current = "\n".join(f"{lv.label}: {lv.description}" for lv in active.levels)
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Edit scale"),
            self.tr("One level per line, firmest first (label: description):"),
            current,
        )
        if not ok:
            return
        levels = _levels(text)
        try:
            edit = source_service.edit_custom_scale(self.session.project, active.id, levels)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not changed"), plain_message(error))
            return
        self.session.broadcast(edit.changes)
        self._reload_scales()


def _levels(text: str) -> list[tuple[str, str]]:
    """Lines of `label: description`, firmest first, as (label, description)."""
    return [
        (line.partition(":")[0], line.partition(":")[2].strip())
        for line in text.splitlines()
        if line.strip()
    ]
