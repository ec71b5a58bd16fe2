"""Starting the GUI."""

from __future__ import annotations

import sys

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
    return app.exec()
