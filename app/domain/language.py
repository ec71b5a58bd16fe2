"""Telling French from English by their commonest words; anything else is 'unknown'.

Articles in this field are long enough that function words settle it; a guess on a language we do
not know would mislead the segmenter and the suggestions, so we say 'unknown' instead.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_FRENCH = frozenset(
    "le la les des du de un une et est sont dans pour par sur que qui pas au aux ses son sa "
    "avec ce cette été selon ont il elle nous vous leur leurs mais ou où".split()
)
_ENGLISH = frozenset(
    "the of and to in is are was were that which for on with by as at from this it its has have "
    "had be been said not but or their they".split()
)


def detect_language(text: str, sample_chars: int = 20_000) -> str:
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < 3:
        return "unknown"
    fr = sum(w in _FRENCH for w in words)
    en = sum(w in _ENGLISH for w in words)
    share = max(fr, en) / len(words)
    if share < 0.12 or fr == en:
        return "unknown"
    return "fr" if fr > en else "en"


def quoted(text: str, language: str = "en") -> str:
    """`text` in the quotation marks of `language`: “…” in English, « … » (with no-break
    spaces) in French."""
    if language == "fr":
        return f"«\u00a0{text}\u00a0»"
    return f"\u201c{text}\u201d"
