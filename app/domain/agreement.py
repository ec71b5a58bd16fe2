"""Agreement between annotators: which statements are units, and the reliability data of each
variable.

Reliability data in Krippendorff's sense: for one variable, one value per annotator per unit, or
none. A statement is a unit when two or more of the annotators compared have judged it. An
annotator has judged a statement when they tagged it at least once, or marked it "no source"
(narration, background; see `app.domain.judgements`): such a mark is a `JudgementRow` whose
`source` is None, which makes the statement judged and tags nothing (every source then absent in
their judgement). A statement only one of them judged is no unit: it says nothing about whether
they agree.

Three variables per source:

- presence (nominal): on every unit, 1 from each annotator who tagged the source there and 0
  from each who judged the statement without tagging that source; nothing from the others;
- stance (nominal): the stance of each annotator who tagged the source, on the statements where
  two or more did (a stance is only comparable where both saw the source speak);
- confidence (ordinal, by the level's rank, 1 the firmest): the rank of each annotator who
  tagged the source with a level, on the statements where two or more did.

For each axis, the sources together make one more variable ("all sources"): its units are the
(statement, source) pairs, its values those of the per-source variables.

Pure rules: the statistics (Krippendorff's α, Cohen's κ, the bootstrap) are computed from this
data in `app.services.reliability`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from app.domain.model import DomainError, Stance
from app.domain.rows import JudgementRow


class Axis(enum.StrEnum):
    """What a variable measures of a source on a statement."""

    PRESENCE = "presence"
    STANCE = "stance"
    CONFIDENCE = "confidence"


class Level(enum.StrEnum):
    """Levels of measurement, in the words of the `krippendorff` package."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"


# The levels at which each axis is measured, the first its own. Confidence levels are ordered,
# so ordinal α is the measure; nominal α beside it counts only exact agreement on the level.
LEVELS: dict[Axis, tuple[Level, ...]] = {
    Axis.PRESENCE: (Level.NOMINAL,),
    Axis.STANCE: (Level.NOMINAL,),
    Axis.CONFIDENCE: (Level.ORDINAL, Level.NOMINAL),
}

NOT_TAGGED, TAGGED = 0, 1
# Stances are categories: their codes are names, not quantities (only nominal α is taken).
STANCE_CODES: dict[Stance, int] = {Stance.ASSERTS: 1, Stance.DENIES: 2, Stance.NEUTRAL: 3}


@dataclass(frozen=True)
class ReliabilityData:
    """One variable: `values[i][u]` is the value annotator `annotators[i]` gave unit `u`, or
    None. Every unit has two values or more."""

    axis: Axis
    source: str | None  # None: every source compared, a unit per (statement, source)
    annotators: tuple[str, ...]
    statement_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    values: tuple[tuple[int | None, ...], ...]

    @property
    def units(self) -> int:
        return len(self.statement_ids)


@dataclass(frozen=True)
class ReliabilitySet:
    """Every variable of a comparison: per axis, each source's and then all sources'."""

    annotators: tuple[str, ...]
    units: int  # statements judged by two or more of the annotators
    variables: tuple[ReliabilityData, ...]


def judging_annotators(judgements: Iterable[JudgementRow]) -> tuple[str, ...]:
    """Everyone who judged at least one of these statements, in name order."""
    return tuple(sorted({row.annotator for row in judgements}))


def reliability_set(
    judgements: Iterable[JudgementRow], annotators: Sequence[str], sources: Sequence[str]
) -> ReliabilitySet:
    """The reliability data of `annotators` on `sources` (in their order), from judgements in
    any order. Judgements by other annotators and tags of other sources are left out; a tag of
    another source still makes its statement judged."""
    names = tuple(annotators)
    if len(set(names)) != len(names):
        raise DomainError("each annotator is compared once: a name is given twice")
    if len(names) < 2:
        raise DomainError(_too_few(names))
    tally = _Tally(names, sources)
    tally.add(judgements)
    units = tally.units()
    variables: list[ReliabilityData] = []
    for axis in Axis:
        per_source = [tally.variable(axis, source, units) for source in sources]
        variables.extend(per_source)
        variables.append(_all_sources(axis, names, per_source))
    return ReliabilitySet(names, len(units), tuple(variables))


