"""Read models for the window: the article list and one article with its tagged statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.model import DomainError
from app.domain.rows import (
    ArticleListRow,
    ClaimRow,
    LevelRow,
    SourceRow,
    StatementRow,
    TagRow,
    TagSummary,
)
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.services.refusals import NO_SUCH_ANNOTATOR, NO_SUCH_ARTICLES
from app.store import articles as article_store
from app.store import engine as engine_store
from app.store import layers as layer_store
from app.store import queries
from app.store import tags as tag_store

# Which articles a list shows by their judgements (unfinished, reviewed or not, by whom), for
# the front ends, which do not import the store.
ArticleFilter = article_store.ArticleFilter


def list_articles(
    project: Project, *, with_progress: bool = True, article_filter: ArticleFilter | None = None
) -> list[ArticleListRow]:
    """Articles (those `article_filter` keeps), with progress (statements in total, tagged,
    marked "no source") and who reviewed them, unless asked without."""
    with project.read() as conn:
        return article_store.list_articles(
            conn, with_progress=with_progress, article_filter=article_filter
        )


def article_page(
    project: Project,
    after_id: int | None,
    limit: int,
    contains: str | None = None,
    article_filter: ArticleFilter | None = None,
) -> list[ArticleListRow]:
    """A page of the article list (by id), optionally filtered by title or outlet and by
    `article_filter`."""
    with project.read() as conn:
        return article_store.article_page(conn, after_id, limit, contains, article_filter)


def article_progress(
    project: Project, article_ids: list[int], annotator_id: int | None = None
) -> dict[int, tuple[int, int]]:
    """(statements, judged statements) of some articles: the rows a list shows. A statement is
    judged when tagged or marked "no source" (by `annotator_id`, or by anyone)."""
    with project.read() as conn:
        return article_store.article_progress(conn, article_ids, annotator_id)


@dataclass(frozen=True)
class StatementView:
    id: int
    ordinal: int
    start: int
    end: int
    tags: list[TagSummary]


@dataclass(frozen=True)
class ArticleView:
    id: int
    title: str
    body: str
    statements: list[StatementView]
    source_colours: dict[str, str]
    # Shown above the text: where and when the article appeared.
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def article_view(project: Project, article_id: int) -> ArticleView | None:
    with project.read() as conn:
        article = article_store.get_article(conn, article_id)
        if article is None:
            return None
        rows = queries.list_statements(conn, article_id)
        tags = queries.tags_for_statements(conn, [r.id for r in rows])
        colours = {s.name: s.colour for s in tag_store.list_sources(conn)}
    statements = [StatementView(r.id, r.ordinal, r.start, r.end, tags.get(r.id, [])) for r in rows]
    return ArticleView(
        article_id,
        article.title,
        article.body,
        statements,
        colours,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
    )


def statements_with_tags(
    project: Project,
    article_id: int | None = None,
    source_name: str | None = None,
    search: str | None = None,
    *,
    untagged: bool = False,
    no_source: bool = False,
    judged_by: int | None = None,
    annotator: str | None = None,
) -> list[tuple[StatementRow, list[TagSummary]]]:
    """Statements in text order (of one article, with one source's tag, found by a search as
    the window's search box finds them; `untagged`: not judged yet, neither tagged nor marked
    "no source"; `no_source`: marked "no source"; each by `judged_by`, or by anyone) with
    their tags. With `annotator`, only the statements that annotator tagged, and only their
    tags (an annotator the project does not have is refused)."""
    with project.read() as conn:
        tagged_by = None
        if annotator is not None:
            tagged_by = tag_store.annotator_id(conn, annotator, create=False)
            if tagged_by is None:
                raise DomainError(NO_SUCH_ANNOTATOR.format(name=annotator))
        rows = queries.list_statements(
            conn,
            article_id,
            source_name,
            search,
            untagged=untagged,
            no_source=no_source,
            annotator_id=judged_by,
            tagged_by=tagged_by,
        )
        tags = queries.tags_for_statements(conn, [r.id for r in rows], tagged_by)
    return [(row, tags.get(row.id, [])) for row in rows]


def judging_annotators(project: Project) -> tuple[str, ...]:
    """Everyone who has tagged a statement or marked one "no source", by name: whose a tag is
    needs saying only when there are several."""
    with project.read() as conn:
        return tuple(name for _id, name in layer_store.judging_annotators(conn))


def check_filter(
    project: Project,
    *,
    article_ids: Sequence[int] | None = None,
    source_names: Sequence[str] | None = None,
    annotator: str | None = None,
) -> None:
    """Refuse a filter naming an article, source or annotator the project does not have: a
    typo must not pass for "no tags" (an empty export that looks like success)."""
    with project.read() as conn:
        known_sources = {s.name for s in tag_store.list_sources(conn)}
        unknown = [n for n in source_names or () if n not in known_sources]
        if unknown:
            known = ", ".join(sorted(known_sources))
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "unknown source(s): {names} (known: {known})").format(
                    names=", ".join(unknown), known=known
                )
            )
        missing = [i for i in article_ids or () if article_store.get_article(conn, i) is None]
        if missing:
            raise DomainError(NO_SUCH_ARTICLES.format(ids=", ".join(str(i) for i in missing)))
        if annotator is not None and tag_store.annotator_id(conn, annotator, create=False) is None:
            raise DomainError(NO_SUCH_ANNOTATOR.format(name=annotator))


def source_names(project: Project) -> list[str]:
    """The project's sources, in their order."""
    with project.read() as conn:
        return [source.name for source in tag_store.list_sources(conn)]


def project_counts(project: Project) -> dict[str, int]:
    with project.read() as conn:
        return queries.count_rows(conn)


def annotator_id(project: Project, name: str) -> int | None:
    """The id of an annotator, None when the project has none of that name."""
    with project.read() as conn:
        return tag_store.annotator_id(conn, name, create=False)


def ensure_annotator(project: Project, name: str) -> int:
    with project.write() as conn:
        annotator_id = tag_store.annotator_id(conn, name)
    assert annotator_id is not None
    return annotator_id


def change_watch(project: Project) -> engine_store.ChangeWatch:
    """A watch whose `version()` changes when another connection commits to the project."""
    return engine_store.ChangeWatch(project.engine)


@dataclass(frozen=True)
class StatementDetail:
    id: int
    article_id: int
    ordinal: int
    start: int
    end: int
    text: str
    tags: list[TagRow]  # full attribution rows with source, annotator, confidence names
    claims: list[ClaimRow]


def statement_detail(project: Project, statement_id: int) -> StatementDetail | None:
    with project.read() as conn:
        row = article_store.get_statement(conn, statement_id)
        if row is None:
            return None
        tags = tag_store.attributions_of_statement(conn, statement_id)
        claims = tag_store.claim_rows_of_statement(conn, statement_id)
    return StatementDetail(
        row.id, row.article_id, row.ordinal, row.start, row.end, row.text, tags, claims
    )


def sources_and_levels(project: Project) -> tuple[list[SourceRow], list[LevelRow]]:
    with project.read() as conn:
        return tag_store.list_sources(conn), tag_store.active_levels(conn)
