"""The tags of one layer (see `app.domain.layers`) as rows the comparison queries read.

A layer is read as a table of (statement_id, source_id, stance, confidence_level_id) rows, one
per (statement, source) pair of the layer:

- every tag, when at most one annotator has judged the project: the attributions table itself,
  so that a project tagged by one person is compared by the very queries it always was (but
  the consensus annotator's tags, where it has some: adjudication is no coder's reading, and
  the consensus is no annotator of the layer where they agree);
- one annotator's tags: the attributions table, restricted to theirs;
- where all annotators agree: the tags of the statements only one annotator judged, as they are,
  and for the statements several judged (`several`), one row per pair they all tagged with one
  stance, at the least firm level any of them gave.

An annotator has judged a statement when they tagged it or marked it "no source" (see
`app.domain.judgements`): a coder who found no source in a statement another coder tagged
disagrees with that tag.

The statements several annotators judged are found first, once: they are few when the coders
share a corpus out between them or one checks a sample of the other's, and they are all that
needs more than a plain read. They are bound to the queries as a list of ids (the queries are
built once per shape, so that a refresh after one tag costs its SQL and little more); past
`_MAX_LISTED` of them the queries find them themselves. Which pairs of those the annotators
differ on is `disagreements`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from app.domain.compare import LEVEL_KEY
from app.domain.layers import CONSENSUS, is_reserved
from app.store.schema import (
    annotators,
    attributions,
    confidence_levels,
    no_source_marks,
    statement_claims,
)

# Up to this many statements judged by several annotators are bound as a list of ids; above it
# the queries find them themselves (a list of bound values has its limits on both engines).
_MAX_LISTED = 5000
# A statement judged by several annotators is looked for among at most this many candidates;
# more, and the queries find them in SQL instead.
_MAX_CANDIDATES = 20_000

_SEVERAL = "layer_several"
_CLAIMS = "layer_claims"
_ANNOTATOR = "layer_annotator"
_EXCLUDED = "layer_excluded"


@dataclass(frozen=True)
class TagLayer:
    """A layer resolved to ids: `annotator_id` alone is that annotator's tags; `agreed`, where
    the annotators agree; neither, every tag (at most one annotator has judged), those of
    `excluded` left out.

    `several` (agreed only): the statements several annotators judged, as a list of ids, or
    None when they are too many to list (the queries then find them in SQL); `claim_ids`: the
    layer is read for the statements of these claims only (the rows of a refresh)."""

    annotator_id: int | None = None
    agreed: bool = False
    several: tuple[int, ...] | None = ()
    claim_ids: tuple[int, ...] | None = None
    # The consensus annotator(s) (`app.domain.layers.CONSENSUS`), whose tags and marks a layer
    # of the coders (every tag, or where they agree) leaves out: adjudication, not coding.
    excluded: tuple[int, ...] = ()

    @property
    def every_tag(self) -> bool:
        return self.annotator_id is None and not self.agreed and not self.excluded

    @property
    def params(self) -> dict[str, Any]:
        """The values the layer's queries are executed with."""
        params: dict[str, Any] = {}
        if self.annotator_id is not None:
            params[_ANNOTATOR] = self.annotator_id
        if self.excluded:
            params[_EXCLUDED] = list(self.excluded)
        if self.several is not None:
            params[_SEVERAL] = list(self.several)
        if self.claim_ids is not None:
            params[_CLAIMS] = list(self.claim_ids)
        return params


EVERY_TAG = TagLayer()


@dataclass(frozen=True)
class LayerRows:
    """What a query reads a layer from: `rows` (its columns statement_id, source_id, stance,
    confidence_level_id) under `conditions`, executed with `params`. Rows of one `shape` are
    the same SQL whatever the values: a query built on them can be built once."""

    shape: str
    rows: sa.FromClause
    conditions: tuple[sa.ColumnElement[bool], ...] = ()
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def c(self) -> Any:
        return self.rows.c

    def restrict(self, query: sa.Select[Any]) -> sa.Select[Any]:
        return query.where(*self.conditions) if self.conditions else query


def judging_annotators(conn: sa.Connection) -> list[tuple[int, str]]:
    """The annotators who have judged a statement (tagged it, or marked it "no source"), by
    name: a few probes of the indexes, never a read of the tags."""
    # One aggregate a query: SQLite answers a lone min() or max() from the index, not both.
    bounds = [conn.scalar(query) for query in _BOUNDS]
    ends = {int(end) for end in bounds if end is not None}
    if not ends:
        return []
    query = sa.select(annotators.c.id, annotators.c.name).order_by(annotators.c.name)
    if len(ends) == 1:  # one annotator: the bounds say so
        only = query.where(annotators.c.id == ends.pop())
        return [(int(i), str(name)) for i, name in conn.execute(only)]
    # One probe per annotator, its id bound: a planner that sees the value takes the index for
    # a rare one (a correlated EXISTS has PostgreSQL scan the tags for each annotator).
    return [
        (int(i), str(name))
        for i, name in conn.execute(query)
        if any(conn.scalar(probe, {_ANNOTATOR: i}) is not None for probe in _PROBES)
    ]


