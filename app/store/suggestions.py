"""What the suggester reads (bodies, spans, existing tags, the active scale) and dismissals.

A dismissed suggestion is a row of `suggestion_dismissals` (annotator, statement, source, the
stance dismissed); it goes with its statement, source or annotator.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from app.domain.model import Origin, Stance
from app.domain.rows import AnnotatorTag, ArticleText, LevelRow
from app.domain.suggest import StatementRef
from app.store.schema import (
    articles,
    attributions,
    confidence_levels,
    confidence_scales,
    statements,
    suggestion_dismissals,
)


def articles_to_suggest(conn: sa.Connection, article_id: int | None = None) -> list[ArticleText]:
    """id, body and language of one article (or of all), in id order."""
    query = sa.select(articles.c.id, articles.c.body, articles.c.language).order_by(articles.c.id)
    if article_id is not None:
        query = query.where(articles.c.id == article_id)
    return [ArticleText(row.id, row.body, row.language) for row in conn.execute(query)]


def statement_spans(conn: sa.Connection, article_id: int) -> list[StatementRef]:
    """An article's statements (key: the statement's id) with their spans, in text order."""
    query = (
        sa.select(statements.c.id, statements.c.start, statements.c.end)
        .where(statements.c.article_id == article_id)
        .order_by(statements.c.start, statements.c.end, statements.c.id)
    )
    return [StatementRef(row.id, row.start, row.end) for row in conn.execute(query)]


def article_of_statement(conn: sa.Connection, statement_id: int) -> int | None:
    """The article a statement belongs to; None when there is no such statement."""
    return conn.scalar(sa.select(statements.c.article_id).where(statements.c.id == statement_id))


def annotator_tags(
    conn: sa.Connection, statement_ids: Sequence[int], annotator_id: int | None
) -> dict[tuple[int, int], AnnotatorTag]:
    """One annotator's attributions on these statements, keyed by (statement_id, source_id)."""
    result: dict[tuple[int, int], AnnotatorTag] = {}
    if annotator_id is None:
        return result
    ids = list(statement_ids)
    for i in range(0, len(ids), 500):
        query = sa.select(
            attributions.c.id,
            attributions.c.statement_id,
            attributions.c.source_id,
            attributions.c.annotator_id,
            attributions.c.stance,
            attributions.c.confidence_level_id,
            attributions.c.origin,
        ).where(
            attributions.c.annotator_id == annotator_id,
            attributions.c.statement_id.in_(ids[i : i + 500]),
        )
        for row in conn.execute(query):
            result[(row.statement_id, row.source_id)] = AnnotatorTag(
                id=row.id,
                statement_id=row.statement_id,
                source_id=row.source_id,
                annotator_id=row.annotator_id,
                stance=Stance(row.stance),
                confidence_level_id=row.confidence_level_id,
                origin=Origin(row.origin),
            )
    return result


def active_scale(conn: sa.Connection) -> tuple[str | None, list[LevelRow]]:
    """The active confidence scale's name and its levels, firmest first."""
    query = (
        sa.select(
            confidence_scales.c.name,
            confidence_levels.c.id,
            confidence_levels.c.scale_id,
            confidence_levels.c.rank,
            confidence_levels.c.label,
            confidence_levels.c.description,
        )
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(confidence_scales.c.active.is_(True))
        .order_by(confidence_levels.c.rank)
    )
    rows = conn.execute(query).all()
    levels = [LevelRow(r.id, r.scale_id, r.rank, r.label, r.description) for r in rows]
    return (rows[0].name if rows else None), levels


def dismissed(
    conn: sa.Connection, annotator_id: int | None, article_id: int | None = None
) -> dict[tuple[int, int], str]:
    """The annotator's dismissals (on one article, or all): (statement_id, source_id) -> stance."""
    if annotator_id is None:
        return {}
    query = sa.select(
        suggestion_dismissals.c.statement_id,
        suggestion_dismissals.c.source_id,
        suggestion_dismissals.c.stance,
    ).where(suggestion_dismissals.c.annotator_id == annotator_id)
    if article_id is not None:
        query = query.join(
            statements, statements.c.id == suggestion_dismissals.c.statement_id
        ).where(statements.c.article_id == article_id)
    return {(row[0], row[1]): row[2] for row in conn.execute(query)}


def _dismissal(annotator_id: int, statement_id: int, source_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(
        suggestion_dismissals.c.annotator_id == annotator_id,
        suggestion_dismissals.c.statement_id == statement_id,
        suggestion_dismissals.c.source_id == source_id,
    )


def add_dismissal(
    conn: sa.Connection, annotator_id: int, statement_id: int, source_id: int, stance: str
) -> bool:
    """Remember a dismissal; False when that very suggestion was dismissed already."""
    where = _dismissal(annotator_id, statement_id, source_id)
    current = conn.scalar(sa.select(suggestion_dismissals.c.stance).where(where))
    if current == stance:
        return False
    if current is None:
        conn.execute(
            sa.insert(suggestion_dismissals).values(
                annotator_id=annotator_id,
                statement_id=statement_id,
                source_id=source_id,
                stance=stance,
            )
        )
    else:
        conn.execute(sa.update(suggestion_dismissals).where(where).values(stance=stance))
    return True


def remove_dismissal(
    conn: sa.Connection, annotator_id: int, statement_id: int, source_id: int
) -> bool:
    """Forget a dismissal (undo); False when there was none."""
    where = _dismissal(annotator_id, statement_id, source_id)
    return bool(conn.execute(sa.delete(suggestion_dismissals).where(where)).rowcount)
