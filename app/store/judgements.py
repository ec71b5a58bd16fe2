"""Judgements beside the tags: "no source" marks on statements and reviews of articles.

The rules are the domain's (`app.domain.judgements`); here are their rows, the conditions the
listings filter with (judged, marked, reviewed, by one annotator or by anyone) and the progress
counts. A mark is unique per statement and annotator, a review per article and annotator; both
are inserted with `ON CONFLICT DO NOTHING` (two windows of one annotator may race) and read back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa

from app.domain.judgements import ArticleReview, MarkKey, NoSourceMark, Progress, ReviewKey
from app.store.schema import (
    annotators,
    article_reviews,
    articles,
    attributions,
    no_source_marks,
    sources,
    statements,
)
from app.store.upsert import insert_link

_CHUNK = 500  # ids per IN (…): below SQLite's limit of bound parameters


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for first in range(0, len(ordered), _CHUNK):
        yield ordered[first : first + _CHUNK]


# --- conditions on `statements` and `articles` rows, for the listings -----------------------------


def tagged(annotator_id: int | None = None) -> sa.ColumnElement[bool]:
    """The statement carries a tag (of this annotator, or of anyone)."""
    where = [attributions.c.statement_id == statements.c.id]
    if annotator_id is not None:
        where.append(attributions.c.annotator_id == annotator_id)
    return sa.exists().where(*where)


def marked(annotator_id: int | None = None) -> sa.ColumnElement[bool]:
    """The statement is marked "no source" (by this annotator, or by anyone)."""
    where = [no_source_marks.c.statement_id == statements.c.id]
    if annotator_id is not None:
        where.append(no_source_marks.c.annotator_id == annotator_id)
    return sa.exists().where(*where)


def judged(annotator_id: int | None = None) -> sa.ColumnElement[bool]:
    """The statement is tagged or marked "no source" (by this annotator, or by anyone)."""
    return sa.or_(tagged(annotator_id), marked(annotator_id))


def unfinished(
    article_id: sa.ColumnElement[int], annotator_id: int | None = None
) -> sa.ColumnElement[bool]:
    """The article has a statement not yet judged (by this annotator, or by anyone)."""
    return sa.exists().where(statements.c.article_id == article_id, ~judged(annotator_id))


def reviewed(
    article_id: sa.ColumnElement[int], annotator_id: int | None = None
) -> sa.ColumnElement[bool]:
    """The article is reviewed (by this annotator, or by anyone)."""
    where = [article_reviews.c.article_id == article_id]
    if annotator_id is not None:
        where.append(article_reviews.c.annotator_id == annotator_id)
    return sa.exists().where(*where)


def progress(
    conn: sa.Connection,
    article_ids: Sequence[int] | None = None,
    annotator_id: int | None = None,
) -> dict[int, Progress]:
    """How far each article is judged (some articles, or all that have statements)."""
    is_tagged, is_marked = tagged(annotator_id), marked(annotator_id)
    query = sa.select(
        statements.c.article_id,
        sa.func.count(),
        sa.func.sum(sa.case((is_tagged, 1), else_=0)),
        sa.func.sum(sa.case((sa.and_(~is_tagged, is_marked), 1), else_=0)),
    ).group_by(statements.c.article_id)
    if article_ids is None:
        rows = conn.execute(query).all()
    else:
        rows = []
        for chunk in _chunks(article_ids):
            rows.extend(conn.execute(query.where(statements.c.article_id.in_(chunk))).all())
    return {int(a): Progress(int(n), int(t or 0), int(m or 0)) for a, n, t, m in rows}


# --- look-ups ------------------------------------------------------------------------------------


def article_of_statement(conn: sa.Connection, statement_id: int) -> int | None:
    found = conn.scalar(sa.select(statements.c.article_id).where(statements.c.id == statement_id))
    return None if found is None else int(found)


def article_exists(conn: sa.Connection, article_id: int) -> bool:
    return conn.scalar(sa.select(articles.c.id).where(articles.c.id == article_id)) is not None


def annotator_exists(conn: sa.Connection, annotator_id: int) -> bool:
    query = sa.select(annotators.c.id).where(annotators.c.id == annotator_id)
    return conn.scalar(query) is not None


def lock_statement(conn: sa.Connection, statement_id: int) -> None:
    """Make the judgements of a statement (its tags and marks) one writer's at a time until
    this transaction ends, so that a tag and a mark made at once by two writers cannot both
    pass each other's check. On PostgreSQL, the statement's row FOR NO KEY UPDATE (which leaves
    inserts of rows naming it free); SQLite's BEGIN IMMEDIATE serialises every writer already."""
    if conn.dialect.name == "postgresql":
        query = sa.select(statements.c.id).where(statements.c.id == statement_id)
        conn.execute(query.with_for_update(key_share=True))


