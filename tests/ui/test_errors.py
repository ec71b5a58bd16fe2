"""Errors at the Qt boundary reach the user: a dialog, never a dead undo entry, Retry when busy."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import database
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from app.domain.model import DomainError
from app.services import article_details, tagging
from app.ui.article_details_dialog import ArticleDetailsDialog
from app.ui.errors import BUSY_MESSAGE, ErrorDialog, ExceptionHook, log_to_file
from app.ui.main_window import MainWindow

Accepted, Rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected


def locked() -> sa.exc.OperationalError:
    """What a write raises when another program still holds the lock after the busy timeout."""
    return sa.exc.OperationalError(
        "BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked")
    )


class Dialogs:
    """ErrorDialog.exec, made to record each dialog and answer from a script (OK by default)."""

    def __init__(self) -> None:
        self.shown: list[ErrorDialog] = []
        self.answers: list[QDialog.DialogCode] = []

    def exec_(self, dialog: ErrorDialog) -> int:
        self.shown.append(dialog)
        return self.answers.pop(0) if self.answers else Accepted


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: recorder.exec_(dialog))
    return recorder


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The window's "Not done" message boxes (a refusal of the project's own rules)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


@pytest.fixture
def hook(error_window: MainWindow) -> Iterator[ExceptionHook]:
    previous = sys.excepthook
    installed = ExceptionHook(error_window)
    installed.install()
    assert sys.excepthook is installed
    yield installed
    installed.uninstall()
    assert sys.excepthook is previous  # pytest-qt's own hook is back


def press(qtbot, error_window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or error_window.annotate.text, key)


def my_tags(error_window: MainWindow) -> list[tuple[int, int]]:
    """(statement, source) of every tag the test's annotator has committed."""
    assert error_window.session is not None
    with database(error_window.session.project.location) as conn:
        return conn.execute(
            "SELECT statement_id, source_id FROM attributions WHERE annotator_id = ? "
            "ORDER BY statement_id, source_id",
            (error_window.session.annotator_id,),
        ).fetchall()


def first_source_tag(error_window: MainWindow) -> tuple[int, int]:
    statement = error_window.annotate.current_statement_id()
    assert statement is not None
    return (statement, error_window.annotate.presenter.sources[0].id)


def menu_action(error_window: MainWindow, text: str) -> QAction:
    for menu in error_window.menuBar().actions():
        for action in menu.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no action {text!r}")


# --- (a) an error escaping a menu action --------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (DomainError("there is no article 99"), "there is no article 99"),
        (
            RuntimeError("the disk is on fire\nmore lines the user need not read"),
            "Something went wrong: the disk is on fire. Your committed edits are safe.",
        ),
    ],
)
def test_an_error_in_a_menu_action_shows_a_dialog_whose_details_copy_the_traceback(
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    message: str,
) -> None:
    def broken(*_args: object) -> None:
        raise error

    monkeypatch.setattr(article_details, "article_details", broken)
    QGuiApplication.clipboard().clear()

    with caplog.at_level(logging.ERROR, logger="app.ui.errors"):
        menu_action(error_window, "Article &details…").trigger()

    (dialog,) = dialogs.shown
    assert dialog.message == message
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is not None
    assert dialog.copy_button is not None and dialog.copy_button.text() == "Copy details"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last):")
    assert "in broken" in copied and f"{type(error).__name__}: {error}" in copied
    assert copied in caplog.text  # the whole traceback is logged too


