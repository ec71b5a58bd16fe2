"""Reading the tags of one span out of its REFI-QDA codings (pure rules, no file, no project).

A tag is (source, coder) on a span. Sourcetrack's own codebook names every part of a tag with
codes of that source ("Seoul", "Seoul ▸ denies", "Seoul ▸ Probable"), so the codings of a span
say the tags whatever the selections they came in: one selection per tag (Sourcetrack), one
selection per coding (QualCoder's export), or any other grouping. Codes shared by all sources
("stance: denies", of older Sourcetrack files and of other programs) cannot say whose stance
they are on their own: they go to the sources coded in the same selection, else to every
source of the span, and two different ones for one tag are refused.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from app.domain.model import DomainError, Stance
from app.domain.wording import QT_TRANSLATE_NOOP, Words

_T = TypeVar("_T")


class Kind(enum.StrEnum):
    SOURCE = "source"
    STANCE = "stance"
    LEVEL = "level"
    CLAIM = "claim"
    STATEMENT = "statement"  # marks a statement, tagged or not
    UNMAPPED = "unmapped"  # a code that means nothing to Sourcetrack (counted, reported)


@dataclass(frozen=True)
class Meaning:
    """What a code stands for. `source` is the source of a source code, and of a per-source
    stance or level code; a prefixed stance or level code has none (it is shared)."""

    kind: Kind
    source: int | None = None
    stance: Stance | None = None
    level: int | None = None
    label: str = ""  # a claim's label, or an unmapped code's name


@dataclass(frozen=True)
class Coding:
    """One code on the span, as the file gives it."""

    selection: int  # the selection it came in (prefixed axes go to that selection's sources)
    meaning: Meaning
    user: str | None
    created: datetime | None
    modified: datetime | None
    note: str = ""


@dataclass(frozen=True)
class TagReading:
    source: int
    user: str | None
    stance: Stance
    level: int | None
    note: str
    created: datetime | None
    modified: datetime | None


@dataclass
class SpanReading:
    tags: list[TagReading] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)  # labels, sorted
    unmapped: Counter[str] = field(default_factory=Counter)


class ConflictingCodings(DomainError):
    """One tag coded with two stances (or two levels): Sourcetrack holds one of each."""


@dataclass
class _Draft:
    stances: set[Stance] = field(default_factory=set)
    levels: set[int] = field(default_factory=set)
    selections: set[int] = field(default_factory=set)  # where its source code was coded
    source_notes: list[str] = field(default_factory=list)
    axis_notes: list[str] = field(default_factory=list)
    created: list[datetime] = field(default_factory=list)
    modified: list[datetime] = field(default_factory=list)

    def dated(self, coding: Coding) -> None:
        if coding.created is not None:
            self.created.append(coding.created)
        latest = coding.modified or coding.created
        if latest is not None:
            self.modified.append(latest)


A_SPAN = QT_TRANSLATE_NOOP("Refusals", "a span")  # where a conflict is, when no one says


def read_span(codings: list[Coding], where: str = A_SPAN) -> SpanReading:
    """The tags, claims and unmapped codes of one span; ConflictingCodings names `where`."""
    reading = SpanReading()
    drafts: dict[tuple[int, str | None], _Draft] = {}
    shared_stances: dict[int, set[Stance]] = {}  # prefixed axes, by selection
    shared_levels: dict[int, set[int]] = {}
    claims: set[str] = set()
    for coding in codings:
        meaning = coding.meaning
        if meaning.kind is Kind.CLAIM:
            claims.add(meaning.label)
        elif meaning.kind is Kind.UNMAPPED:
            reading.unmapped[meaning.label] += 1
        elif meaning.kind in (Kind.STANCE, Kind.LEVEL) and meaning.source is None:
            if meaning.stance is not None:
                shared_stances.setdefault(coding.selection, set()).add(meaning.stance)
            if meaning.level is not None:
                shared_levels.setdefault(coding.selection, set()).add(meaning.level)
        elif meaning.source is not None:
            draft = drafts.setdefault((meaning.source, coding.user), _Draft())
            draft.dated(coding)
            if meaning.kind is Kind.SOURCE:
                draft.selections.add(coding.selection)
                draft.source_notes.append(coding.note)
            else:
                draft.axis_notes.append(coding.note)
                if meaning.stance is not None:
                    draft.stances.add(meaning.stance)
                if meaning.level is not None:
                    draft.levels.add(meaning.level)
    # Prefixed axes coded without a source in their selection belong to the whole span.
    tagged = {s for draft in drafts.values() for s in draft.selections}
    span_stances = {v for s, vs in shared_stances.items() if s not in tagged for v in vs}
    span_levels = {v for s, vs in shared_levels.items() if s not in tagged for v in vs}
    for (source, user), draft in drafts.items():
        stance = _one(
            draft.stances,
            {v for s in draft.selections for v in shared_stances.get(s, ())},
            span_stances,
            QT_TRANSLATE_NOOP("Refusals", "{where}: one tag carries {n} different stances"),
            where,
        )
        level = _one(
            draft.levels,
            {v for s in draft.selections for v in shared_levels.get(s, ())},
            span_levels,
            QT_TRANSLATE_NOOP(
                "Refusals", "{where}: one tag carries {n} different confidence levels"
            ),
            where,
        )
        note = next((n for n in (*draft.source_notes, *draft.axis_notes) if n), "")
        reading.tags.append(
            TagReading(
                source=source,
                user=user,
                stance=stance or Stance.ASSERTS,
                level=level,
                note=note,
                created=min(draft.created) if draft.created else None,
                modified=max(draft.modified) if draft.modified else None,
            )
        )
    reading.claims = sorted(claims)
    return reading


def _one(own: set[_T], selection: set[_T], span: set[_T], message: Words, where: str) -> _T | None:
    """The tag's own value, else its selection's, else the span's; two different: refused."""
    for candidates in (own, selection, span):
        if len(candidates) > 1:
            raise ConflictingCodings(message.format(where=where, n=len(candidates)))
        if candidates:
            return next(iter(candidates))
    return None
