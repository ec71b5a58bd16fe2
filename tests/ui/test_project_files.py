"""Projects and articles made from the window without surprises: a new project is a
`.sourcetrack` file that Open lists; a paste that cannot be imported keeps the dialog and
what was typed; an empty date filter's calendar opens on this month; the welcome page's demo
is the one `scripts/demo` wrote; recent projects are remembered by their absolute path."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cli_ok
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QWidget

from app.services import browse
from app.services.project import Project
from app.ui.dates import NO_DATE
from app.ui.import_ui import PasteDialog
from app.ui.main_window import MainWindow
from app.ui.project_opener import project_filter

from .keyboard import DialogAnswer, back_to, keyboard_widget, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
PROJECTS_ONLY = "Sourcetrack projects (*.sourcetrack)"  # the Save dialog's first filter


def active(qtbot, window: MainWindow) -> MainWindow:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    return window


@pytest.mark.parametrize(
    ("typed", "chosen", "made"),
    [
        ("study", PROJECTS_ONLY, "study.sourcetrack"),
        ("study.sourcetrack", PROJECTS_ONLY, "study.sourcetrack"),
        ("notes.db", "All files (*)", "notes.db"),  # any path, when the user asks for any
    ],
)
def test_a_new_project_is_a_file_that_open_lists(
    qtbot,
    empty_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    chosen: str,
    made: str,
) -> None:
    asked: list[tuple[object, ...]] = []

    def save_as(*args: object) -> tuple[str, str]:
        asked.append(args)
        return str(tmp_path / typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = active(qtbot, empty_window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert asked and project_filter() in asked[0]
    assert window.session is not None
    files = [p.name for p in tmp_path.iterdir() if p.suffix != ".ini"]
    assert [f for f in files if not f.endswith(("-wal", "-shm"))] == [made]
    assert window.windowTitle() == f"{made} — Sourcetrack"
    assert window.recent_projects()[0] == str((tmp_path / made).resolve())


def test_a_paste_without_text_keeps_the_dialog_and_what_was_typed(
    qtbot, import_window: MainWindow
) -> None:
    window = active(qtbot, import_window)
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PasteDialog)
        assert keyboard_widget() is dialog.title
        type_text(qtbot, "Le Kremlin dement")  # QTest types ASCII only
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Depeche test")  # the outlet
        press(qtbot, Qt.Key.Key_Return)  # no text yet: not closed, nothing lost
        said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen.update(
            open=dialog.isVisible(),
            problem=" ".join(said),
            title=dialog.title.text(),
            outlet=dialog.outlet.text(),
            focus=keyboard_widget() is dialog.text,
        )
        type_text(qtbot, "Le Kremlin a dementi. Seoul maintient.")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    filling = DialogAnswer(fill)
    press(qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    back_to(qtbot, window)
    assert filling.said == [] and seen, "the paste dialog did not open"
    assert seen["open"] and "text first" in str(seen["problem"])
    assert seen["title"] == "Le Kremlin dement" and seen["outlet"] == "Depeche test"
    assert seen["focus"]  # the keyboard waits where the text goes
    titles = [a.title for a in browse.article_page(window.session.project, None, 10, "")]
    assert titles == ["Le Kremlin dement"]


def test_an_empty_date_filter_opens_its_calendar_on_this_month(
    qtbot, statements_window: MainWindow
) -> None:
    edit = statements_window.statements.date_from
    assert edit.date() == NO_DATE  # "any"
    arrow = QPoint(edit.width() - 6, edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=10_000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.date() == NO_DATE  # opening it chose nothing
    press(qtbot, Qt.Key.Key_Escape)


def welcome_button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.welcome.findChildren(QPushButton) if b.text() == text)


def test_the_welcome_page_opens_the_demo_scripts_demo_wrote(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    cli_ok(capsys, "demo", "demo.sourcetrack")  # what scripts/demo does, then it opens it
    settings = QSettings(str(tmp_path / "config" / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_project("demo.sourcetrack")  # as typed: relative
    written = str((checkout / "demo.sourcetrack").resolve())
    assert window.recent_projects() == [written]  # remembered absolute
    window.close_project()
    assert window.welcome.recent.item(0).text().endswith(str(checkout.resolve()))

    monkeypatch.chdir(tmp_path)  # the window started from elsewhere
    qtbot.mouseClick(welcome_button(window, "Open the demo project"), Qt.MouseButton.LeftButton)
    assert window.session is not None
    assert str(Path(window.session.project.location).resolve()) == written
    assert not (tmp_path / "config" / "demo.sourcetrack").exists()  # no second demo
    assert window.recent_projects() == [written]


def test_without_one_the_welcome_page_builds_its_demo_once(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "config" / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(welcome_button(window, "Open the demo project"), Qt.MouseButton.LeftButton)
    built = tmp_path / "config" / "demo.sourcetrack"
    assert window.session is not None and built.exists()
    window.close_project()
    other = tmp_path / "other.sourcetrack"
    Project.open(other, create=True).close()
    assert window.open_project(str(other))
    window.close_project()
    qtbot.mouseClick(welcome_button(window, "Open the demo project"), Qt.MouseButton.LeftButton)
    assert Path(window.session.project.location).resolve() == built.resolve()
