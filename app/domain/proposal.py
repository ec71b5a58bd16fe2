"""What the suggester proposes: one attribution per statement and source, with its evidence.

Every piece of evidence names the rule or alias that made it count (`Evidence.rule`), so the
person weighing a suggestion sees where it came from, and whether an alias was learnt.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.certainty import Certainty
from app.domain.model import Stance

# How a source mention counted, by where its alias comes from (`Mention.origin`).
ALIAS_RULE = {"": "alias", "knowledge": "alias (knowledge base)", "learnt": "alias (learnt)"}
CUE_RULE = {
    "report": "reporting verb",
    "prep": "attribution phrase",
    "deny": "denial",
    "neutral": "declining to commit",
    "confirm": "confirmation",
}


@dataclass(frozen=True)
class Evidence:
    """Words that triggered a suggestion: `body[start:end] == text`.

    kind: report, prep, deny, neutral, confirm (cues), source (an alias), anaphor ("the
    agency"), hedge, continuation ("En échange"), quotation (a quotation's opening mark).
    """

    text: str
    start: int
    end: int
    kind: str
    # The rule or alias that made it count, for the person weighing the suggestion: "alias",
    # "alias (knowledge base)", "alias (learnt)", "the quotation's speaker", "title"…
    rule: str = ""


@dataclass(frozen=True)
class StatementRef:
    """A statement to suggest for: the caller's key and its span in the body."""

    key: int
    start: int
    end: int


@dataclass(frozen=True)
class Proposal:
    """One suggested attribution for one statement."""

    key: int
    source: str
    stance: Stance
    certainty: Certainty
    score: float
    evidence: tuple[Evidence, ...]


def tidy(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """In text order, without duplicates or pieces inside a longer piece of the same kind."""
    unique = sorted(set(evidence), key=lambda e: (e.start, -e.end))
    kept: list[Evidence] = []
    for item in unique:
        if not any(k.start <= item.start and item.end <= k.end and k != item for k in kept):
            kept.append(item)
    return tuple(kept)
