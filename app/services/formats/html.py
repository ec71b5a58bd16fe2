"""Web pages: keep the article, drop the page around it.

trafilatura finds the article (and drops navigation, share buttons, related links, comments,
cookie banners, scripts, styles and iframes) and reads the metadata a news page carries: meta
tags, OpenGraph and JSON-LD. It works on the markup it is given and fetches nothing; no script
in the page runs, since nothing here executes JavaScript.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from app.services.formats import Document, join_paragraphs, parse_date
from app.services.reading import InputError, decode_text

# Only the head of a page is searched for its declared encoding and language.
_HEAD_BYTES = 64 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
_LOCALE = re.compile(
    r"""<meta[^>]+(?:property|name)\s*=\s*["']og:locale["'][^>]*content\s*=\s*["']([A-Za-z_-]+)""",
    re.I,
)
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "div", "code"})
_SKIPPED = frozenset({"graphic", "fw", "note", "ref-list"})


def read_html(data: bytes, name: str) -> Document:
    """The article of a saved or fetched web page, with its title, outlet, author, date and url."""
    import trafilatura  # lazily: see app.services.formats.read_document

    markup = decode_html(data, name)
    if "<" not in markup:
        raise InputError(f"{name} is not a web page (it holds no HTML markup)")
    options = {"include_comments": False, "include_images": False, "include_links": False}
    try:
        # The balanced extraction keeps every paragraph of an article; but on a page with no
        # article (a home page, a menu) it falls back to whatever text there is, so the
        # precise one, which finds nothing there, decides whether there is an article at all.
        precise = trafilatura.bare_extraction(markup, favor_precision=True, **options)
        found = precise and trafilatura.bare_extraction(markup, with_metadata=True, **options)
    except (ValueError, TypeError, AttributeError) as error:  # markup lxml cannot make a tree of
        raise InputError(f"{name} cannot be read as a web page: {error}") from error
    if not found or getattr(found, "body", None) is None:
        raise InputError(f"{name}: no article text found in the page")
    text = join_paragraphs(_blocks(found.body))
    if not text:
        raise InputError(f"{name}: no article text found in the page")
    return Document(
        text=text,
        format="html",
        title=_clean(found.title),
        outlet=_clean(found.sitename),
        author=_clean(found.author),
        url=_clean(found.url),
        published=parse_date(found.date),
        language=declared_language(markup),
    )


def decode_html(data: bytes, name: str) -> str:
    """Bytes of a page as text: a byte-order mark, then the page's own charset, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name).text
    declared = _CHARSET.search(data[:_HEAD_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detection below decides
    return decode_text(data, name).text


def declared_language(markup: str) -> str | None:
    """The language a page declares (`<html lang>`, else og:locale), e.g. 'fr' or 'en-gb'."""
    head = markup[:_HEAD_BYTES]
    match = _LANG.search(head) or _LOCALE.search(head)
    return match.group(1).replace("_", "-").lower() if match else None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _blocks(children: Any) -> Iterator[str]:
    """The paragraphs of trafilatura's tree: headings, paragraphs, list items, quotes, rows."""
    for child in children:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:  # XML comments, figures, notes
            continue
        if tag == "table":
            for row in child.iter("row"):
                cells = (_inline(cell).strip() for cell in row if cell.tag == "cell")
                yield " | ".join(c for c in cells if c)
        elif tag == "list":
            for item in child:
                if item.tag == "item":
                    yield _inline(item, skip=_BLOCKS)
                    yield from _blocks(c for c in item if c.tag in _BLOCKS)
        elif any(c.tag in _BLOCKS for c in child):  # a quote or a division holding paragraphs
            yield _inline(child, skip=_BLOCKS)
            yield from _blocks(c for c in child if c.tag in _BLOCKS)
        else:
            yield _inline(child)


def _inline(element: Any, skip: frozenset[str] = frozenset()) -> str:
    """The text of one block; `<lb/>` is a line break, nested blocks in `skip` are left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in skip | _SKIPPED:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
