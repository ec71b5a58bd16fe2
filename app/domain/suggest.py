"""Suggesting who says a statement, how, and how firmly — pure rules, no NLP library.

For each statement of an article, in text order:

1. find the source mentions (aliases, with the knowledge base's and the speakers the project
   does not track, `app.domain.knowledge`) and the cues (`app.domain.cues`);
2. attach each cue to its agent: the subject before a reporting verb ("Séoul indique",
   "Ukrainian and South Korean officials say"), the phrase after "selon" or an inverted incise
   (", a révélé l'état-major sud-coréen"); a title or pronoun ("the spy agency", "il",
   "selon lui") takes the speaker it refers back to, within a few sentences; cues inside a
   quotation are its speaker's (`app.domain.attribution`); a person named in full once is
   the same speaker by surname later ("Pletenchuk said"); an agent the project does not
   track (the Pentagon, or a name no alias knows) takes the cue with it, and nothing is
   suggested for it, nor for a pronoun right after it;
3. per source, the stance is the strongest attached cue (denies > neutral > asserts), and the
   confidence comes from hedges in its scope (conditional, "reportedly"...) and confirmations;
4. a cue-less sentence continuing a speaker's report — a connective ("En échange, …"), the
   conditional with a pronoun subject, a quotation alone — takes that speaker
   (`app.domain.continuation`); nothing else is carried.

Evidence offsets are absolute character offsets into the article body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from app.domain import attribution as A
from app.domain import continuation as K
from app.domain import cues as C
from app.domain.aliases import BASED_THERE, AliasMatcher, Mention, SourceAliases
from app.domain.content_agents import introducer, namer_in_relative, reported_content
from app.domain.continuation import carried, carry_over
from app.domain.proposal import Evidence, Proposal, StatementRef
from app.domain.statement_analysis import SCORE_ANAPHORA, SCORE_DIRECT, SCORE_FAR
from app.domain.statement_analysis import Analysed as _Statement
from app.domain.statement_analysis import Done as _Done
from app.domain.statement_analysis import Link as _Link
from app.domain.suggestion_stance import proposals_of
from app.domain.suggestion_status import ExistingTag, Status, status_against

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TOKEN = re.compile(r"\w+(?:-\w+)*")

# The status of a suggestion against the tag already there lives in its own module; these
# names are part of this module's interface too.
__all__ = ["Evidence", "ExistingTag", "Proposal", "StatementRef", "Status", "status_against"]


def suggest_article(
    body: str,
    statements: Sequence[StatementRef],
    sources: Sequence[SourceAliases],
    language: str | None,
) -> list[Proposal]:
    """Suggestions for the statements of one article (given in text order).

    `sources` may include speakers the project does not track (`SourceAliases.foreign`): they
    are recognised so that their words go to nobody rather than to a project source.
    """
    matcher, titles, places = A.prepared(sources, language)
    art = _Article(
        history=[],
        paragraph=0,
        titles=titles,
        foreign=frozenset(s.name for s in sources if s.foreign) | {BASED_THERE},
        places=places,
        tracked=tuple(s.name for s in sources if not s.foreign and not s.specific),
    )
    proposals: list[Proposal] = []
    previous_end = None
    waiting: _Statement | None = None  # a quotation alone, whose speaker may come next
    for ref in statements:
        if previous_end is not None and _PARAGRAPH_BREAK.search(body, previous_end, ref.start):
            art.paragraph += 1
        previous_end = ref.end
        st = _Statement(body, ref, matcher, language)
        done = _Done(art.paragraph, folded=st.ft, anonymous=st.anonymous)
        quoted = [c for c in st.cues if A.inside(c.start, st.quotes)]
        # "has never struck" denies only inside a quotation ("China has never renounced…").
        st.cues = [c for c in st.cues if not c.quoted_only or c in quoted]
        for cue in st.cues:
            if cue not in quoted:
                done.links.extend(_attach(st, cue, done.links, art))
        done.links.extend(reported_content(st, done.links))
        done.links.extend(_quoted(st, quoted, done.links, art))
        if done.links:
            found = proposals_of(st, done.links, art.foreign)
        elif not st.cues:
            found = carry_over(st, art.history, art.paragraph)
            done.carried = bool(found)
        else:
            found = []  # cues with an unknown agent
            done.stranger = K.named_stranger(st)
        for proposal in found:
            for item in proposal.evidence:
                if item.kind == "source":
                    done.evidence.setdefault(proposal.source, item)
        if len({p.source for p in found}) == 1 and not done.carried:
            K.remember_names(st.text, ref.start, found[0].source, language, art.names)
        points_back = _POINTS_BACK.match(st.ft) is not None
        if waiting is not None and (
            points_back or (waiting.opens_with_quote and art.history[-1].paragraph == art.paragraph)
        ):
            speakers = [link.source for link in done.links if link.source not in art.foreign]
            if speakers and not done.carried:  # "« … » Dmitri Peskov l'a affirmé mardi."
                first = _TOKEN.search(waiting.ft)
                opening = (first.start(), first.end()) if first else (0, 1)
                said = waiting.quotes[0] if waiting.opens_with_quote else opening
                rule = "the quotation's speaker" if waiting.opens_with_quote else "named next"
                proposals.append(carried(waiting, speakers[0], done, said, rule))
        waiting = st if not found and not st.cues else None
        if done.carried:
            done.links = []  # a carried source is not carried again
        art.history.append(done)
        proposals.extend(found)
    return proposals


@dataclass
class _Article:
    """What the statements of one article share while they are read in order."""

    history: list[_Done]
    paragraph: int
    titles: A.Titles
    foreign: frozenset[str]
    places: AliasMatcher  # where an unnamed office is ("le gouverneur régional" of Saratov)
    tracked: tuple[str, ...] = ()  # the project's own sources (not its offices, not foreign)
    names: dict[str, tuple[str, Evidence]] = field(default_factory=dict)  # folded name -> whose


# --- attaching cues to sources -------------------------------------------------------------


def _attach(st: _Statement, cue: C.Cue, earlier: list[_Link], art: _Article) -> list[_Link]:
    coordinated = A.COORDINATED.search(st.ft, max(0, cue.start - 16), cue.start) is not None
    if cue.content:
        namer = namer_in_relative(st, cue)
        if namer is not None:
            return [namer]
        if not earlier and any(c.kind == C.REPORT and c.end <= cue.start for c in st.cues):
            # "He said the Greek claims had no basis": the speaker's words, whoever "he" is;
            # the Greeks named in his complement are what he denies.
            return []
    # « …, sans donner de détails »: the sentence's speaker.
    without = A.WITHOUT.match(st.ft, cue.start) is not None
    if (cue.participle or cue.content or coordinated or without) and earlier:
        # "…, précisant que", "a qualifié ces informations de « pure invention »": the
        # sentence's speaker goes on.
        last = earlier[-1]
        return [last.goes_on(cue)]
    if cue.participle and not earlier:
        subject = _clause_subject(st, cue)
        if subject is not None:  # "Ukraine has struck depots inside Russia, saying…"
            return [subject]
    word = st.ft[cue.start : cue.end]
    if (
        word in ("citing", "citant")
        and any(link.source not in art.foreign for link in earlier)
        and not A.UNNAMED_SOURCES.match(st.ft, cue.end)
    ):
        # "the NIS estimated …, citing intercepted complaints of Russian units": the speaker's
        # evidence, not a second speaker (", citing Russian officials" after an outlet is one).
        return []
    inverted = A.INVERTED_AFTER_QUE.search(st.ft, max(0, cue.start - 12), cue.start) is not None
    if (
        cue.kind == C.PREP
        or cue.agent_after
        or inverted  # "ce que dément Moscou", "une affirmation que rejette l'administration"
        or (
            not cue.participle
            and word not in A.NOT_INVERTED
            and C.is_incise(st.ft, cue.start)
            and (cue.kind != C.DENY or A.after_quotation(st.ft, cue.start))
            and not _apposition_before(st, cue)
        )
    ):
        links, empty = _after(st, cue, earlier, art)
        if cue.kind == C.PREP and A.UNNAMED_SOURCES.match(st.ft, cue.end):
            # "selon une source diplomatique à Kyiv", "citant des sources gouvernementales":
            # an unnamed source at second hand, hedged (Possible).
            links = [replace(link, unnamed=True) for link in links]
        if links or not empty or cue.kind == C.PREP:
            return links
    return _before(st, cue, earlier, art)


_POSSESSIVE_DETERMINERS = A.POSSESSIVES | frozenset("son sa ses leur leurs".split())
_ACCUSED_OF = re.compile(r"\s+(?:de|d'|of)(?![\w-])")


def _apposition_before(st: _Statement, cue: C.Cue) -> bool:
    """True when the source named just before the cue's comma is its subject (", Maria
    Zakharova, a qualifié les accusations…"): what follows is an object, not an inverted one."""
    if A.after_quotation(st.ft, cue.start):
        return False
    comma = st.ft.rfind(",", 0, cue.start)
    begin = st.ft.rfind(",", 0, comma) + 1
    if comma <= 0 or begin <= 0 or len(_TOKEN.findall(st.ft, begin, comma)) > 4:
        return False  # no apposition closed by that comma (a dateline, a whole clause)
    return K.names_before(st, 0, comma)


