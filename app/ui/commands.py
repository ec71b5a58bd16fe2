"""Undo commands: each holds the ids and the before/after states of one edit.

QUndoStack.push() calls redo(), so the first redo() performs the edit through a service and
keeps the states it returns; later undo()/redo() swap those states back, refusing (and telling
the user) when another window or process changed the same rows in between.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from app.domain.model import DomainError
from app.services import article_details, editing
from app.services import suggest as suggest_service
from app.ui.session import Session


class _Command(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._done = False
        self.article_id: int | None = None
        self.statement_ids: frozenset[int] | None = None
        self.reason: str | None = None

    def _run(self, action: Any) -> bool:
        try:
            action()
        except DomainError as error:
            self.setObsolete(True)  # an edit that failed or conflicts leaves the stack
            self.session.error.emit(str(error))
            return False
        self.session.notify(self.article_id, self.statement_ids, self.reason, self.claims_touched())
        return True

    def claims_touched(self) -> frozenset[int]:
        """Claims the edit linked or unlinked (the comparison must recompute them too)."""
        return frozenset()


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

    def redo(self) -> None:
        if self.edit is None:

            def first() -> None:
                self.edit = editing.edit_attribution(self.session.project, self.key, **self.changes)

            self._run(first)
        else:
            edit = self.edit
            self._run(
                lambda: editing.swap_attribution(
                    self.session.project, self.key, edit.before, edit.after
                )
            )

    def undo(self) -> None:
        edit = self.edit
        if edit is not None:
            self._run(
                lambda: editing.swap_attribution(
                    self.session.project, self.key, edit.after, edit.before
                )
            )


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

    def redo(self) -> None:
        if self.edit is None:

            def first() -> None:
                if self.label is not None:
                    self.edit = editing.link_claim(
                        self.session.project, self.statement_id, self.label
                    )
                else:
                    assert self.unlink_claim_id is not None
                    self.edit = editing.unlink_claim(
                        self.session.project, self.statement_id, self.unlink_claim_id
                    )
                if self.edit is None:
                    raise DomainError("nothing to change: the link is as asked already")

            self._run(first)
        else:
            edit = self.edit
            self._run(lambda: editing.apply_claim_link(self.session.project, edit, forward=True))

    def undo(self) -> None:
        edit = self.edit
        if edit is not None:
            self._run(lambda: editing.apply_claim_link(self.session.project, edit, forward=False))

    def claims_touched(self) -> frozenset[int]:
        return frozenset() if self.edit is None else frozenset({int(self.edit.claim["id"])})


class StatementCommand(_Command):
    """Create (from a selection), split, merge or delete statements of one article."""

    def __init__(self, session: Session, text: str, perform: Any) -> None:
        super().__init__(session, text)
        self.perform = perform  # a callable returning a StatementEdit
        self.edit: editing.StatementEdit | None = None

    def redo(self) -> None:
        if self.edit is None:

            def first() -> None:
                self.edit = self.perform()
                self.article_id = self.edit.article_id

            self._run(first)
        else:
            edit = self.edit
            self._run(
                lambda: editing.apply_statement_edit(self.session.project, edit, forward=True)
            )

    def undo(self) -> None:
        edit = self.edit
        if edit is not None:
            self._run(
                lambda: editing.apply_statement_edit(self.session.project, edit, forward=False)
            )

    @property
    def focus(self) -> int | None:
        return self.edit.focus if self.edit is not None else None


class RenameSourceCommand(_Command):
    def __init__(self, session: Session, source_id: int, old: str, new: str) -> None:
        super().__init__(session, f"rename source {old} to {new}")
        self.source_id, self.old, self.new = source_id, old, new

    def redo(self) -> None:
        self._run(
            lambda: editing.rename_source_checked(
                self.session.project, self.source_id, self.old, self.new
            )
        )

    def undo(self) -> None:
        self._run(
            lambda: editing.rename_source_checked(
                self.session.project, self.source_id, self.new, self.old
            )
        )


class DismissSuggestionCommand(_Command):
    """Dismiss a suggestion for this annotator; undo shows it again."""

    def __init__(self, session: Session, suggestion: Any) -> None:
        super().__init__(session, f"dismiss suggestion {suggestion.source}")
        self.suggestion = suggestion
        self.article_id = suggestion.article_id
        self.statement_ids = frozenset({suggestion.statement_id})
        self.reason = "suggestions"

    def redo(self) -> None:
        self._run(
            lambda: suggest_service.dismiss(
                self.session.project, self.suggestion, annotator=self.session.annotator
            )
        )

    def undo(self) -> None:
        self._run(
            lambda: suggest_service.restore(
                self.session.project, self.suggestion, annotator=self.session.annotator
            )
        )


class ArticleDetailsCommand(_Command):
    """Change an article's details; undo puts the previous ones back."""

    def __init__(self, session: Session, article_id: int, changes: dict[str, Any]) -> None:
        super().__init__(session, f"edit the details of article {article_id}")
        self.article_id = article_id
        self.reason = "details"
        self.changes = changes
        self.edit: article_details.DetailsEdit | None = None

    def redo(self) -> None:
        if self.edit is None:

            def first() -> None:
                self.edit = article_details.edit_article_details(
                    self.session.project, self.article_id, **self.changes
                )

            self._run(first)
        else:
            edit = self.edit
            self._run(
                lambda: article_details.apply_details_edit(self.session.project, edit, forward=True)
            )

    def undo(self) -> None:
        if self.edit is not None:
            edit = self.edit
            self._run(
                lambda: article_details.apply_details_edit(
                    self.session.project, edit, forward=False
                )
            )
