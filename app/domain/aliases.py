"""Finding sources in text: folding for comparison, and alias matching with inflections.

Matching runs on a *folded* copy of a statement: lower case, accents removed, typographic
apostrophes and hyphens made plain, non-breaking spaces made spaces. Folding can change a
string's length (a decomposed "é" is two code points; "ß" casefolds to "ss"), so `fold`
returns, for each folded character, the index of the original character it came from; every
offset reported to a caller is mapped back through it and is exact in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Mention:
    """A source named in a folded statement: folded offsets and the folded words matched."""

    source: str
    start: int
    end: int
    words: str


class AliasMatcher:
    """Finds every source mention in folded text; built once per article language."""

    def __init__(self, sources: Iterable[SourceAliases], language: str | None) -> None:
        self._patterns: list[tuple[str, bool, int, re.Pattern[str]]] = []
        for order, source in enumerate(sources):
            if language is not None and language in source.aliases:
                aliases = [source.name, *source.aliases[language]]
                lang = language
            else:  # unknown language: every language's aliases, with the wider French endings
                aliases = [source.name, *(a for v in source.aliases.values() for a in v)]
                lang = "fr"
            # Longest first, so "l'état-major sud-coréen" wins over "sud-coréen".
            unique = sorted({" ".join(a.split()) for a in aliases if a.strip()}, key=len)
            alternation = "|".join(alias_pattern(a, lang) for a in reversed(unique))
            if alternation:
                self._patterns.append(
                    (source.name, source.specific, order, re.compile(alternation))
                )

    def mentions(self, folded: str) -> list[Mention]:
        """Non-overlapping mentions in text order; of overlapping ones the longest wins."""
        found: list[tuple[int, int, bool, int, str]] = []
        for name, specific, order, pattern in self._patterns:
            for match in pattern.finditer(folded):
                found.append((match.start(), match.end(), specific, order, name))
        # Longest, then most specific, then first-listed source keeps a contested stretch.
        found.sort(key=lambda f: (-(f[1] - f[0]), not f[2], f[3], f[0]))
        kept: list[tuple[int, int, bool, int, str]] = []
        for item in found:
            if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
                kept.append(item)
        kept.sort()
        return [Mention(name, s, e, folded[s:e]) for s, e, _sp, _o, name in kept]
