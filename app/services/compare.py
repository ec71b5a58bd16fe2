"""The comparison use cases: the claims × sources matrix, side by side quotes, timelines and
the per-source figures behind the charts.

Each reads one layer of tags (`app.domain.layers`): an annotator's, the consensus, or where all
annotators agree; by default the only annotator's when one has tagged, else where all agree.
Annotators who differ on a statement are counted apart, as a disagreement between coders
(`MatrixRow.disagreements`), never as a stance of a source or a contradiction between sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.domain.compare import CellCounts, cell_stance, is_contradiction
from app.domain.layers import CONSENSUS, Layer, LayerKind, resolve_layer
from app.domain.model import DomainError
from app.domain.rows import ClaimRow, LevelRow, Quote, SourceRow, TimelinePoint
from app.domain.wording import QT_TRANSLATE_NOOP, Words
from app.services.project import Project
from app.services.refusals import NO_SUCH_ANNOTATOR
from app.store import compare_queries as cq
from app.store import layers as layer_store
from app.store import tags as tag_store
from app.store.compare_queries import MatrixFilter

__all__ = [
    "Cell",
    "Layer",
    "Matrix",
    "MatrixFilter",
    "MatrixRow",
    "compare",
    "matrix_rows_for",
    "side_by_side",
    "claim_timeline",
    "source_figures",
    "claims_touched",
    "judging_annotators",
]

SORTS = ("claim", "sources", "first_date")


@dataclass(frozen=True)
class Cell:
    stance: str  # asserts, denies, neutral or mixed
    confidence_rank: int | None
    confidence_label: str | None
    statements: int
    articles: int | None  # None when computed without (the window fetches it on demand)


@dataclass(frozen=True)
class MatrixRow:
    claim_id: int
    claim: str
    cells: dict[str, Cell]  # by source name; a missing source never mentions the claim
    contradiction: bool  # between sources, within the layer shown
    first_date: date | None = None
    sources_mentioning: int = 0
    # By source name: on how many of the claim's statements the annotators who judged them
    # differ about that source (a disagreement between coders, whatever layer is shown).
    disagreements: dict[str, int] = field(default_factory=dict)

    @property
    def coders_differ(self) -> bool:
        return bool(self.disagreements)


@dataclass(frozen=True)
class Matrix:
    sources: list[str]
    rows: list[MatrixRow]
    all_sources: list[SourceRow] = field(default_factory=list)
    layer: Layer | None = None  # the layer shown (None: a matrix put together by a front end)
    annotators: tuple[str, ...] = ()  # everyone with tags in the project, by name


@dataclass(frozen=True)
class _Layers:
    """A layer resolved against the project: the rows it reads, and where the annotators agree
    (whose complement is their disagreements)."""

    layer: Layer
    read: layer_store.TagLayer
    agreed: layer_store.TagLayer
    annotators: tuple[str, ...]


def judging_annotators(project: Project) -> tuple[str, ...]:
    """Everyone with tags in the project, by name (the layers a comparison can show)."""
    with project.read() as conn:
        return tuple(name for _id, name in layer_store.judging_annotators(conn))


def _layers(
    conn: sa.Connection,
    layer: Layer | None,
    matrix_filter: MatrixFilter | None = None,
    claim_ids: Sequence[int] | None = None,
) -> _Layers:
    """`layer` (or the default one) against the project; an annotator it does not have is
    refused, as `export --annotator` refuses one, not shown as an empty matrix."""
    if layer is None and matrix_filter is not None and matrix_filter.annotator:
        layer = Layer.of(matrix_filter.annotator)
    tagging = layer_store.judging_annotators(conn)
    names = tuple(name for _id, name in tagging)
    chosen = resolve_layer(layer, names)
    agreed = layer_store.agreed_layer(conn, [i for i, _name in tagging], claim_ids)
    if chosen.kind is LayerKind.AGREED:
        return _Layers(chosen, agreed, agreed, names)
    assert chosen.annotator is not None
    if names == (chosen.annotator,):  # the only annotator: every tag is theirs
        return _Layers(chosen, layer_store.EVERY_TAG, agreed, names)
    annotator_id = tag_store.annotator_id(conn, chosen.annotator, create=False)
    if annotator_id is None:
        raise DomainError(_no_such_annotator(chosen.annotator, names))
    return _Layers(chosen, layer_store.TagLayer(annotator_id=annotator_id), agreed, names)


def _no_such_annotator(name: str, names: Sequence[str]) -> Words:
    if name == CONSENSUS:
        return QT_TRANSLATE_NOOP(
            "Refusals",
            "this project has no consensus layer yet (it holds the adjudicated tags, which "
            "adjudication writes)",
        )
    if not names:
        return NO_SUCH_ANNOTATOR.format(name=name)
    return QT_TRANSLATE_NOOP(
        "Refusals", "no annotator called '{name}' in this project (annotators with tags: {names})"
    ).format(name=name, names=", ".join(names))


@dataclass(frozen=True)
class _Context:
    names: dict[int, str]
    shown: set[int]
    labels: dict[int, str]
    levels: dict[int, LevelRow]  # every level of every scale, by id: tags keep theirs


def _context(
    conn: sa.Connection, chosen: Sequence[SourceRow], all_sources: Sequence[SourceRow]
) -> _Context:
    return _Context(
        {s.id: s.name for s in all_sources},
        {s.id for s in chosen},
        {cid: row.label for cid, row in cq.claim_rows(conn).items()},
        tag_store.all_levels(conn),
    )


def _choose(all_sources: list[SourceRow], names: Sequence[str] | None) -> list[SourceRow]:
    if not names:
        return all_sources
    by_name = {s.name.lower(): s for s in all_sources}
    missing = [n for n in names if n.lower() not in by_name]
    if missing:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "unknown source(s): {names}").format(
                names=", ".join(missing)
            )
        )
    return [by_name[n.lower()] for n in names]


def _cell(counts: CellCounts, ctx: _Context) -> Cell:
    level = ctx.levels.get(counts.firmest_level_id() or 0)
    return Cell(
        cell_stance(counts),
        level.rank if level else None,
        level.label if level else None,
        counts.statements,
        counts.articles,
    )


def _rows(
    counts: Iterable[CellCounts],
    ctx: _Context,
    first_dates: dict[int, date | None],
    disagreements: dict[tuple[int, int], int] | None = None,
) -> list[MatrixRow]:
    per_claim: dict[int, list[CellCounts]] = {}
    for cell in counts:
        per_claim.setdefault(cell.claim_id, []).append(cell)
    differ: dict[int, dict[str, int]] = {}
    for (claim_id, source_id), n in (disagreements or {}).items():
        per_claim.setdefault(claim_id, [])  # a claim the coders only disagree on has a row
        if source_id in ctx.shown:
            differ.setdefault(claim_id, {})[ctx.names[source_id]] = n
    rows = []
    for claim_id, cells in per_claim.items():
        shown = [c for c in cells if c.source_id in ctx.shown]
        row_cells = {ctx.names[c.source_id]: _cell(c, ctx) for c in shown}
        rows.append(
            MatrixRow(
                claim_id,
                ctx.labels.get(claim_id, f"claim {claim_id}"),
                row_cells,
                # Contradictions are judged over every source, shown as a column or not.
                is_contradiction(cells),
                first_dates.get(claim_id),
                len({c.source_id for c in cells}),
                differ.get(claim_id, {}),
            )
        )
    return rows


def sort_rows(
    rows: list[MatrixRow], sort: str = "claim", descending: bool = False
) -> list[MatrixRow]:
    keys = {
        "claim": lambda r: r.claim.lower(),
        "sources": lambda r: (r.sources_mentioning, r.claim.lower()),
        "first_date": lambda r: (r.first_date or date.max, r.claim.lower()),
    }
    return sorted(rows, key=keys[sort], reverse=descending)


def compare(
    project: Project,
    source_names: Sequence[str] | None = None,
    *,
    contradictions_only: bool = False,
    annotator: str | None = None,
    matrix_filter: MatrixFilter | None = None,
    never_mentioned_by: str | None = None,
    sort: str = "claim",
    descending: bool = False,
    with_articles: bool = True,
    layer: Layer | None = None,
) -> Matrix:
    """The matrix of one layer (`layer`, or `annotator`'s; by default as `Layer` says);
    `source_names` chooses and orders the columns."""
    matrix_filter = matrix_filter or MatrixFilter()
    if annotator:
        matrix_filter = replace(matrix_filter, annotator=annotator)
    with project.read() as conn:
        layers = _layers(conn, layer, matrix_filter)
        all_sources = tag_store.list_sources(conn)
        chosen = _choose(all_sources, source_names)
        ctx = _context(conn, chosen, all_sources)
        counts = cq.claim_cells(conn, matrix_filter, with_articles=with_articles, layer=layers.read)
        differ = cq.claim_disagreements(conn, layers.agreed, matrix_filter)
        # First dates cost a join with every article: computed only to sort by them.
        first_dates = cq.claim_first_dates(conn, layer=layers.read) if sort == "first_date" else {}
    rows = _rows(counts, ctx, first_dates, differ)
    if contradictions_only:
        rows = [r for r in rows if r.contradiction]
    if never_mentioned_by:
        silent = _choose(all_sources, [never_mentioned_by])[0].name
        rows = [r for r in rows if silent not in _mentioning(r, counts, ctx)]
    return Matrix(
        [s.name for s in chosen],
        sort_rows(rows, sort, descending),
        all_sources,
        layers.layer,
        layers.annotators,
    )


def _mentioning(row: MatrixRow, counts: Sequence[CellCounts], ctx: _Context) -> set[str]:
    return {ctx.names[c.source_id] for c in counts if c.claim_id == row.claim_id}


def cell_articles(
    project: Project,
    claim_id: int,
    source: str,
    matrix_filter: MatrixFilter | None = None,
    layer: Layer | None = None,
) -> int:
    """How many articles back one cell (claim, source) of the matrix of a layer."""
    with project.read() as conn:
        source_id = tag_store.source_id_by_name(conn, source)
        if source_id is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "unknown source '{name}'").format(name=source)
            )
        layers = _layers(conn, layer, matrix_filter, [claim_id])
        return cq.cell_articles(conn, claim_id, source_id, matrix_filter, layers.read)


def claims_touched(project: Project, statement_ids: Sequence[int]) -> set[int]:
    """The claims a change to these statements can affect (to refresh only their rows)."""
    with project.read() as conn:
        return cq.claims_of_statements(conn, statement_ids)


def matrix_rows_for(
    project: Project,
    claim_ids: Sequence[int],
    source_names: Sequence[str] | None = None,
    matrix_filter: MatrixFilter | None = None,
    *,
    with_articles: bool = True,
    with_first_dates: bool = True,
    layer: Layer | None = None,
) -> dict[int, MatrixRow | None]:
    """Fresh rows for some claims only (None: the claim has no tags any more in the layer)."""
    with project.read() as conn:
        layers = _layers(conn, layer, matrix_filter, claim_ids)
        all_sources = tag_store.list_sources(conn)
        ctx = _context(conn, _choose(all_sources, source_names), all_sources)
        counts = cq.claim_cells(
            conn, matrix_filter, claim_ids, with_articles=with_articles, layer=layers.read
        )
        differ = cq.claim_disagreements(conn, layers.agreed, matrix_filter, claim_ids)
        first_dates = cq.claim_first_dates(conn, claim_ids, layers.read) if with_first_dates else {}
    fresh = {row.claim_id: row for row in _rows(counts, ctx, first_dates, differ)}
    return {claim_id: fresh.get(claim_id) for claim_id in claim_ids}


@dataclass(frozen=True)
class SideBySide:
    sources: list[str]
    claims: list[tuple[int, str]]
    quotes: dict[tuple[int, str], list[Quote]]  # (claim id, source) → statements
    layer: Layer | None = None


def side_by_side(
    project: Project,
    source_names: Sequence[str],
    *,
    matrix_filter: MatrixFilter | None = None,
    contradictions_only: bool = False,
    per_cell: int | None = None,
    layer: Layer | None = None,
) -> SideBySide:
    """Rows aligned by claim, one column per chosen source, each cell the source's quotes in one
    layer (the earliest `per_cell` of them, when given; each quote carries its cell's
    `cell_total`). In the layer where annotators agree, a statement they all tagged alike is
    quoted once, at the least firm confidence any of them gave."""
    if len(source_names) < 2:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "choose at least two sources to compare side by side")
        )
    with project.read() as conn:
        layers = _layers(conn, layer, matrix_filter)
        all_sources = tag_store.list_sources(conn)
        chosen = _choose(all_sources, source_names)
        rows = cq.quotes(
            conn, [s.id for s in chosen], matrix_filter, per_cell=per_cell, layer=layers.read
        )
        labels = {cid: r.label for cid, r in cq.claim_rows(conn).items()}
        contested = set()
        if contradictions_only:
            counts = cq.claim_cells(conn, matrix_filter, layer=layers.read)
            per_claim: dict[int, list[CellCounts]] = {}
            for c in counts:
                per_claim.setdefault(c.claim_id, []).append(c)
            contested = {cid for cid, cells in per_claim.items() if is_contradiction(cells)}
    quotes: dict[tuple[int, str], list[Quote]] = {}
    for row in rows:
        if contradictions_only and row.claim_id not in contested:
            continue
        quotes.setdefault((row.claim_id, row.source), []).append(row)
    claim_ids = sorted({c for c, _s in quotes}, key=lambda c: labels[c].lower())
    return SideBySide(
        [s.name for s in chosen], [(c, labels[c]) for c in claim_ids], quotes, layers.layer
    )


def claim_timeline(
    project: Project, claim_id: int, layer: Layer | None = None
) -> list[TimelinePoint]:
    """When each source asserted, denied or mentioned a claim, and how firmly, by date, in one
    layer."""
    with project.read() as conn:
        layers = _layers(conn, layer, None, [claim_id])
        return cq.claim_timeline(conn, claim_id, layers.read)


def source_figures(project: Project, by: str, layer: Layer | None = None) -> list[tuple[Any, ...]]:
    """(source, group, statements) for the charts: by total, stance, confidence (rank), level
    (id) or month, in one layer."""
    if by not in ("total", "stance", "confidence", "level", "month"):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "unknown chart grouping '{name}'").format(name=by)
        )
    with project.read() as conn:
        layers = _layers(conn, layer)
        return cq.per_source(conn, by, layers.read)


def levels(project: Project) -> list[LevelRow]:
    with project.read() as conn:
        return tag_store.active_levels(conn)


def claims(project: Project) -> list[ClaimRow]:
    with project.read() as conn:
        return tag_store.list_claims(conn)
