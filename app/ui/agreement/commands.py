"""Adjudication as an undo step: the first run writes the consensus reading of a statement
through `services.adjudication`, undo and redo put the consensus rows back exactly."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.changes import Changes
from app.services import adjudication
from app.services.adjudication import AdjudicationEdit, ConsensusTag
from app.ui.commands import _Command
from app.ui.session import Session


class AdjudicationCommand(_Command):
    """Take one coder's reading (`annotator`) or write `tags` as the statement's consensus."""

    def __init__(
        self,
        session: Session,
        statement_id: int,
        text: str,
        *,
        annotator: str | None = None,
        tags: Sequence[ConsensusTag] = (),
    ) -> None:
        super().__init__(session, text)
        self.statement_id, self.annotator, self.tags = statement_id, annotator, tuple(tags)
        self.edit: AdjudicationEdit | None = None

    def apply(self, forward: bool) -> Changes:
        project = self.session.project
        if self.edit is None:
            if self.annotator is not None:
                self.edit = adjudication.take_reading(project, self.statement_id, self.annotator)
            else:
                self.edit = adjudication.adjudicate(project, self.statement_id, self.tags)
            return self.edit.changes
        return adjudication.revert_adjudication(project, self.edit, forward=forward)
