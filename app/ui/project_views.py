"""The open project's views, in tabs: Annotate, Statements, Compare, Side by side, Charts.

Built when the first project opens, so the first window (the welcome page) paints without
loading the database layer, the views or the charting library.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.annotate.view import AnnotateView
from app.ui.compare.charts_view import ChartsView
from app.ui.compare.compare_view import CompareView
from app.ui.compare.side_by_side_view import SideBySideView
from app.ui.session import Session
from app.ui.statements_view import StatementsView


class ProjectViews(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotate = AnnotateView()
        self.statements = StatementsView()
        self.statements.open_statement.connect(self.show_in_annotate)
        self.compare = CompareView()
        self.side_by_side = SideBySideView()
        self.side_by_side.open_statement.connect(self.show_in_annotate)
        self.charts = ChartsView()
        self.compare.claim_activated.connect(
            lambda _claim: self.setCurrentWidget(self.side_by_side)
        )
        for view, title in (
            (self.annotate, "Annotate"),
            (self.statements, "Statements"),
            (self.compare, "Compare"),
            (self.side_by_side, "Side by side"),
            (self.charts, "Charts"),
        ):
            self.addTab(view, title)
        self.views = (self.annotate, self.statements, self.compare, self.side_by_side, self.charts)

    def set_session(self, session: Session | None) -> None:
        for view in self.views:
            view.set_session(session)

    def show_in_annotate(self, article_id: int, statement_id: int) -> None:
        self.setCurrentWidget(self.annotate)
        self.annotate.open_statement(article_id, statement_id)
