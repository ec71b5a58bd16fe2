"""What agreement between annotators reads: every judgement of the statements compared."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from app.domain.model import Stance
from app.domain.rows import JudgementRow
from app.store import judgements as judgement_store
from app.store.schema import annotators, attributions, confidence_levels, sources, statements

_STANCES = {stance.value: stance for stance in Stance}


def annotator_names(conn: sa.Connection) -> dict[int, str]:
    """Every annotator of the project by id."""
    query = sa.select(annotators.c.id, annotators.c.name)
    return {int(i): str(name) for i, name in conn.execute(query)}


def judgements(
    conn: sa.Connection,
    *,
    annotator_ids: Sequence[int] = (),
    article_ids: Sequence[int] = (),
) -> list[JudgementRow]:
    """One row per tag: who tagged which statement (of which article) with which source,
    stance and confidence rank; only the tags of `annotator_ids` and of statements of
    `article_ids` where they are given. Every source is read even when fewer are compared: a tag
    of any source makes its statement judged by its annotator.

    A "no source" mark on a statement is read here too, as a row whose source, stance and rank
    are None: the statement judged by its annotator, with no source tagged.

    Two plain queries, the tags and then the articles of the statements tagged, joined here:
    faster than a join in SQL over hundreds of thousands of rows, as is putting the names in
    from the small tables rather than reading a new string with every row. The tags are read
    first: on a server each query sees the commits made before it, so a statement or source
    deleted after the tags were read is missing from what follows, and its tags are left out as
    the deletion left them.
    """
    query = sa.select(
        attributions.c.annotator_id,
        attributions.c.statement_id,
        attributions.c.source_id,
        attributions.c.stance,
        attributions.c.confidence_level_id,
    )
    tagged = sa.exists().where(attributions.c.statement_id == statements.c.id)
    article_query = sa.select(statements.c.id, statements.c.article_id).where(tagged)
    if annotator_ids:
        query = query.where(attributions.c.annotator_id.in_(list(annotator_ids)))
    if article_ids:
        chosen = sa.select(statements.c.id).where(statements.c.article_id.in_(list(article_ids)))
        query = query.where(attributions.c.statement_id.in_(chosen))
        article_query = article_query.where(statements.c.article_id.in_(list(article_ids)))
    tags = conn.execute(query).all()  # at once: row by row costs a call into the driver each
    names = annotator_names(conn)
    source_query = sa.select(sources.c.id, sources.c.name)
    source_names = {int(i): str(name) for i, name in conn.execute(source_query)}
    ranks = {
        int(i): int(rank)
        for i, rank in conn.execute(sa.select(confidence_levels.c.id, confidence_levels.c.rank))
    }
    article_of = {int(i): int(article) for i, article in conn.execute(article_query).all()}
    stances = _STANCES
    found = [
        JudgementRow(
            names[annotator_id],
            statement_id,
            article_of[statement_id],
            source_names[source_id],
            stances[stance],
            ranks.get(level_id),  # None: no level, or one deleted since
        )
        for annotator_id, statement_id, source_id, stance, level_id in tags
        if statement_id in article_of and source_id in source_names
    ]
    marks = judgement_store.mark_rows(conn, annotator_ids, article_ids)
    found.extend(
        JudgementRow(names[annotator_id], statement_id, article_id, None, None, None)
        for annotator_id, statement_id, article_id in marks
        if annotator_id in names
    )
    return found
