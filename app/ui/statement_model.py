"""The Statements view's table model: pages of rows fetched by key as the view scrolls.

Qt's fetch-more pattern: `rowCount()` grows a page at a time (`canFetchMore`/`fetchMore`);
nothing touches every row on open or on scroll, and sorting is done by the database.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.domain.rows import TableRow
from app.services import statement_table
from app.services.project import Project
from app.services.statement_table import StatementFilter
from app.ui.i18n import date_text, stance_word, translated
from app.ui.words import QT_TRANSLATE_NOOP
from app.ui.worker import Background

Index = QModelIndex | QPersistentModelIndex
GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●"}

# (title, field of the row, sort key in SQL or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("StatementTableModel", "Article"), "title", "title"),
    (QT_TRANSLATE_NOOP("StatementTableModel", "Outlet"), "outlet", "outlet"),
    (QT_TRANSLATE_NOOP("StatementTableModel", "Date"), "published", "date"),
    ("#", "ordinal", "article"),
    (QT_TRANSLATE_NOOP("StatementTableModel", "Statement"), "text", None),
    # Each source with its stance and confidence, side by side.
    (QT_TRANSLATE_NOOP("StatementTableModel", "Tags"), "tags", None),
    (QT_TRANSLATE_NOOP("StatementTableModel", "Claims"), "claims", None),
)


class StatementTableModel(QAbstractTableModel):
    StatementIdRole = Qt.ItemDataRole.UserRole + 1
    ArticleIdRole = Qt.ItemDataRole.UserRole + 2

    total_changed = Signal(int)

    def __init__(self, parent: Any = None, page_size: int = 200) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.filter = StatementFilter()
        self.sort_key = "article"
        self.descending = False
        self.page_size = page_size
        self.total = 0
        self._rows: list[TableRow] = []
        self._exhausted = True
        self._fetching = False  # views and testers may ask for more while rows are going in
        # The total is a COUNT over the whole filter: computed in the background, so the
        # first rows paint without waiting for it.
        self.counter = Background(self)
        self.counter.finished.connect(self._set_total)

    # --- loading -----------------------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.reload()

    def set_filter(self, statement_filter: StatementFilter) -> None:
        self.filter = statement_filter
        self.reload()

    def reload(self, keep_rows: int = 0) -> None:
        """Start again from the first page (keeping about as many rows loaded as before)."""
        self._fetching = True
        try:
            self.beginResetModel()
            self._rows = []
            self._exhausted = self.project is None
            self.total = -1 if self.project else 0  # -1: still counting
            self.endResetModel()
        finally:
            self._fetching = False
        self.total_changed.emit(self.total)
        if self.project is not None:
            project, statement_filter = self.project, self.filter
            self.counter.submit(lambda: statement_table.count(project, statement_filter))
        while self.canFetchMore() and len(self._rows) < max(keep_rows, 1):
            self.fetchMore()

    def _set_total(self, total: int) -> None:
        self.total = total
        self.total_changed.emit(total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetching or self.project is None:
            return
        after = self._rows[-1].key if self._rows else None
        # The first page only needs to fill the screen; later pages come as the user scrolls.
        size = min(self.page_size, 64) if after is None else self.page_size
        page = statement_table.fetch_page(
            self.project, self.filter, self.sort_key, self.descending, after, size
        )
        if len(page) < size:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- the model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.StatementIdRole:
            return row.id
        if role == self.ArticleIdRole:
            return row.article_id
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("text", "title", "tags", "claims"):
            return self._display(row, key)
        return None

    @staticmethod
    def _display(row: TableRow, key: str) -> str:
        if key == "tags":
            return "; ".join(
                f"{t.source} {GLYPHS.get(t.stance, '')} {stance_word(t.stance)}"
                + (f" · {t.confidence}" if t.confidence else "")
                for t in row.tags
            )
        if key == "claims":
            return "; ".join(row.claims)
        value = getattr(row, key)
        if key == "published" and value is not None:
            return date_text(value)
        return "" if value is None else str(value)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return translated(COLUMNS[section][0])
        return None

    def refresh_statements(self, statement_ids: frozenset[int]) -> None:
        """Fetch the tags and claims of these statements again, where their rows are loaded."""
        if self.project is None:
            return
        rows = [i for i, r in enumerate(self._rows) if r.id in statement_ids]
        if not rows:
            return
        fresh = statement_table.tags_and_claims(self.project, [self._rows[i].id for i in rows])
        for i in rows:
            tags, claims = fresh.get(self._rows[i].id, ([], []))
            self._rows[i] = replace(self._rows[i], tags=tuple(tags), claims=tuple(claims))
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def statement_ids(self, rows: list[int]) -> list[int]:
        return [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]

    def loaded(self) -> int:
        return len(self._rows)
