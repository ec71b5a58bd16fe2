"""Windows on a team database hear each other's commits (LISTEN/NOTIFY), also after the
watch's connection to the server was cut."""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlalchemy as sa
from helpers import SEED, cli_ok

from app.services import browse
from app.services.project import Project
from app.services.tagging import tag_statement

PATIENCE = 60.0  # seconds: only an upper bound, on a loaded machine


def _until(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_commit_elsewhere_changes_the_watch_and_a_read_does_not(pg_url: str) -> None:
    cli_ok(None, "import", pg_url, SEED)
    with Project.open(pg_url) as mine, Project.open(pg_url) as theirs:
        watch = browse.change_watch(mine)
        try:
            seen = watch.version()
            with theirs.read() as conn:  # a read commits nothing
                conn.exec_driver_sql("SELECT count(*) FROM statements").scalar()
            assert watch.version() == seen
            tag_statement(theirs, 1, "Seoul", annotator="colleague")
            assert _until(lambda: watch.version() != seen)
        finally:
            watch.close()


def test_the_watch_says_it_lost_the_server_and_hears_again_once_back(
    pg_url: str, pg_server: str
) -> None:
    cli_ok(None, "import", pg_url, SEED)
    with Project.open(pg_url) as mine, Project.open(pg_url) as theirs:
        watch = browse.change_watch(mine)
        try:
            watch.version()
            admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
                )
            admin.dispose()
            assert _until(lambda: (watch.version(), watch.lost)[1])
            seen = watch.version()  # connects again, and counts what it may have missed
            assert not watch.lost and seen != 0
            tag_statement(theirs, 2, "Kyiv", annotator="colleague")
            assert _until(lambda: watch.version() != seen)
        finally:
            watch.close()
