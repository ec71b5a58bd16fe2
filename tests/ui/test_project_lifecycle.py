"""Views exist only with an open project: built with its session when it opens, discarded
with it when it closes; the welcome page needs none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.services.demo import build_demo
from app.ui.lazy import LazyView
from app.ui.main_window import MainWindow
from app.ui.project_views import ProjectViews


def window_of(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_welcome_page_has_no_project_and_no_views(qtbot, tmp_path: Path) -> None:
    window = window_of(qtbot, tmp_path)
    assert window.session is None and window.current is None
    assert window.pages.count() == 1 and window.pages.currentWidget() is window.welcome
    assert not window.findChildren(ProjectViews) and not window.findChildren(LazyView)
    assert not any(a.isEnabled() for a in window.menus.project_actions)
    assert window.import_paths([tmp_path]) is None  # nothing to import into


def test_each_project_gets_views_built_for_its_session(qtbot, tmp_path: Path, demo: Path) -> None:
    other = tmp_path / "other.sourcetrack"
    build_demo(other).close()
    window = window_of(qtbot, tmp_path)

    assert window.open_project(str(demo))
    first_session, first_views = window.session, window.tabs
    assert first_session is not None
    assert all(view.session is first_session for view in first_views.views)
    assert all(a.isEnabled() for a in window.menus.project_actions)
    window.tabs.setCurrentWidget(window.statements)

    assert window.open_project(str(other))  # closes the first: its views go with it
    second_session = window.session
    assert second_session is not None and second_session is not first_session
    assert all(view.session is second_session for view in window.tabs.views)
    assert window.tabs is not first_views
    assert window.tabs.currentWidget() is window.statements  # the tab the user had
    assert window.pages.count() == 2  # the welcome page and this project's views
    # The first project's views are deleted once the event loop runs.
    qtbot.waitUntil(lambda: len(window.findChildren(ProjectViews)) == 1, timeout=10_000)

    window.close_project()
    assert window.session is None and window.pages.currentWidget() is window.welcome
    qtbot.waitUntil(lambda: not window.findChildren(LazyView), timeout=10_000)
    assert not window.findChildren(ProjectViews)
    assert not any(a.isEnabled() for a in window.menus.project_actions)
    assert window.windowTitle() == "Sourcetrack"


def test_an_edit_in_one_project_never_reaches_the_next_ones_views(
    qtbot, tmp_path: Path, demo: Path
) -> None:
    window = window_of(qtbot, tmp_path)
    assert window.open_project(str(demo))
    first = window.session
    assert first is not None
    window.annotate.toggle_nth_source(0)
    assert window.open_project(str(demo))
    assert window.session is not first
    assert not window.session.undo_stack.canUndo()  # the new project's history starts empty
    assert window.annotate.current_statement_id() is not None
