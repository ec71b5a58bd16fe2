"""The Annotate view driven from the keyboard, with every edit committed at once and undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_state import TABLES
from helpers import database
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.main_window import MainWindow

from .keyboard import DialogAnswer, back_to


def committed(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a separate connection (another process, say) sees in the file right now."""
    with database(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def tags_of(path: Path, statement_id: int) -> list[tuple[str, str, str | None, str]]:
    with database(path) as conn:
        return conn.execute(
            "SELECT s.name, a.stance, l.label, a.note FROM attributions a "
            "JOIN sources s ON s.id = a.source_id JOIN annotators n ON n.id = a.annotator_id "
            "LEFT JOIN confidence_levels l ON l.id = a.confidence_level_id "
            "WHERE a.statement_id = ? AND n.name = 'tester' ORDER BY s.position",
            (statement_id,),
        ).fetchall()


def key(
    qtbot, annotate_window: MainWindow, keys: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget() or annotate_window.annotate.text
    qtbot.keyClick(widget, keys, modifier)


def test_keyboard_tagging_is_committed_at_once(qtbot, annotate_window: MainWindow, demo: Path) -> None:
    view = annotate_window.annotate
    first = view.current_statement_id()
    key(qtbot, annotate_window, Qt.Key.Key_J)
    key(qtbot, annotate_window, Qt.Key.Key_J)
    key(qtbot, annotate_window, Qt.Key.Key_K)
    statement = view.current_statement_id()
    assert statement == view.article.statements[1].id and statement != first
    assert tags_of(demo, statement) == []

    key(qtbot, annotate_window, Qt.Key.Key_2)  # the second source: Kyiv
    assert tags_of(demo, statement) == [("Kyiv", "asserts", None, "")]
    key(qtbot, annotate_window, Qt.Key.Key_D)
    assert tags_of(demo, statement) == [("Kyiv", "denies", None, "")]
    key(qtbot, annotate_window, Qt.Key.Key_E)  # third level: Possible
    assert tags_of(demo, statement) == [("Kyiv", "denies", "Possible", "")]
    key(qtbot, annotate_window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # rank 1: Certain
    assert tags_of(demo, statement) == [("Kyiv", "denies", "Certain", "")]
    key(qtbot, annotate_window, Qt.Key.Key_3)  # a second source on the same statement: Kremlin
    key(qtbot, annotate_window, Qt.Key.Key_N)
    assert tags_of(demo, statement) == [
        ("Kyiv", "denies", "Certain", ""),
        ("Kremlin", "neutral", None, ""),
    ]
    key(qtbot, annotate_window, Qt.Key.Key_2)  # toggles Kyiv off again
    assert tags_of(demo, statement) == [("Kremlin", "neutral", None, "")]
    assert "▼" not in view.panel.source_states[2].text()
    # the panel and the text follow
    assert view.panel.source_buttons[3].isChecked()
    assert "● Kremlin" in view.text.toPlainText()


def test_mouse_does_what_the_keys_do(qtbot, annotate_window: MainWindow, demo: Path) -> None:
    view = annotate_window.annotate
    statement = view.current_statement_id()
    before = tags_of(demo, statement)
    seoul = view.panel.source_buttons[1]
    if seoul.isChecked():
        qtbot.mouseClick(seoul, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(seoul, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.panel.stance_buttons["neutral"], Qt.MouseButton.LeftButton)
    level = next(iter(view.panel.confidence_buttons.values()))
    qtbot.mouseClick(level, Qt.MouseButton.LeftButton)
    assert ("Seoul", "neutral", "Certain", "") in tags_of(demo, statement)
    assert tags_of(demo, statement) != before


def test_undo_and_redo_of_every_kind_of_edit_restore_the_database(
    qtbot, annotate_window: MainWindow, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning shown: {a[2]}"))
    view = annotate_window.annotate
    stack = annotate_window.session.undo_stack

    def check(edit) -> None:  # type: ignore[no-untyped-def]
        before = committed(demo)
        count = stack.count()
        edit()
        after = committed(demo)
        assert after != before, "the edit changed nothing"
        assert stack.count() == count + 1
        key(qtbot, annotate_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert committed(demo) == before
        key(
            qtbot,
            annotate_window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert committed(demo) == after

    key(qtbot, annotate_window, Qt.Key.Key_J)
    check(lambda: key(qtbot, annotate_window, Qt.Key.Key_2))  # tag
    check(lambda: key(qtbot, annotate_window, Qt.Key.Key_D))  # stance
    check(lambda: key(qtbot, annotate_window, Qt.Key.Key_W))  # confidence

    def note() -> None:
        view.panel.note.setFocus()
        view.panel.note.setText("« à vérifier »")
        view.panel.note.editingFinished.emit()
        view.text.setFocus()

    check(note)

    def claim() -> None:
        key(qtbot, annotate_window, Qt.Key.Key_C)
        assert QApplication.focusWidget() is view.panel.claim_box
        qtbot.keyClicks(view.panel.claim_box, "A brand-new claim")
        qtbot.keyClick(view.panel.claim_box, Qt.Key.Key_Return)
        view.text.setFocus()

    check(claim)
    check(lambda: view.unlink_claim(view.panel.claim_list.item(0).data(Qt.ItemDataRole.UserRole)))
    check(lambda: key(qtbot, annotate_window, Qt.Key.Key_2))  # untag

    def split() -> None:
        statement = view.article.statements[view.presenter.index]
        cursor = view.text.textCursor()
        start, _end = view.text._statement_ranges[statement.id]
        text = view.article.body[statement.start : statement.end]
        cursor.setPosition(start + text.index(" ", len(text) // 2))
        view.text.setTextCursor(cursor)
        key(qtbot, annotate_window, Qt.Key.Key_S)

    check(split)
    check(lambda: key(qtbot, annotate_window, Qt.Key.Key_M))  # merge

    def make_statement() -> None:
        statement = view.article.statements[view.presenter.index]
        start, _end = view.text._statement_ranges[statement.id]
        cursor = view.text.textCursor()
        cursor.setPosition(start + 3)
        cursor.setPosition(start + 15, QTextCursor.MoveMode.KeepAnchor)
        view.text.setTextCursor(cursor)
        key(qtbot, annotate_window, Qt.Key.Key_Insert)

    check(make_statement)

    def delete() -> None:
        confirmation = DialogAnswer(Qt.Key.Key_Return)  # the delete is asked for first
        key(qtbot, annotate_window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
        assert confirmation.said
        back_to(qtbot, annotate_window)

    check(delete)

    from app.ui.commands import RenameSourceCommand

    check(lambda: stack.push(RenameSourceCommand(annotate_window.session, 3, "Kremlin", "Moscou")))


def test_undo_after_a_change_elsewhere_refuses_and_says_so(
    qtbot, annotate_window: MainWindow, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    view = annotate_window.annotate
    statement = view.current_statement_id()
    key(qtbot, annotate_window, Qt.Key.Key_2)
    key(qtbot, annotate_window, Qt.Key.Key_D)
    with database(demo) as conn:  # another process changes the same tag
        conn.execute(
            "UPDATE attributions SET stance = 'neutral' WHERE statement_id = ? AND source_id = 2 "
            "AND annotator_id = (SELECT id FROM annotators WHERE name = 'tester')",
            (statement,),
        )
        conn.commit()
        if conn.postgresql:  # as every Sourcetrack writer does on a server (see engine.py)
            conn.execute("NOTIFY sourcetrack_changes")
    # The window notices the other writer at a poll of its change watch (on a server the
    # NOTIFY reaches the watch's connection a moment after the commit: poll until it has).
    qtbot.waitUntil(annotate_window.session.check_external_changes, timeout=60_000)
    assert "● neutral" in view.panel.source_states[2].text()
    key(qtbot, annotate_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown and "another window or process" in shown[0]
    assert tags_of(demo, statement)[0][1] == "neutral"  # their edit survives
    assert not annotate_window.session.undo_stack.canRedo()  # the refused command left the stack


def test_two_windows_on_one_project_never_overwrite_each_other(
    qtbot, tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Safe concurrent use: each edit is its own immediate transaction, each window sees the
    other's edits, and an undo only ever takes back the window's own edit."""
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    windows = []
    for name in ("a", "b"):
        win = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        assert win.open_project(str(demo))
        windows.append(win)
    first, second = windows
    statement = first.annotate.current_statement_id()
    assert second.annotate.current_statement_id() == statement
    first.annotate.toggle_nth_source(0)  # Seoul, in the first window
    qtbot.waitUntil(second.session.check_external_changes, timeout=60_000)  # its next polls
    assert second.annotate.panel.source_buttons[1].isChecked()  # the second window sees it
    second.annotate.toggle_nth_source(2)  # Kremlin, in the second window
    qtbot.waitUntil(first.session.check_external_changes, timeout=60_000)
    assert {t[0] for t in tags_of(demo, statement)} == {"Seoul", "Kremlin"}
    second.session.undo_stack.undo()  # takes back only its own Kremlin tag
    assert [t[0] for t in tags_of(demo, statement)] == ["Seoul"]
    assert not shown
