"""Finding sources in text: folding for comparison, and alias matching with inflections.

Matching runs on a *folded* copy of a statement: lower case, accents removed, typographic
apostrophes and hyphens made plain, non-breaking spaces made spaces. Folding can change a
string's length (a decomposed "é" is two code points; "ß" casefolds to "ss"), so `fold`
returns, for each folded character, the index of the original character it came from; every
offset reported to a caller is mapped back through it and is exact in the original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

APOSTROPHES = "'’‘ʼ`´"
HYPHENS = "-‐‑"
SPACES = "\u00a0\u202f\u2007\u2009"

_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        if ch in APOSTROPHES:
            folded = "'"
        elif ch in HYPHENS:
            folded = "-"
        elif ch in SPACES:
            folded = " "
        else:
            decomposed = unicodedata.normalize("NFD", ch)
            folded = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").casefold()
        _FOLD_CACHE[ch] = folded
    return folded


@dataclass(frozen=True)
class Folded:
    """A folded text and the original index of each of its characters."""

    text: str
    origin: tuple[int, ...]
    length: int  # length of the original text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original `[start, end)` of the folded range `[start, end)`."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else self.length
            return at, at
        last = self.origin[end - 1] + 1
        # Combining accents fold to nothing: the ones after the last character belong to it.
        following = self.origin[end] if end < len(self.origin) else self.length
        return self.origin[start], max(last, following)


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping the way back to original offsets."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return Folded("".join(pieces), tuple(origin), len(text))


def fold_plain(text: str) -> str:
    """Folded text alone, for building patterns and comparing words."""
    return "".join(_fold_char(ch) for ch in text)


# French adjectives and nouns agree in gender and number: sud-coréen, sud-coréenne(s),
# sud-coréens; russe, russes. English only pluralises (Ukrainians). An optional ending is
# cheaper and safer than a stemmer, and an alias typed in any form still matches its own form.
_ENDINGS = {"fr": r"(?:nes|ne|es|s|e)?", "en": r"(?:s)?"}


def alias_pattern(alias: str, language: str) -> str:
    """A regex (on folded text) for one alias: word-bounded, spacing- and inflection-tolerant."""
    folded = " ".join(fold_plain(alias).split())
    body = "".join(r"\s+" if ch == " " else re.escape(ch) for ch in folded)
    ending = _ENDINGS.get(language, r"(?:nes|ne|es|s|e)?") if folded[-1:].isalpha() else ""
    # No letter, digit or hyphen before (so "russe" is not found in "biélorusse" and
    # "coréen" not in "nord-coréen"); no letter or digit after the optional ending.
    return rf"(?<![\w-]){body}{ending}(?!\w)"


@dataclass(frozen=True)
class SourceAliases:
    """A source as the matcher sees it: its name, its aliases per language, its specificity."""

    name: str
    aliases: Mapping[str, tuple[str, ...]]
    specific: bool = False  # a sub-source (has a parent): wins a tie with its parent
    # Nouns that refer back to the source once named ("the spy agency"), per language.
    titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    foreign: bool = False  # a speaker the project does not track (Washington, NATO…)
    known: frozenset[str] = frozenset()  # aliases that come from the knowledge base
    learnt: frozenset[str] = frozenset()  # aliases a researcher adopted from their tags
    # Cities and regions: who an unnamed office there speaks for ("the regional governor").
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A source named in a folded statement: folded offsets and the folded words matched."""

    source: str
    start: int
    end: int
    words: str
    foreign: bool = False  # the speaker is not one of the project's sources
    origin: str = ""  # where the alias comes from: "" (the project), "knowledge", "learnt"


_FIRST_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=32768)
def _compiled(alias: str, language: str) -> tuple[str, re.Pattern[str]] | None:
    """An alias's index key and pattern, compiled once per process: a knowledge base holds
    thousands, more than `re`'s own cache keeps."""
    first = _FIRST_WORD.search(fold_plain(alias))
    if first is None:
        return None
    return first.group()[:_KEY_LENGTH], re.compile(alias_pattern(alias, language))


_KEY_LENGTH = 3  # aliases are indexed by the first letters of their first word


class AliasMatcher:
    """Finds every source mention in folded text; built once per article language.

    Each alias is tried only where a word starts with the same letters as its first word, so
    hundreds of aliases (a knowledge base's) cost little more than a few.
    """

    def __init__(self, sources: Iterable[SourceAliases], language: str | None) -> None:
        self._index: dict[str, list[tuple[re.Pattern[str], int, str, str]]] = {}
        self._sources: list[SourceAliases] = []
        for order, source in enumerate(sources):
            self._sources.append(source)
            if language is not None and language in source.aliases:
                aliases = [source.name, *source.aliases[language]]
                lang = language
            else:  # unknown language: every language's aliases, with the wider French endings
                aliases = [source.name, *(a for v in source.aliases.values() for a in v)]
                lang = "fr"
            if source.foreign:  # known by its aliases only: "UN" would be French "un"
                aliases = aliases[1:]
            for alias in {" ".join(a.split()) for a in aliases if a.strip()}:
                compiled = _compiled(alias, lang)
                if compiled is None:
                    continue
                key, pattern = compiled
                origin = (
                    "learnt"
                    if alias in source.learnt
                    else "knowledge"
                    if alias in source.known
                    else ""
                )
                self._index.setdefault(key, []).append((pattern, order, origin, alias))

    def mentions(self, folded: str) -> list[Mention]:
        """Non-overlapping mentions in text order; of overlapping ones the longest wins."""
        found: list[tuple[int, int, int, str]] = []
        for word in _FIRST_WORD.finditer(folded):
            for pattern, order, origin, _alias in self._index.get(word.group()[:_KEY_LENGTH], ()):
                match = pattern.match(folded, word.start())
                if match is not None:
                    found.append((match.start(), match.end(), order, origin))
        # Longest, then most specific, then project-tracked, then first-listed source keeps a
        # contested stretch.
        sources = self._sources
        found.sort(
            key=lambda f: (
                -(f[1] - f[0]),
                not sources[f[2]].specific,
                sources[f[2]].foreign,
                f[2],
                f[0],
            )
        )
        kept: list[tuple[int, int, int, str]] = []
        for item in found:
            if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
                kept.append(item)
        kept.sort()
        return [
            Mention(
                BASED_THERE if _based_there(folded, s, e) else sources[order].name,
                s,
                e,
                folded[s:e],
                foreign=sources[order].foreign or _based_there(folded, s, e),
                origin=origin,
            )
            for s, e, order, origin in kept
        ]


# "A Seoul-based rights group", « une société basée à Vladivostok »: the place an organisation
# is based in. The organisation speaks, and the project does not track it: the mention is of
# this speaker, which every suggester counts as foreign.
BASED_THERE = "(an organisation based there)"
_BASED_AFTER = re.compile(r"-(?:based|born)(?![\w-])")
# « basé à Séoul », « en poste à Séoul », "a diplomat stationed in Seoul": where a speaker
# sits, not whom it speaks for.
_BASED_BEFORE = re.compile(
    r"(?<![\w-])(?:basee?s?|en poste|accredite\w*|installee?s?) a\s+$"
    r"|(?<![\w-])(?:based|stationed|posted|accredited) in\s+$"
)


def _based_there(folded: str, start: int, end: int) -> bool:
    return (
        _BASED_AFTER.match(folded, end) is not None
        or _BASED_BEFORE.search(folded, max(0, start - 16), start) is not None
    )
