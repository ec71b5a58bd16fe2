"""The article list as a Qt table model, paged: rows come a page at a time as the view
scrolls (Qt's fetch-more), filtered by the database; progress (tagged/total) is fetched for
the rows a view actually shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.rows import ArticleListRow
from app.ui.i18n import date_text, translated
from app.ui.words import QT_TRANSLATE_NOOP

_COLUMNS = (
    ("title", QT_TRANSLATE_NOOP("ArticleTableModel", "Title")),
    ("outlet", QT_TRANSLATE_NOOP("ArticleTableModel", "Outlet")),
    ("published", QT_TRANSLATE_NOOP("ArticleTableModel", "Date")),
    ("progress", QT_TRANSLATE_NOOP("ArticleTableModel", "Tagged")),
)

Index = QModelIndex | QPersistentModelIndex
PageLoader = Callable[[int | None, int, str | None], list[ArticleListRow]]
ProgressLoader = Callable[[list[int]], dict[int, tuple[int, int]]]
BLOCK = 100


class ArticleTableModel(QAbstractTableModel):
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None, page_size: int = 200) -> None:
        super().__init__(parent)
        self._rows: list[ArticleListRow] = []
        self.page_loader: PageLoader | None = None
        self.progress_loader: ProgressLoader | None = None
        self.page_size = page_size
        self.contains: str | None = None
        self._exhausted = True
        self._fetching = False

    def set_loaders(self, pages: PageLoader | None, progress: ProgressLoader | None) -> None:
        self.page_loader, self.progress_loader = pages, progress
        self.reload()

    def set_filter(self, text: str) -> None:
        self.contains = text.strip() or None
        self.reload()

    def set_rows(self, rows: list[ArticleListRow]) -> None:
        """Show fixed rows (no paging): for callers that already hold the list."""
        self.page_loader = None
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def reload(self, keep_rows: int = 0) -> None:
        self._fetching = True
        try:
            self.beginResetModel()
            self._rows = []
            self._exhausted = self.page_loader is None
            self.endResetModel()
        finally:
            self._fetching = False
        while self.canFetchMore() and len(self._rows) < max(keep_rows, 1):
            self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self.canFetchMore() or self.page_loader is None:
            return
        after = self._rows[-1].id if self._rows else None
        page = self.page_loader(after, self.page_size, self.contains)
        if len(page) < self.page_size:
            self._exhausted = True
        if not page:
            return
        self._fetching = True
        try:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def forget_progress(self, article_id: int) -> None:
        """An edit changed this article's progress: fetch it again when shown."""
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                self._rows[row] = replace(item, statements=None, tagged=None)
                index = self.index(row, 3)
                self.dataChanged.emit(index, index)

    def forget_all_progress(self) -> None:
        """Progress counts someone else's judgements now: fetch every row's again."""
        if not self._rows:
            return
        self._rows = [replace(item, statements=None, tagged=None) for item in self._rows]
        self.dataChanged.emit(self.index(0, 3), self.index(len(self._rows) - 1, 3))

    def _progress(self, row: int) -> tuple[int, int]:
        if self._rows[row].statements is None and self.progress_loader is not None:
            first = row - row % BLOCK
            block = [
                i
                for i in range(first, min(first + BLOCK, len(self._rows)))
                if self._rows[i].statements is None
            ]
            found = self.progress_loader([self._rows[i].id for i in block])
            for i in block:
                total, tagged = found.get(self._rows[i].id, (0, 0))
                self._rows[i] = replace(self._rows[i], statements=total, tagged=tagged)
        item = self._rows[row]
        return item.tagged or 0, item.statements or 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = _COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "progress":
                tagged, total = self._progress(index.row())
                return f"{tagged}/{total}"
            value = getattr(row, key)
            if key == "published" and value is not None:
                return date_text(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row.title
        if role == self.ArticleIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "progress":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(_COLUMNS):
            return translated(_COLUMNS[section][1])
        return None

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                return row
        return None
