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

The variables are built with whole-array operations (numpy) from the judgements in columns: the
store's `JudgementTable` (plain integers, a tag packed into two), made `Judgements` (each id
turned into its index), then `reliability_arrays`: one pass over the tags finds the statements
judged, and each source's variables come from a slice of its own tags. `reliability_set` gives
the same data as tuples (`ReliabilityData`) from `JudgementRow`s.

Pure rules: the statistics (Krippendorff's α, Cohen's κ, the bootstrap) are computed from this
data in `app.services.reliability`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from app.domain.model import DomainError, Stance
from app.domain.rows import JudgementRow
from app.domain.wording import QT_TRANSLATE_NOOP, Words


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

Ints = npt.NDArray[np.int64]


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


@dataclass(frozen=True)
class JudgementTable:
    """Every judgement of a selection as the store reads it: plain integers by id, a tuple per
    row, and the small tables' names beside them (a string a row would cost a Python object
    each, hundreds of thousands of times).

    `tags`: (statement id, the rest of the tag packed by `pack_tag`); `marks`: (annotator id,
    statement id, article id) of each "no source" mark; `articles`: (statement id, article
    id) of each statement tagged, and maybe of others. A tag whose statement, source or
    annotator is not named here (deleted while it was read), or whose packed value is negative
    (not packable), is left out, as is a level id with no rank (the tag then has no level)."""

    annotator_names: Mapping[int, str]
    source_names: Mapping[int, str]
    level_ranks: Mapping[int, int]
    tags: Sequence[tuple[int, int]]
    marks: Sequence[tuple[int, int, int]]
    articles: Sequence[tuple[int, int]]


NO_LEVEL = 0  # the level id of a tag with none (ids start at 1)
# A tag is read as two integers, its statement and the rest packed into one: the driver builds
# a Python object for each value it reads, and two values a tag cost half of five. Each id
# packed is below 2**ID_BITS; the packed value stays below 2**62.
ID_BITS = 20
STANCE_BITS = 2


def pack_tag(annotator_id: int, source_id: int, stance_code: int, level_id: int) -> int:
    """A tag's annotator, source, stance code and level id (or `NO_LEVEL`) as one integer (the
    store computes the same in SQL)."""
    return (
        ((annotator_id << ID_BITS | source_id) << STANCE_BITS | stance_code) << ID_BITS
    ) | level_id


def _unpacked(packed: Ints) -> tuple[Ints, Ints, Ints, Ints]:
    """The annotator ids, source ids, stance codes and level ids of packed tags."""
    mask = (1 << ID_BITS) - 1
    level = packed & mask
    stance = (packed >> ID_BITS) & ((1 << STANCE_BITS) - 1)
    source = (packed >> (ID_BITS + STANCE_BITS)) & mask
    annotator = packed >> (2 * ID_BITS + STANCE_BITS)
    return annotator, source, stance, level


MISSING = -1  # no value, in the arrays below


@dataclass(frozen=True, eq=False)
class VariableArrays:
    """One variable as arrays: `values[i, u]` is the value annotator `annotators[i]` gave unit
    `u`, or `MISSING`; units in statement order (for all sources, source by source)."""

    axis: Axis
    source: str | None
    annotators: tuple[str, ...]
    statement_ids: Ints
    article_ids: Ints
    values: Ints

    @property
    def units(self) -> int:
        return int(self.statement_ids.size)

    def data(self) -> ReliabilityData:
        """The same variable as tuples, `None` for no value."""
        return ReliabilityData(
            self.axis,
            self.source,
            self.annotators,
            tuple(self.statement_ids.tolist()),
            tuple(self.article_ids.tolist()),
            tuple(
                tuple([None if value == MISSING else value for value in row])
                for row in self.values.tolist()
            ),
        )


@dataclass(frozen=True)
class ReliabilityArrays:
    """Every variable of a comparison, as arrays: per axis, each source's and then all
    sources'."""

    annotators: tuple[str, ...]
    units: int  # statements judged by two or more of the annotators
    variables: tuple[VariableArrays, ...]


