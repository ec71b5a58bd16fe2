"""How the comparison matrix reads a source's tags on one claim: the cell's stance and flags."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import Stance

MIXED = "mixed"


@dataclass(frozen=True)
class CellCounts:
    """Aggregates for one (claim, source) pair, as the store computes them in SQL."""

    claim_id: int
    source_id: int
    asserts: int
    denies: int
    neutral: int
    best_rank: int | None
    statements: int
    articles: int | None  # None: not counted (see store.compare_queries.claim_cells)


def cell_stance(counts: CellCounts) -> str:
    """asserts, denies or neutral when the tags agree; 'mixed' when they assert and deny."""
    if counts.asserts and counts.denies:
        return MIXED
    if counts.asserts:
        return Stance.ASSERTS.value
    if counts.denies:
        return Stance.DENIES.value
    return Stance.NEUTRAL.value


def is_contradiction(cells: list[CellCounts]) -> bool:
    """A claim is contested when one source asserts it and another source denies it."""
    asserting = {c.source_id for c in cells if c.asserts}
    denying = {c.source_id for c in cells if c.denies}
    return any(a != d for a in asserting for d in denying)
