"""The open project's views, in tabs: Annotate, Statements, Compare, Side by side, Charts,
Agreement.

Built when a project opens, for that project's session, and discarded when it closes; the
first window (the welcome page) paints without loading the database layer, the views or the
charting library. Each view loads when its tab is first shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.agreement.view import AgreementView
from app.ui.annotate.view import AnnotateView
from app.ui.compare.charts_view import ChartsView
from app.ui.compare.compare_view import CompareView
from app.ui.compare.side_by_side_view import SideBySideView
from app.ui.lazy import LazyView
from app.ui.session import Session
from app.ui.statements_view import StatementsView


class ProjectViews(QTabWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.annotate = AnnotateView(session)
        self.statements = StatementsView(session)
        self.statements.open_statement.connect(self._show_found)
        self.compare = CompareView(session)
        self.side_by_side = SideBySideView(session)
        self.side_by_side.open_statement.connect(self.show_in_annotate)
        self.charts = ChartsView(session)
        self.compare.claim_activated.connect(self.show_in_side_by_side)
        self.agreement = AgreementView(session)
        self.agreement.open_statement.connect(self.show_in_annotate)
        self.views: tuple[LazyView, ...] = (
            self.annotate,
            self.statements,
            self.compare,
            self.side_by_side,
            self.charts,
            self.agreement,
        )
        for view, title in zip(
            self.views,
            (
                self.tr("Annotate"),
                self.tr("Statements"),
                self.tr("Compare"),
                self.tr("Side by side"),
                self.tr("Charts"),
                self.tr("Agreement"),
            ),
            strict=True,
        ):
            self.addTab(view, title)

    def show_in_side_by_side(self, claim_id: int) -> None:
        """Side by side, at a claim's row (a claim double-clicked in Compare)."""
        self.side_by_side.show_claim(claim_id)
        self.setCurrentWidget(self.side_by_side)

    def _show_found(self, article_id: int, statement_id: int) -> None:
        """A statement the Statements view found: its search's words marked in the text."""
        self.show_in_annotate(article_id, statement_id, search=self.statements.hits.search)

    def show_in_annotate(
        self, article_id: int, statement_id: int, search: str | None = None
    ) -> None:
        self.setCurrentWidget(self.annotate)
        self.annotate.text.set_search(search)
        self.annotate.open_statement(article_id, statement_id)
