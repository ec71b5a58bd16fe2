"""Articles and their statements: inserts, look-ups and listings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from app.domain.article_details import ArticleDetails
from app.domain.judgements import Progress
from app.domain.model import ArticleDraft, Span
from app.domain.rows import ArticleListRow, ArticleRow, StatementRow
from app.store import fts, judgements
from app.store.engine import new_id
from app.store.schema import annotators, articles, statements


def find_by_body_sha(conn: sa.Connection, sha256: str) -> int | None:
    return conn.scalar(sa.select(articles.c.id).where(articles.c.body_sha256 == sha256))


def insert_article(conn: sa.Connection, draft: ArticleDraft, body_sha256: str) -> int:
    """Insert an article and all its statements (in one statement batch)."""
    article_id = new_id(
        conn.execute(
            sa.insert(articles).values(
                title=draft.title,
                outlet=draft.outlet,
                url=draft.url,
                author=draft.author,
                published=draft.published,
                language=draft.language,
                body=draft.body,
                body_sha256=body_sha256,
                origin_name=draft.origin_name,
                origin_format=draft.origin_format,
                origin_sha256=draft.origin_sha256,
                imported_at=datetime.now(UTC),
            )
        )
    )
    insert_statements(conn, article_id, draft.spans, draft.body)
    return int(article_id)


def insert_statements(
    conn: sa.Connection, article_id: int, spans: Sequence[Span], body: str
) -> None:
    """Insert an article's statements in one batch, and index their text for search."""
    if not spans:
        return
    rows = [
        {"article_id": article_id, "ordinal": i, "start": s.start, "end": s.end}
        for i, s in enumerate(spans, start=1)
    ]
    inserted = conn.execute(
        sa.insert(statements).returning(
            statements.c.id, statements.c.start, statements.c.end, sort_by_parameter_order=True
        ),
        rows,
    ).all()
    fts.index(conn, [(sid, body[start:end]) for sid, start, end in inserted])


def article_body(conn: sa.Connection, article_id: int) -> str | None:
    return conn.scalar(sa.select(articles.c.body).where(articles.c.id == article_id))


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows, by their judgements: `unfinished`, those with a statement
    neither tagged nor marked "no source"; `reviewed` True or False, those reviewed or not. The
    judgements, and the progress and reviews a list shows, are `annotator_id`'s, or anyone's
    when it is None."""

    unfinished: bool = False
    reviewed: bool | None = None
    annotator_id: int | None = None

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        found: list[sa.ColumnElement[bool]] = []
        if self.unfinished:
            found.append(judgements.unfinished(articles.c.id, self.annotator_id))
        if self.reviewed is not None:
            reviewed = judgements.reviewed(articles.c.id, self.annotator_id)
            found.append(reviewed if self.reviewed else ~reviewed)
        return found


def list_articles(
    conn: sa.Connection, *, with_progress: bool = True, article_filter: ArticleFilter | None = None
) -> list[ArticleListRow]:
    """Every article (those `article_filter` keeps); with progress (statements in total,
    statements carrying a tag, statements marked "no source") and who reviewed it.

    The window asks without progress, then fetches it for the rows on screen with
    `article_progress`, so opening a project never counts a million statements.
    """
    chosen = article_filter or ArticleFilter()
    query = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            articles.c.url,
            articles.c.author,
            articles.c.language,
            articles.c.origin_name,
        )
        .where(*chosen.conditions())
        .order_by(articles.c.id)
    )
    rows = conn.execute(query).mappings().all()
    if not with_progress:
        return [ArticleListRow(**row) for row in rows]
    progress = judgements.progress(conn, annotator_id=chosen.annotator_id)
    reviews = judgements.reviewers(conn)
    if chosen.annotator_id is not None:
        name = conn.scalar(
            sa.select(annotators.c.name).where(annotators.c.id == chosen.annotator_id)
        )
        reviews = {a: tuple(n for n in names if n == name) for a, names in reviews.items()}
    none = Progress(0, 0, 0)
    return [
        ArticleListRow(
            **row,
            statements=progress.get(row["id"], none).statements,
            tagged=progress.get(row["id"], none).tagged,
            no_source=progress.get(row["id"], none).no_source,
            reviewed_by=reviews.get(row["id"], ()),
        )
        for row in rows
    ]


def article_progress(
    conn: sa.Connection, article_ids: Sequence[int] | None = None, annotator_id: int | None = None
) -> dict[int, tuple[int, int]]:
    """(statements, judged statements) per article, for some articles or all of them: a
    statement is judged when it carries a tag or is marked "no source" (by `annotator_id`, or
    by anyone), so an article's progress can reach all its statements."""
    found = judgements.progress(conn, article_ids, annotator_id)
    return {a: (p.statements, p.judged) for a, p in found.items()}


def article_page(
    conn: sa.Connection,
    after_id: int | None,
    limit: int,
    contains: str | None = None,
    article_filter: ArticleFilter | None = None,
) -> list[ArticleListRow]:
    """A page of the article list, by id after `after_id`, optionally those whose title or
    outlet contains a text, and those `article_filter` keeps: the window never loads ten
    thousand rows to show forty."""
    query = (
        sa.select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published)
        .where(*(article_filter or ArticleFilter()).conditions())
        .order_by(articles.c.id)
        .limit(limit)
    )
    if after_id is not None:
        query = query.where(articles.c.id > after_id)
    if contains:
        query = query.where(
            sa.or_(
                articles.c.title.icontains(contains, autoescape=True),
                articles.c.outlet.icontains(contains, autoescape=True),
            )
        )
    return [ArticleListRow(**row) for row in conn.execute(query).mappings()]


