"""The Annotate view: pick an article, move through its statements, tag them from the keyboard.

A thin shell over `AnnotatePresenter`, which holds the state: this view lays out the widgets
(the article list, the text, the tag panel), binds the keys (`keys.py`), turns the
presenter's requests into undo commands, and renders what the presenter says changed.

The keys act wherever the keyboard is in the view, and the view takes the keyboard (for the
text) whenever it is shown or loads with the keyboard elsewhere: opening a project, coming
back from another tab or an import never leaves the keys dead until the text is clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from app.services import browse
from app.services.browse import ArticleView
from app.services.suggest import Suggestion
from app.ui.annotate.article_header import ArticleHeader
from app.ui.annotate.article_list import ArticleList
from app.ui.annotate.judging import Judging
from app.ui.annotate.keys import install_keys
from app.ui.annotate.layout import WorkArea, beside_the_list, fit_to_width
from app.ui.annotate.presenter import (
    NEEDS_A_SOURCE,
    AnnotatePresenter,
    Hint,
    ProjectReads,
    Rerender,
    TagRequest,
)
from app.ui.annotate.shown_tags import ShownTags
from app.ui.annotate.statement_edits import StatementEdits
from app.ui.annotate.tag_panel import TagPanel
from app.ui.annotate.text_view import StatementText
from app.ui.commands import AttributionCommand, ClaimLinkCommand, DismissSuggestionCommand, push
from app.ui.i18n import translated
from app.ui.lazy import LazyView
from app.ui.session import Change, Session


class AnnotateView(LazyView):
    help_requested = Signal()
    status_message = Signal(str)
    details_requested = Signal(int)  # an article's id: the window opens its details dialog

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        reads = ProjectReads(session.project, session.annotator)
        self.presenter = AnnotatePresenter(reads, session.annotator_id, session.annotator)
        session.annotator_changed.connect(self._annotator_changed)
        # The statements of the tag edit being pushed: its change is applied from its result.
        self._own_edit: frozenset[int] | None = None

        self.article_list = ArticleList()
        self.articles = self.article_list.model
        self.filter_box, self.article_table = self.article_list.filter_box, self.article_list.table
        self.article_list.article_chosen.connect(self._article_chosen)
        self.article_list.details_requested.connect(self._request_details)
        self.text = StatementText()
        self.text.statement_clicked.connect(self.go_to_statement)
        self.header = ArticleHeader()
        # With no article open the header says what to do, which depends on the list.
        for changed in (
            self.articles.modelReset,
            self.articles.rowsInserted,
            self.articles.rowsRemoved,
        ):
            changed.connect(self._render_header)
        self.panel = panel = TagPanel()
        for signal, slot in (
            (panel.source_toggled, self.toggle_source),
            (panel.source_activated, self._activate_source),
            (panel.stance_chosen, self.set_stance),
            (panel.confidence_chosen, self.set_confidence),
            (panel.note_edited, self.set_note),
            (panel.claim_link_requested, self.link_claim),
            (panel.claim_unlink_requested, self.unlink_claim),
            (panel.suggestion_accepted, self.accept_suggestion),
            (panel.suggestion_dismissed, self.dismiss_suggestion),
            (panel.hint, self.status_message.emit),  # worded by the panel
            (panel.claim_box_left, self.text.setFocus),
        ):
            signal.connect(slot)
        self.statement_edits = edits = StatementEdits(
            session, self.presenter, self.text, tell=self.tell, show=self._show
        )
        tools: tuple[tuple[str, Callable[[], None]], ...] = (
            (self.tr("Make statement (Ins)"), edits.make),
            (self.tr("Split (S)"), edits.split),
            (self.tr("Merge with next (M)"), edits.merge),
            (self.tr("Delete (Ctrl+Del)"), edits.delete),
        )
        # The header rides with the text: the splitter moves them together.
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.shown_tags = ShownTags()
        self.shown_tags.shown_changed.connect(self._shown_tags_changed)
        shown_label = QLabel(self.tr("S&how:"))
        shown_label.setBuddy(self.shown_tags)
        column.addWidget(self.header)
        column.addWidget(self.text, 1)
        self.work_area = WorkArea(reading, panel, tools)
        self.work_area.tools_row.addWidget(shown_label)
        self.work_area.tools_row.addWidget(self.shown_tags)
        self.panel_scroll = self.work_area.panel_scroll
        # Tab goes through the controls, never stops on the scroll area that holds them.
        self.panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = beside_the_list(self.article_list, self.work_area)
        self.layout_restored = False  # the window restored the user's own split
        self._fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.judging = Judging(self)  # the "no source" and reviewed marks
        install_keys(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if not self._fitted:
            self._fitted = True
            # Once laid out: before that, the view does not know its width yet.
            QTimer.singleShot(0, self, lambda: self._fit(self.width()))
        super().showEvent(event)
        # Once shown: a hidden widget cannot take the keyboard.
        QTimer.singleShot(0, self, self.take_keyboard)

    def take_keyboard(self) -> None:
        """Give the text the keyboard, unless it is in the view already (where the user put
        it) or the view is hidden; a dialog open over the window keeps it, and the text has
        it once the dialog closes."""
        if not self.isVisible():
            return
        focused = self.window().focusWidget() or QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chain_focus(self) -> None:
        """Tab's order: the filter, the list, the text, the panel from top to bottom, then the
        statement tools (the panel's buttons are made anew when the sources change)."""
        chain = [
            self.filter_box,
            self.article_table,
            self.text,
            *self.panel.focus_chain(),
            *self.work_area.tool_buttons,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fit(self, width: int) -> None:
        fit_to_width(self.splitter, self.work_area, width, restored=self.layout_restored)

    @property
    def article(self) -> ArticleView | None:
        """The open article, as last read or edited."""
        return self.presenter.article

    def current_statement_id(self) -> int | None:
        return self.presenter.current_statement_id

    # --- loading (LazyView) ----------------------------------------------------------------

    def load(self) -> None:
        """Everything the view shows: sources, levels, claims, the first page of articles, and
        the article that was open (or the first)."""
        project, presenter = self.session.project, self.presenter
        open_before = presenter.article.id if presenter.article else None
        presenter.load_choices()
        self.shown_tags.set_annotators(browse.judging_annotators(project), self.session.annotator)
        presenter.show_only(self.shown_tags.shown())
        self.panel.set_sources(presenter.sources)
        self.panel.set_levels(presenter.levels)
        self.panel.set_claim_labels(presenter.claim_labels)
        self._chain_focus()
        self.article_list.set_loaders(
            lambda after, limit, contains: browse.article_page(project, after, limit, contains),
            self._progress_of,
        )
        if open_before is not None and self.article_list.select_silently(open_before):
            self._open(open_before, keep_statement=True)
        else:
            presenter.open_article(None)
            if not self.article_list.select_first():  # selecting the first row opens it
                self._render_all()
        self.take_keyboard()  # an import into an empty project, say: the keys work at once

    def _progress_of(self, article_ids: list[int]) -> dict[int, tuple[int, int]]:
        """The list's progress column; the open article's is known without asking."""
        article, progress = self.presenter.article, self.presenter.progress()
        known = {article.id: progress} if article is not None and progress is not None else {}
        rest = [i for i in article_ids if i not in known]
        shown = self.presenter.shown_annotator
        whose = None if shown is None else browse.annotator_id(self.session.project, shown)
        found = browse.article_progress(self.session.project, rest, whose) if rest else {}
        return {**found, **{i: p for i, p in known.items() if i in article_ids}}

    def apply_change(self, change: Change) -> bool:
        """An edit of one article's statements or tags updates that article, in place."""
        own = self._own_edit
        tags_only = change.reason is None and not change.claim_ids
        if own is not None and tags_only and change.statement_ids == own:
            return True  # this view's tag edit: applied from its result once it is done
        rerender = self.presenter.apply_change(change)
        if rerender is None:
            return False
        self._render(rerender)
        return True

    def _shown_tags_changed(self) -> None:
        """Another annotator's tags (or everyone's) in the text, and in the list's progress."""
        self.presenter.show_only(self.shown_tags.shown())
        self.articles.forget_all_progress()
        article = self.presenter.article
        if article is not None:
            self._open(article.id, keep_statement=True)

    def _annotator_changed(self, name: str) -> None:
        """Another annotator tags from now on: their tags become the editable ones."""
        self.presenter.set_annotator(self.session.annotator_id, name)
        self.mark_stale()

    def _request_details(self) -> None:
        if self.presenter.article is not None:
            self.details_requested.emit(self.presenter.article.id)

    def _article_chosen(self, article_id: int) -> None:
        if self.presenter.article is None or self.presenter.article.id != article_id:
            self._open(article_id)

    def _open(
        self, article_id: int | None, *, keep_statement: bool = False, focus: int | None = None
    ) -> None:
        self.presenter.open_article(article_id, keep_statement=keep_statement, focus=focus)
        self._render_all()

    # --- rendering ---------------------------------------------------------------------------

    def _render_all(self) -> None:
        current = self.presenter.current_statement_id
        self.text.set_no_source(frozenset(self.presenter.no_source))
        self.text.show_article(self.presenter.article, current)
        self._render_header()
        self.text.set_current(current)
        self._render_panel()

    def _render_header(self) -> None:
        articles = self.articles.rowCount()
        self.header.show_article(
            self.presenter.article,
            articles=articles,
            filtered=bool(self.filter_box.text().strip()),
        )
        # With nothing in the list, the header says what to do: the text must not contradict it.
        self.text.setPlaceholderText(self.tr("Choose an article on the left.") if articles else "")

    def _render(self, what: Rerender) -> None:
        """Render again what an edit or a change touched, and nothing else."""
        presenter, article = self.presenter, self.presenter.article
        if what.claim_labels:
            self.panel.set_claim_labels(presenter.claim_labels)
        if what.progress_of is not None:
            self.articles.forget_progress(what.progress_of)
        self.text.set_no_source(frozenset(presenter.no_source))
        if what.statements is None:
            self._render_all()
            return
        if what.statements and article is not None:
            self.text.update_statements([s for s in article.statements if s.id in what.statements])
        if what.panel:
            self._render_panel()

    def _render_panel(self) -> None:
        presenter = self.presenter
        self.panel.show_statement(
            presenter.detail,
            presenter.annotator_id,
            presenter.active_source,
            translated(presenter.position()),
        )
        if presenter.is_no_source(presenter.current_statement_id):
            self.panel.heading.setText(
                self.tr("<b>Statement {position}</b> \u2014 \u2205 no source (0 clears)").format(
                    position=translated(presenter.position())
                )
            )
        pending = presenter.pending_suggestions()
        self.panel.show_suggestions(pending)
        self.text.set_evidence([(e.start, e.end) for e in pending[0].evidence] if pending else [])

    # --- navigation --------------------------------------------------------------------------

    def step(self, step: int) -> None:
        """Go to the previous (-1) or next (+1) statement. (Not `move`: that is QWidget's.)"""
        if self.presenter.move(step):
            self.text.set_current(self.presenter.current_statement_id)
            self._render_panel()

    def go_to_statement(self, statement_id: int) -> None:
        if self.presenter.go_to(statement_id):
            self.text.set_current(statement_id, scroll_to=False)
            self._render_panel()

    def open_statement(self, article_id: int, statement_id: int) -> None:
        """Show a statement in its article (from the Statements view, say)."""
        self.article_list.select_silently(article_id)
        self._open(article_id, focus=statement_id)
        self.text.set_current(statement_id)
        self.text.setFocus()

    def tell(self, text: str) -> None:
        """A hint or an edit's outcome for the status bar, in the interface's language."""
        self.status_message.emit(translated(text))

    def _show(self, article_id: int, statement_id: int) -> None:
        """Make current the statement a statement edit (or its undo) left, in its article
        (the change reloaded the open article already; a hidden view reads it afresh)."""
        article = self.presenter.article
        if article is None or article.id != article_id:
            self.article_list.select_silently(article_id)
            self._open(article_id, focus=statement_id)
            self.text.set_current(statement_id)
        elif self.presenter.focus(statement_id):
            self.text.set_current(statement_id)
            self._render_panel()
        else:
            self._open(article_id, focus=statement_id)
            self.text.set_current(statement_id)

    def _activate_source(self, source_id: int) -> None:
        self.presenter.activate_source(source_id)
        self._render_panel()

    def activate_nth_source(self, index: int) -> None:
        """Ctrl+digit: the n-th source becomes the one A/D/N and Q/W/E/R set."""
        hint = self.presenter.activate_nth_source(index)
        if hint is not None:
            self.tell(hint.text)
        self._render_panel()

    # --- tagging ----------------------------------------------------------------------------------

    def _perform(self, make: Callable[[], TagRequest | Hint | None]) -> None:
        """Push a tag edit as an undo command, then apply its result in place. The request is
        made once the annotator is known: the first edit may ask who is tagging."""
        if not self.session.ready_to_edit():
            return
        request = make()
        if isinstance(request, Hint):
            self.tell(request.text)
            return
        if request is None:
            return
        command = AttributionCommand(
            self.session, request.key, request.text, request.change, remove=request.remove
        )
        self._own_edit = frozenset({request.key.statement_id})
        try:
            done = push(self.session.undo_stack, command)
        finally:
            self._own_edit = None
        if done and command.edit is not None:
            self._render(self.presenter.apply_tag_edit(command.edit))

    def toggle_source(self, source_id: int) -> None:
        self._perform(lambda: self.presenter.toggle_source(source_id))

    def toggle_nth_source(self, index: int) -> None:
        self._perform(lambda: self.presenter.toggle_nth_source(index))

    def set_stance(self, stance: str) -> None:
        self._perform(lambda: self.presenter.set_stance(stance))

    def set_confidence(self, level_id: int) -> None:
        self._perform(lambda: self.presenter.set_confidence(level_id))

    def set_confidence_index(self, index: int) -> None:
        self._perform(lambda: self.presenter.set_confidence_index(index))

    def set_confidence_rank(self, rank: int) -> None:
        self._perform(lambda: self.presenter.set_confidence_rank(rank))

    def set_note(self, note: str) -> None:
        self._perform(lambda: self.presenter.set_note(note))

    def pending_suggestions(self) -> list[Suggestion]:
        return self.presenter.pending_suggestions()

    def accept_suggestion(self) -> None:
        """Enter: record the chosen pending suggestion as a tag (one undo step)."""
        self._perform(lambda: self.presenter.accept_suggestion(self.panel.chosen_suggestion()))

    def dismiss_suggestion(self) -> None:
        """Backspace: hide the chosen pending suggestion (undoable too)."""
        suggestion = self.presenter.chosen_suggestion(self.panel.chosen_suggestion())
        if suggestion is not None and self.session.ready_to_edit():
            push(self.session.undo_stack, DismissSuggestionCommand(self.session, suggestion))

    def focus_note(self) -> None:
        """O: the note of the active source's tag (Enter keeps it, Esc leaves it as it was)."""
        if not self.panel.note.isEnabled():
            self.tell(NEEDS_A_SOURCE)
            return
        self.panel_scroll.ensureWidgetVisible(self.panel.note)
        self.panel.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.note.selectAll()

    def focus_claim_box(self) -> None:
        self.panel_scroll.ensureWidgetVisible(self.panel.claim_box)  # below the fold, maybe
        self.panel.claim_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def link_claim(self, label: str) -> None:
        self._claim_command(label=label)
        self.text.setFocus()

    def unlink_claim(self, claim_id: int) -> None:
        self._claim_command(unlink_claim_id=claim_id)

    def _claim_command(
        self, *, label: str | None = None, unlink_claim_id: int | None = None
    ) -> None:
        statement_id = self.presenter.current_statement_id
        if statement_id is not None:
            command = ClaimLinkCommand(
                self.session, statement_id, label=label, unlink_claim_id=unlink_claim_id
            )
            push(self.session.undo_stack, command)
