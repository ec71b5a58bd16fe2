"""Correct an article's details (title, outlet, author, date, URL, language), undoably.

Each edit is one transaction and returns the details before and after with its `Changes`, so
the window can undo and redo it; an undo first checks that the article still has the details
the edit left, and refuses (ConflictError) rather than overwrite a correction made in another
window or process.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.domain.article_details import FIELDS, ArticleDetails, validate_details
from app.domain.changes import Changes, ids
from app.domain.edits import ConflictError, DetailsChange, DetailsEdit
from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import articles as article_store

__all__ = [
    "FIELDS",
    "DetailsChange",
    "DetailsEdit",
    "apply_details_edit",
    "article_details",
    "edit_article_details",
]


def article_details(project: Project, article_id: int) -> ArticleDetails:
    with project.read() as conn:
        return _current(conn, article_id)


def edit_article_details(project: Project, change: DetailsChange) -> DetailsEdit:
    """Change some details; the rest stay. Raises DomainError on a bad value or no article."""
    with project.write() as conn:
        before = _current(conn, change.article_id)
        after = validate_details(change.applied_to(before))
        if after != before:
            article_store.update_details(conn, change.article_id, after)
    changes = Changes(ids([change.article_id]), details=True) if after != before else Changes()
    return DetailsEdit(change.article_id, before, after, changes)


def apply_details_edit(project: Project, edit: DetailsEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo an edit, if nothing changed the details in between."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        if _current(conn, edit.article_id) != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "this article's details were changed in another window or process; not undone",
                )
            )
        article_store.update_details(conn, edit.article_id, wanted)
    return Changes(ids([edit.article_id]), details=True)


def _current(conn: sa.Connection, article_id: int) -> ArticleDetails:
    details = article_store.article_details(conn, article_id)
    if details is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "there is no article {id}").format(id=article_id)
        )
    return details
