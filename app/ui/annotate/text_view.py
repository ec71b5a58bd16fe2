"""The article text with statements highlighted; maps document positions to body offsets.

The document is built piece by piece: body text (mapped to offsets) interleaved with small
labels after tagged statements (a stance glyph and the source name, so the stance shows
without colour). A segment table maps positions back to body offsets, so a selection or the
cursor always gives exact `body[start:end]` offsets whatever the labels and emoji. After a tag
edit only that statement is rendered again (its tint and its labels), the positions after it
shifted by the labels' change in length; the rest of the document is left as it is.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from app.domain.offsets import utf16_length, utf16_to_index
from app.services.browse import ArticleView, StatementView
from app.ui.search_hits import hit_spans
from app.ui.theme import scheme

STANCE_GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●"}
# A label is glued to the end of its statement (a narrow no-break space, no-break spaces
# inside it): it never wraps to the start of the next line, where it would seem to belong to
# the next statement.
LABEL_GAP = "\u202f"
# A statement marked "no source": no source tint, its text greyed, and a label saying so.
NO_SOURCE_MARK = LABEL_GAP + "\u2205\u00a0"  # then "no source", in the interface's language
# Every colour comes from the theme's scheme (`ui/theme.py`): tints, labels, the current
# statement's grey, search hits, each with text that reads on it (4.5:1, 7:1 in high contrast).
UNKNOWN_SOURCE_COLOUR = "#888888"
EVIDENCE_COLOUR = "#6a1b9a"  # the wavy underline under a suggestion's cue words


def label_text(glyph: str, source: str) -> str:
    """A tag's label after its statement: the stance glyph and the source, never broken."""
    name = source.replace(" ", "\u00a0")
    return f"{LABEL_GAP}{glyph}\u00a0{name}"


@dataclass(frozen=True)
class Segment:
    doc_start: int  # position in the QTextDocument
    body_start: int  # offset into the article body
    text: str


