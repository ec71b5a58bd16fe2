"""What the suggester reads (bodies, spans, existing tags, the active scale) and dismissals.

A dismissed suggestion is remembered per annotator in `project_settings`, one row each, under
the key `dismissed-suggestion:ANNOTATOR_ID:STATEMENT_ID:SOURCE_ID` with the stance as value.
That keeps dismissals without a schema change; a dismissal of a statement that was since
deleted is simply never looked up again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from app.store.schema import (
    articles,
    attributions,
    confidence_levels,
    confidence_scales,
    project_settings,
    statements,
)

_DISMISSED = "dismissed-suggestion"


def articles_to_suggest(conn: sa.Connection, article_id: int | None = None) -> list[dict[str, Any]]:
    """id, body and language of one article (or of all), in id order."""
    query = sa.select(articles.c.id, articles.c.body, articles.c.language).order_by(articles.c.id)
    if article_id is not None:
        query = query.where(articles.c.id == article_id)
    return [dict(row) for row in conn.execute(query).mappings()]


def statement_spans(conn: sa.Connection, article_id: int) -> list[dict[str, Any]]:
    """id, start and end of an article's statements, in text order."""
    query = (
        sa.select(statements.c.id, statements.c.start, statements.c.end)
        .where(statements.c.article_id == article_id)
        .order_by(statements.c.start, statements.c.end, statements.c.id)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def article_of_statement(conn: sa.Connection, statement_id: int) -> int | None:
    """The article a statement belongs to; None when there is no such statement."""
    return conn.scalar(sa.select(statements.c.article_id).where(statements.c.id == statement_id))


def annotator_tags(
    conn: sa.Connection, statement_ids: Sequence[int], annotator_id: int | None
) -> dict[tuple[int, int], dict[str, Any]]:
    """One annotator's attributions on these statements, keyed by (statement_id, source_id)."""
    result: dict[tuple[int, int], dict[str, Any]] = {}
    if annotator_id is None:
        return result
    ids = list(statement_ids)
    for i in range(0, len(ids), 500):
        query = sa.select(
            attributions.c.id,
            attributions.c.statement_id,
            attributions.c.source_id,
            attributions.c.stance,
            attributions.c.confidence_level_id,
            attributions.c.origin,
        ).where(
            attributions.c.annotator_id == annotator_id,
            attributions.c.statement_id.in_(ids[i : i + 500]),
        )
        for row in conn.execute(query).mappings():
            result[(row["statement_id"], row["source_id"])] = dict(row)
    return result


def active_scale(conn: sa.Connection) -> tuple[str | None, list[dict[str, Any]]]:
    """The active confidence scale's name and its levels (id, rank, label), firmest first."""
    query = (
        sa.select(
            confidence_scales.c.name,
            confidence_levels.c.id,
            confidence_levels.c.rank,
            confidence_levels.c.label,
        )
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(confidence_scales.c.active.is_(True))
        .order_by(confidence_levels.c.rank)
    )
    rows = [dict(row) for row in conn.execute(query).mappings()]
    return (rows[0]["name"] if rows else None), rows


def _key(annotator_id: int, statement_id: int, source_id: int) -> str:
    return f"{_DISMISSED}:{annotator_id}:{statement_id}:{source_id}"


def dismissed(conn: sa.Connection, annotator_id: int | None) -> dict[tuple[int, int], str]:
    """The annotator's dismissals: (statement_id, source_id) -> the stance dismissed."""
    if annotator_id is None:
        return {}
    prefix = f"{_DISMISSED}:{annotator_id}:"
    rows = conn.execute(
        sa.select(project_settings.c.key, project_settings.c.value).where(
            project_settings.c.key.startswith(prefix, autoescape=True)
        )
    )
    result: dict[tuple[int, int], str] = {}
    for key, value in rows:
        statement_id, source_id = key[len(prefix) :].split(":")
        result[(int(statement_id), int(source_id))] = value
    return result


def add_dismissal(
    conn: sa.Connection, annotator_id: int, statement_id: int, source_id: int, stance: str
) -> bool:
    """Remember a dismissal; False when that very suggestion was dismissed already."""
    key = _key(annotator_id, statement_id, source_id)
    current = conn.scalar(sa.select(project_settings.c.value).where(project_settings.c.key == key))
    if current == stance:
        return False
    if current is None:
        conn.execute(sa.insert(project_settings).values(key=key, value=stance))
    else:
        conn.execute(
            sa.update(project_settings).where(project_settings.c.key == key).values(value=stance)
        )
    return True


def remove_dismissal(
    conn: sa.Connection, annotator_id: int, statement_id: int, source_id: int
) -> bool:
    """Forget a dismissal (undo); False when there was none."""
    key = _key(annotator_id, statement_id, source_id)
    return bool(
        conn.execute(sa.delete(project_settings).where(project_settings.c.key == key)).rowcount
    )
