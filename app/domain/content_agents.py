"""Whose words a denial is when no verb of its own says so: a content denial named in a
relative clause (", ce que le Kremlin avait qualifié de « pure fabrication »"), one before the
verb that reports it ("None of the ships were damaged, the ministry said."), and a quotation's
cues when a sentence has several speakers (the one whose verb opens the quotation)."""

from __future__ import annotations

import re

from app.domain import attribution as A
from app.domain import cues as C
from app.domain.statement_analysis import SCORE_DIRECT
from app.domain.statement_analysis import Analysed as _Statement
from app.domain.statement_analysis import Link as _Link

# ", ce que le Kremlin avait qualifié de « pure fabrication »", "a claim which Kyiv called
# propaganda": the one who names the claim so is the subject of the relative clause.
_RELATIVE_MARKER = re.compile(
    r"(?<![\w-])(?:que|qu'|which|what"
    # "a claim Moscow has called…": an English relative without its pronoun
    r"|(?:a|an|the) (?:claim|charge|accusation|assertion|allegation|report)s?)(?![\w-])"
)
_NAMED_AS = re.compile(
    r"(?<![\w-])(?:qualifi\w*|decri\w*|present\w*|traite\w*) (?:de|d'|comme)|(?<![\w-])"
    r"(?:called|described as|dismissed as|termed|branded|labell?ed|denounced as)(?![\w-])"
)


def namer_in_relative(st: _Statement, cue: C.Cue) -> _Link | None:
    markers = list(_RELATIVE_MARKER.finditer(st.ft, max(0, cue.start - 140), cue.start))
    if not markers:
        return None
    start = markers[-1].end()
    named_as = list(_NAMED_AS.finditer(st.ft, start, cue.end))
    if not named_as or re.search(r"[,;.]", st.ft[named_as[-1].end() : cue.start]):
        return None  # (the cue may open with its own "called": "called an attempt to")
    for mention in st.mentions:
        if start <= mention.start and mention.end <= named_as[-1].start():
            if A.inside(mention.start, st.quotes):
                continue
            context = st.ft[start : cue.end]
            return _Link(cue, mention.source, SCORE_DIRECT, mention, context=context)
    return None


def reported_content(st: _Statement, links: list[_Link]) -> list[_Link]:
    """A denial by content or by a negated claim before the verb that reports it ("None of the
    ships were damaged, the ministry said.", "Only military targets were hit, it said."): the
    reporter's, as a quotation's words are its speaker's."""
    linked = {id(link.cue) for link in links}
    found = []
    for cue in st.cues:
        if cue.kind != C.DENY or not (cue.content or cue.soft) or id(cue) in linked:
            continue
        reporters = [
            link
            for link in links
            if link.cue.kind == C.REPORT
            and link.cue.start > cue.end
            and "," in st.ft[cue.end : link.cue.start]  # the reporter's own clause
        ]
        if reporters:
            last = reporters[0]
            found.append(last.goes_on(cue))
    return found


def introducer(st: _Statement, cue: C.Cue, speakers: list[_Link]) -> _Link | None:
    """The speaker whose verb opens the quotation ("…, ce que le Kremlin avait qualifié de
    « pure fabrication »"), when the sentence has more than one."""
    opening = next((s for s, e in st.quotes if s <= cue.start < e), None)
    if opening is None or len(speakers) < 2:
        return None
    before = [
        link
        for link in speakers
        if link.cue.kind in (C.REPORT, C.DENY)  # "qualifié de « … »", "dismissed as « … »"
        and link.cue.end <= opening
        and opening - link.cue.end <= 30
        and not re.search(r"[,;.]", st.ft[link.cue.end : opening])
    ]
    return before[-1] if before else None
