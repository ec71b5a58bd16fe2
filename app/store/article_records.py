"""An article's own rows, whole, for deleting it and putting it back exactly: the article row
(every column, its id and import time included) and who reviewed it; its statements, tags,
links, dismissals and marks are `editing.article_state`'s."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from app.domain.edits import ArticleState
from app.store.editing import replace_article_state
from app.store.schema import article_reviews, articles

ArticleColumns = tuple[tuple[str, Any], ...]
Reviews = tuple[tuple[int, datetime], ...]  # (annotator id, reviewed at)


def article_columns(conn: sa.Connection, article_id: int) -> ArticleColumns | None:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
    return None if row is None else tuple((c.name, row[c.name]) for c in articles.columns)


def reviews_of(conn: sa.Connection, article_id: int) -> Reviews:
    rows = conn.execute(
        sa.select(article_reviews.c.annotator_id, article_reviews.c.reviewed_at)
        .where(article_reviews.c.article_id == article_id)
        .order_by(article_reviews.c.annotator_id)
    ).all()
    return tuple((int(a), t) for a, t in rows)


def body_taken(conn: sa.Connection, body_sha256: str) -> bool:
    """Whether an article with this body is in the project (bodies are unique)."""
    found = conn.scalar(sa.select(articles.c.id).where(articles.c.body_sha256 == body_sha256))
    return found is not None


def delete_article(conn: sa.Connection, article_id: int) -> None:
    """Delete an article with its statements (out of the search index), tags, links,
    dismissals, marks and reviews; the claims stay, for other statements or an undo."""
    replace_article_state(conn, article_id, ArticleState((), (), (), (), ()))
    conn.execute(sa.delete(article_reviews).where(article_reviews.c.article_id == article_id))
    conn.execute(sa.delete(articles).where(articles.c.id == article_id))


def restore_article(
    conn: sa.Connection, columns: ArticleColumns, reviews: Reviews, state: ArticleState
) -> None:
    """Put a deleted article back exactly as `delete_article` found it."""
    values = dict(columns)
    conn.execute(sa.insert(articles).values(**values))
    article_id = int(values["id"])
    if reviews:
        conn.execute(
            sa.insert(article_reviews),
            [{"article_id": article_id, "annotator_id": a, "reviewed_at": t} for a, t in reviews],
        )
    replace_article_state(conn, article_id, state)
