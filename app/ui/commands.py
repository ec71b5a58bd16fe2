"""Undo commands: each holds the ids and the before/after states of one edit.

An edit runs before its command reaches the undo stack (`push`), and an undo or redo runs
before the stack moves (`undo`, `redo`): a failed edit never leaves a dead entry on the stack
nor clears its redo history, and a write that found the project busy can be retried or
cancelled with the stack as it was. The first run performs the edit through a service and
keeps the states it returns; later runs swap those states back, refusing (and telling the
user) when another window or process changed the same rows in between.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.model import DomainError
from app.services import article_details, editing
from app.services import suggest as suggest_service
from app.ui.errors import retry_while_busy
from app.ui.session import Session


class _Command(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        # The edit was run already: the stack's next redo()/undo() only records it.
        self._ran_ahead = False
        # Why the last run failed; None after it succeeded or the user cancelled it.
        self.failure: Exception | None = None
        self.article_id: int | None = None
        self.statement_ids: frozenset[int] | None = None
        self.reason: str | None = None

    def apply(self, forward: bool) -> None:
        """Perform the edit (the first time, or again) or, not `forward`, revert it."""
        raise NotImplementedError

    def attempt(self, forward: bool) -> bool:
        """Run the edit now, offering Retry while the project is busy; True when it is done."""
        self.failure = None
        try:
            done = retry_while_busy(lambda: self.apply(forward))
        except Exception as error:  # each service call is one transaction: nothing was kept
            self.failure = error
            return False
        if done:
            self.session.notify(
                self.article_id, self.statement_ids, self.reason, self.claims_touched()
            )
        return done

    def report(self) -> None:
        """Tell the user why the last run failed: a refusal in its own words, a fault of the
        program through the window's exception hook (with its traceback)."""
        error = self.failure
        if isinstance(error, DomainError):
            self.session.error.emit(str(error))
        elif error is not None:
            sys.excepthook(type(error), error, error.__traceback__)

    # The stack calls these itself only for a command pushed without `push` (or inside a
    # macro): then a failed edit is dropped from the stack, since it was not done.
    def redo(self) -> None:
        self._run_for_stack(forward=True)

    def undo(self) -> None:
        self._run_for_stack(forward=False)

    def _run_for_stack(self, forward: bool) -> None:
        if self._ran_ahead:
            self._ran_ahead = False
        elif not self.attempt(forward):
            self.setObsolete(True)
            self.report()

    def claims_touched(self) -> frozenset[int]:
        """Claims the edit linked or unlinked (the comparison must recompute them too)."""
        return frozenset()


def push(stack: QUndoStack, command: _Command) -> bool:
    """Perform a new edit and, once it is done, put it on the stack; True when it was done.

    A refusal is shown to the user, a cancelled busy write changes nothing, and any other
    error propagates (to the window's exception hook) with the stack untouched."""
    if not command.attempt(forward=True):
        _failed(command)
        return False
    command._ran_ahead = True
    stack.push(command)
    return True


def push_all(stack: QUndoStack, text: str, commands: Sequence[_Command]) -> int:
    """Perform several edits as one undo step (a macro), stopping at the first that fails;
    returns how many were done. Nothing reaches the stack when none was."""
    done: list[_Command] = []
    for command in commands:
        if not command.attempt(forward=True):
            # Those done so far stay done, and undoable in one step.
            if done:
                _record(stack, text, done)
            _failed(command)
            return len(done)
        done.append(command)
    if done:
        _record(stack, text, done)
    return len(done)


def _record(stack: QUndoStack, text: str, done: Sequence[_Command]) -> None:
    stack.beginMacro(text)
    for command in done:
        command._ran_ahead = True
        stack.push(command)
    stack.endMacro()


def undo(stack: QUndoStack) -> None:
    if stack.canUndo():
        _step(stack, stack.index() - 1, forward=False)


def redo(stack: QUndoStack) -> None:
    if stack.canRedo():
        _step(stack, stack.index(), forward=True)


def _step(stack: QUndoStack, index: int, forward: bool) -> None:
    command = stack.command(index)
    if isinstance(command, _Command):
        if not command.attempt(forward):
            if isinstance(command.failure, DomainError):
                # Refused (the rows changed elsewhere): it can never be undone or redone,
                # so it leaves the stack; the stack skips calling an obsolete command.
                command.setObsolete(True)
                _move(stack, forward)
            _failed(command)
            return
        command._ran_ahead = True
    # A macro's steps run inside the stack, each with its own Retry (see `_run_for_stack`).
    _move(stack, forward)