def get_article(conn: sa.Connection, article_id: int) -> ArticleRow | None:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
    return ArticleRow(**row) if row else None


def article_details(conn: sa.Connection, article_id: int) -> ArticleDetails | None:
    row = (
        conn.execute(
            sa.select(
                articles.c.title,
                articles.c.outlet,
                articles.c.author,
                articles.c.published,
                articles.c.url,
                articles.c.language,
            ).where(articles.c.id == article_id)
        )
        .mappings()
        .first()
    )
    return ArticleDetails(**row) if row else None


def update_details(conn: sa.Connection, article_id: int, details: ArticleDetails) -> None:
    """Set an article's editable details (never its body, whose offsets statements point into)."""
    conn.execute(sa.update(articles).where(articles.c.id == article_id).values(**asdict(details)))


def find_articles_by_title(conn: sa.Connection, title: str) -> list[tuple[int, str]]:
    """(id, body) of the articles with this title."""
    query = sa.select(articles.c.id, articles.c.body).where(articles.c.title == title)
    return [(int(i), str(body)) for i, body in conn.execute(query)]


def statement_text_expr() -> sa.ColumnElement[str]:
    """body[start:end] computed by the database (SQL substr counts characters from 1)."""
    return sa.func.substr(
        articles.c.body, statements.c.start + 1, statements.c.end - statements.c.start
    )


def get_statement(conn: sa.Connection, statement_id: int) -> StatementRow | None:
    row = (
        conn.execute(
            sa.select(
                statements.c.id,
                statements.c.article_id,
                statements.c.ordinal,
                statements.c.start,
                statements.c.end,
                statement_text_expr().label("text"),
            )
            .join(articles, articles.c.id == statements.c.article_id)
            .where(statements.c.id == statement_id)
        )
        .mappings()
        .first()
    )
    return StatementRow(**row) if row else None


def find_statement(conn: sa.Connection, article_id: int, start: int, end: int) -> int | None:
    return conn.scalar(
        sa.select(statements.c.id).where(
            statements.c.article_id == article_id,
            statements.c.start == start,
            statements.c.end == end,
        )
    )


def add_statement(conn: sa.Connection, article_id: int, span: Span) -> int:
    """A statement made from a user's selection; ordinals are renumbered by position."""
    statement_id = new_id(
        conn.execute(
            sa.insert(statements).values(
                article_id=article_id, ordinal=0, start=span.start, end=span.end
            )
        )
    )
    renumber(conn, article_id)
    body = article_body(conn, article_id) or ""
    fts.index(conn, [(statement_id, body[span.start : span.end])])
    return statement_id


def renumber(conn: sa.Connection, article_id: int) -> None:
    rows = conn.execute(
        sa.select(statements.c.id)
        .where(statements.c.article_id == article_id)
        .order_by(statements.c.start, statements.c.end)
    ).scalars()
    updates = [{"sid": sid, "ordinal": i} for i, sid in enumerate(rows, start=1)]
    if updates:
        conn.execute(
            sa.update(statements)
            .where(statements.c.id == sa.bindparam("sid"))
            .values(ordinal=sa.bindparam("ordinal")),
            updates,
        )


def statement_spans(conn: sa.Connection, article_id: int) -> list[tuple[int, int, int]]:
    """(id, start, end) of an article's statements in text order."""
    return [
        (int(i), int(s), int(e))
        for i, s, e in conn.execute(
            sa.select(statements.c.id, statements.c.start, statements.c.end)
            .where(statements.c.article_id == article_id)
            .order_by(statements.c.start, statements.c.end)
        )
    ]


def _body_of_statement(conn: sa.Connection, statement_id: int) -> tuple[str, int, int] | None:
    row = conn.execute(
        sa.select(articles.c.body, statements.c.start, statements.c.end)
        .join(articles, articles.c.id == statements.c.article_id)
        .where(statements.c.id == statement_id)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def set_span(conn: sa.Connection, statement_id: int, start: int, end: int) -> None:
    """Move a statement's boundaries (its full-text entry follows)."""
    found = _body_of_statement(conn, statement_id)
    if found is None:
        return
    body, old_start, old_end = found
    Span(start, end)  # validates
    fts.unindex(conn, [(statement_id, body[old_start:old_end])])
    conn.execute(
        sa.update(statements).where(statements.c.id == statement_id).values(start=start, end=end)
    )
    fts.index(conn, [(statement_id, body[start:end])])


def delete_statement(conn: sa.Connection, statement_id: int) -> None:
    """Delete a statement; its tags and claim links go with it (ON DELETE CASCADE)."""
    found = _body_of_statement(conn, statement_id)
    if found is None:
        return
    body, start, end = found
    fts.unindex(conn, [(statement_id, body[start:end])])
    conn.execute(sa.delete(statements).where(statements.c.id == statement_id))
