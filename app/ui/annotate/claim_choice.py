"""Which claim Enter in the claim box links, without Qt: what the completion popup shows is
what Enter takes, so a typed prefix never becomes a claim of its own by accident."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.ui.words import QT_TRANSLATE_NOOP

SEVERAL = QT_TRANSLATE_NOOP(
    "ClaimChoice",
    "{count} claims match: choose one with ↓ and Enter, or press Esc and then Enter to make"
    " “{typed}” a new claim.",
)


@dataclass(frozen=True)
class ClaimChoice:
    """The label to link (None: nothing), or why nothing was linked."""

    label: str | None
    hint: str | None = None


def claim_to_link(
    typed: str, shown: Sequence[str], highlighted: str | None, labels: Sequence[str]
) -> ClaimChoice:
    """The claim Enter links.

    `shown` are the completions the popup shows (none when it is closed), `highlighted` the
    one chosen in it with ↓/↑, `labels` every claim of the project. In order: the chosen
    completion; an existing claim spelt as typed, whatever the case; the only completion
    shown; with several shown and none chosen, nothing (and a hint: a guess would link the
    wrong claim); otherwise the typed text, as a new claim.
    """
    typed = typed.strip()
    if highlighted:
        return ClaimChoice(highlighted)
    if not typed:
        return ClaimChoice(None)
    folded = typed.casefold()
    same = next((label for label in labels if label.casefold() == folded), None)
    if same is not None:
        return ClaimChoice(same)
    if len(shown) == 1:
        return ClaimChoice(shown[0])
    if shown:
        return ClaimChoice(None, SEVERAL.format(count=len(shown), typed=typed))
    return ClaimChoice(typed)
