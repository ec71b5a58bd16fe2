"""An open project in the window: the project, who is annotating, the undo stack, and the one
signal every view listens to after an edit (here or in another process)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.domain.changes import Changes
from app.services import browse
from app.services.project import Project, default_annotator

# What the views receive: the `Changes` a service returned (`article_id`, `statement_ids`,
# `claim_ids` and `reason` read it the way a view that refreshes by article or statement needs).
Change = Changes


class Session(QObject):
    """Views refresh on `changed(Changes)`, each only as far as the change concerns it."""

    changed = Signal(object)
    error = Signal(str)
    # True when the connection to a team database is lost, False once it is back (PostgreSQL).
    connection_lost = Signal(bool)
    # The name the session tags under changed (chosen at the first edit, or from the status bar).
    annotator_changed = Signal(str)

    def __init__(
        self,
        project: Project,
        annotator: str | None = None,
        parent: QObject | None = None,
        *,
        confirmed: bool = True,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator or default_annotator()
        self.annotator_id = browse.ensure_annotator(project, self.annotator)
        # False while the name is only a guess (the login name): the first edit asks whose it
        # is, through `ask_annotator`, so a coder's tags never go under someone else's name.
        self.annotator_confirmed = confirmed
        self.ask_annotator: Callable[[], str | None] | None = None
        self.undo_stack = QUndoStack(self)
        self._watch = browse.change_watch(project)
        self._data_version = self._watch.version()
        # Another process (a second window, the command line) may write to the same file;
        # SQLite's data_version tells us cheaply, so the views never show stale tags for long.
        self._poll = QTimer(self)
        self._poll.setInterval(1500)
        self._poll.timeout.connect(self.check_external_changes)
        self._poll.start()

    def set_annotator(self, name: str) -> None:
        """Tag under `name` from now on (undo still reverts each edit as it was made)."""
        self.annotator_confirmed = True
        if name == self.annotator:
            return
        self.annotator_id = browse.ensure_annotator(self.project, name)
        self.annotator = name
        self.annotator_changed.emit(name)

    def ready_to_edit(self) -> bool:
        """Before an edit made under the annotator's name: True when the name is known (asked
        for the first time if need be); False when the user cancelled, and nothing is done."""
        if self.annotator_confirmed:
            return True
        if self.ask_annotator is None:
            return True
        name = self.ask_annotator()
        if not name:
            return False
        self.set_annotator(name)
        return True

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what this window's edit changed (as the service returned it)."""
        self._data_version = self._watch.version()  # our own commit: not someone else's
        if changes:
            self.changed.emit(changes)

    def notify(self, changes: Changes | None = None) -> None:
        """`broadcast`; without a value, the edit may have changed anything (an import)."""
        self.broadcast(Changes.everything() if changes is None else changes)

    def check_external_changes(self) -> bool:
        was_lost = self._watch.lost
        version = self._watch.version()
        if self._watch.lost != was_lost:
            self.connection_lost.emit(self._watch.lost)
        if version != self._data_version:
            self._data_version = version
            self.changed.emit(Changes.everything())
            return True
        return False

    def close(self) -> None:
        self._poll.stop()
        self._watch.close()
        self.project.close()
