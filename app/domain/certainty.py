"""The suggester's confidence axis and its place on whichever scale a project uses."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from app.domain.defaults import ADMIRALTY_SCALE, ICD203_SCALE


class Certainty(enum.IntEnum):
    """FactBank's certainty axis, as the default scale ranks it (1 is the firmest)."""

    CERTAIN = 1
    PROBABLE = 2
    POSSIBLE = 3
    UNKNOWN = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


# The presets' ranks for each certainty, chosen by their descriptions; None: no such level
# (ICD 203 always commits to a probability, so "cannot tell" is left unset).
_PRESET_RANKS: dict[str, dict[Certainty, int | None]] = {
    ADMIRALTY_SCALE.name: {
        Certainty.CERTAIN: 1,
        Certainty.PROBABLE: 2,
        Certainty.POSSIBLE: 3,
        Certainty.UNKNOWN: 6,
    },
    ICD203_SCALE.name: {
        Certainty.CERTAIN: 1,
        Certainty.PROBABLE: 3,
        Certainty.POSSIBLE: 4,
        Certainty.UNKNOWN: None,
    },
}


def rank_on_scale(
    certainty: Certainty, scale_name: str | None, levels: Sequence[tuple[int, str]]
) -> int | None:
    """The rank on a project's active scale (levels as (rank, label)) for a certainty.

    A level labelled like the certainty wins (the default scale); a preset uses its table; a
    custom scale is read proportionally, firmest to weakest.
    """
    if not levels:
        return None
    for rank, label in levels:
        if label.strip().casefold() == certainty.label.casefold():
            return rank
    if scale_name in _PRESET_RANKS:
        wanted = _PRESET_RANKS[scale_name][certainty]
        return wanted if wanted in {rank for rank, _ in levels} else None
    ranks = sorted(rank for rank, _ in levels)
    position = round((certainty.value - 1) * (len(ranks) - 1) / (len(Certainty) - 1))
    return ranks[position]
