"""Starting the GUI."""

from __future__ import annotations

import importlib
import os
import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import __version__
from app.ui.main_window import MainWindow


def run_gui(location: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Sourcetrack")
    app.setOrganizationName("Sourcetrack")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    if location:
        window.open_project(location)
    # The database layer and the services load in the background once the window is up, so
    # the first paint does not wait for them and opening a project does not either.
    QTimer.singleShot(0, lambda: threading.Thread(target=_preload, daemon=True).start())
    if os.environ.get("SOURCETRACK_QUIT_AFTER_START"):
        # For start-up benchmarks and smoke tests: quit once the first window has painted.
        QTimer.singleShot(0, app.quit)
    return app.exec()


def _preload() -> None:
    """Import the modules a project needs (none of them creates a widget)."""
    for module in (
        "app.services.project",
        "app.services.browse",
        "app.services.importing",
        "app.services.demo",
        "app.services.statement_table",
        "app.services.compare",
    ):
        importlib.import_module(module)
