"""Deleting an article, undoably: one transaction that keeps everything the article held (its
row, statements, tags, claim links, dismissals, "no source" marks and reviews) in an
`ArticleDeleteEdit`, which `revert_article_delete` puts back exactly (same ids, same times) and
takes away again, each only if the project still holds the state it expects."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.changes import Changes
from app.domain.edits import ArticleState, ConflictError
from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import article_records as store
from app.store import editing as edit_store


@dataclass(frozen=True)
class ArticleDeleteEdit:
    """A deleted article, whole: what undo puts back."""

    article_id: int
    title: str
    columns: store.ArticleColumns
    reviews: store.Reviews
    state: ArticleState

    @property
    def statements(self) -> int:
        return len(self.state.statements)

    @property
    def changes(self) -> Changes:
        # An article leaves (or comes back to) every list: each view reads the project again.
        return Changes.everything()


def delete_article(project: Project, article_id: int) -> ArticleDeleteEdit:
    """Delete an article with everything it holds; the claims stay (other statements may link
    them, and an undo links them again)."""
    with project.write() as conn:
        columns = store.article_columns(conn, article_id)
        if columns is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no article with id {id}").format(id=article_id)
            )
        edit = ArticleDeleteEdit(
            article_id,
            str(dict(columns)["title"]),
            columns,
            store.reviews_of(conn, article_id),
            edit_store.article_state(conn, article_id),
        )
        store.delete_article(conn, article_id)
    return edit


def revert_article_delete(project: Project, edit: ArticleDeleteEdit, *, forward: bool) -> Changes:
    """Redo (`forward`: delete it again) or undo (put it back) an article's deletion, if nothing
    changed it in between; else ConflictError, and nothing changes."""
    with project.write() as conn:
        present = store.article_columns(conn, edit.article_id)
        if forward:
            if present != edit.columns or (
                edit_store.article_state(conn, edit.article_id) != edit.state
                or store.reviews_of(conn, edit.article_id) != edit.reviews
            ):
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "this article was changed in another window or process; not deleted again",
                    )
                )
            store.delete_article(conn, edit.article_id)
        else:
            body_sha = dict(edit.columns)["body_sha256"]
            if present is not None or store.body_taken(conn, str(body_sha)):
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "this article is in the project again (imported in another window or "
                        "process); not put back",
                    )
                )
            store.restore_article(conn, edit.columns, edit.reviews, edit.state)
    return edit.changes
