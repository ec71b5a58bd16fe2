"""Telling the kinds of failure apart for the front ends, which must not import SQLAlchemy."""

from __future__ import annotations

import sqlalchemy as sa

from app.store import engine as engine_store


def is_busy(error: BaseException) -> bool:
    """A write that still found the project locked by another connection after the busy
    timeout. Its transaction was rolled back whole, so running the same edit again is safe."""
    # The store's own test, which its writers already use to decide whether to wait longer:
    # one definition of "busy" for both.
    return isinstance(error, sa.exc.OperationalError) and engine_store.is_busy(error)


def connection_lost(error: BaseException) -> bool:
    """The server went away during a write, before its COMMIT: the server rolled it back,
    so the edit was not made, and running it again (on a new connection) is safe."""
    return isinstance(error, sa.exc.DBAPIError) and bool(error.connection_invalidated)


def commit_uncertain(error: BaseException) -> bool:
    """The server went away after the write's COMMIT was sent and before it answered: the edit
    may or may not be in the project, so the views must be read again before anything else."""
    return isinstance(error, engine_store.CommitUncertain)


def database_message(error: BaseException) -> str | None:
    """The database's own words for an operational failure (locked, disk full, read-only,
    gone…), for a one-line message; None when `error` is not one. Its transaction was rolled
    back, so the project is as it was."""
    if isinstance(error, sa.exc.OperationalError):
        return str(error.orig)
    return None
