"""A ring around whichever widget of the window has the keyboard.

The window is meant to be worked from the keyboard, and a key does something different in
the article list, the text or the claim box: the user must see at a glance where the next
key goes. The style's own focus marks are faint or missing (a text view, a table, a list
show none in Fusion), so one overlay draws the same ring around every focused widget, in the
palette's highlight colour (light or dark alike), without restyling any widget.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

RING_WIDTH = 2


class FocusRing(QWidget):
    """Drawn over `window`, around its focus widget; it never takes a click or a key."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is not self.window():
            # Another window (a dialog, a popup) has the keyboard: it shows its own focus,
            # and this window's ring would mislead until the keyboard comes back.
            new = None
        self.follow(new)

    def follow(self, target: QWidget | None) -> None:
        """Ring `target` (None: no ring), and keep up with it as it or its parents move (a
        scroll area scrolling moves the parent, not the focused widget itself)."""
        self._unwatch()
        if self.target is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # deleted already
                self.target.destroyed.disconnect(self._target_gone)
        self.target = target
        widget = target
        while widget is not None and widget is not self.window():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        if target is not None:
            target.destroyed.connect(self._target_gone)
        self.place()

    def _unwatch(self) -> None:
        for widget in self._watched:
            with contextlib.suppress(RuntimeError):  # deleted already, its filters with it
                widget.removeEventFilter(self)
        self._watched = []

    def _target_gone(self) -> None:
        self._watched, self.target = [], None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self.place()
        return False

    def visible_rect(self) -> QRect:
        """The part of the target in sight, in the window's coordinates (clipped by the scroll
        areas and splitters it sits in); empty when none of it is."""
        target, window = self.target, self.window()
        if target is None or not target.isVisible():
            return QRect()
        rect = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        widget = target.parentWidget()
        while widget is not None and widget is not window:
            rect &= QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            widget = widget.parentWidget()
        return rect

    def place(self) -> None:
        rect = self.visible_rect()
        if rect.isEmpty():
            self.hide()
            return
        margin = RING_WIDTH
        self.setGeometry(rect.adjusted(-margin, -margin, margin, margin))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        w, h, r = self.width(), self.height(), RING_WIDTH
        edges = (QRect(0, 0, w, r), QRect(0, h - r, w, r), QRect(0, 0, r, h), QRect(w - r, 0, r, h))
        for edge in edges:
            painter.fillRect(edge, colour)
        painter.end()
