"""From the links a statement's cues made to sources, to its suggestions: each source's stance,
how firmly it takes it, and the evidence shown with it (`app.domain.suggest` reads the text)."""

from __future__ import annotations

import re

from app.domain import attribution as A
from app.domain import cues as C
from app.domain.certainty import Certainty
from app.domain.model import Stance
from app.domain.proposal import CUE_RULE, Evidence, Proposal, tidy
from app.domain.statement_analysis import Analysed as _Statement
from app.domain.statement_analysis import Link as _Link

_STANCE_OF = {C.DENY: Stance.DENIES, C.NEUTRAL: Stance.NEUTRAL}
_PRECEDENCE = {Stance.DENIES: 0, Stance.NEUTRAL: 1, Stance.ASSERTS: 2}


def _inside(span: tuple[int, int], regions: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in regions)


def proposals_of(st: _Statement, links: list[_Link], foreign: frozenset[str]) -> list[Proposal]:
    by_source: dict[str, list[_Link]] = {}
    for link in links:
        if link.source in foreign:
            continue  # a speaker the project does not track: no suggestion beats a wrong one
        by_source.setdefault(link.source, []).append(link)
    result: list[Proposal] = []
    for source, own in by_source.items():
        stance = min(
            (_STANCE_OF.get(link.cue.kind, Stance.ASSERTS) for link in own),
            key=_PRECEDENCE.__getitem__,
        )
        if stance is Stance.NEUTRAL and _claims_then_declines(st, own):
            stance = Stance.ASSERTS
        chosen = [link for link in own if _STANCE_OF.get(link.cue.kind, Stance.ASSERTS) is stance]
        certainty, hedges = _certainty(st, source, stance, chosen, links)
        evidence: list[Evidence] = []
        for link in chosen:
            cue_rule = link.rule or CUE_RULE.get(link.cue.kind, "")
            if link.cue.content:
                cue_rule = "denial by what the claim is called"
            elif link.cue.soft:
                cue_rule = "denial by a negated claim"
            evidence.append(
                st.evidence(*C.with_auxiliary(st.ft, link.cue), link.cue.kind, cue_rule)
            )
            if link.mention is not None:
                evidence.append(st.mention_evidence(link.mention))
            if link.anaphor is not None:
                evidence.append(st.evidence(*link.anaphor, "anaphor", "refers back"))
            if link.antecedent is not None:
                evidence.append(link.antecedent)
        evidence.extend(st.evidence(s, e, "hedge") for s, e in hedges)
        score = min(0.99, max(link.score for link in chosen) + 0.03 * (len(chosen) - 1))
        result.append(
            Proposal(st.ref.key, source, stance, certainty, round(score, 2), tidy(evidence))
        )
    return result


_BUT = re.compile(r"(?<![\w-])(?:but|mais|though|although|tout en)(?![\w-])")


def _claims_then_declines(st: _Statement, own: list[_Link]) -> bool:
    """ "Peskov said the advance showed progress, but would not be drawn on the timing", « a
    salué un travail remarquable, sans toutefois confirmer le bilan »: a claim made, then a
    question declined; the claim stands."""
    claims = [link.cue for link in own if link.cue.kind not in (C.DENY, C.NEUTRAL)]
    declines = [link.cue for link in own if link.cue.kind == C.NEUTRAL]
    return bool(claims) and all(
        any(
            c.end <= d.start
            and (
                _BUT.search(st.ft, c.end, d.start)
                # « sans (toutefois) confirmer », "without confirming"
                or A.WITHOUT.search(st.ft, max(c.end, d.start - 20), d.start + 8)
            )
            for c in claims
        )
        for d in declines
    )


def _certainty(
    st: _Statement, source: str, stance: Stance, chosen: list[_Link], links: list[_Link]
) -> tuple[Certainty, list[tuple[int, int]]]:
    """How firmly `source` takes `stance`, and the hedges that lowered it."""
    if stance is Stance.NEUTRAL:
        return Certainty.UNKNOWN, []
    if stance is Stance.DENIES:
        # Only a hedge on the denial itself ("aurait démenti", "reportedly denied") counts;
        # hedges elsewhere belong to the claim being denied.
        local = [
            h
            for h in st.hedges
            if any(link.cue.start - 30 <= h[0] and h[1] <= link.cue.end for link in chosen)
        ]
        if local:
            return Certainty.POSSIBLE, local
        if st.anonymous or any(link.unnamed for link in chosen):
            return Certainty.POSSIBLE, []  # a denial by someone not named
        soft = all(link.cue.soft for link in chosen)
        return (Certainty.PROBABLE if soft else Certainty.CERTAIN), []
    # Hedges in another source's denial or silence, or in a relative clause, stay there.
    excluded = list(st.relatives) + [
        (C.clause_start(st.ft, link.cue.start), link.cue.end)
        for link in links
        if link.source != source and link.cue.kind in (C.DENY, C.NEUTRAL)
    ]
    scoped = [h for h in st.hedges if not _inside(h, excluded)]
    if scoped or any(link.cue.hedged or link.unnamed for link in chosen):
        return Certainty.POSSIBLE, scoped
    if any(link.cue.kind == C.CONFIRM for link in chosen):
        return Certainty.CERTAIN, []
    return Certainty.PROBABLE, []
