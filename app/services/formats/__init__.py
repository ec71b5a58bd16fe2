"""Readers for the formats researchers keep articles in: text, Markdown, web pages, Word, PDF.

Each reader turns the bytes of one file into a `Document`: the article's text, paragraphs
separated by blank lines, and whatever metadata the format carries. The importer then merges
that metadata with what the user gave (the user wins) and makes the stored body from the text.
Readers never touch the network and never run anything the file contains.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.reading import InputError, decode_text

# Suffix → format name (the name is kept as the article's `origin_format`).
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

MAX_FILE_BYTES = 100 * 1024 * 1024  # a PDF with pictures can be large; this refuses a runaway


@dataclass(frozen=True)
class Document:
    """What a reader found in a file: the text and the metadata the file itself carries."""

    text: str
    format: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None  # as the file declares it ("fr", "en-GB", ...), if it does
    sha256: str | None = None  # of the bytes read

    @classmethod
    def from_text(cls, text: str, fmt: str, *, sha256: str | None = None) -> Document:
        """The document of a decoded text file: Markdown ("markdown") becomes its plain text."""
        if fmt == "markdown":
            from app.services.formats.markdown import markdown_to_text

            text = markdown_to_text(text)
        return cls(text, fmt, sha256=sha256)


def read_document(data: bytes, fmt: str, name: str) -> Document:
    """Read `data` (the bytes of a file called `name`) as format `fmt`; InputError if it cannot."""
    # Each reader is imported when first needed: the command line starts faster, and a
    # library's import cost is paid only by those who import that format.
    if fmt in ("text", "markdown"):
        document = Document.from_text(decode_text(data, name).text, fmt)
    elif fmt == "html":
        from app.services.formats.html import read_html

        document = read_html(data, name)
    elif fmt == "docx":
        from app.services.formats.word import read_docx

        document = read_docx(data, name)
    elif fmt == "pdf":
        from app.services.formats.pdf import read_pdf

        document = read_pdf(data, name)
    else:
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name}: unsupported format '{format}'").format(
                name=name, format=fmt
            )
        )
    return replace(document, sha256=hashlib.sha256(data).hexdigest())


_BLANKS = re.compile(r"[ \t\r\f\v]+")  # ASCII whitespace only: a non-breaking space is text


def paragraph_text(text: str) -> str:
    """One paragraph as the reader sees it: blank runs collapsed, line breaks kept single."""
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs separated by blank lines, the way a body keeps them apart."""
    return "\n\n".join(p for p in (paragraph_text(p) for p in paragraphs) if p)


def parse_date(text: str | None) -> date | None:
    """The date of an ISO 8601 date or timestamp ('2024-11-05', '2024-11-05T08:30:00+01:00')."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
