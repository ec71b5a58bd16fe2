"""Edits made in the window, each returning the exact states an undo command needs.

Every edit is one transaction and returns `before` and `after` states. Undo puts `before` back
and redo puts `after` back, each only if the database still holds the state it expects: if
another window or process changed the same rows in between, the swap is refused with
ConflictError instead of silently overwriting their work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from app.domain.model import DomainError, Origin, Span, Stance, validate_claim_label
from app.services.project import Project
from app.store import articles as article_store
from app.store import editing as edit_store
from app.store import tags as tag_store
from app.store.editing import ArticleState, Row


class ConflictError(DomainError):
    """The rows changed elsewhere since this edit; undoing or redoing it would overwrite that."""


# --- attributions ---


@dataclass(frozen=True)
class AttributionKey:
    statement_id: int
    source_id: int
    annotator_id: int


@dataclass(frozen=True)
class AttributionEdit:
    key: AttributionKey
    before: Row | None
    after: Row | None


def attribution_key(
    project: Project, statement_id: int, source_id: int, annotator: str
) -> AttributionKey:
    with project.write() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator)
    assert annotator_id is not None
    return AttributionKey(statement_id, source_id, annotator_id)


def edit_attribution(project: Project, key: AttributionKey, **changes: Any) -> AttributionEdit:
    """Create, change (stance, confidence_level_id, note, origin) or, with `remove=True`, delete."""
    remove = changes.pop("remove", False)
    with project.write() as conn:
        if article_store.get_statement(conn, key.statement_id) is None:
            raise DomainError(f"statement {key.statement_id} no longer exists")
        before = edit_store.attribution_row(conn, key.statement_id, key.source_id, key.annotator_id)
        now = tag_store.now()
        if remove:
            after = None
        elif before is None:
            after = {
                "statement_id": key.statement_id,
                "source_id": key.source_id,
                "annotator_id": key.annotator_id,
                "stance": Stance.ASSERTS.value,
                "confidence_level_id": None,
                "note": "",
                "origin": Origin.MANUAL.value,
                "created_at": now,
                "updated_at": now,
                **changes,
            }
        else:
            after = {**before, **changes, "updated_at": now}
        if after is not None:
            Stance(after["stance"])  # validates
        edit_store.put_attribution_row(conn, before, after)
        stored = edit_store.attribution_row(conn, key.statement_id, key.source_id, key.annotator_id)
    return AttributionEdit(key, before, stored)


def swap_attribution(
    project: Project, key: AttributionKey, expected: Row | None, wanted: Row | None
) -> None:
    """Put `wanted` back if the row is still `expected` (undo and redo of attribution edits)."""
    with project.write() as conn:
        current = edit_store.attribution_row(
            conn, key.statement_id, key.source_id, key.annotator_id
        )
        if current != expected:
            raise ConflictError("this tag was changed in another window or process; not undone")
        edit_store.put_attribution_row(conn, current, wanted)


# --- claim links ---


@dataclass(frozen=True)
class ClaimLinkEdit:
    statement_id: int
    claim: Row  # the claim's full row, so redo can recreate it exactly
    created_claim: bool  # the edit made the claim; undo removes it again
    linked: bool  # True: the edit linked; False: it unlinked


def link_claim(project: Project, statement_id: int, label: str) -> ClaimLinkEdit | None:
    """Link a statement to a claim (made when new); None when it was linked already."""
    label = validate_claim_label(label)
    with project.write() as conn:
        if article_store.get_statement(conn, statement_id) is None:
            raise DomainError(f"statement {statement_id} no longer exists")
        claim_id = tag_store.claim_id(conn, label, create=False)
        created = claim_id is None
        if claim_id is None:
            claim_id = tag_store.claim_id(conn, label)
        assert claim_id is not None
        if not tag_store.link_claim(conn, statement_id, claim_id):
            return None
        row = edit_store.claim_row(conn, claim_id)
    assert row is not None
    return ClaimLinkEdit(statement_id, row, created, linked=True)


def unlink_claim(project: Project, statement_id: int, claim_id: int) -> ClaimLinkEdit | None:
    with project.write() as conn:
        row = edit_store.claim_row(conn, claim_id)
        if row is None or not tag_store.unlink_claim(conn, statement_id, claim_id):
            return None
    return ClaimLinkEdit(statement_id, row, created_claim=False, linked=False)


def apply_claim_link(project: Project, edit: ClaimLinkEdit, *, forward: bool) -> None:
    """Redo (`forward`) or undo a claim link edit."""
    link = edit.linked == forward
    claim_id = edit.claim["id"]
    with project.write() as conn:
        linked_now = edit_store.claim_linked(conn, edit.statement_id, claim_id)
        if linked_now == link:
            raise ConflictError("this claim link was changed in another window or process")
        if link:
            if edit.created_claim and edit_store.claim_row(conn, claim_id) is None:
                edit_store.insert_claim_row(conn, edit.claim)
            elif edit_store.claim_row(conn, claim_id) is None:
                raise ConflictError(f"the claim {edit.claim['label']!r} was deleted elsewhere")
            tag_store.link_claim(conn, edit.statement_id, claim_id)
        else:
            tag_store.unlink_claim(conn, edit.statement_id, claim_id)
            if edit.created_claim:
                edit_store.delete_claim_if_unused(conn, claim_id)


def claim_labels(project: Project) -> list[str]:
    """Every claim label, for completion in the claim box."""
    with project.read() as conn:
        return [c["label"] for c in tag_store.list_claims(conn)]


# --- statements ---


@dataclass(frozen=True)
class StatementEdit:
    """An edit of an article's statements; `focus` is the statement to show afterwards."""

    article_id: int
    before: ArticleState
    after: ArticleState
    focus: int | None


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _copy_tags(conn: sa.Connection, source_id: int, target_id: int) -> None:
    """Give `target` the tags and claim links of `source` (tags follow the text they were on)."""
    for tag in tag_store.attributions_of_statement(conn, source_id):
        if edit_store.attribution_row(conn, target_id, tag["source_id"], tag["annotator_id"]):
            continue
        tag_store.insert_attribution(
            conn,
            {
                "statement_id": target_id,
                "source_id": tag["source_id"],
                "annotator_id": tag["annotator_id"],
                "stance": tag["stance"],
                "confidence_level_id": tag["confidence_level_id"],
                "note": tag["note"],
                "origin": tag["origin"],
                "created_at": tag["created_at"],
                "updated_at": tag["updated_at"],
            },
        )
    for label in tag_store.claims_of_statement(conn, source_id):
        claim_id = tag_store.claim_id(conn, label, create=False)
        if claim_id is not None:
            tag_store.link_claim(conn, target_id, claim_id)


