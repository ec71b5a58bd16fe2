"""Table models of the Agreement view: the figures, and the disagreements between coders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.disagreements import Reading
from app.services.adjudication import Disagreement
from app.services.agreement import Figure
from app.ui.i18n import decimal, number, percent, stance_word
from app.ui.words import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementModels", text)


def reading_text(reading: Reading | None) -> str:
    """One coder's reading in a line: "▲ Seoul asserts · Possible; ▼ Kremlin denies"."""
    if reading is None:
        return ""
    if reading.no_source:
        return QCoreApplication.translate("AgreementModels", "∅ no source")
    parts = []
    for tag in reading.tags:
        text = f"{GLYPHS.get(tag.stance.value, '')} {tag.source} {stance_word(tag.stance.value)}"
        if tag.level:
            text += f" · {tag.level}"
        parts.append(text)
    return "; ".join(parts)


def metric_text(metric: str) -> str:
    return {
        "alpha_nominal": QCoreApplication.translate("AgreementModels", "α (nominal)"),
        "alpha_ordinal": QCoreApplication.translate("AgreementModels", "α (ordinal)"),
        "kappa": QCoreApplication.translate("AgreementModels", "Cohen's κ"),
        "percent_agreement": QCoreApplication.translate("AgreementModels", "% agreement"),
    }.get(metric, metric)


def axis_text(axis: str) -> str:
    return {
        "presence": QCoreApplication.translate("AgreementModels", "presence"),
        "stance": QCoreApplication.translate("AgreementModels", "stance"),
        "confidence": QCoreApplication.translate("AgreementModels", "confidence"),
    }.get(axis, axis)


def _value(value: float | None, metric: str) -> str:
    if value is None:
        return "—"
    if metric == "percent_agreement":
        return percent(value if value <= 1 else value / 100)
    return decimal(value, 3)


class FiguresModel(QAbstractTableModel):
    """The figures of one scope: the whole selection, or the articles one by one."""

    ARTICLE_COLUMN = 7
    # Marked for the catalogue; `headerData` translates them.
    HEADERS = (
        QT_TRANSLATE_NOOP("AgreementModels", "Axis"),
        QT_TRANSLATE_NOOP("AgreementModels", "Source"),
        QT_TRANSLATE_NOOP("AgreementModels", "Metric"),
        QT_TRANSLATE_NOOP("AgreementModels", "Value"),
        QT_TRANSLATE_NOOP("AgreementModels", "95% interval"),
        QT_TRANSLATE_NOOP("AgreementModels", "Units"),
        QT_TRANSLATE_NOOP("AgreementModels", "Coders"),
        QT_TRANSLATE_NOOP("AgreementModels", "Article"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.figures: list[Figure] = []
        self.article_titles: dict[int, str] = {}

    def set_figures(self, figures: Sequence[Figure], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self.figures, self.article_titles = list(figures), dict(titles)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.figures):
            return None
        figure = self.figures[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        metric = figure.metric.value
        if column == 0:
            return axis_text(figure.axis.value)
        if column == 1:
            return figure.source or QCoreApplication.translate("AgreementModels", "all sources")
        if column == 2:
            return metric_text(metric)
        if column == 3:
            return _value(figure.value, metric)
        if column == 4:
            if figure.ci_low is None or figure.ci_high is None:
                return ""
            return f"{_value(figure.ci_low, metric)} – {_value(figure.ci_high, metric)}"
        if column == 5:
            return number(figure.units)
        if column == 6:
            return ", ".join(figure.annotators)
        if column == 7:
            if figure.article_id is None:
                return ""
            return self.article_titles.get(figure.article_id, f"#{figure.article_id}")
        return None


class DisagreementModel(QAbstractTableModel):
    """One row per statement the coders read differently: where it is, its text, each
    coder's reading, and the consensus once adjudicated."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Disagreement] = []
        self.coders: list[str] = []

    def set_rows(self, rows: Sequence[Disagreement]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.coders = sorted({r.annotator for d in rows for r in d.readings}, key=str.casefold)
        self.endResetModel()

    def replace_row(self, fresh: Disagreement) -> None:
        for i, row in enumerate(self.rows):
            if row.statement_id == fresh.statement_id:
                self.rows[i] = fresh
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def _headers(self) -> list[str]:
        return [
            QCoreApplication.translate("AgreementModels", "Article"),
            "#",
            QCoreApplication.translate("AgreementModels", "Statement"),
            *self.coders,
            QCoreApplication.translate("AgreementModels", "Consensus"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4 + len(self.coders)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self._headers()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(headers)
        ):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.text
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return row.article_title
        if column == 1:
            return str(row.position)
        if column == 2:
            return " ".join(row.text.split())
        if column == 3 + len(self.coders):
            return reading_text(row.consensus)
        if 3 <= column < 3 + len(self.coders):
            name = self.coders[column - 3]
            return reading_text(next((r for r in row.readings if r.annotator == name), None))
        return None

    def disagreement(self, row: int) -> Disagreement | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
