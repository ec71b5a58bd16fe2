"""Suggesting who says a statement, how, and how firmly — pure rules, no NLP library.

For each statement of an article, in text order:

1. find the source mentions (aliases, `app.domain.aliases`) and the cues (`app.domain.cues`);
2. attach each cue to the source that is its agent: the subject before a reporting verb
   ("Séoul indique"), the phrase after "selon"/"according to" or after an inverted incise
   (", a révélé l'état-major sud-coréen"); an anaphoric agent ("l'état-major", "the agency",
   "it") takes the source it refers back to;
3. per source, the stance is the strongest attached cue (denies > neutral > asserts), and the
   confidence comes from hedges in its scope (conditional, "reportedly"...) and confirmations;
4. a sentence with no cue at all that opens with a continuation connective ("En échange, …")
   inherits the single source of the sentence before it in the same paragraph. Nothing else
   is carried over: a sentence about a treaty after one by Seoul stays unattributed.

Evidence offsets are absolute character offsets into the article body.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain import cues as C
from app.domain.aliases import AliasMatcher, Folded, Mention, SourceAliases, fold
from app.domain.certainty import Certainty
from app.domain.model import Origin, Stance

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_STANCE_OF = {C.DENY: Stance.DENIES, C.NEUTRAL: Stance.NEUTRAL}
_PRECEDENCE = {Stance.DENIES: 0, Stance.NEUTRAL: 1, Stance.ASSERTS: 2}
# How much a suggestion is to be trusted, by how its source was found.
SCORE_DIRECT, SCORE_FAR, SCORE_ANAPHORA, SCORE_CARRIED = 0.9, 0.85, 0.7, 0.5


@dataclass(frozen=True)
class Evidence:
    """Words that triggered a suggestion: `body[start:end] == text`.

    kind: report, prep, deny, neutral, confirm (cues), source (an alias), anaphor ("the
    agency"), hedge, continuation ("En échange").
    """

    text: str
    start: int
    end: int
    kind: str


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


# --- a suggestion against the tag already there ----------------------------------------------


class Status(enum.StrEnum):
    """A suggestion against the annotator's existing tag for the same statement and source."""

    NEW = "new"  # no tag yet: accepting creates one
    TAGGED = "tagged"  # the tag says the same already
    DIFFERS = "differs"  # a suggestion-made tag says otherwise: accepting updates it
    KEPT = "kept"  # a person's tag (manual or imported) says otherwise: it is never overwritten
    DISMISSED = "dismissed"

    @property
    def pending(self) -> bool:
        """Worth offering: accepting the suggestion would change something."""
        return self in (Status.NEW, Status.DIFFERS)


@dataclass(frozen=True)
class ExistingTag:
    """The annotator's tag a suggestion is weighed against (same statement, same source)."""

    stance: Stance
    confidence_level_id: int | None
    origin: Origin


def status_against(
    existing: ExistingTag | None,
    stance: Stance,
    confidence_level_id: int | None,
    *,
    dismissed: Stance | None = None,
) -> Status:
    """Where a suggestion of `stance` and level stands against the annotator's tag.

    The one rule of machine help: a suggestion may create a tag or update a tag that is itself
    a suggestion, and a person's tag (origin manual or imported) is never overwritten by one.
    A dismissal hides the suggestion only while it proposes the stance that was dismissed.
    """
    if existing is not None and (existing.stance, existing.confidence_level_id) == (
        stance,
        confidence_level_id,
    ):
        return Status.TAGGED
    if dismissed is not None and dismissed == stance:
        return Status.DISMISSED
    if existing is None:
        return Status.NEW
    return Status.DIFFERS if existing.origin is Origin.SUGGESTION else Status.KEPT


@dataclass(frozen=True)
class _Link:
    """A cue attached to a source."""

    cue: C.Cue
    source: str
    score: float
    mention: Mention | None = None  # in this statement
    anaphor: tuple[int, int] | None = None  # folded span in this statement
    antecedent: Evidence | None = None  # the earlier mention an anaphor points to
    context: str = ""  # folded words around the agent, for later anaphora ("état-major")


@dataclass
class _Done:
    """What later statements may refer back to."""

    paragraph: int
    links: list[_Link] = field(default_factory=list)
    carried: bool = False
    evidence: dict[str, Evidence] = field(default_factory=dict)  # source -> its mention


class _Statement:
    """One statement being analysed: folded text, mentions, cues, and the way back."""

    def __init__(self, body: str, ref: StatementRef, matcher: AliasMatcher, lang: str | None):
        self.body, self.ref = body, ref
        self.text = body[ref.start : ref.end]
        self.folded: Folded = fold(self.text)
        self.ft = self.folded.text
        self.mentions = matcher.mentions(self.ft)
        self.cues = C.find_cues(self.ft, lang)
        self.hedges = C.find_hedges(self.ft, lang, self.cues)
        self.relatives = C.relative_regions(self.ft)

    def evidence(self, start: int, end: int, kind: str) -> Evidence:
        a, b = self.folded.span(start, end)
        a, b = a + self.ref.start, b + self.ref.start
        return Evidence(self.body[a:b], a, b, kind)

    def has_proper_noun(self, start: int, end: int, *, first_too: bool = False) -> bool:
        """A capitalised word in the folded range (the statement's first word aside, unless
        `first_too`): a named speaker."""
        a, b = self.folded.span(start, end)
        return any(
            m.group()[0].isupper()
            for m in re.finditer(r"\w+", self.text[a:b])
            if first_too or a + m.start() > 0
        )


def suggest_article(
    body: str,
    statements: Sequence[StatementRef],
    sources: Sequence[SourceAliases],
    language: str | None,
) -> list[Proposal]:
    """Suggestions for the statements of one article (given in text order)."""
    matcher = AliasMatcher(sources, language)
    history: list[_Done] = []
    proposals: list[Proposal] = []
    paragraph, previous_end = 0, None
    for ref in statements:
        if previous_end is not None and _PARAGRAPH_BREAK.search(body, previous_end, ref.start):
            paragraph += 1
        previous_end = ref.end
        st = _Statement(body, ref, matcher, language)
        done = _Done(paragraph)
        for cue in st.cues:
            link = _attach(st, cue, done.links, history, paragraph)
            if link is not None:
                done.links.append(link)
        if done.links:
            found = _proposals(st, done.links)
        elif not st.cues:
            found = _carry_over(st, history, paragraph)
            done.carried = bool(found)
        else:
            found = []  # cues with an unknown agent ("the U.S. State Department said")
        for proposal in found:
            for item in proposal.evidence:
                if item.kind == "source":
                    done.evidence.setdefault(proposal.source, item)
        if done.carried:
            done.links = []  # a carried source is not carried again
        history.append(done)
        proposals.extend(found)
    return proposals


# --- attaching cues to sources -------------------------------------------------------------


def _attach(
    st: _Statement, cue: C.Cue, earlier: list[_Link], history: list[_Done], paragraph: int
) -> _Link | None:
    if cue.kind == C.PREP or (not cue.participle and C.is_incise(st.ft, cue.start)):
        link, empty = _after(st, cue, earlier, history, paragraph)
        if link is not None or not empty or cue.kind == C.PREP:
            return link
    return _before(st, cue, earlier, history, paragraph)


def _after(
    st: _Statement, cue: C.Cue, earlier: list[_Link], history: list[_Done], paragraph: int
) -> tuple[_Link | None, bool]:
    """The agent after the cue: "selon des déclarations ukrainiennes", ", a dit le NIS"."""
    stop = re.compile(r"[,;.:(«“]").search(st.ft, cue.end)
    limit = min(stop.start() if stop else len(st.ft), cue.end + 80)
    boundary = C.BOUNDARY.search(st.ft, cue.end, limit)
    limit = boundary.start() if boundary else limit
    window = st.ft[cue.end : limit]
    for mention in st.mentions:
        if cue.end <= mention.start and mention.end <= limit:
            return _Link(cue, mention.source, SCORE_DIRECT, mention, context=window), False
    tokens = [(m.group(), cue.end + m.start(), cue.end + m.end()) for m in _TOKEN.finditer(window)]
    while tokens and tokens[0][0] in C.AUXILIARIES:
        tokens.pop(0)  # ", a indiqué lundi l'état-major": the day is not the agent
    if not tokens or not (
        tokens[0][0] in C.DETERMINERS
        or tokens[0][0] in C.PRONOUNS
        or st.has_proper_noun(tokens[0][1], tokens[0][2], first_too=True)
    ):
        # No noun phrase follows (", a affirmé dans son allocution que"): the comma closed
        # an apposition, and the agent is the subject before the verb.
        return None, True
    words = [t[0] for t in tokens]
    if words[0] in C.PRONOUNS or (
        len(words) >= 2 and words[0] in C.DEFINITE and words[1] in C.GENERIC and len(words) <= 3
    ):
        span = (tokens[0][1], tokens[min(1, len(tokens) - 1)][2])
        noun = words[1] if words[0] not in C.PRONOUNS else None
        return _anaphora(st, cue, span, noun, earlier, history, paragraph), False
    return None, False


def _before(
    st: _Statement, cue: C.Cue, earlier: list[_Link], history: list[_Done], paragraph: int
) -> _Link | None:
    """The subject before the cue, searched back one comma-segment at a time in its clause."""
    clause = C.clause_start(st.ft, cue.start)
    position, score = cue.start, SCORE_DIRECT
    while position > clause:
        comma = st.ft.rfind(",", clause, position)
        start = comma + 1 if comma >= 0 else clause
        inside = [m for m in st.mentions if start <= m.start and m.end <= position]
        if inside:
            mention = inside[-1]
            return _Link(cue, mention.source, score, mention, context=st.ft[start:position])
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(st.ft, start, position)]
        while tokens and tokens[-1][0] in C.AUXILIARIES:
            tokens.pop()
        words = [t[0] for t in tokens]
        if words and words[-1] in C.PRONOUNS:
            span = (tokens[-1][1], tokens[-1][2])
            return _anaphora(st, cue, span, None, earlier, history, paragraph)
        if len(words) >= 2 and words[-2] in C.DEFINITE and words[-1] in C.GENERIC:
            span = (tokens[-2][1], tokens[-1][2])
            return _anaphora(st, cue, span, words[-1], earlier, history, paragraph)
        if st.has_proper_noun(start, position):
            return None  # someone else is speaking ("The U.S. State Department said")
        position, score = start - 1, SCORE_FAR
    return None


