"""How reports name their speakers beyond "X said": the text shapes the suggester reads.

Pure functions on folded text (`app.domain.aliases.fold`), used by `app.domain.suggest`:

- quotations (« … », “ … ”, "…"): the words inside are the speaker's, whoever is named
  around them, and "nous", "we" inside are that speaker;
- titles that refer back to a source once it is named ("the spy agency", « le chef du
  renseignement militaire », "ministry spokeswoman Anna Sargsyan"), from the knowledge base's
  titles and a list of common ones (`cues.GENERIC`);
- a sentence's place ("À Bakou, un conseiller…"), which tells whose the unnamed office is;
- several speakers joined ("Ukrainian and South Korean officials", "Moscou et Pyongyang"),
  and both sides at once ("the two sides", « les autorités des deux pays »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from app.domain import cues as C
from app.domain.aliases import AliasMatcher, Mention, SourceAliases, fold_plain

_QUOTES = re.compile(r"«[^»]*»?|“[^”]*”?|\"[^\"]*\"?")
_JOINED = re.compile(r"^\s*(?:and|et|&|as well as|ainsi que)\s*(?:the\s+|les?\s+|la\s+|l')?$")
BOTH_SIDES = re.compile(
    r"(?<![\w-])(?:(?:the|both) (?:two )?(?:sides|countries|parties|capitals|governments)|"
    r"(?:les|des) deux (?:pays|camps|parties|capitales|cotes|belligerants|gouvernements))"
    r"(?![\w-])"
)
_PLACE = re.compile(r"^\W*(?:a|en|au|aux|in|from|depuis|de)\s+$")
# "TAIPEI, Oct 14 (Reuters) -", "KIEV, 22 mars (AFP) -", "Yerevan (AFP) -": where the wire
# filed from, not who speaks.
_DATELINE = re.compile(
    r"^\W*[\w' .-]{2,30}?(?:\s*\([\w' .-]{2,30}\))?(?:,[^(),]{1,25})?\s*"
    r"\((?:afp|reuters|ap|yonhap|ansa|efe|dpa|belga|tass|xinhua|kyodo)\)\s*(?:-+|—|–)\s*"
)


# "Rep. Park, who was briefed by the NIS, said": a relative clause naming whose briefing the
# speaker relays (a lawmaker relaying an agency gives the agency's source).
RELAY = re.compile(
    r"\W*(?:who|qui)\s+(?:(?:has|have|had|was|were|been|a|ont|avait|avaient|ete)\s+)*"
    r"(?:(?:briefed|informee?s?|briefee?s?)\s+(?:by|par)"
    # ", who heads the Center for Countering Disinformation, wrote": the office speaks.
    r"|(?:heads|head|headed|leads|led|runs|ran|chairs|chaired|directs|directed|dirige|dirigeait"
    r"|preside|presidait|commande|commandait)(?:\s+(?:the|la|le|les|l'))?)(?![\w-])"
)
# "Several European governments", « plusieurs gouvernements »: new speakers, never an earlier
# one referred back to.
QUANTIFIED = re.compile(
    r"\W*(?:several|many|some|other|various|numerous|plusieurs|certains|certaines|d'autres|"
    r"de nombreux|de nombreuses|divers|diverses|nombre de)(?![\w-])"
)


# Where an apposition ends (", la porte-parole du ministère, Maria Zakharova, lors…").
APPOSITION_END = re.compile(r"[,;.(«“\"]")
# "…, without confirming", « …, sans toutefois confirmer »: what follows is the speaker's.
WITHOUT = re.compile(r"(?:sans|without)(?![\w-])")


def apposition_mentions(mentions: Sequence[Mention], folded: str, end: int) -> list[Mention]:
    """The sources named in the apposition after a title ending at `end` (", a déclaré la
    porte-parole du ministère, Maria Zakharova, lors…"): the person who holds it."""
    if not folded.startswith(",", end):
        return []
    stop = APPOSITION_END.search(folded, end + 1)
    limit = stop.start() if stop else len(folded)
    if len(re.findall(r"[\w'-]+", folded[end + 1 : limit])) > 4:
        return []  # a clause, not a name
    # The name opens the apposition (", interrogée par l'agence TASS" holds no holder).
    return [
        m
        for m in mentions
        if end < m.start and m.end <= limit and not folded[end + 1 : m.start].strip()
    ]


# --- the shapes of a speaker's phrase around its verb (`app.domain.suggest`) ---------------

# "… and made no mention of damage", "… et a ajouté": a second verb of the same subject.
COORDINATED = re.compile(r"(?<![\w-])(?:and|et|but|mais)\s+(?:(?:also|aussi|a|has|have)\s+)?$")
UNNAMED_SOURCES = re.compile(
    r"\s+(?:une|des|de|plusieurs|d'autres|a|one|several|other|unnamed|anonymous) "
    r"(?:\w+ )?sources?(?![\w-])"
)
LOCAL_TITLES = frozenset("gouverneur governor maire mayor".split())  # offices of a place
POSSESSIVES = frozenset("its their his her our".split())  # ", said its staff had heard"
PREPOSITION = re.compile(
    r"\s*(?:sur|sous|dans|pour|avec|contre|depuis|about|on|over|for|with|against|at|in|from)\s"
)
INVERTED_AFTER_QUE = re.compile(r"(?<![\w-])(?:que\s+|qu')$")
# "…, told AFP", "…, accused Ethiopia of": English verbs whose object follows them.
NOT_INVERTED = frozenset(
    "told tell tells accused accuses urged urges blamed blames condemned condemns called calls "
    "described describes welcomed welcomes hailed hails warned warns".split()
)
SKIPPED_AFTER = re.compile(
    r"\s*(?:a la presse|aux journalistes|a l'afp|a reuters|a l'agence \w+|to reporters|"
    r"to journalists|to afp|to reuters|in a statement|dans un communique|on telegram|"
    r"sur telegram|de son cote|pour sa part|a son tour|quant a (?:lui|elle)|devant la presse|"
    r"devant les journalistes|at a (?:news |press )?(?:conference|briefing))(?![\w-])"
)
# A relative clause or a participial apposition (", asked to comment on …, said"): not the
# subject, whatever sources it names.
RELATIVE_START = re.compile(
    r"\W*(?:qui|dont|lequel|laquelle|which|who|whose|ou|asked|questioned|speaking|"
    r"interroge\w*|questionne\w*|sollicite\w*|s'exprimant|invite\w*|cite\w* par|"
    r"quoted by|cited by)(?![\w-])"
)
INVERTED = re.compile(r"^\w+-(?:t-)?(il|elle|ils|elles|on)$")  # "a-t-il", "dit-elle"
# A finite verb right after the words following ", said": they are the complement's subject
# (", said Pyongyang might send workers"), not an inverted one (", said the NIS").
FINITE = frozenset(
    "might may could would will can should must had has have was were is are did does "
    "pourrait pourraient aurait auraient serait seraient avait avaient etait etaient".split()
)


def after_quotation(ft: str, start: int) -> bool:
    """Whether the incise at `start` follows a quotation ("« … », a démenti le ministère"): a
    denial verb is inverted only there; "Zakharova, the spokeswoman, dismissed the Ukrainian
    findings" has its object after it."""
    words = re.findall(r"[\w'-]+", ft[ft.rfind(",", 0, start) + 1 : start])
    if any(w not in C.AUXILIARIES for w in words):
        return False
    before = ft[: ft.rfind(",", 0, start)].rstrip()  # « … », a démenti
    if before[-1:] not in '»”"':
        before = ft[:start].rstrip(" ,")  # "… false," denied
        before = before[: len(before) - len(words[0])].rstrip(" ,") if words else before
    return before[-1:] in '»”"'


def dateline_end(folded: str) -> int:
    """Where a wire report's dateline ends (0 when there is none)."""
    m = _DATELINE.match(folded)
    return m.end() if m else 0


def subject_phrase(folded: str, found: re.Match[str] | None, end: int) -> bool:
    """A "both sides" phrase stands as the subject: only small words before `end`."""
    if found is None:
        return False
    between = re.findall(r"[\w'-]+", folded[found.end() : end])
    return len(between) <= 2


def quote_regions(folded: str) -> list[tuple[int, int]]:
    """The quoted stretches of a statement, marks included (an unclosed quotation runs to the
    statement's end)."""
    return [m.span() for m in _QUOTES.finditer(folded) if m.end() - m.start() > 2]


def inside(position: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in regions)


def joined_mentions(mentions: Sequence[Mention], last: Mention, folded: str) -> list[Mention]:
    """`last` and the mentions joined to it by "and", "et", commas, nearest first: the
    speakers of "officials in Kyiv and Moscow said"."""
    index = mentions.index(last)
    found = [last]
    while index > 0:
        before = mentions[index - 1]
        if not _JOINED.match(folded[before.end : mentions[index].start]):
            break
        found.append(before)
        index -= 1
    return found


def joined_after(
    mentions: Sequence[Mention], first: Mention, folded: str, limit: int
) -> list[Mention]:
    """`first` and the mentions joined after it by "and", "et" before `limit`: "Ukrainian and
    South Korean officials", "des responsables sud-coréens et ukrainiens"."""
    index = mentions.index(first)
    found = [first]
    while index + 1 < len(mentions) and mentions[index + 1].end <= limit:
        after = mentions[index + 1]
        if not _JOINED.match(folded[mentions[index].end : after.start]):
            break
        found.append(after)
        index += 1
    return found


def two_sides(named: Sequence[str], spoken: Sequence[str], foreign: frozenset[str]) -> list[str]:
    """Who "the two sides" are: the first two project sources named in the sentence, else the
    last two that spoke (`spoken`, latest first); none when there are not two."""
    for candidates in (named, spoken):
        found = list(dict.fromkeys(s for s in candidates if s not in foreign))[:2]
        if len(found) == 2:
            return found
    return []


def place_mention(mentions: Sequence[Mention], folded: str) -> Mention | None:
    """The place a sentence opens with ("À Séoul, …", "In Kyiv, …"), when it is a source."""
    if not mentions:
        return None
    first = mentions[0]
    if _PLACE.match(folded[: first.start]) and folded[first.end : first.end + 2].startswith(","):
        return first
    return None


class Titles:
    """The nouns that refer back to a source, folded, each with the sources it may mean."""

    def __init__(self, sources: Iterable[SourceAliases], language: str | None) -> None:
        self.by_noun: dict[str, set[str]] = {}
        for source in sources:
            for lang, items in source.titles.items():
                if language is not None and lang != language:
                    continue
                for title in items:
                    self.by_noun.setdefault(_key(title), set()).add(source.name)
        nouns = sorted(self.by_noun, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in nouns) + r")(?:s|es)?(?![\w-])"
            )
            if nouns
            else None
        )

    def first(self, folded: str, start: int = 0, end: int | None = None) -> str | None:
        """The first title (or common noun for an office) in the folded range."""
        end = len(folded) if end is None else end
        if self._pattern is not None:
            m = self._pattern.search(folded, start, end)
            if m is not None:
                word = m.group()
                return word if word in self.by_noun else _singular(word, self.by_noun)
        for m in re.finditer(r"[\w'-]+", folded[start:end]):
            word = m.group().split("'")[-1]
            for part in (word, word.split("-")[-1]):  # "vice-ministre"
                if part in C.GENERIC:
                    return part
        return None

    def last(self, folded: str, start: int, end: int) -> str | None:
        """The last title or common noun for an office in the folded range."""
        found = None
        position = start
        while True:
            noun = self.first(folded, position, end)
            if noun is None:
                return found
            found = noun
            at = folded.find(noun, position, end)
            if at < 0:
                return found
            position = at + len(noun)

    def sources(self, noun: str) -> set[str]:
        return self.by_noun.get(noun, set())


