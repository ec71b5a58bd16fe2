"""Views that compute only when seen.

A project opens on one tab; the other tabs should cost nothing until the user looks at them.
A LazyView belongs to one open project: it is made with that project's `Session` (and goes
with it when the project closes), starts stale, is marked stale again by changes it cannot
apply in place, and loads itself when shown (or at once, if it is visible when it goes stale).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.ui.session import Change, Session


class LazyView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        session.changed.connect(self._changed)

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if self._stale:
            self._stale = False
            self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_loaded()

    def _changed(self, change: Change) -> None:
        if not self.isVisible() or self._stale or not self.apply_change(change):
            self.mark_stale()

    # --- for subclasses ------------------------------------------------------------------------

    def load(self) -> None:
        """Compute everything the view shows."""

    def apply_change(self, change: Change) -> bool:
        """Update in place after an edit; False when a full `load()` is needed."""
        return False
