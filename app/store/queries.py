"""Read queries for the views, the comparison and the exports: aggregation stays in SQL."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.domain.judgements import NO_SOURCE
from app.domain.model import Stance
from app.domain.rows import StatementRow, TagSummary
from app.store import fts, judgements
from app.store.articles import statement_text_expr
from app.store.schema import (
    annotators,
    articles,
    attributions,
    claims,
    confidence_levels,
    no_source_marks,
    sources,
    statement_claims,
    statements,
)


def article_conditions(
    outlet: str | None, published_from: date | None, published_to: date | None
) -> list[sa.ColumnElement[bool]]:
    """The article-level restrictions every listing, export and the matrix share."""
    conditions: list[sa.ColumnElement[bool]] = []
    if outlet:
        conditions.append(articles.c.outlet == outlet)
    if published_from:
        conditions.append(articles.c.published >= published_from)
    if published_to:
        conditions.append(articles.c.published <= published_to)
    return conditions


@dataclass(frozen=True)
class TagFilter:
    """Filters shared by the statement listing and the exports; None means no restriction."""

    article_ids: Sequence[int] | None = None
    source_names: Sequence[str] | None = None
    annotator: str | None = None
    stance: str | None = None
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None

    def apply_to_articles(self, query: sa.Select[Any]) -> sa.Select[Any]:
        """The article-level part of the filter, on a query over articles alone."""
        if self.article_ids:
            query = query.where(articles.c.id.in_(self.article_ids))
        return query.where(*article_conditions(self.outlet, self.published_from, self.published_to))

    def apply(self, query: sa.Select[Any]) -> sa.Select[Any]:
        query = self.apply_to_articles(query)
        if self.source_names:
            query = query.where(sources.c.name.in_(self.source_names))
        if self.annotator:
            query = query.where(annotators.c.name == self.annotator)
        if self.stance:
            query = query.where(attributions.c.stance == self.stance)
        return query


def claim_labels(conn: sa.Connection) -> dict[int, str]:
    return {int(i): str(label) for i, label in conn.execute(sa.select(claims.c.id, claims.c.label))}


def _claims_cell() -> sa.ScalarSelect[Any]:
    return (
        sa.select(sa.func.aggregate_strings(claims.c.label, "; "))
        .select_from(statement_claims)
        .join(claims, claims.c.id == statement_claims.c.claim_id)
        .where(statement_claims.c.statement_id == statements.c.id)
        .scalar_subquery()
    )


EXPORT_COLUMNS = (
    "article_id",
    "article_title",
    "outlet",
    "published",
    "url",
    "statement_id",
    "ordinal",
    "start",
    "end",
    "statement_text",
    "source",
    "stance",
    "confidence_rank",
    "confidence_label",
    "claims",
    "annotator",
    "note",
    "origin",
    "created_at",
    "updated_at",
)


def _utc_text(conn: sa.Connection, column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """A UTC timestamp as ISO 8601 text ending in Z, formatted by the database."""
    if conn.dialect.name == "sqlite":
        return sa.func.strftime("%Y-%m-%dT%H:%M:%SZ", column)
    return column  # formatted in Python (services.exporting) on other databases


def export_rows(
    conn: sa.Connection, tag_filter: TagFilter | None = None, articles_per_batch: int = 100
) -> Iterator[tuple[Any, ...]]:
    """One row per attribution and per "no source" mark (EXPORT_COLUMNS, plain values), in
    article and text order.

    Streamed a batch of articles at a time, in constant memory. Each body is read once per
    batch and sliced here: `substr()` in SQL would read a long body again for every tag.
    """
    article_query = sa.select(articles.c.id).order_by(articles.c.id)
    if tag_filter:
        article_query = tag_filter.apply_to_articles(article_query)
    article_ids = list(conn.execute(article_query).scalars())
    query = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            sa.cast(articles.c.published, sa.String),
            articles.c.url,
            statements.c.id,
            statements.c.ordinal,
            statements.c.start,
            statements.c.end,
            sources.c.name,
            attributions.c.stance,
            confidence_levels.c.rank,
            confidence_levels.c.label,
            _claims_cell(),
            annotators.c.name,
            attributions.c.note,
            attributions.c.origin,
            _utc_text(conn, attributions.c.created_at),
            _utc_text(conn, attributions.c.updated_at),
        )
        .select_from(attributions)
        .join(statements, statements.c.id == attributions.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .join(sources, sources.c.id == attributions.c.source_id)
        .join(annotators, annotators.c.id == attributions.c.annotator_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .order_by(
            statements.c.article_id,
            statements.c.start,
            statements.c.end,
            sources.c.position,
            attributions.c.id,
        )
    )
    if tag_filter:
        query = tag_filter.apply(query)
    batch_ids: sa.BindParameter[int] = sa.bindparam("batch_ids", expanding=True)
    query = query.where(statements.c.article_id.in_(batch_ids))
    body_query = sa.select(articles.c.id, articles.c.body).where(articles.c.id.in_(batch_ids))
    marks = _mark_export_query(conn, tag_filter)
    if marks is not None:
        marks = marks.where(statements.c.article_id.in_(batch_ids))
    for first in range(0, len(article_ids), articles_per_batch):
        ids = article_ids[first : first + articles_per_batch]
        bodies = {int(i): str(body) for i, body in conn.execute(body_query, {"batch_ids": ids})}
        rows: Iterable[Sequence[Any]] = conn.execute(query, {"batch_ids": ids})
        if marks is not None:  # a batch's marks are few: read at once, merged in text order
            marked = conn.execute(marks, {"batch_ids": ids}).all()
            rows = heapq.merge(rows, marked, key=_text_order)
        for row in rows:
            start, end = row[7], row[8]
            yield (*row[:9], bodies[row[0]][start:end], *row[9:])


def _text_order(row: Sequence[Any]) -> tuple[int, int, int]:
    return row[0], row[7], row[8]  # article, start, end


def _mark_export_query(conn: sa.Connection, tag_filter: TagFilter | None) -> sa.Select[Any] | None:
    """The "no source" marks as export rows: the source empty, the stance NO_SOURCE, no level,
    note nor origin, the mark's time as both times; after the tags of their statement, in
    annotator order. None when no mark can be exported (none in the project, or a filter on
    sources or stance, which a mark has not)."""
    if tag_filter and (tag_filter.source_names or tag_filter.stance):
        return None
    if not conn.scalar(sa.select(sa.exists().select_from(no_source_marks))):
        return None
    created = _utc_text(conn, no_source_marks.c.created_at)
    query = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            sa.cast(articles.c.published, sa.String),
            articles.c.url,
            statements.c.id,
            statements.c.ordinal,
            statements.c.start,
            statements.c.end,
            sa.null(),
            sa.literal(NO_SOURCE),
            sa.null(),
            sa.null(),
            _claims_cell(),
            annotators.c.name,
            sa.literal(""),
            sa.null(),
            created,
            created,
        )
        .select_from(no_source_marks)
        .join(statements, statements.c.id == no_source_marks.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .join(annotators, annotators.c.id == no_source_marks.c.annotator_id)
        .order_by(statements.c.article_id, statements.c.start, statements.c.end, annotators.c.name)
    )
    if tag_filter:
        query = tag_filter.apply_to_articles(query)
        if tag_filter.annotator:
            query = query.where(annotators.c.name == tag_filter.annotator)
    return query


def list_statements(
    conn: sa.Connection,
    article_id: int | None = None,
    source_name: str | None = None,
    search: str | None = None,
    *,
    untagged: bool = False,
    no_source: bool = False,
    annotator_id: int | None = None,
    tagged_by: int | None = None,
) -> list[StatementRow]:
    """Statements in text order, with their text and claims; with `source_name`, only those
    carrying that source's tag; with `search`, only those the search box would find (the same
    words and folding on both engines, see `fts`); with `untagged`, only those not judged yet
    (neither tagged nor marked "no source"), with `no_source`, only those marked "no source":
    by `annotator_id`, or by anyone; with `tagged_by`, only those carrying a tag of that
    annotator (of `source_name`'s, with both).

    The text is cut from each article's body here, the body read once per article:
    `substr()` in SQL would read a long body again for every one of its statements.
    """
    query = sa.select(
        statements.c.id,
        statements.c.article_id,
        statements.c.ordinal,
        statements.c.start,
        statements.c.end,
        _claims_cell().label("claims"),
    ).order_by(statements.c.article_id, statements.c.start, statements.c.end)
    if article_id is not None:
        query = query.where(statements.c.article_id == article_id)
    if source_name is not None or tagged_by is not None:
        tagged = sa.select(attributions.c.statement_id)
        if source_name is not None:
            tagged = tagged.join(sources, sources.c.id == attributions.c.source_id).where(
                sources.c.name == source_name
            )
        if tagged_by is not None:
            tagged = tagged.where(attributions.c.annotator_id == tagged_by)
        query = query.where(statements.c.id.in_(tagged))
    if untagged:
        query = query.where(~judgements.judged(annotator_id))
    if no_source:
        query = query.where(judgements.marked(annotator_id))
    if search is not None and search.strip():
        matching = fts.matches(conn, search)
        if matching is None:  # an engine with no index: the text itself, case-insensitively
            query = query.join(articles, articles.c.id == statements.c.article_id).where(
                statement_text_expr().icontains(search.strip(), autoescape=True)
            )
        else:
            query = query.where(matching)
    body_query = sa.select(articles.c.body).where(articles.c.id == sa.bindparam("article"))
    current, body = None, ""
    rows = []
    for row in conn.execute(query).mappings().all():
        if row["article_id"] != current:
            current = row["article_id"]
            body = conn.scalar(body_query, {"article": current}) or ""
        rows.append(
            StatementRow(
                id=row["id"],
                article_id=row["article_id"],
                ordinal=row["ordinal"],
                start=row["start"],
                end=row["end"],
                text=body[row["start"] : row["end"]],
                claims=tuple(sorted(row["claims"].split("; "))) if row["claims"] else (),
            )
        )
    return rows


def tags_for_statements(
    conn: sa.Connection, statement_ids: Sequence[int], annotator_id: int | None = None
) -> dict[int, list[TagSummary]]:
    """The attributions of many statements at once (one query per 500 ids, not one per row),
    each statement's by source, then annotator; only `annotator_id`'s when given."""
    result: dict[int, list[TagSummary]] = {}
    ids = list(statement_ids)
    for i in range(0, len(ids), 500):
        query = (
            sa.select(
                attributions.c.statement_id,
                sources.c.name.label("source"),
                attributions.c.stance,
                confidence_levels.c.label.label("confidence"),
                annotators.c.name.label("annotator"),
            )
            .join(sources, sources.c.id == attributions.c.source_id)
            .join(annotators, annotators.c.id == attributions.c.annotator_id)
            .outerjoin(
                confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id
            )
            .where(attributions.c.statement_id.in_(ids[i : i + 500]))
            .order_by(attributions.c.statement_id, sources.c.position, annotators.c.name)
        )
        if annotator_id is not None:
            query = query.where(attributions.c.annotator_id == annotator_id)
        for row in conn.execute(query).mappings():
            result.setdefault(row["statement_id"], []).append(
                TagSummary(
                    row["source"], Stance(row["stance"]), row["confidence"], row["annotator"]
                )
            )
    return result


def count_rows(conn: sa.Connection) -> dict[str, int]:
    """Row counts of the main tables (status bar, reports and tests)."""
    tables = {
        "articles": articles,
        "statements": statements,
        "attributions": attributions,
        "sources": sources,
        "claims": claims,
        "statement_claims": statement_claims,
    }
    return {
        name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
        for name, table in tables.items()
    }


@dataclass(frozen=True)
class References:
    """Which of some article, source and confidence level ids the project holds."""

    articles: frozenset[int]
    sources: frozenset[int]
    levels: frozenset[int]


def existing_references(
    conn: sa.Connection,
    article_ids: Iterable[int],
    source_ids: Iterable[int],
    level_ids: Iterable[int],
) -> References:
    """The ids among these that still exist: a batched import checks, under the write lock,
    that nothing its rows were checked against was deleted since."""

    def present(column: sa.ColumnElement[int], ids: Iterable[int]) -> set[int]:
        wanted, found = sorted(set(ids)), set[int]()
        for i in range(0, len(wanted), 500):  # below SQLite's limit of bound parameters
            query = sa.select(column).where(column.in_(wanted[i : i + 500]))
            found.update(int(v) for v in conn.execute(query).scalars())
        return found

    return References(
        articles=frozenset(present(articles.c.id, article_ids)),
        sources=frozenset(present(sources.c.id, source_ids)),
        levels=frozenset(present(confidence_levels.c.id, level_ids)),
    )
