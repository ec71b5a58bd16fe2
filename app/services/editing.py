"""Statements made, split, merged and deleted in the window, each undoable.

Every edit is one transaction and returns a `StatementEdit`: the article's statements, tags,
claim links and dismissals before and after, exactly, with the `Changes` it made. Undo puts
`before` back and redo `after` (`apply_statement_edit`), each only if the article still holds
the state it expects: if another window or process changed it in between, the swap is refused
with ConflictError instead of silently overwriting their work.

Tags and claim links have their own modules (`tagging`, `claim_links`); the names the window
has always used for them are kept here too.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from app.domain.changes import Changes, ids
from app.domain.edits import (
    ArticleState,
    ClaimLinkEdit,
    ConflictError,
    StatementEdit,
    TagEdit,
    TagKey,
    TagValues,
)
from app.domain.judgements import MarkKey, merged_marks
from app.domain.model import DomainError, Span
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services import suggest as suggest_service
from app.services.claim_links import apply_claim_link, claim_labels, link_claim, unlink_claim
from app.services.project import Project, default_annotator
from app.store import articles as article_store
from app.store import editing as edit_store
from app.store import judgements as judgement_store
from app.store import tags as tag_store

__all__ = [
    "ArticleState",
    "AttributionEdit",
    "AttributionKey",
    "ClaimLinkEdit",
    "ConflictError",
    "StatementEdit",
    "apply_claim_link",
    "apply_statement_edit",
    "carve_statement",
    "claim_labels",
    "create_statement",
    "delete_statement",
    "dismiss_suggestion",
    "link_claim",
    "merge_with_next",
    "restore_suggestion",
    "split_statement",
    "unlink_claim",
]

# The names the window's views use for a tag's key and edit.
AttributionKey = TagKey
AttributionEdit = TagEdit


# --- statements ---


def create_statement(project: Project, article_id: int, start: int, end: int) -> StatementEdit:
    """A statement from a selection. Inside an existing statement, that one is cut in up to
    three, each keeping its tags; across several statements, the selection is refused."""

    def change(conn: sa.Connection, body: str) -> int:
        s, e = trimmed(body, start, end)
        if e <= s:
            raise DomainError(QT_TRANSLATE_NOOP("Refusals", "select some text to make a statement"))
        return carve_statement(conn, article_id, body, Span(s, e))

    return _statement_edit(project, article_id, change)


def split_statement(project: Project, statement_id: int, at: int) -> StatementEdit:
    """Split a statement at a body offset; both halves keep its tags, claim links and "no
    source" marks."""
    article_id, start, end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int:
        first = trimmed(body, start, at)
        second = trimmed(body, at, end)
        if first[1] <= first[0] or second[1] <= second[0]:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "put the cursor inside the statement, between two words, to split it",
                )
            )
        article_store.set_span(conn, statement_id, *first)
        new_id = article_store.add_statement(conn, article_id, Span(*second))
        _copy_tags(conn, statement_id, new_id)
        return new_id

    return _statement_edit(project, article_id, change)


def merge_with_next(project: Project, statement_id: int) -> StatementEdit:
    """Merge a statement with the next one in the text; the tags of both are kept (where both
    carry the same source and annotator, the first statement's tag wins). An annotator's "no
    source" mark stays only where they marked both statements (see `domain.judgements`)."""
    article_id, start, _end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int:
        spans = article_store.statement_spans(conn, article_id)
        following = [(i, a, b) for i, a, b in spans if a >= start and i != statement_id]
        if not following:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "this is the last statement of the article")
            )
        next_id, _a, next_end = min(following, key=lambda item: item[1])
        marks = {
            sid: frozenset(m.annotator_id for m in judgement_store.marks_of_statement(conn, sid))
            for sid in (statement_id, next_id)
        }
        _copy_tags(conn, next_id, statement_id, marks=False)
        taggers = frozenset(
            t.annotator_id for t in tag_store.attributions_of_statement(conn, statement_id)
        )
        kept = merged_marks(marks[statement_id], marks[next_id], taggers)
        for annotator_id in marks[statement_id] - kept:
            judgement_store.delete_mark(conn, MarkKey(statement_id, annotator_id))
        article_store.delete_statement(conn, next_id)
        article_store.set_span(conn, statement_id, start, next_end)
        return statement_id

    return _statement_edit(project, article_id, change)


def delete_statement(project: Project, statement_id: int) -> StatementEdit:
    """Delete a statement with its tags and marks (undo brings it back with the same id, tags
    and marks)."""
    article_id, _start, _end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int | None:
        article_store.delete_statement(conn, statement_id)
        return None

    return _statement_edit(project, article_id, change)


