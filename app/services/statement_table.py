"""The Statements view's use case: a filtered, sorted corpus-wide statement list, page by page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.domain.rows import ClaimRow, LevelRow, SourceRow, TableRow, TagSummary
from app.services.project import Project
from app.store import queries
from app.store import statement_table as table
from app.store import tags as tag_store
from app.store.fts import available as fts_available
from app.store.statement_table import SORT_KEYS, StatementFilter

__all__ = [
    "SORT_KEYS",
    "FilterChoices",
    "StatementFilter",
    "count",
    "fetch_page",
    "filter_choices",
    "tags_and_claims",
]


def count(project: Project, statement_filter: StatementFilter) -> int:
    with project.read() as conn:
        return table.count(conn, statement_filter)


def fetch_page(
    project: Project,
    statement_filter: StatementFilter,
    sort: str = "article",
    descending: bool = False,
    after: tuple[object, ...] | None = None,
    limit: int = 500,
) -> list[TableRow]:
    """Rows with their tags and claims (three queries a page, whatever the page size)."""
    with project.read() as conn:
        if table.is_plain_search(statement_filter, sort) and fts_available(conn):
            last = after[0] if after else None
            assert last is None or isinstance(last, int)  # a plain search pages by id
            return table.search_page(conn, statement_filter.search or "", last, limit, descending)
        rows = table.page(conn, statement_filter, sort, descending, after, limit)
        ids = [r.id for r in rows]
        tags = queries.tags_for_statements(conn, ids)
        claims = table.claims_for(conn, ids)
    return [
        replace(row, tags=tuple(tags.get(row.id, [])), claims=tuple(claims.get(row.id, [])))
        for row in rows
    ]


def tags_and_claims(
    project: Project, statement_ids: Sequence[int]
) -> dict[int, tuple[list[TagSummary], list[str]]]:
    """The tags and claim labels of some statements (rows to refresh after an edit)."""
    with project.read() as conn:
        tags = queries.tags_for_statements(conn, statement_ids)
        claims = table.claims_for(conn, statement_ids)
    return {sid: (tags.get(sid, []), claims.get(sid, [])) for sid in statement_ids}


@dataclass(frozen=True)
class FilterChoices:
    """What the filter bars offer: sources, the active scale's levels, claims, outlets."""

    sources: list[SourceRow]
    levels: list[LevelRow]
    claims: list[ClaimRow]
    outlets: list[str]


def filter_choices(project: Project) -> FilterChoices:
    with project.read() as conn:
        return FilterChoices(
            tag_store.list_sources(conn),
            tag_store.active_levels(conn),
            tag_store.list_claims(conn),
            table.outlets(conn),
        )
