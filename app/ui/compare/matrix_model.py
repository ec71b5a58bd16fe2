"""The claims × sources matrix as a table model: one row per claim, one column per source.

Each cell shows the source's stance by colour *and* glyph, its firmest confidence and how
many statements back it; a row can be replaced alone when one tag changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.compare import Cell, Matrix, MatrixRow

Index = QModelIndex | QPersistentModelIndex

STANCE_STYLE = {  # glyph, background: distinct in hue and in lightness
    "asserts": ("▲", "#cfeccf"),
    "denies": ("▼", "#f6c9cd"),
    "neutral": ("●", "#e4e4e4"),
    "mixed": ("◆", "#ffe1a6"),
}
FIXED_COLUMNS = ("Claim", "Contested")


def cell_text(cell: Cell) -> str:
    glyph = STANCE_STYLE.get(cell.stance, ("", ""))[0]
    parts = [f"{glyph} {cell.stance}"]
    if cell.confidence_label:
        parts.append(cell.confidence_label)
    parts.append(f"{cell.statements} statement{'' if cell.statements == 1 else 's'}")
    return " · ".join(parts)


class MatrixModel(QAbstractTableModel):
    ClaimIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self.rows: list[MatrixRow] = []
        # (claim id, source) → articles; the matrix comes without them (see compare_view)
        self.articles_loader: Any = None
        self._articles: dict[tuple[int, str], int] = {}

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.sources = list(matrix.sources)
        self.rows = list(matrix.rows)
        self._articles = {}
        self.endResetModel()

    def update_rows(self, fresh: dict[int, MatrixRow | None], keep: Any = None) -> None:
        """Replace, add or drop the rows of some claims (after an edit touched them).

        `keep(row)` says whether a row passes the view's filters."""
        positions = {row.claim_id: i for i, row in enumerate(self.rows)}
        for claim_id, row in fresh.items():
            self._articles = {k: v for k, v in self._articles.items() if k[0] != claim_id}
            visible = row is not None and (keep is None or keep(row))
            at = positions.get(claim_id)
            if at is not None and visible:
                assert row is not None
                self.rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
            elif at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at]
                self.endRemoveRows()
                positions = {r.claim_id: i for i, r in enumerate(self.rows)}
            elif visible:
                assert row is not None
                end = len(self.rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self.rows.append(row)
                self.endInsertRows()
                positions[claim_id] = end

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIXED_COLUMNS) + len(self.sources)

    def cell(self, index: Index) -> Cell | None:
        if not index.isValid() or index.column() < len(FIXED_COLUMNS):
            return None
        source = self.sources[index.column() - len(FIXED_COLUMNS)]
        return self.rows[index.row()].cells.get(source)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == self.ClaimIdRole:
            return row.claim_id
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.claim
            return None
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return "⚠ contested" if row.contradiction else ""
            if role == Qt.ItemDataRole.ToolTipRole and row.contradiction:
                return "One source asserts this claim and another denies it."
            return None
        cell = self.cell(index)
        if cell is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STANCE_STYLE.get(cell.stance, ("", "#ffffff"))[1]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#111111"))
        if role == Qt.ItemDataRole.ToolTipRole:
            articles = cell.articles
            if articles is None and self.articles_loader is not None:
                source = self.sources[column - len(FIXED_COLUMNS)]
                key = (row.claim_id, source)
                if key not in self._articles:
                    self._articles[key] = self.articles_loader(row.claim_id, source)
                articles = self._articles[key]
            where = f" in {articles} article(s)" if articles is not None else ""
            return (
                f"{cell.stance}; firmest confidence: {cell.confidence_label or 'not set'}; "
                f"{cell.statements} statement(s){where}"
            )
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(FIXED_COLUMNS):
            return FIXED_COLUMNS[section]
        if section - len(FIXED_COLUMNS) < len(self.sources):
            return self.sources[section - len(FIXED_COLUMNS)]
        return None
