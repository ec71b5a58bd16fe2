"""PDF files with a text layer: the text in reading order, as paragraphs a researcher reads.

PDFium (through pypdfium2) gives every character with its box, in the order the page draws
them, and marks line ends. From the boxes we rebuild lines and paragraphs: a paragraph ends
where the gap between lines grows, the font size changes, a line is indented or a short line
ends a sentence. Running headers and footers (a line repeated at the top or bottom of the
pages) and page numbers are dropped, and a word hyphenated at a line end is joined again.
"""

from __future__ import annotations

import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.formats import Document, join_paragraphs
from app.services.reading import InputError

# PDFium is not thread-safe, and the window imports in a worker thread.
_PDFIUM = threading.Lock()

_LINE_END_HYPHENS = {0x02, 0xFFFE, 0xAD}  # PDFium's mark for a hyphen it saw at a line end
_HYPHENS = "-\u2010\u00ad"
_SENTENCE_END = '.!?:;»"”’)…'
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|pág\.?|pagina)?\s*[-–—(]?\s*\d{1,4}\s*[-–—)]?"
    r"(?:\s*(?:/|sur|of|de|von|di)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_JUNK_TITLE = re.compile(
    r"^(?:untitled|microsoft word - .*|.*\.(?:docx?|pdf|indd|qxd|txt|rtf))$", re.I
)
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    left: float
    right: float
    size: float
    hyphen: bool = False  # the line ends with a word hyphenated across the break
    in_margin: bool = False  # in the top or bottom twelfth of the page


def read_pdf(data: bytes, name: str) -> Document:
    """The text of a PDF's text layer as paragraphs; a scan without text is refused."""
    import pypdfium2 as pdfium  # lazily: see app.services.formats.read_document

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            refusal = (
                QT_TRANSLATE_NOOP(
                    "Refusals", "{name} cannot be read as a PDF: it is protected by a password"
                )
                if "password" in str(error).lower()
                else QT_TRANSLATE_NOOP(
                    "Refusals", "{name} cannot be read as a PDF: it is damaged or not a PDF"
                )
            )
            raise InputError(refusal.format(name=name)) from error
        try:
            pages = [_page_lines(pdf, number) for number in range(len(pdf))]
            title = pdf.get_metadata_value("Title")
        except pdfium.PdfiumError as error:
            raise InputError(
                QT_TRANSLATE_NOOP("Refusals", "{name} cannot be read as a PDF: {reason}").format(
                    name=name, reason=str(error)
                )
            ) from error
        finally:
            pdf.close()
    visible = "".join(line.text for page in pages for line in page)
    if not visible.strip():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{name} has no text layer (a scanned image?); make it searchable with OCR, "
                "for example OCRmyPDF, then import it again",
            ).format(name=name)
        )
    unreadable = sum(1 for ch in visible if ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF)
    if unreadable > len(visible) * 0.2:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name}: the PDF's text layer cannot be decoded (its fonts map no text)"
            ).format(name=name)
        )
    body = [line for page in _drop_running_lines(pages) for line in page]
    text = join_paragraphs(_paragraphs(body))
    if not text:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} holds no text besides headers and page numbers"
            ).format(name=name)
        )
    title = " ".join((title or "").split())
    return Document(
        text=text,
        format="pdf",
        title=title if title and not _JUNK_TITLE.match(title) and title != name else None,
    )


