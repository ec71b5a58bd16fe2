"""The article details dialog: title, outlet, author, date, URL, language.

The dialog only collects what the researcher changed; the edit itself is an undo command
(`app.ui.commands.ArticleDetailsCommand`), so a wrong correction is one Ctrl+Z away.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.article_details import LANGUAGES, ArticleDetails
from app.ui.dates import date_of, optional_date_edit
from app.ui.i18n import language_name


class ArticleDetailsDialog(QDialog):
    """Edit one article's details; `changes()` holds only the fields the user changed."""

    def __init__(
        self, details: ArticleDetails, article_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Details of “{title}”").format(title=details.title))
        self.details = details
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(details.title)
        self.outlet = QLineEdit(details.outlet or "")
        self.author = QLineEdit(details.author or "")
        self.published = optional_date_edit(self.tr("unknown"), details.published)
        self.url = QLineEdit(details.url or "")
        self.url.setPlaceholderText("https://…")
        self.language = QComboBox()
        for language in LANGUAGES:  # named in words, stored as its code
            self.language.addItem(language_name(language), language)
        self.language.setCurrentIndex(max(self.language.findData(details.language or "unknown"), 0))
        for label, widget in (
            (self.tr("&Title"), self.title),
            (self.tr("&Outlet"), self.outlet),
            (self.tr("&Author"), self.author),
            (self.tr("&Published"), self.published),
            (self.tr("&URL"), self.url),
            (self.tr("&Language"), self.language),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "The text and its statements stay as imported; the language guides suggestions."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())  # room for a long headline
        self._shown = self._values()  # what the form showed at first, to tell what changed

    def _values(self) -> dict[str, str | date | None]:
        return {
            "title": self.title.text(),
            "outlet": self.outlet.text(),
            "author": self.author.text(),
            "published": date_of(self.published),
            "url": self.url.text(),
            "language": str(self.language.currentData()),
        }

    def changes(self) -> dict[str, str | date | None]:
        """The fields the user changed, by name (`commands.details_change` makes the edit)."""
        return {k: v for k, v in self._values().items() if v != self._shown[k]}
