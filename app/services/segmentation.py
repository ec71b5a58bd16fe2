"""Splitting a body into statements, with exact character offsets.

pySBD does the sentence boundary work (rule-based, French and English golden rules, no model
to download). We run it per paragraph, so a statement never crosses a paragraph, and locate each
sentence in the body ourselves so offsets are exact even when a sentence repeats.

pySBD's work grows with the square of the length of what it is given (a 180 KB paragraph takes
seconds, a 4.7 MB one never ends), so a paragraph longer than `MAX_CHUNK` characters is cut into
pieces of at most that length first (`app.domain.chunks`: at a sentence end where it can) and
each piece is segmented on its own: the work is bounded by len(body) × MAX_CHUNK. Paragraphs of
real articles are far shorter and are segmented whole, exactly as before.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable

import pysbd

from app.domain.chunks import Cut, chunks
from app.domain.model import Span
from app.domain.text import paragraphs

_SUPPORTED = {"fr", "en"}
# A quotation closed after its own full stop ("… des rumeurs. » Le Kremlin …") ends the sentence
# when an upper-case word follows; pySBD keeps both sentences together there.
_QUOTE_END = re.compile(r"[.!?…]\s*»(\s+)(?=[^\W\d_])")
# The longest text given to pySBD at once: 10,000 characters take it ~15 ms, and a news
# paragraph is rarely a fifth of that.
MAX_CHUNK = 10_000
# Progress is reported at most this often (in fractions of the body), so a body of a hundred
# thousand short paragraphs does not flood a progress dialog with calls.
_PROGRESS_STEP = 0.01

Progress = Callable[[float], None]
"""Called with the fraction (0 to 1) of the body segmented so far."""


@functools.lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def segment(body: str, language: str | None, progress: Progress | None = None) -> list[Span]:
    """Sentence spans of `body`, in order; each is stripped of surrounding whitespace.

    `progress`, if given, is called as the work goes on with the fraction of the body done
    (after each paragraph, or each piece of a long one), last with 1.0.
    """
    lang = language if language in _SUPPORTED else "en"
    spans: list[Span] = []
    reported = 0.0

    def advanced(offset: int) -> None:
        nonlocal reported
        if progress is not None and offset / len(body) - reported >= _PROGRESS_STEP:
            reported = offset / len(body)
            progress(reported)

    for p_start, p_end in paragraphs(body):
        spans.extend(_segment_paragraph(body, p_start, p_end, lang, advanced))
    if progress is not None:
        progress(1.0)
    return spans


def _segment_paragraph(
    body: str, p_start: int, p_end: int, language: str, advanced: Callable[[int], None]
) -> list[Span]:
    paragraph = body[p_start:p_end]
    pieces: list[tuple[int, int]] = []
    glued: set[int] = set()  # where a chunk was cut inside a word: the two sides are one piece
    for chunk in chunks(paragraph, MAX_CHUNK):
        if chunk.cut is Cut.HARD:
            glued.add(chunk.start)
        found = _sentences(paragraph, chunk.start, chunk.end, language)
        if found is None:  # the segmenter altered the text: keep it whole, never lose text
            logging.getLogger(__name__).warning("segmenter output not found; text kept whole")
            found = _stripped(paragraph, chunk.start, chunk.end)
        pieces.extend(found)
        advanced(p_start + chunk.end)
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        # A piece that starts in lower case or with a digit continues the previous sentence
        # ("le 3 nov. 2024"): news sentences do not start that way. Across a chunk cut at a
        # space, the same rule mends a sentence the cut went through.
        first = paragraph[start]
        if merged and (first.islower() or first.isdigit() or start in glued):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [Span(p_start + s, p_start + e) for s, e in merged]


def _sentences(paragraph: str, start: int, end: int, language: str) -> list[tuple[int, int]] | None:
    """pySBD's sentences of paragraph[start:end], as offsets into the paragraph; None if a
    sentence it returns cannot be found in the text."""
    chunk = paragraph[start:end]
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for sentence in _segmenter(language).segment(chunk):
        text = sentence.strip()
        if not text:
            continue
        found = chunk.find(text, cursor)
        if found < 0:
            return None
        pieces.extend(_split_after_quotes(paragraph, start + found, start + found + len(text)))
        cursor = found + len(text)
    return pieces


def _stripped(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    text = paragraph[start:end]
    left = len(text) - len(text.lstrip())
    right = len(text) - len(text.rstrip())
    return [(start + left, end - right)] if end - right > start + left else []


def _split_after_quotes(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for match in _QUOTE_END.finditer(paragraph, start, end):
        if paragraph[match.end(1)].isupper():
            pieces.append((start, match.start(1)))
            start = match.end(1)
    pieces.append((start, end))
    return pieces
