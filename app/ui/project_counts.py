"""The status bar's counts of the open project: articles, statements and tags.

The counts scan whole tables, so they are computed in the background, a moment after the
first paint and after each change. The label belongs to one open project, like its views.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.services import browse
from app.ui.i18n import counted
from app.ui.session import Session
from app.ui.worker import Background

DELAY_MS = 250


class ProjectCounts(QLabel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job = Background(self)
        self.job.finished.connect(self._show)
        session.changed.connect(self.update_counts)
        self.update_counts()

    def update_counts(self, _change: object = None) -> None:
        project = self.session.project
        # After the first paint (the timer dies with the label when the project closes).
        QTimer.singleShot(
            DELAY_MS, self, lambda: self.job.submit(lambda: browse.project_counts(project))
        )

    def _show(self, result: object) -> None:
        counts = cast("dict[str, int]", result)  # what `browse.project_counts` returns
        count = counted()
        self.setText(
            " · ".join(
                (
                    count.articles(counts["articles"]),
                    count.statements(counts["statements"]),
                    count.tags(counts["attributions"]),
                )
            )
        )
