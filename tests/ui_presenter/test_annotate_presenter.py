"""The Annotate view's presenter, without Qt: navigation, the active source, tag requests, an
edit's result applied in place, and what each change asks the view to render again.

The presenter runs on the real services and a temporary copy of the demo project (4 articles,
sources Seoul, Kyiv, Kremlin at positions 1–3, the annotator "demo" with tags of their own);
its reads are counted, so a test can say that applying an edit read nothing.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.changes import Changes
from app.domain.model import Origin, Stance
from app.services import browse, tagging
from app.services.browse import ArticleView, StatementDetail
from app.services.demo import build_demo
from app.services.project import Project
from app.services.suggest import Suggestion
from app.ui.annotate.presenter import (
    NEEDS_A_SOURCE,
    AnnotatePresenter,
    Hint,
    ProjectReads,
    Rerender,
    TagRequest,
)

REPO = Path(__file__).resolve().parents[2]
SEOUL, KYIV, KREMLIN = 1, 2, 3


class CountingReads(ProjectReads):
    """The real reads, each call recorded by name."""

    def __init__(self, demo_project: Project, annotator: str) -> None:
        super().__init__(demo_project, annotator)
        self.calls: list[str] = []

    def article(self, article_id: int) -> ArticleView | None:
        self.calls.append("article")
        return super().article(article_id)

    def statement(self, statement_id: int) -> StatementDetail | None:
        self.calls.append("statement")
        return super().statement(statement_id)

    def suggestions(self, article_id: int) -> list[Suggestion]:
        self.calls.append("suggestions")
        return super().suggestions(article_id)


@pytest.fixture
def demo_project(tmp_path: Path) -> Iterator[Project]:
    with build_demo(tmp_path / "demo.sourcetrack", annotator="demo") as opened:
        yield opened


def presenter_for(demo_project: Project, annotator: str) -> tuple[AnnotatePresenter, CountingReads]:
    reads = CountingReads(demo_project, annotator)
    presenter = AnnotatePresenter(reads, browse.ensure_annotator(demo_project, annotator), annotator)
    presenter.load_choices()
    return presenter, reads


@pytest.fixture
def demo(demo_project: Project) -> tuple[AnnotatePresenter, CountingReads]:
    """The annotator whose tags the demo holds, on its first article."""
    presenter, reads = presenter_for(demo_project, "demo")
    presenter.open_article(1)
    reads.calls.clear()
    return presenter, reads


@pytest.fixture
def fresh(demo_project: Project) -> tuple[AnnotatePresenter, CountingReads]:
    """An annotator with no tags yet, on the first article."""
    presenter, reads = presenter_for(demo_project, "tester")
    presenter.open_article(1)
    reads.calls.clear()
    return presenter, reads


def perform(demo_project: Project, request: TagRequest | Hint | None) -> tagging.TagEdit:
    """What the view's undo command does with a request: one write through the services."""
    assert isinstance(request, TagRequest), request
    if request.remove:
        return tagging.untag(demo_project, request.key)
    assert request.change is not None
    return tagging.tag(demo_project, request.change)


def stored_tags(demo_project: Project, statement_id: int, annotator: str) -> list[tuple[str, Stance]]:
    return [
        (t.source, t.stance)
        for t in tagging.tags_of(demo_project, statement_id)
        if t.annotator == annotator
    ]


# --- navigation --------------------------------------------------------------------------------