def _too_few(names: Sequence[str]) -> str:
    if not names:
        return "agreement needs two or more annotators, and no one has tagged these statements"
    return f"agreement needs two or more annotators; the only one here is {names[0]!r}"


class _Tally:
    """The judgements read once: who judged each statement and, for each source compared and
    statement, who tagged it (a bit mask, bit i for annotator i) and with which values (each
    annotator's stance code, then each annotator's rank; None where they gave none)."""

    def __init__(self, annotators: tuple[str, ...], sources: Sequence[str]) -> None:
        self.annotators = annotators
        self.index = {name: i for i, name in enumerate(annotators)}
        self.judged: dict[int, int] = {}  # statement → the annotators who judged it
        self.article_of: dict[int, int] = {}
        self.tagged: dict[str, dict[int, int]] = {s: {} for s in sources}
        self.cells: dict[str, dict[int, list[int | None]]] = {s: {} for s in sources}

    def add(self, judgements: Iterable[JudgementRow]) -> None:
        index, judged, article_of = self.index, self.judged, self.article_of
        m = len(self.annotators)
        for annotator, statement_id, article_id, source, stance, rank in judgements:
            i = index.get(annotator)
            if i is None:
                continue
            bit = 1 << i
            mask = judged.get(statement_id)
            if mask is None:
                judged[statement_id] = bit
                article_of[statement_id] = article_id
            else:
                judged[statement_id] = mask | bit
            if source is None or stance is None:  # "no source": judged, and nothing tagged
                continue
            tagged = self.tagged.get(source)
            if tagged is None:  # a source not compared: it only makes the statement judged
                continue
            tagged[statement_id] = tagged.get(statement_id, 0) | bit
            cells = self.cells[source]
            cell = cells.get(statement_id)
            if cell is None:
                cell = cells[statement_id] = [None] * (2 * m)
            cell[i] = STANCE_CODES[stance]
            cell[m + i] = rank

    def units(self) -> list[int]:
        """The statements judged by two or more annotators (a mask with two bits set or more)."""
        return sorted([sid for sid, mask in self.judged.items() if mask & (mask - 1)])

    def variable(self, axis: Axis, source: str, units: list[int]) -> ReliabilityData:
        m = len(self.annotators)
        if axis is Axis.PRESENCE:
            tagged = self.tagged[source]
            masks = [(self.judged[u], tagged.get(u, 0)) for u in units]
            values = tuple(
                tuple(
                    [
                        (TAGGED if by & bit else NOT_TAGGED) if judged & bit else None
                        for judged, by in masks
                    ]
                )
                for bit in (1 << i for i in range(m))
            )
            return self._data(axis, source, units, values)
        cells = self.cells[source]
        if axis is Axis.STANCE:  # every tag has a stance: two tags, two stances
            first = 0
            kept = [u for u, by in self.tagged[source].items() if by & (by - 1)]
        else:
            first = m
            kept = [u for u, cell in cells.items() if m - cell[m:].count(None) >= 2]
        rows = [cells[u] for u in kept]
        values = tuple(tuple([row[first + i] for row in rows]) for i in range(m))
        return self._data(axis, source, kept, values)

    def _data(
        self,
        axis: Axis,
        source: str | None,
        units: list[int],
        values: tuple[tuple[int | None, ...], ...],
    ) -> ReliabilityData:
        articles = tuple(map(self.article_of.__getitem__, units))
        return ReliabilityData(axis, source, self.annotators, tuple(units), articles, values)


def _all_sources(
    axis: Axis, annotators: tuple[str, ...], per_source: Sequence[ReliabilityData]
) -> ReliabilityData:
    """The sources' variables of one axis as one, a unit per (statement, source)."""
    return ReliabilityData(
        axis,
        None,
        annotators,
        tuple(chain.from_iterable(v.statement_ids for v in per_source)),
        tuple(chain.from_iterable(v.article_ids for v in per_source)),
        tuple(
            tuple(chain.from_iterable(v.values[i] for v in per_source))
            for i in range(len(annotators))
        ),
    )
