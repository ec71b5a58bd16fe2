"""The Statements view's queries: filtered, sorted and paged by key, all in SQL.

Pages are fetched by keyset (`WHERE (sort key, id) > (last row's) ORDER BY … LIMIT n`), never
with OFFSET, so the thousandth page costs what the first does; the row count is one COUNT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.domain.model import Stance
from app.domain.rows import TableRow, TagSummary
from app.store import fts, judgements
from app.store.articles import statement_text_expr
from app.store.queries import article_conditions
from app.store.schema import (
    articles,
    attributions,
    claims,
    statement_claims,
    statements,
)

SORT_KEYS: dict[str, tuple[sa.ColumnElement[Any], ...]] = {
    "article": (statements.c.article_id, statements.c.ordinal),
    "date": (
        sa.func.coalesce(sa.cast(articles.c.published, sa.String), ""),
        statements.c.article_id,
        statements.c.ordinal,
    ),
    "outlet": (
        sa.func.coalesce(articles.c.outlet, ""),
        statements.c.article_id,
        statements.c.ordinal,
    ),
    "title": (articles.c.title, statements.c.article_id, statements.c.ordinal),
}


@dataclass(frozen=True)
class StatementFilter:
    """Every filter is optional; tag filters (source, stance, level) must hold on one tag.

    `untagged_only` keeps the statements not judged yet: neither tagged nor marked "no source";
    `no_source_only` those marked "no source"; each by `judged_by` (an annotator id), or by
    anyone when it is None."""

    source_ids: Sequence[int] = ()
    stance: str | None = None
    level_ids: Sequence[int] = ()
    untagged_only: bool = False
    claim_id: int | None = None
    article_id: int | None = None
    title_contains: str | None = None
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    search: str | None = None
    no_source_only: bool = False
    judged_by: int | None = None


def _where(
    conn: sa.Connection, query: sa.Select[Any], f: StatementFilter, *, search: bool = True
) -> sa.Select[Any]:
    tag_conditions: list[sa.ColumnElement[bool]] = []
    if f.source_ids:
        tag_conditions.append(attributions.c.source_id.in_(f.source_ids))
    if f.stance:
        tag_conditions.append(attributions.c.stance == f.stance)
    if f.level_ids:
        tag_conditions.append(attributions.c.confidence_level_id.in_(f.level_ids))
    if tag_conditions:
        query = query.where(
            sa.exists().where(attributions.c.statement_id == statements.c.id, *tag_conditions)
        )
    if f.untagged_only:
        query = query.where(~judgements.judged(f.judged_by))
    if f.no_source_only:
        query = query.where(judgements.marked(f.judged_by))
    if f.claim_id is not None:
        query = query.where(
            sa.exists().where(
                statement_claims.c.statement_id == statements.c.id,
                statement_claims.c.claim_id == f.claim_id,
            )
        )
    if f.article_id is not None:
        query = query.where(statements.c.article_id == f.article_id)
    if f.title_contains:
        query = query.where(articles.c.title.icontains(f.title_contains, autoescape=True))
    query = query.where(*article_conditions(f.outlet, f.published_from, f.published_to))
    if search and f.search and f.search.strip():
        matching = fts.matches(conn, f.search)
        if matching is not None:
            query = query.where(matching)
        else:
            query = query.where(statement_text_expr().icontains(f.search.strip(), autoescape=True))
    return query


def count(conn: sa.Connection, f: StatementFilter) -> int:
    article_level = bool(f.title_contains or f.outlet or f.published_from or f.published_to)
    if f.search and f.search.strip() and not fts.indexed(conn):
        article_level = True  # the LIKE fallback reads the body: without the join, every body
    # Join the articles only when a filter needs them: the bare count walks one index.
    source = statements.join(articles) if article_level else statements
    query = sa.select(sa.func.count()).select_from(source)
    return int(conn.scalar(_where(conn, query, f)) or 0)


def page(
    conn: sa.Connection,
    f: StatementFilter,
    sort: str = "article",
    descending: bool = False,
    after: tuple[Any, ...] | None = None,
    limit: int = 500,
) -> list[TableRow]:
    """One page of rows after the key `after` (None: the first page), without their tags and
    claims. Each row carries its `key`, to pass as `after` for the next page."""
    streamed = sort == "article" and bool(f.search and f.search.strip()) and fts.available(conn)
    # Searching in document order: walk the full-text index in its own (rowid) order and stop
    # at the page's end, instead of collecting every match and sorting them.
    keys = (fts.ROWID,) if streamed else (*SORT_KEYS[sort], statements.c.id)
    query = sa.select(
        statements.c.id,
        statements.c.article_id,
        statements.c.ordinal,
        statements.c.start,
        statements.c.end,
        articles.c.title,
        articles.c.outlet,
        articles.c.published,
        *[k.label(f"k{i}") for i, k in enumerate(keys)],
    ).select_from(statements.join(articles))
    if streamed:
        query = fts.join_matches(query, statements.c.id, f.search or "")
    query = _where(conn, query, f, search=not streamed)
    if after is not None:
        row_key, last = sa.tuple_(*keys), sa.tuple_(*[sa.literal(v) for v in after])
        query = query.where(row_key < last if descending else row_key > last)
    query = query.order_by(*[k.desc() if descending else k for k in keys]).limit(limit)
    found = conn.execute(query).mappings().all()
    # Each body once per page, sliced here: substr() in SQL would read a long body (and its
    # overflow pages) again for every one of its statements.
    ids = {r["article_id"] for r in found}
    body_query = sa.select(articles.c.id, articles.c.body).where(articles.c.id.in_(ids))
    bodies = {int(i): str(body) for i, body in conn.execute(body_query)} if found else {}
    return [
        TableRow(
            id=row["id"],
            article_id=row["article_id"],
            ordinal=row["ordinal"],
            start=row["start"],
            end=row["end"],
            title=row["title"],
            outlet=row["outlet"],
            published=row["published"],
            text=bodies[row["article_id"]][row["start"] : row["end"]],
            key=tuple(row[f"k{i}"] for i in range(len(keys))),
        )
        for row in found
    ]


def claims_for(conn: sa.Connection, statement_ids: Sequence[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    if not statement_ids:
        return result
    query = (
        sa.select(statement_claims.c.statement_id, claims.c.label)
        .join(claims, claims.c.id == statement_claims.c.claim_id)
        .where(statement_claims.c.statement_id.in_(list(statement_ids)))
        .order_by(claims.c.label)
    )
    for statement_id, label in conn.execute(query):
        result.setdefault(statement_id, []).append(label)
    return result


def outlets(conn: sa.Connection) -> list[str]:
    return [
        o
        for o in conn.execute(
            sa.select(articles.c.outlet)
            .where(articles.c.outlet.is_not(None))
            .distinct()
            .order_by(articles.c.outlet)
        ).scalars()
    ]


_SEARCH_PAGE = """
SELECT s.id, s.article_id, s.ordinal, s.start, s."end", ar.title, ar.outlet, ar.published,
  (SELECT group_concat(so.position || char(31) || so.name || char(31) || a.stance || char(31)
                       || coalesce(l.label, '') || char(31) || an.name, char(30))
     FROM attributions a JOIN sources so ON so.id = a.source_id
     JOIN annotators an ON an.id = a.annotator_id
     LEFT JOIN confidence_levels l ON l.id = a.confidence_level_id
    WHERE a.statement_id = s.id),
  (SELECT group_concat(c.label, char(30)) FROM statement_claims sc
     JOIN claims c ON c.id = sc.claim_id WHERE sc.statement_id = s.id)