@dataclass(frozen=True, eq=False)
class Judgements:
    """The judgements of a selection in columns, each id already its index in a sorted array
    of the ids (so that the variables index with it), the rows the table could not place left
    out: per tag, `annotator` (an index in `annotator_ids`), `statement` (in `statement_ids`),
    `source` (in `source_ids`), `stance` code and `rank` (or `MISSING`); per mark,
    `mark_annotator` and `mark_statement`; per statement read (every one judged, and maybe
    others), its `article_ids` entry."""

    annotator_ids: Ints
    annotator_names: tuple[str, ...]  # of each of `annotator_ids`
    source_ids: Ints
    source_names: tuple[str, ...]
    statement_ids: Ints
    article_ids: Ints
    annotator: Ints
    statement: Ints
    source: Ints
    stance: Ints
    rank: Ints
    mark_annotator: Ints
    mark_statement: Ints

    @classmethod
    def of_table(cls, table: JudgementTable) -> Judgements:
        tags = _int_columns(table.tags, 2)
        tags = tags[tags[:, 1] >= 0]
        annotator_id, source_id, stance, level_id = _unpacked(tags[:, 1])
        marks = _int_columns(table.marks, 3)
        placed = _int_columns(table.articles, 2)
        statement_ids, first = np.unique(
            np.concatenate([placed[:, 0], marks[:, 1]]), return_index=True
        )
        annotator_ids, source_ids = _keys(table.annotator_names), _keys(table.source_names)
        annotator = _positions(annotator_ids, annotator_id)
        statement = _positions(statement_ids, tags[:, 0])
        source = _positions(source_ids, source_id)
        kept = (annotator >= 0) & (statement >= 0) & (source >= 0)
        level_ids = _keys(table.level_ranks)
        ranks = np.array(
            [table.level_ranks[i] for i in level_ids.tolist()] + [MISSING], dtype=np.int64
        )
        mark_annotator = _positions(annotator_ids, marks[:, 0])
        marked = mark_annotator >= 0
        return cls(
            annotator_ids=annotator_ids,
            annotator_names=tuple(table.annotator_names[i] for i in annotator_ids.tolist()),
            source_ids=source_ids,
            source_names=tuple(table.source_names[i] for i in source_ids.tolist()),
            statement_ids=statement_ids,
            article_ids=np.concatenate([placed[:, 1], marks[:, 2]])[first],
            annotator=annotator[kept],
            statement=statement[kept],
            source=source[kept],
            stance=stance[kept],
            rank=ranks[_positions(level_ids, level_id[kept])],  # -1: the MISSING at the end
            mark_annotator=mark_annotator[marked],
            mark_statement=_positions(statement_ids, marks[marked, 1]),
        )

    @classmethod
    def of_rows(cls, judgements: Iterable[JudgementRow]) -> Judgements:
        """The same from `JudgementRow`s (names in place of ids)."""
        rows = list(judgements)
        annotator_ids = {name: i for i, name in enumerate(sorted({r.annotator for r in rows}))}
        source_ids = {name: i for i, name in enumerate(sorted({r.source or "" for r in rows}))}
        ranks = sorted({r.confidence_rank for r in rows if r.confidence_rank is not None})
        level_ids = {rank: i + 1 for i, rank in enumerate(ranks)}
        return cls.of_table(
            JudgementTable(
                annotator_names={i: name for name, i in annotator_ids.items()},
                source_names={i: name for name, i in source_ids.items()},
                level_ranks={i: rank for rank, i in level_ids.items()},
                tags=[
                    (
                        r.statement_id,
                        pack_tag(
                            annotator_ids[r.annotator],
                            source_ids[r.source],
                            STANCE_CODES[r.stance],
                            NO_LEVEL if r.confidence_rank is None else level_ids[r.confidence_rank],
                        ),
                    )
                    for r in rows
                    if r.source is not None and r.stance is not None
                ],
                marks=[
                    (annotator_ids[r.annotator], r.statement_id, r.article_id)
                    for r in rows
                    if r.source is None or r.stance is None
                ],
                articles=list({r.statement_id: r.article_id for r in rows}.items()),
            )
        )

    def annotators(self) -> tuple[str, ...]:
        """Everyone who judged at least one of these statements, in name order."""
        found = np.union1d(self.annotator, self.mark_annotator).tolist()
        return tuple(sorted({self.annotator_names[i] for i in found}))


def _int_columns(rows: Sequence[tuple[int, ...]], width: int) -> Ints:
    """Rows of `width` integers as an array, rows × width (one pass, no tuple per value)."""
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=len(rows) * width)
    return flat.reshape(len(rows), width)


def _keys(mapping: Mapping[int, object]) -> Ints:
    return np.array(sorted(mapping), dtype=np.int64)


