"""The window on a team database: a colleague's commit shows at the next poll of the change
watch (every 1.5 s), a connection cut mid-session loses nothing, and an edit in flight when its
connection dies is either made once (on Retry) or said to be uncertain, with the views showing
what the server holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import REPO, SEED, cli_ok
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.services.tagging import statement_tags, tag_statement
from app.ui.errors import LOST_EDIT_MESSAGE, UNCERTAIN_MESSAGE, ErrorDialog
from app.ui.main_window import MainWindow


def _colleague(*args: object) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), SOURCETRACK_ANNOTATOR="colleague")
    done = subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def _window(qtbot, tmp_path: Path, url: str) -> MainWindow:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(url)
    return window


def test_a_colleagues_commit_reaches_the_window_at_the_next_poll(
    qtbot, tmp_path: Path, pg_url: str
) -> None:
    cli_ok(None, "import", pg_url, SEED)
    window = _window(qtbot, tmp_path, pg_url)
    session = window.session
    assert session is not None
    assert session.check_external_changes() is False  # nothing happened yet
    _colleague("tag", pg_url, 3, "--source", "Kremlin", "--stance", "denies")
    received = []
    session.changed.connect(received.append)
    # The commit's NOTIFY reaches the watch's connection a moment after the commit: a poll
    # (the timer runs one every 1.5 s) then sees it and tells every view.
    qtbot.waitUntil(session.check_external_changes, timeout=60_000)
    assert received  # every view is told
    assert any(t.annotator == "colleague" for t in statement_tags(session.project, 3))


def test_a_connection_cut_mid_session_loses_nothing(
    qtbot, tmp_path: Path, pg_url: str, pg_server: str
) -> None:
    cli_ok(None, "import", pg_url, SEED)
    window = _window(qtbot, tmp_path, pg_url)
    session = window.session
    assert session is not None
    tag_statement(session.project, 1, "Seoul", annotator="me")
    states: list[bool] = []
    session.connection_lost.connect(states.append)

    database = sa.make_url(pg_url).database
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:  # every connection of the window, cut at once
        connection.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        )
    admin.dispose()

    def polled_until_lost() -> bool:  # the server ends the backends a moment later
        session.check_external_changes()
        return bool(states)

    qtbot.waitUntil(polled_until_lost, timeout=60_000)  # the watch finds it gone, says so
    assert states == [True]
    assert "lost" in window.statusBar().currentMessage()
    # The next edit gets a fresh connection (pre-ping) and is committed whole.
    tag_statement(session.project, 2, "Kyiv", annotator="me")
    session.check_external_changes()  # connected again
    assert states == [True, False]
    engine = sa.create_engine(pg_url)
    with engine.connect() as connection:
        stored = set(
            connection.exec_driver_sql(
                "SELECT t.statement_id FROM attributions t JOIN annotators a"
                " ON a.id = t.annotator_id WHERE a.name = 'me'"
            ).scalars()
        )
    engine.dispose()
    assert stored == {1, 2}


def test_a_password_never_reaches_the_title_or_the_recent_projects(
    qtbot, tmp_path: Path, pg_url: str
) -> None:
    cli_ok(None, "init", pg_url)
    with_password = sa.make_url(pg_url).set(password="hunter2-secret")
    window = _window(qtbot, tmp_path, with_password.render_as_string(hide_password=False))
    assert "hunter2-secret" not in window.windowTitle()
    assert sa.make_url(pg_url).database in window.windowTitle()
    assert all("hunter2-secret" not in entry for entry in window.recent_projects())
    window.settings.sync()
    settings = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "hunter2-secret" not in settings


class _Answers:
    """The window's dialogs, recorded and answered from a script (Retry by default)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.retries: list[str] = []
        self.warnings: list[str] = []
        monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: self._retry(dialog))
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: self.warnings.append(a[2]))

    def _retry(self, dialog: ErrorDialog) -> int:
        self.retries.append(dialog.message)
        return QDialog.DialogCode.Accepted


