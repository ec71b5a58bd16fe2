"""Where the keyboard is in the Annotate view, and that it shows: the keys work as soon as a
project opens, after another article is chosen and after an import, without a click; Tab
walks the view (the list, the text, the panel), not the list's cells; a ring marks the
widget that has the keyboard. Every key goes to what has the keyboard (`keyboard.press`)."""

from __future__ import annotations

import threading

import pytest
from helpers import SEED
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services import browse
from app.ui import import_ui
from app.ui.main_window import MainWindow
from app.ui.project_views import ProjectViews

from .keyboard import keyboard_widget, press

SHIFT = Qt.KeyboardModifier.ShiftModifier


def active(qtbot, window: MainWindow) -> MainWindow:
    """The window as the desktop gives it to the user: shown and active, nobody clicked."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    return window


def my_sources(window: MainWindow, statement_id: int) -> list[str]:
    detail = browse.statement_detail(window.session.project, statement_id)
    assert detail is not None
    return [t.source for t in detail.tags if t.annotator_id == window.session.annotator_id]


def test_the_keys_work_as_soon_as_a_project_opens(qtbot, demo_window: MainWindow) -> None:
    window = active(qtbot, demo_window)
    view = window.annotate
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text, timeout=10_000)
    first = view.current_statement_id()
    press(qtbot, Qt.Key.Key_J)
    second = view.current_statement_id()
    assert second == view.article.statements[1].id != first
    press(qtbot, Qt.Key.Key_1)  # Seoul
    assert my_sources(window, second) == ["Seoul"]


def test_the_keys_work_after_choosing_another_article_in_the_list(
    qtbot, demo_window: MainWindow
) -> None:
    window = active(qtbot, demo_window)
    view = window.annotate
    table = view.article_table
    first_article = view.article.id
    second_row = table.visualRect(view.articles.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=second_row)
    assert view.article.id != first_article
    assert keyboard_widget() is table  # the click left the keyboard in the list
    press(qtbot, Qt.Key.Key_J)  # from the list, the keys act on the open article
    statement = view.current_statement_id()
    assert statement == view.article.statements[1].id
    press(qtbot, Qt.Key.Key_3)  # Kremlin
    press(qtbot, Qt.Key.Key_D)
    detail = browse.statement_detail(window.session.project, statement)
    mine = [t for t in detail.tags if t.annotator_id == window.session.annotator_id]
    assert [(t.source, t.stance) for t in mine] == [("Kremlin", "denies")]
    press(qtbot, Qt.Key.Key_Down)  # the list keeps its arrows: the next article
    assert view.article.id not in (first_article, detail.article_id)


def test_the_keys_work_after_an_import(qtbot, import_window: MainWindow) -> None:
    window = active(qtbot, import_window)  # an empty project: no article yet
    view = window.annotate
    run = window.import_paths([SEED])
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text, timeout=10_000)
    statement = view.current_statement_id()
    press(qtbot, Qt.Key.Key_2)  # Kyiv, on the first statement of the article just imported
    assert my_sources(window, statement) == ["Kyiv"]


def slow_import(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):
    """An import whose progress dialog is up and has the keyboard (as on a busy machine, or
    for a long file, once the import has taken longer than the dialog's delay); the import
    itself goes on once the returned `go` is set."""
    go = threading.Event()
    real_import = import_ui.import_paths

    def gated(*args, **kwargs):
        assert go.wait(60)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(import_ui, "import_paths", gated)
    run = window.import_paths([SEED])
    assert run is not None
    run.dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is run.dialog, timeout=10_000)
    return run, go


def test_the_keys_work_after_an_import_that_showed_its_progress(
    qtbot, import_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active(qtbot, import_window)
    view = window.annotate
    run, go = slow_import(qtbot, window, monkeypatch)
    go.set()
    with qtbot.waitSignal(run.done, timeout=60_000):
        pass
    assert not run.dialog.isVisible()
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text, timeout=10_000)
    statement = view.current_statement_id()
    press(qtbot, Qt.Key.Key_2)  # Kyiv
    assert my_sources(window, statement) == ["Kyiv"]


def test_the_keys_go_back_to_the_window_when_an_import_is_cancelled(
    qtbot, import_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active(qtbot, import_window)
    run, go = slow_import(qtbot, window, monkeypatch)
    press(qtbot, Qt.Key.Key_Escape)  # to the dialog, which has the keyboard: Cancel
    assert not run.dialog.isVisible()
    go.set()
    with qtbot.waitSignal(run.done, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.annotate.text, timeout=10_000)


def test_tab_goes_from_the_list_to_the_text_without_changing_the_article(
    qtbot, demo_window: MainWindow
) -> None:
    window = active(qtbot, demo_window)
    view = window.annotate
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text, timeout=10_000)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert keyboard_widget() is view.article_table
    article = view.article.id
    press(qtbot, Qt.Key.Key_Tab)  # not the next cell (a row further down: another article)
    assert keyboard_widget() is view.text
    assert view.article.id == article
    visited = []
    for _ in range(40):  # then the panel, top to bottom, and back round to the list
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(keyboard_widget())
        if keyboard_widget() is view.article_table:
            break
    assert view.article.id == article
    assert view.panel.claim_box in visited and view.panel.source_buttons[1] in visited
    assert view.panel_scroll not in visited  # no stop on the box the panel scrolls in


def ring_surrounds(window: MainWindow, widget: QWidget) -> bool:
    ring = window.focus_ring
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) & ring.visible_rect()
    return ring.isVisible() and ring.geometry().contains(shown) and not shown.isEmpty()


def test_the_widget_with_the_keyboard_is_ringed(qtbot, demo_window: MainWindow) -> None:
    window = active(qtbot, demo_window)
    view = window.annotate
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text, timeout=10_000)
    qtbot.waitUntil(lambda: ring_surrounds(window, view.text), timeout=10_000)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert ring_surrounds(window, view.article_table)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_C)  # the claim box, down in the panel, scrolled into sight
    assert keyboard_widget() is view.panel.claim_box
    qtbot.waitUntil(lambda: ring_surrounds(window, view.panel.claim_box), timeout=10_000)


def test_the_ring_follows_the_keyboard_to_the_welcome_page(qtbot, demo_window: MainWindow) -> None:
    window = active(qtbot, demo_window)
    qtbot.waitUntil(lambda: window.focus_ring.target is window.annotate.text, timeout=10_000)
    window.close_project()  # the text goes, and the ring with it
    qtbot.waitUntil(lambda: not window.findChildren(ProjectViews), timeout=10_000)
    press(qtbot, Qt.Key.Key_Tab)
    assert keyboard_widget().window() is window
    assert ring_surrounds(window, keyboard_widget())
