"""Linking statements to claims, and undoing it: one transaction per edit, each returning the
`ClaimLinkEdit` (the claim's full row, so redo can make it again) with its `Changes`."""

from __future__ import annotations

import sqlalchemy as sa

from app.domain.changes import Changes, ids
from app.domain.edits import ClaimLinkEdit, ConflictError
from app.domain.model import DomainError, validate_claim_label
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import articles as article_store
from app.store import tags as tag_store


def link_claim(
    project: Project, statement_id: int, label: str, description: str = ""
) -> ClaimLinkEdit | None:
    """Link a statement to a claim (made when new, with `description`); None when it was
    linked already."""
    label = validate_claim_label(label)
    with project.write() as conn:
        return link_in(conn, statement_id, label, description)


def unlink_claim(project: Project, statement_id: int, claim_id: int) -> ClaimLinkEdit | None:
    """Unlink a statement from a claim (the claim stays); None when they were not linked."""
    with project.write() as conn:
        claim = tag_store.get_claim(conn, claim_id)
        if claim is None or not tag_store.unlink_claim(conn, statement_id, claim_id):
            return None
        article_id = _article_of(conn, statement_id)
    changes = Changes(ids([article_id]), ids([statement_id]), ids([claim_id]))
    return ClaimLinkEdit(statement_id, claim, created_claim=False, linked=False, changes=changes)


def apply_claim_link(project: Project, edit: ClaimLinkEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo a claim link edit, if the link is still as it left it."""
    with project.write() as conn:
        swap_in(conn, edit, forward=forward)
    return edit.changes


def claim_labels(project: Project) -> list[str]:
    """Every claim label, for completion in the claim box."""
    with project.read() as conn:
        return [c.label for c in tag_store.list_claims(conn)]


# --- inside a transaction the caller holds (a tag edit links its claims in its own) -------------


def link_in(
    conn: sa.Connection, statement_id: int, label: str, description: str = ""
) -> ClaimLinkEdit | None:
    """Link a statement to the claim `label` (a valid label), making the claim when new."""
    article_id = _article_of(conn, statement_id)
    claim_id, created = tag_store.ensure_claim(conn, label, description)
    if not tag_store.link_claim(conn, statement_id, claim_id):
        return None
    claim = tag_store.get_claim(conn, claim_id)
    assert claim is not None
    changes = Changes(ids([article_id]), ids([statement_id]), ids([claim_id]))
    return ClaimLinkEdit(statement_id, claim, created, linked=True, changes=changes)


def swap_in(conn: sa.Connection, edit: ClaimLinkEdit, *, forward: bool) -> None:
    """Redo or undo a link edit; ConflictError if another writer changed the link since."""
    link = edit.linked == forward
    claim_id = edit.claim.id
    if tag_store.claim_linked(conn, edit.statement_id, claim_id) == link:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Refusals", "this claim link was changed in another window or process"
            )
        )
    if link:
        if tag_store.get_claim(conn, claim_id) is None:
            if not edit.created_claim:
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "the claim '{label}' was deleted elsewhere"
                    ).format(label=edit.claim.label)
                )
            tag_store.insert_claim(conn, edit.claim)
        tag_store.link_claim(conn, edit.statement_id, claim_id)
    else:
        tag_store.unlink_claim(conn, edit.statement_id, claim_id)
        if edit.created_claim:
            tag_store.delete_claim_if_unused(conn, claim_id)


def _article_of(conn: sa.Connection, statement_id: int) -> int:
    statement = article_store.get_statement(conn, statement_id)
    if statement is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "statement {id} no longer exists").format(id=statement_id)
        )
    return statement.article_id
