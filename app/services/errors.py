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


def database_message(error: BaseException) -> str | None:
    """The database's own words for an operational failure (locked, disk full, read-only,
    gone…), for a one-line message; None when `error` is not one. Its transaction was rolled
    back, so the project is as it was."""
    if isinstance(error, sa.exc.OperationalError):
        return str(error.orig)
    return None
