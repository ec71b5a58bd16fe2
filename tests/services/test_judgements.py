"""Statements marked "no source" and articles reviewed, through the services: the rule between a
tag and a mark, exact undo and redo with conflicts, progress and the filters, and what statement
edits do with marks. Every test runs on SQLite and on PostgreSQL (the `project` fixture)."""

from __future__ import annotations

import pytest
from db_state import snapshot

from app.domain.changes import Changes
from app.domain.edits import ConflictError, TagChange, TagKey
from app.domain.judgements import MarkKey, ReviewKey
from app.domain.model import DomainError, Stance
from app.services import browse, editing, judgements, suggest, tagging
from app.services.project import Project
from app.services.statement_table import StatementFilter, count
from app.store import articles as article_store
from app.store import tags as tag_store


def annotator(project: Project, name: str = "tester") -> int:
    return browse.ensure_annotator(project, name)


def source(project: Project, name: str) -> int:
    with project.read() as conn:
        found = tag_store.source_id_by_name(conn, name)
    assert found is not None
    return found


def tag(project: Project, statement_id: int, name: str = "Seoul", who: str = "tester"):
    key = TagKey(statement_id, source(project, name), annotator(project, who))
    return tagging.tag(project, TagChange(key, stance=Stance.ASSERTS))


def mark(project: Project, statement_id: int, who: str = "tester"):
    return judgements.mark_no_source(project, MarkKey(statement_id, annotator(project, who)))


def marked(project: Project, who: str = "tester") -> frozenset[int]:
    return judgements.marked_statements(project, 1, annotator(project, who))


def spans(project: Project) -> list[tuple[int, int, int]]:
    with project.read() as conn:
        return article_store.statement_spans(conn, 1)


# --- marking ------------------------------------------------------------------------------------


def test_a_mark_is_made_once_per_annotator_and_says_what_changed(project: Project) -> None:
    edit = mark(project, 3)
    assert edit.marked and edit.before is None and edit.after is not None
    assert edit.changes == Changes(frozenset({1}), frozenset({3}))
    again = mark(project, 3)
    assert not again.marked and again.before == again.after == edit.after
    assert again.changes == Changes()  # nothing changed: nothing to refresh
    other = mark(project, 3, "bob")  # another annotator's judgement is their own
    assert other.marked
    assert judgements.no_source_annotators(project, [3, 4]) == {3: ("bob", "tester")}
    cleared = judgements.clear_no_source(project, MarkKey(3, annotator(project)))
    assert cleared.cleared and cleared.changes == edit.changes
    assert judgements.no_source_annotators(project, [3]) == {3: ("bob",)}
    nothing = judgements.clear_no_source(project, MarkKey(3, annotator(project)))
    assert not nothing.cleared and nothing.changes == Changes()


def test_unknown_statements_and_annotators_are_refused(project: Project) -> None:
    with pytest.raises(DomainError, match="no statement with id 999"):
        judgements.mark_no_source(project, MarkKey(999, annotator(project)))
    with pytest.raises(DomainError, match="no annotator with id 999"):
        judgements.mark_no_source(project, MarkKey(1, 999))
    with pytest.raises(DomainError, match="no article with id 999"):
        judgements.review_article(project, ReviewKey(999, annotator(project)))


def test_marking_a_statement_the_annotator_tagged_is_refused(project: Project) -> None:
    tag(project, 2, "Seoul")
    tag(project, 2, "Kremlin")
    before = snapshot(project)
    with pytest.raises(DomainError, match=r"carries this annotator's tags \(Seoul, Kremlin\)"):
        mark(project, 2)
    assert snapshot(project) == before
    # Another annotator's tags do not stand in the way: they judged it differently.
    assert mark(project, 2, "bob").marked


def test_tagging_takes_the_mark_off_and_its_undo_puts_it_back_exactly(project: Project) -> None:
    mark(project, 4)
    mark(project, 4, "bob")
    before = snapshot(project)
    edit = tag(project, 4)
    assert edit.cleared_mark is not None and edit.cleared_mark.statement_id == 4
    assert marked(project) == frozenset() and marked(project, "bob") == {4}
    after = snapshot(project)
    tagging.revert_tag(project, edit, forward=False)
    assert snapshot(project) == before  # the mark is back, with its time
    tagging.revert_tag(project, edit, forward=True)
    assert snapshot(project) == after
    # Changing the tag afterwards clears nothing more.
    assert tag(project, 4, "Seoul").cleared_mark is None


def test_undoing_a_tag_is_refused_when_the_mark_came_back_meanwhile(project: Project) -> None:
    mark(project, 4)
    edit = tag(project, 4)
    tagging.revert_tag(project, edit, forward=False)  # the mark is back
    judgements.clear_no_source(project, MarkKey(4, annotator(project)))  # another window
    mark(project, 4)  # …marks it again: a new mark, a new time
    state = snapshot(project)
    with pytest.raises(ConflictError):
        tagging.revert_tag(project, edit, forward=True)
    assert snapshot(project) == state