def _anaphora(
    st: _Statement,
    cue: C.Cue,
    span: tuple[int, int],
    noun: str | None,
    earlier: list[_Link],
    history: list[_Done],
    paragraph: int,
) -> _Link | None:
    """Resolve "it", "l'état-major", "the agency" to a source named before."""
    if earlier:  # "…, a number it said": the source already speaking in this sentence
        last = earlier[-1]
        antecedent = last.antecedent
        if last.mention is not None:
            antecedent = st.evidence(last.mention.start, last.mention.end, "source")
        return _Link(cue, last.source, SCORE_ANAPHORA, None, span, antecedent, last.context)
    if noun:  # "D'après l'état-major": the latest source introduced with that very noun
        for done in reversed(history):
            for link in reversed(done.links):
                if re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", link.context):
                    antecedent = done.evidence.get(link.source)
                    return _Link(
                        cue, link.source, SCORE_ANAPHORA, None, span, antecedent, link.context
                    )
    previous = history[-1] if history and history[-1].paragraph == paragraph else None
    if previous is not None and len({link.source for link in previous.links}) == 1:
        link = previous.links[0]
        antecedent = previous.evidence.get(link.source)
        return _Link(cue, link.source, SCORE_ANAPHORA, None, span, antecedent, link.context)
    return None


