"""The rows behind disagreements and adjudication: every judgement (tag or "no source" mark)
of the statements several annotators judged, and the consensus annotator's rows of one
statement, put back exactly on undo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa

from app.domain.judgements import MarkKey, NoSourceMark
from app.domain.model import Stance
from app.domain.rows import AttributionRow
from app.store.judgements import get_mark, put_mark
from app.store.schema import (
    annotators,
    articles,
    attributions,
    confidence_levels,
    no_source_marks,
    sources,
    statements,
)
from app.store.tags import attribution, put_attribution_row


class JudgementRow(NamedTuple):
    """A tag (`source_id` set) or a "no source" mark (`source_id` None) of one annotator.
    (A named tuple: a large project has hundreds of thousands.)"""

    statement_id: int
    annotator: str
    source_id: int | None
    source: str
    stance: Stance | None
    level_id: int | None
    level: str | None


@dataclass(frozen=True)
class StatementPlace:
    statement_id: int
    article_id: int
    article_title: str
    ordinal: int
    text: str


def judgements(
    conn: sa.Connection, annotator_ids: Sequence[int], article_ids: Sequence[int] = ()
) -> list[JudgementRow]:
    """Every tag and mark of `annotator_ids` on statements two or more of them judged (in
    `article_ids`, when given), by statement."""
    judged = sa.union_all(
        sa.select(attributions.c.statement_id, attributions.c.annotator_id).where(
            attributions.c.annotator_id.in_(annotator_ids)
        ),
        sa.select(no_source_marks.c.statement_id, no_source_marks.c.annotator_id).where(
            no_source_marks.c.annotator_id.in_(annotator_ids)
        ),
    ).subquery("judged")
    several = (
        sa.select(judged.c.statement_id)
        .group_by(judged.c.statement_id)
        .having(sa.func.count(sa.distinct(judged.c.annotator_id)) >= 2)
    )
    if article_ids:
        several = several.where(
            judged.c.statement_id.in_(
                sa.select(statements.c.id).where(statements.c.article_id.in_(article_ids))
            )
        )
    several_ids = several.subquery("several")
    tags = (
        sa.select(
            attributions.c.statement_id,
            annotators.c.name,
            attributions.c.source_id,
            sources.c.name.label("source"),
            attributions.c.stance,
            attributions.c.confidence_level_id,
            confidence_levels.c.label,
        )
        .join(annotators, annotators.c.id == attributions.c.annotator_id)
        .join(sources, sources.c.id == attributions.c.source_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .where(attributions.c.annotator_id.in_(annotator_ids))
        .where(attributions.c.statement_id.in_(sa.select(several_ids.c.statement_id)))
        .order_by(attributions.c.statement_id, annotators.c.name, sources.c.position)
    )
    marks = (
        sa.select(no_source_marks.c.statement_id, annotators.c.name)
        .join(annotators, annotators.c.id == no_source_marks.c.annotator_id)
        .where(no_source_marks.c.annotator_id.in_(annotator_ids))
        .where(no_source_marks.c.statement_id.in_(sa.select(several_ids.c.statement_id)))
    )
    stances = {s.value: s for s in Stance}  # a look-up: rows are many
    rows = [
        JudgementRow(s, a, src, name, stances[stance], level, label)
        for s, a, src, name, stance, level, label in conn.execute(tags).all()
    ]
    rows += [JudgementRow(s, a, None, "", None, None, None) for s, a in conn.execute(marks)]
    return rows


def places(conn: sa.Connection, statement_ids: Sequence[int]) -> dict[int, StatementPlace]:
    """Where each statement is: its article, its number in it, and its text."""
    out: dict[int, StatementPlace] = {}
    ordered = sorted(set(statement_ids))
    for first in range(0, len(ordered), 500):
        chunk = ordered[first : first + 500]
        query = (
            sa.select(
                statements.c.id,
                statements.c.article_id,
                articles.c.title,
                statements.c.ordinal,
                sa.func.substr(
                    articles.c.body, statements.c.start + 1, statements.c.end - statements.c.start
                ),
            )
            .join(articles, articles.c.id == statements.c.article_id)
            .where(statements.c.id.in_(chunk))
        )
        for sid, aid, title, ordinal, text in conn.execute(query):
            out[sid] = StatementPlace(sid, aid, title, ordinal, text)
    return out


@dataclass(frozen=True)
class ConsensusRows:
    """The consensus annotator's rows on one statement, exactly as stored."""

    tags: tuple[AttributionRow, ...]
    mark: NoSourceMark | None


def consensus_rows(conn: sa.Connection, statement_id: int, annotator_id: int) -> ConsensusRows:
    query = (
        sa.select(attributions)
        .where(attributions.c.statement_id == statement_id)
        .where(attributions.c.annotator_id == annotator_id)
        .order_by(attributions.c.source_id)
    )
    tags = tuple(attribution(row) for row in conn.execute(query).mappings())
    return ConsensusRows(tags, get_mark(conn, MarkKey(statement_id, annotator_id)))


def put_consensus_rows(
    conn: sa.Connection, statement_id: int, annotator_id: int, wanted: ConsensusRows
) -> None:
    """Make the consensus rows of the statement exactly `wanted` (ids and times included)."""
    current = consensus_rows(conn, statement_id, annotator_id)
    wanted_by_source = {t.source_id: t for t in wanted.tags}
    for row in current.tags:
        if row.source_id not in wanted_by_source:
            put_attribution_row(conn, row, None)
    current_by_source = {t.source_id: t for t in current.tags}
    for source_id, row in wanted_by_source.items():
        put_attribution_row(conn, current_by_source.get(source_id), row)
    put_mark(conn, MarkKey(statement_id, annotator_id), wanted.mark)
