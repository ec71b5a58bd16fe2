"""The status bar's counts of the open project: articles, statements, tags, and who annotates.

The counts scan whole tables, so they are computed in the background, a moment after the
first paint and after each change. The label belongs to one open project, like its views.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.services import browse
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
        self.setText(f"annotator: {self.session.annotator}")
        # After the first paint (the timer dies with the label when the project closes).
        QTimer.singleShot(
            DELAY_MS, self, lambda: self.job.submit(lambda: browse.project_counts(project))
        )

    def _show(self, result: object) -> None:
        counts = cast("dict[str, int]", result)  # what `browse.project_counts` returns
        annotator = self.session.annotator
        self.setText(
            f"{counts['articles']:,} articles · {counts['statements']:,} statements · "
            f"{counts['attributions']:,} tags · annotator: {annotator}"
        )
