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
from app.store.layers import (
    EVERY_TAG,
    LayerRows,
    TagLayer,
    disagreements,
    layer_parts,
    layer_rows,
)
from app.store.queries import article_conditions
from app.store.schema import (
    articles,
    claims,
    confidence_levels,
    sources,
    statement_claims,
    statements,
)


@dataclass(frozen=True)
class MatrixFilter:
    """Restricts which tags count: by article, outlet and publication date.

    `annotator` is kept for the callers that name one: the comparison service reads it as that
    annotator's layer (see `app.store.layers`); the filter itself no longer applies it."""

    article_ids: Sequence[int] = ()
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    annotator: str | None = None

    @property
    def needs_articles(self) -> bool:
        return bool(self.outlet or self.published_from or self.published_to)

    @property
    def needs_statements(self) -> bool:
        return bool(self.article_ids) or self.needs_articles

    def apply(self, query: sa.Select[Any]) -> sa.Select[Any]:
        """Restrict a query that has joined `statements` (when `needs_statements`)."""
        if self.article_ids:
            query = query.where(statements.c.article_id.in_(list(self.article_ids)))
        if self.needs_articles:
            query = query.join(articles, articles.c.id == statements.c.article_id).where(
                *article_conditions(self.outlet, self.published_from, self.published_to)
            )
        return query


def claim_cells(
    conn: sa.Connection,
    matrix_filter: MatrixFilter | None = None,
    claim_ids: Sequence[int] | None = None,
    *,
    with_articles: bool = True,
    layer: TagLayer = EVERY_TAG,
) -> list[CellCounts]:
    """Per claim and source: stance counts, the firmest level of each stance, statements and
    articles, over the tags of one layer.

    Counting articles needs every statement row (a third of the cost over a million tags); the
    window shows that number only in a tooltip, so it asks without and fetches it on hover.
    Without them, the layer where annotators agree is read in its two parts, each the fast way,
    and their counts added up (`layers.layer_parts`).
    """
    parts = None if with_articles else layer_parts(layer)
    if parts is None:
        return _cells(conn, layer_rows(layer), matrix_filter, claim_ids, with_articles)
    added: dict[tuple[int, int], CellCounts] = {}
    for part in parts:
        for cell in _cells(conn, part, matrix_filter, claim_ids, with_articles):
            key = (cell.claim_id, cell.source_id)
            added[key] = _added(added[key], cell) if key in added else cell
    return list(added.values())


def _added(one: CellCounts, other: CellCounts) -> CellCounts:
    """The counts of a cell over two sets of statements that share none."""

    def firmest(a: int | None, b: int | None) -> int | None:
        return b if a is None else a if b is None else min(a, b)

    return CellCounts(
        one.claim_id,
        one.source_id,
        one.asserts + other.asserts,
        one.denies + other.denies,
        one.neutral + other.neutral,
        firmest(one.firmest_asserts, other.firmest_asserts),
        firmest(one.firmest_denies, other.firmest_denies),
        firmest(one.firmest_neutral, other.firmest_neutral),
        one.statements + other.statements,
        None,
    )


def _cells(
    conn: sa.Connection,
    rows: LayerRows,
    matrix_filter: MatrixFilter | None,
    claim_ids: Sequence[int] | None,
    with_articles: bool,
) -> list[CellCounts]:
    filtered = matrix_filter is not None and matrix_filter.needs_statements
    query = _cells_query(rows, with_articles, with_articles or filtered, claim_ids is not None)
    if matrix_filter is not None:
        query = matrix_filter.apply(query)
    params = dict(rows.params)
    if claim_ids is not None:
        params[_CELL_CLAIMS] = list(claim_ids)
    return [CellCounts(*list(row)) for row in conn.execute(query, params)]


_CELL_CLAIMS = "cell_claims"
_CELL_QUERIES: dict[tuple[str, bool, bool, bool], sa.Select[Any]] = {}


