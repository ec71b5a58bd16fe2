"""The Statements view: every statement of the project, filtered and sorted by the database,
loaded page by page; double-click opens one in the Annotate view; tag many rows at once."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import editing, statement_table
from app.services.statement_table import StatementFilter
from app.ui.commands import AttributionCommand, push_all
from app.ui.dates import date_of, optional_date_edit
from app.ui.i18n import counted, stance_word
from app.ui.lazy import LazyView
from app.ui.search_hits import HitDelegate
from app.ui.session import Change, Session
from app.ui.statement_model import COLUMNS, StatementTableModel

TEXT_COLUMN = next(i for i, (_h, key, _s) in enumerate(COLUMNS) if key == "text")


# Each column's width where the window has room (the last stretches to the edge).
COLUMN_WIDTHS = (200, 110, 85, 40, 360, 300, 160)
FIXED_COLUMNS = (2, 3)  # the date and the statement's number keep theirs


class StatementsView(LazyView):
    open_statement = Signal(int, int)  # article id, statement id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.count_label = QLabel()
        # Said in place of an empty table: why it is empty and what to do.
        self.empty_state = QLabel()
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setVisible(False)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every statement again"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.model = StatementTableModel(self)
        self.model.total_changed.connect(self._show_total)

        # Short placeholders: they are read whole at 1024 pixels; the tooltips say the rest.
        self.search = QLineEdit(placeholderText=self.tr("Search the text"))
        self.search.setToolTip(self.tr("Statements holding all these words (accents optional)"))
        self.source = QComboBox()
        self.stance = QComboBox()
        self.stance.addItem(self.tr("Any"), None)
        for stance in ("asserts", "denies", "neutral"):
            self.stance.addItem(stance_word(stance), stance)
        self.confidence = QComboBox()
        self.claim = QComboBox()
        self.outlet = QComboBox()
        self.title = QLineEdit(placeholderText=self.tr("Title contains"))
        self.title.setToolTip(self.tr("The statements of the articles whose title holds this"))
        for field in (self.search, self.title):
            room = field.fontMetrics().horizontalAdvance(field.placeholderText() + "  ")
            field.setMinimumWidth(room + field.textMargins().left() + 12)
        self.date_from = optional_date_edit(self.tr("any"))
        self.date_to = optional_date_edit(self.tr("any"))
        self.untagged = QCheckBox(self.tr("Untagged only"))
        # Two rows that each fit 1024 pixels in French: what the statements say and where they
        # come from above, their tags below. The search, the title and the claim get the room
        # left (their placeholders say what they take; a long claim is elided, whole in the
        # tooltip).
        # Each row: its labelled filters, then the control that ends it.
        rows: list[tuple[list[tuple[str, QWidget, int]], QWidget]] = [
            (
                [
                    (self.tr("Search"), self.search, 3),
                    (self.tr("Article"), self.title, 1),
                    (self.tr("Outlet"), self.outlet, 0),
                    (self.tr("From"), self.date_from, 0),
                    (self.tr("To"), self.date_to, 0),
                ],
                self.clear_button,
            ),
            (
                [
                    (self.tr("Source"), self.source, 0),
                    (self.tr("Stance"), self.stance, 0),
                    (self.tr("Confidence"), self.confidence, 0),
                    (self.tr("Claim"), self.claim, 1),
                ],
                self.untagged,
            ),
        ]
        filters = QVBoxLayout()
        order: list[QWidget] = []  # the filters as they read, for Tab
        for cells, last in rows:
            line = QHBoxLayout()
            for label, widget, stretch in cells:
                line.addWidget(QLabel(label))
                line.addWidget(widget, stretch)
            line.addWidget(last)
            filters.addLayout(line)
            order += [widget for _label, widget, _stretch in cells] + [last]
        self.claim.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.claim.setMinimumContentsLength(14)
        # An outlet's long name is elided too: the search gets the room.
        self.outlet.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outlet.setMinimumContentsLength(8)
        self.outlet.currentTextChanged.connect(self.outlet.setToolTip)
        self.claim.currentTextChanged.connect(self.claim.setToolTip)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.title.textChanged.connect(self._debounce.start)
        for combo in (self.source, self.stance, self.confidence, self.claim, self.outlet):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._debounce.start)
        self.untagged.toggled.connect(self.apply_filter)

        self.table = QTableView()
        # Tab leaves the table for the tagging row (the arrows go from cell to cell).
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows it does not show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Fitted whenever the table's visible width changes (not the view's: the table is
        # laid out after it).
        self.table.viewport().installEventFilter(self)
        self._fitted_width = 0
        self.table.doubleClicked.connect(self._opened)
        # The statement's text with the search's words marked where they were found.
        self.hits = HitDelegate(self.table)
        self.table.setItemDelegateForColumn(TEXT_COLUMN, self.hits)

        self.bulk_source = QComboBox()
        self.bulk_stance = QComboBox()
        for stance in ("asserts", "denies", "neutral"):
            self.bulk_stance.addItem(stance_word(stance), stance)
        self.bulk_confidence = QComboBox()
        tag_button = QPushButton(self.tr("Tag selected rows"))
        tag_button.clicked.connect(self.tag_selected)
        bulk = QHBoxLayout()
        bulk.addWidget(self.count_label, 1)
        bulk.addWidget(QLabel(self.tr("Tag selection with")))
        for widget in (self.bulk_source, self.bulk_stance, self.bulk_confidence, tag_button):
            bulk.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table)
        layout.addLayout(bulk)
        # Tab goes along the filters' rows as they read, then the table and the tagging row.
        order += [self.table, self.bulk_source, self.bulk_stance, self.bulk_confidence, tag_button]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    # --- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        self._fill_choices()
        self.model.project = self.session.project
        self.model.set_filter(self.current_filter())

    def apply_change(self, change: Change) -> bool:
        """A tag edit refreshes the loaded rows of its statements only."""
        if change.statement_ids is None:
            return False
        self.model.refresh_statements(change.statement_ids)
        return True

    def _fill_choices(self) -> None:
        choices = statement_table.filter_choices(self.session.project)

        def fill(combo: QComboBox, items: list[tuple[str, Any]], with_any: bool = True) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if with_any:
                # "Any" agrees with its noun in French: toutes les sources, tous les médias.
                combo.addItem(
                    self.tr("Any", "outlet") if combo is self.outlet else self.tr("Any"), None
                )
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

        sources = [(s.name, s.id) for s in choices.sources]
        levels = [(lv.label, lv.id) for lv in choices.levels]
        fill(self.source, sources)
        fill(self.confidence, levels)
        fill(self.claim, [(c.label, c.id) for c in choices.claims])
        fill(self.outlet, [(o, o) for o in choices.outlets])
        fill(self.bulk_source, sources, with_any=False)
        unset = self.tr("(confidence not set)")  # as the charts and the matrix say it
        fill(self.bulk_confidence, [(unset, None), *levels], with_any=False)

    # --- filtering ---------------------------------------------------------------------------

    def current_filter(self) -> StatementFilter:
        source = self.source.currentData()
        level = self.confidence.currentData()
        stance = self.stance.currentData()
        return StatementFilter(
            source_ids=(source,) if source is not None else (),
            stance=stance,
            level_ids=(level,) if level is not None else (),
            untagged_only=self.untagged.isChecked(),
            claim_id=self.claim.currentData(),
            title_contains=self.title.text().strip() or None,
            outlet=self.outlet.currentData(),
            published_from=date_of(self.date_from),
            published_to=date_of(self.date_to),
            search=self.search.text().strip() or None,
        )

    def apply_filter(self) -> None:
        statement_filter = self.current_filter()
        self.hits.search = statement_filter.search
        self.model.set_filter(statement_filter)
        self.table.viewport().update()

    def is_filtered(self) -> bool:
        return self.current_filter() != StatementFilter()

    def clear_filters(self) -> None:
        """Every filter back to "any", the table reloaded once."""
        widgets = (self.search, self.title, self.untagged, self.date_from, self.date_to)
        combos = (self.source, self.stance, self.confidence, self.claim, self.outlet)
        for widget in (*widgets, *combos):
            widget.blockSignals(True)
        self.search.clear()
        self.title.clear()
        self.untagged.setChecked(False)
        for edit in (self.date_from, self.date_to):
            edit.setDate(edit.minimumDate())  # the minimum shows "any"
        for combo in combos:
            combo.setCurrentIndex(0)
        for widget in (*widgets, *combos):
            widget.blockSignals(False)
        self._debounce.stop()
        self.apply_filter()

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("counting…") if total < 0 else counted().statements(total))
        if total == 0 and self.is_filtered():
            message = self.tr("No statement matches these filters. Clear filters to see them all.")
        elif total == 0:
            message = self.tr(
                "No statements yet: import articles (File ▸ Import files…, Ctrl+I) and their "
                "text is split into statements to tag."
            )
        else:
            message = ""
        self.empty_state.setText(message)
        self.empty_state.setVisible(bool(message))
        self.clear_button.setEnabled(self.is_filtered())

    # --- actions ----------------------------------------------------------------------------

    def _opened(self, index: Any) -> None:
        statement_id = index.data(StatementTableModel.StatementIdRole)
        article_id = index.data(StatementTableModel.ArticleIdRole)
        if statement_id is not None:
            self.open_statement.emit(int(article_id), int(statement_id))

    def selected_statement_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.statement_ids(rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        viewport = self.table.viewport()
        resized = event.type() == QEvent.Type.Resize and watched is viewport
        if resized and viewport.width() != self._fitted_width:
            self._fitted_width = viewport.width()
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The columns at their widths where the window has room, all narrowed alike where it
        has not (each cell elided, whole in its tooltip): the table never scrolls sideways
        at 1024 pixels."""
        header = self.table.horizontalHeader()
        fixed = sum(COLUMN_WIDTHS[c] for c in FIXED_COLUMNS)
        flexible = sum(COLUMN_WIDTHS) - fixed
        room = self.table.viewport().width() - fixed
        scale = min(1.0, room / flexible) if room > 0 else 1.0
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width if column in FIXED_COLUMNS else int(width * scale))

    def tag_selected(self) -> None:
        """Tag every selected statement with one source, stance and confidence: one undo step."""
        ids = self.selected_statement_ids()
        source_id = self.bulk_source.currentData()
        if not ids or source_id is None or not self.session.ready_to_edit():
            return
        changes = {
            "stance": self.bulk_stance.currentData(),
            "confidence_level_id": self.bulk_confidence.currentData(),
        }
        commands = [
            AttributionCommand(
                self.session,
                editing.AttributionKey(statement_id, source_id, self.session.annotator_id),
                "tag",
                **changes,
            )
            for statement_id in ids
        ]
        push_all(
            self.session.undo_stack,
            self.tr("tag %Ln statement(s) {source}", "", len(ids)).format(
                source=self.bulk_source.currentText()
            ),
            commands,
        )
