"""Full-text search over statement text (SQLite FTS5; a plain LIKE on other databases).

The index is contentless: statement text is `body[start:end]` and is not stored twice. A
contentless FTS5 table needs the old text to delete a row, which we always have, because a
body never changes. The store functions that insert, move or delete statements keep it in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

TABLE = "statement_fts"


def _enabled(conn: sa.Connection) -> bool:
    return conn.dialect.name == "sqlite"


def index(conn: sa.Connection, rows: Iterable[tuple[int, str]]) -> None:
    if not _enabled(conn):
        return
    data = [{"rowid": rowid, "text": text} for rowid, text in rows]
    if data:
        conn.execute(sa.text(f"INSERT INTO {TABLE} (rowid, text) VALUES (:rowid, :text)"), data)


def unindex(conn: sa.Connection, rows: Iterable[tuple[int, str]]) -> None:
    if not _enabled(conn):
        return
    data = [{"rowid": rowid, "text": text} for rowid, text in rows]
    if data:
        conn.execute(
            sa.text(f"INSERT INTO {TABLE} ({TABLE}, rowid, text) VALUES ('delete', :rowid, :text)"),
            data,
        )


def match_query(user_text: str) -> str:
    """Quote each word so FTS5 syntax in user input is searched for, not executed."""
    words = [w.replace('"', '""') for w in user_text.split()]
    return " ".join(f'"{w}"*' if i == len(words) - 1 else f'"{w}"' for i, w in enumerate(words))


def matching_ids(conn: sa.Connection, user_text: str) -> sa.Select[tuple[int]] | None:
    """A subquery of statement ids whose text matches every word (the last as a prefix)."""
    if not user_text.split():
        return None
    if _enabled(conn):
        return (
            sa.select(sa.column("rowid"))
            .select_from(sa.table(TABLE))
            .where(sa.text(f"{TABLE} MATCH :q").bindparams(q=match_query(user_text)))
        )
    return None


ROWID = sa.literal_column(f"{TABLE}.rowid")


def available(conn: sa.Connection) -> bool:
    return _enabled(conn)


def join_matches(
    query: sa.Select[Any], id_column: sa.ColumnElement[int], user_text: str
) -> sa.Select[Any]:
    """Join the rows whose text matches to `query` (ordered by ROWID, FTS5 streams them)."""
    fts_table = sa.table(TABLE)
    return query.join(fts_table, id_column == ROWID).where(
        sa.text(f"{TABLE} MATCH :q").bindparams(q=match_query(user_text))
    )
