"""The export's options, as `sourcetrack export` takes them: the format (CSV, Excel CSV, JSON
Lines, REFI-QDA, matrix CSV) and the filters — the open article only (--article), a source
(--source), an annotator (--annotator), a stance (--stance), an outlet (--outlet), published
from and to (--from, --to). A .qdpx holds the whole project: its filters are greyed out, and
the matrix has no stance filter (its cells show every stance)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.domain.model import Stance
from app.services.export_job import FORMATS, ExportRequest
from app.ui.dates import DateEdit
from app.ui.i18n import date_pattern, stance_word, translated
from app.ui.words import QT_TRANSLATE_NOOP

# The formats as the dialog names them (`FORMATS` holds the command line's names).
FORMAT_WORDS = {
    "Excel CSV": QT_TRANSLATE_NOOP("ExportOptions", "Excel CSV"),
    "Matrix CSV": QT_TRANSLATE_NOOP("ExportOptions", "Matrix CSV"),
    "Matrix CSV for Excel": QT_TRANSLATE_NOOP("ExportOptions", "Matrix CSV for Excel"),
}


class ExportOptions(QDialog):
    def __init__(
        self,
        sources: Sequence[str],
        annotators: Sequence[str],
        open_article: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.open_article = open_article
        form = QFormLayout(self)
        self.format = QComboBox()
        for name in FORMATS:
            self.format.addItem(translated(FORMAT_WORDS.get(name, name)), name)
        form.addRow(self.tr("&Format:"), self.format)
        title = (
            self.tr("only “{title}”").format(title=open_article[1])
            if open_article
            else self.tr("only the open article")
        )
        self.only_open = QCheckBox(title)
        self.only_open.setEnabled(open_article is not None)
        form.addRow(self.tr("&Article:"), self.only_open)
        self.source = self._choices([(name, name) for name in sources])
        form.addRow(self.tr("&Source:"), self.source)
        self.annotator = self._choices([(name, name) for name in annotators])
        form.addRow(self.tr("A&nnotator:"), self.annotator)
        self.stance = self._choices([(stance_word(s.value), s.value) for s in Stance])
        form.addRow(self.tr("S&tance:"), self.stance)
        self.outlet = QLineEdit(placeholderText=self.tr("any outlet"))
        form.addRow(self.tr("&Outlet:"), self.outlet)
        self.use_from, self.published_from = self._date(self.tr("published from"))
        form.addRow(self.use_from, self.published_from)
        self.use_to, self.published_to = self._date(self.tr("published up to"))
        form.addRow(self.use_to, self.published_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(lambda _i: self._format_chosen(self.format_name))
        self._format_chosen(self.format_name)

    def _choices(self, items: Sequence[tuple[str, str]]) -> QComboBox:
        """A choice of (words, value), after "(any)", whose value is None."""
        box = QComboBox()
        box.addItem(self.tr("(any)"), None)
        for words, value in items:
            box.addItem(words, value)
        return box

    @staticmethod
    def _date(label: str) -> tuple[QCheckBox, QDateEdit]:
        use = QCheckBox(label)
        edit: QDateEdit = DateEdit(QDate.currentDate())  # Tab leaves it, as in every view
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_pattern())  # the interface language's order
        edit.setEnabled(False)
        use.toggled.connect(edit.setEnabled)
        return use, edit

    def _format_chosen(self, name: str) -> None:
        fmt = FORMATS.get(name, ("csv", False))[0]
        filters: list[QWidget] = [
            self.source, self.annotator, self.stance, self.outlet,
            self.use_from, self.published_from, self.use_to, self.published_to,
        ]  # fmt: skip
        for widget in filters:
            widget.setEnabled(fmt != "qdpx")
        self.only_open.setEnabled(fmt != "qdpx" and self.open_article is not None)
        self.stance.setEnabled(fmt not in ("qdpx", "matrix-csv"))
        self.published_from.setEnabled(fmt != "qdpx" and self.use_from.isChecked())
        self.published_to.setEnabled(fmt != "qdpx" and self.use_to.isChecked())

    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    def request(self, output: Path) -> ExportRequest:
        """The export asked for, to `output` (only the options that apply to the format)."""
        fmt, excel = FORMATS[self.format_name]
        if fmt == "qdpx":
            return ExportRequest(output, fmt, excel)

        def chosen(box: QComboBox) -> str | None:
            value = box.currentData()
            return None if value is None or not box.isEnabled() else str(value)

        def day(use: QCheckBox, edit: QDateEdit) -> date | None:
            if not use.isChecked():
                return None
            picked = edit.date()
            return date(picked.year(), picked.month(), picked.day())

        article = self.open_article if self.only_open.isChecked() else None
        source = chosen(self.source)
        return ExportRequest(
            output,
            fmt,
            excel,
            article_ids=[article[0]] if article else None,
            source_names=[source] if source else None,
            annotator=chosen(self.annotator),
            stance=chosen(self.stance),
            outlet=self.outlet.text().strip() or None,
            published_from=day(self.use_from, self.published_from),
            published_to=day(self.use_to, self.published_to),
        )