def _clause_subject(st: _Statement, cue: C.Cue) -> _Link | None:
    """The source that opens the clause of a participle (", saying", ", ajoutant"): its
    subject, not the nearest source named before it (often the object of the main verb)."""
    clause = C.clause_start(st.ft, cue.start)
    comma = st.ft.find(",", clause, cue.start)
    if comma < 0 or st.ft.rfind(",", clause, cue.start) != cue.start - 2:
        return None  # no ", saying" after a main clause
    for mention in st.mentions:
        if clause <= mention.start < min(comma, clause + 30):
            words_before = _TOKEN.findall(st.ft, clause, mention.start)
            if A.inside(mention.start, st.quotes) or len(words_before) > 2:
                return None  # not the subject: too far into the clause
            return _Link(cue, mention.source, SCORE_DIRECT, mention, context=st.ft[clause:comma])
    return None


def _after(
    st: _Statement, cue: C.Cue, earlier: list[_Link], art: _Article
) -> tuple[list[_Link], bool]:
    """The agent after the cue: "selon des déclarations ukrainiennes", ", a dit le NIS"."""
    start = cue.end
    skipped = A.SKIPPED_AFTER.match(st.ft, start)
    if skipped:  # ", a déclaré à la presse le porte-parole"
        start = skipped.end()
    stop = re.compile(r"[,;.:(«“]").search(st.ft, start)
    limit = min(stop.start() if stop else len(st.ft), start + 80)
    boundary = C.BOUNDARY.search(st.ft, start, limit)
    limit = boundary.start() if boundary else limit
    window = st.ft[start:limit]
    if cue.kind != C.PREP and not cue.agent_after and A.PREPOSITION.match(st.ft, start):
        return [], True  # ", s'est refusé à tout commentaire sur une visite de Kim": no subject
    # An inverted subject opens with a determiner or a name (", said the NIS", ", a martelé le
    # chef de l'État ukrainien"); other words open the complement (", said some of the
    # prisoners had been held").
    if cue.kind != C.PREP and not cue.agent_after:
        if any(word in A.FINITE for word in _TOKEN.findall(st.ft, start, limit)[:4]):
            return [], True
        first = _TOKEN.search(st.ft, start, limit)
        if first is not None and not (
            first.group() in C.DETERMINERS
            or first.group() in C.AUXILIARIES
            or st.has_proper_noun(first.start(), first.end(), first_too=True)
        ):
            return [], True
    for mention in st.mentions:
        if start <= mention.start and mention.end <= limit:
            if _ACCUSED_OF.match(st.ft, mention.end) and st.ft[cue.start : cue.end].startswith(
                "accus"
            ):
                return [], True  # ", a accusé Kiev de préparer…": the accused, not the speaker
            found = A.joined_after(st.mentions, mention, st.ft, limit)
            return [_Link(cue, m.source, SCORE_DIRECT, m, context=window) for m in found], False
    tokens = [(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(window)]
    while tokens and tokens[0][0] in C.AUXILIARIES:
        tokens.pop(0)  # ", a indiqué lundi l'état-major": the day is not the agent
    if not tokens or not (
        tokens[0][0] in C.DETERMINERS
        or tokens[0][0] in C.PRONOUNS
        or st.has_proper_noun(tokens[0][1], tokens[0][2], first_too=True)
    ):
        # No noun phrase follows (", a affirmé dans son allocution que"): the comma closed
        # an apposition, and the agent is the subject before the verb.
        return [], True
    words = [t[0] for t in tokens]
    if (
        (words[0] in C.PRONOUNS or words[0] in A.POSSESSIVES)
        and cue.kind != C.PREP
        and not cue.agent_after
    ):
        return [], True  # ", said it had sent a team": the pronoun starts the complement
    if words[0] in C.PRONOUNS:
        span = (tokens[0][1], tokens[0][2])
        incise = cue.kind != C.PREP
        link = _anaphora(st, cue, span, None, earlier, art, same_sentence=not incise)
        return ([link] if link else []), False
    both = A.BOTH_SIDES.search(st.ft, start, limit)
    if both and len(re.findall(r"[\w'-]+", st.ft[start : both.start()])) <= 3:
        return _both_sides(st, cue, both.span(), art), False
    if words[0] in C.DETERMINERS:
        # The last title of the phrase says whose: "le porte-parole de la marine", unless the
        # apposition after it names the holder (", la porte-parole du ministère, M. Zakharova").
        noun = art.titles.last(st.ft, tokens[0][1], tokens[min(5, len(tokens) - 1)][2])
        holders = A.apposition_mentions(st.mentions, st.ft, limit) if noun else []
        if holders:
            return [_Link(cue, m.source, SCORE_DIRECT, m, context=window) for m in holders], False
        if noun is not None:
            link = _anaphora(st, cue, (tokens[0][1], tokens[-1][2]), noun, earlier, art)
            return ([link] if link else []), False
    # Not an inverted subject (", said the missile's profile was …"): the subject is before
    # the verb, unless a name follows (", a dit Jean Dupont"), someone the project does not know.
    head = tokens[: min(3, len(tokens))]
    recalled = _recalled(st, cue, head[0][1], head[-1][2], art)
    if recalled is not None:  # ", a ajouté Aksionov": the person named before
        return [recalled], False
    titled = _title_after_name(st, limit, art)
    if titled and st.has_proper_noun(head[0][1], head[-1][2], first_too=True):
        # "by Oleksandr Kovalchuk, spokesman for the Southern Defense Forces,": the office
        # the apposition names.
        return [_Link(cue, m.source, SCORE_DIRECT, m, context=window) for m in titled], False
    return [], not st.has_proper_noun(head[0][1], head[-1][2], first_too=True)


def _title_after_name(st: _Statement, end: int, art: _Article) -> list[Mention]:
    """The sources of the apposition after a name ending at `end` when it gives the name's
    title (", spokesman for the navy,", « , porte-parole de l'armée de l'air, »)."""
    if not st.ft.startswith(",", end):
        return []
    stop = A.APPOSITION_END.search(st.ft, end + 1)
    limit = stop.start() if stop else len(st.ft)
    if (
        len(_TOKEN.findall(st.ft, end + 1, limit)) > 8
        or art.titles.last(st.ft, end + 1, limit) is None
    ):
        return []
    inside = [m for m in st.mentions if end < m.start and m.end <= limit]
    return inside[:1]


# Titles that keep a speaker anonymous when they refer back to one who was.
_UNNAMED_TITLES = frozenset(
    "official officials source sources officer responsable diplomat".split()
)
# "This was stated by Oleksandr Kovalchuk, …": the speaker of the sentence before.
_POINTS_BACK = re.compile(
    r"\W*(?:this|that|these words|it) (?:was|were) (?:stated|said|announced|reported|written) by"
)
_TOLD = frozenset("told tell tells telling".split())
_WHAT = re.compile(r"(?<![\w-])(?:what|which|whom|ce que|ce qu')(?![\w-])")


def _before(st: _Statement, cue: C.Cue, earlier: list[_Link], art: _Article) -> list[_Link]:
    """The subject before the cue, searched back one comma-segment at a time in its clause."""
    clause = C.clause_start(st.ft, cue.start)
    # A source named after an earlier cue of this sentence is that cue's object ("dismissed
    # the Armenian report as disinformation"), not this one's subject.
    prior = [link for link in earlier if clause <= link.cue.end <= cue.start]
    before = [c for c in st.cues if clause <= c.end <= cue.start and c.kind != C.PREP]
    floor = max([clause, *(c.end for c in before)])
    position, score = cue.start, SCORE_DIRECT
    while position > floor:
        comma = st.ft.rfind(",", floor, position)
        start = comma + 1 if comma >= 0 else floor
        if A.RELATIVE_START.match(st.ft, start) and floor < start and position < cue.start:
            relayed = [m for m in st.mentions if start <= m.start and m.end <= position]
            if relayed and A.RELAY.match(st.ft, start):  # ", who was briefed by the NIS, said"
                context = st.ft[start:position]
                return [_Link(cue, m.source, SCORE_FAR, m, context=context) for m in relayed[:1]]
            position, score = start - 1, SCORE_FAR  # ", qui patrouille …, a indiqué"
            continue
        inside = [
            m
            for m in st.mentions
            if start <= m.start and m.end <= position and not A.inside(m.start, st.quotes)
        ]
        told = [c for c in before if st.ft[c.start : c.end] in _TOLD]
        if told:
            # "told NK News it would not discuss": whom it was told is not who speaks.
            inside = [m for m in inside if st.ft[told[-1].end : m.start].strip()]
        relative = list(_WHAT.finditer(st.ft, start, position))
        if relative and any(m.start >= relative[-1].end() for m in inside):
            # "met Russia's deputy minister in Moscow for what Seoul's ministry described as":
            # the subject is the relative clause's.
            inside = [m for m in inside if m.start >= relative[-1].end()]
        if inside:
            # The head of the subject is its first source ("L'ambassade de Russie à Séoul"),
            # with those joined to it ("officials in Kyiv and Moscow").
            found = A.joined_after(st.mentions, inside[0], st.ft, position)
            context = st.ft[start:position]
            return [_Link(cue, m.source, score, m, context=context) for m in found]
        both = A.BOTH_SIDES.search(st.ft, start, position)
        if both and A.subject_phrase(st.ft, both, position):
            return _both_sides(st, cue, both.span(), art)
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(st.ft, start, position)]
        while tokens and (
            tokens[-1][0] in C.AUXILIARIES
            or tokens[-1][0] in C.ADVERBS
            or (tokens[-1][0].endswith("ly") and len(tokens[-1][0]) > 4)
        ):
            tokens.pop()  # "the NIS also said", "It flatly dismissed", « accuse également »
        words = [A.INVERTED.sub(r"\1", t[0]) for t in tokens]
        if words and words[-1] in C.PRONOUNS:
            span = (tokens[-1][1], tokens[-1][2])
            incise = C.is_incise(st.ft, cue.start) or A.INVERTED.search(tokens[-1][0]) is not None
            link = _anaphora(st, cue, span, None, earlier, art, same_sentence=not incise)
            return [link] if link else []
        if words and words[-1] in C.FIRST_PERSON:
            return []  # "we said" outside a quotation: the journalist's outlet, or unknown
        noun = art.titles.last(st.ft, start, position) if tokens else None
        if noun is not None:
            span = (tokens[0][1], tokens[-1][2])
            link = _anaphora(st, cue, span, noun, earlier, art)
            if link is None and comma > floor and K.names_before(st, floor, comma):
                position, score = start - 1, SCORE_FAR  # "Zakharova, the spokeswoman, said"
                continue
            return [link] if link else []
        recalled = _recalled(st, cue, start, position, art) if tokens else None
        if recalled is not None:  # "Pletenchuk said": the person named in full before
            return [recalled]
        if st.has_proper_noun(start, position):
            # A name alone: its title may stand just before ("The regional governor, Roman
            # Bulatov, said"); otherwise someone else is speaking.
            if comma > floor:
                previous = st.ft.rfind(",", floor, comma)
                begin = previous + 1 if previous >= 0 else floor
                noun = art.titles.last(st.ft, begin, comma)
                if noun is not None and not any(
                    begin <= m.start and m.end <= comma for m in st.mentions
                ):
                    link = _anaphora(st, cue, (begin, comma), noun, earlier, art)
                    return [link] if link else []
            if position == cue.start or comma < floor:
                return []  # the subject is a name the project does not know
        position, score = start - 1, SCORE_FAR
    if prior and before and prior[-1].cue == before[-1]:
        # "X said … but could not confirm it", "… and that the successes were invented".
        last = prior[-1]
        return [last.goes_on(cue)]
    if cue.kind in (C.NEUTRAL, C.DENY) and earlier:
        last = earlier[-1]
        if last.cue.kind == C.REPORT and _COMPLEMENT_OPENER.fullmatch(st.ft, last.cue.end, clause):
            # « a répondu qu'il laissait aux militaires le soin de commenter »: what the
            # speaker's complement says of itself is the speaker's.
            return [last.goes_on(cue)]
    return []