def _cut_own_connection(url: str, pg_server: str, connection: sa.Connection) -> None:
    pid = connection.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with admin.connect() as other:
        other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
        # The server ends the backend a moment later: wait until it is gone.
        for _ in range(1000):
            alive = other.exec_driver_sql(
                f"SELECT count(*) FROM pg_stat_activity WHERE pid = {int(pid)}"
            ).scalar()
            if not alive:
                break
    admin.dispose()


def _my_tags(url: str) -> list[int]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT t.statement_id FROM attributions t JOIN annotators a"
            " ON a.id = t.annotator_id WHERE a.name = 'in-flight' ORDER BY 1"
        ).scalars()
        return list(found)


def _annotating(qtbot, tmp_path: Path, url: str) -> MainWindow:
    window = _window(qtbot, tmp_path, url)
    window.tabs.setCurrentWidget(window.annotate)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.annotate.article is not None, timeout=60_000)
    window.annotate.text.setFocus()
    # The view's keys are shortcuts: they act once the window is active and the text focused.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.annotate.text, timeout=60_000)
    return window


def _in_flight_window(
    qtbot, tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, _Answers]:
    """The seed article on the server, open in Annotate for annotator "in-flight"."""
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "in-flight")
    cli_ok(None, "import", url, SEED)
    return _annotating(qtbot, tmp_path, url), _Answers(monkeypatch)


def test_an_edit_whose_connection_dies_before_commit_is_offered_again_and_made_once(
    qtbot, tmp_path: Path, pg_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, answers = _in_flight_window(qtbot, tmp_path, pg_url, monkeypatch)
    session = window.session
    assert session is not None
    cuts: list[str] = []

    def cut_at_the_insert(connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO attributions") and not cuts:
            cuts.append(statement)
            _cut_own_connection(pg_url, pg_server, connection)

    sa.event.listen(session.project.engine, "before_cursor_execute", cut_at_the_insert)
    try:
        qtbot.keyClick(window.annotate.text, Qt.Key.Key_1)
    finally:
        sa.event.remove(session.project.engine, "before_cursor_execute", cut_at_the_insert)

    assert len(cuts) == 1  # the edit was in flight when its connection died
    assert len(answers.retries) == 1 and answers.retries[0].startswith(LOST_EDIT_MESSAGE)
    assert answers.warnings == []
    assert _my_tags(pg_url) == [window.annotate.current_statement_id()]  # made once, on retry
    stack = session.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)
    window.undo()
    assert _my_tags(pg_url) == []


def test_an_edit_whose_commit_goes_unanswered_is_said_so_and_the_views_show_the_server(
    qtbot, tmp_path: Path, pg_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, answers = _in_flight_window(qtbot, tmp_path, pg_url, monkeypatch)
    session = window.session
    assert session is not None
    told: list[object] = []
    session.changed.connect(told.append)
    statement = window.annotate.current_statement_id()

    def cut_at_the_commit(connection) -> None:  # type: ignore[no-untyped-def]
        _cut_own_connection(pg_url, pg_server, connection)

    sa.event.listen(session.project.engine, "commit", cut_at_the_commit)
    try:
        qtbot.keyClick(window.annotate.text, Qt.Key.Key_1)
    finally:
        sa.event.remove(session.project.engine, "commit", cut_at_the_commit)

    # No answer to the COMMIT: the window cannot know whether the server kept the edit, so it
    # says so, keeps nothing on the undo stack, and every view reads the server again.
    assert answers.warnings == [UNCERTAIN_MESSAGE] and answers.retries == []
    assert session.undo_stack.count() == 0
    assert told and all(changes.reloads_everything for changes in told)  # type: ignore[attr-defined]
    assert _my_tags(pg_url) == []  # here the server had not committed it ...
    assert window.annotate.presenter.my_tags() == []  # ... and the window shows that
    # The window goes on working: the same key makes the edit on a new connection.
    qtbot.keyClick(window.annotate.text, Qt.Key.Key_1)
    assert _my_tags(pg_url) == [statement]
    assert session.undo_stack.count() == 1
