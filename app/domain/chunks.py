"""Cutting a long run of text into pieces of bounded length, at the likeliest sentence ends.

The sentence segmenter's work grows with the square of the length of what it is given (pySBD
searches the whole text again for every sentence it finds), so a paragraph of megabytes on one
line would never finish. Cut into pieces of at most `limit` characters, its work is bounded by
len(text) × limit. Where a piece ends is chosen so the cut changes as few sentences as
possible: after a full stop followed by an upper-case word, else at a space, else anywhere.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass


class Cut(enum.Enum):
    """How a piece is separated from the one before it."""

    FIRST = "first"  # the first piece: nothing before it
    SENTENCE = "sentence"  # a sentence end then white space: almost surely a sentence boundary
    SPACE = "space"  # white space inside a sentence: the next piece continues it
    HARD = "hard"  # no white space in reach: the cut falls inside a word


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    cut: Cut  # how this chunk begins


# A sentence end: a full stop (or ! ? …), then maybe a closing quote or bracket, then white space.
# Which letter follows is checked in code (upper case, maybe after an opening quote).
_SENTENCE_END = re.compile(r"[.!?…]+[»\"”’)\]]*(\s+)")
_OPENING = '«"“‘(['
_WHITESPACE = re.compile(r"\s+")


def chunks(text: str, limit: int) -> list[Chunk]:
    """Consecutive pieces covering `text` exactly, each at most `limit` characters long.

    Text between a sentence-end cut or a space cut and the next piece is the white space
    itself, which belongs to neither piece: pieces cover `text` less those gaps. A piece is
    never shorter than half the limit unless it is the last one, so their number is bounded.
    """
    if limit < 2:
        raise ValueError("a chunk limit must be at least 2 characters")
    pieces: list[Chunk] = []
    start, cut = 0, Cut.FIRST
    while len(text) - start > limit:
        end, next_start, next_cut = _cut(text, start + limit // 2, start + limit)
        pieces.append(Chunk(start, end, cut))
        start, cut = next_start, next_cut
    pieces.append(Chunk(start, len(text), cut))
    return pieces


def _cut(text: str, low: int, high: int) -> tuple[int, int, Cut]:
    """Where to end a piece within text[low:high]: (its end, the next piece's start, kind)."""
    sentence: tuple[int, int] | None = None
    for match in _SENTENCE_END.finditer(text, low, high):
        after = match.end(1)
        if _starts_a_sentence(text, after, match.start()):
            sentence = (match.start(1), after)
    if sentence is not None:
        return sentence[0], sentence[1], Cut.SENTENCE
    space: tuple[int, int] | None = None
    for match in _WHITESPACE.finditer(text, low, high):
        space = match.span()
    if space is not None:
        # The white space may run on past `high`; the next piece starts after all of it.
        end = _WHITESPACE.match(text, space[0])
        assert end is not None
        return space[0], end.end(), Cut.SPACE
    cut = high
    # A cut between a letter and its combining accent (or inside an emoji sequence) would leave
    # a lone mark at the start of the next piece; move it back to the start of the character.
    while cut > low and (unicodedata.combining(text[cut]) or text[cut] in "\u200d\ufe0f"):
        cut -= 1
    return cut, cut, Cut.HARD


def _starts_a_sentence(text: str, at: int, stop: int) -> bool:
    """True when text[at:] begins with an upper-case word and text[:stop] ends with one that
    is not an initial or a title's abbreviation ("M. Dupont", "Dr. Kim", "Mme. Yun")."""
    if at >= len(text):
        return False
    first = text[at + 1] if text[at] in _OPENING and at + 1 < len(text) else text[at]
    if not first.isupper():
        return False
    word = 0  # letters just before the full stop, counted up to four
    while word < 4 and stop - word > 0 and text[stop - word - 1].isalpha():
        word += 1
    if word == 0:  # "en 2024. Le …", "« … ». Le …"
        return stop > 0 and not text[stop - 1].isspace()
    return word > 1 and not (word <= 3 and text[stop - word].isupper())
