"""Queries for the REFI-QDA export and import.

The export streams: articles, statements with their tags, claim links and notes are each read
in one ordered query, in batches, so a project of a million statements is written in constant
memory. The import writes in bulk: an article's statements, tags and claim links each in one
statement, whatever their number.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.edits import TagKey, TagValues
from app.domain.model import Span
from app.domain.rows import AttributionRow, ExportArticle, ExportLevel, ExportNote, ExportTag
from app.store import articles as article_store
from app.store import fts
from app.store import tags as tag_store
from app.store.schema import (
    annotators,
    articles,
    attributions,
    confidence_levels,
    confidence_scales,
    sources,
    statement_claims,
    statements,
)
from app.store.tags import attribution

_BATCH = 2000


def _streamed(conn: sa.Connection, query: sa.Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of `query`, fetched a batch at a time."""
    yield from conn.execution_options(yield_per=_BATCH).execute(query)


_TEXT_ORDER = (statements.c.article_id, statements.c.start, statements.c.end)


def export_articles(conn: sa.Connection) -> Iterator[ExportArticle]:
    """Every article's metadata, in id order."""
    query = sa.select(
        articles.c.id, articles.c.title, articles.c.outlet, articles.c.url, articles.c.author,
        articles.c.published, articles.c.language, articles.c.imported_at,
    ).order_by(articles.c.id)  # fmt: skip
    for row in _streamed(conn, query):
        yield ExportArticle(*row)


def export_bodies(conn: sa.Connection) -> Iterator[tuple[int, str]]:
    """Every article's id and body, in id order, a few at a time (bodies are the bulk)."""
    query = sa.select(articles.c.id, articles.c.body).order_by(articles.c.id)
    for article_id, body in conn.execution_options(yield_per=50).execute(query):
        yield int(article_id), str(body)


def export_tags(conn: sa.Connection) -> Iterator[ExportTag]:
    """Every statement with each of its tags (or once, without one), in article and text order."""
    a = attributions
    query = (
        sa.select(
            statements.c.id, statements.c.article_id, statements.c.start, statements.c.end,
            a.c.id, a.c.source_id, a.c.annotator_id, a.c.stance, a.c.confidence_level_id,
            a.c.note, a.c.created_at, a.c.updated_at,
        )
        .select_from(statements.outerjoin(a, a.c.statement_id == statements.c.id))
        .order_by(*_TEXT_ORDER, a.c.id)
    )  # fmt: skip
    for row in _streamed(conn, query):
        sid, article, start, end, tag, source, annotator, stance, level, note, made, changed = row
        yield ExportTag(
            sid, article, start, end, tag, source, annotator, stance, level, note or "", made,
            changed,
        )  # fmt: skip


def export_claim_links(conn: sa.Connection) -> Iterator[tuple[int, int]]:
    """(statement id, claim id) of every link, in the order of `export_tags`."""
    query = (
        sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .order_by(*_TEXT_ORDER, statement_claims.c.claim_id)
    )
    for row in _streamed(conn, query):
        yield int(row[0]), int(row[1])


