"""How the Annotate view is laid out: the article list | the work area, and in the work area
the tools over the article text beside the tag panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

# The tag panel's width: what its buttons need, stance buttons and all, without scrolling.
PANEL_WIDTH = 380


class WorkArea(QWidget):
    """The tools over the text and the tag panel."""

    def __init__(
        self,
        text: QWidget,
        panel: QWidget,
        tools: Sequence[tuple[str, Callable[[], None]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidget(panel)
        self.panel_scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.tool_buttons: list[QPushButton] = []
        for label, slot in tools:
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.tool_buttons.append(button)
        row.addStretch(1)
        self.tools_row = row  # the view adds its own choices at the right end
        layout.addLayout(row)
        self.inner = QSplitter()
        self.inner.addWidget(text)
        self.inner.addWidget(self.panel_scroll)
        self.inner.setStretchFactor(0, 1)  # the text takes what the window gains or loses
        self.inner.setStretchFactor(1, 0)
        layout.addWidget(self.inner)

    def panel_width(self) -> int:
        """What the tag panel needs: PANEL_WIDTH, or more when its titles do (the French
        ones are longer), with its scroll bar: nothing in it is cut off on the right."""
        panel = self.panel_scroll.widget()
        need = max(panel.minimumWidth(), panel.minimumSizeHint().width()) if panel else 0
        scroll_bar = self.panel_scroll.verticalScrollBar().sizeHint().width()
        return max(PANEL_WIDTH, need + scroll_bar + 2 * self.panel_scroll.frameWidth())

    def share(self, width: int) -> None:
        """Give the tag panel its width and the text the rest."""
        panel = self.panel_width()
        self.inner.setSizes([max(width - panel, 300), panel])


def beside_the_list(listing: QWidget, work: WorkArea) -> QSplitter:
    """The article list on the left, the work area taking what the window gains or loses."""
    splitter = QSplitter()
    splitter.addWidget(listing)
    splitter.addWidget(work)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    return splitter


def fit_to_width(splitter: QSplitter, work: WorkArea, width: int, *, restored: bool) -> None:
    """The first layout: the tag panel gets the width its buttons need, the article list about
    a quarter, the text the rest (on a small screen the list gives way first). A split the user
    made before (`restored`) is kept."""
    listing = max(200, min(380, width // 4, width - work.panel_width() - 380))
    if not restored:
        splitter.setSizes([listing, max(width - listing, 1)])
    work.share(splitter.sizes()[1] if restored else width - listing)
