"""Charts: statements, stance and confidence per source, per source over time, and a claim's
timeline. Data come from SQL aggregations computed off the GUI thread; every chart exports
as PNG and SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.contrast import LIGHT
from app.domain.model import DomainError
from app.services import compare as compare_service
from app.services import exporting, statement_table
from app.services import sources as source_service
from app.ui.errors import plain_message
from app.ui.i18n import translated
from app.ui.layer_chooser import LayerChooser
from app.ui.lazy import LazyView
from app.ui.session import Session
from app.ui.theme import scheme
from app.ui.words import QT_TRANSLATE_NOOP
from app.ui.worker import Background

CHARTS = (
    (QT_TRANSLATE_NOOP("ChartsView", "Statements per source"), "total"),
    (QT_TRANSLATE_NOOP("ChartsView", "Stance per source"), "stance"),
    (QT_TRANSLATE_NOOP("ChartsView", "Confidence per source"), "confidence"),
    (QT_TRANSLATE_NOOP("ChartsView", "Statements per source over time"), "month"),
    (QT_TRANSLATE_NOOP("ChartsView", "Timeline of a claim"), "timeline"),
)


class ChartsView(LazyView):
    drawn = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.figure: Any = None  # matplotlib is imported when the tab is first shown
        self.canvas: Any = None
        self.data: dict[str, Any] | None = None  # what the chart shown was drawn from
        self.background = Background(self)
        self.background.finished.connect(self._draw)
        self.chart = QComboBox()
        for words, key in CHARTS:
            text = translated(words)
            self.chart.addItem(text, key)
        self.claim = QComboBox()
        # As wide as the row leaves it (a long claim elided, whole in the tooltip): the
        # controls after it stay in sight at 1024 pixels.
        self.claim.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.claim.setMinimumContentsLength(18)
        self.claim.currentTextChanged.connect(self.claim.setToolTip)
        # The chart's name is read whole: the claim gives way instead.
        self.chart.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chart.currentIndexChanged.connect(self.recompute)
        self.claim.currentIndexChanged.connect(self.recompute)
        self.layer = LayerChooser()
        self.layer.layer_changed.connect(self.recompute)
        # One button for both formats leaves the claim room to be read at 1024 pixels.
        self.export_button = QPushButton(self.tr("E&xport"))
        formats = QMenu(self.export_button)
        formats.addAction(self.tr("PNG image…"), lambda: self.export("png"))
        formats.addAction(self.tr("SVG drawing…"), lambda: self.export("svg"))
        self.export_button.setMenu(formats)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.chart)
        top.addWidget(QLabel(self.tr("Claim")))
        top.addWidget(self.claim, 1)
        layer_label = QLabel(self.tr("&Tags of"))
        layer_label.setBuddy(self.layer)
        top.addWidget(layer_label)
        top.addWidget(self.layer)
        self.status = QLabel()  # says why an export was refused
        top.addWidget(self.status)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self._layout = layout

    def _ensure_canvas(self) -> None:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(8, 5), layout="constrained")
            self.canvas = FigureCanvasQTAgg(self.figure)
            self._layout.addWidget(self.canvas, 1)

    def load(self) -> None:
        self._ensure_canvas()
        current = self.claim.currentData()
        self.claim.blockSignals(True)
        self.claim.clear()
        for claim in compare_service.claims(self.session.project):
            self.claim.addItem(claim.label, claim.id)
        self.claim.setCurrentIndex(max(self.claim.findData(current), 0))
        self.claim.blockSignals(False)
        self.layer.set_annotators(
            compare_service.judging_annotators(self.session.project), self.session.annotator
        )
        self.recompute()

    def recompute(self, *_: object) -> None:
        project = self.session.project
        kind = self.chart.currentData()
        claim_id, claim_label = self.claim.currentData(), self.claim.currentText()
        layer = self.layer.layer()
        self.claim.setEnabled(kind == "timeline")

        def work() -> dict[str, Any]:
            sources = statement_table.filter_choices(project).sources
            data: dict[str, Any] = {
                "kind": kind,
                "colours": {s.name: s.colour for s in sources},
                "levels": compare_service.levels(project),
                "scales": source_service.list_scales(project),
                "claim": claim_label,
            }
            if kind == "timeline":
                data["rows"] = (
                    compare_service.claim_timeline(project, claim_id, layer) if claim_id else []
                )
            else:
                # Confidence by level, not rank: tags keep levels of an earlier scale.
                by = "level" if kind == "confidence" else kind
                data["rows"] = compare_service.source_figures(project, by, layer)
            return data

        self.background.submit(work)

    def _draw(self, data: dict[str, Any]) -> None:
        from app.ui.compare import charts

        self._ensure_canvas()
        self.data = data
        charts.draw(self.figure, data, scheme(self.palette()))  # in the window's theme
        self.canvas.draw_idle()
        self.drawn.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.data is not None:
            self._draw(self.data)  # the chart in the new theme's colours

    def export(self, kind: str, path: str | None = None) -> Path | None:
        if not path:
            name = self.tr("chart")  # the file's name offered, in the interface's language
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), f"{name}.{kind}", f"{kind.upper()} (*.{kind})"
            )
        if not path or self.figure is None or self.data is None:
            return None
        from matplotlib.figure import Figure

        from app.ui.compare import charts

        # On paper: the light theme's colours whatever the window's, at the window's size.
        paper = Figure(figsize=self.figure.get_size_inches(), layout="constrained")
        charts.draw(paper, self.data, LIGHT)
        try:
            with exporting.atomic_file(Path(path), binary=True) as handle:
                paper.savefig(handle, format=kind, dpi=200 if kind == "png" else None)
        except (OSError, DomainError) as error:
            self.status.setText(self.tr("Not exported: {error}").format(error=plain_message(error)))
            return None
        self.status.setText(self.tr("Exported {file}").format(file=Path(path).name))
        return Path(path)
