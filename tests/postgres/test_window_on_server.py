"""The window on a team database: a colleague's commit shows at the next poll of the change
watch (every 1.5 s), and a connection cut mid-session loses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from helpers import REPO, SEED, cli_ok
from PySide6.QtCore import QSettings

from app.services.tagging import statement_tags, tag_statement
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
    # The commit's NOTIFY was delivered before the colleague's process ended: the very next
    # poll (the timer runs it every 1.5 s) sees it and tells every view.
    assert session.check_external_changes() is True
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
