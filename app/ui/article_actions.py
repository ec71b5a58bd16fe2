"""Edit ▸ the open article's actions: delete it (after a confirmation; one undo step puts it
back exactly) and accept every suggestion it still offers, in one undo step."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.suggest import Suggestion
from app.ui.annotate.view import AnnotateView
from app.ui.commands import ArticleDeleteCommand, AttributionCommand, push, push_all
from app.ui.i18n import number
from app.ui.session import Session
from app.ui.words import QT_TRANSLATE_NOOP

NO_ARTICLE = QT_TRANSLATE_NOOP("ArticleActionWords", "Open an article in Annotate first.")
NO_SUGGESTIONS = QT_TRANSLATE_NOOP(
    "ArticleActionWords", "This article offers no suggestion to accept."
)
ACCEPT = QT_TRANSLATE_NOOP("AnnotatePresenter", "accept suggestion {source}")


class ArticleActionWords(QObject):
    """What these actions say (a QObject: lupdate marks plural forms only in `self.tr`)."""

    def delete_title(self) -> str:
        return self.tr("Delete article")

    def delete_question(self, title: str, statements: int) -> str:
        return self.tr(
            "Delete “{title}” with its %Ln statement(s), their tags, claim links and marks?"
            "\n\nEdit ▸ Undo (Ctrl+Z) puts it back.",
            "",
            statements,
        ).format(title=title)

    def accept_all(self, suggestions: int) -> str:
        return self.tr("accept %Ln suggestion(s)", "", suggestions)

    def accepted(self, done: int, suggestions: int) -> str:
        accepted = self.tr("Accepted {done} of %Ln suggestion(s).", "", suggestions)
        return accepted.format(done=number(done))


def delete_article(session: Session, view: AnnotateView, parent: QWidget) -> bool:
    """Delete the article open in Annotate, once the user confirms; True when it was."""
    article = view.presenter.article
    if article is None:
        view.tell(NO_ARTICLE)
        return False
    count, words = len(article.statements), ArticleActionWords()
    answer = QMessageBox.question(
        parent,
        words.delete_title(),
        words.delete_question(article.title, count),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    done = push(session.undo_stack, ArticleDeleteCommand(session, article.id, article.title))
    if done:
        deleted = QT_TRANSLATE_NOOP("ArticleActionWords", "Deleted “{title}”; Ctrl+Z puts it back.")
        view.tell(deleted.format(title=article.title))
    return done


def pending_of_article(view: AnnotateView) -> list[Suggestion]:
    """Every suggestion the open article still offers this annotator, one per statement and
    source, leaving out the statements the annotator marked "no source"."""
    presenter = view.presenter
    if presenter.article is None:
        return []
    found: list[Suggestion] = []
    for statement in presenter.article.statements:
        if statement.id not in presenter.suggestions.by_statement:
            continue
        if presenter.is_no_source(statement.id):
            continue
        detail = presenter.reads.statement(statement.id)
        if detail is None:
            continue
        seen: set[int] = set()
        for suggestion in presenter.suggestions.pending(
            statement.id, detail.tags, presenter.annotator_id
        ):
            if suggestion.source_id not in seen:
                seen.add(suggestion.source_id)
                found.append(suggestion)
    return found


def accept_all_suggestions(session: Session, view: AnnotateView) -> int:
    """Accept every pending suggestion of the open article as one undo step; how many."""
    if view.presenter.article is None:
        view.tell(NO_ARTICLE)
        return 0
    if not session.ready_to_edit():
        return 0
    pending = pending_of_article(view)
    if not pending:
        view.tell(NO_SUGGESTIONS)
        return 0
    changes = [(s, s.tag_change(session.annotator_id)) for s in pending]
    commands = [
        AttributionCommand(session, change.key, ACCEPT.format(source=s.source), change)
        for s, change in changes
    ]
    count = len(pending)
    done = push_all(session.undo_stack, ArticleActionWords().accept_all(count), commands)
    view.status_message.emit(ArticleActionWords().accepted(done, count))
    return done