def _singular(word: str, known: Mapping[str, object]) -> str:
    for ending in ("es", "s"):
        if word.endswith(ending) and word[: -len(ending)] in known:
            return word[: -len(ending)]
    return word


def _key(text: str) -> str:
    return " ".join(fold_plain(text).split())


Prepared = tuple[AliasMatcher, Titles, AliasMatcher]
_PREPARED: dict[tuple[int, ...], tuple[Sequence[SourceAliases], str | None, Prepared]] = {}


def prepared(sources: Sequence[SourceAliases], language: str | None) -> Prepared:
    """The matchers for these very sources (the same objects, article after article of one
    call), built once: a knowledge base's thousands of aliases cost more to index than to
    match."""
    key = (*map(id, sources), hash(language))
    cached = _PREPARED.get(key)
    if (
        cached is not None
        and cached[1] == language
        and all(a is b for a, b in zip(cached[0], sources, strict=True))
    ):
        return cached[2]
    places = [SourceAliases(s.name, s.places) for s in sources if s.places and not s.foreign]
    made = (
        AliasMatcher(sources, language),
        Titles(sources, language),
        AliasMatcher(places, language),
    )
    if len(_PREPARED) > 16:
        _PREPARED.clear()
    _PREPARED[key] = (tuple(sources), language, made)
    return made
