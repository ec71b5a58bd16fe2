"""The Annotate view: pick an article, move through its statements, tag them from the keyboard.

Keys (active while the text or the tag panel has focus): ↑/↓ or J/K move; 1–9 toggle sources;
A/D/N stance; Q/W/E/R (or Alt+rank) confidence; C claim box; Ins makes a statement from the
selection; S splits at the cursor; M merges with the next; Ctrl+Del deletes; F1 or ? lists keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import browse, editing
from app.services.browse import ArticleView
from app.ui.annotate.suggestion_cache import SuggestionCache
from app.ui.annotate.tag_panel import CONFIDENCE_KEYS, TagPanel
from app.ui.annotate.text_view import StatementText
from app.ui.article_model import ArticleTableModel
from app.ui.commands import (
    AttributionCommand,
    ClaimLinkCommand,
    DismissSuggestionCommand,
    StatementCommand,
    push,
)
from app.ui.lazy import LazyView
from app.ui.session import Change

SHORTCUTS = (
    ("↑ / ↓, K / J", "previous / next statement"),
    ("1 … 9", "toggle the n-th source on the statement"),
    ("A, D, N", "stance of the active source: asserts, denies, neutral"),
    ("Q, W, E, R", "confidence: first to fourth level (Alt+1…9: level by rank)"),
    ("C", "type a claim to link (with completion)"),
    ("Ins", "make a statement from the selected text"),
    ("S / M", "split the statement at the cursor / merge it with the next"),
    ("Ctrl+Del", "delete the statement"),
    ("Enter / Backspace", "accept / dismiss the chosen suggestion (the first, or as selected)"),
    ("?", "this list"),
)


class AnnotateView(LazyView):
    help_requested = Signal()
    status_message = Signal(str)
    details_requested = Signal(int)  # an article's id: the window opens its details dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ArticleView | None = None
        self.current_index = -1
        self.active_source: int | None = None
        self.sources: list[dict[str, Any]] = []
        self.levels: list[dict[str, Any]] = []
        self.suggestions = SuggestionCache()

        self.articles = ArticleTableModel(self)
        self.filter_box = QLineEdit(placeholderText="Filter articles")
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(lambda: self.articles.set_filter(self.filter_box.text()))
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.article_table = QTableView()
        self.article_table.setModel(self.articles)
        self.article_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.article_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.article_table.verticalHeader().hide()
        self.article_table.setWordWrap(False)
        self.article_table.selectionModel().currentRowChanged.connect(self._article_chosen)
        details = QAction("Details…", self.article_table)
        details.triggered.connect(self._request_details)
        self.article_table.addAction(details)
        self.article_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.article_table)

        self.text = StatementText()
        self.text.statement_clicked.connect(self.go_to_statement)
        self.panel = TagPanel()
        self.panel.source_toggled.connect(self.toggle_source)
        self.panel.source_activated.connect(self._activate_source)
        self.panel.stance_chosen.connect(self.set_stance)
        self.panel.confidence_chosen.connect(self.set_confidence)
        self.panel.note_edited.connect(self.set_note)
        self.panel.claim_link_requested.connect(self.link_claim)
        self.panel.claim_unlink_requested.connect(self.unlink_claim)
        self.panel.suggestion_accepted.connect(self.accept_suggestion)
        self.panel.suggestion_dismissed.connect(self.dismiss_suggestion)
        self.panel_scroll = panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)

        self.work_area = QWidget()  # the keyboard shortcuts live here
        work_layout = QVBoxLayout(self.work_area)
        work_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        for label, slot in (
            ("Make statement (Ins)", self.make_statement),
            ("Split (S)", self.split_statement),
            ("Merge with next (M)", self.merge_statement),
            ("Delete (Ctrl+Del)", self.delete_statement),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addStretch(1)
        work_layout.addLayout(tools)
        self.inner = QSplitter()
        self.inner.addWidget(self.text)
        self.inner.addWidget(panel_scroll)
        self.inner.setStretchFactor(0, 1)  # the text takes what the window gains or loses
        self.inner.setStretchFactor(1, 0)
        work_layout.addWidget(self.inner)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.work_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.layout_restored = False  # the window restored the user's own split
        self._fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._install_shortcuts()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if not self._fitted:
            self._fitted = True
            # Once laid out: before that, the view does not know its width yet.
            QTimer.singleShot(0, lambda: self._fit_to_width(self.width()))
        super().showEvent(event)

    def _fit_to_width(self, width: int) -> None:
        """The first layout: the tag panel gets the width its buttons need, the article list
        about a quarter, the text the rest (on a small screen the list gives way first)."""
        panel = 380
        listing = max(200, min(380, width // 4, width - panel - 380))
        if not self.layout_restored:
            self.splitter.setSizes([listing, max(width - listing, 1)])
        work = self.splitter.sizes()[1] if self.layout_restored else width - listing
        self.inner.setSizes([max(work - panel, 300), panel])

    # --- set-up -----------------------------------------------------------------------------

    def _install_shortcuts(self) -> None:
        def bind(keys: str | QKeySequence, slot: Any) -> None:
            shortcut = QShortcut(QKeySequence(keys), self.work_area)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for key in ("Down", "J"):
            bind(key, lambda: self.move(1))
        for key in ("Up", "K"):
            bind(key, lambda: self.move(-1))
        for i in range(9):
            bind(str(i + 1), lambda i=i: self.toggle_nth_source(i))
            bind(f"Alt+{i + 1}", lambda i=i: self.set_confidence_rank(i + 1))
        for key, stance in (("A", "asserts"), ("D", "denies"), ("N", "neutral")):
            bind(key, lambda s=stance: self.set_stance(s))
        for i, key in enumerate(CONFIDENCE_KEYS):
            bind(key, lambda i=i: self.set_confidence_index(i))
        bind("C", self.focus_claim_box)
        bind("Ins", self.make_statement)
        bind("S", self.split_statement)
        bind("M", self.merge_statement)
        bind("Ctrl+Del", self.delete_statement)
        # Enter and Backspace belong to the text fields (note, claim) when they have focus, so
        # these two keys act only from the article text and the suggestion list.
        for widget in (self.text, self.panel.suggestion_list):
            for key, slot in (
                ("Return", self.accept_suggestion),
                ("Enter", self.accept_suggestion),
                ("Backspace", self.dismiss_suggestion),
            ):
                shortcut = QShortcut(QKeySequence(key), widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        bind("?", self.help_requested.emit)  # F1 is the window's, in every view

    # --- loading (LazyView) ----------------------------------------------------------------

    def clear(self) -> None:
        self.suggestions.invalidate()
        self.view = None
        self.current_index = -1
        self.articles.set_loaders(None, None)
        self.text.show_article(None)
        self.panel.show_statement(None, 0, None, "")

    def load(self) -> None:
        """Everything the view shows: sources, levels, claims, the first page of articles, and
        the article that was open (or the first)."""
        assert self.session is not None
        project = self.session.project
        self._load_choices()
        current_article = self.view.id if self.view else None
        self.articles.set_loaders(
            lambda after, limit, contains: browse.article_page(project, after, limit, contains),
            lambda ids: browse.article_progress(project, ids),
        )
        # Fixed widths: resizing to contents would measure every row of a long list.
        header = self.article_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((1, "Agence C…"), (2, "2024-12-31"), (3, "9999/9999")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        if current_article is not None and self._select_article_row(current_article):
            self.load_article(current_article, keep_statement=True)
        elif self.articles.rowCount():
            self.view = None
            self.article_table.selectRow(0)
        else:
            self.view = None
            self.text.show_article(None)
            self._show_panel()

    def _load_choices(self) -> None:
        assert self.session is not None
        self.sources, self.levels = browse.sources_and_levels(self.session.project)
        self.panel.set_sources(self.sources)
        self.panel.set_levels(self.levels)
        self.panel.set_claim_labels(editing.claim_labels(self.session.project))

    def apply_change(self, change: Change) -> bool:
        """An edit of statements or tags of one article reloads that article only."""
        if change.reason == "details" or (
            change.article_id is None and change.statement_ids is None
        ):
            return False  # the article list shows titles, outlets and dates: load it again
        assert self.session is not None
        if change.statement_ids is None:  # statements made, split, merged or deleted
            affected = change.article_id
        elif self.view is not None and change.statement_ids & {s.id for s in self.view.statements}:
            affected = self.view.id
        else:
            affected = change.article_id
        self.panel.set_claim_labels(editing.claim_labels(self.session.project))
        if affected is not None:
            self.articles.forget_progress(affected)
        if self.view is not None and affected == self.view.id:
            if change.statement_ids is None or change.reason == "suggestions":
                self.suggestions.invalidate()  # the text or the dismissals changed
            self.load_article(self.view.id, keep_statement=True)
        return True

    def refresh(self, _change: object = None) -> None:
        """Reload everything now (sources renamed, scale changed...)."""
        if self.session is not None:
            self._stale = False
            self.load()

    def _select_article_row(self, article_id: int) -> bool:
        """Select an article's row, fetching pages until it is loaded."""
        row = self.articles.row_of(article_id)
        while row is None and self.articles.canFetchMore():
            self.articles.fetchMore()
            row = self.articles.row_of(article_id)
        if row is None:
            return False
        self.article_table.selectionModel().blockSignals(True)
        self.article_table.selectRow(row)
        self.article_table.selectionModel().blockSignals(False)
        return True

    def _request_details(self) -> None:
        if self.view is not None:
            self.details_requested.emit(self.view.id)

    def _article_chosen(self, current: Any, _previous: Any) -> None:
        if self.session is None or not current.isValid():
            return
        article_id = current.data(ArticleTableModel.ArticleIdRole)
        if article_id is not None and (self.view is None or self.view.id != article_id):
            self.load_article(int(article_id), keep_statement=False)

    def load_article(
        self, article_id: int, *, keep_statement: bool, focus: int | None = None
    ) -> None:
        assert self.session is not None
        previous = self.current_statement_id() if keep_statement else None
        self.view = browse.article_view(self.session.project, article_id)
        self.suggestions.load(
            self.session.project, self.view.id if self.view else None, self.session.annotator
        )
        ids = [s.id for s in self.view.statements] if self.view else []
        wanted = focus if focus in ids else previous
        self.current_index = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        self.text.show_article(self.view, self.current_statement_id())
        self.text.set_current(self.current_statement_id())
        self._show_panel()

    # --- navigation --------------------------------------------------------------------------

    def current_statement_id(self) -> int | None:
        if self.view is None or not 0 <= self.current_index < len(self.view.statements):
            return None
        return self.view.statements[self.current_index].id

    def move(self, step: int) -> None:
        if self.view is None or not self.view.statements:
            return
        self.current_index = max(0, min(len(self.view.statements) - 1, self.current_index + step))
        self.active_source = None
        self.text.set_current(self.current_statement_id())
        self._show_panel()

    def go_to_statement(self, statement_id: int) -> None:
        if self.view is None:
            return
        ids = [s.id for s in self.view.statements]
        if statement_id in ids:
            self.current_index = ids.index(statement_id)
            self.active_source = None
            self.text.set_current(statement_id, scroll_to=False)
            self._show_panel()

    def open_statement(self, article_id: int, statement_id: int) -> None:
        """Show a statement in its article (from the Statements view, say)."""
        self._select_article_row(article_id)
        self.load_article(article_id, keep_statement=False, focus=statement_id)
        self.text.set_current(statement_id)
        self.text.setFocus()

    def _show_panel(self) -> None:
        if self.session is None:
            return
        statement_id = self.current_statement_id()
        detail = (
            browse.statement_detail(self.session.project, statement_id) if statement_id else None
        )
        mine = [
            t
            for t in (detail.tags if detail else [])
            if t["annotator_id"] == self.session.annotator_id
        ]
        if self.active_source not in {t["source_id"] for t in mine}:
            self.active_source = mine[0]["source_id"] if mine else None
        total = len(self.view.statements) if self.view else 0
        self.panel.show_statement(
            detail,
            self.session.annotator_id,
            self.active_source,
            f"{self.current_index + 1} of {total}",
        )
        pending = self.pending_suggestions(detail.tags if detail else [])
        self.panel.show_suggestions(pending)
        self.text.set_evidence([(e.start, e.end) for e in pending[0].evidence] if pending else [])

    # --- suggestions -----------------------------------------------------------------------------

    def pending_suggestions(self, tags: list[dict[str, Any]] | None = None) -> list[Any]:
        """The current statement's suggestions still worth offering (see SuggestionCache)."""
        statement_id = self.current_statement_id()
        if statement_id is None or self.session is None:
            return []
        if tags is None:
            detail = browse.statement_detail(self.session.project, statement_id)
            tags = detail.tags if detail else []
        return self.suggestions.pending(statement_id, tags, self.session.annotator_id)

    def _chosen_suggestion(self) -> Any:
        pending = self.pending_suggestions()
        if not pending:
            return None
        return pending[min(self.panel.chosen_suggestion(), len(pending) - 1)]

    def accept_suggestion(self) -> None:
        """Enter: record the chosen pending suggestion as a tag (one undo step)."""
        suggestion = self._chosen_suggestion()
        if suggestion is None or self.session is None:
            return
        key = self._key(suggestion.source_id)
        if key is None:
            return
        self.active_source = suggestion.source_id
        article_id = self.view.id if self.view else None
        self._push(
            AttributionCommand(
                self.session,
                key,
                f"accept suggestion {suggestion.source}",
                article_id=article_id,
                **suggestion.tag_changes(),
            )
        )

    def dismiss_suggestion(self) -> None:
        """Backspace: hide the chosen pending suggestion (undoable too)."""
        suggestion = self._chosen_suggestion()
        if suggestion is not None and self.session is not None:
            self._push(DismissSuggestionCommand(self.session, suggestion))

    def _activate_source(self, source_id: int) -> None:
        self.active_source = source_id
        self._show_panel()

    # --- tagging ----------------------------------------------------------------------------------

    def _key(self, source_id: int) -> editing.AttributionKey | None:
        statement_id = self.current_statement_id()
        if self.session is None or statement_id is None:
            return None
        return editing.AttributionKey(statement_id, source_id, self.session.annotator_id)

    def _push(self, command: Any) -> bool:
        assert self.session is not None
        return push(self.session.undo_stack, command)

    def _has_tag(self, source_id: int) -> bool:
        assert self.session is not None
        statement_id = self.current_statement_id()
        detail = (
            browse.statement_detail(self.session.project, statement_id) if statement_id else None
        )
        return any(
            t["source_id"] == source_id and t["annotator_id"] == self.session.annotator_id
            for t in (detail.tags if detail else [])
        )

    def toggle_source(self, source_id: int) -> None:
        key = self._key(source_id)
        if key is None:
            return
        name = next((s["name"] for s in self.sources if s["id"] == source_id), "source")
        article_id = self.view.id if self.view else None
        if self._has_tag(source_id):
            self._push(
                AttributionCommand(
                    self.session, key, f"untag {name}", remove=True, article_id=article_id
                )
            )  # type: ignore[arg-type]
        else:
            self.active_source = source_id
            self._push(AttributionCommand(self.session, key, f"tag {name}", article_id=article_id))  # type: ignore[arg-type]

    def toggle_nth_source(self, index: int) -> None:
        if 0 <= index < len(self.sources):
            self.toggle_source(self.sources[index]["id"])

    def _change_active(self, text: str, **changes: Any) -> None:
        if self.active_source is None:
            self.status_message.emit(
                "Toggle a source first (1–9), then set its stance or confidence."
            )
            return
        key = self._key(self.active_source)
        if key is not None:
            article_id = self.view.id if self.view else None
            self._push(
                AttributionCommand(self.session, key, text, article_id=article_id, **changes)
            )  # type: ignore[arg-type]

    def set_stance(self, stance: str) -> None:
        # A person's edit makes the tag theirs: --apply never touches it again.
        self._change_active(f"stance {stance}", stance=stance, origin="manual")

    def set_confidence(self, level_id: int) -> None:
        label = next((lv["label"] for lv in self.levels if lv["id"] == level_id), "")
        self._change_active(f"confidence {label}", confidence_level_id=level_id, origin="manual")

    def set_confidence_index(self, index: int) -> None:
        if 0 <= index < len(self.levels):
            self.set_confidence(self.levels[index]["id"])

    def set_confidence_rank(self, rank: int) -> None:
        for level in self.levels:
            if level["rank"] == rank:
                self.set_confidence(level["id"])

    def set_note(self, note: str) -> None:
        self._change_active("edit note", note=note, origin="manual")

    def focus_claim_box(self) -> None:
        self.panel.claim_box.setFocus()

    def link_claim(self, label: str) -> None:
        self._claim_command(label=label)
        self.text.setFocus()

    def unlink_claim(self, claim_id: int) -> None:
        self._claim_command(unlink_claim_id=claim_id)

    def _claim_command(self, **what: Any) -> None:
        statement_id = self.current_statement_id()
        if statement_id is not None and self.session is not None:
            article_id = self.view.id if self.view else None
            self._push(ClaimLinkCommand(self.session, statement_id, article_id=article_id, **what))

    # --- statements ----------------------------------------------------------------------------

    def _statement_command(self, text: str, perform: Any) -> None:
        if self.session is None or self.view is None:
            return
        command = StatementCommand(self.session, text, perform)
        if self._push(command) and command.focus is not None and self.view is not None:
            self.load_article(self.view.id, keep_statement=False, focus=command.focus)

    def make_statement(self) -> None:
        span = self.text.selected_span()
        if span is None or self.view is None or self.session is None:
            self.status_message.emit("Select some text first to make it a statement.")
            return
        project, article_id = self.session.project, self.view.id
        self._statement_command(
            "make statement", lambda: editing.create_statement(project, article_id, *span)
        )

    def split_statement(self) -> None:
        statement_id, offset = self.current_statement_id(), self.text.cursor_offset()
        if statement_id is None or offset is None or self.session is None:
            self.status_message.emit(
                "Click in the statement where it should be split, then press S."
            )
            return
        project = self.session.project
        self._statement_command(
            "split statement", lambda: editing.split_statement(project, statement_id, offset)
        )

    def merge_statement(self) -> None:
        statement_id = self.current_statement_id()
        if statement_id is not None and self.session is not None:
            project = self.session.project
            self._statement_command(
                "merge statements", lambda: editing.merge_with_next(project, statement_id)
            )

    def delete_statement(self) -> None:
        statement_id = self.current_statement_id()
        if statement_id is not None and self.session is not None:
            project = self.session.project
            self._statement_command(
                "delete statement", lambda: editing.delete_statement(project, statement_id)
            )