def _statement_edit(project: Project, article_id: int, change: Any) -> StatementEdit:
    with project.write() as conn:
        before = edit_store.article_state(conn, article_id)
        body = article_store.article_body(conn, article_id) or ""
        focus = change(conn, body)
        article_store.renumber(conn, article_id)
        after = edit_store.article_state(conn, article_id)
    return StatementEdit(article_id, before, after, focus)


def create_statement(project: Project, article_id: int, start: int, end: int) -> StatementEdit:
    """A statement from a selection. Inside an existing statement, that one is cut in up to
    three, each keeping its tags; across several statements, the selection is refused."""

    def change(conn: sa.Connection, body: str) -> int:
        s, e = _trimmed(body, start, end)
        if e <= s:
            raise DomainError("select some text to make a statement")
        return carve_statement(conn, article_id, body, Span(s, e))

    return _statement_edit(project, article_id, change)


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
        raise DomainError("the selection crosses several statements; merge them first")
    if not overlapping:
        return article_store.add_statement(conn, article_id, span)
    sid, a, b = overlapping[0]
    if (a, b) == (s, e):
        raise DomainError("that text is a statement already")
    if s < a or e > b:
        raise DomainError("the selection runs past the statement it starts in")
    focus = sid
    if s > a:  # the part before stays sid; the selection becomes new
        article_store.set_span(conn, sid, *_trimmed(body, a, s))
        focus = article_store.add_statement(conn, article_id, span)
        _copy_tags(conn, sid, focus)
    else:
        article_store.set_span(conn, sid, s, e)
    if e < b:
        tail_start, tail_end = _trimmed(body, e, b)
        if tail_end > tail_start:
            tail = article_store.add_statement(conn, article_id, Span(tail_start, tail_end))
            _copy_tags(conn, sid, tail)
    return focus


