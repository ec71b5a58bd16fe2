"""Search hits shown where they were found: the spans of a search's words in a text (in any
case, accents optional, as the search matches them), as rich text and as a table delegate."""

from __future__ import annotations

import unicodedata
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain.contrast import LIGHT
from app.ui.theme import scheme

HIT_COLOUR = LIGHT.hit_background  # in the light theme; `scheme().hit_background` in any
Index = QModelIndex | QPersistentModelIndex


def _fold(char: str) -> str:
    """One character without its accents, in lower case; one character for one, so offsets in
    the folded text are offsets in the text."""
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def hit_spans(text: str, search: str | None) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each word of `search` in `text`, merged, in order."""
    words = [w for w in (search or "").split() if w.strip('"*')]
    if not words:
        return []
    folded = "".join(_fold(c) for c in text)
    spans: list[tuple[int, int]] = []
    for word in {"".join(_fold(c) for c in w.strip('"*')) for w in words}:
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlighted_html(text: str, search: str | None) -> str:
    """`text` as escaped rich text with its hits marked."""
    parts: list[str] = []
    position = 0
    colours = scheme()
    background = colours.hit_background
    style = f"background-color:{background};color:{colours.text_on(background)}"
    for start, end in hit_spans(text, search):
        parts.append(escape(text[position:start]))
        parts.append(f'<span style="{style}">{escape(text[start:end])}</span>')
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


class HitDelegate(QStyledItemDelegate):
    """Paints a cell's text with the hits of the current search marked (`search`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search: str | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not hit_spans(text, self.search):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background, selection and focus as usual; the text drawn below
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        document.setDocumentMargin(0)
        # One line, as the table shows its cells (no word wrap): the rest is clipped.
        document.setHtml(highlighted_html(" ".join(text.split()), self.search))
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0, (rect.height() - document.size().height()) / 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