def _cells_query(
    rows: LayerRows, with_articles: bool, joined: bool, by_claims: bool
) -> sa.Select[Any]:
    """The matrix's aggregate over a layer's rows, built once per shape (a refresh after a tag
    runs it for a claim or two, where building it would cost as much as running it)."""
    key = (rows.shape, with_articles, joined, by_claims)
    found = _CELL_QUERIES.get(key)
    if found is not None:
        return found
    # A layer has at most one row per (statement, source), so counting rows counts statements,
    # and the database skips a DISTINCT per group.
    r = rows.c
    query: sa.Select[Any] = (
        sa.select(
            statement_claims.c.claim_id,
            r.source_id,
            sa.func.sum(sa.case((r.stance == "asserts", 1), else_=0)),
            sa.func.sum(sa.case((r.stance == "denies", 1), else_=0)),
            sa.func.sum(sa.case((r.stance == "neutral", 1), else_=0)),
            *(_firmest(rows, stance) for stance in ("asserts", "denies", "neutral")),
            sa.func.count(),
            sa.func.count(sa.distinct(statements.c.article_id)) if with_articles else sa.null(),
        )
        .select_from(statement_claims)
        .join(rows.rows, r.statement_id == statement_claims.c.statement_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == r.confidence_level_id)
        .group_by(statement_claims.c.claim_id, r.source_id)
    )
    query = rows.restrict(query)
    if joined:
        query = query.join(statements, statements.c.id == statement_claims.c.statement_id)
    if by_claims:
        query = query.where(
            statement_claims.c.claim_id.in_(sa.bindparam(_CELL_CLAIMS, expanding=True))
        )
    _CELL_QUERIES[key] = query
    return query


def claim_disagreements(
    conn: sa.Connection,
    agreed: TagLayer,
    matrix_filter: MatrixFilter | None = None,
    claim_ids: Sequence[int] | None = None,
) -> dict[tuple[int, int], int]:
    """Per (claim, source): on how many of the claim's statements the annotators who judged it
    differ about the source (`agreed`: the layer where they agree, `layers.agreed_layer`)."""
    found = disagreements(agreed)
    if found is None:
        return {}
    differ = found.rows
    query = (
        sa.select(statement_claims.c.claim_id, differ.c.source_id, sa.func.count())
        .select_from(statement_claims)
        .join(differ, differ.c.statement_id == statement_claims.c.statement_id)
        .group_by(statement_claims.c.claim_id, differ.c.source_id)
    )
    if matrix_filter is not None and matrix_filter.needs_statements:
        query = matrix_filter.apply(
            query.join(statements, statements.c.id == statement_claims.c.statement_id)
        )
    if claim_ids is not None:
        query = query.where(statement_claims.c.claim_id.in_(list(claim_ids)))
    return {(int(c), int(s)): int(n) for c, s, n in conn.execute(query, found.params)}


