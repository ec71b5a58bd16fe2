"""The tag panel: the current statement's sources, stance, confidence, note and claims.

It only shows state and emits what the user asked for; the Annotate view turns each request
into an undo command. Every control names its key, so the mouse and the keyboard teach each other.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.rows import LevelRow, SourceRow
from app.services.browse import StatementDetail
from app.services.suggest import Suggestion
from app.ui.annotate.claim_box import ClaimBox
from app.ui.annotate.own_keys import KeepListKeys
from app.ui.i18n import capitalised, quoted_text, stance_word, translated
from app.ui.words import QT_TRANSLATE_NOOP

STANCE_KEYS = (("asserts", "A", "▲"), ("denies", "D", "▼"), ("neutral", "N", "●"))
CONFIDENCE_KEYS = ("Q", "W", "E", "R")


# How each piece of a suggestion's evidence counted (`Evidence.rule`), as the panel words it.
EVIDENCE_RULES = {
    "alias": QT_TRANSLATE_NOOP("TagPanel", "alias"),
    "alias (knowledge base)": QT_TRANSLATE_NOOP("TagPanel", "alias (knowledge base)"),
    "alias (learnt)": QT_TRANSLATE_NOOP("TagPanel", "alias (learnt)"),
    "reporting verb": QT_TRANSLATE_NOOP("TagPanel", "reporting verb"),
    "attribution phrase": QT_TRANSLATE_NOOP("TagPanel", "attribution phrase"),
    "denial": QT_TRANSLATE_NOOP("TagPanel", "denial"),
    "denial by what the claim is called": QT_TRANSLATE_NOOP(
        "TagPanel", "denial by what the claim is called"
    ),
    "denial by a negated claim": QT_TRANSLATE_NOOP("TagPanel", "denial by a negated claim"),
    "declining to commit": QT_TRANSLATE_NOOP("TagPanel", "declining to commit"),
    "confirmation": QT_TRANSLATE_NOOP("TagPanel", "confirmation"),
    "the quotation's speaker": QT_TRANSLATE_NOOP("TagPanel", "the quotation's speaker"),
    "the sentence's speaker": QT_TRANSLATE_NOOP("TagPanel", "the sentence's speaker"),
    "the last speaker": QT_TRANSLATE_NOOP("TagPanel", "the last speaker"),
    "refers back": QT_TRANSLATE_NOOP("TagPanel", "refers back"),
    "title": QT_TRANSLATE_NOOP("TagPanel", "title"),
    "place": QT_TRANSLATE_NOOP("TagPanel", "place"),
    "both sides": QT_TRANSLATE_NOOP("TagPanel", "both sides"),
    "continues the sentence before": QT_TRANSLATE_NOOP("TagPanel", "continues the sentence before"),
}


def swatch(colour: str) -> QIcon:
    """A source's colour as a small square, edged in the palette's text colour so that a dark
    colour shows on a dark theme and a pale one on a light theme."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QGuiApplication.palette().color(QPalette.ColorRole.WindowText))
    painter.drawRect(0, 0, 13, 13)
    painter.end()
    return QIcon(pixmap)


class SourceState(QLabel):
    """A source's tag on the statement, as text; a click makes that source the active one."""

    pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.pressed.emit()
        super().mousePressEvent(event)