def _move(stack: QUndoStack, forward: bool) -> None:
    if forward:
        stack.redo()
    else:
        stack.undo()


def _failed(command: _Command) -> None:
    error = command.failure
    if error is None or isinstance(error, DomainError):
        command.report()
    else:
        raise error


class AttributionCommand(_Command):
    """Tag, untag, or change a tag's stance, confidence, note or origin."""

    def __init__(
        self, session: Session, key: editing.AttributionKey, text: str, **changes: Any
    ) -> None:
        super().__init__(session, text)
        self.key = key
        self.changes = changes
        self.edit: editing.AttributionEdit | None = None
        self.article_id = changes.pop("article_id", None)
        self.statement_ids = frozenset({key.statement_id})

    def apply(self, forward: bool) -> None:
        project = self.session.project
        if self.edit is None:
            self.edit = editing.edit_attribution(project, self.key, **self.changes)
            return
        before, after = (self.edit.before, self.edit.after)
        if not forward:
            before, after = after, before
        editing.swap_attribution(project, self.key, before, after)


class ClaimLinkCommand(_Command):
    def __init__(
        self,
        session: Session,
        statement_id: int,
        *,
        label: str | None = None,
        unlink_claim_id: int | None = None,
        article_id: int | None = None,
    ) -> None:
        super().__init__(session, f"link claim “{label}”" if label else "unlink claim")
        self.statement_id = statement_id
        self.label = label
        self.unlink_claim_id = unlink_claim_id
        self.edit: editing.ClaimLinkEdit | None = None
        self.article_id = article_id
        self.statement_ids = frozenset({statement_id})

    def apply(self, forward: bool) -> None:
        project = self.session.project
        if self.edit is not None:
            editing.apply_claim_link(project, self.edit, forward=forward)
            return
        if self.label is not None:
            self.edit = editing.link_claim(project, self.statement_id, self.label)
        else:
            assert self.unlink_claim_id is not None
            self.edit = editing.unlink_claim(project, self.statement_id, self.unlink_claim_id)
        if self.edit is None:
            raise DomainError("nothing to change: the link is as asked already")

    def claims_touched(self) -> frozenset[int]:
        return frozenset() if self.edit is None else frozenset({int(self.edit.claim["id"])})


class StatementCommand(_Command):
    """Create (from a selection), split, merge or delete statements of one article."""

    def __init__(self, session: Session, text: str, perform: Any) -> None:
        super().__init__(session, text)
        self.perform = perform  # a callable returning a StatementEdit
        self.edit: editing.StatementEdit | None = None

    def apply(self, forward: bool) -> None:
        if self.edit is None:
            self.edit = self.perform()
            self.article_id = self.edit.article_id
        else:
            editing.apply_statement_edit(self.session.project, self.edit, forward=forward)

    @property
    def focus(self) -> int | None:
        return self.edit.focus if self.edit is not None else None


class RenameSourceCommand(_Command):
    def __init__(self, session: Session, source_id: int, old: str, new: str) -> None:
        super().__init__(session, f"rename source {old} to {new}")
        self.source_id, self.old, self.new = source_id, old, new

    def apply(self, forward: bool) -> None:
        old, new = (self.old, self.new) if forward else (self.new, self.old)
        editing.rename_source_checked(self.session.project, self.source_id, old, new)


class DismissSuggestionCommand(_Command):
    """Dismiss a suggestion for this annotator; undo shows it again."""

    def __init__(self, session: Session, suggestion: Any) -> None:
        super().__init__(session, f"dismiss suggestion {suggestion.source}")
        self.suggestion = suggestion
        self.article_id = suggestion.article_id
        self.statement_ids = frozenset({suggestion.statement_id})
        self.reason = "suggestions"

    def apply(self, forward: bool) -> None:
        act = suggest_service.dismiss if forward else suggest_service.restore
        act(self.session.project, self.suggestion, annotator=self.session.annotator)


class ArticleDetailsCommand(_Command):
    """Change an article's details; undo puts the previous ones back."""

    def __init__(self, session: Session, article_id: int, changes: dict[str, Any]) -> None:
        super().__init__(session, f"edit the details of article {article_id}")
        self.article_id = article_id
        self.reason = "details"
        self.changes = changes
        self.edit: article_details.DetailsEdit | None = None

    def apply(self, forward: bool) -> None:
        project = self.session.project
        if self.edit is None:
            self.edit = article_details.edit_article_details(
                project, self.article_id, **self.changes
            )
        else:
            article_details.apply_details_edit(project, self.edit, forward=forward)
