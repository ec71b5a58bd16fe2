"""The Statements view's use case: a filtered, sorted corpus-wide statement list, page by page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.services.project import Project
from app.store import queries
from app.store import statement_table as table
from app.store import tags as tag_store
from app.store.fts import available as fts_available
from app.store.statement_table import SORT_KEYS, StatementFilter

__all__ = [
    "SORT_KEYS",
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
    after: tuple[Any, ...] | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Rows with their tags and claims (three queries a page, whatever the page size)."""
    with project.read() as conn:
        if table.is_plain_search(statement_filter, sort) and fts_available(conn):
            last = after[0] if after else None
            return table.search_page(conn, statement_filter.search or "", last, limit, descending)
        rows = table.page(conn, statement_filter, sort, descending, after, limit)
        ids = [r["id"] for r in rows]
        tags = queries.tags_for_statements(conn, ids)
        claims = table.claims_for(conn, ids)
    for row in rows:
        row["tags"] = tags.get(row["id"], [])
        row["claims"] = claims.get(row["id"], [])
    return rows


def tags_and_claims(
    project: Project, statement_ids: Sequence[int]
) -> dict[int, tuple[list[dict[str, Any]], list[str]]]:
    """The tags and claim labels of some statements (rows to refresh after an edit)."""
    with project.read() as conn:
        tags = queries.tags_for_statements(conn, statement_ids)
        claims = table.claims_for(conn, statement_ids)
    return {sid: (tags.get(sid, []), claims.get(sid, [])) for sid in statement_ids}


def filter_choices(project: Project) -> dict[str, Sequence[Any]]:
    """What the filter bar offers: sources, confidence levels, claims, outlets."""
    with project.read() as conn:
        return {
            "sources": tag_store.list_sources(conn),
            "levels": tag_store.active_levels(conn),
            "claims": tag_store.list_claims(conn),
            "outlets": table.outlets(conn),
        }