# --- marks ---------------------------------------------------------------------------------------


def _mark(row: sa.RowMapping) -> NoSourceMark:
    return NoSourceMark(row["statement_id"], row["annotator_id"], row["created_at"])


def get_mark(conn: sa.Connection, key: MarkKey) -> NoSourceMark | None:
    row = (
        conn.execute(
            sa.select(no_source_marks).where(
                no_source_marks.c.statement_id == key.statement_id,
                no_source_marks.c.annotator_id == key.annotator_id,
            )
        )
        .mappings()
        .first()
    )
    return None if row is None else _mark(row)


def insert_mark(conn: sa.Connection, key: MarkKey, created_at: datetime) -> bool:
    """Mark a statement; False when it was marked already (or another writer just did)."""
    values = {
        "statement_id": key.statement_id,
        "annotator_id": key.annotator_id,
        "created_at": created_at,
    }
    return insert_link(conn, no_source_marks, values)


def delete_mark(conn: sa.Connection, key: MarkKey) -> None:
    conn.execute(
        sa.delete(no_source_marks).where(
            no_source_marks.c.statement_id == key.statement_id,
            no_source_marks.c.annotator_id == key.annotator_id,
        )
    )


def put_mark(conn: sa.Connection, key: MarkKey, wanted: NoSourceMark | None) -> None:
    """Make the mark of `key` exactly `wanted` (None: none), its time included (undo)."""
    delete_mark(conn, key)
    if wanted is not None:
        conn.execute(
            sa.insert(no_source_marks).values(
                statement_id=wanted.statement_id,
                annotator_id=wanted.annotator_id,
                created_at=wanted.created_at,
            )
        )


def insert_marks(conn: sa.Connection, marks: Sequence[NoSourceMark]) -> None:
    """Put back marks exactly (the undo of a statement edit; the statements are there)."""
    if marks:
        conn.execute(
            sa.insert(no_source_marks),
            [
                {"statement_id": m.statement_id, "annotator_id": m.annotator_id,
                 "created_at": m.created_at}
                for m in marks
            ],
        )  # fmt: skip


def marks_of_article(conn: sa.Connection, article_id: int) -> tuple[NoSourceMark, ...]:
    """An article's marks, by statement and annotator."""
    ids = sa.select(statements.c.id).where(statements.c.article_id == article_id)
    query = (
        sa.select(no_source_marks)
        .where(no_source_marks.c.statement_id.in_(ids))
        .order_by(no_source_marks.c.statement_id, no_source_marks.c.annotator_id)
    )
    return tuple(_mark(row) for row in conn.execute(query).mappings())


def marks_of_statement(conn: sa.Connection, statement_id: int) -> list[NoSourceMark]:
    query = (
        sa.select(no_source_marks)
        .where(no_source_marks.c.statement_id == statement_id)
        .order_by(no_source_marks.c.annotator_id)
    )
    return [_mark(row) for row in conn.execute(query).mappings()]


def marking_annotators(
    conn: sa.Connection, statement_ids: Iterable[int], annotator_id: int | None = None
) -> dict[int, tuple[str, ...]]:
    """Who marked each of these statements "no source" (names in order; unmarked ones left
    out), or only whether this annotator did."""
    found: dict[int, list[str]] = {}
    query = (
        sa.select(no_source_marks.c.statement_id, annotators.c.name)
        .join(annotators, annotators.c.id == no_source_marks.c.annotator_id)
        .order_by(no_source_marks.c.statement_id, annotators.c.name)
    )
    if annotator_id is not None:
        query = query.where(no_source_marks.c.annotator_id == annotator_id)
    for chunk in _chunks(statement_ids):
        for statement_id, name in conn.execute(
            query.where(no_source_marks.c.statement_id.in_(chunk))
        ):
            found.setdefault(int(statement_id), []).append(str(name))
    return {sid: tuple(names) for sid, names in found.items()}


