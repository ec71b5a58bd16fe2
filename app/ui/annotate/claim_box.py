"""The claim box (C): type a claim, choose among the completions with ↓/↑, Enter links.

The keys it needs while it has the keyboard (↑/↓ to choose a completion, Enter, Esc) are its
own, not the view's shortcuts that move between statements; Enter links what the completion
popup shows (`claim_choice`); the box is emptied and its popup closed once it has linked and
whenever another statement is shown, so nothing typed for one statement reaches another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QWidget

from app.ui.annotate.claim_choice import claim_to_link
from app.ui.annotate.own_keys import ARROWS, ENTER, OwnKeys
from app.ui.i18n import translated

ESCAPE = frozenset({Qt.Key.Key_Escape})


class ClaimBox(QLineEdit):
    link_requested = Signal(str)  # the label to link to the current statement
    hint = Signal(str)  # why Enter linked nothing, for the status bar
    done = Signal()  # Esc with nothing left to close: the keyboard goes back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type a claim: ↓ chooses a completion, Enter links"))
        self.labels = QStringListModel(self)
        self.completion = completer = QCompleter(self.labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # The popup is given before this box's filters are installed on it, so that they run
        # before the completer's own (the last installed runs first): Enter in the popup is
        # decided here.
        self.popup = QListView()
        completer.setPopup(self.popup)
        self.setCompleter(completer)
        self._own = OwnKeys(ARROWS | ENTER | ESCAPE, self)
        self.installEventFilter(self._own)
        self.popup.installEventFilter(self._own)
        self.popup.installEventFilter(self)

    def set_labels(self, labels: list[str]) -> None:
        self.labels.setStringList(labels)

    def reset(self) -> None:
        """Nothing typed, no popup: another statement is shown."""
        self.popup.hide()
        self.clear()

    def shown_completions(self) -> list[str]:
        """What the popup lists now; none when it is closed."""
        if not self.popup.isVisible():
            return []
        model = self.completion.completionModel()
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    def highlighted(self) -> str | None:
        """The completion chosen with ↓/↑ in the open popup, if any."""
        index = self.popup.currentIndex()
        if not self.popup.isVisible() or not index.isValid():
            return None
        return str(index.data())

    def enter(self) -> None:
        """Link what the popup shows (see `claim_to_link`), or say why nothing was linked."""
        choice = claim_to_link(
            self.text(), self.shown_completions(), self.highlighted(), self.labels.stringList()
        )
        if choice.hint is not None:
            self.hint.emit(translated(choice.hint))
            return
        self.reset()
        if choice.label is not None:
            self.link_requested.emit(choice.label)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in ENTER:
            self.enter()
        elif event.key() == Qt.Key.Key_Escape and not self.popup.isVisible():
            self.reset()
            self.done.emit()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The popup has the keys while it is open; Enter there is this box's to decide.
        if (
            watched is self.popup
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER
        ):
            self.enter()
            return True
        return False
