"""Tagging: attributions (source, stance, confidence, note) on statements.

One path for every tag, from the window and from the command line alike: `tag` adds or changes
one (a `TagChange`, by ids) and `untag` removes one, each in one transaction, each returning the
`TagEdit` (the exact rows before and after, for undo) with the `Changes` it made; `revert_tag`
undoes or redoes it. The command line first turns names into ids (`resolve_tag`, `find_tag`).

An attribution is unique per statement, source and annotator: tagging again changes it. A tag
takes its annotator's "no source" mark off the statement in the same edit, and undoing the tag
puts the mark back (see `app.domain.judgements`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from app.domain.changes import Changes, ids
from app.domain.edits import (
    UNCHANGED,
    ClaimLinkEdit,
    ConflictError,
    TagChange,
    TagEdit,
    TagKey,
    TagValues,
    Unchanged,
)
from app.domain.judgements import MarkKey
from app.domain.layers import check_personal_annotator
from app.domain.model import DomainError, Origin, Stance, validate_claim_label
from app.domain.rows import AttributionRow, TagRow
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services import claim_links
from app.services.project import Project, default_annotator
from app.store import articles as article_store
from app.store import judgements as judgement_store
from app.store import tags as tag_store

NO_STATEMENT_WITH_ID = QT_TRANSLATE_NOOP("Refusals", "no statement with id {id}")

__all__ = [
    "Changes",
    "ClaimLinkEdit",
    "TagChange",
    "TagEdit",
    "TagKey",
    "TagResult",
    "find_tag",
    "resolve_level",
    "resolve_source",
    "resolve_tag",
    "revert_tag",
    "tag",
    "tag_statement",
    "untag",
    "untag_statement",
]


def tag(project: Project, change: TagChange) -> TagEdit:
    """Add a tag or change some of its settings, and link the claims it names, in one
    transaction. What the change leaves UNCHANGED stays as it was; a new tag asserts, with no
    confidence nor note, made by a person, unless the change says otherwise. The annotator's
    "no source" mark on the statement, if any, goes (the edit's `cleared_mark`)."""
    labels = [validate_claim_label(label) for label in change.claims]
    key = change.key
    with project.write() as conn:
        judgement_store.lock_statement(conn, key.statement_id)  # a mark made meanwhile waits
        article_id = _article_of(conn, key.statement_id)
        if not isinstance(change.confidence_level_id, Unchanged) and (
            change.confidence_level_id is not None
            and tag_store.level_by_id(conn, change.confidence_level_id) is None
        ):
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no confidence level with id {id}").format(
                    id=change.confidence_level_id
                )
            )
        before = _row(conn, key)
        values = change.values(None if before is None else TagValues.of(before))
        now = tag_store.now()
        if before is None and tag_store.insert_attribution(conn, key, values, now) is None:
            # The same annotator's other window made this tag meanwhile: change that one.
            before = _row(conn, key)
            assert before is not None
            values = change.values(TagValues.of(before))
        if before is not None:
            tag_store.update_attribution(conn, before.id, values, now)
        links = tuple(
            link
            for label in labels
            if (link := claim_links.link_in(conn, key.statement_id, label)) is not None
        )
        after = _row(conn, key)
        mark_key = MarkKey(key.statement_id, key.annotator_id)
        cleared = judgement_store.get_mark(conn, mark_key)
        if cleared is not None:
            judgement_store.delete_mark(conn, mark_key)
    claims = ids(link.claim.id for link in links)
    changes = Changes(ids([article_id]), ids([key.statement_id]), claims)
    return TagEdit(key, before, after, changes, links, cleared)


def untag(project: Project, key: TagKey) -> TagEdit:
    """Remove a tag; the edit's `before` is None (and nothing changed) when there was none."""
    with project.write() as conn:
        article_id = _article_of(conn, key.statement_id)
        before = _row(conn, key)
        if before is not None:
            tag_store.delete_attribution(conn, before.id)
    changes = Changes(ids([article_id]), ids([key.statement_id])) if before else Changes()
    return TagEdit(key, before, None, changes)


def revert_tag(project: Project, edit: TagEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo a tag edit with its claim links, in one transaction, if the
    tag is still as the edit (or its undo) left it; else ConflictError, and nothing changes.
    The "no source" mark the tag took off comes back with the undo, and goes again with redo."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    key = edit.key
    mark_key = MarkKey(key.statement_id, key.annotator_id)
    with project.write() as conn:
        if edit.cleared_mark is not None:
            judgement_store.lock_statement(conn, key.statement_id)
        current = _row(conn, key)
        if current != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "this tag was changed in another window or process; not undone"
                )
            )
        if edit.cleared_mark is not None:
            mark = judgement_store.get_mark(conn, mark_key)
            if mark != (edit.cleared_mark if forward else None):
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "this statement's no-source mark was changed in another window or "
                        "process; not undone",
                    )
                )
            judgement_store.put_mark(conn, mark_key, None if forward else edit.cleared_mark)
        # Undo takes the links back first (last made, first unmade); redo makes the tag first.
        links = edit.claim_links if forward else tuple(reversed(edit.claim_links))
        if forward:
            tag_store.put_attribution_row(conn, current, wanted)
        for link in links:
            claim_links.swap_in(conn, link, forward=forward)
        if not forward:
            tag_store.put_attribution_row(conn, current, wanted)
    return edit.changes


def tags_of(project: Project, statement_id: int) -> list[TagRow]:
    """Every tag of a statement, with the source's, annotator's and level's names."""
    with project.read() as conn:
        return tag_store.attributions_of_statement(conn, statement_id)


statement_tags = tags_of  # the name tests and scripts know