def test_undo_and_redo_of_marks_restore_exactly(project: Project) -> None:
    annotator(project)
    start = snapshot(project)
    edit = mark(project, 5)
    marked_state = snapshot(project)
    assert judgements.revert_mark(project, edit, forward=False) == edit.changes
    assert snapshot(project) == start
    judgements.revert_mark(project, edit, forward=True)
    assert snapshot(project) == marked_state  # the same mark, the same time
    clear = judgements.clear_no_source(project, edit.key)
    judgements.revert_mark(project, clear, forward=False)
    assert snapshot(project) == marked_state
    judgements.revert_mark(project, clear, forward=True)
    assert snapshot(project) == start


def test_undo_of_a_mark_changed_elsewhere_is_refused(project: Project) -> None:
    edit = mark(project, 5)
    judgements.clear_no_source(project, edit.key)  # another window or process
    with pytest.raises(ConflictError, match="no-source mark was changed"):
        judgements.revert_mark(project, edit, forward=False)
    # Undoing a clear would put the mark beside a tag the annotator made since: refused.
    mark(project, 6)
    clear = judgements.clear_no_source(project, MarkKey(6, annotator(project)))
    tag(project, 6)
    state = snapshot(project)
    with pytest.raises(ConflictError, match="tagged since"):
        judgements.revert_mark(project, clear, forward=False)
    assert snapshot(project) == state
    # A statement deleted since cannot take its mark back.
    mark(project, 7)
    clear = judgements.clear_no_source(project, MarkKey(7, annotator(project)))
    editing.delete_statement(project, 7)
    with pytest.raises(ConflictError, match="deleted"):
        judgements.revert_mark(project, clear, forward=False)


# --- reviews --------------------------------------------------------------------------------------


def test_reviews_are_per_annotator_and_undo_exactly(project: Project) -> None:
    key = ReviewKey(1, annotator(project))
    start = snapshot(project)
    edit = judgements.review_article(project, key)
    assert edit.changed and edit.changes == Changes(frozenset({1}))
    assert not judgements.review_article(project, key).changed
    judgements.review_article(project, ReviewKey(1, annotator(project, "bob")))
    assert judgements.reviewers(project, [1]) == {1: ("bob", "tester")}
    reviewed = snapshot(project)
    judgements.revert_review(project, edit, forward=False)
    assert judgements.reviewers(project, [1]) == {1: ("bob",)}
    judgements.revert_review(project, edit, forward=True)
    assert snapshot(project) == reviewed
    unreview = judgements.review_article(project, key, reviewed=False)
    assert unreview.changed and unreview.after is None
    with pytest.raises(ConflictError):  # the undo of the review: it is not there any more
        judgements.revert_review(project, edit, forward=False)
    judgements.revert_review(project, unreview, forward=False)
    assert snapshot(project) == reviewed
    judgements.review_article(project, ReviewKey(1, annotator(project, "bob")), reviewed=False)
    judgements.review_article(project, key, reviewed=False)
    assert snapshot(project)["article_reviews"] == start["article_reviews"] == []


# --- progress and filters -----------------------------------------------------------------------


def test_progress_counts_tags_and_marks_and_reaches_every_statement(project: Project) -> None:
    assert browse.article_progress(project, [1]) == {1: (10, 0)}
    for statement_id in (1, 2, 3):
        tag(project, statement_id)
    for statement_id in range(4, 11):
        mark(project, statement_id)
    assert browse.article_progress(project, [1]) == {1: (10, 10)}
    (row,) = browse.list_articles(project)
    assert (row.statements, row.tagged, row.no_source, row.judged) == (10, 3, 7, 10)
    progress = judgements.article_progress(project, [1])[1]
    assert progress.done and progress.judged == 10
    # Another annotator has judged nothing yet; their progress is their own.
    bob = annotator(project, "bob")
    mark(project, 1, "bob")
    assert browse.article_progress(project, [1], bob) == {1: (10, 1)}
    chosen = browse.ArticleFilter(annotator_id=bob)
    (bobs,) = browse.list_articles(project, article_filter=chosen)
    assert (bobs.tagged, bobs.no_source, bobs.judged) == (0, 1, 1)


def test_the_statement_filters_read_marks(project: Project) -> None:
    tag(project, 1)
    mark(project, 2)
    mark(project, 3, "bob")
    untagged = StatementFilter(untagged_only=True)
    assert count(project, untagged) == 7  # 4–10: nobody judged them
    rows = browse.statements_with_tags(project, untagged=True)
    assert [s.id for s, _tags in rows] == list(range(4, 11))
    assert count(project, StatementFilter(no_source_only=True)) == 2
    mine = annotator(project)
    assert count(project, StatementFilter(untagged_only=True, judged_by=mine)) == 8  # 3 too
    only_mine = browse.statements_with_tags(project, no_source=True, judged_by=mine)
    assert [s.id for s, _tags in only_mine] == [2]


