"""Splitting a body into statements, with exact character offsets.

pySBD does the sentence boundary work (rule-based, French and English golden rules, no model
to download). We run it per paragraph, so a statement never crosses a paragraph, and locate each
sentence in the body ourselves so offsets are exact even when a sentence repeats.
"""

from __future__ import annotations

import functools
import logging
import re

import pysbd

from app.domain.model import Span
from app.domain.text import paragraphs

_SUPPORTED = {"fr", "en"}
# A quotation closed after its own full stop ("… des rumeurs. » Le Kremlin …") ends the sentence
# when an upper-case word follows; pySBD keeps both sentences together there.
_QUOTE_END = re.compile(r"[.!?…]\s*»(\s+)(?=[^\W\d_])")


@functools.lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def segment(body: str, language: str | None) -> list[Span]:
    """Sentence spans of `body`, in order; each is stripped of surrounding whitespace."""
    lang = language if language in _SUPPORTED else "en"
    spans: list[Span] = []
    for p_start, p_end in paragraphs(body):
        spans.extend(_segment_paragraph(body, p_start, p_end, lang))
    return spans


def _segment_paragraph(body: str, p_start: int, p_end: int, language: str) -> list[Span]:
    paragraph = body[p_start:p_end]
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for sentence in _segmenter(language).segment(paragraph):
        text = sentence.strip()
        if not text:
            continue
        found = paragraph.find(text, cursor)
        if found < 0:  # the segmenter altered the text: keep the paragraph whole, never lose text
            logging.getLogger(__name__).warning("segmenter output not found; paragraph kept whole")
            return [Span(p_start, p_end)]
        pieces.extend(_split_after_quotes(paragraph, found, found + len(text)))
        cursor = found + len(text)
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        # A piece that starts in lower case or with a digit continues the previous sentence
        # ("le 3 nov. 2024"): news sentences do not start that way.
        first = paragraph[start]
        if merged and (first.islower() or first.isdigit()):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [Span(p_start + s, p_start + e) for s, e in merged]


def _split_after_quotes(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for match in _QUOTE_END.finditer(paragraph, start, end):
        if paragraph[match.end(1)].isupper():
            pieces.append((start, match.start(1)))
            start = match.end(1)
    pieces.append((start, end))
    return pieces
