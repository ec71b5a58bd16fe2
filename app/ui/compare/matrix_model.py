"""The claims × sources matrix as a table model: one row per claim, one column per source.

Each cell shows the source's stance by colour *and* glyph, its firmest confidence and how
many statements back it; a row can be replaced alone when one tag changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.compare import Cell, Matrix, MatrixRow
from app.ui.i18n import counted, stance_word, translated
from app.ui.theme import scheme
from app.ui.words import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

# A stance shows by glyph and by colour; the colours (a tint of the stance's hue, and text
# that reads on it) come from the theme's scheme.
STANCE_GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●", "mixed": "◆"}
FIXED_COLUMNS = (
    QT_TRANSLATE_NOOP("MatrixModel", "Claim"),
    QT_TRANSLATE_NOOP("MatrixModel", "Contested"),
)


def cell_text(cell: Cell) -> str:
    """The stance, how many statements back it (in brackets, so that a narrow column still
    shows it) and the firmest confidence; the tooltip spells them out."""
    glyph = STANCE_GLYPHS.get(cell.stance, "")
    parts = [f"{glyph} {stance_word(cell.stance)} ({cell.statements})"]
    if cell.confidence_label:
        parts.append(cell.confidence_label)
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
                return "⚠ " + self.tr("contested") if row.contradiction else ""
            if role == Qt.ItemDataRole.ToolTipRole and row.contradiction:
                return self.tr("One source asserts this claim and another denies it.")
            return None
        cell = self.cell(index)
        if cell is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(scheme().stance_background(cell.stance)))
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = scheme()
            return QBrush(QColor(colours.text_on(colours.stance_background(cell.stance))))
        if role == Qt.ItemDataRole.ToolTipRole:
            articles = cell.articles
            if articles is None and self.articles_loader is not None:
                source = self.sources[column - len(FIXED_COLUMNS)]
                key = (row.claim_id, source)
                if key not in self._articles:
                    self._articles[key] = self.articles_loader(row.claim_id, source)
                articles = self._articles[key]
            statements = counted().statements(cell.statements)
            if articles is not None:
                statements = self.tr("{statements} in %Ln article(s)", "", articles).format(
                    statements=statements
                )
            return self.tr("{stance}; firmest confidence: {confidence}; {statements}").format(
                stance=stance_word(cell.stance),
                confidence=cell.confidence_label or self.tr("not set"),
                statements=statements,
            )
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(FIXED_COLUMNS):
            return translated(FIXED_COLUMNS[section])
        if section - len(FIXED_COLUMNS) < len(self.sources):
            return self.sources[section - len(FIXED_COLUMNS)]
        return None