def _positions(keys: Ints, wanted: Ints) -> Ints:
    """Each of `wanted`'s index in the sorted, distinct `keys`, or -1 where it is not one."""
    if not keys.size:
        return np.full(wanted.shape, -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
    found: Ints = np.where(keys[at] == wanted, at, -1)
    return found


def judging_annotators(judgements: Iterable[JudgementRow]) -> tuple[str, ...]:
    """Everyone who judged at least one of these statements, in name order."""
    return tuple(sorted({row.annotator for row in judgements}))


def reliability_set(
    judgements: Iterable[JudgementRow], annotators: Sequence[str], sources: Sequence[str]
) -> ReliabilitySet:
    """The reliability data of `annotators` on `sources` (in their order), from judgements in
    any order. Judgements by other annotators and tags of other sources are left out; a tag of
    another source still makes its statement judged."""
    found = reliability_arrays(Judgements.of_rows(judgements), annotators, sources)
    return ReliabilitySet(
        found.annotators, found.units, tuple(variable.data() for variable in found.variables)
    )


def reliability_arrays(
    judgements: Judgements, annotators: Sequence[str], sources: Sequence[str]
) -> ReliabilityArrays:
    """`reliability_set` on judgements in columns, every variable built with whole-array
    operations: the statements judged, then per source a pass over its own tags."""
    names = tuple(annotators)
    if len(set(names)) != len(names):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "each annotator is compared once: a name is given twice")
        )
    if len(names) < 2:
        raise DomainError(_too_few(names))
    m = len(names)
    # Each annotator's index among those compared (-1: not compared), then each source's.
    index_of = {name: i for i, name in enumerate(names)}
    compared = np.array([index_of.get(n, -1) for n in judgements.annotator_names], dtype=np.int64)
    source_index = {name: k for k, name in enumerate(sources)}
    source_compared = np.array(
        [source_index.get(n, -1) for n in judgements.source_names], dtype=np.int64
    )
    statement_ids = judgements.statement_ids
    tag_annotator, tag_statement = compared[judgements.annotator], judgements.statement
    mark_annotator, mark_statement = compared[judgements.mark_annotator], judgements.mark_statement
    # Who judged each statement: a tag of any source, or a mark.
    judged = np.zeros((statement_ids.size, m), dtype=bool)
    by_tag, by_mark = tag_annotator >= 0, mark_annotator >= 0
    judged[tag_statement[by_tag], tag_annotator[by_tag]] = True
    judged[mark_statement[by_mark], mark_annotator[by_mark]] = True
    is_unit = judged.sum(axis=1) >= 2
    unit_of = np.cumsum(is_unit) - 1  # a statement's index among the units, where it is one
    unit_statements, unit_articles = statement_ids[is_unit], judgements.article_ids[is_unit]
    presence_base = np.where(judged[is_unit].T, NOT_TAGGED, MISSING).astype(np.int64)
    # The tags that count: a compared annotator's, of a compared source, on a unit.
    source_of = source_compared[judgements.source]
    counted = by_tag & (source_of >= 0) & is_unit[tag_statement]
    unit = unit_of[tag_statement[counted]]
    who, source_of = tag_annotator[counted], source_of[counted]
    stance, rank = judgements.stance[counted], judgements.rank[counted]
    order = np.argsort(source_of, kind="stable")  # each source's tags, one slice each
    bounds = np.searchsorted(source_of[order], np.arange(len(sources) + 1))
    per_axis: dict[Axis, list[VariableArrays]] = {axis: [] for axis in Axis}
    for k, source in enumerate(sources):
        mine = order[bounds[k] : bounds[k + 1]]
        units, by = unit[mine], who[mine]
        presence = presence_base.copy()
        presence[by, units] = TAGGED
        per_axis[Axis.PRESENCE].append(
            VariableArrays(Axis.PRESENCE, source, names, unit_statements, unit_articles, presence)
        )
        for axis, values in ((Axis.STANCE, stance[mine]), (Axis.CONFIDENCE, rank[mine])):
            given = values != MISSING  # every tag has a stance; not every tag a level
            tagged = (units[given], by[given], values[given])
            per_axis[axis].append(
                _tagged_twice(axis, source, names, tagged, unit_statements, unit_articles)
            )
    variables: list[VariableArrays] = []
    for axis in Axis:
        variables.extend(per_axis[axis])
        variables.append(_all_sources(axis, names, per_axis[axis]))
    return ReliabilityArrays(names, int(is_unit.sum()), tuple(variables))


def _tagged_twice(
    axis: Axis,
    source: str,
    names: tuple[str, ...],
    tagged: tuple[Ints, Ints, Ints],
    unit_statements: Ints,
    unit_articles: Ints,
) -> VariableArrays:
    """The units where two or more annotators gave the source a value (`tagged`: each value's
    unit, annotator and value), with those values: a stance or a level is only comparable
    where both saw the source speak."""
    units, by, values = tagged
    count = np.bincount(units, minlength=unit_statements.size)
    kept = count >= 2
    column = np.cumsum(kept) - 1
    matrix = np.full((len(names), int(kept.sum())), MISSING, dtype=np.int64)
    twice = kept[units]
    matrix[by[twice], column[units[twice]]] = values[twice]
    return VariableArrays(axis, source, names, unit_statements[kept], unit_articles[kept], matrix)


def _too_few(names: Sequence[str]) -> Words:
    if not names:
        return QT_TRANSLATE_NOOP(
            "Refusals",
            "agreement needs two or more annotators, and no one has tagged these statements",
        )
    return QT_TRANSLATE_NOOP(
        "Refusals", "agreement needs two or more annotators; the only one here is '{name}'"
    ).format(name=names[0])


def _all_sources(
    axis: Axis, annotators: tuple[str, ...], per_source: Sequence[VariableArrays]
) -> VariableArrays:
    """The sources' variables of one axis as one, a unit per (statement, source)."""
    empty = np.zeros(0, dtype=np.int64)
    return VariableArrays(
        axis,
        None,
        annotators,
        np.concatenate([empty] + [v.statement_ids for v in per_source]),
        np.concatenate([empty] + [v.article_ids for v in per_source]),
        np.concatenate(
            [np.zeros((len(annotators), 0), dtype=np.int64)] + [v.values for v in per_source],
            axis=1,
        ),
    )
