"""Shared by the window tests: the windows they drive (the demo project is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.ui import import_ui as import_ui_module
from app.ui.main_window import MainWindow


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, demo: Path) -> MainWindow:
    """A shown main window (its settings in the test's folder) with the demo project open."""
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(demo))
    return win


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def empty_window(qtbot, settings: QSettings) -> MainWindow:
    """A shown main window with no project open (its settings in the test's folder)."""
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def compare_window(qtbot, demo_window: MainWindow) -> MainWindow:
    """The demo window on its Compare tab, the matrix computed."""
    win = demo_window
    assert win.compare.matrix is None  # a hidden tab costs nothing until it is shown
    with qtbot.waitSignal(win.compare.computed, timeout=60_000):
        win.tabs.setCurrentWidget(win.compare)
    return win


class _Recorder:
    def __init__(self, sink: list[object], report: object) -> None:
        sink.append(report)

    def open(self) -> None:
        pass


@pytest.fixture
def import_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on an empty project; the import reports it would show are kept in `reports`."""
    reports: list[object] = []
    monkeypatch.setattr(
        import_ui_module, "report_dialog", lambda report, parent: _Recorder(reports, report)
    )
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win.reports = reports  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    Project.open(tmp_path / "p.sourcetrack", create=True).close()
    assert win.open_project(str(tmp_path / "p.sourcetrack"))
    return win


@pytest.fixture
def painted_window(annotate_window: MainWindow) -> MainWindow:
    """The Annotate window once its first paint (which reads the article list) is done."""
    QApplication.processEvents()  # the first paint reads the article list: not the key's cost
    return annotate_window


@pytest.fixture
def seed_window(qtbot, tmp_path: Path) -> MainWindow:
    """A window on a project holding the seed article, the text focused; `path` is its file."""
    path = tmp_path / "seed.sourcetrack"
    with Project.open(path, create=True) as project:
        import_file(project, SEED, ArticleMeta())
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(path))
    win.activateWindow()
    win.annotate.text.setFocus()
    win.path = path  # type: ignore[attr-defined]
    return win


@pytest.fixture
def details_window(demo_window: MainWindow) -> MainWindow:
    """The demo window on its Annotate tab."""
    demo_window.tabs.setCurrentWidget(demo_window.annotate)
    return demo_window


@pytest.fixture
def error_window(qtbot, tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The demo open in Annotate, the text focused, for an annotator with no tags of their own."""
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "error-tests")
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(demo))
    win.tabs.setCurrentWidget(win.annotate)
    qtbot.waitExposed(win)
    win.activateWindow()
    win.annotate.text.setFocus()
    qtbot.waitUntil(lambda: win.annotate.article is not None, timeout=60_000)
    return win


@pytest.fixture
def statements_window(demo_window: MainWindow) -> MainWindow:
    """The demo window on its Statements tab."""
    demo_window.tabs.setCurrentWidget(demo_window.statements)
    return demo_window


@pytest.fixture
def annotate_window(qtbot, demo_window: MainWindow) -> MainWindow:
    """The demo window shown and active, the Annotate text focused."""
    win = demo_window
    qtbot.waitExposed(win)
    win.activateWindow()
    win.annotate.text.setFocus()
    return win
