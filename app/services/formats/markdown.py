"""Markdown: the text a reader reads, without the markup that writes it.

markdown-it-py (CommonMark, with tables and strikethrough) parses the file; its tokens are
walked to plain text: emphasis markers dropped, a link reduced to its text, a heading without
its '#', each list item a paragraph of its own without its bullet or number, a quotation
without its '>', code kept as its text, HTML comments and images dropped. Paragraphs are
separated by blank lines; a line break inside a paragraph stays, as in a text file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from app.services.formats import join_paragraphs

# HTML written inside Markdown whose text is not article text.
_HIDDEN_HTML = frozenset({"script", "style", "template", "noscript"})
_BLOCK_HTML = frozenset(
    "p div li dt dd tr h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table section figcaption".split()
)


def markdown_to_text(text: str) -> str:
    """The plain text of a Markdown document, paragraphs separated by blank lines."""
    from markdown_it import MarkdownIt  # lazily: see app.services.formats.read_document

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return join_paragraphs(_blocks(parser.parse(text)))


def _blocks(tokens: Sequence[Any]) -> Iterator[str]:
    """One string per paragraph, heading, list item, code block or table row."""
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            yield " | ".join(cell for cell in row if cell)
            row = None
        elif token.type == "inline":
            line = _inline(token.children or [])
            if row is not None:
                row.append(" ".join(line.split()))
            else:
                yield line
        elif token.type in ("fence", "code_block"):
            yield token.content
        elif token.type == "html_block":
            yield _html_text(token.content)


def _inline(children: Sequence[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or _is_br(child):
            parts.append("\n")
        # Markers (emphasis, links, strikethrough), other inline HTML and images: no text.
    return "".join(parts)


def _is_br(token: Any) -> bool:
    return bool(token.type == "html_inline" and token.content.lower().startswith("<br"))


def _html_text(markup: str) -> str:
    """The text of a block of HTML written in the Markdown; comments and scripts have none."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    return _element_text(root)


def _element_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _HIDDEN_HTML:
            text = "" if child.tag == "br" else _element_text(child)
            parts.append(f"\n{text}\n" if child.tag in _BLOCK_HTML or child.tag == "br" else text)
        parts.append(child.tail or "")
    return "".join(parts)
