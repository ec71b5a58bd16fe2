"""Insert a row unless one with the same unique key is there: one statement, on both engines.

"Look it up, insert it if missing" races on PostgreSQL at READ COMMITTED: two writers both miss
the claim label, both insert it, and one fails on the unique constraint. SQLite's BEGIN
IMMEDIATE serialises writers, so it never showed there. `INSERT … ON CONFLICT DO NOTHING`
(both engines have it) makes the second writer wait for the first to commit and then insert
nothing; the caller reads the row back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


def insert_missing(
    conn: sa.Connection, table: sa.Table, values: Mapping[str, object], unique: Sequence[str]
) -> int | None:
    """Insert `values` into `table` unless a row with the same `unique` columns exists.

    Returns the new row's id, or None when a row with that key was already there (or was made
    by a writer that committed meanwhile)."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[table.c[name] for name in unique])
        .returning(table.c.id)
    )
    made = conn.execute(statement).scalar()
    return None if made is None else int(made)


def insert_link(
    conn: sa.Connection, table: sa.Table, values: Mapping[str, object]
) -> bool:
    """Insert a row of a table keyed by all its columns (a link); False if it was there."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    # RETURNING says whether a row went in: psycopg reports no row count (-1) for an
    # INSERT … ON CONFLICT DO NOTHING, so counting rows would call every new link "there".
    statement: sa.Executable = (
        insert(table).values(**values).on_conflict_do_nothing().returning(sa.literal_column("1"))
    )
    return conn.execute(statement).first() is not None
