"""Keys a widget of the Annotate view keeps for itself.

The view binds its keys (↑/↓, letters, digits, Enter) as shortcuts across the whole view, so
that they act wherever the keyboard is in it. A shortcut is tried before the focused widget
sees the key, unless the widget claims the key first (Qt's ShortcutOverride): this filter
makes a widget claim the keys it needs — a list its arrows, the claim box its arrows and Enter.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

ARROWS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})  # fmt: skip
ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class OwnKeys(QObject):
    """An event filter: the watched widget gets these keys (without modifiers), not the
    view's shortcuts."""

    def __init__(self, keys: Iterable[Qt.Key], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys = frozenset(keys)

    def claims(self, event: QEvent) -> bool:
        """Whether `event` is the ShortcutOverride of one of these keys."""
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self.keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.claims(event):
            event.accept()  # the widget gets the key press, not the shortcut
            return True
        return False


class KeepListKeys(OwnKeys):
    """A list in the view keeps its arrow keys (↑/↓ would otherwise move between statements)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ARROWS, parent)