def test_the_article_filters_read_progress_and_reviews(project: Project) -> None:
    mine, bob = annotator(project), annotator(project, "bob")

    def listed(
        unfinished: bool = False, reviewed: bool | None = None, annotator_id: int | None = None
    ) -> list[int]:
        chosen = browse.ArticleFilter(unfinished, reviewed, annotator_id)
        page = [r.id for r in browse.article_page(project, None, 10, None, chosen)]
        assert page == [r.id for r in browse.list_articles(project, article_filter=chosen)]
        return page

    assert listed(unfinished=True) == [1] and listed(reviewed=True) == []
    for statement_id in range(1, 11):
        mark(project, statement_id)
    assert listed(unfinished=True) == [] and listed(unfinished=True, annotator_id=bob) == [1]
    judgements.review_article(project, ReviewKey(1, mine))
    assert listed(reviewed=True) == [1] and listed(reviewed=False) == []
    assert listed(reviewed=True, annotator_id=bob) == []
    assert listed(reviewed=False, annotator_id=bob) == [1]
    (row,) = browse.list_articles(project, article_filter=browse.ArticleFilter(annotator_id=bob))
    assert row.reviewed_by == ()


# --- statement edits ----------------------------------------------------------------------------


def test_a_split_keeps_the_mark_in_both_halves_and_undo_restores(project: Project) -> None:
    mark(project, 4)
    mark(project, 4, "bob")
    before = snapshot(project)
    _sid, start, end = next(s for s in spans(project) if s[0] == 4)
    cut = start + (end - start) // 2
    edit = editing.split_statement(project, 4, cut)
    new_id = edit.focus
    assert new_id is not None and new_id != 4
    assert {4, new_id} <= marked(project) and {4, new_id} <= marked(project, "bob")
    assert len(edit.after.marks) == len(edit.before.marks) + 2
    after = snapshot(project)
    editing.apply_statement_edit(project, edit, forward=False)
    assert snapshot(project) == before
    editing.apply_statement_edit(project, edit, forward=True)
    assert snapshot(project) == after


def test_a_mark_made_since_a_split_makes_its_undo_conflict(project: Project) -> None:
    _sid, start, end = next(s for s in spans(project) if s[0] == 4)
    edit = editing.split_statement(project, 4, start + (end - start) // 2)
    mark(project, 4)  # another window, after the split
    with pytest.raises(ConflictError):
        editing.apply_statement_edit(project, edit, forward=False)


def test_a_piece_cut_out_of_a_marked_statement_is_marked(project: Project) -> None:
    mark(project, 4)
    _sid, start, end = next(s for s in spans(project) if s[0] == 4)
    edit = editing.create_statement(project, 1, start + 10, start + 40)
    pieces = {s.id for s in edit.after.statements} - {s.id for s in edit.before.statements}
    assert pieces and pieces | {4} <= marked(project)


def test_a_merge_keeps_a_mark_only_where_both_statements_carried_it(project: Project) -> None:
    # 5 and 6 both marked by tester: kept. bob marked 5 only: his mark goes (6 he never
    # judged). ana marked 5 and tagged 6: her tag follows, her mark goes.
    for who in ("tester", "bob", "ana"):
        mark(project, 5, who)
    mark(project, 6)
    tag(project, 6, "Kyiv", "ana")
    before = snapshot(project)
    edit = editing.merge_with_next(project, 5)
    assert 5 in marked(project)
    assert marked(project, "bob") == frozenset() and marked(project, "ana") == frozenset()
    assert [t.source for t in tagging.tags_of(project, 5) if t.annotator == "ana"] == ["Kyiv"]
    editing.apply_statement_edit(project, edit, forward=False)
    assert snapshot(project) == before


def test_a_deleted_statement_takes_its_marks_and_undo_brings_them_back(project: Project) -> None:
    mark(project, 8)
    mark(project, 8, "bob")
    before = snapshot(project)
    edit = editing.delete_statement(project, 8)
    assert judgements.no_source_annotators(project, [8]) == {}
    editing.apply_statement_edit(project, edit, forward=False)
    assert snapshot(project) == before


def test_suggest_apply_leaves_a_statement_marked_no_source_alone(project: Project) -> None:
    found = suggest.suggest(project, article_id=1)
    assert found, "the seed article has suggestions"
    target = found[0].statement_id
    mark(project, target)
    report = suggest.apply(project, article_id=1)
    assert target not in report.statement_ids and report.kept >= 1
    assert marked(project) == {target}
    assert not [t for t in tagging.tags_of(project, target) if t.annotator == "tester"]
