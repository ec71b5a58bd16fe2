"""Window edits through the services: exact before/after states, conflicts, tags follow text."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_state import search, snapshot

from app.domain.edits import UNCHANGED, TagChange, TagEdit, TagKey, Unchanged
from app.domain.model import DomainError, Stance
from app.services import browse, editing, sources, tagging
from app.services.project import Project
from app.store import articles as article_store
from app.store import tags as tag_store

SEED = Path(__file__).parent.parent / "data" / "article-fr-north-korea-russia.txt"


def spans(project: Project) -> list[tuple[int, int, int]]:
    with project.read() as conn:
        return article_store.statement_spans(conn, 1)


def body(project: Project) -> str:
    with project.read() as conn:
        return article_store.article_body(conn, 1) or ""


def source_id(project: Project, name: str) -> int:
    with project.read() as conn:
        found = tag_store.source_id_by_name(conn, name)
    assert found is not None
    return found


def tag(
    project: Project,
    statement_id: int,
    source: str,
    *,
    stance: str | None = None,
    note: str | Unchanged = UNCHANGED,
    confidence_level_id: int | None | Unchanged = UNCHANGED,
) -> TagEdit:
    annotator = browse.ensure_annotator(project, "tester")
    key = TagKey(statement_id, source_id(project, source), annotator)
    change = TagChange(
        key,
        stance=UNCHANGED if stance is None else Stance(stance),
        note=note,
        confidence_level_id=confidence_level_id,
    )
    return tagging.tag(project, change)


def check_undo_redo(project: Project, before, after, undo, redo) -> None:
    undo()
    assert snapshot(project) == before
    redo()
    assert snapshot(project) == after


def check_statement_edit(project: Project, edit, before, after) -> None:  # type: ignore[no-untyped-def]
    """Undo of a statement edit gives back `before` exactly, redo `after`."""
    check_undo_redo(
        project,
        before,
        after,
        lambda: editing.apply_statement_edit(project, edit, forward=False),
        lambda: editing.apply_statement_edit(project, edit, forward=True),
    )


def test_attribution_edit_undo_and_redo_are_exact(project: Project) -> None:
    browse.ensure_annotator(project, "tester")  # the window registers its annotator on open
    before = snapshot(project)
    edit = tag(project, 4, "Kremlin", stance="denies")
    after = snapshot(project)
    assert edit.before is None and edit.after is not None and edit.after.stance == "denies"
    check_undo_redo(
        project,
        before,
        after,
        lambda: tagging.revert_tag(project, edit, forward=False),
        lambda: tagging.revert_tag(project, edit, forward=True),
    )
    change = tag(project, 4, "Kremlin", note="« nier »", confidence_level_id=1)
    changed = snapshot(project)
    check_undo_redo(
        project,
        after,
        changed,
        lambda: tagging.revert_tag(project, change, forward=False),
        lambda: tagging.revert_tag(project, change, forward=True),
    )


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(project: Project) -> None:
    edit = tag(project, 4, "Kremlin", stance="denies")
    tag(project, 4, "Kremlin", stance="neutral")  # as if another window changed it
    with pytest.raises(editing.ConflictError):
        tagging.revert_tag(project, edit, forward=False)


def test_claim_link_creating_a_claim_undoes_to_no_claim(project: Project) -> None:
    before = snapshot(project)
    edit = editing.link_claim(project, 4, "Troops in Russia")
    assert edit is not None and edit.created_claim
    after = snapshot(project)
    check_undo_redo(
        project,
        before,
        after,
        lambda: editing.apply_claim_link(project, edit, forward=False),
        lambda: editing.apply_claim_link(project, edit, forward=True),
    )
    assert editing.link_claim(project, 4, "Troops in Russia") is None  # linked already
    unlink = editing.unlink_claim(project, 4, edit.claim.id)
    assert unlink is not None
    unlinked = snapshot(project)
    check_undo_redo(
        project,
        after,
        unlinked,
        lambda: editing.apply_claim_link(project, unlink, forward=False),
        lambda: editing.apply_claim_link(project, unlink, forward=True),
    )


def test_split_keeps_offsets_exact_and_tags_on_both_halves(project: Project) -> None:
    tag(project, 4, "Kremlin", stance="denies")
    editing.link_claim(project, 4, "Troops in Russia")
    before = snapshot(project)
    text = body(project)
    _sid, start, end = next(s for s in spans(project) if s[0] == 4)
    at = text.index("bien que", start)
    edit = editing.split_statement(project, 4, at)
    after = snapshot(project)
    halves = [s for s in spans(project) if start <= s[1] < end]
    assert [text[a:b] for _i, a, b in halves] == [text[start:at].rstrip(), text[at:end]]
    assert halves[0][2] < halves[1][1]
    new_id = edit.focus
    with project.read() as conn:
        assert [t.stance for t in tag_store.attributions_of_statement(conn, new_id)] == [
            "denies"
        ]
        assert tag_store.claims_of_statement(conn, new_id) == ["Troops in Russia"]
        ordinals = [
            r
            for r in conn.exec_driver_sql(
                "SELECT ordinal FROM statements WHERE article_id = 1 ORDER BY start"
            )
        ]
    assert [o[0] for o in ordinals] == list(range(1, 12))
    assert new_id in search(project, "Kremlin")
    check_statement_edit(project, edit, before, after)


def test_merge_and_delete_restore_exactly(project: Project) -> None:
    tag(project, 2, "Seoul")
    tag(project, 3, "Kremlin", stance="neutral")
    before = snapshot(project)
    merge = editing.merge_with_next(project, 2)
    merged = snapshot(project)
    text = body(project)
    _i, a, b = next(s for s in spans(project) if s[0] == 2)
    assert text[a:b].startswith("Séoul indique") and text[a:b].endswith("Corée du Sud.")
    with project.read() as conn:
        names = {t.source for t in tag_store.attributions_of_statement(conn, 2)}
    assert names == {"Seoul", "Kremlin"}
    assert 3 not in search(project, "modernisation") and search(project, "échange") == [2]
    check_statement_edit(project, merge, before, merged)
    editing.apply_statement_edit(project, merge, forward=False)
    delete = editing.delete_statement(project, 3)
    deleted = snapshot(project)
    assert 3 not in [s[0] for s in spans(project)]
    check_statement_edit(project, delete, before, deleted)


def test_create_statement_from_a_selection_inside_one(project: Project) -> None:
    tag(project, 5, "Kyiv")
    text = body(project)
    _i, start, end = next(s for s in spans(project) if s[0] == 5)
    phrase = "selon des déclarations ukrainiennes"
    at = text.index(phrase, start)
    before = snapshot(project)
    edit = editing.create_statement(project, 1, at - 1, at + len(phrase))  # a space too many
    after = snapshot(project)
    pieces = [(i, text[a:b]) for i, a, b in spans(project) if start <= a < end]
    assert [p for _i, p in pieces] == [text[start:at].rstrip(" "), phrase, "."]
    assert edit.focus == pieces[1][0]
    with project.read() as conn:
        for sid, _p in pieces:
            assert [t.source for t in tag_store.attributions_of_statement(conn, sid)] == ["Kyiv"]
    check_statement_edit(project, edit, before, after)


def test_selection_across_statements_is_refused_and_changes_nothing(project: Project) -> None:
    before = snapshot(project)
    _i, _a, end = spans(project)[0]
    with pytest.raises(DomainError, match="crosses several statements"):
        editing.create_statement(project, 1, end - 5, end + 20)
    with pytest.raises(DomainError):
        editing.split_statement(project, 1, spans(project)[0][1])  # at the very start
    assert snapshot(project) == before


def test_rename_source_and_back(project: Project) -> None:
    tag(project, 4, "Kremlin", stance="denies")
    before = snapshot(project)
    kremlin = source_id(project, "Kremlin")
    sources.rename_source(project, kremlin, "Kremlin", "Présidence russe")
    with project.read() as conn:
        assert [t.source for t in tag_store.attributions_of_statement(conn, 4)] == [
            "Présidence russe"
        ]
    with pytest.raises(editing.ConflictError):
        sources.rename_source(project, kremlin, "Kremlin", "X")
    sources.rename_source(project, kremlin, "Présidence russe", "Kremlin")
    assert snapshot(project) == before
