"""What the window holds while a project is open: its session, the views built for it, its
imports and its counts in the status bar. Made when the project opens, closed (and every
part of it discarded) when it closes, so no view ever lives without a project.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.services.project import Project
from app.ui.annotator import AnnotatorChoice, initial_annotator
from app.ui.project_counts import ProjectCounts
from app.ui.project_imports import ProjectImports
from app.ui.project_views import ProjectViews
from app.ui.session import Session

# How long closing waits for background computations (they read through the project's engine).
WAIT_FOR_WORKERS_MS = 30_000


class OpenProject:
    def __init__(self, project: Project, window: QMainWindow, settings: QSettings) -> None:
        self.window, self.settings = window, settings
        name, known = initial_annotator(settings, project.location)
        self.session = Session(project, name, parent=window, confirmed=known)
        self.annotator = AnnotatorChoice(self.session, settings, window)
        self.session.error.connect(
            lambda text: QMessageBox.warning(
                window, QCoreApplication.translate("OpenProject", "Not done"), text
            )
        )
        self.session.connection_lost.connect(self._show_connection)
        self.views = ProjectViews(self.session)
        self.imports = ProjectImports(self.session, window)
        self.counts = ProjectCounts(self.session)
        self._restore_layout()

    def _show_connection(self, lost: bool) -> None:
        # The status bar, not a dialog: the watch retries by itself at every poll, and an edit
        # made meanwhile fails with its own message (nothing is half-saved).
        bar = self.window.statusBar()
        if lost:
            bar.showMessage(
                QCoreApplication.translate(
                    "OpenProject",
                    "The connection to the team database is lost; trying again. Edits made now"
                    " are refused until it is back.",
                )
            )
        else:
            bar.showMessage(
                QCoreApplication.translate(
                    "OpenProject",
                    "Connected to the team database again; the views are up to date.",
                )
            )

    def _restore_layout(self) -> None:
        """The split and the tab the user had last."""
        annotate = self.views.annotate
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            annotate.layout_restored = annotate.splitter.restoreState(splitter)
        tab = self.settings.value("window/tab")
        if tab is not None and str(tab).isdigit() and int(tab) < self.views.count():
            self.views.setCurrentIndex(int(tab))

    def save_layout(self) -> None:
        self.settings.setValue("window/splitter", self.views.annotate.splitter.saveState())
        self.settings.setValue("window/tab", self.views.currentIndex())

    def close(self) -> None:
        """Give the project back; the views and the session go with it."""
        self.save_layout()
        QThreadPool.globalInstance().waitForDone(WAIT_FOR_WORKERS_MS)
        self.imports.close()
        self.counts.deleteLater()
        self.annotator.button.deleteLater()
        self.views.deleteLater()
        self.session.close()
        self.session.deleteLater()
