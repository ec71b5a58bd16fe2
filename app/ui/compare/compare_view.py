"""The Compare view: the claims × sources matrix, with its filters, sorting and CSV export.

The full matrix is computed off the GUI thread; after an edit that names its statements, only
the rows of the claims those statements are linked to are recomputed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import DomainError
from app.services import browse, exporting, statement_table
from app.services import compare as compare_service
from app.services.compare import Matrix, MatrixFilter, MatrixRow
from app.ui.compare.controls import ArticlePicker, SourceChooser
from app.ui.compare.matrix_model import MatrixModel
from app.ui.dates import date_of, optional_date_edit
from app.ui.errors import plain_message
from app.ui.i18n import counted, number, translated
from app.ui.layer_chooser import LayerChooser
from app.ui.lazy import LazyView
from app.ui.session import Change, Session
from app.ui.words import QT_TRANSLATE_NOOP
from app.ui.worker import Background

SORT_CHOICES = (
    (QT_TRANSLATE_NOOP("CompareView", "Claim"), "claim"),
    (QT_TRANSLATE_NOOP("CompareView", "Number of sources"), "sources"),
    (QT_TRANSLATE_NOOP("CompareView", "First date"), "first_date"),
)


class CompareView(LazyView):
    claim_activated = Signal(int)
    computed = Signal()  # a full matrix arrived (tests and screenshots wait for it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.matrix: Matrix | None = None
        self.article_ids: set[int] = set()
        self.model = MatrixModel(self)
        self.background = Background(self)
        self.background.finished.connect(self._show_matrix)
        self.background.failed.connect(
            lambda text: QMessageBox.warning(self, self.tr("Compare"), text)
        )

        self.sources = SourceChooser()
        self.sources.chosen_changed.connect(self.recompute)
        self.layer = LayerChooser()
        self.layer.layer_changed.connect(self.recompute)
        self.contradictions = QCheckBox(self.tr("Contested claims only"))
        self.silent = QComboBox()
        self.outlet = QComboBox()
        self.date_from = optional_date_edit(self.tr("any"))
        self.date_to = optional_date_edit(self.tr("any"))
        self.sort = QComboBox()
        for words, key in SORT_CHOICES:
            text = translated(words)
            self.sort.addItem(text, key)
        self.descending = QCheckBox(self.tr("Descending"))
        self.articles_button = QPushButton(self.tr("Articles: all"))
        self.articles_button.clicked.connect(self.pick_articles)
        export = QPushButton(self.tr("Export CSV…"))
        export.clicked.connect(self.export_csv)
        for toggle in (self.contradictions, self.descending):
            toggle.toggled.connect(self.recompute)
        for combo in (self.silent, self.outlet, self.sort):
            combo.currentIndexChanged.connect(self.recompute)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.recompute)

        # Each label beside its control; the room left goes to the outlet's list.
        filters = QHBoxLayout()
        cells: list[tuple[str, QWidget, int]] = [
            (self.tr("Never mentioned by"), self.silent, 0),
            (self.tr("Outlet"), self.outlet, 1),
            (self.tr("From"), self.date_from, 0),
            (self.tr("To"), self.date_to, 0),
            (self.tr("Sort by"), self.sort, 0),
        ]
        for label, cell, stretch in cells:
            filters.addWidget(QLabel(label))
            filters.addWidget(cell, stretch)
        row = QHBoxLayout()
        layer_label = QLabel(self.tr("&Tags of"))
        layer_label.setBuddy(self.layer)
        row.addWidget(layer_label)
        row.addWidget(self.layer)
        for button in (self.contradictions, self.descending, self.articles_button):
            row.addWidget(button)
        row.addStretch(1)
        self.status = QLabel()
        # As wide as its text ("N claims, M contested"): a fixed width kept the French
        # window wider than 1024 pixels.
        row.addWidget(self.status)
        row.addWidget(export)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the matrix; the arrows go cell to cell
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._activated)
        self.table.viewport().installEventFilter(self)
        self._fitted_width = 0
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Sources (tick, drag to order)")))
        left.addWidget(self.sources)
        body = QHBoxLayout()
        body.addLayout(left)
        # Said in place of an empty matrix: why it is empty and what to do.
        self.empty_state = QLabel()
        self.empty_state.setWordWrap(True)
        self.empty_state.setVisible(False)
        matrix_column = QVBoxLayout()
        matrix_column.addWidget(self.empty_state)
        matrix_column.addWidget(self.table, 1)
        body.addLayout(matrix_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addLayout(body)

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        project = self.session.project
        self.model.articles_loader = lambda claim_id, source: compare_service.cell_articles(
            project, claim_id, source, self.current_filter(), self.layer.layer()
        )
        self.layer.set_annotators(
            compare_service.judging_annotators(project), self.session.annotator
        )
        self._fill_choices()
        self.recompute()

    def _fill_choices(self) -> None:
        choices = statement_table.filter_choices(self.session.project)
        self.sources.set_sources(list(choices.sources))
        for combo, items in (
            (self.silent, [s.name for s in choices.sources]),
            (self.outlet, list(choices.outlets)),
        ):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—")
            combo.addItems(items)
            combo.setCurrentIndex(max(combo.findText(current), 0))
            combo.blockSignals(False)

    def current_filter(self) -> MatrixFilter:
        outlet = self.outlet.currentText()
        return MatrixFilter(
            article_ids=tuple(sorted(self.article_ids)),
            outlet=None if outlet in ("", "—") else outlet,
            published_from=date_of(self.date_from),
            published_to=date_of(self.date_to),
        )

    def _options(self) -> dict[str, Any]:
        silent = self.silent.currentText()
        return {
            "contradictions_only": self.contradictions.isChecked(),
            "matrix_filter": self.current_filter(),
            "never_mentioned_by": None if silent in ("", "—") else silent,
            "sort": self.sort.currentData() or "claim",
            "descending": self.descending.isChecked(),
            "layer": self.layer.layer(),
        }

    def recompute(self, *_: object) -> None:
        """Compute the whole matrix in the background."""
        project, names, options = self.session.project, self.sources.chosen(), self._options()
        self.status.setText(self.tr("Computing…"))
        self.background.submit(
            lambda: compare_service.compare(project, names, with_articles=False, **options)
        )

    def _show_matrix(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self.model.set_matrix(matrix)
        contested = sum(1 for r in matrix.rows if r.contradiction)
        self.status.setText(self._claims_status(len(matrix.rows), contested))
        self._show_empty_state(bool(matrix.rows))
        self._fit_columns()
        self.computed.emit()

    def _show_empty_state(self, has_rows: bool) -> None:
        options = self._options()
        narrowed = (
            options["contradictions_only"]
            or options["never_mentioned_by"] is not None
            or options["matrix_filter"] != MatrixFilter()
        )
        if has_rows:
            message = ""
        elif narrowed:
            message = self.tr("No claim matches these filters: widen them to see the matrix.")
        else:
            message = self.tr(
                "No claims yet: in Annotate, link a tagged statement to the claim it makes "
                "(C opens the claim box) and each claim becomes a row here, a column per source."
            )
        self.empty_state.setText(message)
        self.empty_state.setVisible(bool(message))

    def _claims_status(self, claims: int, contested: int) -> str:
        return self.tr("{claims}, %Ln contested", "", contested).format(
            claims=counted().claims(claims)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The columns fitted again when the table's visible width changes."""
        viewport = self.table.viewport()
        resized = event.type() == QEvent.Type.Resize and watched is viewport
        if resized and viewport.width() != self._fitted_width and self.model.columnCount():
            self._fitted_width = viewport.width()
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column on screen where it can be: the flag and the sources as wide as their
        cells (stance, count, confidence), the claim what is left, from a minimum up to what
        it needs (the full text is in its tooltip); only when even that is too wide do the
        columns scroll."""
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()

        def needed(column: int) -> int:  # not the stretched width of the last column
            return max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))

        columns = self.model.columnCount()
        for column in range(1, columns):
            self.table.setColumnWidth(column, needed(column))
        others = sum(needed(c) for c in range(1, columns))
        least = self.table.fontMetrics().horizontalAdvance("M" * 12)
        self.table.setColumnWidth(0, max(least, min(needed(0), width - others)))

    def apply_change(self, change: Change) -> bool:
        """A tag edit recomputes the rows of its claims only."""
        if change.statement_ids is None or self.matrix is None:
            return False
        if self.background.busy:
            # A whole matrix computed before this edit is on its way and would undo the
            # refreshed rows when it lands: compute it again instead.
            return False
        self.refresh_rows(change.statement_ids, change.claim_ids)
        return True

    def refresh_rows(
        self, statement_ids: frozenset[int], also_claims: frozenset[int] = frozenset()
    ) -> None:
        """Recompute only the claims these statements are linked to, and the claims an edit
        linked or unlinked (one small GROUP BY)."""
        project = self.session.project
        touched = compare_service.claims_touched(project, list(statement_ids))
        claim_ids = sorted(touched | also_claims)
        if not claim_ids:
            return
        options = self._options()
        fresh = compare_service.matrix_rows_for(
            project,
            claim_ids,
            self.sources.chosen(),
            options["matrix_filter"],
            with_articles=False,
            with_first_dates=options["sort"] == "first_date",
            layer=options["layer"],
        )
        silent = options["never_mentioned_by"]

        def keep(row: MatrixRow) -> bool:
            if options["contradictions_only"] and not row.contradiction:
                return False
            return not silent or silent not in row.cells

        self.model.update_rows(fresh, keep)
        contested = sum(1 for r in self.model.rows if r.contradiction)
        self.status.setText(self._claims_status(len(self.model.rows), contested))
        self._show_empty_state(bool(self.model.rows))

    # --- actions -------------------------------------------------------------------------------

    def pick_articles(self) -> None:
        dialog = ArticlePicker(
            browse.list_articles(self.session.project, with_progress=False), self.article_ids, self
        )
        if dialog.exec() == ArticlePicker.DialogCode.Accepted:
            self.article_ids = dialog.chosen()
            self.articles_button.setText(
                self.tr("Articles: {count}").format(count=number(len(self.article_ids)))
                if self.article_ids
                else self.tr("Articles: all")
            )
            self.recompute()

    def export_csv(self, path: str | None = None) -> Path | None:
        if self.matrix is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the matrix"), self.tr("matrix") + ".csv", "CSV (*.csv)"
            )
        if not path:
            return None
        shown = Matrix(self.model.sources, self.model.rows)
        try:
            exporting.export_matrix_csv(shown, Path(path))
        except (OSError, DomainError) as error:
            self.status.setText(self.tr("Not exported: {error}").format(error=plain_message(error)))
            return None
        return Path(path)

    def _activated(self, index: Any) -> None:
        claim_id = index.data(MatrixModel.ClaimIdRole)
        if claim_id is not None:
            self.claim_activated.emit(int(claim_id))
