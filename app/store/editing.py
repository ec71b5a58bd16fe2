"""Exact row states for undo: an article's statements with their tags, links, dismissals and
"no source" marks.

Undo must restore the database exactly — same ids, same timestamps — so edits are expressed as
swaps between two captured states, and a swap first checks that the database still holds the
state the edit left (another window or process may have changed it since). An attribution's
own state is `tags.get_attribution` / `tags.put_attribution_row`.
"""

from __future__ import annotations

from dataclasses import asdict

import sqlalchemy as sa

from app.domain.edits import ArticleState, DismissalRecord, StatementRecord
from app.domain.model import Stance
from app.store import fts
from app.store import judgements as judgement_store
from app.store.schema import (
    articles,
    attributions,
    statement_claims,
    statements,
    suggestion_dismissals,
)
from app.store.tags import attribution, attribution_columns


def article_state(conn: sa.Connection, article_id: int) -> ArticleState:
    ids = sa.select(statements.c.id).where(statements.c.article_id == article_id)
    stmt_rows = conn.execute(
        sa.select(statements).where(statements.c.article_id == article_id).order_by(statements.c.id)
    ).mappings()
    attr_rows = conn.execute(
        sa.select(attributions)
        .where(attributions.c.statement_id.in_(ids))
        .order_by(attributions.c.id)
    ).mappings()
    link_rows = conn.execute(
        sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
        .where(statement_claims.c.statement_id.in_(ids))
        .order_by(statement_claims.c.statement_id, statement_claims.c.claim_id)
    ).all()
    dismissal_rows = conn.execute(
        sa.select(suggestion_dismissals)
        .where(suggestion_dismissals.c.statement_id.in_(ids))
        .order_by(*suggestion_dismissals.primary_key.columns)
    ).mappings()
    return ArticleState(
        tuple(
            StatementRecord(r["id"], r["article_id"], r["ordinal"], r["start"], r["end"])
            for r in stmt_rows
        ),
        tuple(attribution(r) for r in attr_rows),
        tuple((int(r[0]), int(r[1])) for r in link_rows),
        tuple(
            DismissalRecord(
                r["annotator_id"], r["statement_id"], r["source_id"], Stance(r["stance"])
            )
            for r in dismissal_rows
        ),
        judgement_store.marks_of_article(conn, article_id),
    )


def replace_article_state(conn: sa.Connection, article_id: int, state: ArticleState) -> None:
    """Make the article's statements, tags, links, dismissals and marks exactly `state` (ids
    and times included)."""
    body = conn.scalar(sa.select(articles.c.body).where(articles.c.id == article_id)) or ""
    old = conn.execute(
        sa.select(statements.c.id, statements.c.start, statements.c.end).where(
            statements.c.article_id == article_id
        )
    ).all()
    fts.unindex(conn, [(sid, body[s:e]) for sid, s, e in old])
    conn.execute(sa.delete(statements).where(statements.c.article_id == article_id))
    if state.statements:
        conn.execute(sa.insert(statements), [asdict(r) for r in state.statements])
    if state.attributions:
        conn.execute(sa.insert(attributions), [attribution_columns(r) for r in state.attributions])
    if state.links:
        conn.execute(
            sa.insert(statement_claims),
            [{"statement_id": s, "claim_id": c} for s, c in state.links],
        )
    if state.dismissals:
        conn.execute(
            sa.insert(suggestion_dismissals),
            [{**asdict(r), "stance": r.stance.value} for r in state.dismissals],
        )
    judgement_store.insert_marks(conn, state.marks)
    fts.index(conn, [(r.id, body[r.start : r.end]) for r in state.statements])
