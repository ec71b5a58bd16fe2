"""Where coders differ on a statement, and what adjudication writes.

A statement is a *disagreement* when two or more annotators judged it (tagged it, or marked it
"no source") and their readings are not the same: one tagged a source another did not, or
they gave a source different stances or confidence levels. The reserved consensus annotator is
never one of the coders compared: its tags are the adjudication of their disagreement.

Adjudication gives the statement a consensus reading: one annotator's tags taken as they are,
or tags written for the consensus; a reading with no tags is a "no source" mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.domain.layers import is_reserved
from app.domain.model import Stance


class ReadTag(NamedTuple):
    """One tag of a reading: the source, its stance and its confidence level (ids, with the
    names a list shows). A named tuple: a large project's disagreements hold many."""

    source_id: int
    stance: Stance
    level_id: int | None
    source: str = ""
    level: str | None = None

    @property
    def value(self) -> tuple[int, Stance, int | None]:
        """What two readings compare: the names are for showing only."""
        return (self.source_id, self.stance, self.level_id)


@dataclass(frozen=True)
class Reading:
    """One annotator's judgement of one statement: their tags, or "no source" (no tags)."""

    annotator: str
    tags: tuple[ReadTag, ...]

    @property
    def no_source(self) -> bool:
        return not self.tags


def coders(readings: Sequence[Reading]) -> list[Reading]:
    """The readings of people, the consensus left out."""
    return [r for r in readings if not is_reserved(r.annotator)]


def differing_sources(readings: Sequence[Reading]) -> frozenset[str]:
    """The sources on which the coders differ: tagged by some and not all, or not alike."""
    people = coders(readings)
    names = {t.source_id: t.source for r in people for t in r.tags}
    out = set()
    for source_id, name in names.items():
        seen = {next((t.value for t in r.tags if t.source_id == source_id), None) for r in people}
        if len(seen) > 1:
            out.add(name)
    return frozenset(out)
