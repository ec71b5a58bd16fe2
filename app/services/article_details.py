"""Correct an article's details (title, outlet, author, date, URL, language), undoably.

Each edit is one transaction and returns the details before and after, so the window can undo
and redo it; an undo first checks that the article still has the details the edit left, and
refuses (ConflictError) rather than overwrite a correction made in another window or process.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from app.domain.article_details import FIELDS, ArticleDetails, changed_details
from app.domain.model import DomainError
from app.services.editing import ConflictError
from app.services.project import Project
from app.store import articles as article_store


@dataclass(frozen=True)
class DetailsEdit:
    article_id: int
    before: ArticleDetails
    after: ArticleDetails

    @property
    def changed(self) -> list[str]:
        """The names of the details that differ, in form order."""
        return [name for name in FIELDS if getattr(self.before, name) != getattr(self.after, name)]


def article_details(project: Project, article_id: int) -> ArticleDetails:
    with project.read() as conn:
        return _current(conn, article_id)


def edit_article_details(project: Project, article_id: int, **changes: Any) -> DetailsEdit:
    """Change some details; the rest stay. Raises DomainError on a bad value or no article."""
    with project.write() as conn:
        before = _current(conn, article_id)
        after = changed_details(before, changes)
        if after != before:
            article_store.update_details(conn, article_id, asdict(after))
    return DetailsEdit(article_id, before, after)


def apply_details_edit(project: Project, edit: DetailsEdit, *, forward: bool) -> None:
    """Redo (`forward`) or undo an edit, if nothing changed the details in between."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        if _current(conn, edit.article_id) != expected:
            raise ConflictError(
                "this article's details were changed in another window or process; not undone"
            )
        article_store.update_details(conn, edit.article_id, asdict(wanted))


def _current(conn: sa.Connection, article_id: int) -> ArticleDetails:
    row = article_store.get_article(conn, article_id)
    if row is None:
        raise DomainError(f"there is no article {article_id}")
    return ArticleDetails(**{name: row[name] for name in FIELDS})
