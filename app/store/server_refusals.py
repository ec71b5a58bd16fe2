"""A server's refusal to connect, worded for the user (and never naming a password)."""

from __future__ import annotations

import sqlalchemy as sa

from app.domain.wording import QT_TRANSLATE_NOOP, Words


def connection_problem(url: sa.URL, error: Exception) -> Words:
    """What went wrong connecting to a server, in words, naming no password."""
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    text = " ".join(reason).casefold()
    if f'database "{url.database}" does not exist' in text:
        return QT_TRANSLATE_NOOP(
            "Refusals", "there is no database '{database}' on the server at {where}"
        ).format(database=url.database, where=where)
    if "password authentication failed" in text:
        return QT_TRANSLATE_NOOP(
            "Refusals", "the server at {where} refused the password of role '{role}'"
        ).format(where=where, role=url.username)
    if "role" in text and "does not exist" in text:
        return QT_TRANSLATE_NOOP("Refusals", "the server at {where} has no role '{role}'").format(
            where=where, role=url.username
        )
    if "no password supplied" in text:
        return QT_TRANSLATE_NOOP(
            "Refusals",
            "the server at {where} asks role '{role}' for a password: put it in "
            "PGPASSWORD, ~/.pgpass or a service file",
        ).format(where=where, role=url.username)
    if "connection refused" in text or "could not connect" in text or "timeout" in text:
        return QT_TRANSLATE_NOOP(
            "Refusals",
            "no PostgreSQL server answers at {where} (is it running? is the port right?)",
        ).format(where=where)
    if "no pg_hba.conf entry" in text:
        return QT_TRANSLATE_NOOP(
            "Refusals", "the server at {where} does not let this machine or role in (pg_hba.conf)"
        ).format(where=where)
    first = reason[0] if reason else type(error).__name__
    return QT_TRANSLATE_NOOP(
        "Refusals", "cannot use the database '{database}' at {where}: {reason}"
    ).format(database=url.database, where=where, reason=first)