def test_the_hook_logs_to_a_file_and_never_shows_a_dialog_upon_a_dialog(
    error_window: MainWindow, hook: ExceptionHook, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []

    def exec_(dialog: ErrorDialog) -> int:
        shown.append(dialog.message)
        # An error while the dialog is up (its event loop runs the window's slots)...
        try:
            raise ValueError("second fault")
        except ValueError as second:
            sys.excepthook(type(second), second, second.__traceback__)
        raise RuntimeError("the dialog itself failed")  # ...and one in showing it

    monkeypatch.setattr(ErrorDialog, "exec", exec_)
    handler = log_to_file(tmp_path / "state")
    assert handler is not None
    try:
        try:
            raise KeyError("first fault")
        except KeyError as first:
            hook(type(first), first, first.__traceback__)
        handler.flush()
    finally:
        logging.getLogger("app").removeHandler(handler)
        handler.close()

    assert shown == ["Something went wrong: 'first fault'. Your committed edits are safe."]
    logged = (tmp_path / "state" / "sourcetrack.log").read_text(encoding="utf-8")
    assert "KeyError: 'first fault'" in logged and "ValueError: second fault" in logged
    assert "could not show the error dialog" in logged  # and nothing looped


def test_an_error_on_another_thread_is_shown_on_the_gui_thread(
    qtbot, error_window: MainWindow, hook: ExceptionHook, dialogs: Dialogs
) -> None:
    def fail() -> None:
        try:
            raise DomainError("refused off the GUI thread")
        except DomainError as error:
            hook(type(error), error, error.__traceback__)

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join(timeout=60)
    qtbot.waitUntil(lambda: len(dialogs.shown) == 1, timeout=60_000)
    assert dialogs.shown[0].message == "refused off the GUI thread"
    assert dialogs.shown[0].thread() is QApplication.instance().thread()


@pytest.mark.parametrize(
    ("button", "result"),
    [
        (QDialogButtonBox.StandardButton.Retry, Accepted),
        (QDialogButtonBox.StandardButton.Cancel, Rejected),
    ],
)
def test_the_real_dialog_stays_open_to_copy_its_details_and_answers_retry_or_cancel(
    qtbot, error_window: MainWindow, button: QDialogButtonBox.StandardButton, result: QDialog.DialogCode
) -> None:
    dialog = ErrorDialog(BUSY_MESSAGE, "Traceback: the details", retry=True, parent=error_window)
    seen: list[bool] = []

    def in_its_event_loop() -> None:  # runs once exec() has shown the dialog
        assert dialog.copy_button is not None
        dialog.copy_button.click()
        seen.append(dialog.isVisible())  # copying does not close it
        dialog.buttons.button(button).click()

    QTimer.singleShot(0, in_its_event_loop)
    assert dialog.exec() == result
    assert seen == [True]
    assert QGuiApplication.clipboard().text() == "Traceback: the details"


# --- (b) a failed edit leaves no dead entry on the undo stack -----------------------------------


@pytest.mark.parametrize("fault", [DomainError("refused by a rule"), RuntimeError("a bug")])
def test_a_failed_edit_leaves_the_undo_stack_as_it_was_and_the_window_working(
    qtbot,
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    fault: Exception,
) -> None:
    stack = error_window.session.undo_stack  # type: ignore[union-attr]
    tag = first_source_tag(error_window)
    press(qtbot, error_window, Qt.Key.Key_1)  # tag, then undo: the stack holds one step to redo
    assert my_tags(error_window) == [tag]
    error_window.undo()
    assert my_tags(error_window) == [] and (stack.count(), stack.index()) == (1, 0)

    real = tagging.tag

    def failing(*_args: object, **_kwargs: object) -> None:
        raise fault

    monkeypatch.setattr(tagging, "tag", failing)
    press(qtbot, error_window, Qt.Key.Key_2)

    # The user was told, in the project's words or through the exception hook's dialog.
    if isinstance(fault, DomainError):
        assert warnings == ["refused by a rule"] and dialogs.shown == []
    else:
        assert [d.message for d in dialogs.shown] == [
            "Something went wrong: a bug. Your committed edits are safe."
        ]
    assert (stack.count(), stack.index(), stack.canUndo(), stack.canRedo()) == (1, 0, False, True)
    assert my_tags(error_window) == []

    monkeypatch.setattr(tagging, "tag", real)
    press(qtbot, error_window, Qt.Key.Key_1)  # the window goes on: the next edit is done, undoably
    assert my_tags(error_window) == [tag]
    assert (stack.count(), stack.index()) == (1, 1)
    error_window.undo()
    assert my_tags(error_window) == []


@pytest.mark.parametrize("failing_call", [1, 2])
def test_bulk_tagging_keeps_what_was_done_before_a_refusal_as_one_step(
    error_window: MainWindow, warnings: list[str], monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    view = error_window.statements
    error_window.tabs.setCurrentWidget(view)
    for row in range(3):
        view.table.selectionModel().select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert len(view.selected_statement_ids()) == 3
    real, calls = tagging.tag, []

    def refuse_one(*args: object, **kwargs: object) -> object:
        calls.append(args)
        if len(calls) == failing_call:
            raise DomainError("refused by a rule")
        return real(*args, **kwargs)

    monkeypatch.setattr(tagging, "tag", refuse_one)
    stack = error_window.session.undo_stack  # type: ignore[union-attr]

    view.tag_selected()

    assert warnings == ["refused by a rule"] and len(calls) == failing_call  # stopped there
    assert len(my_tags(error_window)) == failing_call - 1
    assert stack.count() == (0 if failing_call == 1 else 1)  # never an empty or dead step
    error_window.undo()
    assert my_tags(error_window) == []


# --- (c) a locked project: Retry runs the same edit again, Cancel changes nothing ----------------


def locked_once(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    """Make `module.name` find the project locked on its first call; returns the calls."""
    real = getattr(module, name)
    calls: list[str] = []

    def flaky(*args: object, **kwargs: object) -> object:
        calls.append(name)
        if len(calls) == 1:
            raise locked()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)
    return calls


def test_a_busy_project_offers_retry_which_commits_the_edit_once(
    qtbot,
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stack = error_window.session.undo_stack  # type: ignore[union-attr]
    tag = first_source_tag(error_window)
    calls = locked_once(monkeypatch, tagging, "tag")
    dialogs.answers = [Accepted]  # Retry

    press(qtbot, error_window, Qt.Key.Key_1)

    (dialog,) = dialogs.shown
    assert dialog.message.startswith(BUSY_MESSAGE)
    assert "another program is writing to it" in dialog.message
    buttons = dialog.buttons
    assert buttons.button(QDialogButtonBox.StandardButton.Retry) is not None
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel) is not None
    assert buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    assert calls == ["tag"] * 2  # the same edit, run once more
    assert my_tags(error_window) == [tag]
    assert (stack.count(), stack.index()) == (1, 1) and warnings == []
    error_window.undo()  # one step undoes it all: it was committed once
    assert my_tags(error_window) == [] and not stack.canUndo()


def test_cancel_on_a_busy_project_commits_nothing_and_keeps_the_stack(
    qtbot,
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stack = error_window.session.undo_stack  # type: ignore[union-attr]
    press(qtbot, error_window, Qt.Key.Key_2)  # a step to redo, which Cancel must keep
    error_window.undo()
    calls = locked_once(monkeypatch, tagging, "tag")
    dialogs.answers = [Rejected]  # Cancel

    press(qtbot, error_window, Qt.Key.Key_1)

    assert len(dialogs.shown) == 1 and calls == ["tag"]
    assert my_tags(error_window) == [] and warnings == []
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 0, True)
    error_window.redo()  # and the stack still works
    assert len(my_tags(error_window)) == 1


@pytest.mark.parametrize("answer", [Accepted, Rejected])
def test_an_undo_on_a_busy_project_can_be_retried_or_cancelled(
    qtbot,
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: QDialog.DialogCode,
) -> None:
    stack = error_window.session.undo_stack  # type: ignore[union-attr]
    tag = first_source_tag(error_window)
    press(qtbot, error_window, Qt.Key.Key_1)
    calls = locked_once(monkeypatch, tagging, "revert_tag")
    dialogs.answers = [answer]

    error_window.undo()

    assert len(dialogs.shown) == 1 and warnings == []
    if answer == Accepted:  # Retry: undone
        assert calls == ["revert_tag"] * 2
        assert my_tags(error_window) == [] and (stack.count(), stack.index()) == (1, 0)
    else:  # Cancel: still done, and still undoable
        assert calls == ["revert_tag"]
        assert my_tags(error_window) == [tag] and (stack.count(), stack.index()) == (1, 1)
        error_window.undo()
        assert my_tags(error_window) == []


# --- (d) Ctrl+E opens the current article's details ---------------------------------------------


def test_ctrl_e_opens_the_details_of_the_article_open_in_annotate(
    qtbot,
    error_window: MainWindow,
    hook: ExceptionHook,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error_window.annotate.article_table.selectRow(2)  # not the first: the one chosen
    qtbot.waitUntil(lambda: error_window.annotate.article.id != 1, timeout=60_000)
    article = error_window.annotate.article
    opened: list[ArticleDetailsDialog] = []

    def exec_(dialog: ArticleDetailsDialog) -> int:
        opened.append(dialog)
        return ArticleDetailsDialog.DialogCode.Rejected

    monkeypatch.setattr(ArticleDetailsDialog, "exec", exec_)

    qtbot.keyClick(error_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert dialogs.shown == []  # no error reached the hook
    (dialog,) = opened
    assert dialog.windowTitle() == f"Details of “{article.title}”"
    assert dialog.title.text() == article.title
