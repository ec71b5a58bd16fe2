"""Tagging: attributions (source, stance, confidence) on statements, and claim links.

An attribution is unique per statement, source and annotator: tagging again changes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from app.domain.model import DomainError, Origin, Stance, validate_claim_label
from app.services.project import Project, default_annotator
from app.store import articles as article_store
from app.store import tags as tag_store


@dataclass(frozen=True)
class Changes:
    """What a mutation touched, so each view can refresh only what concerns it."""

    statement_ids: frozenset[int] = frozenset()
    sources: bool = False
    claims: bool = False


@dataclass(frozen=True)
class TagResult:
    attribution_id: int
    created: bool
    linked_claims: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
    stance: str = Stance.ASSERTS.value  # as stored after the edit


def resolve_level(
    conn: sa.Connection, confidence: str | int | None, rank_hint: str | int | None = None
) -> int | None:
    """A confidence level id from a label (any case) or a rank.

    A rank, and a label first, are looked up in the active scale; a label not in it may name a
    level of another scale (tags made before the active scale changed keep theirs, and a CSV of
    them reads back). Where several other scales have that label, `rank_hint` picks one.
    """
    if confidence is None or confidence == "":
        return None
    levels = tag_store.active_levels(conn)
    text = str(confidence).strip()
    for level in levels:
        if level["label"].lower() == text.lower() or str(level["rank"]) == text:
            return int(level["id"])
    elsewhere = [
        level
        for level in tag_store.all_levels(conn).values()
        if level["label"].lower() == text.lower()
    ]
    if len(elsewhere) > 1 and rank_hint not in (None, ""):
        elsewhere = [lv for lv in elsewhere if str(lv["rank"]) == str(rank_hint).strip()]
    if len(elsewhere) == 1:
        return int(elsewhere[0]["id"])
    choices = ", ".join(f"{lv['rank']}={lv['label']}" for lv in levels)
    if elsewhere:
        raise DomainError(
            f"the confidence level '{confidence}' is in several scales; give its rank too "
            f"(the active scale has {choices})"
        )
    raise DomainError(f"unknown confidence level '{confidence}' (choose from {choices})")


def resolve_source(conn: sa.Connection, name: str) -> int:
    source_id = tag_store.source_id_by_name(conn, name)
    if source_id is None:
        known = ", ".join(s["name"] for s in tag_store.list_sources(conn))
        raise DomainError(f"unknown source '{name}' (known: {known})")
    return source_id


def tag_statement(
    project: Project,
    statement_id: int,
    source: str,
    *,
    stance: Stance | str | None = None,
    confidence: str | int | None = None,
    claims: Sequence[str] = (),
    note: str | None = None,
    annotator: str | None = None,
    origin: Origin = Origin.MANUAL,
) -> TagResult:
    """Add or change one attribution and link claims, in one transaction.

    What is not given stays as it was: a new tag asserts unless a stance is given, and changing
    only the confidence, the note or the claims of a tag keeps its stance. The tag takes
    `origin`: a person's edit of an accepted suggestion makes it a person's tag, which
    `suggest --apply` then never overwrites.
    """
    stance = None if stance is None else Stance(stance)
    labels = [validate_claim_label(label) for label in claims]
    with project.write() as conn:
        if article_store.get_statement(conn, statement_id) is None:
            raise DomainError(f"no statement with id {statement_id}")
        source_id = resolve_source(conn, source)
        level_id = resolve_level(conn, confidence)
        annotator_id = tag_store.annotator_id(conn, annotator or default_annotator())
        assert annotator_id is not None
        now = tag_store.now()
        existing = tag_store.get_attribution(conn, statement_id, source_id, annotator_id)
        values: dict[str, Any] = {"origin": origin.value, "updated_at": now}
        if stance is not None:
            values["stance"] = stance.value
        elif existing is None:
            values["stance"] = Stance.ASSERTS.value
        if confidence is not None:
            values["confidence_level_id"] = level_id
        if note is not None:
            values["note"] = note
        if existing is None:
            attribution_id = tag_store.insert_attribution(
                conn,
                {
                    "statement_id": statement_id,
                    "source_id": source_id,
                    "annotator_id": annotator_id,
                    "confidence_level_id": level_id,
                    "note": note or "",
                    "created_at": now,
                    **values,
                },
            )
        else:
            attribution_id = existing["id"]
            tag_store.update_attribution(conn, attribution_id, values)
        linked = tuple(
            label
            for label in labels
            if tag_store.link_claim(conn, statement_id, _claim(conn, label))
        )
    return TagResult(
        attribution_id,
        existing is None,
        linked,
        Changes(frozenset({statement_id}), claims=bool(labels)),
        values.get("stance") or (existing or {})["stance"],
    )


def annotators_with_tag(project: Project, statement_id: int, source: str) -> list[str]:
    """Who has tagged this statement with this source (to say why a removal found nothing)."""
    with project.read() as conn:
        source_id = resolve_source(conn, source)
        return [
            row["annotator"]
            for row in tag_store.attributions_of_statement(conn, statement_id)
            if row["source_id"] == source_id
        ]


def untag_statement(
    project: Project, statement_id: int, source: str, annotator: str | None = None
) -> bool:
    """Remove a source's attribution from a statement; False when there was none."""
    with project.write() as conn:
        source_id = resolve_source(conn, source)
        annotator_id = tag_store.annotator_id(conn, annotator or default_annotator(), create=False)
        if annotator_id is None:
            return False
        existing = tag_store.get_attribution(conn, statement_id, source_id, annotator_id)
        if existing is None:
            return False
        return bool(tag_store.delete_attribution(conn, existing["id"]))


def link_claim(project: Project, statement_id: int, label: str, description: str = "") -> bool:
    label = validate_claim_label(label)
    with project.write() as conn:
        if article_store.get_statement(conn, statement_id) is None:
            raise DomainError(f"no statement with id {statement_id}")
        return tag_store.link_claim(conn, statement_id, _claim(conn, label, description))


def unlink_claim(project: Project, statement_id: int, label: str) -> bool:
    with project.write() as conn:
        claim = tag_store.claim_id(conn, label, create=False)
        return claim is not None and tag_store.unlink_claim(conn, statement_id, claim)


def statement_tags(project: Project, statement_id: int) -> list[dict[str, Any]]:
    with project.read() as conn:
        return tag_store.attributions_of_statement(conn, statement_id)


def _claim(conn: sa.Connection, label: str, description: str = "") -> int:
    claim = tag_store.claim_id(conn, label, description=description)
    assert claim is not None
    return claim