class TagPanel(QWidget):
    source_toggled = Signal(int)
    source_activated = Signal(int)
    stance_chosen = Signal(str)
    confidence_chosen = Signal(int)
    note_edited = Signal(str)
    claim_link_requested = Signal(str)
    claim_unlink_requested = Signal(int)
    suggestion_accepted = Signal()
    suggestion_dismissed = Signal()
    hint = Signal(str)  # why a key did nothing, for the status bar
    claim_box_left = Signal()  # Esc in the claim box: the keyboard goes back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("No statement"))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        # First: a suggestion is what the researcher weighs first (Enter accepts it).
        self.suggestions_box = QGroupBox(
            self.tr("Suggestions (Enter accepts, Backspace dismisses)")
        )
        suggestions_layout = QVBoxLayout(self.suggestions_box)
        self.suggestion_list = QListWidget()
        self.suggestion_list.setMaximumHeight(120)
        self._keep_arrows = KeepListKeys(self)
        self.suggestion_list.installEventFilter(self._keep_arrows)
        self.suggestion_list.setWordWrap(True)
        suggestions_layout.addWidget(self.suggestion_list)
        suggestion_buttons = QHBoxLayout()
        self.accept = QPushButton(self.tr("Accept (Enter)"))
        self.accept.clicked.connect(self.suggestion_accepted.emit)
        self.dismiss = QPushButton(self.tr("Dismiss (Backspace)"))
        self.dismiss.clicked.connect(self.suggestion_dismissed.emit)
        suggestion_buttons.addWidget(self.accept)
        suggestion_buttons.addWidget(self.dismiss)
        suggestions_layout.addLayout(suggestion_buttons)
        self.suggestions_box.hide()
        layout.addWidget(self.suggestions_box)

        self.sources_box = QGroupBox(self.tr("Sources (1–9 toggle; Ctrl+1–9 make active)"))
        self.sources_layout = QGridLayout(self.sources_box)
        layout.addWidget(self.sources_box)
        self.source_buttons: dict[int, QToolButton] = {}
        self.source_states: dict[int, SourceState] = {}

        stance_box = QGroupBox(self.tr("Stance of the active source (A D N)"))
        stance_row = QHBoxLayout(stance_box)
        self.stance_group = QButtonGroup(self)
        self.stance_buttons: dict[str, QPushButton] = {}
        for stance, key, glyph in STANCE_KEYS:
            word = capitalised(stance_word(stance))
            button = QPushButton(f"{glyph} {word}")
            button.setToolTip(f"{word} ({key})")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, s=stance: self.stance_chosen.emit(s))
            self.stance_group.addButton(button)
            self.stance_buttons[stance] = button
            stance_row.addWidget(button)
        layout.addWidget(stance_box)

        self.confidence_box = QGroupBox(self.tr("Confidence (Q W E R, or Alt+digit)"))
        self.confidence_layout = QVBoxLayout(self.confidence_box)
        self.confidence_group = QButtonGroup(self)
        self.confidence_buttons: dict[int, QPushButton] = {}
        # A tag rated before the project switched scales keeps its level: this button shows
        # that level pressed (the active scale's buttons stay free to re-rate the tag).
        self.kept_level = QPushButton()
        self.kept_level.setCheckable(True)
        self.kept_level.setVisible(False)
        self.kept_level.setToolTip(
            self.tr(
                "This tag keeps its level of a scale the project no longer uses; "
                "choose a level below to rate it on the active scale"
            )
        )
        self.confidence_group.addButton(self.kept_level)
        self.confidence_layout.addWidget(self.kept_level)
        layout.addWidget(self.confidence_box)

        note_box = QGroupBox(self.tr("Note"))
        note_layout = QVBoxLayout(note_box)
        self.note = QLineEdit(placeholderText=self.tr("A note on the active source's tag"))
        self.note.editingFinished.connect(self._note_finished)
        # Enter keeps the note and Esc leaves it as it was: either way, back to the text.
        self.note.returnPressed.connect(self.claim_box_left.emit)
        leave = QShortcut(QKeySequence("Esc"), self.note)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._note_left)
        note_layout.addWidget(self.note)
        layout.addWidget(note_box)

        claims_box = QGroupBox(self.tr("Claims (C)"))
        claims_layout = QVBoxLayout(claims_box)
        self.claim_box = ClaimBox()
        self.claim_box.link_requested.connect(self.claim_link_requested.emit)
        self.claim_box.hint.connect(self.hint.emit)
        self.claim_box.done.connect(self.claim_box_left.emit)
        claims_layout.addWidget(self.claim_box)
        self.claim_list = QListWidget()
        self.claim_list.setMaximumHeight(80)
        self.claim_list.installEventFilter(self._keep_arrows)
        claims_layout.addWidget(self.claim_list)
        self.unlink = QPushButton(self.tr("Unlink selected claim"))
        self.unlink.clicked.connect(self._unlink_selected)
        claims_layout.addWidget(self.unlink)
        layout.addWidget(claims_box)

        layout.addStretch(1)
        self._active_source: int | None = None
        self._statement_id: int | None = None  # the statement shown
        self._note_shown = ""
        self.setEnabled(False)

    # --- configuration -------------------------------------------------------------------------

    def set_sources(self, sources: Sequence[SourceRow]) -> None:
        while self.sources_layout.count():
            item = self.sources_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.source_buttons.clear()
        self.source_states.clear()
        for row, source in enumerate(sources):
            key = str(row + 1) if row < 9 else ""
            button = QToolButton()
            button.setText(f"{key}  {source.name}" if key else source.name)
            button.setIcon(swatch(source.colour))
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMinimumWidth(120)
            button.setToolTip(source.description or source.name)
            button.clicked.connect(lambda _c=False, sid=source.id: self.source_toggled.emit(sid))
            state = SourceState()
            state.pressed.connect(partial(self.source_activated.emit, source.id))
            self.sources_layout.addWidget(button, row, 0)
            self.sources_layout.addWidget(state, row, 1)
            self.source_buttons[source.id] = button
            self.source_states[source.id] = state

    def set_levels(self, levels: Sequence[LevelRow]) -> None:
        for button in self.confidence_buttons.values():
            self.confidence_group.removeButton(button)
            button.deleteLater()
        self.confidence_buttons.clear()
        for i, level in enumerate(levels):
            key = CONFIDENCE_KEYS[i] if i < len(CONFIDENCE_KEYS) else f"Alt+{level.rank}"
            button = QPushButton(f"{level.label}  ({key})")
            button.setCheckable(True)
            button.setToolTip(level.description or level.label)
            button.clicked.connect(lambda _c=False, lid=level.id: self.confidence_chosen.emit(lid))
            self.confidence_group.addButton(button)
            self.confidence_layout.insertWidget(
                self.confidence_layout.indexOf(self.kept_level), button
            )
            self.confidence_buttons[level.id] = button

    def set_claim_labels(self, labels: list[str]) -> None:
        self.claim_box.set_labels(labels)

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them: from the suggestions down."""
        return [
            self.suggestion_list,
            self.accept,
            self.dismiss,
            *self.source_buttons.values(),
            *self.stance_buttons.values(),
            *self.confidence_buttons.values(),
            self.note,
            self.claim_box,
            self.claim_list,
            self.unlink,
        ]

    # --- state -----------------------------------------------------------------------------

    def show_statement(
        self,
        detail: StatementDetail | None,
        annotator_id: int,
        active_source: int | None,
        position: str,
    ) -> None:
        self.setEnabled(detail is not None)
        self._active_source = active_source
        shown = detail.id if detail is not None else None
        if shown != self._statement_id:
            # A claim typed for one statement must never be linked to another.
            self.claim_box.reset()
            self._statement_id = shown
        if detail is None:
            self.heading.setText(self.tr("No statement"))
            for button in self.source_buttons.values():
                button.setChecked(False)
            self.claim_list.clear()
            return
        self.heading.setText(self.tr("<b>Statement {position}</b>").format(position=position))
        mine = {t.source_id: t for t in detail.tags if t.annotator_id == annotator_id}
        others = [t for t in detail.tags if t.annotator_id != annotator_id]
        for source_id, button in self.source_buttons.items():
            tag = mine.get(source_id)
            button.setChecked(tag is not None)
            label = self.source_states[source_id]
            text = ""
            if tag is not None:
                glyph = dict((s, g) for s, _k, g in STANCE_KEYS)[tag.stance]
                text = f"{glyph} {stance_word(tag.stance)}"
                if tag.confidence_label:
                    text += f" · {tag.confidence_label}"
            # Other annotators' tags of this source, read-only: who, and how they read it.
            theirs = [t for t in others if t.source_id == source_id]
            glyphs = dict((s, g) for s, _k, g in STANCE_KEYS)
            elsewhere = [f"{t.annotator} {glyphs[t.stance]}" for t in theirs]
            label.setToolTip(
                "\n".join(
                    self.tr("{annotator}: {reading}").format(
                        annotator=t.annotator,
                        reading=f"{glyphs[t.stance]} {stance_word(t.stance)}"
                        + (f" · {t.confidence_label}" if t.confidence_label else ""),
                    )
                    for t in theirs
                )
            )
            text = html.escape(text)
            if source_id == active_source and tag is not None:
                text = f"<b>{text} ◀</b>"
            if elsewhere:
                also = self.tr("(also: {annotators})").format(annotators=", ".join(elsewhere))
                # On a line of its own: the panel is narrow, and the own tag comes first.
                text += f"{'<br>' if tag is not None else ''}<small>{html.escape(also)}</small>"
            label.setText(text)
        active = mine.get(active_source) if active_source is not None else None
        self._check(self.stance_group, self.stance_buttons.get(active.stance) if active else None)
        level_id = active.confidence_level_id if active else None
        level_button = self.confidence_buttons.get(level_id) if level_id is not None else None
        kept = active is not None and level_id is not None and level_button is None
        if kept and active is not None:
            self.kept_level.setText(
                self.tr("{level}  (another scale's level)").format(level=active.confidence_label)
            )
            level_button = self.kept_level
        self.kept_level.setVisible(kept)
        self._check(self.confidence_group, level_button)
        for choice in [*self.stance_buttons.values(), *self.confidence_buttons.values()]:
            choice.setEnabled(active is not None)
        self._note_shown = active.note if active else ""
        if not self.note.hasFocus():
            self.note.setText(self._note_shown)
            self.note.setCursorPosition(0)
        self.note.setEnabled(active is not None)
        self.claim_list.clear()
        for claim in detail.claims:
            item = QListWidgetItem(claim.label)
            item.setData(Qt.ItemDataRole.UserRole, claim.id)
            self.claim_list.addItem(item)

    def show_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """The pending suggestions with their evidence; the selected one is what Enter accepts
        (the first, until another is chosen)."""
        chosen = max(self.suggestion_list.currentRow(), 0)
        self.suggestion_list.clear()
        for s in suggestions:
            glyph = dict((st, g) for st, _k, g in STANCE_KEYS)[s.stance.value]
            words = " … ".join(quoted_text(e.text) for e in s.evidence if e.kind != "continuation")
            confidence = f" · {s.confidence}" if s.confidence else ""
            stance = stance_word(s.stance.value)
            item = QListWidgetItem(f"{s.source} {glyph} {stance}{confidence}   {words}")
            rules = ", ".join(
                dict.fromkeys(
                    self.tr("{cue}: {rule}").format(
                        cue=quoted_text(e.text), rule=translated(EVIDENCE_RULES.get(e.rule, e.rule))
                    )
                    for e in s.evidence
                    if e.rule
                )
            )
            item.setToolTip(
                self.tr("score {score}; evidence: {evidence}").format(
                    score=QLocale().toString(s.score, "f", 2), evidence=words
                )
                + ("\n" + self.tr("found by: {rules}").format(rules=rules) if rules else "")
            )
            self.suggestion_list.addItem(item)
        if suggestions:
            self.suggestion_list.setCurrentRow(min(chosen, len(suggestions) - 1))
        self.suggestions_box.setVisible(bool(suggestions))

    def chosen_suggestion(self) -> int:
        """The row of the suggestion Enter and Backspace act on."""
        return max(self.suggestion_list.currentRow(), 0)

    @staticmethod
    def _check(group: QButtonGroup, button: QPushButton | None) -> None:
        group.setExclusive(False)
        for other in group.buttons():
            other.setChecked(other is button)
        group.setExclusive(True)

    def _note_finished(self) -> None:
        if self.note.text() != self._note_shown:
            self._note_shown = self.note.text()
            self.note_edited.emit(self.note.text())

    def _note_left(self) -> None:
        self.note.setText(self._note_shown)
        self.claim_box_left.emit()

    def _unlink_selected(self) -> None:
        item = self.claim_list.currentItem()
        if item is not None:
            self.claim_unlink_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
