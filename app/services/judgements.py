"""Judgements beside the tags: a statement marked "no source", an article marked reviewed.

The rules are `app.domain.judgements`'s: both are per annotator; a tag and a mark of one
annotator never stand on one statement (tagging takes the mark off, in `tagging.tag`; marking a
statement the annotator has tagged is refused here).

Each mutation takes ids, is one transaction and returns its edit, the row before and after with
the `Changes` it made; the same edit undoes and redoes (`revert_mark`, `revert_review`), only if
the project still holds the state the edit (or its undo) left, else ConflictError. An edit that
found things as asked changes nothing: its `before` equals its `after` and its changes are
empty. The command line first turns names into ids (`annotator_for_edit`, `find_annotator`).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from app.domain.changes import Changes, ids
from app.domain.edits import ConflictError
from app.domain.judgements import (
    NO_SOURCE,
    ArticleReview,
    MarkEdit,
    MarkKey,
    NoSourceMark,
    Progress,
    ReviewEdit,
    ReviewKey,
)
from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project, default_annotator
from app.store import judgements as store
from app.store import tags as tag_store

# A statement marked "no source" cannot carry the annotator's own tags (one or several).
TAGGED_ONCE = QT_TRANSLATE_NOOP(
    "Refusals",
    "statement {statement} carries this annotator's tag ({sources}): a statement with a source "
    "is not “no source”; remove the tags first",
)
TAGGED_SEVERAL = QT_TRANSLATE_NOOP(
    "Refusals",
    "statement {statement} carries this annotator's tags ({sources}): a statement with a "
    "source is not “no source”; remove the tags first",
)

__all__ = [
    "NO_SOURCE",
    "ArticleReview",
    "MarkEdit",
    "MarkKey",
    "NoSourceMark",
    "Progress",
    "ReviewEdit",
    "ReviewKey",
    "annotator_for_edit",
    "article_progress",
    "clear_no_source",
    "find_annotator",
    "mark_no_source",
    "marked_statements",
    "no_source_annotators",
    "review_article",
    "reviewers",
    "revert_mark",
    "revert_review",
]


# --- "no source" ----------------------------------------------------------------------------


def mark_no_source(project: Project, key: MarkKey) -> MarkEdit:
    """Mark a statement "no source" for an annotator. Refused (DomainError) where that
    annotator has tagged it: remove those tags first. Marked already: nothing changes."""
    with project.write() as conn:
        store.lock_statement(conn, key.statement_id)  # a tag made meanwhile waits, or is seen
        article_id = _article_of(conn, key.statement_id)
        _check_annotator(conn, key.annotator_id)
        before = store.get_mark(conn, key)
        if before is None:
            tagged = store.tag_sources(conn, key.statement_id, key.annotator_id)
            if tagged:
                worded = TAGGED_SEVERAL if len(tagged) > 1 else TAGGED_ONCE
                raise DomainError(
                    worded.format(statement=key.statement_id, sources=", ".join(tagged))
                )
            store.insert_mark(conn, key, tag_store.now())
        after = store.get_mark(conn, key)
    return MarkEdit(key, before, after, _statement_changes(article_id, key, before, after))


def clear_no_source(project: Project, key: MarkKey) -> MarkEdit:
    """Take an annotator's "no source" mark off a statement; not marked: nothing changes."""
    with project.write() as conn:
        article_id = _article_of(conn, key.statement_id)
        before = store.get_mark(conn, key)
        if before is not None:
            store.delete_mark(conn, key)
    return MarkEdit(key, before, None, _statement_changes(article_id, key, before, None))


def revert_mark(project: Project, edit: MarkEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo a mark's edit, if the mark is still as the edit (or its undo)
    left it, and a mark put back would not stand beside a tag the annotator made since; else
    ConflictError, and nothing changes."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    key = edit.key
    with project.write() as conn:
        store.lock_statement(conn, key.statement_id)
        if store.article_of_statement(conn, key.statement_id) is None:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "this statement was deleted in another window or process"
                )
            )
        if store.get_mark(conn, key) != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "this statement's no-source mark was changed in another window or process",
                )
            )
        if wanted is not None and store.tag_sources(conn, key.statement_id, key.annotator_id):
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "this statement was tagged since by the same annotator; its no-source mark "
                    "cannot come back beside the tag",
                )
            )
        store.put_mark(conn, key, wanted)
    return edit.changes


