"""Pure rules about article text: the normal form a body is stored in, titles and hashes."""

from __future__ import annotations

import hashlib
import re

# The steps from a text as read to the stored body, in order. Each is (pattern, replacement);
# `normalise_body` and `normalise_with_origins` run the same steps, so offsets mapped through the
# second land exactly where the first puts the text.
_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # A byte-order mark is not text; inside a text it is one file pasted after another.
    (re.compile("\ufeff"), ""),
    # Every line ending (CRLF, old Mac CR, form feed, Unicode separators) becomes LF.
    (re.compile("\r\n?|[\v\f\x85\u2028\u2029]"), "\n"),
    (re.compile(r"[ \t]+\n"), "\n"),  # trailing blanks
    (re.compile(r"\n[ \t]+"), "\n"),  # indentation is page layout
    # Runs of spaces and tabs are layout too. Non-breaking spaces are not: French typography
    # puts them inside « » and before ; : ! ?, and they stay.
    (re.compile(r"[ \t]{2,}|\t"), " "),
    (re.compile(r"\n{3,}"), "\n\n"),
    (re.compile(r"\A[\n ]+|[\n ]+\Z"), ""),
)


def normalise_body(text: str) -> str:
    """The body a researcher reads: LF line endings, no BOM, layout whitespace collapsed.

    Offsets are taken into this string, so it must be computed once, at import, and stored.
    """
    for pattern, replacement in _STEPS:
        text = pattern.sub(replacement, text)
    return text


def normalise_with_origins(text: str) -> tuple[str, list[int]]:
    """`normalise_body(text)` and, for each of its characters, its index in `text`.

    For positions given over a text as written (a REFI-QDA source, say): the list is sorted, so
    `bisect` maps an offset into `text` to an offset into the body.
    """
    origins = list(range(len(text)))
    for pattern, replacement in _STEPS:
        pieces: list[str] = []
        kept: list[int] = []
        last = 0
        for match in pattern.finditer(text):
            start, end = match.span()
            pieces.append(text[last:start])
            kept.extend(origins[last:start])
            pieces.append(replacement)
            kept.extend([origins[start]] * len(replacement))
            last = end
        pieces.append(text[last:])
        kept.extend(origins[last:])
        text, origins = "".join(pieces), kept
    return text, origins


def split_title(text: str) -> tuple[str, str]:
    """Split a normalised text into its first line (the title) and the rest (the body)."""
    first, _, rest = text.partition("\n")
    return first.strip(), rest.strip("\n ")


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs (blocks separated by blank lines) of a body."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", body):
        start, end = match.span()
        chunk = body[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            spans.append((start, end))
    return spans
