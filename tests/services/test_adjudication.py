"""Disagreements between coders and their adjudication into the consensus layer: which
statements differ, taking a coder's reading or writing one, undo and redo exact, a conflicting
undo refused, and the consensus read by the comparison and never counted as a coder."""

from __future__ import annotations

from datetime import date

import pytest
from engines import Locations
from helpers import SEED

from app.domain.edits import ConflictError
from app.domain.layers import CONSENSUS, Layer
from app.domain.model import DomainError, Stance
from app.services import adjudication, judgements
from app.services import compare as compare_service
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.services.tagging import resolve_source, tag_statement
from app.store import articles as article_store
from app.store import tags as tag_store


def statement_with(project: Project, words: str) -> int:
    with project.read() as conn:
        body = article_store.article_body(conn, 1) or ""
        at = body.index(words)
        return next(i for i, s, e in article_store.statement_spans(conn, 1) if s <= at < e)


@pytest.fixture
def coded(locations: Locations):
    """ana and bob on the seed article: `stance` Seoul asserts / denies; `alike` both the
    Kremlin denies, Certain (no disagreement); `alone` ana only; `mark` ana Kyiv asserts, bob
    marks it "no source"."""
    with Project.open(locations.new(), create=True) as project:
        import_file(project, SEED, ArticleMeta(published=date(2024, 11, 5)))
        ids = {
            "stance": statement_with(project, "a révélé l’état-major sud-coréen"),
            "alike": statement_with(project, "bien que le Kremlin continue de nier"),
            "alone": statement_with(project, "Séoul indique également"),
            "mark": statement_with(project, "selon des déclarations ukrainiennes"),
        }
        tag_statement(project, ids["stance"], "Seoul", stance="asserts", annotator="ana",
                      confidence="Possible", note="ana's note")  # fmt: skip
        tag_statement(project, ids["stance"], "Seoul", stance="denies", annotator="bob",
                      confidence="Possible")  # fmt: skip
        for who in ("ana", "bob"):
            tag_statement(project, ids["alike"], "Kremlin", stance="denies", annotator=who,
                          confidence="Certain")  # fmt: skip
        tag_statement(project, ids["alone"], "Seoul", annotator="ana")
        tag_statement(project, ids["mark"], "Kyiv", annotator="ana", confidence="Probable")
        with project.read() as conn:
            bob = tag_store.annotator_id(conn, "bob", create=False)
        assert bob is not None
        judgements.mark_no_source(project, judgements.MarkKey(ids["mark"], bob))
        yield project, ids


def test_only_statements_the_coders_read_differently_are_listed(coded) -> None:
    project, ids = coded
    found = {d.statement_id: d for d in adjudication.disagreements(project)}
    assert set(found) == {ids["stance"], ids["mark"]}
    stance = found[ids["stance"]]
    assert [r.annotator for r in stance.readings] == ["ana", "bob"]
    assert [t.stance for t in stance.readings[0].tags] == [Stance.ASSERTS]
    assert [t.stance for t in stance.readings[1].tags] == [Stance.DENIES]
    assert stance.sources == frozenset({"Seoul"})
    assert stance.text.startswith(stance.text.strip()) and "sud-coréen" in stance.text
    assert stance.consensus is None
    mark = found[ids["mark"]]
    assert mark.readings[1].no_source and mark.sources == frozenset({"Kyiv"})
    # Naming the coders: one alone compares with nobody.
    assert adjudication.disagreements(project, annotators=["ana"]) == []
    with pytest.raises(DomainError, match="nobody"):
        adjudication.disagreements(project, annotators=["nobody"])


def test_taking_a_reading_writes_the_consensus_and_undo_redo_are_exact(coded) -> None:
    project, ids = coded
    edit = adjudication.take_reading(project, ids["stance"], "ana")
    assert [(t.stance, t.note) for t in edit.after.tags] == [(Stance.ASSERTS, "ana's note")]
    assert edit.before.tags == () and edit.changes.statement_ids == frozenset({ids["stance"]})
    listed = {d.statement_id: d for d in adjudication.disagreements(project)}
    agreed = listed[ids["stance"]].consensus
    assert agreed is not None and agreed.annotator == CONSENSUS
    assert [t.stance for t in agreed.tags] == [Stance.ASSERTS]
    # The consensus is a layer the comparison reads, and never one of the coders.
    matrix = compare_service.compare(project, layer=Layer.consensus())
    assert matrix.layer == Layer.consensus()
    assert "consensus" not in [r.annotator for r in listed[ids["stance"]].readings]

    adjudication.revert_adjudication(project, edit, forward=False)
    assert {d.statement_id: d for d in adjudication.disagreements(project)}[
        ids["stance"]
    ].consensus is None
    adjudication.revert_adjudication(project, edit, forward=True)
    with project.read() as conn:
        rows = [t for t in tag_store.attributions_of_statement(conn, ids["stance"])
                if t.annotator == CONSENSUS]  # fmt: skip
    assert [(r.id, r.stance, r.created_at) for r in rows] == [
        (t.id, t.stance, t.created_at) for t in edit.after.tags
    ]


def test_a_no_source_reading_becomes_a_consensus_mark_and_replaces_tags(coded) -> None:
    project, ids = coded
    first = adjudication.take_reading(project, ids["mark"], "ana")
    assert len(first.after.tags) == 1 and first.after.mark is None
    second = adjudication.take_reading(project, ids["mark"], "bob")
    assert second.before == first.after
    assert second.after.tags == () and second.after.mark is not None
    # Undoing the first while the second stands would lose the second: refused.
    with pytest.raises(ConflictError):
        adjudication.revert_adjudication(project, first, forward=False)
    adjudication.revert_adjudication(project, second, forward=False)
    adjudication.revert_adjudication(project, first, forward=False)
    listed = {d.statement_id: d for d in adjudication.disagreements(project)}
    assert listed[ids["mark"]].consensus is None


def test_a_written_reading_and_the_refusals(coded) -> None:
    project, ids = coded
    with project.read() as conn:
        seoul, kyiv = resolve_source(conn, "Seoul"), resolve_source(conn, "Kyiv")
        level = tag_store.active_levels(conn)[0].id
    edit = adjudication.adjudicate(
        project,
        ids["stance"],
        [adjudication.ConsensusTag(seoul, Stance.NEUTRAL, level, "read again"),
         adjudication.ConsensusTag(kyiv, Stance.ASSERTS, None)],
    )  # fmt: skip
    assert sorted((t.source_id, t.stance) for t in edit.after.tags) == sorted(
        [(seoul, Stance.NEUTRAL), (kyiv, Stance.ASSERTS)]
    )
    with pytest.raises(DomainError, match="once"):
        adjudication.adjudicate(
            project, ids["stance"],
            [adjudication.ConsensusTag(seoul, Stance.ASSERTS, None)] * 2,
        )  # fmt: skip
    with pytest.raises(DomainError, match="not judged"):
        adjudication.take_reading(project, ids["alike"] + 10_000, "ana")
    with pytest.raises(DomainError, match="no annotator"):
        adjudication.take_reading(project, ids["stance"], CONSENSUS)
    with pytest.raises(DomainError, match="no statement"):
        adjudication.adjudicate(project, 10_000_000, [])