def _firmest(rows: LayerRows, stance: str) -> sa.ColumnElement[Any]:
    """min(rank * LEVEL_KEY + level id) over the tags of one stance (see domain.compare)."""
    key = sa.cast(confidence_levels.c.rank, sa.BigInteger) * LEVEL_KEY + confidence_levels.c.id
    return sa.func.min(sa.case((rows.c.stance == stance, key), else_=sa.null()))


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
    conn: sa.Connection, claim_ids: Sequence[int] | None = None, layer: TagLayer = EVERY_TAG
) -> dict[int, date | None]:
    """The earliest publication date of any statement of each claim tagged in the layer."""
    rows = layer_rows(layer)
    tagged = rows.restrict(sa.select(rows.c.statement_id).select_from(rows.rows))
    in_layer: sa.ColumnElement[bool]
    if isinstance(rows.rows, sa.Table):  # a probe of the tags' index per statement
        in_layer = sa.exists(tagged.where(rows.c.statement_id == statements.c.id))
    else:  # the layer's rows are computed: once, not once per statement
        in_layer = statements.c.id.in_(tagged)
    query = (
        sa.select(statement_claims.c.claim_id, sa.func.min(articles.c.published))
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .where(in_layer)
        .group_by(statement_claims.c.claim_id)
    )
    if claim_ids is not None:
        query = query.where(statement_claims.c.claim_id.in_(list(claim_ids)))
    return {int(c): d for c, d in conn.execute(query, rows.params)}


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
    layer: TagLayer = EVERY_TAG,
) -> list[Quote]:
    """The tagged statements of the chosen sources on every claim, in one layer, with what a
    reader needs to weigh them: the text, the article, outlet, date, stance and confidence.

    With `per_cell`, only the earliest statements of each (claim, source) cell, each row
    carrying `cell_total`, the cell's full count: a window shows a few quotes a cell, not the
    hundreds of thousands a large corpus holds.
    """
    rows = layer_rows(layer)
    r = rows.c
    order = (articles.c.published, statements.c.article_id, statements.c.start)
    cell = (statement_claims.c.claim_id, r.source_id)
    inner = (
        sa.select(
            statement_claims.c.claim_id,
            r.source_id,
            statements.c.id.label("statement_id"),
            r.stance,
            r.confidence_level_id,
            sa.func.row_number().over(partition_by=cell, order_by=order).label("position"),
            sa.func.count().over(partition_by=cell).label("cell_total"),
        )
        .select_from(statement_claims)
        .join(rows.rows, r.statement_id == statement_claims.c.statement_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .where(r.source_id.in_(list(source_ids)))
    )
    inner = rows.restrict(inner)
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
    found = conn.execute(query, rows.params).mappings()
    return [Quote(**{**r, "stance": Stance(r["stance"])}) for r in found]


def claim_timeline(
    conn: sa.Connection, claim_id: int, layer: TagLayer = EVERY_TAG
) -> list[TimelinePoint]:
    """A claim's tagged statements in publication order: who said what, when, how firmly."""
    rows = layer_rows(layer)
    r = rows.c
    query = (
        sa.select(
            sources.c.name.label("source"),
            articles.c.published,
            r.stance,
            confidence_levels.c.rank.label("confidence_rank"),
            statements.c.id.label("statement_id"),
            confidence_levels.c.id.label("confidence_level_id"),
            confidence_levels.c.label.label("confidence_label"),
        )
        .select_from(statement_claims)
        .join(rows.rows, r.statement_id == statement_claims.c.statement_id)
        .join(sources, sources.c.id == r.source_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .join(articles, articles.c.id == statements.c.article_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == r.confidence_level_id)
        .where(statement_claims.c.claim_id == claim_id, articles.c.published.is_not(None))
        .order_by(articles.c.published, sources.c.position)
    )
    query = rows.restrict(query)
    return [
        TimelinePoint(**{**r, "stance": Stance(r["stance"])})
        for r in conn.execute(query, rows.params).mappings()
    ]


def per_source(conn: sa.Connection, by: str, layer: TagLayer = EVERY_TAG) -> list[tuple[Any, ...]]:
    """(source, group, statements) for the project charts, over one layer.

    `by`: "total" (no group), "stance", "confidence" (the level's rank), "level" (its id) or
    "month" (of publication, YYYY-MM).
    """
    rows = layer_rows(layer)
    r = rows.c
    groups: dict[str, sa.ColumnElement[Any]] = {
        "total": sa.literal(""),
        "stance": r.stance,
        "confidence": sa.func.coalesce(confidence_levels.c.rank, 0),
        # The level itself (0: not set): levels of different scales share ranks.
        "level": sa.func.coalesce(confidence_levels.c.id, 0),
        "month": sa.func.substr(sa.cast(articles.c.published, sa.String), 1, 7),
    }
    group = groups[by].label("grp")
    query = (
        sa.select(sources.c.name, group, sa.func.count(sa.distinct(r.statement_id)))
        .select_from(rows.rows)
        .join(sources, sources.c.id == r.source_id)
        .group_by(sources.c.position, sources.c.name, group)
        .order_by(sources.c.position, group)
    )
    query = rows.restrict(query)
    if by in ("confidence", "level"):
        query = query.outerjoin(
            confidence_levels, confidence_levels.c.id == r.confidence_level_id
        )
    if by == "month":
        query = (
            query.join(statements, statements.c.id == r.statement_id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(articles.c.published.is_not(None))
        )
    return [tuple(r) for r in conn.execute(query, rows.params)]


def cell_articles(
    conn: sa.Connection,
    claim_id: int,
    source_id: int,
    matrix_filter: MatrixFilter | None = None,
    layer: TagLayer = EVERY_TAG,
) -> int:
    """How many articles back one cell of the matrix (the tooltip's figure)."""
    rows = layer_rows(layer)
    r = rows.c
    query = (
        sa.select(sa.func.count(sa.distinct(statements.c.article_id)))
        .select_from(statement_claims)
        .join(rows.rows, r.statement_id == statement_claims.c.statement_id)
        .join(statements, statements.c.id == statement_claims.c.statement_id)
        .where(statement_claims.c.claim_id == claim_id, r.source_id == source_id)
    )
    query = rows.restrict(query)
    if matrix_filter is not None:
        query = matrix_filter.apply(query)
    return int(conn.scalar(query, rows.params) or 0)
