"""Starting the GUI."""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from app import __version__
from app.ui.errors import ExceptionHook, log_to_file
from app.ui.i18n import install_translations, preferred_language
from app.ui.icons import app_icon
from app.ui.main_window import MainWindow
from app.ui.theme import apply_theme, chosen_theme


def run_gui(location: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Sourcetrack")
    app.setOrganizationName("Sourcetrack")
    app.setApplicationVersion(__version__)
    # Tracebacks go to the terminal (if any) and to a log file the user can send us.
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    state = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    if state:  # empty when the platform has no such folder: then the terminal only
        log_to_file(Path(state))
    # Before the first widget: each one takes its words when it is built.
    install_translations(app, preferred_language(QSettings("Sourcetrack", "Sourcetrack")))
    apply_theme(chosen_theme(QSettings("Sourcetrack", "Sourcetrack")))
    QApplication.setWindowIcon(app_icon())  # every window's, and the taskbar's
    window = MainWindow()
    hook = ExceptionHook(window)  # from here on, an error in a slot shows a dialog
    hook.install()
    window.show()
    if location:
        window.open_project(location)
    # The database layer and the services load in the background once the window is up, so
    # the first paint does not wait for them and opening a project does not either.
    QTimer.singleShot(0, lambda: threading.Thread(target=_preload, daemon=True).start())
    if os.environ.get("SOURCETRACK_QUIT_AFTER_START"):
        # For start-up benchmarks and smoke tests: quit once the first window has painted.
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        hook.uninstall()


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
