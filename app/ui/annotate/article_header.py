"""The line above the article text: its outlet, date of publication and address, or what to do
when there is no article to show."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services.browse import ArticleView
from app.ui.i18n import date_text, translated
from app.ui.words import QT_TRANSLATE_NOOP

NO_ARTICLES = QT_TRANSLATE_NOOP(
    "ArticleHeader",
    "This project has no articles yet: File ▸ Import files… (Ctrl+I) or Import a folder… "
    "brings some in, or paste one with Ctrl+Shift+V.",
)
NONE_CHOSEN = QT_TRANSLATE_NOOP(
    "ArticleHeader", "Choose an article in the list on the left to read and tag it."
)
NONE_MATCH = QT_TRANSLATE_NOOP(
    "ArticleHeader", "No article matches the filter over the list: clear it to see them all."
)


class ArticleHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # Links and selection by mouse only: Tab goes from the list to the text, not here.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContentsMargins(4, 2, 4, 2)

    def show_article(self, view: ArticleView | None, *, articles: int, filtered: bool) -> None:
        """`articles`: how many the list shows, `filtered` whether a filter narrows it: with
        no article open they tell an empty project from an empty filter from no choice."""
        if view is None:
            empty = NONE_MATCH if filtered else NO_ARTICLES
            self.setText(escape(translated(NONE_CHOSEN if articles else empty)))
            return
        no_outlet, no_date = self.tr("outlet not set"), self.tr("date not set")
        parts = [f"<b>{escape(view.outlet)}</b>" if view.outlet else f"<i>{no_outlet}</i>"]
        parts.append(date_text(view.published) if view.published else f"<i>{no_date}</i>")
        if view.url:
            parts.append(f'<a href="{escape(view.url, quote=True)}">{escape(view.url)}</a>')
        self.setText(" · ".join(parts))
