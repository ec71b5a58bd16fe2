"""Queries for the REFI-QDA export and import: the whole project, table by table."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from app.domain.edits import StatementRecord
from app.domain.rows import ArticleRow, AttributionRow, ExportLevel
from app.store.schema import (
    annotators,
    articles,
    attributions,
    confidence_levels,
    confidence_scales,
    statement_claims,
    statements,
)
from app.store.tags import attribution


def articles_for_export(conn: sa.Connection, batch: int = 200) -> Iterator[ArticleRow]:
    """Every article with its body, in id order, streamed (bodies are the bulk of a project)."""
    query = sa.select(articles).order_by(articles.c.id)
    for row in conn.execution_options(yield_per=batch).execute(query).mappings():
        yield ArticleRow(**row)


def statements_for_export(conn: sa.Connection) -> list[StatementRecord]:
    """Every statement's span, in article and text order."""
    query = sa.select(statements).order_by(
        statements.c.article_id, statements.c.start, statements.c.end
    )
    return [StatementRecord(**row) for row in conn.execute(query).mappings()]


def attributions_for_export(conn: sa.Connection) -> list[AttributionRow]:
    """Every attribution with the ids it refers to, in statement order."""
    query = sa.select(attributions).order_by(attributions.c.statement_id, attributions.c.id)
    return [attribution(row) for row in conn.execute(query).mappings()]


def statement_claim_pairs(conn: sa.Connection) -> list[tuple[int, int]]:
    query = sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
    return [(int(s), int(c)) for s, c in conn.execute(query)]


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


def statement_spans(conn: sa.Connection, article_id: int) -> set[tuple[int, int]]:
    query = sa.select(statements.c.start, statements.c.end).where(
        statements.c.article_id == article_id
    )
    return {(int(s), int(e)) for s, e in conn.execute(query)}
