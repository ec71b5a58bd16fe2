"""The Annotate view's state, without Qt: the open article and its statements with their tags,
which statement is current, the active source, and the suggestions still worth offering.

The view turns keys and clicks into calls here and renders what the presenter holds. An edit
is asked for as a `TagRequest`, performed by the view as an undo command, and its result (the
row the service returned) is applied here in place: the presenter updates that statement's
tags and says which statements to re-render, so a key press costs the one write and no
reading back. A change it did not make itself (an undo, another window) is read statement by
statement, or as the whole article when too many statements changed to be worth it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Protocol

from app.domain.edits import TagChange, TagEdit, TagKey
from app.domain.judgements import MarkEdit
from app.domain.model import DomainError, Origin, Stance
from app.domain.rows import AttributionRow, LevelRow, SourceRow, TagRow, TagSummary
from app.services import browse, claim_links, judgements
from app.services import suggest as suggest_service
from app.services.browse import ArticleView, StatementDetail
from app.services.project import Project
from app.services.suggest import Suggestion
from app.ui.annotate import presenter_words as said
from app.ui.annotate.presenter_words import NEEDS_A_SOURCE, NO_SOURCE_TAGGED, NOT_TAGGED
from app.ui.annotate.suggestion_cache import SuggestionCache


class AnnotateReads(Protocol):
    """What the presenter reads from the project; each call is one read transaction."""

    def article(self, article_id: int) -> ArticleView | None: ...

    def statement(self, statement_id: int) -> StatementDetail | None: ...

    def suggestions(self, article_id: int) -> list[Suggestion]: ...

    def sources_and_levels(self) -> tuple[list[SourceRow], list[LevelRow]]: ...

    def claim_labels(self) -> list[str]: ...

    def no_source(self, statement_ids: Sequence[int]) -> dict[int, tuple[str, ...]]: ...

    def tag_as(self, annotator: str) -> None:
        """Read the suggestions of `annotator` (their dismissals) from now on."""
        ...


class ProjectReads:
    """`AnnotateReads` through the services, on an open project, for one annotator."""

    def __init__(self, project: Project, annotator: str) -> None:
        self.project, self.annotator = project, annotator

    def tag_as(self, annotator: str) -> None:
        self.annotator = annotator

    def article(self, article_id: int) -> ArticleView | None:
        return browse.article_view(self.project, article_id)

    def statement(self, statement_id: int) -> StatementDetail | None:
        return browse.statement_detail(self.project, statement_id)

    def suggestions(self, article_id: int) -> list[Suggestion]:
        try:
            return suggest_service.suggest(
                self.project, article_id=article_id, annotator=self.annotator
            )
        except DomainError:  # the article went away: nothing to suggest
            return []

    def sources_and_levels(self) -> tuple[list[SourceRow], list[LevelRow]]:
        return browse.sources_and_levels(self.project)

    def claim_labels(self) -> list[str]:
        return claim_links.claim_labels(self.project)

    def no_source(self, statement_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """Who marked each of these statements "no source" (unmarked ones left out)."""
        return judgements.no_source_annotators(self.project, statement_ids)


@dataclass(frozen=True)
class TagRequest:
    """One tag edit for the view to perform as an undo command: `change`, or the removal of
    the tag (`remove`)."""

    key: TagKey
    text: str  # the undo step's name
    change: TagChange | None = None
    remove: bool = False


@dataclass(frozen=True)
class MarkRequest:
    """Mark the statement "no source" for the annotator, or (`clear`) take the mark off."""

    statement_id: int
    clear: bool = False


@dataclass(frozen=True)
class Hint:
    """Why a key did nothing, in words for the status bar."""

    text: str


@dataclass(frozen=True)
class Rerender:
    """What the view must render again after an edit or a change."""

    statements: frozenset[int] | None = frozenset()  # in the text; None: the whole article
    panel: bool = True  # the tag panel and the suggestions
    progress_of: int | None = None  # the article whose progress (tagged/total) changed
    claim_labels: bool = False  # the claim labels (completion) were read again


class ChangeNotice(Protocol):
    """What an edit touched, as the session broadcasts it (`app.domain.changes.Changes`), read
    the way a view that refreshes by article and statement needs."""

    @property
    def article_id(self) -> int | None: ...

    @property
    def statement_ids(self) -> frozenset[int] | None: ...

    @property
    def claim_ids(self) -> frozenset[int]: ...

    @property
    def reason(self) -> str | None: ...


class AnnotatePresenter:
    # A change naming more of the open article's statements than this reads the article once
    # instead of each statement on its own.
    MOST_STATEMENTS_READ_ONE_BY_ONE = 8

    def __init__(self, reads: AnnotateReads, annotator_id: int, annotator: str) -> None:
        self.reads = reads
        self.annotator_id, self.annotator = annotator_id, annotator
        self.sources: list[SourceRow] = []
        self.levels: list[LevelRow] = []
        self.claim_labels: list[str] = []
        self.article: ArticleView | None = None
        self.index = -1  # of the current statement in `article.statements`
        self.detail: StatementDetail | None = None  # the current statement's tags and claims
        self._active: int | None = None
        self.suggestions = SuggestionCache()
        self.shown_annotator: str | None = None  # whose tags the text shows (None: all)
        # Who marked each statement of the open article "no source" (unmarked: left out).
        self.no_source: dict[int, tuple[str, ...]] = {}

    def show_only(self, annotator: str | None) -> None:
        """Show the tags of one annotator in the text (None: everyone's); the panel still
        edits the session annotator's own (the caller reads the article again)."""
        self.shown_annotator = annotator

    def shows(self, annotator: str) -> bool:
        return self.shown_annotator is None or annotator == self.shown_annotator

    def _in_layer(self, article: ArticleView | None) -> ArticleView | None:
        if article is None or self.shown_annotator is None:
            return article
        return replace(
            article,
            statements=[
                replace(s, tags=[t for t in s.tags if self.shows(t.annotator)])
                for s in article.statements
            ],
        )

    def set_annotator(self, annotator_id: int, annotator: str) -> None:
        """Edit as another annotator from now on: their tags are the editable ones, their
        dismissed suggestions stay hidden (the article is read again by the caller)."""
        self.annotator_id, self.annotator = annotator_id, annotator
        self.reads.tag_as(annotator)
        self.suggestions = SuggestionCache()
        self._active = None

    # --- choices ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        """The sources (1–9 in this order), the active scale's levels, the claim labels."""
        self.sources, self.levels = self.reads.sources_and_levels()
        self.claim_labels = self.reads.claim_labels()

    def reload_claim_labels(self) -> None:
        self.claim_labels = self.reads.claim_labels()

    # --- the article -------------------------------------------------------------------------

    def open_article(
        self, article_id: int | None, *, keep_statement: bool = False, focus: int | None = None
    ) -> None:
        """Read an article (None: none open); the current statement is `focus` if it has it,
        else the one that was current if `keep_statement`, else the first."""
        previous = self.current_statement_id if keep_statement else None
        article = self.reads.article(article_id) if article_id is not None else None
        self.article = self._in_layer(article)
        ids = self.statement_ids()
        self.no_source = self.reads.no_source(ids) if ids else {}
        self.suggestions.load(self.article.id if self.article else None, self.reads.suggestions)
        wanted = focus if focus in ids else previous
        self.index = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        self._read_current()

    def reload_article(self) -> None:
        """Read the open article again, keeping the current statement where it can."""
        if self.article is not None:
            self.open_article(self.article.id, keep_statement=True)

    def reload_suggestions(self) -> None:
        """The text or the dismissals changed: analyse the open article again."""
        self.suggestions.invalidate()
        self.suggestions.load(self.article.id if self.article else None, self.reads.suggestions)

    def statement_ids(self) -> list[int]:
        return [s.id for s in self.article.statements] if self.article else []

    @property
    def current_statement_id(self) -> int | None:
        if self.article is None or not 0 <= self.index < len(self.article.statements):
            return None
        return self.article.statements[self.index].id

    def position(self) -> str:
        total = len(self.article.statements) if self.article else 0
        return said.POSITION.format(position=self.index + 1, total=total)

    def progress(self) -> tuple[int, int] | None:
        """(statements, judged statements) of the open article, as the article list shows: a
        statement is judged when tagged or marked "no source" (by anyone, or by the annotator
        whose tags are shown)."""
        if self.article is None:
            return None
        statements = self.article.statements
        shown = self.shown_annotator
        marked = {i for i, names in self.no_source.items() if shown is None or shown in names}
        return len(statements), sum(1 for s in statements if s.tags or s.id in marked)

    def is_no_source(self, statement_id: int | None) -> bool:
        """Whether this annotator marked the statement "no source"."""
        return statement_id is not None and self.annotator in self.no_source.get(statement_id, ())

    def toggle_no_source(self) -> MarkRequest | Hint | None:
        """0: mark the current statement "no source", or take the mark off; a hint when the
        annotator has tagged it (a mark never takes tags away)."""
        statement_id = self.current_statement_id
        if statement_id is None:
            return None
        if self.is_no_source(statement_id):
            return MarkRequest(statement_id, clear=True)
        if self.my_tags():
            return Hint(NO_SOURCE_TAGGED)
        return MarkRequest(statement_id)

    def apply_mark_edit(self, edit: MarkEdit) -> Rerender:
        """A mark edit's result, applied in place."""
        if edit.key.annotator_id == self.annotator_id:
            self._set_mark(edit.key.statement_id, marked=edit.after is not None)
        article_id = self.article.id if self.article else None
        return Rerender(frozenset({edit.key.statement_id}), progress_of=article_id)

    def _set_mark(self, statement_id: int, *, marked: bool) -> None:
        others = tuple(n for n in self.no_source.get(statement_id, ()) if n != self.annotator)
        names = (*others, self.annotator) if marked else others
        if names:
            self.no_source[statement_id] = names
        else:
            self.no_source.pop(statement_id, None)

    # --- navigation --------------------------------------------------------------------------

    def move(self, step: int) -> bool:
        """The previous (-1) or next (+1) statement, stopping at the ends; False without any."""
        if self.article is None or not self.article.statements:
            return False
        last = len(self.article.statements) - 1
        index = max(0, min(last, self.index + step))
        moved, self.index = index != self.index, index
        self._active = None  # a new statement starts from its first source
        if moved:
            self._read_current()
        else:
            self._normalise_active()
        return True

    def go_to(self, statement_id: int) -> bool:
        """Make a statement of the open article current (a click in the text)."""
        ids = self.statement_ids()
        if statement_id not in ids:
            return False
        self.index = ids.index(statement_id)
        self._active = None
        self._read_current()
        return True

    def neighbour(self, statement_id: int) -> int | None:
        """The statement to show once `statement_id` is gone: the next, else the one before."""
        ids = self.statement_ids()
        if statement_id not in ids:
            return None
        at = ids.index(statement_id)
        rest = ids[at + 1 :] or ids[:at][-1:]
        return rest[0] if rest else None

    def focus(self, statement_id: int) -> bool:
        """Make a statement current after an edit made it (the active source stays)."""
        ids = self.statement_ids()
        if statement_id not in ids:
            return False
        self.index = ids.index(statement_id)
        self._read_current()
        return True

    # --- the active source -------------------------------------------------------------------

    @property
    def active_source(self) -> int | None:
        """The source whose stance and confidence the keys set: one of the annotator's tags on
        the current statement, the first of them unless another was chosen; None without any."""
        return self._active

    def activate_source(self, source_id: int) -> None:
        self._active = source_id
        self._normalise_active()

    def activate_nth_source(self, index: int) -> Hint | None:
        """Ctrl+digit: make the n-th source the active one, without touching its tag (the
        digit alone toggles it, which would remove a tag that is there); a hint when the
        annotator has not tagged it on this statement."""
        if not 0 <= index < len(self.sources) or self.detail is None:
            return None
        source = self.sources[index]
        if not self.has_tag(source.id):
            return Hint(NOT_TAGGED.format(name=source.name, key=index + 1))
        self.activate_source(source.id)
        return None

    def my_tags(self) -> list[TagRow]:
        """The annotator's own tags on the current statement, in the sources' order."""
        tags = self.detail.tags if self.detail else []
        return [t for t in tags if t.annotator_id == self.annotator_id]

    def has_tag(self, source_id: int) -> bool:
        return any(t.source_id == source_id for t in self.my_tags())

    def _normalise_active(self) -> None:
        mine = [t.source_id for t in self.my_tags()]
        if self._active not in mine:
            self._active = mine[0] if mine else None

    # --- tag requests ------------------------------------------------------------------------

    def _key(self, source_id: int) -> TagKey | None:
        statement_id = self.current_statement_id
        if statement_id is None:
            return None
        return TagKey(statement_id, source_id, self.annotator_id)

    def toggle_source(self, source_id: int) -> TagRequest | None:
        """Tag the current statement with a source, or untag it if the annotator has."""
        key = self._key(source_id)
        if key is None:
            return None
        name = next((s.name for s in self.sources if s.id == source_id), "?")
        if self.has_tag(source_id):
            return TagRequest(key, said.UNTAG.format(name=name), remove=True)
        return TagRequest(key, said.TAG.format(name=name), TagChange(key))  # a person asserting

    def toggle_nth_source(self, index: int) -> TagRequest | None:
        if 0 <= index < len(self.sources):
            return self.toggle_source(self.sources[index].id)
        return None

    def _change_active(
        self,
        text: str,
        *,
        stance: Stance | None = None,
        level_id: int | None = None,
        note: str | None = None,
    ) -> TagRequest | Hint | None:
        if self._active is None:
            return Hint(NEEDS_A_SOURCE)
        key = self._key(self._active)
        if key is None:
            return None
        change = TagChange(key, origin=Origin.MANUAL)  # a person's edit makes the tag theirs
        if stance is not None:
            change = replace(change, stance=stance)
        if level_id is not None:
            change = replace(change, confidence_level_id=level_id)
        if note is not None:
            change = replace(change, note=note)
        return TagRequest(key, text, change)

    def set_stance(self, stance: str) -> TagRequest | Hint | None:
        return self._change_active(said.STANCE_EDITS[Stance(stance)], stance=Stance(stance))

    def set_confidence(self, level_id: int) -> TagRequest | Hint | None:
        label = next((lv.label for lv in self.levels if lv.id == level_id), "")
        return self._change_active(said.CONFIDENCE.format(label=label), level_id=level_id)

    def set_confidence_index(self, index: int) -> TagRequest | Hint | None:
        """Q, W, E, R: the n-th level of the active scale."""
        if 0 <= index < len(self.levels):
            return self.set_confidence(self.levels[index].id)
        return None

    def set_confidence_rank(self, rank: int) -> TagRequest | Hint | None:
        """Alt+digit: the level of that rank."""
        level = next((lv for lv in self.levels if lv.rank == rank), None)
        return self.set_confidence(level.id) if level is not None else None

    def set_note(self, note: str) -> TagRequest | Hint | None:
        return self._change_active(said.EDIT_NOTE, note=note)

    # --- suggestions -------------------------------------------------------------------------

    def pending_suggestions(self) -> list[Suggestion]:
        """The current statement's suggestions still worth offering (see SuggestionCache)."""
        statement_id = self.current_statement_id
        if statement_id is None or self.detail is None:
            return []
        return self.suggestions.pending(statement_id, self.detail.tags, self.annotator_id)

    def chosen_suggestion(self, row: int) -> Suggestion | None:
        """The pending suggestion at a row of the list (the last one past its end)."""
        pending = self.pending_suggestions()
        return pending[min(max(row, 0), len(pending) - 1)] if pending else None

    def accept_suggestion(self, row: int) -> TagRequest | None:
        """Record a pending suggestion as a tag, with origin "suggestion"."""
        suggestion = self.chosen_suggestion(row)
        key = self._key(suggestion.source_id) if suggestion is not None else None
        if suggestion is None or key is None:
            return None
        change = TagChange(
            key,
            stance=suggestion.stance,
            confidence_level_id=suggestion.confidence_level_id,
            origin=Origin.SUGGESTION,
        )
        return TagRequest(key, said.ACCEPT_SUGGESTION.format(source=suggestion.source), change)

    # --- applying edits ----------------------------------------------------------------------

    def apply_change(self, change: ChangeNotice) -> Rerender | None:
        """Update after an edit made elsewhere (an undo, another view, another window) what it
        touched of the open article; None when only reading everything again will do."""
        if change.reason == "details" or (
            change.article_id is None and change.statement_ids is None
        ):
            return None  # the article list shows titles, outlets and dates
        article, statement_ids = self.article, change.statement_ids
        if statement_ids is None:  # statements made, split, merged or deleted
            affected = change.article_id
        elif article is not None and statement_ids & set(self.statement_ids()):
            affected = article.id
        else:
            affected = change.article_id
        labels = bool(change.claim_ids) or statement_ids is None  # claims made or removed
        if labels:
            self.reload_claim_labels()
        if article is None or affected != article.id:
            return Rerender(panel=False, progress_of=affected, claim_labels=labels)
        if statement_ids is None:
            self.suggestions.invalidate()  # the text changed: analyse it again
            self.reload_article()
            return Rerender(None, progress_of=affected, claim_labels=labels)
        if change.reason == "suggestions":  # dismissals changed, not tags
            self.reload_suggestions()
            return Rerender(progress_of=affected, claim_labels=labels)
        rerender = self.refresh_statements(statement_ids)
        return Rerender(rerender, progress_of=affected, claim_labels=labels)

    def apply_tag_edit(self, edit: TagEdit) -> Rerender:
        """Apply an edit's result in place and say what to render again.

        The current statement's tags take the row the service returned (`edit.after`), named
        from the sources and levels held here; a tag that is made or changed becomes the
        active source. Anything this cannot name is read instead.
        """
        key = edit.key
        article_id = self.article.id if self.article else None
        detail = self.detail
        if detail is None or detail.id != key.statement_id or key.annotator_id != self.annotator_id:
            read = self.refresh_statements(frozenset({key.statement_id}))
            return Rerender(read, progress_of=article_id)
        if edit.cleared_mark is not None:  # the tag took the annotator's mark off
            self._set_mark(key.statement_id, marked=False)
        edited = (key.source_id, key.annotator_id)
        previous = next((t for t in detail.tags if (t.source_id, t.annotator_id) == edited), None)
        others = [t for t in detail.tags if t is not previous]
        if edit.after is not None:
            shown = self._shown_tag(edit.after, previous)
            if shown is None:
                read = self.refresh_statements(frozenset({key.statement_id}))
                return Rerender(read, progress_of=article_id)
            others = sorted([*others, shown], key=self._tag_order)
            self._active = key.source_id
        self.detail = replace(detail, tags=others)
        self._set_statement_tags(detail.id, others)
        self._normalise_active()
        return Rerender(frozenset({detail.id}), progress_of=article_id)

    def refresh_statements(self, statement_ids: frozenset[int]) -> frozenset[int] | None:
        """Read again the statements of the open article a change named; returns those to
        re-render (None: the whole article was read again)."""
        if self.article is None:
            return frozenset()
        named = [sid for sid in self.statement_ids() if sid in statement_ids]
        if len(named) > self.MOST_STATEMENTS_READ_ONE_BY_ONE:
            self.reload_article()
            return None
        for statement_id in named:
            detail = self.reads.statement(statement_id)
            if detail is None:  # gone: the article's statements changed
                self.reload_article()
                return None
            self._set_statement_tags(statement_id, detail.tags)
            if statement_id == self.current_statement_id:
                self.detail = detail
        if named:
            marks = self.reads.no_source(named)
            for statement_id in named:
                if statement_id in marks:
                    self.no_source[statement_id] = marks[statement_id]
                else:
                    self.no_source.pop(statement_id, None)
        self._normalise_active()
        return frozenset(named)

    def _read_current(self) -> None:
        statement_id = self.current_statement_id
        self.detail = self.reads.statement(statement_id) if statement_id is not None else None
        self._normalise_active()

    def _set_statement_tags(self, statement_id: int, tags: Sequence[TagRow]) -> None:
        """A statement's tags as the text shows them (source, stance, confidence, annotator)."""
        assert self.article is not None
        shown = [
            TagSummary(t.source, t.stance, t.confidence_label, t.annotator)
            for t in tags
            if self.shows(t.annotator)
        ]
        self.article = replace(
            self.article,
            statements=[
                replace(s, tags=shown) if s.id == statement_id else s
                for s in self.article.statements
            ],
        )

    def _shown_tag(self, row: AttributionRow, previous: TagRow | None) -> TagRow | None:
        """A stored attribution row with the names the panel shows, or None if one is unknown."""
        source = next((s for s in self.sources if s.id == row.source_id), None)
        if source is None:
            return None
        level_id = row.confidence_level_id
        level = next((lv for lv in self.levels if lv.id == level_id), None)
        if level is not None:
            label, rank = level.label, level.rank
        elif level_id is None:
            label, rank = None, None
        elif previous is not None and previous.confidence_level_id == level_id:
            # A level of another scale that the tag kept (the edit did not change it).
            label, rank = previous.confidence_label, previous.confidence_rank
        else:
            return None
        stored = {f.name: getattr(row, f.name) for f in fields(AttributionRow)}
        return TagRow(
            **stored,
            source=source.name,
            annotator=self.annotator,
            confidence_label=label,
            confidence_rank=rank,
        )

    def _tag_order(self, tag: TagRow) -> tuple[int, int]:
        """The order the project lists tags in: by the source's position, then as made."""
        position = next((s.position for s in self.sources if s.id == tag.source_id), 0)
        return position, tag.id