_BOUNDS = [
    sa.select(aggregate(column))
    for column in (attributions.c.annotator_id, no_source_marks.c.annotator_id)
    for aggregate in (sa.func.min, sa.func.max)
]
# `SELECT 1`: answered from the annotator indexes alone (`SELECT *` has SQLite read the tags).
_PROBES: list[sa.Select[Any]] = [
    sa.select(sa.literal_column("1"))
    .select_from(table)
    .where(table.c.annotator_id == sa.bindparam(_ANNOTATOR))
    .limit(1)
    for table in (attributions, no_source_marks)
]


def agreed_layer(
    conn: sa.Connection, annotator_ids: Sequence[int], claim_ids: Sequence[int] | None = None
) -> TagLayer:
    """Where the annotators agree (`annotator_ids`: every annotator who has judged), for the
    statements of `claim_ids` (default: all). With one annotator, or none judging a statement
    another judged, that is every tag.

    The consensus annotator is none of them, named or not: its tags adjudicate the coders'
    disagreements and are no reading of theirs, so it neither makes a statement judged by
    several nor has a say in what they agree on, and its tags are left out of the layer."""
    excluded = consensus_ids(conn)
    ids = tuple(sorted(set(annotator_ids) - set(excluded)))
    coders = TagLayer(excluded=excluded) if excluded else EVERY_TAG
    if len(ids) < 2:
        return coders
    several = _several(conn, ids, claim_ids, excluded)
    if several is not None and not several:
        return coders
    claims = None if claim_ids is None else tuple(sorted(set(claim_ids)))
    return TagLayer(agreed=True, several=several, claim_ids=claims, excluded=excluded)


def consensus_ids(conn: sa.Connection) -> tuple[int, ...]:
    """The ids of the reserved consensus annotator (under any spelling of its name)."""
    query = sa.select(annotators.c.id, annotators.c.name).where(
        sa.func.lower(annotators.c.name) == CONSENSUS
    )
    return tuple(sorted(int(i) for i, name in conn.execute(query) if is_reserved(str(name))))


def _several(
    conn: sa.Connection,
    ids: Sequence[int],
    claim_ids: Sequence[int] | None,
    excluded: Sequence[int] = (),
) -> tuple[int, ...] | None:
    """The statements judged by two annotators or more (of `claim_ids`, when given), or None
    when there may be more than `_MAX_LISTED` of them.

    Over the whole project only the statements judged by someone other than the annotator with
    the most tags can be judged twice: those few are looked up by annotator (one coder has
    tagged most of the corpus, another a sample of it). Where several annotators have tagged
    much, the statements are found in SQL by the queries themselves."""
    judges: dict[int, set[int]] = {}
    if claim_ids is not None:
        params = {_CLAIMS: sorted(set(claim_ids)), _EXCLUDED: list(excluded) or [0]}
        found = conn.execute(_CLAIM_SEVERAL, params).scalars()
        several = tuple(int(i) for i in found)
        return several if len(several) <= _MAX_LISTED else None
    else:
        counts = {i: _tags_up_to(conn, i, _MAX_CANDIDATES + 1) for i in ids}
        most = max(ids, key=lambda i: (counts[i], -i))
        others = [i for i in ids if i != most]
        if sum(counts[i] for i in others) > _MAX_CANDIDATES:
            return None
        candidates: set[int] = set()
        for annotator_id in others:
            candidates.update(_judged_by(conn, annotator_id))
        if len(candidates) > _MAX_CANDIDATES:
            return None
        ordered = sorted(candidates)
        for first in range(0, len(ordered), _CHUNK):
            chunk = ordered[first : first + _CHUNK]
            for statement_id, annotator_id in conn.execute(_JUDGEMENTS_OF, {"ids": chunk}):
                if annotator_id not in excluded:
                    judges.setdefault(int(statement_id), set()).add(int(annotator_id))
    several = tuple(sorted(i for i, who in judges.items() if len(who) > 1))
    return several if len(several) <= _MAX_LISTED else None


_CHUNK = 500  # ids per IN (…): below SQLite's limit of bound parameters


def _of_claims(table: sa.Table) -> sa.Select[Any]:
    return (
        sa.select(table.c.statement_id, table.c.annotator_id)
        .join(statement_claims, statement_claims.c.statement_id == table.c.statement_id)
        .where(
            statement_claims.c.claim_id.in_(sa.bindparam(_CLAIMS, expanding=True)),
            table.c.annotator_id.not_in(sa.bindparam(_EXCLUDED, expanding=True)),
        )
    )


