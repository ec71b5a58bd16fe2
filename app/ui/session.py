"""An open project in the window: the project, who is annotating, the undo stack, and the one
signal every view listens to after an edit (here or in another process)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.services import browse
from app.services.project import Project, default_annotator


@dataclass(frozen=True)
class Change:
    """What an edit touched; None means "may be anything" (another process wrote, say)."""

    article_id: int | None = None
    statement_ids: frozenset[int] | None = None
    # Claims the edit linked or unlinked: no longer found through the statements' links.
    claim_ids: frozenset[int] = frozenset()
    # "suggestions": dismissals changed, not tags; "details": an article's title, outlet, date…
    reason: str | None = None


class Session(QObject):
    """Views refresh on `changed(Change)`, each only as far as the change concerns it."""

    changed = Signal(object)
    error = Signal(str)

    def __init__(
        self, project: Project, annotator: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator or default_annotator()
        self.annotator_id = browse.ensure_annotator(project, self.annotator)
        self.undo_stack = QUndoStack(self)
        self._watch = browse.change_watch(project)
        self._data_version = self._watch.version()
        # Another process (a second window, the command line) may write to the same file;
        # SQLite's data_version tells us cheaply, so the views never show stale tags for long.
        self._poll = QTimer(self)
        self._poll.setInterval(1500)
        self._poll.timeout.connect(self.check_external_changes)
        self._poll.start()

    def notify(
        self,
        article_id: int | None = None,
        statement_ids: frozenset[int] | None = None,
        reason: str | None = None,
        claim_ids: frozenset[int] = frozenset(),
    ) -> None:
        self._data_version = self._watch.version()
        self.changed.emit(Change(article_id, statement_ids, claim_ids, reason))

    def check_external_changes(self) -> bool:
        version = self._watch.version()
        if version != self._data_version:
            self._data_version = version
            self.changed.emit(Change())
            return True
        return False

    def close(self) -> None:
        self._poll.stop()
        self._watch.close()
        self.project.close()
