"""Exact row states for undo: an attribution row, an article's statements with their tags.

Undo must restore the database exactly — same ids, same timestamps — so edits are expressed as
swaps between two captured states, and a swap first checks that the database still holds the
state the edit left (another window or process may have changed it since).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from app.store import fts, tags
from app.store.schema import (
    articles,
    attributions,
    claims,
    statement_claims,
    statements,
    suggestion_dismissals,
)

Row = dict[str, Any]


def attribution_row(
    conn: sa.Connection, statement_id: int, source_id: int, annotator_id: int
) -> Row | None:
    return tags.get_attribution(conn, statement_id, source_id, annotator_id)


def put_attribution_row(conn: sa.Connection, current: Row | None, wanted: Row | None) -> None:
    """Turn `current` into `wanted`: insert (with its id), update, or delete."""
    if current is None and wanted is not None:
        conn.execute(sa.insert(attributions).values(**wanted))
    elif current is not None and wanted is None:
        conn.execute(sa.delete(attributions).where(attributions.c.id == current["id"]))
    elif current is not None and wanted is not None:
        if current["id"] != wanted["id"]:
            conn.execute(sa.delete(attributions).where(attributions.c.id == current["id"]))
            conn.execute(sa.insert(attributions).values(**wanted))
        else:
            values = {k: v for k, v in wanted.items() if k != "id"}
            conn.execute(
                sa.update(attributions).where(attributions.c.id == wanted["id"]).values(**values)
            )


@dataclass(frozen=True)
class ArticleState:
    """Every statement of one article with its attributions, claim links and dismissed
    suggestions, as rows."""

    statements: tuple[tuple[Any, ...], ...]
    attributions: tuple[tuple[Any, ...], ...]
    links: tuple[tuple[int, int], ...]
    dismissals: tuple[tuple[Any, ...], ...] = ()


def article_state(conn: sa.Connection, article_id: int) -> ArticleState:
    ids = sa.select(statements.c.id).where(statements.c.article_id == article_id)
    stmt_rows = conn.execute(
        sa.select(statements).where(statements.c.article_id == article_id).order_by(statements.c.id)
    ).all()
    attr_rows = conn.execute(
        sa.select(attributions)
        .where(attributions.c.statement_id.in_(ids))
        .order_by(attributions.c.id)
    ).all()
    link_rows = conn.execute(
        sa.select(statement_claims.c.statement_id, statement_claims.c.claim_id)
        .where(statement_claims.c.statement_id.in_(ids))
        .order_by(statement_claims.c.statement_id, statement_claims.c.claim_id)
    ).all()
    dismissal_rows = conn.execute(
        sa.select(suggestion_dismissals)
        .where(suggestion_dismissals.c.statement_id.in_(ids))
        .order_by(*suggestion_dismissals.primary_key.columns)
    ).all()
    return ArticleState(
        tuple(tuple(r) for r in stmt_rows),
        tuple(tuple(r) for r in attr_rows),
        tuple((int(r[0]), int(r[1])) for r in link_rows),
        tuple(tuple(r) for r in dismissal_rows),
    )


def replace_article_state(conn: sa.Connection, article_id: int, state: ArticleState) -> None:
    """Make the article's statements, tags and links exactly `state` (ids included)."""
    body = conn.scalar(sa.select(articles.c.body).where(articles.c.id == article_id)) or ""
    old = conn.execute(
        sa.select(statements.c.id, statements.c.start, statements.c.end).where(
            statements.c.article_id == article_id
        )
    ).all()
    fts.unindex(conn, [(sid, body[s:e]) for sid, s, e in old])
    conn.execute(sa.delete(statements).where(statements.c.article_id == article_id))
    stmt_cols = [c.name for c in statements.columns]
    attr_cols = [c.name for c in attributions.columns]
    if state.statements:
        conn.execute(
            sa.insert(statements), [dict(zip(stmt_cols, r, strict=True)) for r in state.statements]
        )
    if state.attributions:
        conn.execute(
            sa.insert(attributions),
            [dict(zip(attr_cols, r, strict=True)) for r in state.attributions],
        )
    if state.links:
        conn.execute(
            sa.insert(statement_claims),
            [{"statement_id": s, "claim_id": c} for s, c in state.links],
        )
    if state.dismissals:
        names = [c.name for c in suggestion_dismissals.columns]
        conn.execute(
            sa.insert(suggestion_dismissals),
            [dict(zip(names, r, strict=True)) for r in state.dismissals],
        )
    by_name = [dict(zip(stmt_cols, r, strict=True)) for r in state.statements]
    fts.index(conn, [(r["id"], body[r["start"] : r["end"]]) for r in by_name])


def claim_row(conn: sa.Connection, claim_id: int) -> Row | None:
    row = conn.execute(sa.select(claims).where(claims.c.id == claim_id)).mappings().first()
    return dict(row) if row else None


def insert_claim_row(conn: sa.Connection, row: Row) -> None:
    conn.execute(sa.insert(claims).values(**row))


def delete_claim_if_unused(conn: sa.Connection, claim_id: int) -> bool:
    used = conn.scalar(
        sa.select(sa.func.count())
        .select_from(statement_claims)
        .where(statement_claims.c.claim_id == claim_id)
    )
    if used:
        return False
    conn.execute(sa.delete(claims).where(claims.c.id == claim_id))
    return True


def claim_linked(conn: sa.Connection, statement_id: int, claim_id: int) -> bool:
    return bool(
        conn.scalar(
            sa.select(sa.func.count())
            .select_from(statement_claims)
            .where(
                statement_claims.c.statement_id == statement_id,
                statement_claims.c.claim_id == claim_id,
            )
        )
    )