_COMPLEMENT_OPENER = re.compile(r"\s*(?:que|qu'|that)\s*")


def _recalled(st: _Statement, cue: C.Cue, start: int, end: int, art: _Article) -> _Link | None:
    """A speaker named by a name given in full earlier in the article, alone or again
    ("Dmytro Pletenchuk, … denied" then "Pletenchuk said"): that speaker's source."""
    for name, (source, given) in art.names.items():
        at = st.ft.find(name, start, end)
        if at >= 0 and not (st.ft[at - 1 : at].isalnum() or st.ft[at + len(name) :][:1].isalnum()):
            rule = "the name given before"
            return _Link(cue, source, SCORE_ANAPHORA, None, (at, at + len(name)), given, "", rule)
    return None


def _quoted(st: _Statement, quoted: list[C.Cue], links: list[_Link], art: _Article) -> list[_Link]:
    """Cues inside a quotation are its speaker's: the one named around it in the sentence."""
    if not quoted:
        return []
    speakers = [link for link in links if link.cue.kind in (C.REPORT, C.PREP, C.CONFIRM)]
    if not speakers:
        speakers = links
    if not speakers:  # nobody named around the quotation: each cue finds its own agent
        found: list[_Link] = []
        for cue in quoted:
            found.extend(_attach(st, cue, found, art))
        return found
    found = []
    for cue in quoted:
        speaker = introducer(st, cue, links) or speakers[0]
        found.append(
            _Link(
                cue,
                speaker.source,
                speaker.score,
                speaker.mention,
                speaker.anaphor,
                speaker.antecedent,
                speaker.context,
                "the quotation's speaker",
            )
        )
    return found


