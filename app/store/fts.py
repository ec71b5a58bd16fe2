"""Full-text search over statement text: SQLite FTS5, or a tsvector column on PostgreSQL.

SQLite: the index is contentless (statement text is `body[start:end]` and is not stored twice).
A contentless FTS5 table needs the old text to delete a row, which we always have, because a
body never changes. The store functions that insert, move or delete statements keep it in step.

PostgreSQL: `statements.search_vector` (revision 0005, GIN-indexed) holds the statement's words
as `domain.search_words` makes them — the words FTS5's tokenizer makes — so both engines match
the same statements for the same input: every typed word, in any order, accents and case folded,
the last word as a prefix, the words of one typed word ("nord-coréennes") next to each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from app.domain.search_words import prefix_query, words
from app.store.schema import statements

TABLE = "statement_fts"


def _enabled(conn: sa.Connection) -> bool:
    return conn.dialect.name == "sqlite"


def _postgres(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql"


def index(conn: sa.Connection, rows: Iterable[tuple[int, str]]) -> None:
    if _postgres(conn):
        vectors = [{"rowid": rowid, "words": " ".join(words(text))} for rowid, text in rows]
        if vectors:
            conn.execute(
                sa.text(
                    "UPDATE statements SET search_vector = to_tsvector('simple', :words)"
                    " WHERE id = :rowid"
                ),
                vectors,
            )
        return
    if not _enabled(conn):
        return
    data = [{"rowid": rowid, "text": text} for rowid, text in rows]
    if data:
        conn.execute(sa.text(f"INSERT INTO {TABLE} (rowid, text) VALUES (:rowid, :text)"), data)


def unindex(conn: sa.Connection, rows: Iterable[tuple[int, str]]) -> None:
    # On PostgreSQL the vector lives on the row: a moved statement is indexed again, a
    # deleted one takes its vector with it.
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


def matches(conn: sa.Connection, user_text: str) -> sa.ColumnElement[bool] | None:
    """A condition on a row of `statements`: its text matches every word (the last as a
    prefix). None where there is no index to ask (the caller reads the text instead)."""
    if not user_text.split():
        return None
    if _enabled(conn):
        return statements.c.id.in_(
            sa.select(sa.column("rowid"))
            .select_from(sa.table(TABLE))
            .where(sa.text(f"{TABLE} MATCH :q").bindparams(q=match_query(user_text)))
        )
    if _postgres(conn):
        query = ts_query(user_text)
        if query is None:
            return sa.false()  # nothing searchable: no match
        # A condition on the row itself, not `id IN (SELECT id FROM statements WHERE …)`:
        # PostgreSQL keeps that self-join, probing the primary key once for every match of a
        # count (twice the raw full-text count) and for every row a first page walks.
        vector: sa.ColumnElement[Any] = sa.literal_column("statements.search_vector")
        return vector.bool_op("@@")(
            sa.func.to_tsquery(sa.literal_column("'simple'"), sa.literal(query, sa.Text))
        )
    return None


def ts_query(user_text: str) -> str | None:
    """The search box's input as a PostgreSQL tsquery over words made of letters and digits
    only (so nothing typed is read as tsquery syntax)."""
    groups = prefix_query(user_text)
    if not groups:
        return None
    parts = []
    for number, group in enumerate(groups):
        quoted = [f"'{word}'" for word in group]
        if number == len(groups) - 1:
            quoted[-1] += ":*"
        parts.append(f"({' <-> '.join(quoted)})" if len(quoted) > 1 else quoted[0])
    return " & ".join(parts)


ROWID: sa.ColumnElement[int] = sa.literal_column(f"{TABLE}.rowid")


def available(conn: sa.Connection) -> bool:
    """An FTS5 index to walk in its own order (SQLite)."""
    return _enabled(conn)


def indexed(conn: sa.Connection) -> bool:
    """Whether searches use an index here, rather than reading bodies with LIKE."""
    return _enabled(conn) or _postgres(conn)


def join_matches(
    query: sa.Select[Any], id_column: sa.ColumnElement[int], user_text: str
) -> sa.Select[Any]:
    """Join the rows whose text matches to `query` (ordered by ROWID, FTS5 streams them)."""
    fts_table = sa.table(TABLE)
    return query.join(fts_table, id_column == ROWID).where(
        sa.text(f"{TABLE} MATCH :q").bindparams(q=match_query(user_text))
    )
