"""Side by side: one column per chosen source, rows aligned by claim, each cell quoting the
source's statements, so the reader compares wording, not only labels. A click on a quote opens
it in the Annotate view; a claim double-clicked in Compare opens the table at that claim."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.contrast import STANCE_HUES
from app.domain.model import DomainError
from app.services import compare as compare_service
from app.services import report, statement_table
from app.services.compare import SideBySide
from app.ui.compare.controls import SourceChooser
from app.ui.errors import plain_message
from app.ui.i18n import counted, date_text, interface_language, stance_word
from app.ui.layer_chooser import LayerChooser
from app.ui.lazy import LazyView
from app.ui.session import Session
from app.ui.theme import scheme
from app.ui.worker import Background

QUOTES_PER_CELL = 5


class SideBySideView(LazyView):
    open_statement = Signal(int, int)
    computed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.result: SideBySide | None = None
        self.wanted_claim: int | None = None  # to scroll to once the table is there
        self.background = Background(self)
        self.background.finished.connect(self._show)
        self.background.failed.connect(self._failed)
        self.sources = SourceChooser()
        self.sources.chosen_changed.connect(self.recompute)
        self.contradictions = QCheckBox(self.tr("Contested claims only"))
        self.contradictions.toggled.connect(self.recompute)
        self.layer = LayerChooser()
        self.layer.layer_changed.connect(self.recompute)
        export_csv = QPushButton(self.tr("Export CSV…"))
        export_csv.clicked.connect(lambda: self.export("csv"))
        export_html = QPushButton(self.tr("Export HTML…"))
        export_html.clicked.connect(lambda: self.export("html"))
        self.status = QLabel()
        self.status.setMinimumWidth(240)  # room for "N claims, M contested" without clipping
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        top = QHBoxLayout()
        layer_label = QLabel(self.tr("&Tags of"))
        layer_label.setBuddy(self.layer)
        top.addWidget(layer_label)
        top.addWidget(self.layer)
        top.addWidget(self.contradictions)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(export_csv)
        top.addWidget(export_html)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Sources (two or more)")))
        left.addWidget(self.sources)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

    def load(self) -> None:
        project = self.session.project
        self.sources.set_sources(list(statement_table.filter_choices(project).sources))
        self.layer.set_annotators(
            compare_service.judging_annotators(project), self.session.annotator
        )
        self.recompute()

    def recompute(self, *_: object) -> None:
        project, names = self.session.project, self.sources.chosen()
        only, layer = self.contradictions.isChecked(), self.layer.layer()
        # The window quotes the earliest few statements a cell; exports quote them all.
        self.background.submit(
            lambda: compare_service.side_by_side(
                project, names, contradictions_only=only, per_cell=QUOTES_PER_CELL, layer=layer
            )
        )

    def show_claim(self, claim_id: int) -> None:
        """Open the table at a claim's row: now if it is shown and up to date, else once it
        is computed or shown."""
        self.wanted_claim = claim_id
        if self.result is not None and self.isVisible() and not self.background.busy:
            self._scroll_to_wanted()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # computes the table if it is stale
        if self.wanted_claim is not None and self.result is not None and not self.background.busy:
            # Once laid out: the table shown before, and up to date, is not computed again.
            QTimer.singleShot(0, self, self._scroll_to_wanted)

    def _scroll_to_wanted(self) -> None:
        claim_id, self.wanted_claim = self.wanted_claim, None
        if claim_id is None or self.result is None:
            return
        if all(shown != claim_id for shown, _label in self.result.claims):
            self.status.setText(
                self.tr(
                    "{claims}; none of these sources states the claim chosen in Compare"
                ).format(claims=counted().claims(len(self.result.claims)))
            )
            return
        self.browser.scrollToAnchor(report.claim_anchor(claim_id))

    def _show(self, result: SideBySide) -> None:
        self.result = result
        scroll = self.browser.verticalScrollBar().value()
        colours = scheme(self.browser.palette())
        # Links (the quotes) and the small print in colours that read on this theme's base.
        self.browser.document().setDefaultStyleSheet(
            f"a {{ color: {colours.link_text}; }} small {{ color: {colours.muted_text}; }}"
        )
        self.browser.setHtml(
            report.side_by_side_html(
                result,
                stance_colours={s: colours.stance_text(s) for s in STANCE_HUES},
                language=interface_language(),
                words=report.TableWords(
                    claim=self.tr("Claim"),
                    stances={s: stance_word(s) for s in STANCE_HUES},
                    later=lambda hidden: self.tr("… and %Ln later statement(s)", "", hidden),
                    day=date_text,
                ),
            )
        )
        self.browser.verticalScrollBar().setValue(scroll)
        self.status.setText(counted().claims(len(result.claims)))
        self._scroll_to_wanted()
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self.result = None
        self.browser.setHtml(f"<p>{html.escape(message)}</p>")
        self.status.setText("")
        self.computed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.result is not None:
            self._show(self.result)  # the stances and links in the new theme's colours

    def _clicked(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        article, _, statement = rest.partition(":")
        if kind == "statement" and article.isdigit() and statement.isdigit():
            self.open_statement.emit(int(article), int(statement))

    def export(self, kind: str, path: str | None = None) -> Path | None:
        if self.result is None:
            return None
        if not path:
            name = self.tr("side-by-side")  # the file's name offered, in the interface's language
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export side by side"),
                f"{name}.{kind}",
                f"{kind.upper()} (*.{kind})",
            )
        if not path:
            return None
        try:
            everything = compare_service.side_by_side(
                self.session.project,
                self.result.sources,
                contradictions_only=self.contradictions.isChecked(),
                layer=self.layer.layer(),
            )
            if kind == "csv":
                report.export_side_by_side_csv(everything, Path(path))
            else:
                report.export_side_by_side_html(everything, Path(path))
        except (OSError, DomainError) as error:
            self.status.setText(self.tr("Not exported: {error}").format(error=plain_message(error)))
            return None
        return Path(path)