def _both_sides(st: _Statement, cue: C.Cue, span: tuple[int, int], art: _Article) -> list[_Link]:
    """ "The two sides said": the sentence's two sources, else the last two that spoke, else
    the project's when it tracks two (Belgrade and Pristina: "both governments")."""
    spoken = [link.source for done in reversed(art.history[-6:]) for link in done.links]
    named = A.two_sides([m.source for m in st.mentions], spoken, art.foreign)
    if not named and len(art.tracked) == 2:
        named = list(art.tracked)
    return [_Link(cue, source, SCORE_ANAPHORA, None, span, rule="both sides") for source in named]


def _anaphora(
    st: _Statement,
    cue: C.Cue,
    span: tuple[int, int],
    noun: str | None,
    earlier: list[_Link],
    art: _Article,
    *,
    same_sentence: bool = False,
) -> _Link | None:
    """Resolve "it", "l'état-major", "the agency" to a source named before."""
    if noun and A.QUANTIFIED.match(st.ft, span[0]):
        return None  # "several European governments": others, not someone named before
    meant = art.titles.sources(noun) if noun else set()
    first = _TOKEN.search(st.ft, span[0], span[1])
    # "Son porte-parole", "Its director": the office that spoke last, not the last one
    # introduced with that noun, nor the one source whose title it is.
    possessive = first is not None and first.group() in _POSSESSIVE_DETERMINERS
    place = A.place_mention(st.mentions, st.ft)
    if place is not None and noun is not None and not earlier and place.source not in art.foreign:
        # "In Seoul, a Defense Ministry spokesperson said": the ministry of the place the
        # sentence opens with, before any source the title alone would mean.
        where = st.mention_evidence(place)
        return _Link(cue, place.source, SCORE_ANAPHORA, None, span, where, "", "place")
    if (
        len(meant) == 1
        and not possessive
        and not meant & art.foreign
        and not (earlier and earlier[-1].source in meant)
    ):
        # A title only one source has ("les autorités de l'île"): it, whoever spoke before.
        (source,) = meant
        return _Link(cue, source, SCORE_ANAPHORA, None, span, None, "", "title")
    if earlier:  # "…, a number it said": the source already speaking in this sentence
        last = earlier[-1]
        antecedent = last.antecedent
        if last.mention is not None:
            antecedent = st.mention_evidence(last.mention)
        return _Link(
            cue, last.source, SCORE_ANAPHORA, None, span, antecedent, last.context, "refers back"
        )
    if place is not None and noun is not None:  # "À Bakou, un conseiller de la présidence"
        antecedent = st.mention_evidence(place)
        return _Link(cue, place.source, SCORE_ANAPHORA, None, span, antecedent, "", "place")
    recent = art.history[-6:]
    if noun in A.LOCAL_TITLES:  # "le gouverneur de la région": of the place just named
        for text in (st.ft, *(d.folded for d in recent[-1:])):
            local = {m.source for m in art.places.mentions(text)} - art.foreign
            if len(local) == 1:
                return _Link(cue, local.pop(), SCORE_ANAPHORA, None, span, None, "", "place")
    if noun and not possessive:  # "D'après l'état-major": the latest source with that noun
        for done in reversed(recent):
            if done.stranger and len(meant) != 1:
                return None  # "Le vice-ministre" after "Andreï Lebedev a balayé…": the latter
            for link in reversed(done.links):
                if link.source in meant or re.search(
                    rf"(?<![\w-]){re.escape(noun)}(?![\w-])", link.context
                ):
                    antecedent = done.evidence.get(link.source)
                    return _Link(
                        cue,
                        link.source,
                        SCORE_ANAPHORA,
                        None,
                        span,
                        antecedent,
                        link.context,
                        "title",
                        # "the official said" of one who spoke on condition of anonymity
                        unnamed=done.anonymous and noun in _UNNAMED_TITLES,
                    )
    for done in reversed(recent[-3:]):  # the last speaker, within the last few sentences
        if done.stranger:
            return None  # "she said" after "Voronina rejected…": the stranger speaks on
        if done.links:
            link = done.links[0]
            antecedent = done.evidence.get(link.source)
            return _Link(
                cue,
                link.source,
                SCORE_ANAPHORA,
                None,
                span,
                antecedent,
                link.context,
                "the last speaker",
                unnamed=done.anonymous and noun in _UNNAMED_TITLES,
            )
    if noun is not None:  # "a frappé le port d'Odessa, ont indiqué les autorités locales"
        places = {m.source: m for m in art.places.mentions(st.ft)}
        if len(places) == 1:
            (m,) = places.values()
            return _Link(cue, m.source, SCORE_ANAPHORA, None, span, None, "", "place")
    if same_sentence:  # "China's military launched drills, in what it called …"
        before = [m for m in st.mentions if m.end <= span[0] and not A.inside(m.start, st.quotes)]
        if before:
            m = before[0]
            antecedent = st.mention_evidence(m)
            return _Link(cue, m.source, SCORE_ANAPHORA, None, span, antecedent, "", "refers back")
    return None