# The statements of some claims that several annotators judged; who judged some statements.
_CLAIM_JUDGED = sa.union_all(_of_claims(attributions), _of_claims(no_source_marks)).subquery()
_CLAIM_SEVERAL = (
    sa.select(_CLAIM_JUDGED.c.statement_id)
    .group_by(_CLAIM_JUDGED.c.statement_id)
    .having(sa.func.count(sa.distinct(_CLAIM_JUDGED.c.annotator_id)) > 1)
    .order_by(_CLAIM_JUDGED.c.statement_id)
)
_JUDGEMENTS_OF = sa.union(
    *(
        sa.select(table.c.statement_id, table.c.annotator_id).where(
            table.c.statement_id.in_(sa.bindparam("ids", expanding=True))
        )
        for table in (attributions, no_source_marks)
    )
)


def _by_annotator(conn: sa.Connection) -> str:
    """SQLite's planner, from statistics gathered while one annotator had tagged everything,
    takes the annotator index for useless and reads every tag: told to use it."""
    return " INDEXED BY ix_attributions_annotator_id" if conn.dialect.name == "sqlite" else ""


def _tags_up_to(conn: sa.Connection, annotator_id: int, cap: int) -> int:
    """How many tags the annotator has, counting no further than `cap`."""
    query = sa.text(
        f"SELECT count(*) FROM (SELECT 1 FROM attributions{_by_annotator(conn)} "
        "WHERE annotator_id = :annotator LIMIT :cap) AS tagged"
    )
    return int(conn.scalar(query, {"annotator": annotator_id, "cap": cap}) or 0)


def _judged_by(conn: sa.Connection, annotator_id: int) -> set[int]:
    """The statements the annotator tagged or marked "no source"."""
    tagged = sa.text(
        f"SELECT statement_id FROM attributions{_by_annotator(conn)} "
        "WHERE annotator_id = :annotator"
    )
    found = {int(i) for i in conn.execute(tagged, {"annotator": annotator_id}).scalars()}
    marked = sa.select(no_source_marks.c.statement_id).where(
        no_source_marks.c.annotator_id == annotator_id
    )
    found.update(int(i) for i in conn.execute(marked).scalars())
    return found


# --- the queries' rows, built once per shape ---------------------------------------------------


def _coding(table: sa.FromClause, excluding: bool) -> list[sa.ColumnElement[bool]]:
    """The conditions that keep the coders' rows of `table` (tags or marks): all of them, or
    (`excluding`) all but the consensus annotator's."""
    if not excluding:
        return []
    return [table.c.annotator_id.not_in(sa.bindparam(_EXCLUDED, expanding=True))]


def _in_several(
    listed: bool, excluding: bool, column: sa.ColumnElement[int]
) -> sa.ColumnElement[bool]:
    """`column` names a statement several annotators judged: one of the bound list, or found
    here (a full pass over the judgements) when they are too many to list."""
    if listed:
        return column.in_(sa.bindparam(_SEVERAL, expanding=True))
    judged = sa.union_all(
        *(
            sa.select(table.c.statement_id, table.c.annotator_id).where(*_coding(table, excluding))
            for table in (attributions, no_source_marks)
        )
    ).subquery("all_judgements")
    several = (
        sa.select(judged.c.statement_id)
        .group_by(judged.c.statement_id)
        .having(sa.func.count(sa.distinct(judged.c.annotator_id)) > 1)
    )
    return column.in_(several)


def _pairs(listed: bool, excluding: bool) -> tuple[sa.Subquery, sa.Subquery]:
    """For the statements several annotators judged: how many judged each (`judges`: tagged it
    or marked it "no source"), and per (statement, source) how many tagged it, its lowest and
    highest stance and its least firm level as `rank * LEVEL_KEY + level id` (`pairs`)."""
    tag = attributions.alias("several_tags")
    judged = sa.union_all(
        *(
            sa.select(table.c.statement_id, table.c.annotator_id).where(
                _in_several(listed, excluding, table.c.statement_id), *_coding(table, excluding)
            )
            for table in (attributions, no_source_marks)
        )
    ).subquery("judgements")
    judges = (
        sa.select(
            judged.c.statement_id, sa.func.count(sa.distinct(judged.c.annotator_id)).label("n")
        )
        .group_by(judged.c.statement_id)
        .subquery("judges")
    )
    key = sa.cast(confidence_levels.c.rank, sa.BigInteger) * LEVEL_KEY + confidence_levels.c.id
    pairs = (
        sa.select(
            tag.c.statement_id,
            tag.c.source_id,
            sa.func.count().label("tags"),
            sa.func.min(tag.c.stance).label("low"),
            sa.func.max(tag.c.stance).label("high"),
            sa.func.max(key).label("least_firm"),
        )
        .select_from(tag)
        .outerjoin(confidence_levels, confidence_levels.c.id == tag.c.confidence_level_id)
        .where(_in_several(listed, excluding, tag.c.statement_id), *_coding(tag, excluding))
        .group_by(tag.c.statement_id, tag.c.source_id)
        .subquery("pairs")
    )
    return judges, pairs


