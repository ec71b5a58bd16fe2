"""Aggregations for the comparison views: the claims × sources matrix, side by side quotes,
timelines and the per-source charts. Every count is a GROUP BY in the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.domain.compare import LEVEL_KEY, CellCounts
from app.domain.model import Stance
from app.domain.rows import ClaimRow, Quote, TimelinePoint
from app.store.articles import statement_text_expr
from app.store.queries import article_conditions
from app.store.schema import (
    annotators,
    articles,
    attributions,
    claims,
    confidence_levels,
    sources,
    statement_claims,
    statements,
)


@dataclass(frozen=True)
class MatrixFilter:
    """Restricts which tags count: by article, outlet, publication date and annotator."""

    article_ids: Sequence[int] = ()
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    annotator: str | None = None

    @property
    def needs_articles(self) -> bool:
        return bool(self.outlet or self.published_from or self.published_to)

    def apply(self, query: sa.Select[Any]) -> sa.Select[Any]:
        if self.article_ids:
            query = query.where(statements.c.article_id.in_(list(self.article_ids)))
        if self.needs_articles:
            query = query.join(articles, articles.c.id == statements.c.article_id).where(
                *article_conditions(self.outlet, self.published_from, self.published_to)
            )
        if self.annotator:
            query = query.join(annotators, annotators.c.id == attributions.c.annotator_id).where(
                annotators.c.name == self.annotator
            )
        return query


def claim_cells(
    conn: sa.Connection,
    matrix_filter: MatrixFilter | None = None,
    claim_ids: Sequence[int] | None = None,
    *,
    with_articles: bool = True,
) -> list[CellCounts]:
    """Per claim and source: stance counts, the firmest level of each stance, statements and
    articles.

    Counting articles needs every statement row (a third of the cost over a million tags); the
    window shows that number only in a tooltip, so it asks without and fetches it on hover.
    """
    # With one annotator a statement has at most one tag per source, so counting rows counts
    # statements, and the database skips a DISTINCT per group (min = max: two index probes).
    # Two statements: SQLite answers a lone min() or max() from the index, not both at once.
    low = conn.scalar(sa.select(sa.func.min(attributions.c.annotator_id)))
    high = conn.scalar(sa.select(sa.func.max(attributions.c.annotator_id)))
    one_annotator = low == high or (matrix_filter is not None and matrix_filter.annotator)
    statements_backing = (
        sa.func.count()
        if one_annotator
        else sa.func.count(sa.distinct(attributions.c.statement_id))
    )
    query = (
        sa.select(
            statement_claims.c.claim_id,
            attributions.c.source_id,
            sa.func.sum(sa.case((attributions.c.stance == "asserts", 1), else_=0)),
            sa.func.sum(sa.case((attributions.c.stance == "denies", 1), else_=0)),
            sa.func.sum(sa.case((attributions.c.stance == "neutral", 1), else_=0)),
            *(_firmest(stance) for stance in ("asserts", "denies", "neutral")),
            statements_backing,
            sa.func.count(sa.distinct(statements.c.article_id)) if with_articles else sa.null(),
        )
        .select_from(statement_claims)
        .join(attributions, attributions.c.statement_id == statement_claims.c.statement_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .group_by(statement_claims.c.claim_id, attributions.c.source_id)
    )
    filtered = matrix_filter is not None and bool(
        matrix_filter.article_ids or matrix_filter.needs_articles
    )
    if with_articles or filtered:
        query = query.join(statements, statements.c.id == statement_claims.c.statement_id)
    if claim_ids is not None:
        query = query.where(statement_claims.c.claim_id.in_(list(claim_ids)))
    if matrix_filter is not None:
        query = matrix_filter.apply(query)
    return [CellCounts(*list(row)) for row in conn.execute(query)]


def _firmest(stance: str) -> sa.ColumnElement[Any]:
    """min(rank * LEVEL_KEY + level id) over the tags of one stance (see domain.compare)."""
    key = sa.cast(confidence_levels.c.rank, sa.BigInteger) * LEVEL_KEY + confidence_levels.c.id
    return sa.func.min(sa.case((attributions.c.stance == stance, key), else_=sa.null()))


def plain_group_by(conn: sa.Connection) -> list[tuple[Any, ...]]:
    """The benchmark floor: the simplest GROUP BY over the same rows."""
    return list(
        conn.exec_driver_sql(
            "SELECT sc.claim_id, a.source_id, a.stance, count(*) FROM statement_claims sc "
            "JOIN attributions a ON a.statement_id = sc.statement_id "
            "GROUP BY sc.claim_id, a.source_id, a.stance"
        )
    )


def claim_first_dates(
    conn: sa.Connection, claim_ids: Sequence[int] | None = None
) -> dict[int, date | None]:
    """The earliest publication date of any tagged statement of each claim."""
    query = (
        sa.select(statement_claims.c.claim_id, sa.func.min(articles.c.published))
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .where(sa.exists().where(attributions.c.statement_id == statements.c.id))
        .group_by(statement_claims.c.claim_id)
    )
    if claim_ids is not None:
        query = query.where(statement_claims.c.claim_id.in_(list(claim_ids)))
    return {int(c): d for c, d in conn.execute(query)}


def claims_of_statements(conn: sa.Connection, statement_ids: Sequence[int]) -> set[int]:
    query = sa.select(statement_claims.c.claim_id).where(
        statement_claims.c.statement_id.in_(list(statement_ids))
    )
    return set(conn.execute(query).scalars())


def claim_rows(conn: sa.Connection) -> dict[int, ClaimRow]:
    return {
        r["id"]: ClaimRow(r["id"], r["label"], r["description"] or "", r["created_at"])
        for r in conn.execute(sa.select(claims)).mappings()
    }


def quotes(
    conn: sa.Connection,
    source_ids: Sequence[int],
    matrix_filter: MatrixFilter | None = None,
    claim_ids: Sequence[int] | None = None,
    per_cell: int | None = None,
) -> list[Quote]:
    """The tagged statements of the chosen sources on every claim, with what a reader needs to
    weigh them: the text, the article, outlet, date, stance and confidence.

    With `per_cell`, only the earliest statements of each (claim, source) cell, each row
    carrying `cell_total`, the cell's full count: a window shows a few quotes a cell, not the
    hundreds of thousands a large corpus holds.
    """
    order = (articles.c.published, statements.c.article_id, statements.c.start)
    cell = (statement_claims.c.claim_id, attributions.c.source_id)
    inner = (
        sa.select(
            statement_claims.c.claim_id,
            attributions.c.source_id,
            statements.c.id.label("statement_id"),
            attributions.c.stance,
            attributions.c.confidence_level_id,
            sa.func.row_number().over(partition_by=cell, order_by=order).label("position"),
            sa.func.count().over(partition_by=cell).label("cell_total"),
        )
        .select_from(statement_claims)
        .join(attributions, attributions.c.statement_id == statement_claims.c.statement_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .where(attributions.c.source_id.in_(list(source_ids)))
    )
    if matrix_filter is not None:
        inner = matrix_filter.apply(inner)
    if matrix_filter is None or not matrix_filter.needs_articles:
        inner = inner.join(articles, articles.c.id == statements.c.article_id)
    if claim_ids is not None:
        inner = inner.where(statement_claims.c.claim_id.in_(list(claim_ids)))
    chosen = inner.subquery()
    query = (
        sa.select(
            chosen.c.claim_id,
            chosen.c.source_id,
            sources.c.name.label("source"),
            chosen.c.statement_id,
            statements.c.article_id,
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            chosen.c.stance,
            confidence_levels.c.rank.label("confidence_rank"),
            confidence_levels.c.label.label("confidence"),
            statement_text_expr().label("text"),
            chosen.c.cell_total,
        )
        .select_from(chosen)
        .join(sources, sources.c.id == chosen.c.source_id)
        .join(statements, statements.c.id == chosen.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == chosen.c.confidence_level_id)
        .order_by(chosen.c.claim_id, chosen.c.source_id, chosen.c.position)
    )
    if per_cell is not None:
        query = query.where(chosen.c.position <= per_cell)
    return [Quote(**{**r, "stance": Stance(r["stance"])}) for r in conn.execute(query).mappings()]


def claim_timeline(conn: sa.Connection, claim_id: int) -> list[TimelinePoint]:
    """A claim's tagged statements in publication order: who said what, when, how firmly."""
    query = (
        sa.select(
            sources.c.name.label("source"),
            articles.c.published,
            attributions.c.stance,
            confidence_levels.c.rank.label("confidence_rank"),
            statements.c.id.label("statement_id"),
        )
        .select_from(statement_claims)
        .join(attributions, attributions.c.statement_id == statement_claims.c.statement_id)
        .join(sources, sources.c.id == attributions.c.source_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .where(statement_claims.c.claim_id == claim_id, articles.c.published.is_not(None))
        .order_by(articles.c.published, sources.c.position)
    )
    return [
        TimelinePoint(**{**r, "stance": Stance(r["stance"])})
        for r in conn.execute(query).mappings()
    ]


def per_source(conn: sa.Connection, by: str) -> list[tuple[Any, ...]]:
    """(source, group, statements) for the project charts.

    `by`: "total" (no group), "stance", "confidence" (the level's rank) or "month" (of
    publication, YYYY-MM).
    """
    groups: dict[str, sa.ColumnElement[Any]] = {
        "total": sa.literal(""),
        "stance": attributions.c.stance,
        "confidence": sa.func.coalesce(confidence_levels.c.rank, 0),
        "month": sa.func.substr(sa.cast(articles.c.published, sa.String), 1, 7),
    }
    group = groups[by].label("grp")
    query = (
        sa.select(sources.c.name, group, sa.func.count(sa.distinct(attributions.c.statement_id)))
        .select_from(attributions)
        .join(sources, sources.c.id == attributions.c.source_id)
        .group_by(sources.c.position, sources.c.name, group)
        .order_by(sources.c.position, group)
    )
    if by == "confidence":
        query = query.outerjoin(
            confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id
        )
    if by == "month":
        query = (
            query.join(statements, statements.c.id == attributions.c.statement_id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(articles.c.published.is_not(None))
        )
    return [tuple(r) for r in conn.execute(query)]


def cell_articles(
    conn: sa.Connection, claim_id: int, source_id: int, matrix_filter: MatrixFilter | None = None
) -> int:
    """How many articles back one cell of the matrix (the tooltip's figure)."""
    query = (
        sa.select(sa.func.count(sa.distinct(statements.c.article_id)))
        .select_from(statement_claims)
        .join(attributions, attributions.c.statement_id == statement_claims.c.statement_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .where(statement_claims.c.claim_id == claim_id, attributions.c.source_id == source_id)
    )
    if matrix_filter is not None:
        query = matrix_filter.apply(query)
    return int(conn.scalar(query) or 0)
