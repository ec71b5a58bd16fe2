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
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypedDict, Unpack

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.changes import Changes
from app.domain.edits import (
    UNCHANGED,
    ClaimLinkEdit,
    DetailsChange,
    DetailsEdit,
    StatementEdit,
    TagChange,
    TagEdit,
    TagKey,
    Unchanged,
)
from app.domain.judgements import MarkEdit, MarkKey, ReviewEdit, ReviewKey
from app.domain.model import DomainError, Origin, Stance
from app.services import (
    article_delete,
    article_details,
    claim_links,
    editing,
    judgements,
    sources,
    tagging,
)
from app.services.article_delete import ArticleDeleteEdit
from app.services.errors import commit_uncertain, connection_lost
from app.services.suggest import Suggestion
from app.ui.errors import plain_message, retry_while_busy
from app.ui.i18n import translated
from app.ui.session import Session
from app.ui.words import QT_TRANSLATE_NOOP


class _Command(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(translated(text))  # what Edit ▸ Undo names, in the interface's words
        self.session = session
        # The edit was run already: the stack's next redo()/undo() only records it.
        self._ran_ahead = False
        # Why the last run failed; None after it succeeded or the user cancelled it.
        self.failure: Exception | None = None
        # What the last run changed, as the service said: the session broadcasts it.
        self.changes = Changes()

    def apply(self, forward: bool) -> Changes:
        """Perform the edit (the first time, or again) or, not `forward`, revert it; what it
        changed."""
        raise NotImplementedError

    def attempt(self, forward: bool) -> bool:
        """Run the edit now, offering Retry while the project is busy; True when it is done."""
        self.failure = None

        def run() -> None:
            self.changes = self.apply(forward)

        try:
            done = retry_while_busy(run)
        except Exception as error:  # each service call is one transaction: nothing was kept
            self.failure = error
            if commit_uncertain(error):
                # ... unless the server lost the connection during the COMMIT: it may have kept
                # the edit. Every view reads the project again, so what it shows is the truth.
                self.session.broadcast(Changes.everything())
            return False
        if done:
            self.session.broadcast(self.changes)
        return done

    def report(self) -> None:
        """Tell the user why the last run failed: a refusal in its own words, a fault of the
        program through the window's exception hook (with its traceback)."""
        error = self.failure
        if isinstance(error, DomainError):
            self.session.error.emit(plain_message(error))
        elif error is not None and (commit_uncertain(error) or connection_lost(error)):
            self.session.error.emit(plain_message(error))  # the server's fault, not ours
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
    if (
        error is None
        or isinstance(error, DomainError)
        or commit_uncertain(error)
        or connection_lost(error)
    ):
        command.report()
    else:
        raise error


class TagSettings(TypedDict, total=False):
    """What the views may pass `AttributionCommand` by keyword: a tag's settings as the panel
    names them (`remove` takes the tag off). Typed, so a misspelt setting is a type error."""

    stance: str
    confidence_level_id: int | None
    note: str
    origin: str
    remove: bool
    article_id: int | None  # no longer needed: the service finds the statement's article


def tag_change(key: TagKey, settings: TagSettings) -> TagChange:
    """The `TagChange` for the settings a view gave (those it did not give stay unchanged)."""
    stance = settings.get("stance")
    origin = settings.get("origin")
    if stance is not None and stance not in {s.value for s in Stance}:
        raise DomainError(
            QT_TRANSLATE_NOOP("Commands", "unknown stance '{name}'").format(name=stance)
        )
    return TagChange(
        key,
        stance=UNCHANGED if stance is None else Stance(stance),
        confidence_level_id=settings.get("confidence_level_id", UNCHANGED),
        note=settings.get("note", UNCHANGED),
        origin=UNCHANGED if origin is None else Origin(origin),
    )


class AttributionCommand(_Command):
    """Tag, untag, or change a tag's stance, confidence, note or origin: the first run goes
    through `tagging.tag` (or `tagging.untag`), as the command line's `tag` does; undo and
    redo through `tagging.revert_tag`, with the rows the edit returned."""

    def __init__(
        self,
        session: Session,
        key: TagKey,
        text: str,
        change: TagChange | None = None,
        **settings: Unpack[TagSettings],
    ) -> None:
        super().__init__(session, text)
        self.key = key
        self.remove = bool(settings.pop("remove", False))
        settings.pop("article_id", None)
        self.change = change if change is not None else tag_change(key, settings)
        self.edit: TagEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            edit = (
                tagging.untag(project, self.key)
                if self.remove
                else tagging.tag(project, self.change)
            )
            if self.remove and not edit.removed:
                raise DomainError(QT_TRANSLATE_NOOP("Commands", "this tag was removed already"))
            self.edit = edit
            return edit.changes
        return tagging.revert_tag(project, self.edit, forward=forward)


class ClaimLinkCommand(_Command):
    def __init__(
        self,
        session: Session,
        statement_id: int,
        *,
        label: str | None = None,
        unlink_claim_id: int | None = None,
        article_id: int | None = None,  # no longer needed: the service finds it
    ) -> None:
        super().__init__(
            session,
            QT_TRANSLATE_NOOP("Commands", "link claim “{label}”").format(label=label)
            if label
            else QT_TRANSLATE_NOOP("Commands", "unlink claim"),
        )
        self.statement_id = statement_id
        self.label = label
        self.unlink_claim_id = unlink_claim_id
        self.edit: ClaimLinkEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is not None:
            return claim_links.apply_claim_link(project, self.edit, forward=forward)
        if self.label is not None:
            self.edit = claim_links.link_claim(project, self.statement_id, self.label)
        else:
            assert self.unlink_claim_id is not None
            self.edit = claim_links.unlink_claim(project, self.statement_id, self.unlink_claim_id)
        if self.edit is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("Commands", "nothing to change: the link is as asked already")
            )
        return self.edit.changes


