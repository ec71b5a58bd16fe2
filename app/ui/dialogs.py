"""Small read-only dialogs: the list of keys, the per-file import report.

They render an HTML table rather than filling a QTableWidget item by item: a few rows need no
model, and it keeps clear of item-by-item APIs altogether.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def html_table(heading: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return (
        f"<p>{html.escape(heading)}</p>"
        f"<table cellspacing='0' cellpadding='4' border='0'><tr>{head}</tr>{body}</table>"
    )


class TableDialog(QDialog):
    def __init__(
        self,
        title: str,
        heading: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setHtml(html_table(heading, columns, rows))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 440)
