"""Statements of the open article made, split, merged or deleted, each as an undo command.

Ins makes a statement from the selected text (inside a statement, it is cut out; tags
follow), S splits at the cursor, M merges with the next, Ctrl+Del deletes (once confirmed:
its tags and claim links go with it). Each edit, its undo and its redo leave the user at
the statement they concern, never back at the article's first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.services import editing
from app.ui.annotate.presenter import AnnotatePresenter
from app.ui.annotate.text_view import StatementText
from app.ui.commands import StatementCommand, push
from app.ui.i18n import counted, translated
from app.ui.session import Session

EXCERPT = 160  # characters of the statement the delete confirmation quotes


class StatementEdits:
    def __init__(
        self,
        session: Session,
        presenter: AnnotatePresenter,
        text: StatementText,
        *,
        tell: Callable[[str], None],
        show: Callable[[int, int], None],
    ) -> None:
        self.session, self.presenter, self.text = session, presenter, text
        self.tell = tell  # a hint for the status bar
        self.show = show  # make a statement of an article current (after an edit or its undo)

    def _push(
        self,
        text: str,
        perform: Callable[[], editing.StatementEdit],
        *,
        shown_after: int | None = None,
    ) -> None:
        if self.presenter.article is None:
            return
        command = StatementCommand(
            self.session,
            text,
            perform,
            shown_before=self.presenter.current_statement_id,
            shown_after=shown_after,
            show=self.show,
        )
        push(self.session.undo_stack, command)

    def make(self) -> None:
        span, article = self.text.selected_span(), self.presenter.article
        if span is None or article is None:
            self.tell(
                QCoreApplication.translate(
                    "StatementEdits", "Select some text first to make it a statement."
                )
            )
            return
        project, article_id = self.session.project, article.id
        self._push(
            QCoreApplication.translate("StatementEdits", "make statement"),
            lambda: editing.create_statement(project, article_id, *span),
        )

    def split(self) -> None:
        statement_id, offset = self.presenter.current_statement_id, self.text.cursor_offset()
        if statement_id is None or offset is None:
            self.tell(
                QCoreApplication.translate(
                    "StatementEdits",
                    "Click in the statement where it should be split, then press S.",
                )
            )
            return
        project = self.session.project
        self._push(
            QCoreApplication.translate("StatementEdits", "split statement"),
            lambda: editing.split_statement(project, statement_id, offset),
        )

    def merge(self) -> None:
        statement_id, project = self.presenter.current_statement_id, self.session.project
        if statement_id is not None:
            self._push(
                QCoreApplication.translate("StatementEdits", "merge statements"),
                lambda: editing.merge_with_next(project, statement_id),
            )

    def delete(self) -> None:
        statement_id, project = self.presenter.current_statement_id, self.session.project
        if statement_id is None or not self.confirm_delete():
            return
        self._push(
            QCoreApplication.translate("StatementEdits", "delete statement"),
            lambda: editing.delete_statement(project, statement_id),
            shown_after=self.presenter.neighbour(statement_id),
        )

    def confirm_delete(self) -> bool:
        """Ask before deleting the current statement, quoting it and saying what goes with it.
        Enter deletes (Ctrl+Del was deliberate), Esc keeps it."""
        presenter, article, detail = self.presenter, self.presenter.article, self.presenter.detail
        if article is None or detail is None:
            return False
        statement = article.statements[presenter.index]
        quoted = article.body[statement.start : statement.end]
        if len(quoted) > EXCERPT:
            quoted = quoted[: EXCERPT - 1].rstrip() + "…"
        tags, claims = len(detail.tags), len(detail.claims)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("StatementEdits", "Delete statement"),
            QCoreApplication.translate("StatementEdits", "Delete statement {position}?").format(
                position=translated(presenter.position())
            ),
            parent=self.text.window(),
        )
        going = QCoreApplication.translate(
            "StatementEdits", "{tags} and {links} go with it. Undo (Ctrl+Z) brings it all back."
        )
        count = counted()
        box.setInformativeText(
            QCoreApplication.translate("StatementEdits", "“{quoted}”").format(quoted=quoted)
            + "\n\n"
            + going.format(tags=count.tags(tags), links=count.claim_links(claims))
        )
        delete = box.addButton(
            QCoreApplication.translate("StatementEdits", "Delete"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(delete)
        box.setEscapeButton(keep)
        box.exec()
        self.text.setFocus()  # the keys go on where they were pressed, whatever the answer
        return box.clickedButton() is delete