# --- from names to ids (the command line) ---------------------------------------------------------


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
        if level.label.lower() == text.lower() or str(level.rank) == text:
            return level.id
    elsewhere = [
        level
        for level in tag_store.all_levels(conn).values()
        if level.label.lower() == text.lower()
    ]
    if len(elsewhere) > 1 and rank_hint not in (None, ""):
        elsewhere = [lv for lv in elsewhere if str(lv.rank) == str(rank_hint).strip()]
    if len(elsewhere) == 1:
        return elsewhere[0].id
    choices = ", ".join(f"{lv.rank}={lv.label}" for lv in levels)
    if elsewhere:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "the confidence level '{confidence}' is in several scales; give its rank too "
                "(the active scale has {choices})",
            ).format(confidence=confidence, choices=choices)
        )
    raise DomainError(
        QT_TRANSLATE_NOOP(
            "Refusals", "unknown confidence level '{confidence}' (choose from {choices})"
        ).format(confidence=confidence, choices=choices)
    )


def resolve_source(conn: sa.Connection, name: str) -> int:
    source_id = tag_store.source_id_by_name(conn, name)
    if source_id is None:
        known = ", ".join(s.name for s in tag_store.list_sources(conn))
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "unknown source '{name}' (known: {known})").format(
                name=name, known=known
            )
        )
    return source_id


def resolve_tag(
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
) -> TagChange:
    """The `TagChange` that names give: a source by name, a confidence by label or rank ("":
    none), an annotator by name (default: the current one). None leaves a setting unchanged.

    Everything that can be refused is checked before anything is written; only then is a new
    annotator registered (in its own transaction, as the window does when it opens)."""
    stance_value: Stance | Unchanged = UNCHANGED if stance is None else _stance(stance)
    labels = tuple(validate_claim_label(label) for label in claims)
    with project.read() as conn:
        if article_store.get_statement(conn, statement_id) is None:
            raise DomainError(NO_STATEMENT_WITH_ID.format(id=statement_id))
        source_id = resolve_source(conn, source)
        level: int | None | Unchanged = (
            UNCHANGED if confidence is None else resolve_level(conn, confidence)
        )
    # A person never tags as the consensus layer: its tags are what adjudication writes.
    name = check_personal_annotator(annotator or default_annotator())
    annotator_id = _annotator_id(project, name, create=True)
    assert annotator_id is not None
    return TagChange(
        TagKey(statement_id, source_id, annotator_id),
        stance=stance_value,
        confidence_level_id=level,
        note=UNCHANGED if note is None else note,
        origin=origin,
        claims=labels,
    )


def find_tag(
    project: Project, statement_id: int, source: str, annotator: str | None = None
) -> TagKey | None:
    """The key of a tag by the source's and annotator's names; None when that annotator has
    never tagged here (a removal then finds nothing). An unknown source is refused."""
    with project.read() as conn:
        source_id = resolve_source(conn, source)
    name = check_personal_annotator(annotator or default_annotator())
    annotator_id = _annotator_id(project, name, create=False)
    return None if annotator_id is None else TagKey(statement_id, source_id, annotator_id)


def annotators_with_tag(project: Project, statement_id: int, source: str) -> list[str]:
    """Who has tagged this statement with this source (to say why a removal found nothing)."""
    with project.read() as conn:
        source_id = resolve_source(conn, source)
        return [
            row.annotator
            for row in tag_store.attributions_of_statement(conn, statement_id)
            if row.source_id == source_id
        ]


# --- the same by names, in one call (suggestions, tests and scripts) ------------------------------


class TagResult:
    """What `tag_statement` did: `tag`'s edit, read the way the callers by name want it."""

    def __init__(self, edit: TagEdit) -> None:
        self.edit = edit
        assert edit.after is not None
        self.attribution_id = edit.after.id
        self.created = edit.created
        self.linked_claims = edit.linked_claims
        self.changes = edit.changes
        self.stance = edit.after.stance  # as stored after the edit


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
    """`resolve_tag` then `tag`: add or change a tag by names. A person's edit of an accepted
    suggestion makes it a person's tag, which `suggest --apply` then never overwrites."""
    change = resolve_tag(
        project,
        statement_id,
        source,
        stance=stance,
        confidence=confidence,
        claims=claims,
        note=note,
        annotator=annotator,
        origin=origin,
    )
    return TagResult(tag(project, change))


def untag_statement(
    project: Project, statement_id: int, source: str, annotator: str | None = None
) -> bool:
    """`find_tag` then `untag`: remove a tag by names; False when there was none."""
    key = find_tag(project, statement_id, source, annotator)
    return key is not None and untag(project, key).removed


# --- internals ------------------------------------------------------------------------------------


def _row(conn: sa.Connection, key: TagKey) -> AttributionRow | None:
    return tag_store.get_attribution(conn, key.statement_id, key.source_id, key.annotator_id)


def _article_of(conn: sa.Connection, statement_id: int) -> int:
    statement = article_store.get_statement(conn, statement_id)
    if statement is None:
        raise DomainError(NO_STATEMENT_WITH_ID.format(id=statement_id))
    return statement.article_id


def _annotator_id(project: Project, name: str, *, create: bool) -> int | None:
    if not create:
        with project.read() as conn:
            return tag_store.annotator_id(conn, name, create=False)
    with project.read() as conn:
        found = tag_store.annotator_id(conn, name, create=False)
    if found is not None:
        return found
    with project.write() as conn:
        return tag_store.annotator_id(conn, name)


def _stance(value: Stance | str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "unknown stance '{stance}' (choose from {choices})"
            ).format(stance=value, choices=", ".join(Stance))
        ) from None