def test_an_article_opens_on_its_first_statement_and_moves_stop_at_the_ends(
    demo: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, _reads = demo
    ids = presenter.statement_ids()
    assert presenter.current_statement_id == ids[0] and presenter.position() == f"1 of {len(ids)}"
    assert presenter.detail is not None and presenter.detail.id == ids[0]
    assert presenter.move(-1) and presenter.current_statement_id == ids[0]  # stays at the start
    for _ in range(len(ids) + 2):
        presenter.move(1)
    assert presenter.current_statement_id == ids[-1]  # stops at the end
    assert presenter.detail is not None and presenter.detail.id == ids[-1]
    assert presenter.move(-1) and presenter.current_statement_id == ids[-2]


def test_go_to_a_statement_of_the_article_and_only_of_it(
    demo: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, reads = demo
    ids = presenter.statement_ids()
    assert presenter.go_to(ids[4])
    assert presenter.index == 4 and presenter.detail is not None and presenter.detail.id == ids[4]
    assert reads.calls == ["statement"]  # the statement only, not the article
    assert not presenter.go_to(10_000)
    assert presenter.current_statement_id == ids[4]


def test_reopening_keeps_the_statement_and_focus_wins(
    demo: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, _reads = demo
    ids = presenter.statement_ids()
    presenter.go_to(ids[3])
    presenter.open_article(1, keep_statement=True)
    assert presenter.current_statement_id == ids[3]
    presenter.open_article(1, keep_statement=True, focus=ids[5])
    assert presenter.current_statement_id == ids[5]
    presenter.open_article(2)
    assert presenter.current_statement_id == presenter.statement_ids()[0]
    presenter.open_article(None)
    assert presenter.article is None and presenter.current_statement_id is None
    assert presenter.detail is None and not presenter.move(1)


def test_an_article_that_is_gone_opens_nothing(demo_project: Project) -> None:
    presenter, _reads = presenter_for(demo_project, "demo")
    presenter.open_article(999)
    assert presenter.article is None and presenter.current_statement_id is None
    assert presenter.toggle_nth_source(0) is None


# --- the active source ---------------------------------------------------------------------------


def test_the_active_source_is_the_first_of_the_annotators_tags(
    demo: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, _reads = demo
    assert presenter.go_to(7)  # Seoul asserts and Kremlin denies, both by "demo"
    assert presenter.active_source == SEOUL
    presenter.activate_source(KREMLIN)
    assert presenter.active_source == KREMLIN
    presenter.activate_source(KYIV)  # no tag of theirs for Kyiv here: back to the first
    assert presenter.active_source == SEOUL
    presenter.activate_source(KREMLIN)
    presenter.move(1)  # a new statement starts from its own first tag
    assert presenter.active_source == KREMLIN  # statement 8: Kremlin, neutral
    presenter.move(1)
    assert presenter.active_source is None  # statement 9: no tag of theirs


def test_stance_without_an_active_source_says_what_to_do_first(
    fresh: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, _reads = fresh
    assert presenter.active_source is None
    for request in (
        presenter.set_stance("denies"),
        presenter.set_confidence_index(0),
        presenter.set_note("x"),
    ):
        assert request == Hint(NEEDS_A_SOURCE)


def test_a_tag_made_becomes_active_and_its_removal_falls_back(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, _reads = fresh
    presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(KYIV)))
    assert presenter.active_source == KYIV
    presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(SEOUL)))
    assert presenter.active_source == SEOUL  # the newest tag is the one the keys set
    presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(SEOUL)))  # untagged
    assert presenter.active_source == KYIV
    presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(KYIV)))
    assert presenter.active_source is None


# --- requests ----------------------------------------------------------------------------------


def test_requests_name_the_current_statement_and_what_to_set(
    fresh: tuple[AnnotatePresenter, CountingReads],
) -> None:
    presenter, _reads = fresh
    statement = presenter.current_statement_id
    assert statement is not None
    tag = presenter.toggle_nth_source(1)
    assert isinstance(tag, TagRequest) and not tag.remove and tag.text == "tag Kyiv"
    assert (tag.key.statement_id, tag.key.source_id) == (statement, KYIV)
    assert presenter.toggle_nth_source(9) is None  # no tenth source
    presenter.activate_source(KYIV)
    assert presenter.active_source is None  # not tagged yet: nothing to set a stance on


def test_stance_and_confidence_are_a_persons_edit(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, _reads = fresh
    presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(KREMLIN)))
    stance = presenter.set_stance("denies")
    assert isinstance(stance, TagRequest) and stance.change is not None
    assert (stance.change.stance, stance.change.origin) == (Stance.DENIES, Origin.MANUAL)
    level = presenter.set_confidence_rank(2)
    assert isinstance(level, TagRequest) and level.change is not None
    assert level.change.confidence_level_id == presenter.levels[1].id
    assert level.text == f"confidence {presenter.levels[1].label}"
    assert presenter.set_confidence_rank(99) is None