class StatementCommand(_Command):
    """Create (from a selection), split, merge or delete statements of one article.

    Each run puts the user back where the edit was: done or redone, at the statement the
    edit left (`focus`); undone, at the statement that was current when it was made, which
    an undo brings back with its id (`show`, when given, makes a statement current)."""

    def __init__(
        self,
        session: Session,
        text: str,
        perform: Callable[[], StatementEdit],
        *,
        shown_before: int | None = None,
        shown_after: int | None = None,
        show: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(session, text)
        self.perform = perform  # one of the services in `editing`
        self.edit: StatementEdit | None = None
        self.shown_before = shown_before  # current when the edit was made
        self.shown_after = shown_after  # to show after it when the edit names none (a delete)
        self.show = show  # (article id, statement id)

    def apply(self, forward: bool) -> Changes:
        if self.edit is None:
            self.edit = self.perform()
            return self.edit.changes
        return editing.apply_statement_edit(self.session.project, self.edit, forward=forward)

    def attempt(self, forward: bool) -> bool:
        done = super().attempt(forward)
        if done and self.show is not None and self.edit is not None:
            place = self.focus if forward else self.shown_before
            if place is not None:
                self.show(self.edit.article_id, place)
        return done

    @property
    def focus(self) -> int | None:
        if self.edit is None:
            return None
        return self.edit.focus if self.edit.focus is not None else self.shown_after


class RenameSourceCommand(_Command):
    def __init__(self, session: Session, source_id: int, old: str, new: str) -> None:
        super().__init__(
            session,
            QT_TRANSLATE_NOOP("Commands", "rename source {old} to {new}").format(old=old, new=new),
        )
        self.source_id, self.old, self.new = source_id, old, new

    def apply(self, forward: bool) -> Changes:
        old, new = (self.old, self.new) if forward else (self.new, self.old)
        return sources.rename_source(self.session.project, self.source_id, old, new).changes


class ActivateScaleCommand(_Command):
    """Make another confidence scale active; its undo makes the previous one active again
    (tags keep their own levels either way, so nothing else moves)."""

    def __init__(self, session: Session, scale_id: int, name: str) -> None:
        super().__init__(
            session,
            QT_TRANSLATE_NOOP("Commands", "use the confidence scale {name}").format(name=name),
        )
        self.scale_id = scale_id
        self.previous: int | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if forward:
            first = self.previous is None
            expected = None if first else self.previous
            edit = sources.activate_scale(project, self.scale_id, expected=expected)
            self.previous = edit.active_before
            return edit.changes
        if self.previous is None:
            return Changes()
        return sources.activate_scale(project, self.previous, expected=self.scale_id).changes


class DismissSuggestionCommand(_Command):
    """Dismiss a suggestion for this annotator; undo shows it again."""

    def __init__(self, session: Session, suggestion: Suggestion) -> None:
        dismiss = QT_TRANSLATE_NOOP("Commands", "dismiss suggestion {source}")
        super().__init__(session, dismiss.format(source=suggestion.source))
        self.suggestion = suggestion

    def apply(self, forward: bool) -> Changes:
        act = editing.dismiss_suggestion if forward else editing.restore_suggestion
        return act(self.session.project, self.suggestion, self.session.annotator)


DetailValue = str | date | None


def details_change(article_id: int, values: Mapping[str, DetailValue]) -> DetailsChange:
    """The `DetailsChange` for the fields a form changed (by name); an unknown one is refused."""
    unknown = sorted(set(values) - set(article_details.FIELDS))
    if unknown:
        raise DomainError(
            QT_TRANSLATE_NOOP("Commands", "an article has no detail called {names}").format(
                names=", ".join(unknown)
            )
        )

    def text(name: str) -> str | None | Unchanged:
        if name not in values:
            return UNCHANGED
        value = values[name]
        if value is not None and not isinstance(value, str):
            raise DomainError(
                QT_TRANSLATE_NOOP("Commands", "the detail {name} is a text, not {value}").format(
                    name=name, value=repr(value)
                )
            )
        return value

    published = values.get("published", UNCHANGED)
    if isinstance(published, str):
        raise DomainError(
            QT_TRANSLATE_NOOP("Commands", "the publication date is a date, not {value}").format(
                value=repr(published)
            )
        )
    title = text("title")
    return DetailsChange(
        article_id,
        title="" if title is None else title,  # an empty title is refused, as no title is
        outlet=text("outlet"),
        author=text("author"),
        published=published,
        url=text("url"),
        language=text("language"),
    )


class ArticleDetailsCommand(_Command):
    """Change an article's details; undo puts the previous ones back."""

    def __init__(
        self,
        session: Session,
        article_id: int,
        changes: DetailsChange | Mapping[str, DetailValue],
        title: str = "",
    ) -> None:
        # Named by its title (as it was), never by the database's id.
        edit = QT_TRANSLATE_NOOP("Commands", "edit the details of “{title}”")
        super().__init__(session, edit.format(title=title))
        self.change = (
            changes if isinstance(changes, DetailsChange) else details_change(article_id, changes)
        )
        self.edit: DetailsEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            self.edit = article_details.edit_article_details(project, self.change)
            return self.edit.changes
        return article_details.apply_details_edit(project, self.edit, forward=forward)


class NoSourceCommand(_Command):
    """Mark a statement "no source" for the session's annotator, or (`clear`) take the mark
    off; undo and redo through `judgements.revert_mark`, with the rows the edit returned."""

    def __init__(self, session: Session, statement_id: int, *, clear: bool = False) -> None:
        super().__init__(
            session,
            QT_TRANSLATE_NOOP("Commands", "clear no source")
            if clear
            else QT_TRANSLATE_NOOP("Commands", "mark no source"),
        )
        self.key = MarkKey(statement_id, session.annotator_id)
        self.clear = clear
        self.edit: MarkEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            act = judgements.clear_no_source if self.clear else judgements.mark_no_source
            edit = act(project, self.key)
            if edit.before == edit.after:
                raise DomainError(
                    QT_TRANSLATE_NOOP("Commands", "this statement is not marked no source")
                    if self.clear
                    else QT_TRANSLATE_NOOP("Commands", "this statement is marked no source already")
                )
            self.edit = edit
            return edit.changes
        return judgements.revert_mark(project, self.edit, forward=forward)


class ReviewCommand(_Command):
    """Mark an article reviewed by the session's annotator (`reviewed` False: not reviewed);
    undo and redo through `judgements.revert_review`."""

    def __init__(self, session: Session, article_id: int, *, reviewed: bool = True) -> None:
        super().__init__(
            session,
            QT_TRANSLATE_NOOP("Commands", "mark reviewed")
            if reviewed
            else QT_TRANSLATE_NOOP("Commands", "mark not reviewed"),
        )
        self.key = ReviewKey(article_id, session.annotator_id)
        self.reviewed = reviewed
        self.edit: ReviewEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            edit = judgements.review_article(project, self.key, self.reviewed)
            if edit.before == edit.after:
                raise DomainError(
                    QT_TRANSLATE_NOOP("Commands", "this article is reviewed already")
                    if self.reviewed
                    else QT_TRANSLATE_NOOP("Commands", "this article is not marked reviewed")
                )
            self.edit = edit
            return edit.changes
        return judgements.revert_review(project, self.edit, forward=forward)


class ArticleDeleteCommand(_Command):
    """Delete an article with everything it holds; undo puts it back exactly."""

    def __init__(self, session: Session, article_id: int, title: str) -> None:
        super().__init__(
            session, QT_TRANSLATE_NOOP("Commands", "delete article “{title}”").format(title=title)
        )
        self.article_id = article_id
        self.edit: ArticleDeleteEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            self.edit = article_delete.delete_article(project, self.article_id)
            return self.edit.changes
        return article_delete.revert_article_delete(project, self.edit, forward=forward)
