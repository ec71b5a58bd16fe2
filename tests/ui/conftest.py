"""Shared by the window tests: the demo project, and a window that has it open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.services.demo import build_demo
from app.ui.main_window import MainWindow


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sourcetrack"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, demo: Path) -> MainWindow:
    """A shown main window (its settings in the test's folder) with the demo project open."""
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(demo))
    return win
