"""Disagreements between coders, and their adjudication into the consensus layer.

`disagreements` lists the statements the coders read differently, each with every coder's
reading side by side. `adjudicate` gives one statement its consensus reading (one coder's tags
taken as they are, or tags written for it) in one transaction, returning the exact rows before
and after; `revert_adjudication` undoes or redoes it while the consensus rows are still as it
left them. The consensus is the reserved annotator `CONSENSUS`: people never tag under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.changes import Changes, ids
from app.domain.disagreements import Reading, ReadTag, differing_sources
from app.domain.edits import ConflictError, TagKey, TagValues
from app.domain.judgements import MarkKey
from app.domain.layers import CONSENSUS, is_reserved
from app.domain.model import DomainError, Origin, Stance
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import consensus as consensus_store
from app.store import judgements as judgement_store
from app.store import layers as layer_store
from app.store import tags as tag_store


@dataclass(frozen=True)
class Disagreement:
    """A statement the coders read differently, with each coder's reading (and the
    consensus, once adjudicated)."""

    statement_id: int
    article_id: int
    article_title: str
    position: int  # the statement's number in its article, from 1
    text: str
    readings: tuple[Reading, ...]  # the coders', by name
    sources: frozenset[str]  # the sources they differ on
    consensus: Reading | None


@dataclass(frozen=True)
class ConsensusTag:
    """A tag as adjudication writes it for the consensus."""

    source_id: int
    stance: Stance
    level_id: int | None
    note: str = ""


@dataclass(frozen=True)
class AdjudicationEdit:
    statement_id: int
    annotator_id: int  # the consensus annotator's
    before: consensus_store.ConsensusRows
    after: consensus_store.ConsensusRows
    changes: Changes


def disagreements(
    project: Project, *, annotators: Sequence[str] = (), article_ids: Sequence[int] = ()
) -> list[Disagreement]:
    """The statements `annotators` (by default every coder with tags or marks) read
    differently, in article and statement order."""
    with project.read() as conn:
        tagging = [
            (i, name) for i, name in layer_store.judging_annotators(conn) if not is_reserved(name)
        ]
        if annotators:
            known = {name: i for i, name in tagging}
            missing = [name for name in annotators if name not in known]
            if missing:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "no annotator named '{name}' has tags in this project"
                    ).format(name=missing[0])
                )
            coder_ids = [known[name] for name in annotators]
        else:
            coder_ids = [i for i, _name in tagging]
        consensus_id = tag_store.annotator_id(conn, CONSENSUS, create=False)
        wanted = coder_ids + ([consensus_id] if consensus_id is not None else [])
        rows = consensus_store.judgements(conn, wanted, article_ids) if len(coder_ids) > 1 else []
        differing = _differing(rows)
        places = consensus_store.places(conn, list(differing))
    out = []
    for statement_id, readings in differing.items():
        place = places[statement_id]
        agreed = next((r for r in readings if is_reserved(r.annotator)), None)
        out.append(
            Disagreement(
                statement_id,
                place.article_id,
                place.article_title,
                place.ordinal + 1,
                place.text,
                tuple(r for r in readings if not is_reserved(r.annotator)),
                differing_sources(readings),
                agreed,
            )
        )
    out.sort(key=lambda d: (d.article_title.casefold(), d.article_id, d.position))
    return out


def _differing(rows: Sequence[consensus_store.JudgementRow]) -> dict[int, list[Reading]]:
    """The readings of the statements on which the coders differ. Plain values are compared
    first: on a large project most statements agree, and only the others become readings."""
    by_statement: dict[int, dict[str, list[consensus_store.JudgementRow]]] = {}
    for row in rows:
        by_statement.setdefault(row.statement_id, {}).setdefault(row.annotator, []).append(row)
    reserved = {row.annotator for row in rows if is_reserved(row.annotator)}
    out: dict[int, list[Reading]] = {}
    for statement_id, judged in by_statement.items():
        values = {
            frozenset((r.source_id, r.stance, r.level_id) for r in found if r.source_id)
            for name, found in judged.items()
            if name not in reserved
        }
        if len(values) < 2:
            continue  # one coder, or all alike
        out[statement_id] = [
            Reading(
                name,
                tuple(
                    ReadTag(r.source_id, r.stance, r.level_id, r.source, r.level)
                    for r in found
                    if r.source_id is not None and r.stance is not None
                ),
            )
            for name, found in sorted(judged.items())
        ]
    return out


def take_reading(project: Project, statement_id: int, annotator: str) -> AdjudicationEdit:
    """The consensus of a statement becomes `annotator`'s reading of it (their tags with
    their notes, or their "no source" mark)."""
    with project.read() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator, create=False)
        if annotator_id is None or is_reserved(annotator):
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no annotator named '{name}' in this project").format(
                    name=annotator
                )
            )
        tags = [
            ConsensusTag(t.source_id, t.stance, t.confidence_level_id, t.note)
            for t in tag_store.attributions_of_statement(conn, statement_id)
            if t.annotator_id == annotator_id
        ]
        marked = judgement_store.get_mark(conn, MarkKey(statement_id, annotator_id))
    if not tags and marked is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "{annotator} has not judged this statement").format(
                annotator=annotator
            )
        )
    return adjudicate(project, statement_id, tags)


def adjudicate(
    project: Project, statement_id: int, tags: Sequence[ConsensusTag]
) -> AdjudicationEdit:
    """Write the consensus reading of a statement: `tags`, or (none) "no source"; whatever
    the consensus said of it before goes, in the same transaction."""
    if len({t.source_id for t in tags}) != len(tags):
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a reading tags each source once"))
    with project.write() as conn:
        judgement_store.lock_statement(conn, statement_id)
        article_id = judgement_store.article_of_statement(conn, statement_id)
        if article_id is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no statement with id {id}").format(id=statement_id)
            )
        for tag in tags:
            if tag_store.get_source(conn, tag.source_id) is None:
                raise DomainError(
                    QT_TRANSLATE_NOOP("Refusals", "no source with id {id}").format(id=tag.source_id)
                )
            if tag.level_id is not None and tag_store.level_by_id(conn, tag.level_id) is None:
                raise DomainError(
                    QT_TRANSLATE_NOOP("Refusals", "no confidence level with id {id}").format(
                        id=tag.level_id
                    )
                )
        consensus_id = tag_store.annotator_id(conn, CONSENSUS)
        assert consensus_id is not None  # made above when missing
        before = consensus_store.consensus_rows(conn, statement_id, consensus_id)
        consensus_store.put_consensus_rows(
            conn, statement_id, consensus_id, consensus_store.ConsensusRows((), None)
        )
        now = tag_store.now()
        for tag in tags:
            key = TagKey(statement_id, tag.source_id, consensus_id)
            values = TagValues(Stance(tag.stance), tag.level_id, tag.note, Origin.MANUAL)
            tag_store.insert_attribution(conn, key, values, now)
        if not tags:
            judgement_store.insert_mark(conn, MarkKey(statement_id, consensus_id), now)
        after = consensus_store.consensus_rows(conn, statement_id, consensus_id)
    changes = Changes(ids([article_id]), ids([statement_id]))
    return AdjudicationEdit(statement_id, consensus_id, before, after, changes)


def revert_adjudication(project: Project, edit: AdjudicationEdit, *, forward: bool) -> Changes:
    """Redo (`forward`) or undo an adjudication, if the consensus rows of the statement are
    as it (or its undo) left them; else ConflictError, and nothing changes."""
    expected, wanted = (edit.before, edit.after) if forward else (edit.after, edit.before)
    with project.write() as conn:
        judgement_store.lock_statement(conn, edit.statement_id)
        current = consensus_store.consensus_rows(conn, edit.statement_id, edit.annotator_id)
        if current != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "the consensus of this statement was changed in another window or process; "
                    "not undone",
                )
            )
        consensus_store.put_consensus_rows(conn, edit.statement_id, edit.annotator_id, wanted)
    return edit.changes
