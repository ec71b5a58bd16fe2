"""The agreement use case on a project: who is compared, and per article against one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from engines import Locations
from helpers import SEED

from app.domain.agreement import Axis
from app.domain.layers import CONSENSUS
from app.domain.model import DomainError
from app.services import browse, judgements
from app.services.agreement import Metric, agreement
from app.services.importing import ArticleMeta, import_file, import_text
from app.services.project import Project
from app.services.tagging import TagChange, TagKey, resolve_source, tag, tag_statement
from app.store import agreement as agreement_store
from app.store import articles as article_store

STANCES = ("asserts", "denies", "neutral")


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    """Two articles of 12 statements; ana, bob and cleo tag them, agreeing more in the first.
    dora tags nothing; eve tags one statement of the first article."""
    path = tmp_path / "p.sourcetrack"
    with Project.open(path, create=True) as project:
        for n in (1, 2):
            body = " ".join(f"Sentence {i} of article {n} says the troops moved." for i in range(12))
            import_text(project, body, ArticleMeta(title=f"Article {n}", language="en"))
        with project.read() as conn:
            statements = conn.exec_driver_sql(
                "SELECT id, article_id FROM statements ORDER BY article_id, start"
            ).all()
        for k, (statement_id, article_id) in enumerate(statements):
            for a, annotator in enumerate(("ana", "bob", "cleo")):
                off = article_id == 2 and (k + a) % 3 == 0  # the second article: a third differ
                stance = STANCES[(k + (a if off else 0)) % 3]
                tag_statement(project, statement_id, "Seoul", stance=stance, annotator=annotator,
                              confidence=1 + (k + (a if off else 0)) % 4)  # fmt: skip
                if (k + a) % 4 == 0:
                    tag_statement(project, statement_id, "Kyiv", annotator=annotator)
        tag_statement(project, statements[0][0], "Kremlin", annotator="eve")
        from app.services.browse import ensure_annotator

        ensure_annotator(project, "dora")
    return path


def test_by_default_everyone_who_tagged_is_compared(two_articles: Path) -> None:
    with Project.open(two_articles) as project:
        report = agreement(project, resamples=50)
    assert report.annotators == ("ana", "bob", "cleo", "eve")
    assert report.units == 24 and report.articles == 2
    with Project.open(two_articles) as project:
        report = agreement(project, annotators=["cleo", "ana"], resamples=50)
    assert report.annotators == ("cleo", "ana")
    kappas = [f for f in report.figures if f.metric is Metric.KAPPA]
    assert {f.annotators for f in kappas} == {("cleo", "ana")}


def test_an_article_alone_gives_the_figures_its_rows_give(two_articles: Path) -> None:
    """The per-article rows (computed for all articles at once) against the whole-selection
    figures of the same article alone (the `krippendorff` package's α)."""
    trio = ["ana", "bob", "cleo"]
    with Project.open(two_articles) as project:
        report = agreement(project, annotators=trio, resamples=50)
        for article_id in (1, 2):
            alone = agreement(project, annotators=trio, article_ids=[article_id], resamples=50)
            rows = [f for f in report.figures if f.article_id == article_id]
            assert rows
            for row in rows:
                (same,) = [
                    f
                    for f in alone.figures
                    if (f.axis, f.source, f.metric, f.annotators, f.article_id)
                    == (row.axis, None, row.metric, row.annotators, None)
                ]
                assert row.units == same.units
                assert row.value == pytest.approx(same.value, abs=1e-12), row
            assert not [f for f in alone.figures if f.article_id is not None]
    seoul = [
        f
        for f in report.figures
        if f.article_id and f.axis is Axis.STANCE and f.metric is Metric.ALPHA_NOMINAL
    ]
    assert seoul[0].value == 1.0 > seoul[1].value  # the first article's coders agree throughout


def test_an_annotator_with_no_tag_in_the_selection_agrees_with_nobody(two_articles: Path) -> None:
    with Project.open(two_articles) as project, pytest.raises(DomainError, match="no statement here"):
        agreement(project, annotators=["ana", "dora"])
    with Project.open(two_articles) as project, pytest.raises(DomainError, match="no statement here"):
        agreement(project, annotators=["ana", "eve"], article_ids=[2])


@pytest.fixture
def coded(locations: Locations) -> Iterator[Project]:
    """The seed article's ten statements: ana and bob tag each, agreeing on most; cleo marks
    two "no source"; tags with and without a confidence level."""
    with Project.open(locations.new(), create=True) as project:
        import_file(project, SEED, ArticleMeta())
        with project.read() as conn:
            statements = [i for i, _s, _e in article_store.statement_spans(conn, 1)]
        for k, statement_id in enumerate(statements):
            for a, annotator in enumerate(("ana", "bob")):
                stance = STANCES[(k + (a if k % 3 == 0 else 0)) % 3]
                confidence = None if (k + a) % 4 == 0 else 1 + (k + a * (k % 2)) % 4
                tag_statement(project, statement_id, ("Seoul", "Kyiv")[k % 2], stance=stance,
                              annotator=annotator, confidence=confidence)  # fmt: skip
            if k % 5 == 1:
                tag_statement(project, statement_id, "Kremlin", annotator="ana")
        cleo = judgements.annotator_for_edit(project, "cleo")
        for statement_id in statements[:2]:
            judgements.mark_no_source(project, judgements.MarkKey(statement_id, cleo))
        yield project


def adjudicate(project: Project, statement_id: int, source: str, stance: str) -> None:
    consensus = browse.ensure_annotator(project, CONSENSUS)
    with project.read() as conn:
        source_id = resolve_source(conn, source)
    tag(project, TagChange(TagKey(statement_id, source_id, consensus), stance=stance))


def test_the_consensus_is_no_coder_unless_named(coded: Project) -> None:
    before = agreement(coded, resamples=100)
    assert before.annotators == ("ana", "bob", "cleo")
    with coded.read() as conn:
        statements = [i for i, _s, _e in article_store.statement_spans(conn, 1)]
    for statement_id in statements[:6]:
        adjudicate(coded, statement_id, "Kremlin", "denies")
    assert agreement(coded, resamples=100) == before  # left out, as if it were not there
    named = agreement(coded, annotators=["ana", "consensus"], resamples=100)
    assert named.annotators == ("ana", "consensus") and named.units == 6
    kappa = [f for f in named.figures if f.metric is Metric.KAPPA]
    assert {f.annotators for f in kappa} == {("ana", "consensus")}
    # The seed article is the only one: chosen by id, the same selection.
    assert agreement(coded, annotators=["ana", "consensus"], article_ids=[1], resamples=100) == named


def test_ids_too_large_to_pack_give_the_same_report(
    coded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tags are read packed into one integer each; where an id would not fit, they are read
    as they are and renumbered: the same figures."""
    packed = agreement(coded, resamples=100)
    monkeypatch.setattr(agreement_store, "_ID_LIMIT", 2)
    assert agreement(coded, resamples=100) == packed
    assert agreement(coded, annotators=["bob", "cleo"], sources=["Seoul"], resamples=100) == (
        agreement(coded, annotators=["bob", "cleo"], sources=["Seoul"], resamples=100)
    )
