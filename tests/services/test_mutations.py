"""Every mutation service: one transaction, and it returns what it changed (its edit, with the
rows before and after, and its `Changes`), so the window broadcasts the service's own word."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

import pytest
from db_state import snapshot
from engines import Locations
from sqlalchemy import Connection

from app.domain.changes import Changes
from app.domain.edits import (
    UNCHANGED,
    ConflictError,
    DetailsChange,
    NewSource,
    SourceChange,
    TagChange,
    TagKey,
)
from app.domain.model import DomainError, Origin, Stance
from app.services import (
    article_details,
    browse,
    claim_links,
    editing,
    sources,
    tag_import,
    tagging,
)
from app.services import suggest as suggest_service
from app.services.exporting import export_csv
from app.services.importing import ArticleMeta, import_file, import_paths
from app.services.project import Project
from app.store import articles as article_store

SEED = Path(__file__).parent.parent / "data" / "article-fr-north-korea-russia.txt"


@pytest.fixture
def writes(project: Project, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each write transaction the services open on `project`, as it is opened."""
    opened: list[str] = []
    real = project.write

    def write() -> AbstractContextManager[Connection]:
        opened.append("write")
        return real()

    monkeypatch.setattr(project, "write", write)
    return opened


def key(project: Project, statement_id: int, source: str) -> TagKey:
    annotator = browse.ensure_annotator(project, "tester")
    return TagKey(statement_id, sources.find_source(project, source).id, annotator)


def only_article(statement_ids: set[int]) -> Changes:
    return Changes(frozenset({1}), frozenset(statement_ids))


# --- tags ----------------------------------------------------------------------------------------


def test_tag_adds_with_the_defaults_then_changes_only_what_it_names(
    project: Project, writes: list[str]
) -> None:
    kremlin = key(project, 4, "Kremlin")
    writes.clear()

    added = tagging.tag(project, TagChange(kremlin))

    assert writes == ["write"]
    assert added.before is None and added.created and added.after is not None
    assert (added.after.stance, added.after.confidence_level_id, added.after.note) == (
        Stance.ASSERTS,
        None,
        "",
    )
    assert added.after.origin is Origin.MANUAL
    assert added.changes == only_article({4})

    changed = tagging.tag(project, TagChange(kremlin, note="« nie »"))

    assert writes == ["write", "write"]
    assert changed.before == added.after
    assert changed.after is not None and changed.after.id == added.after.id
    assert (changed.after.stance, changed.after.note) == (Stance.ASSERTS, "« nie »")
    assert changed.changes == only_article({4})


