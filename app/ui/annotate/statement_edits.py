"""Statements of the open article made, split, merged or deleted, each as an undo command.

Ins makes a statement from the selected text (inside a statement, it is cut out; tags
follow), S splits at the cursor, M merges with the next, Ctrl+Del deletes.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services import editing
from app.ui.annotate.presenter import AnnotatePresenter
from app.ui.annotate.text_view import StatementText
from app.ui.commands import StatementCommand, push
from app.ui.session import Session


class StatementEdits:
    def __init__(
        self,
        session: Session,
        presenter: AnnotatePresenter,
        text: StatementText,
        *,
        tell: Callable[[str], None],
        focus: Callable[[int], None],
    ) -> None:
        self.session, self.presenter, self.text = session, presenter, text
        self.tell = tell  # a hint for the status bar
        self.focus = focus  # make the statement the edit left current

    def _push(self, text: str, perform: Callable[[], editing.StatementEdit]) -> None:
        if self.presenter.article is None:
            return
        command = StatementCommand(self.session, text, perform)
        if push(self.session.undo_stack, command) and command.focus is not None:
            self.focus(command.focus)

    def make(self) -> None:
        span, article = self.text.selected_span(), self.presenter.article
        if span is None or article is None:
            self.tell("Select some text first to make it a statement.")
            return
        project, article_id = self.session.project, article.id
        self._push("make statement", lambda: editing.create_statement(project, article_id, *span))

    def split(self) -> None:
        statement_id, offset = self.presenter.current_statement_id, self.text.cursor_offset()
        if statement_id is None or offset is None:
            self.tell("Click in the statement where it should be split, then press S.")
            return
        project = self.session.project
        self._push(
            "split statement", lambda: editing.split_statement(project, statement_id, offset)
        )

    def merge(self) -> None:
        statement_id, project = self.presenter.current_statement_id, self.session.project
        if statement_id is not None:
            self._push("merge statements", lambda: editing.merge_with_next(project, statement_id))

    def delete(self) -> None:
        statement_id, project = self.presenter.current_statement_id, self.session.project
        if statement_id is not None:
            self._push("delete statement", lambda: editing.delete_statement(project, statement_id))
