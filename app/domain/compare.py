"""How the comparison matrix reads a source's tags on one claim: the cell's stance and flags."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import Stance

MIXED = "mixed"


# The store finds a cell's firmest confidence level in one aggregate: min(rank * LEVEL_KEY +
# level id) per stance; the level id then names the tag's own level (and so its own label,
# whatever scale is active now).
LEVEL_KEY = 1_000_000_000


def firmest_level(key: int | None) -> int | None:
    """The level id inside a `rank * LEVEL_KEY + level_id` aggregate."""
    return None if key is None else int(key) % LEVEL_KEY


@dataclass(frozen=True)
class CellCounts:
    """Aggregates for one (claim, source) pair, as the store computes them in SQL.

    `firmest_*` are the `rank * LEVEL_KEY + level_id` of the firmest-ranked tag of each stance
    (None when no tag of that stance has a confidence).
    """

    claim_id: int
    source_id: int
    asserts: int
    denies: int
    neutral: int
    firmest_asserts: int | None
    firmest_denies: int | None
    firmest_neutral: int | None
    statements: int
    articles: int | None  # None: not counted (see store.compare_queries.claim_cells)

    def firmest_level_id(self) -> int | None:
        """The level of the firmest tag among those of the stance the cell shows: its
        confidence belongs to what it says (a neutral mention does not make a denial firm)."""
        stance = cell_stance(self)
        if stance == MIXED:
            keys = [k for k in (self.firmest_asserts, self.firmest_denies) if k is not None]
        else:
            keys = [getattr(self, f"firmest_{stance}")]
        keys = [k for k in keys if k is not None]
        return firmest_level(min(keys)) if keys else None


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
