"""The article list as a Qt table model: a thin adapter over `services.browse`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_COLUMNS = (
    ("title", "Title"),
    ("outlet", "Outlet"),
    ("published", "Date"),
    ("progress", "Tagged"),
)

Index = QModelIndex | QPersistentModelIndex


ProgressLoader = Callable[[list[int]], dict[int, tuple[int, int]]]
BLOCK = 100


class ArticleTableModel(QAbstractTableModel):
    """Rows are the dicts `list_articles` returns. Progress (tagged/total) is fetched lazily,
    a block of rows at a time, for the rows a view actually asks about."""

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None, progress_loader: ProgressLoader | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.progress_loader = progress_loader

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _progress(self, row: int) -> tuple[int, int]:
        item = self._rows[row]
        if "statements" not in item and self.progress_loader is not None:
            first = row - row % BLOCK
            block = self._rows[first : first + BLOCK]
            found = self.progress_loader([r["id"] for r in block])
            for r in block:
                r["statements"], r["tagged"] = found.get(r["id"], (0, 0))
        return item.get("tagged", 0), item.get("statements", 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
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
            value = row.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row["title"]
        if role == self.ArticleIdRole:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "progress":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_COLUMNS)
        ):
            return _COLUMNS[section][1]
        return None

    def article_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None
