"""Engines set up for a desktop app that must never lose a committed edit.

SQLite: WAL (readers never block the writer), `synchronous=FULL` (a commit that returned is on
disk, even across a power cut), foreign keys on, `trusted_schema=OFF` (functions planted in a
stranger's views or triggers do not run), and a busy timeout. The driver's own transaction
handling is switched off so that we emit BEGIN ourselves: write transactions begin IMMEDIATE,
taking the write lock up front; a DEFERRED transaction that reads and then writes fails with
"database is locked" when another process wrote in between, whatever the timeout. A writer
waiting for that lock polls for it every few milliseconds (see `_begin_immediate`).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 10_000
_BEGIN_OPTION = "sourcetrack_begin"
_MAX_PAUSE = 0.004  # seconds between two tries for the write lock, at most


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


class ReadOnlyProject(DomainError):
    """A write to a project opened read-only; the message says why, for the user."""


_READ_ONLY = "sourcetrack_read_only"


def create_read_only_engine(path: Path, *, immutable: bool) -> sa.Engine:
    """An engine that only reads `path`: for a project in a folder this user cannot write.

    SQLite needs to create the -shm file beside a WAL-mode database even to read it; where it
    cannot, the file is opened `immutable` (no -shm, no locks), which is safe only while nobody
    writes to it — and nobody can be, when there is no -wal beside it and the folder cannot be
    written. With a -wal present, plain read-only mode reads the other writer's commits too.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
    engine = sa.create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        ),
        execution_options={_READ_ONLY: str(path)},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA trusted_schema = OFF")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN DEFERRED")

    return engine


class _UncastInteger(sa.Integer):
    render_bind_cast = False


def _bind_integers_wide(dialect: sa.Dialect) -> None:
    """Let psycopg type each bound integer by its value instead of casting it to `integer`.

    Ids are `integer` (32 bits) on PostgreSQL, and SQLAlchemy casts every bound integer to its
    column's type, so looking up id 3000000000 failed with "integer out of range" instead of
    finding nothing, as SQLite (64-bit ids) does. psycopg sends the smallest type that holds the
    value: a large one then compares as `bigint` and matches no row (the indexes serve
    `integer = bigint`), a small one keeps `integer` arithmetic, and a value that does not fit a
    column on insert is still refused by the server.
    """
    colspecs = dict(getattr(dialect, "colspecs", {}))
    colspecs[sa.Integer] = _UncastInteger
    dialect.colspecs = colspecs  # this engine's dialect only, before its first statement


def new_id(result: sa.CursorResult[Any]) -> int:
    """The primary key an INSERT of one row made."""
    key = result.inserted_primary_key
    assert key is not None  # a single-row INSERT always has one
    return int(key[0])


def is_read_only(engine: sa.Engine) -> bool:
    return _READ_ONLY in engine.get_execution_options()


def create_project_engine(url: str, *, foreign_keys: bool = True) -> sa.Engine:
    """An engine for a project URL; SQLite connections get the PRAGMAs described above.

    `foreign_keys=False` is for migrations only: SQLite batch migrations copy and drop tables,
    and a DROP with foreign keys on would cascade deletes into the child tables.
    """
    if not url.startswith("sqlite"):
        # Timestamps in UTC whatever the server's own zone (exports write them with a Z).
        server = sa.create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"}
        )
        _bind_integers_wide(server.dialect)
        return server

    engine = sa.create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA trusted_schema = OFF")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        if mode == "IMMEDIATE":
            _begin_immediate(connection)
        else:
            connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _begin_immediate(connection: sa.Connection) -> None:
    """BEGIN IMMEDIATE, trying for the write lock every few milliseconds until the timeout.

    SQLite's own busy handler sleeps longer and longer between tries, up to 100 ms. A process
    committing edit after edit leaves the lock free for a fraction of a millisecond between
    two, so a writer waking every 100 ms seldom finds it free: with two processes tagging, one
    waited for 1,600 of the other's edits in a row, and on a slower disk it would have run out
    of time with "database is locked". Short, jittered pauses get a waiting writer in within
    milliseconds; the total wait is still bounded by BUSY_TIMEOUT_MS.
    """
    # The timeout is switched on the driver's connection directly: it costs microseconds, and
    # it is a setting of the connection, not a statement of the transaction.
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.execute("PRAGMA busy_timeout = 0")  # we do the waiting here
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.0002
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except sa.exc.OperationalError as error:
                if not is_busy(error) or time.monotonic() >= deadline:
                    raise
            time.sleep(random.uniform(0, pause))
            pause = min(pause * 2, _MAX_PAUSE)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def is_busy(error: sa.exc.OperationalError) -> bool:
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code is not None:
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error.orig)