def split_statement(project: Project, statement_id: int, at: int) -> StatementEdit:
    """Split a statement at a body offset; both halves keep its tags and claim links."""
    article_id, start, end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int:
        first = _trimmed(body, start, at)
        second = _trimmed(body, at, end)
        if first[1] <= first[0] or second[1] <= second[0]:
            raise DomainError("put the cursor inside the statement, between two words, to split it")
        article_store.set_span(conn, statement_id, *first)
        new_id = article_store.add_statement(conn, article_id, Span(*second))
        _copy_tags(conn, statement_id, new_id)
        return new_id

    return _statement_edit(project, article_id, change)


def merge_with_next(project: Project, statement_id: int) -> StatementEdit:
    """Merge a statement with the next one in the text; the tags of both are kept (where both
    carry the same source and annotator, the first statement's tag wins)."""
    article_id, start, _end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int:
        spans = article_store.statement_spans(conn, article_id)
        following = [(i, a, b) for i, a, b in spans if a >= start and i != statement_id]
        if not following:
            raise DomainError("this is the last statement of the article")
        next_id, _a, next_end = min(following, key=lambda item: item[1])
        _copy_tags(conn, next_id, statement_id)
        article_store.delete_statement(conn, next_id)
        article_store.set_span(conn, statement_id, start, next_end)
        return statement_id

    return _statement_edit(project, article_id, change)


def delete_statement(project: Project, statement_id: int) -> StatementEdit:
    """Delete a statement with its tags (undo brings it back with the same id and tags)."""
    article_id, _start, _end = _locate(project, statement_id)

    def change(conn: sa.Connection, body: str) -> int | None:
        article_store.delete_statement(conn, statement_id)
        return None

    return _statement_edit(project, article_id, change)


def apply_statement_edit(project: Project, edit: StatementEdit, *, forward: bool) -> None:
    """Redo (`forward`) or undo a statement edit, if nothing changed the article in between."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        if edit_store.article_state(conn, edit.article_id) != expected:
            raise ConflictError(
                "this article's statements were changed in another window or process; not undone"
            )
        edit_store.replace_article_state(conn, edit.article_id, wanted)


def _locate(project: Project, statement_id: int) -> tuple[int, int, int]:
    with project.read() as conn:
        row = article_store.get_statement(conn, statement_id)
    if row is None:
        raise DomainError(f"statement {statement_id} no longer exists")
    return row.article_id, row.start, row.end


# --- sources ---


def rename_source_checked(project: Project, source_id: int, expected: str, new: str) -> None:
    """Rename a source if it is still called `expected` (rename and its undo)."""
    from app.domain.model import validate_source_name

    new = validate_source_name(new)
    with project.write() as conn:
        current = {s["id"]: s["name"] for s in tag_store.list_sources(conn)}
        if current.get(source_id) != expected:
            raise ConflictError("the source was renamed in another window or process")
        clash = tag_store.source_id_by_name(conn, new)
        if clash is not None and clash != source_id:
            raise DomainError(f"a source named {new!r} exists already")
        tag_store.update_source(conn, source_id, name=new)
