"""Pure rules about article text: the normal form a body is stored in, titles and hashes."""

from __future__ import annotations

import hashlib
import re

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_body(text: str) -> str:
    """The body a researcher reads: LF line endings, no BOM, no trailing blanks.

    Offsets are taken into this string, so it must be computed once, at import, and stored.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


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