def export_notes(conn: sa.Connection) -> Iterator[ExportNote]:
    """Every tag that has a note, in the order of `export_tags`."""
    a = attributions
    query = (
        sa.select(
            a.c.id, a.c.note, sources.c.name, articles.c.title, statements.c.start,
            statements.c.end, a.c.annotator_id, a.c.created_at,
        )
        .join(statements, statements.c.id == a.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .join(sources, sources.c.id == a.c.source_id)
        .where(a.c.note.is_not(None), a.c.note != "")
        .order_by(*_TEXT_ORDER, a.c.id)
    )  # fmt: skip
    for row in _streamed(conn, query):
        yield ExportNote(*row)


def export_size(conn: sa.Connection) -> tuple[int, int]:
    """How many statements and tags the project holds."""
    count = sa.func.count()
    return (
        int(conn.scalar(sa.select(count).select_from(statements)) or 0),
        int(conn.scalar(sa.select(count).select_from(attributions)) or 0),
    )


def annotator_names(conn: sa.Connection) -> dict[int, str]:
    return {int(i): n for i, n in conn.execute(sa.select(annotators.c.id, annotators.c.name))}


def levels_for_export(conn: sa.Connection) -> list[ExportLevel]:
    """The active scale's levels and every other level a tag uses, with their scale."""
    used = sa.select(attributions.c.confidence_level_id).where(
        attributions.c.confidence_level_id.is_not(None)
    )
    query = (
        sa.select(
            confidence_levels.c.id,
            confidence_levels.c.rank,
            confidence_levels.c.label,
            confidence_levels.c.description,
            confidence_scales.c.name.label("scale"),
            confidence_scales.c.active,
        )
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(sa.or_(confidence_scales.c.active.is_(True), confidence_levels.c.id.in_(used)))
        .order_by(
            confidence_scales.c.active.desc(), confidence_scales.c.id, confidence_levels.c.rank
        )
    )
    return [
        ExportLevel(
            **{**row, "description": row["description"] or "", "active": bool(row["active"])}
        )
        for row in conn.execute(query).mappings()
    ]


def level_in_scale(conn: sa.Connection, scale: str, label: str) -> int | None:
    """A confidence level by its scale's name and its label (any case)."""
    return conn.scalar(
        sa.select(confidence_levels.c.id)
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(
            sa.func.lower(confidence_scales.c.name) == scale.lower(),
            sa.func.lower(confidence_levels.c.label) == label.lower(),
        )
    )


# --- the import: one statement per kind of row ------------------------------------------------


def statement_ids(conn: sa.Connection, article_id: int) -> dict[tuple[int, int], int]:
    """An article's statements: (start, end) → id."""
    query = sa.select(statements.c.start, statements.c.end, statements.c.id).where(
        statements.c.article_id == article_id
    )
    return {(int(s), int(e)): int(i) for s, e, i in conn.execute(query)}


def insert_statements(
    conn: sa.Connection, article_id: int, spans: Sequence[Span], body: str, *, renumber: bool
) -> dict[tuple[int, int], int]:
    """Statements for an article, inserted and indexed in one batch; the article's statements
    then, (start, end) → id. With `renumber`, every statement of the article is numbered again
    in text order (the article had some already); else `spans` are its first, in text order."""
    if spans:
        _bulk_insert(
            conn, statements, ("article_id", "ordinal", "start", "end"),
            [(article_id, n, s.start, s.end) for n, s in enumerate(spans, start=1)],
        )  # fmt: skip
        if renumber:
            article_store.renumber(conn, article_id)
    ids = statement_ids(conn, article_id)
    if spans:
        fts.index(conn, [(ids[(s.start, s.end)], body[s.start : s.end]) for s in spans])
    return ids


def tags_of_article(
    conn: sa.Connection, article_id: int
) -> dict[tuple[int, int, int], AttributionRow]:
    """An article's tags by (statement, source, annotator)."""
    query = (
        sa.select(attributions)
        .join(statements, statements.c.id == attributions.c.statement_id)
        .where(statements.c.article_id == article_id)
    )
    found = (attribution(row) for row in conn.execute(query).mappings())
    return {(t.statement_id, t.source_id, t.annotator_id): t for t in found}


NewTag = tuple[TagKey, TagValues, datetime, datetime]  # key, values, created, updated
_TAG_COLUMNS = (
    "statement_id", "source_id", "annotator_id", "stance", "confidence_level_id", "note",
    "origin", "created_at", "updated_at",
)  # fmt: skip


def insert_tags(conn: sa.Connection, tags: Sequence[NewTag], *, may_exist: bool) -> int:
    """Insert tags in one batch; how many went in. With `may_exist`, a tag whose key another
    writer made meanwhile is left alone (and not counted)."""
    rows = [
        (key.statement_id, key.source_id, key.annotator_id, values.stance.value,
         values.confidence_level_id, values.note, values.origin.value, created, updated)
        for key, values, created, updated in tags
    ]  # fmt: skip
    if not may_exist:
        _bulk_insert(conn, attributions, _TAG_COLUMNS, rows)
        return len(rows)
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = insert(attributions).on_conflict_do_nothing(
        index_elements=[attributions.c.statement_id, attributions.c.source_id,
                        attributions.c.annotator_id]
    ).returning(attributions.c.id)  # fmt: skip
    made = 0
    for row in rows:
        made += len(conn.execute(statement, dict(zip(_TAG_COLUMNS, row, strict=True))).all())
    return made


def claim_links_of_article(conn: sa.Connection, article_id: int) -> set[tuple[int, int]]:
    query = (
        sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .where(statements.c.article_id == article_id)
    )
    return {(int(s), int(c)) for s, c in conn.execute(query)}


def insert_claim_links(
    conn: sa.Connection, links: Sequence[tuple[int, int]], *, may_exist: bool
) -> int:
    """Link (statement, claim) pairs in one batch; how many were new."""
    if not may_exist:
        _bulk_insert(conn, statement_claims, ("statement_id", "claim_id"), links)
        return len(links)
    made = 0
    for statement_id, claim_id in links:
        made += tag_store.link_claim(conn, statement_id, claim_id)
    return made


def _bulk_insert(
    conn: sa.Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """One `executemany` of plain tuples through the driver, each value converted as its
    column's type converts it (a time is stored exactly as every other insert stores it): for
    ten thousand rows, a tenth of the time of building a statement's parameters row by row."""
    if not rows:
        return
    processors = [table.c[name].type.bind_processor(conn.dialect) for name in columns]
    if any(processors):

        def converted(row: Sequence[Any]) -> tuple[Any, ...]:
            pairs = zip(processors, row, strict=True)
            return tuple(v if p is None or v is None else p(v) for p, v in pairs)

        rows = [converted(row) for row in rows]
    quote = conn.dialect.identifier_preparer.quote
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )
    conn.exec_driver_sql(sql, list(rows))
