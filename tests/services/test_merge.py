"""Merging coders' copies of a project: what comes in under whose name, what conflicts and why,
and that a merge is whole or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from engines import Location, Locations
from helpers import SEED, database, project_fingerprint, row_counts, tag_tuples

from app.domain.edits import NewSource
from app.domain.merge import ConflictKind
from app.domain.model import DomainError
from app.services import editing, judgements, sources
from app.services import merge as merge_service
from app.services.claim_links import link_claim
from app.services.importing import ArticleMeta, import_file, import_text
from app.services.project import Project, ProjectError
from app.services.tagging import tag_statement
from app.store import merge as merge_store

CLAIM = "North Korean troops fight in Kursk"


def statements_of(location: Location) -> list[tuple[int, int, int, int]]:
    """(id, article id, start, end) of every statement, in text order."""
    with database(location) as db:
        return [
            tuple(r)
            for r in db.execute(
                'SELECT id, article_id, start, "end" FROM statements ORDER BY article_id, start'
            ).fetchall()
        ]


def merged(target: Location, *copies: Location, **options) -> merge_service.MergeReport:
    with Project.open(target) as project:
        return merge_service.merge(project, list(copies), **options)


@pytest.fixture
def copies(demo: Location, locations: Locations) -> tuple[Location, Location, Location]:
    """The demo (the target) and two coders' copies of it, ana's and bob's, each tagged by
    their coder: ana tags the first three statements, bob the second and third, differently."""
    ana, bob = locations.copy(demo, "ana"), locations.copy(demo, "bob")
    first, second, third = (row[0] for row in statements_of(demo)[:3])
    with Project.open(ana) as project:
        tag_statement(project, first, "Seoul", stance="asserts", annotator="ana")
        tag_statement(project, second, "Kyiv", stance="denies", confidence="Probable",
                      note="« selon Kyiv »", claims=[CLAIM], annotator="ana")  # fmt: skip
        tag_statement(project, third, "Kremlin", stance="neutral", annotator="ana")
    with Project.open(bob) as project:
        tag_statement(project, second, "Kyiv", stance="denies", confidence="Possible",
                      annotator="bob")  # fmt: skip
        tag_statement(project, third, "Kremlin", stance="denies", annotator="bob")
        link_claim(project, third, "A claim only bob made", "bob's words")
    return demo, ana, bob


def test_copies_come_in_under_their_annotators(copies) -> None:
    target, ana, bob = copies
    before = tag_tuples(target)
    report = merged(target, ana, bob)
    assert report.written and [c.annotators for c in report.copies] == [
        ("ana", "demo"),
        ("bob", "demo"),
    ]
    by_ana, by_bob = report.copies
    assert (by_ana.tags_added, by_ana.tags_unchanged, by_ana.conflicts) == (3, 30, ())
    assert (by_bob.tags_added, by_bob.tags_unchanged, by_bob.conflicts) == (2, 30, ())
    assert by_ana.annotators_added == ("ana",) and by_ana.links_added == 1
    assert by_bob.claims_added == ("A claim only bob made",) and by_bob.links_added == 1
    assert by_ana.articles_matched == by_ana.articles == 4
    after = tag_tuples(target)
    added = sorted(set(after) - set(before), key=repr)
    assert len(after) == len(before) + 5
    # Stance, confidence, note, origin and the claims travel with the tag.
    (kyiv,) = [t for t in added if t[8] == "ana" and t[3] == "Kyiv"]
    assert (kyiv[4], kyiv[6], kyiv[7], kyiv[9], kyiv[10]) == (
        "denies", "Probable", CLAIM, "« selon Kyiv »", "manual",
    )  # fmt: skip
    with database(target) as db:
        description = db.execute(
            "SELECT description FROM claims WHERE label = ?", ("A claim only bob made",)
        ).fetchone()[0]
    assert description == "bob's words"


def test_merging_twice_adds_nothing(copies) -> None:
    target, ana, bob = copies
    merged(target, ana, bob)
    counts, tags = row_counts(target), tag_tuples(target)
    again = merged(target, ana, bob)
    assert not again.written and again.tags_added == 0 and again.conflicts == 0
    assert [c.tags_unchanged for c in again.copies] == [33, 32]
    assert not any(c.added_anything for c in again.copies)
    assert (row_counts(target), tag_tuples(target)) == (counts, tags)


def test_a_differing_tag_of_the_same_annotator_keeps_the_targets(copies) -> None:
    target, ana, _bob = copies
    first = statements_of(target)[0][0]
    with Project.open(target) as project:
        tag_statement(project, first, "Seoul", stance="denies", note="vu", annotator="ana")
    report = merged(target, ana)
    (conflict,) = report.copies[0].conflicts
    assert (conflict.kind, conflict.source, conflict.annotator) == (
        ConflictKind.TAG,
        "Seoul",
        "ana",
    )
    assert conflict.reason == (
        "ana's Seoul tag differs: the target says denies, note 'vu', the copy asserts; the "
        "target's is kept"
    )
    assert report.copies[0].tags_added == 2
    kept = [t for t in tag_tuples(target) if t[8] == "ana" and t[3] == "Seoul"]
    assert [(t[4], t[9]) for t in kept] == [("denies", "vu")]


def test_a_statement_the_target_lacks_is_reported(copies) -> None:
    target, ana, _bob = copies
    _id, article_id, start, end = statements_of(ana)[2]  # ana tagged it: the Kremlin, neutral
    with Project.open(ana) as project:
        editing.split_statement(project, _id, start + (end - start) // 2)
    pieces = [s for s in statements_of(ana) if s[1] == article_id and start <= s[2] < end]
    assert len(pieces) == 2  # the halves keep its tags: each now holds ana's
    report = merged(target, ana)
    (copy,) = report.copies
    missing = [c for c in copy.conflicts if c.kind is ConflictKind.STATEMENT]
    assert sorted((c.start, c.end) for c in missing) == sorted((s[2], s[3]) for s in pieces)
    for conflict in missing:
        assert "the target has no statement at" in conflict.reason
        assert "(split, merged or made in only one of them);" in conflict.reason
        assert conflict.reason.endswith(" of it not merged")
        assert "tag" in conflict.reason
    assert copy.tags_added == 2  # ana's other two tags


def test_a_copy_of_another_project_reports_its_unmatched_articles(
    copies, locations: Locations
) -> None:
    target, _ana, _bob = copies
    other = locations.new("other")
    with Project.open(other, create=True) as project:
        import_file(project, SEED, ArticleMeta())
        tag_statement(project, 1, "Seoul", annotator="cleo")
        tag_statement(project, 2, "Kyiv", annotator="cleo")
        import_text(project, "Nothing was said. Nobody said it.", ArticleMeta(title="Untagged"))
    counts = row_counts(target)
    report = merged(target, other)
    (copy,) = report.copies
    assert (copy.articles, copy.articles_matched, copy.tags_added) == (2, 0, 0)
    seed, untagged = sorted(copy.conflicts, key=lambda c: c.article)
    assert {seed.kind, untagged.kind} == {ConflictKind.ARTICLE}
    assert seed.article.startswith("La Corée du Nord")
    assert seed.reason == "the target holds no article with the same text; 2 tags of it not merged"
    assert (untagged.article, untagged.reason) == (
        "Untagged",
        "the target holds no article with the same text",
    )
    assert not report.written and row_counts(target) == counts


def test_a_merge_refused_half_way_changes_nothing(
    copies, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, ana, bob = copies
    before = project_fingerprint(target)
    not_a_project = tmp_path / "notes.sourcetrack"
    not_a_project.write_text("just notes\n", encoding="utf-8")
    with pytest.raises(ProjectError):
        merged(target, ana, not_a_project)
    with pytest.raises(ProjectError):
        merged(target, ana, tmp_path / "missing.sourcetrack")
    assert project_fingerprint(target) == before
    # A failure while writing the second copy takes the first copy's writes back with it.
    written = merge_store.write_plan
    calls: list[int] = []

    def failing(conn: Any, plan: Any, index: Any) -> None:
        calls.append(1)
        written(conn, plan, index)
        if len(calls) == 2:
            raise RuntimeError("the disk went away")

    monkeypatch.setattr(merge_store, "write_plan", failing)
    with pytest.raises(RuntimeError):
        merged(target, ana, bob)
    assert len(calls) == 2 and project_fingerprint(target) == before


def test_a_dry_run_says_what_it_would_do(copies) -> None:
    target, ana, bob = copies
    before = project_fingerprint(target)
    report = merged(target, ana, bob, dry_run=True)
    assert [c.tags_added for c in report.copies] == [3, 2] and not report.written
    assert project_fingerprint(target) == before


def test_sources_levels_and_marks(copies) -> None:
    target, ana, bob = copies
    rows = statements_of(ana)
    with Project.open(ana) as project:
        sources.add_source(project, NewSource("NIS", description="South Korea's spies"))
        tag_statement(project, rows[4][0], "NIS", stance="asserts", annotator="ana")
        scale = sources.add_custom_scale(project, "Ours", [("Sure", ""), ("Unsure", "")])
        sources.activate_scale(project, scale.scale_id)
        tag_statement(project, rows[5][0], "Seoul", confidence="Unsure", annotator="ana")
        ana_id = judgements.annotator_for_edit(project, "ana")
        judgements.mark_no_source(project, judgements.MarkKey(rows[6][0], ana_id))
        judgements.mark_no_source(project, judgements.MarkKey(rows[7][0], ana_id))
    with Project.open(target) as project:  # ana tagged in the target what she marked in the copy
        tag_statement(project, rows[7][0], "Kyiv", annotator="ana")
    report = merged(target, ana, bob)
    by_ana = report.copies[0]
    assert by_ana.sources_added == ("NIS",) and by_ana.marks_added == 1
    kinds = sorted(c.kind for c in by_ana.conflicts)
    assert kinds == [ConflictKind.LEVEL, ConflictKind.JUDGEMENT]
    level = next(c for c in by_ana.conflicts if c.kind is ConflictKind.LEVEL)
    assert "no confidence level 'Unsure' (rank 2 of 'Ours')" in level.reason
    with database(target) as db:
        assert (
            db.execute("SELECT description FROM sources WHERE name = 'NIS'").fetchone()[0]
            == "South Korea's spies"
        )
        marks = db.execute(
            "SELECT m.statement_id FROM no_source_marks m JOIN annotators a "
            "ON a.id = m.annotator_id WHERE a.name = 'ana'"
        ).fetchall()
    assert [m[0] for m in marks] == [rows[6][0]]


def test_the_target_is_no_copy_and_annotators_can_be_chosen(copies) -> None:
    target, ana, bob = copies
    with pytest.raises(DomainError, match="is the target itself"):
        merged(target, target)
    with pytest.raises(DomainError, match="no annotator called 'zoe' in those copies"):
        merged(target, ana, bob, annotators=["zoe"])
    report = merged(target, ana, bob, annotators=["bob"])
    assert [c.tags_added for c in report.copies] == [0, 2]
    assert {t[8] for t in tag_tuples(target)} == {"demo", "bob"}


def test_a_copy_on_the_other_engine_merges_alike(
    copies, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """A coder's copy as a file merges into a team database, and a file into a file."""
    target, _ana, _bob = copies
    copy = tmp_path / "zoe.sourcetrack"
    shutil.copyfile(request.getfixturevalue("_demo_file"), copy)
    first = statements_of(copy)[0][0]
    with Project.open(copy) as project:
        tag_statement(project, first, "Kremlin", stance="denies", confidence="Certain",
                      note="zoe", annotator="zoe")  # fmt: skip
    (zoe,) = [t for t in tag_tuples(copy) if t[8] == "zoe"]
    report = merged(target, copy)
    assert report.copies[0].tags_added == 1 and report.copies[0].conflicts == ()
    assert [t for t in tag_tuples(target) if t[8] == "zoe"] == [zoe]
    with database(copy) as db:
        made = db.execute("SELECT created_at FROM attributions WHERE note = 'zoe'").fetchone()[0]
    with database(target) as db:
        kept = db.execute("SELECT created_at FROM attributions WHERE note = 'zoe'").fetchone()[0]
    assert str(kept)[:19].replace("T", " ") == str(made)[:19].replace("T", " ")
    assert not merged(target, copy).written