def _page_lines(pdf: Any, number: int) -> list[_Line]:
    """The lines of one page in drawing order, each with its box and font size."""
    import pypdfium2.raw as pdfium_c

    page = pdf[number]
    textpage = page.get_textpage()
    margin = page.get_height() / 12
    page_top = page.get_height() - margin
    lines: list[_Line] = []
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    sizes: list[float] = []

    def close(hyphen: bool = False) -> None:
        text = "".join(chars).strip()
        if text and boxes:
            top, bottom = max(b[3] for b in boxes), min(b[1] for b in boxes)
            lines.append(
                _Line(
                    text=text,
                    page=number,
                    top=top,
                    bottom=bottom,
                    left=min(b[0] for b in boxes),
                    right=max(b[2] for b in boxes),
                    size=statistics.median(sizes) if sizes else 0.0,
                    hyphen=hyphen,
                    in_margin=bottom > page_top or top < margin,
                )
            )
        chars.clear()
        boxes.clear()
        sizes.clear()

    try:
        count = textpage.count_chars()
        index = 0
        while index < count:
            code = pdfium_c.FPDFText_GetUnicode(textpage, index)
            if 0xD800 <= code < 0xDC00 and index + 1 < count:  # a surrogate pair (Windows builds)
                low = pdfium_c.FPDFText_GetUnicode(textpage, index + 1)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                index += 1
            if code == 0x0A:
                close()
            elif code in _LINE_END_HYPHENS:
                chars.append("-")
                close(hyphen=True)
            elif code != 0x0D and code >= 0x20:
                chars.append(chr(code))
                if not chr(code).isspace():
                    boxes.append(textpage.get_charbox(index))
                    sizes.append(pdfium_c.FPDFText_GetFontSize(textpage, index))
            index += 1
        close()
    finally:
        textpage.close()
        page.close()
    return lines


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without page numbers and without their running headers and footers.

    A header or footer is a line at the top or bottom of the page that most pages repeat
    (numbers aside), or, on a page alone, a line in the page's margin set smaller than the text.
    """
    edges = [_edge_lines(page) for page in pages]
    seen = Counter(sig for page in edges for sig in {_signature(line.text) for line in page})
    needed = max(2, (len(pages) + 1) // 2)
    sizes: Counter[float] = Counter()
    for line in (line for page in pages for line in page):
        sizes[round(line.size, 1)] += len(line.text)
    text_size = max(sizes, key=lambda size: sizes[size]) if sizes else 0.0  # most characters
    result = []
    for page, page_edges in zip(pages, edges, strict=True):
        dropped = {
            id(line)
            for line in page_edges
            if _PAGE_NUMBER.match(line.text)
            or seen[_signature(line.text)] >= needed
            or (line.in_margin and line.size < 0.85 * text_size)
        }
        result.append([line for line in page if id(line) not in dropped])
    return result


def _edge_lines(page: list[_Line]) -> list[_Line]:
    """The two highest and the two lowest lines of a page: where headers and footers sit."""
    by_height = sorted(page, key=lambda line: -line.top)
    return by_height[:2] + by_height[-2:] if len(by_height) > 4 else by_height


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines grouped into paragraphs, hyphenated words rejoined."""
    if not lines:
        return []
    pitch = _typical_pitch(lines)
    margin_left = _mode(round(line.left) for line in lines)
    margin_right = max(line.right for line in lines)
    hyphenated = {w.casefold() for line in lines for w in _WORD.findall(line.text) if "-" in w}
    paragraphs: list[str] = []
    current = lines[0].text
    for previous, line in zip(lines, lines[1:], strict=False):
        if _breaks(previous, line, pitch, margin_left, margin_right):
            paragraphs.append(current)
            current = line.text
        else:
            current = _join(current, previous, line.text, hyphenated)
    paragraphs.append(current)
    return paragraphs


def _breaks(a: _Line, b: _Line, pitch: float, margin_left: float, margin_right: float) -> bool:
    """Whether line `b` starts a new paragraph after line `a`."""
    ends_sentence = not a.hyphen and a.text[-1] in _SENTENCE_END
    size = max(a.size, b.size, 1.0)
    if abs(a.size - b.size) > 0.15 * size:  # a heading, a caption
        return True
    if b.page != a.page or b.top > a.top:  # a new page or a new column: only the text tells
        return ends_sentence
    if a.bottom - b.bottom > 1.4 * (pitch or 1.2 * size):
        return True
    if margin_left + 0.8 * size < b.left < margin_left + 8 * size and abs(a.left - margin_left) < 2:
        return True  # a first-line indent
    return ends_sentence and a.right < margin_right - 4 * size


def _typical_pitch(lines: list[_Line]) -> float:
    """The commonest distance between the baselines of two lines of one paragraph."""
    pitches = [
        round(a.bottom - b.bottom, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.bottom - b.bottom > 0 and abs(a.size - b.size) < 0.5
    ]
    return _mode(pitches) if pitches else 0.0


def _mode(values: Any) -> float:
    counts = Counter(values)
    return float(max(counts, key=lambda v: (counts[v], -v))) if counts else 0.0


def _join(paragraph: str, previous: _Line, text: str, hyphenated: set[str]) -> str:
    """Append a line to a paragraph; a word cut by a line-end hyphen is made whole again.

    The hyphen stays when the word is spelt with one elsewhere in the document
    ("sud-coréen"), or when the next line starts with a capital ("Jean-Pierre").
    """
    if not (previous.hyphen or (paragraph[-1] in _HYPHENS and paragraph[-2:-1].isalpha())):
        return f"{paragraph} {text}"
    head = paragraph[:-1]
    before = _WORD.findall(head[-60:])
    after = _WORD.findall(text[:60])
    if before and after and head.endswith(before[-1]) and text.startswith(after[0]):
        if f"{before[-1]}-{after[0]}".casefold() in hyphenated or not text[0].islower():
            return f"{head}-{text}"
        return head + text
    return f"{paragraph} {text}" if not previous.hyphen else f"{head}-{text}"
