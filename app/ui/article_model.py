"""The article list as a Qt table model: a thin adapter over `services.browse`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_COLUMNS = (
    ("title", "Title"),
    ("outlet", "Outlet"),
    ("published", "Date"),
    ("progress", "Tagged"),
)

Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    """Rows are the dicts `list_articles` returns; the model never queries by itself."""

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
                return f"{row['tagged']}/{row['statements']}"
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