def tag_sources(conn: sa.Connection, statement_id: int, annotator_id: int) -> list[str]:
    """The sources this annotator tagged on the statement, in the project's order."""
    query = (
        sa.select(sources.c.name)
        .join(attributions, attributions.c.source_id == sources.c.id)
        .where(
            attributions.c.statement_id == statement_id,
            attributions.c.annotator_id == annotator_id,
        )
        .order_by(sources.c.position, sources.c.id)
    )
    return [str(name) for name in conn.execute(query).scalars()]


def clear_marks_of_tagged(conn: sa.Connection, statement_ids: Iterable[int]) -> int:
    """Take off every mark that stands beside a tag of its annotator on these statements (after
    tags were written in bulk: an import, a merge of statements); how many went."""
    gone = 0
    beside_a_tag = sa.exists().where(
        attributions.c.statement_id == no_source_marks.c.statement_id,
        attributions.c.annotator_id == no_source_marks.c.annotator_id,
    )
    for chunk in _chunks(statement_ids):
        result = conn.execute(
            sa.delete(no_source_marks).where(
                no_source_marks.c.statement_id.in_(chunk), beside_a_tag
            )
        )
        gone += max(result.rowcount, 0)
    return gone


def mark_rows(
    conn: sa.Connection, annotator_ids: Sequence[int] = (), article_ids: Sequence[int] = ()
) -> list[tuple[int, int, int]]:
    """(annotator id, statement id, article id) of every mark, or of those of `annotator_ids`
    on statements of `article_ids` where they are given (what agreement reads)."""
    query = sa.select(
        no_source_marks.c.annotator_id, no_source_marks.c.statement_id, statements.c.article_id
    ).join(statements, statements.c.id == no_source_marks.c.statement_id)
    if annotator_ids:
        query = query.where(no_source_marks.c.annotator_id.in_(list(annotator_ids)))
    if article_ids:
        query = query.where(statements.c.article_id.in_(list(article_ids)))
    return [(int(a), int(s), int(r)) for a, s, r in conn.execute(query)]


# --- reviews -------------------------------------------------------------------------------------


def get_review(conn: sa.Connection, key: ReviewKey) -> ArticleReview | None:
    row = conn.execute(
        sa.select(article_reviews.c.reviewed_at).where(
            article_reviews.c.article_id == key.article_id,
            article_reviews.c.annotator_id == key.annotator_id,
        )
    ).first()
    return None if row is None else ArticleReview(key.article_id, key.annotator_id, row[0])


def put_review(conn: sa.Connection, key: ReviewKey, wanted: ArticleReview | None) -> None:
    """Make the review of `key` exactly `wanted` (None: not reviewed), its time included."""
    conn.execute(
        sa.delete(article_reviews).where(
            article_reviews.c.article_id == key.article_id,
            article_reviews.c.annotator_id == key.annotator_id,
        )
    )
    if wanted is not None:
        conn.execute(
            sa.insert(article_reviews).values(
                article_id=wanted.article_id,
                annotator_id=wanted.annotator_id,
                reviewed_at=wanted.reviewed_at,
            )
        )


def insert_review(conn: sa.Connection, key: ReviewKey, reviewed_at: datetime) -> bool:
    """Mark an article reviewed; False when it was already (or another writer just did)."""
    values = {
        "article_id": key.article_id,
        "annotator_id": key.annotator_id,
        "reviewed_at": reviewed_at,
    }
    return insert_link(conn, article_reviews, values)


def reviewers(
    conn: sa.Connection, article_ids: Iterable[int] | None = None
) -> dict[int, tuple[str, ...]]:
    """Who reviewed each article (names in order; articles nobody reviewed are left out)."""
    query = (
        sa.select(article_reviews.c.article_id, annotators.c.name)
        .join(annotators, annotators.c.id == article_reviews.c.annotator_id)
        .order_by(article_reviews.c.article_id, annotators.c.name)
    )
    found: dict[int, list[str]] = {}
    batches = (
        [conn.execute(query)]
        if article_ids is None
        else [
            conn.execute(query.where(article_reviews.c.article_id.in_(chunk)))
            for chunk in _chunks(article_ids)
        ]
    )
    for rows in batches:
        for article_id, name in rows:
            found.setdefault(int(article_id), []).append(str(name))
    return {aid: tuple(names) for aid, names in found.items()}
