"""What the suggester knows of one statement while it reads an article: its folded text,
mentions, cues, hedges and quotations (`Analysed`), a cue attached to a source (`Link`), and
what later statements may refer back to (`Done`). Used by `app.domain.suggest` and
`app.domain.continuation`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain import attribution as A
from app.domain import cues as C
from app.domain.aliases import AliasMatcher, Folded, Mention, fold
from app.domain.proposal import ALIAS_RULE, Evidence, StatementRef

# How sure a link is: the cue's own subject, one further back in its clause, a word that
# refers back to a source named before.
SCORE_DIRECT, SCORE_FAR, SCORE_ANAPHORA = 0.9, 0.85, 0.7


@dataclass(frozen=True)
class Link:
    """A cue attached to a source."""

    cue: C.Cue
    source: str
    score: float
    mention: Mention | None = None  # in this statement
    anaphor: tuple[int, int] | None = None  # folded span in this statement
    antecedent: Evidence | None = None  # the earlier mention an anaphor points to
    context: str = ""  # folded words around the agent, for later anaphora ("état-major")
    rule: str = ""  # how the cue found its source, when not by a plain alias
    unnamed: bool = False  # through an unnamed source ("selon une source diplomatique")

    def goes_on(self, cue: C.Cue) -> Link:
        """`cue` spoken by this link's source: the sentence's speaker goes on ("…, précisant
        que", "… but could not confirm it")."""
        return Link(
            cue,
            self.source,
            self.score,
            antecedent=self.antecedent,
            context=self.context,
            rule="the sentence's speaker",
        )


@dataclass
class Done:
    """What later statements may refer back to."""

    paragraph: int
    links: list[Link] = field(default_factory=list)
    carried: bool = False
    evidence: dict[str, Evidence] = field(default_factory=dict)  # source -> its mention
    folded: str = ""  # the statement's folded text, for the places it names
    stranger: bool = False  # someone the project does not know spoke ("Voronina rejected…")
    anonymous: bool = False  # its speaker was said to be unnamed ("on condition of anonymity")


_PRESS_AFTER = re.compile(
    r"\s+(?:state(?:-run)?\s+)?(?:media|press|newspapers?|broadcasters?|dail(?:y|ies)|outlets?|"
    r"journalists?|reporters?|news\s+agenc(?:y|ies)|television|tv|bloggers?)(?![\w-])"
)
_PRESS_BEFORE = re.compile(
    r"(?<![\w-])(?:medias|media|presse|journaux|journal|journalistes?|chaines?|television|"
    r"agences?(?: de presse)?|blogueurs?)\s+(?:[\w-]+\s+)?$"
)


def _names_the_press(folded: str, start: int, end: int) -> bool:
    """ "Greek media reports", « les médias grecs »: a nationality that names the press, which
    speaks for no government (a speaker the project does not track, KCNA, stays one)."""
    return (
        _PRESS_AFTER.match(folded, end) is not None
        or _PRESS_BEFORE.search(folded, max(0, start - 40), start) is not None
    )


class Analysed:
    """One statement being analysed: folded text, mentions, cues, and the way back."""

    def __init__(self, body: str, ref: StatementRef, matcher: AliasMatcher, lang: str | None):
        self.body, self.ref = body, ref
        self.text = body[ref.start : ref.end]
        self.folded: Folded = fold(self.text)
        self.ft = self.folded.text
        dateline = A.dateline_end(self.ft)
        self.mentions = [
            m
            for m in matcher.mentions(self.ft)
            if m.start >= dateline and (m.foreign or not _names_the_press(self.ft, m.start, m.end))
        ]
        # A word of a source's own name is no cue: "the Center for Countering Disinformation"
        # denies nothing by being named.
        named = [(m.start, m.end) for m in self.mentions]
        self.cues = [
            c for c in C.find_cues(self.ft, lang) if not any(s <= c.start < e for s, e in named)
        ]
        self.hedges = C.find_hedges(self.ft, lang, self.cues)
        self.relatives = C.relative_regions(self.ft)
        self.quotes = A.quote_regions(self.ft)
        self.opens_with_quote = bool(self.quotes) and not self.ft[: self.quotes[0][0]].strip()
        # A speaker said to be unnamed; "only references to anonymous sources" in a quotation
        # is what the speaker says, not who they are.
        self.anonymous = any(
            not A.inside(start, self.quotes) for start, _ in C.anonymity(self.ft, lang)
        )

    def evidence(self, start: int, end: int, kind: str, rule: str = "") -> Evidence:
        a, b = self.folded.span(start, end)
        a, b = a + self.ref.start, b + self.ref.start
        return Evidence(self.body[a:b], a, b, kind, rule)

    def mention_evidence(self, mention: Mention) -> Evidence:
        return self.evidence(mention.start, mention.end, "source", ALIAS_RULE[mention.origin])

    def has_proper_noun(self, start: int, end: int, *, first_too: bool = False) -> bool:
        """A capitalised word in the folded range (the statement's first word aside, unless
        `first_too`): a named speaker."""
        a, b = self.folded.span(start, end)
        return any(
            m.group()[0].isupper()
            for m in re.finditer(r"\w+", self.text[a:b])
            if first_too or a + m.start() > 0
        )