def marked_statements(project: Project, article_id: int, annotator_id: int) -> frozenset[int]:
    """The statements of an article this annotator marked "no source" (the text view)."""
    with project.read() as conn:
        marks = store.marks_of_article(conn, article_id)
    return frozenset(m.statement_id for m in marks if m.annotator_id == annotator_id)


def no_source_annotators(
    project: Project, statement_ids: Iterable[int], annotator_id: int | None = None
) -> dict[int, tuple[str, ...]]:
    """Who marked each of these statements "no source" (names in order; unmarked statements
    left out); with `annotator_id`, only that annotator."""
    with project.read() as conn:
        return store.marking_annotators(conn, statement_ids, annotator_id)


# --- reviewed -------------------------------------------------------------------------------


def review_article(project: Project, key: ReviewKey, reviewed: bool = True) -> ReviewEdit:
    """Mark an article reviewed by an annotator (`reviewed` False: not reviewed). A review is
    the annotator's own "done" and asks nothing of the statements' progress. As asked
    already: nothing changes."""
    with project.write() as conn:
        if not store.article_exists(conn, key.article_id):
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no article with id {id}").format(id=key.article_id)
            )
        _check_annotator(conn, key.annotator_id)
        before = store.get_review(conn, key)
        if reviewed and before is None:
            store.insert_review(conn, key, tag_store.now())
        elif not reviewed and before is not None:
            store.put_review(conn, key, None)
        after = store.get_review(conn, key)
    changes = Changes(ids([key.article_id])) if before != after else Changes()
    return ReviewEdit(key, before, after, changes)


def revert_review(project: Project, edit: ReviewEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo a review's edit, if the review is still as the edit (or its
    undo) left it; else ConflictError, and nothing changes."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        if not store.article_exists(conn, edit.key.article_id):
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "this article was deleted in another window or process"
                )
            )
        if store.get_review(conn, edit.key) != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "this article's review was changed in another window or process"
                )
            )
        store.put_review(conn, edit.key, wanted)
    return edit.changes


def reviewers(project: Project, article_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Who reviewed each of these articles (names in order; articles nobody reviewed are left
    out)."""
    with project.read() as conn:
        return store.reviewers(conn, article_ids)


def article_progress(
    project: Project, article_ids: Iterable[int], annotator_id: int | None = None
) -> dict[int, Progress]:
    """How far each of these articles is judged: statements, tagged, marked "no source" (by
    `annotator_id`, or by anyone)."""
    with project.read() as conn:
        return store.progress(conn, list(article_ids), annotator_id)


# --- from names to ids (the command line) ---------------------------------------------------


def annotator_for_edit(project: Project, name: str | None = None) -> int:
    """The id of the annotator an edit is made for (default: the current one), registered if
    new (in its own transaction, as the window does when it opens)."""
    name = name or default_annotator()
    with project.read() as conn:
        found = tag_store.annotator_id(conn, name, create=False)
    if found is not None:
        return found
    with project.write() as conn:
        made = tag_store.annotator_id(conn, name)
    assert made is not None
    return made


def find_annotator(project: Project, name: str) -> int:
    """The id of an annotator named in a filter; an unknown name is refused, not taken for
    one who has judged nothing."""
    with project.read() as conn:
        found = tag_store.annotator_id(conn, name, create=False)
    if found is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "no annotator called '{name}' in this project").format(
                name=name
            )
        )
    return found


# --- internals ------------------------------------------------------------------------------


def _article_of(conn: sa.Connection, statement_id: int) -> int:
    article_id = store.article_of_statement(conn, statement_id)
    if article_id is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "no statement with id {id}").format(id=statement_id)
        )
    return article_id


def _check_annotator(conn: sa.Connection, annotator_id: int) -> None:
    if not store.annotator_exists(conn, annotator_id):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "no annotator with id {id}").format(id=annotator_id)
        )


def _statement_changes(
    article_id: int, key: MarkKey, before: NoSourceMark | None, after: NoSourceMark | None
) -> Changes:
    if before == after:
        return Changes()
    return Changes(ids([article_id]), ids([key.statement_id]))