@contextlib.contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction: BEGIN IMMEDIATE on SQLite, committed on exit, rolled back on error."""
    read_only = engine.get_execution_options().get(_READ_ONLY)
    if read_only is not None:
        raise ReadOnlyProject(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{project} is open read-only (its folder cannot be written here); nothing was"
                " changed",
            ).format(project=read_only)
        )
    with engine.connect() as connection:
        connection.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        server = connection.dialect.name == "postgresql"
        transaction = connection.begin()
        try:
            yield connection
            if server:
                # Delivered to every ChangeWatch when (and only if) this transaction commits.
                connection.exec_driver_sql(f"NOTIFY {CHANGES_CHANNEL}")
        except BaseException:
            # On a connection the server dropped, the rollback fails too; the server has
            # rolled the transaction back already.
            with contextlib.suppress(sa.exc.DBAPIError):
                transaction.rollback()
            raise
        try:
            transaction.commit()
        except sa.exc.DBAPIError as error:
            if server and error.connection_invalidated:
                # The COMMIT went out and no answer came back: the server may have committed
                # it or not. Nobody can tell from here, so the caller must read it back.
                raise CommitUncertain(
                    "the connection to the server was lost while this edit was being saved"
                ) from error
            raise


class CommitUncertain(Exception):
    """A write whose COMMIT was sent to the server but never acknowledged."""


# Any constant will do: it names the one lock that making and seeding a project take.
_SETUP_LOCK = 0x5E7_0001


def serialise_setup(connection: sa.Connection) -> None:
    """Let one process at a time make or seed a project in this transaction.

    SQLite's BEGIN IMMEDIATE already does; on PostgreSQL two first opens of an empty database
    would both create `alembic_version` (or both seed the default sources) and one would fail.
    A transaction-level advisory lock makes the second wait, then find the work done.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SETUP_LOCK})")


@contextlib.contextmanager
def read_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A consistent snapshot for reading (a deferred transaction, rolled back on exit)."""
    with engine.connect() as connection, connection.begin() as transaction:
        yield connection
        transaction.rollback()


CHANGES_CHANNEL = "sourcetrack_changes"


class ChangeWatch:
    """Tells when a connection committed to the project: `version()` changes when it has.

    SQLite: the connection's data_version, so the watch keeps one connection of its own for
    its whole life. PostgreSQL: every write transaction sends a NOTIFY on commit
    (`write_transaction`); the watch LISTENs on a connection of its own and counts them. When
    that connection is lost, the watch connects again and reports a change, since it may have
    missed some.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._dialect = engine.dialect.name
        self._connection: sa.Connection | None = None
        self._listener: Any = None  # the DBAPI connection that LISTENs (PostgreSQL)
        self._count = 0
        self.lost = False  # the watch's connection to the server is gone (PostgreSQL)
        if self._dialect == "sqlite":
            self._connection = engine.connect()
        elif self._dialect == "postgresql":
            self._listen()

    def _listen(self) -> None:
        listener = self._engine.raw_connection()
        driver = listener.driver_connection
        assert driver is not None
        driver.autocommit = True  # a LISTEN inside a transaction hears nothing until it ends
        driver.execute(f"LISTEN {CHANGES_CHANNEL}")
        self._listener = listener

    def version(self) -> int:
        if self._connection is not None:
            value = self._connection.exec_driver_sql("PRAGMA data_version").scalar()
            self._connection.rollback()
            return int(value or 0)
        if self._dialect != "postgresql":
            return 0
        try:
            if self._listener is None:
                self._listen()
                self._count += 1  # connected again: what happened meanwhile is unknown
                self.lost = False
            driver = self._listener.driver_connection
            for _notice in driver.notifies(timeout=0):
                self._count += 1
        except (sa.exc.DBAPIError, OSError, self._driver_errors()):
            # The server went away: say so once, and try again at the next call.
            self._drop_listener()
            self.lost = True
        return self._count

    @staticmethod
    def _driver_errors() -> type[Exception]:
        import psycopg

        return psycopg.Error

    def _drop_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.invalidate()
            self._listener = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None
