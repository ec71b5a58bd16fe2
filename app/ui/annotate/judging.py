"""The Annotate view's judgements beside the tags: 0 marks the current statement "no source"
(narration, background) or takes the mark off, and Edit ▸ Mark article reviewed (Ctrl+R) says
the open article is done. Both are undo steps of the session's annotator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services import judgements
from app.ui.annotate.presenter import Hint
from app.ui.commands import NoSourceCommand, ReviewCommand, push
from app.ui.i18n import translated
from app.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.ui.annotate.view import AnnotateView

NO_ARTICLE = QT_TRANSLATE_NOOP("Judging", "Open an article first.")


class Judging:
    def __init__(self, view: AnnotateView) -> None:
        self.view = view

    def toggle_no_source(self) -> None:
        view = self.view
        if not view.session.ready_to_edit():
            return
        request = view.presenter.toggle_no_source()
        if isinstance(request, Hint):
            view.status_message.emit(translated(request.text))
            return
        if request is None:
            return
        command = NoSourceCommand(view.session, request.statement_id, clear=request.clear)
        view._own_edit = frozenset({request.statement_id})
        try:
            done = push(view.session.undo_stack, command)
        finally:
            view._own_edit = None
        if done and command.edit is not None:
            view._render(view.presenter.apply_mark_edit(command.edit))

    def is_reviewed(self, article_id: int) -> bool:
        """Whether the session's annotator marked this article reviewed."""
        view = self.view
        names = judgements.reviewers(view.session.project, [article_id]).get(article_id, ())
        return view.session.annotator in names

    def toggle_review(self) -> None:
        """Mark the open article reviewed, or not reviewed when it is."""
        view = self.view
        article = view.presenter.article
        if article is None:
            view.status_message.emit(translated(NO_ARTICLE))
            return
        if not view.session.ready_to_edit():
            return
        reviewed = not self.is_reviewed(article.id)
        if push(
            view.session.undo_stack, ReviewCommand(view.session, article.id, reviewed=reviewed)
        ):
            said = (
                QT_TRANSLATE_NOOP("Judging", "“{title}” marked reviewed.")
                if reviewed
                else QT_TRANSLATE_NOOP("Judging", "“{title}” no longer marked reviewed.")
            )
            view.status_message.emit(translated(said.format(title=article.title)))
