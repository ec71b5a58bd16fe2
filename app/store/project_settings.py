"""The project's own settings (`project_settings`: key → text), kept in the project itself so
that they travel with the file, whoever opens it and from whichever window."""

from __future__ import annotations

import sqlalchemy as sa

from app.store.schema import project_settings


def get_setting(conn: sa.Connection, key: str) -> str | None:
    """A setting's value; None when the project has none by that key."""
    value = conn.execute(
        sa.select(project_settings.c.value).where(project_settings.c.key == key)
    ).scalar_one_or_none()
    return None if value is None else str(value)


def set_setting(conn: sa.Connection, key: str, value: str) -> None:
    """Set a setting, inside the caller's write transaction (which serialises writers)."""
    updated = conn.execute(
        sa.update(project_settings).where(project_settings.c.key == key).values(value=value)
    )
    if not updated.rowcount:
        conn.execute(sa.insert(project_settings).values(key=key, value=value))
