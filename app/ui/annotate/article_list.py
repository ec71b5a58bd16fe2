"""The Annotate view's left pane: the article list (paged, filtered by the database) with its
filter box and a Details… action."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.ui.annotate.own_keys import KeepListKeys
from app.ui.article_model import ArticleTableModel, PageLoader, ProgressLoader


class ArticleList(QWidget):
    article_chosen = Signal(int)  # the user picked another row
    details_requested = Signal()  # the Details… action on the chosen row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleTableModel(self)
        self._widths: dict[int, int] = {}  # the outlet's, the date's and the progress' columns
        self.filter_box = QLineEdit(placeholderText=self.tr("Filter articles"))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter_box.text()))
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Tab leaves the list for the text instead of walking its cells (each cell a row
        # further down would open another article); ↑/↓ stay the list's.
        self.table.setTabKeyNavigation(False)
        self._own_keys = KeepListKeys(self)
        self.table.installEventFilter(self._own_keys)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        details = QAction(self.tr("Details…"), self.table)
        details.triggered.connect(self.details_requested.emit)
        self.table.addAction(details)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def set_loaders(self, pages: PageLoader, progress: ProgressLoader) -> None:
        self.model.set_loaders(pages, progress)
        # Fixed widths: resizing to contents would measure every row of a long list.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((1, "Agence C…"), (2, "2024-12-31"), (3, "9999/9999")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self._widths[column] = metrics.horizontalAdvance(sample) + 16
            header.resizeSection(column, self._widths[column])
        self._give_way()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._give_way()

    def _give_way(self) -> None:
        """In a narrow list the title keeps room to be read (elided, whole in its tooltip):
        the outlet's column gives way first, then the date's (the header above the text
        shows both); they come back when the list is widened."""
        if len(self._widths) < 3:
            return
        # (A hidden section measures 0: the widths are the ones set_loaders gave.)
        room = self.table.viewport().width() - self._widths[3]
        least = self.fontMetrics().horizontalAdvance("M" * 9)
        self.table.setColumnHidden(2, room - self._widths[2] < least)
        self.table.setColumnHidden(1, room - self._widths[2] - self._widths[1] < least)

    def select_silently(self, article_id: int) -> bool:
        """Select an article's row without announcing it, fetching pages until it is loaded."""
        row = self.model.row_of(article_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(article_id)
        if row is None:
            return False
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        return True

    def select_first(self) -> bool:
        """Select the first row (announced); False when the list is empty."""
        if not self.model.rowCount():
            return False
        self.table.selectRow(0)
        return True

    def _row_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        if current.isValid():
            article_id = current.data(ArticleTableModel.ArticleIdRole)
            if article_id is not None:
                self.article_chosen.emit(int(article_id))