def _agreed_pairs(listed: bool, excluding: bool) -> sa.Select[Any]:
    """One row per pair of a statement several judged that all of them tagged alike."""
    judges, pairs = _pairs(listed, excluding)
    return (
        sa.select(
            pairs.c.statement_id,
            pairs.c.source_id,
            pairs.c.low.label("stance"),
            sa.cast(pairs.c.least_firm % LEVEL_KEY, sa.Integer).label("confidence_level_id"),
        )
        .select_from(pairs)
        .join(judges, judges.c.statement_id == pairs.c.statement_id)
        .where(pairs.c.tags == judges.c.n, pairs.c.low == pairs.c.high)
    )


@functools.cache
def _agreed_only(listed: bool, excluding: bool) -> sa.Subquery:
    return _agreed_pairs(listed, excluding).subquery("agreed")


@functools.cache
def _agreed_rows(listed: bool, of_claims: bool, excluding: bool) -> sa.Subquery:
    alone = sa.select(
        attributions.c.statement_id,
        attributions.c.source_id,
        attributions.c.stance,
        attributions.c.confidence_level_id,
    ).where(
        sa.not_(_in_several(listed, excluding, attributions.c.statement_id)),
        *_coding(attributions, excluding),
    )
    if of_claims:  # a few claims' rows: their statements' tags, not all
        claimed = sa.select(statement_claims.c.statement_id).where(
            statement_claims.c.claim_id.in_(sa.bindparam(_CLAIMS, expanding=True))
        )
        alone = alone.where(attributions.c.statement_id.in_(claimed))
    return sa.union_all(alone, _agreed_pairs(listed, excluding)).subquery("layer")


@functools.cache
def _differing(listed: bool, excluding: bool) -> sa.Subquery:
    judges, pairs = _pairs(listed, excluding)
    return (
        sa.select(pairs.c.statement_id, pairs.c.source_id)
        .select_from(pairs)
        .join(judges, judges.c.statement_id == pairs.c.statement_id)
        .where(sa.or_(pairs.c.tags != judges.c.n, pairs.c.low != pairs.c.high))
        .subquery("differ")
    )


def layer_rows(layer: TagLayer) -> LayerRows:
    """The rows of a layer, one per (statement, source) pair."""
    if layer.every_tag:
        return LayerRows("every tag", attributions)
    if layer.annotator_id is not None:
        return LayerRows("annotator", attributions, (_ONE_ANNOTATOR,), layer.params)
    excluding = bool(layer.excluded)
    if not layer.agreed:  # at most one coder, and the consensus left out
        coding = tuple(_coding(attributions, True))
        return LayerRows("every coder's tag", attributions, coding, layer.params)
    listed, of_claims = layer.several is not None, layer.claim_ids is not None
    rows = _agreed_rows(listed, of_claims, excluding)
    return LayerRows(f"agreed {listed} {of_claims} {excluding}", rows, (), layer.params)


_ONE_ANNOTATOR = attributions.c.annotator_id == sa.bindparam(_ANNOTATOR)


def layer_parts(layer: TagLayer) -> tuple[LayerRows, LayerRows] | None:
    """The agreed layer in two parts that add up to it: the tags of the statements one
    annotator judged (the attributions table, those statements left out) and the agreed pairs
    of the statements several judged. Counts over the two add up, as do their minima, and each
    part is read the fast way: the first by the plain query over the tags' index, the second
    over the few statements listed. None for any other layer, or too many statements to list
    (`layer_rows` then reads it whole)."""
    if not layer.agreed or layer.several is None:
        return None
    params, excluding = layer.params, bool(layer.excluded)
    alone = (sa.not_(_in_several(True, excluding, attributions.c.statement_id)),)
    return (
        LayerRows(
            f"judged once {excluding}",
            attributions,
            alone + tuple(_coding(attributions, excluding)),
            params,
        ),
        LayerRows(f"agreed pairs {excluding}", _agreed_only(True, excluding), (), params),
    )


def disagreements(layer: TagLayer) -> LayerRows | None:
    """The (statement_id, source_id) pairs the annotators who judged the statement differ on
    (not all tagged the source, or not with one stance), from the layer where they agree
    (`agreed_layer`); None when no statement was judged by several."""
    if not layer.agreed:
        return None
    listed, excluding = layer.several is not None, bool(layer.excluded)
    return LayerRows(
        f"differ {listed} {excluding}", _differing(listed, excluding), (), layer.params
    )