class StatementText(QTextEdit):
    """Read-only article text; click a statement to make it current."""

    statement_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Mouse selection only: the arrow keys move between statements, not the text cursor.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setPlaceholderText(self.tr("Choose an article on the left."))
        self.document().setDocumentMargin(14)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        # Nobody undoes a read-only text; re-rendered statements must not pile up history.
        self.document().setUndoRedoEnabled(False)
        self._segments: list[Segment] = []
        self._doc_starts: list[int] = []
        self._colours: dict[str, str] = {}
        self._statement_ranges: dict[int, tuple[int, int]] = {}  # each statement's own text
        self._label_ranges: dict[int, tuple[int, int]] = {}  # the labels after it
        self._order: dict[int, int] = {}  # statement id -> its place in the document
        self.current_id: int | None = None
        self.evidence: list[tuple[int, int]] = []  # body spans of the suggestion's cue words
        # The words of a search in the Statements view, marked in the text it opened.
        self.search: str | None = None
        self.search_hits: list[tuple[int, int]] = []  # body spans
        self._body = ""
        self.no_source: frozenset[int] = frozenset()  # statements marked "no source"
        self._shown: dict[int, StatementView] = {}  # as last rendered, to repaint on a new theme

    def set_no_source(self, statement_ids: frozenset[int]) -> None:
        """The statements marked "no source", shown so at their next rendering."""
        self.no_source = statement_ids

    # --- building ---------------------------------------------------------------------------

    def show_article(self, view: ArticleView | None, current_id: int | None = None) -> None:
        scroll = self.verticalScrollBar().value()
        self.clear()
        self._segments, self._doc_starts = [], []
        self._statement_ranges, self._label_ranges, self._order = {}, {}, {}
        self._shown = {}
        if view is None:
            self.current_id = None
            return
        self._colours = view.source_colours
        self._body = view.body
        self.search_hits = hit_spans(view.body, self.search)
        cursor = QTextCursor(self.document())
        # One edit block: the document lays itself out once, not after every insertion.
        cursor.beginEditBlock()
        title_format = QTextCharFormat()
        title_format.setFontWeight(QFont.Weight.Bold)
        title_format.setFontPointSize(self.font().pointSizeF() * 1.3)
        cursor.insertText(view.title, title_format)
        cursor.insertBlock()
        cursor.insertBlock()
        plain = QTextCharFormat()
        position = 0
        for statement in view.statements:
            # Statements may overlap (codings from another tool, a hand-edited CSV): each
            # character is shown once, and an overlapping statement shows its remainder.
            start = max(statement.start, position)
            self._insert(cursor, view.body, position, start, plain)
            doc_start = cursor.position()
            self._insert(cursor, view.body, start, statement.end, self._tint(statement))
            self._statement_ranges[statement.id] = (doc_start, cursor.position())
            self._order[statement.id] = len(self._order)
            self._shown[statement.id] = statement
            label_start = cursor.position()
            self._insert_labels(cursor, statement)
            self._label_ranges[statement.id] = (label_start, cursor.position())
            position = max(position, statement.end)
        self._insert(cursor, view.body, position, len(view.body), plain)
        cursor.endEditBlock()
        self.set_current(current_id, scroll_to=False)
        self.verticalScrollBar().setValue(scroll)

    def update_statements(self, statements: list[StatementView]) -> None:
        """Render these statements again (their tags changed), leaving the rest as it is."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for statement in statements:
            if statement.id in self._statement_ranges:
                self._rerender(cursor, statement)
                self._shown[statement.id] = statement
        cursor.endEditBlock()
        self.set_current(self.current_id, scroll_to=False)

    def _rerender(self, cursor: QTextCursor, statement: StatementView) -> None:
        start, end = self._statement_ranges[statement.id]
        if end > start:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(self._tint(statement))
        label_start, label_end = self._label_ranges[statement.id]
        cursor.setPosition(label_start)
        cursor.setPosition(label_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._insert_labels(cursor, statement)
        shift = cursor.position() - label_end
        self._label_ranges[statement.id] = (label_start, cursor.position())
        if shift:
            self._shift_after(statement.id, label_end, shift)

    def _shift_after(self, statement_id: int, old_end: int, shift: int) -> None:
        """Move everything the document holds after a statement's labels by `shift`."""
        place = self._order[statement_id]
        for other, order in self._order.items():
            if order > place:
                start, end = self._statement_ranges[other]
                self._statement_ranges[other] = (start + shift, end + shift)
                start, end = self._label_ranges[other]
                self._label_ranges[other] = (start + shift, end + shift)
        first = bisect.bisect_left(self._doc_starts, old_end)
        for i in range(first, len(self._segments)):
            segment = self._segments[i]
            self._segments[i] = Segment(segment.doc_start + shift, segment.body_start, segment.text)
            self._doc_starts[i] += shift

    def _colour(self, source: str) -> str:
        return self._colours.get(source) or UNKNOWN_SOURCE_COLOUR

    def _tint(self, statement: StatementView) -> QTextCharFormat:
        """A tagged statement's background: its first source's colour, faint; an untagged
        one is underlined faintly, so that where one statement ends and the next begins shows
        in untagged text too."""
        colours = scheme(self.palette())
        fmt = QTextCharFormat()
        if statement.tags:
            colour = self._colour(statement.tags[0].source)
            fmt.setBackground(QColor(colours.source_tint(colour)))
            fmt.setForeground(QColor(colours.text_on_tint(colour)))
        elif statement.id in self.no_source:
            fmt.setForeground(QColor(colours.muted_text))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(colours.boundary))
        return fmt

    def _insert_labels(self, cursor: QTextCursor, statement: StatementView) -> None:
        colours = scheme(self.palette())
        for tag in statement.tags:
            label = QTextCharFormat()
            label.setForeground(QColor(colours.source_text(self._colour(tag.source))))
            label.setFontPointSize(self.font().pointSizeF() * 0.8)
            label.setFontWeight(QFont.Weight.DemiBold)
            glyph = STANCE_GLYPHS.get(tag.stance, "")
            cursor.insertText(label_text(glyph, tag.source), label)
        if statement.id in self.no_source:
            label = QTextCharFormat()
            label.setForeground(QColor(colours.muted_text))
            label.setFontPointSize(self.font().pointSizeF() * 0.8)
            label.setFontItalic(True)
            cursor.insertText(NO_SOURCE_MARK + self.tr("no source").replace(" ", "\u00a0"), label)

    def _insert(
        self, cursor: QTextCursor, body: str, start: int, end: int, fmt: QTextCharFormat
    ) -> None:
        if end <= start:
            return
        text = body[start:end]
        self._segments.append(Segment(cursor.position(), start, text))
        self._doc_starts.append(cursor.position())
        cursor.insertText(text, fmt)

    # --- current statement ----------------------------------------------------------------

    def set_evidence(self, spans: list[tuple[int, int]]) -> None:
        """Mark the words a suggestion rests on (bold, wavy underline)."""
        self.evidence = spans
        self.set_current(self.current_id, scroll_to=False)

    def set_search(self, search: str | None) -> None:
        """Mark the hits of a search (None: none) in the article shown and those opened next."""
        self.search = search
        self.search_hits = hit_spans(self._body, search)
        self.set_current(self.current_id, scroll_to=False)

    def doc_position(self, body_offset: int) -> int | None:
        """The document position of a body offset (the inverse of `body_offset`)."""
        for segment in self._segments:
            if segment.body_start <= body_offset <= segment.body_start + len(segment.text):
                return segment.doc_start + utf16_length(
                    segment.text[: body_offset - segment.body_start]
                )
        return None

    def _hit_selections(self) -> list[QTextEdit.ExtraSelection]:
        colours = scheme(self.palette())
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colours.hit_background))
        fmt.setForeground(QColor(colours.text_on(colours.hit_background)))
        return self._span_selections(self.search_hits, fmt)

    def _evidence_selections(self) -> list[QTextEdit.ExtraSelection]:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(scheme(self.palette()).source_graphic(EVIDENCE_COLOUR)))
        return self._span_selections(self.evidence, fmt)

    def _span_selections(
        self, spans: Iterable[tuple[int, int]], fmt: QTextCharFormat
    ) -> list[QTextEdit.ExtraSelection]:
        """Body spans (offsets into the article's body) shown in `fmt`; those outside the text
        shown are left out."""
        selections = []
        for start, end in spans:
            doc_start, doc_end = self.doc_position(start), self.doc_position(end)
            if doc_start is None or doc_end is None:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(doc_start)
            cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        return selections

    def set_current(self, statement_id: int | None, *, scroll_to: bool = True) -> None:
        self.current_id = statement_id
        selections = []
        if statement_id in self._statement_ranges:
            start, end = self._statement_ranges[statement_id]
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            colours = scheme(self.palette())
            fmt = QTextCharFormat()
            # Grey, unlike any source's tint, so the current statement never looks tagged by
            # a source; no underline: the evidence's wavy one shows.
            fmt.setBackground(QColor(colours.current_background))
            fmt.setForeground(QColor(colours.text_on(colours.current_background)))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
            selection.format = fmt
            selections.append(selection)
            if scroll_to:
                visible = QTextCursor(self.document())
                visible.setPosition(end)
                self.setTextCursor(visible)
                self.ensureCursorVisible()
                visible.setPosition(start)
                self.setTextCursor(visible)
                self.ensureCursorVisible()
        # The hits first: the current statement's background is drawn over them.
        hits = self._hit_selections() if self.search_hits else []
        self.setExtraSelections(hits + selections + self._evidence_selections())

    # --- positions ---------------------------------------------------------------------------

    def body_offset(self, doc_position: int) -> int | None:
        """The body offset at a document position (None in the title); labels snap forward."""
        if not self._segments:
            return None
        i = bisect.bisect_right(self._doc_starts, doc_position) - 1
        if i < 0:
            return None if doc_position < self._doc_starts[0] else self._segments[0].body_start
        segment = self._segments[i]
        units = doc_position - segment.doc_start
        if units >= utf16_length(segment.text):
            return segment.body_start + len(segment.text)
        return segment.body_start + utf16_to_index(segment.text, units)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.body_offset(cursor.selectionStart())
        end = self.body_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def cursor_offset(self) -> int | None:
        return self.body_offset(self.textCursor().position())

    def statement_at(self, doc_position: int) -> int | None:
        for statement_id, (start, end) in self._statement_ranges.items():
            if start <= doc_position < end:
                return statement_id
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown:
            # Another theme: every tint and label again, in its colours (the text stays).
            self.update_statements(list(self._shown.values()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            statement_id = self.statement_at(
                self.cursorForPosition(event.position().toPoint()).position()
            )
            if statement_id is not None:
                self.statement_clicked.emit(statement_id)