def apply_statement_edit(project: Project, edit: StatementEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo a statement edit, if nothing changed the article in between."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        if edit_store.article_state(conn, edit.article_id) != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "this article's statements were changed in another window or process; "
                    "not undone",
                )
            )
        edit_store.replace_article_state(conn, edit.article_id, wanted)
    return edit.changes


def carve_statement(conn: sa.Connection, article_id: int, body: str, span: Span) -> int:
    """Make `span` a statement, inside one transaction the caller holds; its id.

    Outside every statement it is added. Inside one, that one is cut in up to three, each
    keeping its tags and claim links (statements never overlap). Across several, or running
    past the one it starts in, it is refused: the caller merges first.
    """
    s, e = span.start, span.end
    overlapping = [
        (i, a, b) for i, a, b in article_store.statement_spans(conn, article_id) if a < e and s < b
    ]
    if len(overlapping) > 1:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "the selection crosses several statements; merge them first"
            )
        )
    if not overlapping:
        return article_store.add_statement(conn, article_id, span)
    sid, a, b = overlapping[0]
    if (a, b) == (s, e):
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "that text is a statement already"))
    if s < a or e > b:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "the selection runs past the statement it starts in")
        )
    focus = sid
    if s > a:  # the part before stays sid; the selection becomes new
        article_store.set_span(conn, sid, *trimmed(body, a, s))
        focus = article_store.add_statement(conn, article_id, span)
        _copy_tags(conn, sid, focus)
    else:
        article_store.set_span(conn, sid, s, e)
    if e < b:
        tail_start, tail_end = trimmed(body, e, b)
        if tail_end > tail_start:
            tail = article_store.add_statement(conn, article_id, Span(tail_start, tail_end))
            _copy_tags(conn, sid, tail)
    return focus


def trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` moved inwards past white space: a statement never begins or ends with it."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


_trimmed = trimmed  # the name the tag import used


def _copy_tags(conn: sa.Connection, source_id: int, target_id: int, *, marks: bool = True) -> None:
    """Give `target` the tags and claim links of `source` (tags follow the text they were on)
    and, with `marks`, its "no source" marks (a piece of a statement nobody speaks in)."""
    for tag in tag_store.attributions_of_statement(conn, source_id):
        if tag_store.get_attribution(conn, target_id, tag.source_id, tag.annotator_id):
            continue
        tag_store.insert_attribution(
            conn,
            TagKey(target_id, tag.source_id, tag.annotator_id),
            TagValues.of(tag),
            tag.created_at,
            tag.updated_at,
        )
    for claim in tag_store.claim_rows_of_statement(conn, source_id):
        tag_store.link_claim(conn, target_id, claim.id)
    if marks:
        for mark in judgement_store.marks_of_statement(conn, source_id):
            judgement_store.insert_mark(
                conn, MarkKey(target_id, mark.annotator_id), mark.created_at
            )
        judgement_store.clear_marks_of_tagged(conn, [target_id])  # a tag there wins


def _statement_edit(
    project: Project, article_id: int, change: Callable[[sa.Connection, str], int | None]
) -> StatementEdit:
    with project.write() as conn:
        before = edit_store.article_state(conn, article_id)
        body = article_store.article_body(conn, article_id) or ""
        focus = change(conn, body)
        article_store.renumber(conn, article_id)
        after = edit_store.article_state(conn, article_id)
    touched = ids(s.id for s in before.statements) | ids(s.id for s in after.statements)
    changes = Changes(ids([article_id]), touched, segmentation=True)
    return StatementEdit(article_id, before, after, focus, changes)


def _locate(project: Project, statement_id: int) -> tuple[int, int, int]:
    with project.read() as conn:
        row = article_store.get_statement(conn, statement_id)
    if row is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "statement {id} no longer exists").format(id=statement_id)
        )
    return row.article_id, row.start, row.end


# --- suggestions dismissed (undoable in the window) ---


def dismiss_suggestion(
    project: Project, suggestion: suggest_service.Suggestion, annotator: str | None = None
) -> Changes:
    """Hide a suggestion for this annotator (one transaction); what it changed."""
    suggest_service.dismiss(project, suggestion, annotator=annotator or default_annotator())
    return _dismissal_changes(suggestion)


def restore_suggestion(
    project: Project, suggestion: suggest_service.Suggestion, annotator: str | None = None
) -> Changes:
    """Show a dismissed suggestion again (the undo of `dismiss_suggestion`)."""
    suggest_service.restore(project, suggestion, annotator=annotator or default_annotator())
    return _dismissal_changes(suggestion)


def _dismissal_changes(suggestion: suggest_service.Suggestion) -> Changes:
    return Changes(ids([suggestion.article_id]), ids([suggestion.statement_id]), dismissals=True)