FROM statement_fts JOIN statements s ON s.id = statement_fts.rowid
JOIN articles ar ON ar.id = s.article_id
WHERE statement_fts MATCH ? AND statement_fts.rowid {op} ?
ORDER BY statement_fts.rowid {direction} LIMIT ?
"""


def is_plain_search(f: StatementFilter, sort: str) -> bool:
    """Only a search, in document order: the case `search_page` serves in one query."""
    return (
        sort == "article"
        and bool(f.search and f.search.strip())
        and f == StatementFilter(search=f.search)
    )


def search_page(
    conn: sa.Connection, words: str, after: int | None, limit: int, descending: bool = False
) -> list[TableRow]:
    """A page of statements matching `words`, in id order, with their tags and claims, in one
    query that walks the full-text index and stops at the page's end (the Statements view's
    search box; the general `page` serves every other filter)."""
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    bound = after if after is not None else (2**62 if descending else 0)
    # The DB-API cursor directly: on a page this small, the layers above would cost as much as
    # the query itself.
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection in a transaction
    cursor = driver.cursor()
    try:
        found = cursor.execute(
            _SEARCH_PAGE.format(op=op, direction=direction),
            (fts.match_query(words), bound, limit),
        ).fetchall()
        ids = sorted({row[1] for row in found})
        marks = ", ".join("?" * len(ids))
        bodies = (
            dict(
                cursor.execute(
                    f"SELECT id, body FROM articles WHERE id IN ({marks})", ids
                ).fetchall()
            )
            if ids
            else {}
        )
    finally:
        cursor.close()
    rows = []
    for sid, article_id, ordinal, start, end, title, outlet, published, tags, claim_labels in found:
        parsed = sorted(
            (t.split("\x1f") for t in tags.split("\x1e")) if tags else [],
            key=lambda t: int(t[0]),
        )
        rows.append(
            TableRow(
                id=sid,
                article_id=article_id,
                ordinal=ordinal,
                start=start,
                end=end,
                title=title,
                outlet=outlet,
                published=_date(published),
                text=bodies[article_id][start:end],
                key=(sid,),
                tags=tuple(TagSummary(t[1], Stance(t[2]), t[3] or None, t[4]) for t in parsed),
                claims=tuple(sorted(claim_labels.split("\x1e"))) if claim_labels else (),
            )
        )
    return rows


def _date(value: object) -> date | None:
    """A date as the DB-API cursor gives it: SQLite's ISO text (no SQLAlchemy type to parse)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
