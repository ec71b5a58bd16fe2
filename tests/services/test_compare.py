"""The comparison on the seed article, tagged as a researcher would: matrix cells, the
contradiction flag, side by side rows, incremental refresh, timelines and chart figures."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from engines import Locations

from app.services import compare as compare_service
from app.services import report
from app.services.compare import MatrixFilter
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.services.tagging import tag_statement
from app.store import articles as article_store

SEED = Path(__file__).parent.parent / "data" / "article-fr-north-korea-russia.txt"
IN_RUSSIA = "North Korean troops are in Russia"
IN_KURSK = "North Korean troops fight in Kursk"


def statement_with(tagged_project: Project, words: str) -> int:
    with tagged_project.read() as conn:
        body = article_store.article_body(conn, 1) or ""
        at = body.index(words)
        return next(i for i, s, e in article_store.statement_spans(conn, 1) if s <= at < e)


@pytest.fixture
def tagged_project(locations: Locations):
    with Project.open(locations.new(), create=True) as tagged_project:
        import_file(tagged_project, SEED, ArticleMeta(published=date(2024, 11, 5), outlet="Agence test"))
        # Seoul's military staff reports the troops in Russia (hedged: "auraient subi").
        tag_statement(
            tagged_project,
            statement_with(tagged_project, "a révélé l’état-major sud-coréen"),
            "Seoul",
            stance="asserts",
            confidence="Possible",
            claims=[IN_RUSSIA],
        )
        presence = statement_with(tagged_project, "bien que le Kremlin continue de nier")
        # One sentence, two sources, opposite stances.
        tag_statement(
            tagged_project, presence, "Seoul", stance="asserts", confidence="Probable", claims=[IN_RUSSIA]
        )
        tag_statement(tagged_project, presence, "Kremlin", stance="denies", confidence="Certain")
        # Kyiv places them in Kursk, in a hedged statement ("seraient engagées").
        tag_statement(
            tagged_project,
            statement_with(tagged_project, "selon des déclarations ukrainiennes"),
            "Kyiv",
            stance="asserts",
            confidence="Possible",
            claims=[IN_KURSK, IN_RUSSIA],
        )
        yield tagged_project


def test_matrix_cells_and_the_contradiction_flag(tagged_project: Project) -> None:
    matrix = compare_service.compare(tagged_project)
    assert matrix.sources == ["Seoul", "Kyiv", "Kremlin"]
    rows = {row.claim: row for row in matrix.rows}
    russia, kursk = rows[IN_RUSSIA], rows[IN_KURSK]
    assert russia.contradiction and not kursk.contradiction
    seoul = russia.cells["Seoul"]
    assert (seoul.stance, seoul.confidence_label, seoul.statements, seoul.articles) == (
        "asserts",
        "Probable",
        2,
        1,
    )
    kremlin = russia.cells["Kremlin"]
    assert (kremlin.stance, kremlin.confidence_label, kremlin.statements) == (
        "denies",
        "Certain",
        1,
    )
    kyiv = russia.cells["Kyiv"]
    assert (kyiv.stance, kyiv.confidence_label) == ("asserts", "Possible")
    assert set(kursk.cells) == {"Kyiv"}
    assert russia.sources_mentioning == 3
    by_date = compare_service.compare(tagged_project, sort="first_date")
    assert {r.claim: r.first_date for r in by_date.rows}[IN_RUSSIA] == date(2024, 11, 5)
    only = compare_service.compare(tagged_project, contradictions_only=True)
    assert [r.claim for r in only.rows] == [IN_RUSSIA]
    # choosing and ordering columns; the flag still sees every source
    chosen = compare_service.compare(tagged_project, ["Kremlin", "Seoul"])
    assert chosen.sources == ["Kremlin", "Seoul"]
    assert {r.claim: r.contradiction for r in chosen.rows}[IN_RUSSIA]


def test_filters_and_sorting(tagged_project: Project) -> None:
    silent = compare_service.compare(tagged_project, never_mentioned_by="Kremlin")
    assert [r.claim for r in silent.rows] == [IN_KURSK]
    by_sources = compare_service.compare(tagged_project, sort="sources", descending=True)
    assert [r.claim for r in by_sources.rows] == [IN_RUSSIA, IN_KURSK]
    elsewhere = compare_service.compare(tagged_project, matrix_filter=MatrixFilter(outlet="Autre"))
    assert elsewhere.rows == []
    later = compare_service.compare(
        tagged_project, matrix_filter=MatrixFilter(published_from=date(2024, 12, 1))
    )
    assert later.rows == []
    this_one = compare_service.compare(tagged_project, matrix_filter=MatrixFilter(article_ids=(1,)))
    assert len(this_one.rows) == 2


def test_a_mixed_cell_when_one_source_both_asserts_and_denies(tagged_project: Project) -> None:
    tag_statement(
        tagged_project,
        statement_with(tagged_project, "Séoul indique également"),
        "Kremlin",
        stance="asserts",
        claims=[IN_RUSSIA],
    )
    cell = {r.claim: r for r in compare_service.compare(tagged_project).rows}[IN_RUSSIA].cells["Kremlin"]
    assert cell.stance == "mixed" and cell.statements == 2


def test_side_by_side_rows_quote_each_source(tagged_project: Project, tmp_path: Path) -> None:
    view = compare_service.side_by_side(tagged_project, ["Seoul", "Kyiv", "Kremlin"])
    assert [label for _id, label in view.claims] == [IN_RUSSIA, IN_KURSK]  # by label
    russia_id = next(cid for cid, label in view.claims if label == IN_RUSSIA)
    seoul = view.quotes[(russia_id, "Seoul")]
    assert len(seoul) == 2 and all(q.outlet == "Agence test" for q in seoul)
    kremlin = view.quotes[(russia_id, "Kremlin")]
    assert kremlin[0].stance == "denies" and "continue de nier" in kremlin[0].text
    kyiv = view.quotes[(russia_id, "Kyiv")]
    assert kyiv[0].confidence == "Possible" and "seraient engagées" in kyiv[0].text
    html = report.side_by_side_html(view)
    assert f"statement:1:{kremlin[0].statement_id}" in html and "▼ denies" in html
    path = tmp_path / "side.csv"
    report.export_side_by_side_csv(view, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 5 and {r["source"] for r in rows} == {"Seoul", "Kyiv", "Kremlin"}
    assert any("l’état-major sud-coréen" in r["statement_text"] for r in rows)
    report.export_side_by_side_html(view, tmp_path / "side.html")
    assert "<!DOCTYPE html>" in (tmp_path / "side.html").read_text(encoding="utf-8")
    contested = compare_service.side_by_side(
        tagged_project, ["Seoul", "Kremlin"], contradictions_only=True
    )
    assert [label for _id, label in contested.claims] == [IN_RUSSIA]
    with pytest.raises(ValueError, match="at least two"):
        compare_service.side_by_side(tagged_project, ["Seoul"])


def test_rows_for_some_claims_match_the_full_matrix(tagged_project: Project) -> None:
    statement = statement_with(tagged_project, "selon des déclarations ukrainiennes")
    tag_statement(tagged_project, statement, "Kremlin", stance="denies")
    touched = compare_service.claims_touched(tagged_project, [statement])
    fresh = compare_service.matrix_rows_for(tagged_project, sorted(touched))
    full = {r.claim_id: r for r in compare_service.compare(tagged_project, sort="first_date").rows}
    assert fresh == {claim_id: full[claim_id] for claim_id in touched}
    assert fresh[next(c for c in touched if full[c].claim == IN_KURSK)].contradiction


def test_timeline_and_chart_figures(tagged_project: Project) -> None:
    claim_id = next(
        r.claim_id for r in compare_service.compare(tagged_project).rows if r.claim == IN_RUSSIA
    )
    timeline = compare_service.claim_timeline(tagged_project, claim_id)
    assert {(t.source, t.stance) for t in timeline} == {
        ("Seoul", "asserts"),
        ("Kyiv", "asserts"),
        ("Kremlin", "denies"),
    }
    totals = {source: n for source, _g, n in compare_service.source_figures(tagged_project, "total")}
    assert totals == {"Seoul": 2, "Kyiv": 1, "Kremlin": 1}
    stances = set(compare_service.source_figures(tagged_project, "stance"))
    assert ("Kremlin", "denies", 1) in stances and ("Seoul", "asserts", 2) in stances
    confidence = set(compare_service.source_figures(tagged_project, "confidence"))
    assert ("Kremlin", 1, 1) in confidence and ("Kyiv", 3, 1) in confidence
    months = set(compare_service.source_figures(tagged_project, "month"))
    assert ("Seoul", "2024-11", 2) in months


def test_side_by_side_in_the_window_quotes_a_few_per_cell(tagged_project: Project) -> None:
    statement = statement_with(tagged_project, "Séoul indique également")
    tag_statement(tagged_project, statement, "Seoul", stance="asserts", claims=[IN_RUSSIA])
    full = compare_service.side_by_side(tagged_project, ["Seoul", "Kremlin"])
    russia = next(cid for cid, label in full.claims if label == IN_RUSSIA)
    assert len(full.quotes[(russia, "Seoul")]) == 3
    few = compare_service.side_by_side(tagged_project, ["Seoul", "Kremlin"], per_cell=2)
    shown = few.quotes[(russia, "Seoul")]
    assert len(shown) == 2 and all(q.cell_total == 3 for q in shown)
    assert [q.statement_id for q in shown] == [
        q.statement_id for q in full.quotes[(russia, "Seoul")][:2]
    ]
    assert "and 1 later statement(s)" in report.side_by_side_html(few)