# --- an edit's result, in place ------------------------------------------------------------------


def test_a_tag_is_applied_from_the_edits_row_without_reading_anything(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = fresh
    statement = presenter.current_statement_id
    assert statement is not None

    rerender = presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(KYIV)))

    assert reads.calls == []  # neither the statement nor the article was read again
    assert rerender == Rerender(frozenset({statement}), progress_of=1)
    assert presenter.detail is not None
    (mine,) = [t for t in presenter.detail.tags if t.annotator == "tester"]
    assert (mine.source, mine.stance, mine.origin) == ("Kyiv", Stance.ASSERTS, Origin.MANUAL)
    shown = presenter.article.statements[0].tags if presenter.article else []
    assert ("Kyiv", Stance.ASSERTS, "tester") in [(t.source, t.stance, t.annotator) for t in shown]
    # What the presenter holds is what a fresh read finds.
    fresh_read = browse.statement_detail(demo_project, statement)
    assert fresh_read is not None and presenter.detail.tags == fresh_read.tags
    assert presenter.progress() == browse.article_progress(demo_project, [1])[1]


def test_stance_and_level_changes_keep_the_tags_order_and_names(
    demo_project: Project, demo: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = demo
    presenter.go_to(7)  # Seoul and Kremlin, by "demo"
    reads.calls.clear()
    presenter.activate_source(KREMLIN)
    presenter.apply_tag_edit(perform(demo_project, presenter.set_stance("neutral")))
    presenter.apply_tag_edit(perform(demo_project, presenter.set_confidence_rank(4)))
    presenter.apply_tag_edit(perform(demo_project, presenter.set_note("à vérifier")))
    assert reads.calls == []
    detail = browse.statement_detail(demo_project, 7)
    assert detail is not None and presenter.detail is not None
    assert presenter.detail.tags == detail.tags  # order, names and levels as the project has them
    kremlin = next(t for t in presenter.detail.tags if t.source_id == KREMLIN)
    assert (kremlin.stance, kremlin.confidence_label, kremlin.note) == (
        Stance.NEUTRAL,
        "Unknown",
        "à vérifier",
    )
    assert presenter.active_source == KREMLIN


def test_an_untag_is_applied_in_place_too(
    demo_project: Project, demo: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = demo
    presenter.go_to(7)
    reads.calls.clear()
    rerender = presenter.apply_tag_edit(perform(demo_project, presenter.toggle_source(SEOUL)))
    assert reads.calls == [] and rerender.statements == frozenset({7})
    assert stored_tags(demo_project, 7, "demo") == [("Kremlin", Stance.DENIES)]
    assert presenter.detail is not None
    assert [t.source for t in presenter.detail.tags] == ["Kremlin"]
    assert presenter.active_source == KREMLIN


def test_an_edit_of_another_statement_is_read_instead(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = fresh
    request = presenter.toggle_source(SEOUL)
    assert isinstance(request, TagRequest)
    presenter.move(1)  # the edit lands after the user moved on
    reads.calls.clear()
    rerender = presenter.apply_tag_edit(perform(demo_project, request))
    assert reads.calls == ["statement"]  # only the statement the edit touched
    assert rerender.statements == frozenset({request.key.statement_id})
    first = presenter.article.statements[0] if presenter.article else None
    assert first is not None
    assert [t.source for t in first.tags if t.annotator == "tester"] == ["Seoul"]


# --- changes made elsewhere ----------------------------------------------------------------------


def test_a_change_of_some_statements_reads_only_those(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = fresh
    ids = presenter.statement_ids()
    key = tagging.TagKey(ids[2], KYIV, presenter.annotator_id)
    edit = tagging.tag(demo_project, tagging.TagChange(key))

    rerender = presenter.apply_change(edit.changes)  # an undo, another view: not this presenter's

    assert reads.calls == ["statement"]
    assert rerender == Rerender(frozenset({ids[2]}), progress_of=1)
    assert presenter.article is not None
    shown = presenter.article.statements[2].tags
    assert [t.source for t in shown if t.annotator == "tester"] == ["Kyiv"]


def test_what_each_kind_of_change_asks_for(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, reads = fresh
    # Another article: its progress only.
    assert presenter.apply_change(Changes(frozenset({3}), frozenset({30}))) == Rerender(
        frozenset(), panel=False, progress_of=3
    )
    assert reads.calls == []
    # Dismissals of this article: the suggestions again, and the panel.
    dismissed = presenter.apply_change(Changes(frozenset({1}), frozenset({1}), dismissals=True))
    assert dismissed == Rerender(frozenset(), progress_of=1) and reads.calls == ["suggestions"]
    # Statements remade: the whole article (and the claim labels).
    reads.calls.clear()
    remade = presenter.apply_change(Changes(frozenset({1}), segmentation=True))
    assert remade == Rerender(None, progress_of=1, claim_labels=True)
    assert "article" in reads.calls
    # Details, or anything from another process: the view reloads everything.
    assert presenter.apply_change(Changes(frozenset({1}), details=True)) is None
    assert presenter.apply_change(Changes.everything()) is None
    # Many statements at once: the article is read once rather than each statement.
    reads.calls.clear()
    many = frozenset(presenter.statement_ids())
    assert len(many) > presenter.MOST_STATEMENTS_READ_ONE_BY_ONE
    assert presenter.apply_change(Changes(frozenset({1}), many)) == Rerender(None, progress_of=1)
    assert reads.calls.count("article") == 1 and "statement" in reads.calls


def test_a_claim_change_reads_the_claim_labels_again(
    demo_project: Project, fresh: tuple[AnnotatePresenter, CountingReads]
) -> None:
    presenter, _reads = fresh
    statement = presenter.current_statement_id
    assert statement is not None
    key = tagging.TagKey(statement, SEOUL, presenter.annotator_id)
    edit = tagging.tag(demo_project, tagging.TagChange(key, claims=("Une toute nouvelle affirmation",)))
    rerender = presenter.apply_change(edit.changes)
    assert rerender is not None and rerender.claim_labels
    assert "Une toute nouvelle affirmation" in presenter.claim_labels
    assert presenter.detail is not None
    assert "Une toute nouvelle affirmation" in [c.label for c in presenter.detail.claims]


# --- suggestions -------------------------------------------------------------------------------


def test_an_accepted_suggestion_is_no_longer_pending(tmp_path: Path) -> None:
    from app.services.importing import ArticleMeta, import_file

    seed = REPO / "tests" / "data" / "article-fr-north-korea-russia.txt"
    with Project.open(tmp_path / "seed.sourcetrack", create=True) as demo_project:
        article = import_file(demo_project, seed, ArticleMeta()).article_id
        presenter, reads = presenter_for(demo_project, "tester")
        presenter.open_article(article)
        pending = presenter.pending_suggestions()
        assert pending and pending[0].source == "Seoul"
        request = presenter.accept_suggestion(0)
        assert isinstance(request, TagRequest) and request.change is not None
        assert request.change.origin == Origin.SUGGESTION
        reads.calls.clear()
        presenter.apply_tag_edit(perform(demo_project, request))
        assert reads.calls == []  # the analysis does not depend on tags: not redone
        assert "Seoul" not in [s.source for s in presenter.pending_suggestions()]
        assert presenter.active_source == request.key.source_id
        # A person's edit of that tag makes it theirs: a suggestion never overwrites it.
        presenter.apply_tag_edit(perform(demo_project, presenter.set_stance("denies")))
        assert "Seoul" not in [s.source for s in presenter.pending_suggestions()]


# --- without Qt ----------------------------------------------------------------------------------


def test_the_presenter_imports_no_qt() -> None:
    code = (
        "import sys, app.ui.annotate.presenter\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
