"""Statements that carry a source over from the sentence before (or after) them.

A statement with no cue of its own is still someone's when it continues a speaker's report:
it opens with a continuation connective ("En échange, …", "In return, …"), it runs on in the
French conditional with a pronoun subject (« Elles pourraient y revenir… »), or it is a
quotation alone, next to the sentence naming its speaker. Nothing else is carried over: a
sentence about a treaty after one by Seoul stays unattributed.

What a speaker leaves behind for later sentences lives here too: the person a statement names
in full ("Dmytro Pletenchuk"), known by surname after, and whether a name no alias knows spoke
(then "she said" is that stranger, not an earlier source).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.domain import cues as C
from app.domain.aliases import fold
from app.domain.attribution import inside
from app.domain.certainty import Certainty
from app.domain.learning import alias_forms, speaker_phrase
from app.domain.model import Stance
from app.domain.proposal import Evidence, Proposal, tidy

if TYPE_CHECKING:
    from app.domain.statement_analysis import Analysed as _Statement
    from app.domain.statement_analysis import Done as _Done

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


# Two capitalised words in a row past the first: a statement that may name a person.
_TWO_CAPITALS = re.compile(r"(?<=.)(?<![.!?] )\b[^\W\d_a-z][\w'-]+\s+[^\W\d_a-z]")


def remember_names(
    text: str,
    offset: int,
    source: str,
    language: str | None,
    names: dict[str, tuple[str, Evidence]],
) -> None:
    """Note the person a statement of `source` (at `offset` in the body) names as its speaker
    ("A spokesman for the navy, Dmytro Pletenchuk, denied"), in full and by surname, so that
    "Pletenchuk said" later in the article is the same speaker's."""
    if not _TWO_CAPITALS.search(text):
        return
    phrase = speaker_phrase(text, language)
    if phrase is None or not phrase.is_name:
        return
    given = Evidence(phrase.text, offset + phrase.start, offset + phrase.end, "source", "name")
    for form in alias_forms(phrase):
        names[fold(form).text] = (source, given)


def names_before(st: _Statement, floor: int, comma: int) -> bool:
    """A source named in the segment before `comma`: the holder of the title after it."""
    begin = st.ft.rfind(",", floor, comma) + 1 or floor
    return any(begin <= m.start and m.end <= comma for m in st.mentions)


def named_stranger(st: _Statement) -> bool:
    """A statement whose first reporting verb has a name before it that no alias matches, its
    subject ("Olena Voronina told reporters", "Voronina rejected suggestions")."""
    for cue in st.cues:
        if cue.kind in (C.REPORT, C.DENY, C.CONFIRM) and not inside(cue.start, st.quotes):
            clause = max(C.clause_start(st.ft, cue.start), st.quotes[-1][1] if st.quotes else 0)
            a, b = st.folded.span(clause, cue.start)
            # A capitalised word past the statement's first, or two in a row ("Olena
            # Voronina"): "The ministry said" or "Officials said" name nobody.
            return _CAPITALISED_NAME.search(st.text, a, b) is not None
    return False


_CAPITALISED_NAME = re.compile(r"(?<=[\w,] )[^\W\d_a-z]|^\W*[^\W\d_a-z][\w'-]+ [^\W\d_a-z]")


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
