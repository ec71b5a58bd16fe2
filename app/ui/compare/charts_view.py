"""Charts: statements, stance and confidence per source, per source over time, and a claim's
timeline. Data come from SQL aggregations computed off the GUI thread; every chart exports
as PNG and SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import DomainError
from app.services import compare as compare_service
from app.services import exporting, statement_table
from app.services import sources as source_service
from app.ui.lazy import LazyView
from app.ui.session import Session
from app.ui.worker import Background

CHARTS = (
    ("Statements per source", "total"),
    ("Stance per source", "stance"),
    ("Confidence per source", "confidence"),
    ("Statements per source over time", "month"),
    ("Timeline of a claim", "timeline"),
)


class ChartsView(LazyView):
    drawn = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.figure: Any = None  # matplotlib is imported when the tab is first shown
        self.canvas: Any = None
        self.background = Background(self)
        self.background.finished.connect(self._draw)
        self.chart = QComboBox()
        for text, key in CHARTS:
            self.chart.addItem(text, key)
        self.claim = QComboBox()
        self.claim.setMinimumWidth(260)
        self.chart.currentIndexChanged.connect(self.recompute)
        self.claim.currentIndexChanged.connect(self.recompute)
        png = QPushButton("Export PNG…")
        png.clicked.connect(lambda: self.export("png"))
        svg = QPushButton("Export SVG…")
        svg.clicked.connect(lambda: self.export("svg"))
        top = QHBoxLayout()
        top.addWidget(QLabel("Chart"))
        top.addWidget(self.chart)
        top.addWidget(QLabel("Claim"))
        top.addWidget(self.claim)
        top.addStretch(1)
        self.status = QLabel()  # says why an export was refused
        top.addWidget(self.status)
        top.addWidget(png)
        top.addWidget(svg)
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
        self.recompute()

    def recompute(self, *_: object) -> None:
        project = self.session.project
        kind = self.chart.currentData()
        claim_id, claim_label = self.claim.currentData(), self.claim.currentText()
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
                data["rows"] = compare_service.claim_timeline(project, claim_id) if claim_id else []
            else:
                # Confidence by level, not rank: tags keep levels of an earlier scale.
                by = "level" if kind == "confidence" else kind
                data["rows"] = compare_service.source_figures(project, by)
            return data

        self.background.submit(work)

    def _draw(self, data: dict[str, Any]) -> None:
        from app.ui.compare import charts

        self._ensure_canvas()
        self.figure.clear()
        kind, rows = data["kind"], data["rows"]
        if kind == "total":
            charts.draw_totals(self.figure, rows, data["colours"])
        elif kind == "stance":
            charts.draw_stances(self.figure, rows)
        elif kind == "confidence":
            charts.draw_confidence(self.figure, rows, data["scales"])
        elif kind == "month":
            charts.draw_over_time(self.figure, rows, data["colours"])
        else:
            charts.draw_timeline(self.figure, data["claim"], rows, data["levels"], data["colours"])
        self.canvas.draw_idle()
        self.drawn.emit()

    def export(self, kind: str, path: str | None = None) -> Path | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export chart", f"chart.{kind}", f"{kind.upper()} (*.{kind})"
            )
        if not path or self.figure is None:
            return None
        try:
            with exporting.atomic_file(Path(path), binary=True) as handle:
                self.figure.savefig(handle, format=kind, dpi=200 if kind == "png" else None)
        except (OSError, DomainError) as error:
            self.status.setText(f"Not exported: {error}")
            return None
        self.status.setText(f"Exported {Path(path).name}")
        return Path(path)