# --- stance, confidence and evidence -------------------------------------------------------


def _inside(span: tuple[int, int], regions: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in regions)


def _proposals(st: _Statement, links: list[_Link]) -> list[Proposal]:
    by_source: dict[str, list[_Link]] = {}
    for link in links:
        by_source.setdefault(link.source, []).append(link)
    result: list[Proposal] = []
    for source, own in by_source.items():
        stance = min(
            (_STANCE_OF.get(link.cue.kind, Stance.ASSERTS) for link in own),
            key=_PRECEDENCE.__getitem__,
        )
        chosen = [link for link in own if _STANCE_OF.get(link.cue.kind, Stance.ASSERTS) is stance]
        certainty, hedges = _certainty(st, source, stance, chosen, links)
        evidence: list[Evidence] = []
        for link in chosen:
            evidence.append(st.evidence(*_with_auxiliary(st.ft, link.cue), link.cue.kind))
            if link.mention is not None:
                evidence.append(st.evidence(link.mention.start, link.mention.end, "source"))
            if link.anaphor is not None:
                evidence.append(st.evidence(*link.anaphor, "anaphor"))
            if link.antecedent is not None:
                evidence.append(link.antecedent)
        evidence.extend(st.evidence(s, e, "hedge") for s, e in hedges)
        score = min(0.99, max(link.score for link in chosen) + 0.03 * (len(chosen) - 1))
        result.append(
            Proposal(st.ref.key, source, stance, certainty, round(score, 2), _tidy(evidence))
        )
    return result


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
        return (Certainty.POSSIBLE, local) if local else (Certainty.CERTAIN, [])
    # Hedges in another source's denial or silence, or in a relative clause, stay there.
    excluded = list(st.relatives) + [
        (C.clause_start(st.ft, link.cue.start), link.cue.end)
        for link in links
        if link.source != source and link.cue.kind in (C.DENY, C.NEUTRAL)
    ]
    scoped = [h for h in st.hedges if not _inside(h, excluded)]
    if scoped or any(link.cue.hedged for link in chosen):
        return Certainty.POSSIBLE, scoped
    if any(link.cue.kind == C.CONFIRM for link in chosen):
        return Certainty.CERTAIN, []
    return Certainty.PROBABLE, []


