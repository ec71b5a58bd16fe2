"""The words a search sees: what SQLite's `unicode61 remove_diacritics 2` tokenizer makes of a
text, written out so that PostgreSQL searches the same words (`store/fts.py`).

A word is a run of letters and digits; everything else separates words. Letters are lower-cased
and stripped of their diacritics ("Séoul" → "seoul", "Koursk" → "koursk"); a ligature such as
"œ" stays what it is, as it does in SQLite.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The searchable words of a text, in order."""
    return _WORD.findall(fold(text))


def prefix_query(user_text: str) -> list[list[str]]:
    """A search box's input as groups of words: each group is one typed word (several words
    when it held punctuation, "nord-coréennes", which must then follow each other); every group
    must match, the last word of the last group as a prefix. Empty when nothing is searchable.
    """
    return [group for group in (words(typed) for typed in user_text.split()) if group]
