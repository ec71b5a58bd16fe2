"""The article text, read-only, with each statement highlighted in its sources' colours.

Colour is never the only signal: each tagged statement also carries a stance glyph
(▲ asserts, ▼ denies, ● neutral) and the source's name, for colour-blind readers.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.services.browse import ArticleView

STANCE_GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●"}


def article_html(view: ArticleView) -> str:
    """HTML for a body: untagged statements plain, tagged ones highlighted and labelled."""
    parts = [f"<h2>{html.escape(view.title)}</h2><p>"]
    cursor = 0
    for statement in view.statements:
        parts.append(_plain(view.body[cursor : statement.start]))
        text = _plain(view.body[statement.start : statement.end])
        if statement.tags:
            first = view.source_colours.get(statement.tags[0]["source"], "#888888")
            labels = " ".join(
                f"<sup style='color:{view.source_colours.get(t['source'], '#555')}'>"
                f"{STANCE_GLYPHS.get(t['stance'], '')}&nbsp;{html.escape(t['source'])}</sup>"
                for t in statement.tags
            )
            parts.append(f"<span style='background-color:{tint(first)}'>{text}</span>{labels}")
        else:
            parts.append(text)
        cursor = statement.end
    parts.append(_plain(view.body[cursor:]))
    parts.append("</p>")
    return "".join(parts)


def tint(colour: str, strength: float = 0.22) -> str:
    """A light background of a source colour (mixed with white) that keeps text readable."""
    try:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return "#eeeeee"
    mix = (round(255 - (255 - c) * strength) for c in (red, green, blue))
    return "#" + "".join(f"{c:02x}" for c in mix)


def _plain(text: str) -> str:
    return html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>")


class ArticleText(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setPlaceholderText("Choose an article on the left.")

    def show_article(self, view: ArticleView | None) -> None:
        if view is None:
            self.clear()
        else:
            self.setHtml(article_html(view))