def test_tag_links_its_claims_in_the_same_transaction(
    project: Project, writes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kremlin = key(project, 4, "Kremlin")
    writes.clear()
    edit = tagging.tag(project, TagChange(kremlin, stance=Stance.DENIES, claims=("In Russia",)))
    assert writes == ["write"]
    assert edit.linked_claims == ("In Russia",)
    (link,) = edit.claim_links
    assert link.created_claim and edit.changes.claims == {link.claim.id}
    assert edit.changes.statements == {4} and edit.changes.articles == {1}

    # A failure after the tag was written, while its claim is linked, leaves nothing behind.
    before = snapshot(project)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(claim_links, "link_in", broken)
    with pytest.raises(RuntimeError):
        tagging.tag(project, TagChange(key(project, 5, "Kyiv"), claims=("Elsewhere",)))
    assert snapshot(project) == before


def test_untag_and_revert_return_the_rows_and_changes(project: Project, writes: list[str]) -> None:
    kremlin = key(project, 4, "Kremlin")
    added = tagging.tag(project, TagChange(kremlin, stance=Stance.NEUTRAL, claims=("X",)))
    with_tag = snapshot(project)
    writes.clear()

    removed = tagging.untag(project, kremlin)

    assert writes == ["write"]
    assert removed.removed and removed.before == added.after and removed.after is None
    assert removed.changes == only_article({4})
    assert tagging.untag(project, kremlin).changes == Changes()  # nothing left to remove

    assert tagging.revert_tag(project, removed, forward=False) == removed.changes
    assert snapshot(project) == with_tag
    writes.clear()
    assert tagging.revert_tag(project, added, forward=False) == added.changes
    assert writes == ["write"]  # the tag and its claim link go back together
    assert tagging.tags_of(project, 4) == []
    with pytest.raises(ConflictError):
        tagging.revert_tag(project, added, forward=False)  # undone already


def test_tag_refuses_a_statement_or_level_that_is_not_there(project: Project) -> None:
    with pytest.raises(DomainError, match="no statement with id 999"):
        tagging.tag(project, TagChange(TagKey(999, 1, 1)))
    with pytest.raises(DomainError, match="no confidence level"):
        tagging.tag(project, TagChange(key(project, 4, "Seoul"), confidence_level_id=10_000))


def test_names_resolve_to_the_same_tag_change(project: Project) -> None:
    change = tagging.resolve_tag(
        project, 4, "kremlin", stance="denies", confidence="Certain", note="n"
    )
    level = next(lv for lv in browse.sources_and_levels(project)[1] if lv.label == "Certain")
    assert change == TagChange(
        key(project, 4, "Kremlin"),
        stance=Stance.DENIES,
        confidence_level_id=level.id,
        note="n",
        origin=Origin.MANUAL,
    )
    assert tagging.resolve_tag(project, 4, "Seoul").stance is UNCHANGED
    assert tagging.find_tag(project, 4, "Seoul", "nobody") is None


# --- claim links ---------------------------------------------------------------------------------


def test_claim_links_return_their_edit_and_changes(project: Project, writes: list[str]) -> None:
    linked = claim_links.link_claim(project, 4, "Troops in Russia")
    assert writes == ["write"]
    assert linked is not None and linked.linked and linked.created_claim
    assert linked.changes == Changes(frozenset({1}), frozenset({4}), frozenset({linked.claim.id}))

    unlinked = claim_links.unlink_claim(project, 4, linked.claim.id)
    assert unlinked is not None and not unlinked.linked
    assert unlinked.changes == linked.changes
    writes.clear()
    assert claim_links.apply_claim_link(project, unlinked, forward=False) == unlinked.changes
    assert writes == ["write"]


# --- statements ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["create", "split", "merge", "delete"])
def test_statement_edits_say_the_article_was_resegmented(
    project: Project, writes: list[str], kind: str
) -> None:
    with project.read() as conn:
        body = article_store.article_body(conn, 1) or ""
        spans = article_store.statement_spans(conn, 1)
    sid, start, end = spans[3]
    before = snapshot(project)
    writes.clear()
    if kind == "create":
        edit = editing.create_statement(project, 1, start, start + 20)
    elif kind == "split":
        edit = editing.split_statement(project, sid, body.index(" ", start + 10))
    elif kind == "merge":
        edit = editing.merge_with_next(project, sid)
    else:
        edit = editing.delete_statement(project, sid)

    assert writes == ["write"]
    assert edit.changes.articles == {1} and edit.changes.segmentation
    assert edit.changes.statement_ids is None  # a view reloads the article
    assert edit.changes.article_id == 1
    touched = {s.id for s in edit.before.statements} | {s.id for s in edit.after.statements}
    assert edit.changes.statements == touched
    after = snapshot(project)
    assert editing.apply_statement_edit(project, edit, forward=False) == edit.changes
    assert snapshot(project) == before
    editing.apply_statement_edit(project, edit, forward=True)
    assert snapshot(project) == after


# --- article details -----------------------------------------------------------------------------


def test_details_edit_returns_before_after_and_changes(project: Project, writes: list[str]) -> None:
    edit = article_details.edit_article_details(
        project, DetailsChange(1, outlet="AFP", published=date(2024, 11, 5))
    )
    assert writes == ["write"]
    assert edit.changed == ["outlet", "published"]
    assert edit.changes == Changes(frozenset({1}), details=True)
    assert edit.changes.reason == "details" and edit.changes.statement_ids is None
    same = article_details.edit_article_details(project, DetailsChange(1, outlet="AFP"))
    assert same.changes == Changes()  # nothing changed: nothing to refresh


# --- sources and scales --------------------------------------------------------------------------


def test_source_edits_return_rows_and_changes(project: Project, writes: list[str]) -> None:
    seoul = sources.find_source(project, "Seoul")
    added = sources.add_source(project, NewSource("NIS", parent_id=seoul.id, reliability="b"))
    assert writes == ["write"]
    assert added.before is None and added.after.name == "NIS"
    assert (added.after.parent_id, added.after.reliability) == (seoul.id, "B")
    assert added.changes == Changes(sources=frozenset({added.source_id}))
    assert added.changes.statement_ids is None  # every view shows sources: it reloads

    updated = sources.update_source(
        project,
        SourceChange(added.source_id, colour="#123456", aliases=(("fr", ("le NIS",)),)),
    )
    assert updated.before == added.after
    assert (updated.after.colour, updated.after.aliases) == ("#123456", {"fr": ("le NIS",)})
    assert updated.after.description == added.after.description  # UNCHANGED stayed
    assert updated.changes == added.changes

    renamed = sources.rename_source(project, added.source_id, "NIS", "Service national")
    assert (renamed.before, renamed.after) == ("NIS", "Service national")
    with pytest.raises(ConflictError):
        sources.rename_source(project, added.source_id, "NIS", "Other")
    assert sources.add_aliases(project, seoul.id, "en", ["Seoul's army"]).count == 1
    assert sources.remove_alias(project, seoul.id, "en", "Seoul's army").count == 1
    assert sources.remove_alias(project, seoul.id, "en", "Seoul's army").changes == Changes()
    assert len(writes) == 7  # one per edit (the refused rename included)


def test_scale_edits_return_levels_and_changes(project: Project, writes: list[str]) -> None:
    made = sources.add_custom_scale(project, "Mine", [("Sure", ""), ("Maybe", "hedged")])
    assert writes == ["write"]
    assert made.before == () and [lv.label for lv in made.after] == ["Sure", "Maybe"]
    assert made.changes == Changes(scales=True)
    used = sources.activate_scale(project, made.scale_id)
    assert used.active_after == made.scale_id and used.active_before != made.scale_id
    edited = sources.edit_custom_scale(project, made.scale_id, [("Certain", "")])
    assert [lv.label for lv in edited.after] == ["Certain"] and edited.before == made.after
    assert len(writes) == 3


# --- imports and suggestions ---------------------------------------------------------------------


def test_imports_say_which_articles_they_added(
    project: Project, tmp_path: Path, locations: Locations
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Titre\n\nLe Kremlin dément tout.", encoding="utf-8")
    report = import_paths(project, [other], ArticleMeta(language="fr"))
    assert report.changes.articles == {2} and report.changes.new_articles
    assert report.changes.article_id is None  # the lists of articles grow: views reload
    assert import_paths(project, [other], ArticleMeta()).changes == Changes()  # a duplicate

    tagging.tag_statement(project, 4, "Kremlin", stance="denies")
    export_csv(project, tmp_path / "tags.csv")
    with Project.open(locations.new("q"), create=True) as fresh:
        import_file(fresh, SEED, ArticleMeta(language="fr"))
        assert tag_import.import_tags(fresh, tmp_path / "tags.csv").changes.unknown


def test_dismissing_a_suggestion_changes_dismissals_only(project: Project) -> None:
    found = [s for s in suggest_service.suggest(project, article_id=1) if s.pending]
    assert found, "the seed article has suggestions"
    changes = editing.dismiss_suggestion(project, found[0])
    assert changes == Changes(frozenset({1}), frozenset({found[0].statement_id}), dismissals=True)
    assert changes.reason == "suggestions"
    assert editing.restore_suggestion(project, found[0]) == changes
