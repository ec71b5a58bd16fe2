"""Statements that carry a source over from the sentence before (or after) them.

A statement with no cue of its own is still someone's when it continues a speaker's report:
it opens with a continuation connective ("En échange, …", "In return, …"), it runs on in the
French conditional with a pronoun subject (« Elles pourraient y revenir… »), or it is a
quotation alone, next to the sentence naming its speaker. Nothing else is carried over: a
sentence about a treaty after one by Seoul stays unattributed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.domain import cues as C
from app.domain.certainty import Certainty
from app.domain.model import Stance
from app.domain.proposal import Proposal, tidy

if TYPE_CHECKING:
    from app.domain.suggest import _Done, _Statement

SCORE_CARRIED = 0.5  # how far to trust a source carried from another sentence


def _within(span: tuple[int, int], regions: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in regions)


def carry_over(st: _Statement, history: list[_Done], paragraph: int) -> list[Proposal]:
    """A cue-less sentence opening with "En échange", "In return"… continues the one before;
    one that is a quotation alone is the previous sentence's speaker's."""
    connective = C.continuation(st.ft)
    previous = history[-1] if history else None
    conditional = _conditional(st)
    if previous is not None and conditional is not None and _PRONOUN_START.match(st.ft):
        speakers = {link.source for link in previous.links}
        if len(speakers) == 1:
            # « Elles pourraient y revenir… »: reported speech running on in the conditional,
            # its subject a pronoun for what the speaker spoke of ("Ces livraisons
            # s'ajouteraient…" is the journalist's).
            return [carried(st, speakers.pop(), previous, conditional, "reported speech")]
    if previous is None or previous.paragraph != paragraph:
        return []
    if connective is None:
        if not st.opens_with_quote or not previous.links:
            return []
        source = previous.links[0].source
        return [carried(st, source, previous, st.quotes[0], "the quotation's speaker")]
    asserting = {link.source for link in previous.links if link.cue.kind in (C.REPORT, C.PREP)}
    if len({link.source for link in previous.links}) != 1 or len(asserting) != 1:
        return []
    return [carried(st, asserting.pop(), previous, connective, "continues the sentence before")]


_PRONOUN_START = re.compile(r"\W*(?:il|elle|ils|elles)\s")


def _conditional(st: _Statement) -> tuple[int, int] | None:
    """The first verb in the French conditional of a main clause ("pourraient", "aurait")."""
    for start, end in st.hedges:
        word = st.ft[start:end]
        if (
            word.endswith(("rait", "raient"))
            and " " not in word
            and not _within((start, end), st.relatives)
        ):
            return start, end
    return None


def carried(
    st: _Statement, source: str, speaker: _Done, span: tuple[int, int], rule: str
) -> Proposal:
    """A statement asserted by a speaker of another sentence (`speaker`)."""
    hedges = [h for h in st.hedges if not _within(h, st.relatives)]
    certainty = Certainty.POSSIBLE if hedges else Certainty.PROBABLE
    kind = {"the quotation's speaker": "quotation", "reported speech": "hedge"}.get(
        rule, "continuation"
    )
    evidence = [st.evidence(span[0], span[0] + 1 if kind == "quotation" else span[1], kind, rule)]
    if source in speaker.evidence:
        evidence.append(speaker.evidence[source])
    evidence.extend(st.evidence(s, e, "hedge") for s, e in hedges)
    return Proposal(st.ref.key, source, Stance.ASSERTS, certainty, SCORE_CARRIED, tidy(evidence))