_AUXILIARY_BEFORE = re.compile(
    r"(?<![\w-])(?:a|ont|avait|avaient|has|have|had)(?:\s+(?:also|aussi|egalement|deja))?\s+$"
)


def _with_auxiliary(folded: str, cue: C.Cue) -> tuple[int, int]:
    """A reporting verb's span with its auxiliary, as a reader quotes it: "a révélé"."""
    if cue.kind not in (C.REPORT, C.DENY, C.CONFIRM):
        return cue.start, cue.end
    m = _AUXILIARY_BEFORE.search(folded, max(0, cue.start - 20), cue.start)
    return (m.start() if m else cue.start), cue.end


def _tidy(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """In text order, without duplicates or pieces inside a longer piece of the same kind."""
    unique = sorted(set(evidence), key=lambda e: (e.start, -e.end))
    kept: list[Evidence] = []
    for item in unique:
        if not any(k.start <= item.start and item.end <= k.end and k != item for k in kept):
            kept.append(item)
    return tuple(kept)


# --- carrying a source over ----------------------------------------------------------------


def _carry_over(st: _Statement, history: list[_Done], paragraph: int) -> list[Proposal]:
    """A cue-less sentence opening with "En échange", "In return"… continues the one before."""
    connective = C.continuation(st.ft)
    previous = history[-1] if history else None
    if connective is None or previous is None or previous.paragraph != paragraph:
        return []
    asserting = {link.source for link in previous.links if link.cue.kind in (C.REPORT, C.PREP)}
    if len({link.source for link in previous.links}) != 1 or len(asserting) != 1:
        return []
    source = asserting.pop()
    hedges = [h for h in st.hedges if not _inside(h, st.relatives)]
    certainty = Certainty.POSSIBLE if hedges else Certainty.PROBABLE
    evidence = [st.evidence(*connective, "continuation")]
    if source in previous.evidence:
        evidence.append(previous.evidence[source])
    evidence.extend(st.evidence(s, e, "hedge") for s, e in hedges)
    return [Proposal(st.ref.key, source, Stance.ASSERTS, certainty, SCORE_CARRIED, _tidy(evidence))]
