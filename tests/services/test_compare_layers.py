"""The comparison reads one layer of tags at a time, never the annotators pooled: two coders'
different readings of a statement are a disagreement between them, not a "mixed" source or a
contested claim."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from engines import Locations
from helpers import SEED

from app.domain.layers import CONSENSUS, Layer, LayerKind, resolve_layer
from app.domain.model import DomainError
from app.services import browse, judgements
from app.services import compare as compare_service
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.services.tagging import TagChange, TagKey, resolve_source, tag, tag_statement
from app.store import articles as article_store
from app.store import layers as layer_store

CLAIM = "North Korean troops are in Russia"
OTHER = "North Korean troops fight in Kursk"


def statement_with(project: Project, words: str) -> int:
    with project.read() as conn:
        body = article_store.article_body(conn, 1) or ""
        at = body.index(words)
        return next(i for i, s, e in article_store.statement_spans(conn, 1) if s <= at < e)


@pytest.fixture
def coders(locations: Locations):
    """ana and bob tag the seed article:

    - `seoul`: ana says Seoul asserts, bob Seoul denies (they disagree on the stance);
    - `presence`: both say the Kremlin denies, ana Certain, bob Probable (they agree on the
      stance); ana also tags Seoul there, bob does not (they disagree on Seoul's presence);
    - `kyiv`: ana alone judged it: Kyiv asserts (no one disagrees);
    - `own`: ana alone: the Kremlin asserts, her own reading against her "denies" above.
    """
    with Project.open(locations.new(), create=True) as project:
        import_file(project, SEED, ArticleMeta(published=date(2024, 11, 5)))
        ids = {
            "seoul": statement_with(project, "a révélé l’état-major sud-coréen"),
            "presence": statement_with(project, "bien que le Kremlin continue de nier"),
            "kyiv": statement_with(project, "selon des déclarations ukrainiennes"),
            "own": statement_with(project, "Séoul indique également"),
        }
        tag_statement(project, ids["seoul"], "Seoul", stance="asserts", claims=[CLAIM],
                      annotator="ana", confidence="Possible")  # fmt: skip
        tag_statement(project, ids["seoul"], "Seoul", stance="denies", claims=[CLAIM],
                      annotator="bob", confidence="Possible")  # fmt: skip
        tag_statement(project, ids["presence"], "Kremlin", stance="denies", claims=[CLAIM],
                      annotator="ana", confidence="Certain")  # fmt: skip
        tag_statement(project, ids["presence"], "Seoul", stance="asserts", annotator="ana")
        tag_statement(project, ids["presence"], "Kremlin", stance="denies", annotator="bob",
                      confidence="Probable")  # fmt: skip
        tag_statement(project, ids["kyiv"], "Kyiv", stance="asserts", claims=[OTHER],
                      annotator="ana")  # fmt: skip
        yield project, ids


def rows(matrix: compare_service.Matrix) -> dict[str, compare_service.MatrixRow]:
    return {row.claim: row for row in matrix.rows}


def test_by_default_several_annotators_show_where_they_agree(coders) -> None:
    project, _ids = coders
    matrix = compare_service.compare(project)
    assert matrix.layer == Layer.agreed() and matrix.annotators == ("ana", "bob")
    claim = rows(matrix)[CLAIM]
    # Seoul: ana asserts and bob denies one statement; ana alone tags it on another, which bob
    # judged without tagging Seoul. Neither is Seoul's stance where they agree; both are theirs.
    assert "Seoul" not in claim.cells
    assert claim.disagreements == {"Seoul": 2}
    assert claim.coders_differ and not claim.contradiction
    kremlin = claim.cells["Kremlin"]
    # Both say the Kremlin denies: counted once, at the least firm level either gave.
    assert (kremlin.stance, kremlin.confidence_label, kremlin.statements) == (
        "denies",
        "Probable",
        1,
    )
    # A statement only ana judged counts as she tagged it.
    assert rows(matrix)[OTHER].cells["Kyiv"].stance == "asserts"
    assert not rows(matrix)[OTHER].disagreements


def test_each_annotators_layer_is_theirs_alone(coders) -> None:
    project, _ids = coders
    ana = compare_service.compare(project, layer=Layer.of("ana"))
    claim = rows(ana)[CLAIM]
    seoul = claim.cells["Seoul"]
    assert (seoul.stance, seoul.statements) == ("asserts", 2)  # never "mixed" with bob's
    assert claim.cells["Kremlin"].confidence_label == "Certain"
    # Seoul asserts and the Kremlin denies in ana's own reading: a contradiction between
    # sources, in her layer; the coders' disagreement is said beside it, as such.
    assert claim.contradiction and claim.disagreements == {"Seoul": 2}
    bob = rows(compare_service.compare(project, layer=Layer.of("bob")))[CLAIM]
    # In bob's reading Seoul and the Kremlin both deny: nothing contested there.
    assert (bob.cells["Seoul"].stance, bob.cells["Kremlin"].stance) == ("denies", "denies")
    assert not bob.contradiction and bob.disagreements == {"Seoul": 2}


def test_a_contradiction_is_within_one_layer(coders) -> None:
    project, ids = coders
    # ana: the Kremlin asserts elsewhere — a source contradicting itself in her tags is "mixed".
    tag_statement(project, ids["own"], "Kremlin", stance="asserts", claims=[CLAIM],
                  annotator="ana")  # fmt: skip
    cell = rows(compare_service.compare(project, layer=Layer.of("ana")))[CLAIM].cells["Kremlin"]
    assert cell.stance == "mixed" and cell.statements == 2
    # Where they agree, bob never judged that statement: ana's tag counts, and the Kremlin's
    # agreed denial beside it makes the cell mixed there too — both readings are the layer's.
    agreed = rows(compare_service.compare(project))[CLAIM]
    assert agreed.cells["Kremlin"].stance == "mixed"
    assert not agreed.contradiction  # no source asserts while another denies, where they agree


def test_pooling_is_gone_where_the_coders_only_differ(locations: Locations) -> None:
    """The issue's own case: ana tags a statement "Seoul asserts", bob "Seoul denies"."""
    with Project.open(locations.new(), create=True) as project:
        import_file(project, SEED, ArticleMeta())
        statement = statement_with(project, "a révélé l’état-major sud-coréen")
        tag_statement(project, statement, "Seoul", stance="asserts", claims=[CLAIM],
                      annotator="ana")  # fmt: skip
        tag_statement(project, statement, "Seoul", stance="denies", annotator="bob")
        claim = rows(compare_service.compare(project))[CLAIM]
        assert claim.cells == {} and claim.disagreements == {"Seoul": 1}
        assert not claim.contradiction
        assert compare_service.compare(project, contradictions_only=True).rows == []


def test_one_annotator_reads_as_it_always_did(project: Project) -> None:
    statement = statement_with(project, "a révélé l’état-major sud-coréen")
    tag_statement(project, statement, "Seoul", stance="asserts", claims=[CLAIM])
    matrix = compare_service.compare(project)
    assert matrix.layer == Layer.of("tester") and matrix.annotators == ("tester",)
    assert rows(matrix)[CLAIM].cells["Seoul"].statements == 1
    assert not rows(matrix)[CLAIM].disagreements
    with project.read() as conn:  # the very query it always was: every tag, no filter
        assert layer_store.layer_rows(layer_store.agreed_layer(conn, [1])).conditions == ()
    assert compare_service.compare(project, layer=Layer.agreed()).rows == matrix.rows


def test_an_unknown_annotator_is_refused(coders) -> None:
    project, _ids = coders
    with pytest.raises(DomainError, match=r"no annotator called 'nobody' in this project"):
        compare_service.compare(project, layer=Layer.of("nobody"))
    with pytest.raises(DomainError, match="no annotator called 'nobody'"):
        compare_service.compare(project, annotator="nobody")  # the older spelling
    with pytest.raises(DomainError, match="no consensus layer yet"):
        compare_service.compare(project, layer=Layer.consensus())
    browse.ensure_annotator(project, "cleo")  # known, and without tags: an empty layer, where
    # the rows left say only where the others differ
    cleo = compare_service.compare(project, layer=Layer.of("cleo"))
    assert [(r.claim, r.cells, r.disagreements) for r in cleo.rows] == [(CLAIM, {}, {"Seoul": 2})]


def test_the_consensus_layer_is_the_reserved_annotators(coders) -> None:
    project, ids = coders
    with pytest.raises(DomainError, match="reserved for the consensus layer"):
        tag_statement(project, ids["seoul"], "Seoul", annotator=CONSENSUS)
    with pytest.raises(DomainError, match="reserved"):
        tag_statement(project, ids["seoul"], "Seoul", annotator="Consensus")
    # Adjudication writes it by ids (as the window's commands do), not as a person's name.
    consensus = browse.ensure_annotator(project, CONSENSUS)
    with project.read() as conn:
        seoul = resolve_source(conn, "Seoul")
    tag(project, TagChange(TagKey(ids["seoul"], seoul, consensus), stance="asserts"))
    matrix = compare_service.compare(project, layer=Layer.consensus())
    assert matrix.layer is not None and matrix.layer.is_consensus
    assert rows(matrix)[CLAIM].cells["Seoul"].stance == "asserts"
    assert matrix.layer.describe() == "the consensus (adjudicated tags)"


def test_rows_for_some_claims_match_the_whole_matrix_in_every_layer(coders) -> None:
    project, ids = coders
    touched = compare_service.claims_touched(project, [ids["presence"], ids["kyiv"]])
    for layer in (None, Layer.agreed(), Layer.of("ana"), Layer.of("bob")):
        whole = {
            r.claim_id: r
            for r in compare_service.compare(project, layer=layer, sort="first_date").rows
        }
        fresh = compare_service.matrix_rows_for(project, sorted(touched), layer=layer)
        assert fresh == {claim_id: whole.get(claim_id) for claim_id in touched}, layer


def test_without_articles_the_cells_are_the_same(coders) -> None:
    """As the window asks (articles fetched on hover), the layer where annotators agree is read
    in two parts added up: the same cells."""
    project, ids = coders
    tag_statement(project, ids["own"], "Kremlin", stance="asserts", claims=[CLAIM],
                  annotator="ana", confidence="Possible")  # fmt: skip
    for layer in (None, Layer.of("bob")):
        full = compare_service.compare(project, layer=layer)
        quick = compare_service.compare(project, layer=layer, with_articles=False)
        assert [
            replace(row, cells={s: replace(c, articles=None) for s, c in row.cells.items()})
            for row in full.rows
        ] == quick.rows
        claim_ids = [row.claim_id for row in quick.rows]
        fresh = compare_service.matrix_rows_for(
            project, claim_ids, layer=layer, with_articles=False, with_first_dates=False
        )
        assert list(fresh.values()) == quick.rows


def test_many_statements_judged_twice_are_found_in_sql(
    coders, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the lists bound as values, the queries find the statements judged twice
    themselves; the matrix is the same."""
    project, _ids = coders
    listed = {
        layer: compare_service.compare(project, layer=layer) for layer in (None, Layer.of("ana"))
    }
    for name in ("_MAX_LISTED", "_MAX_CANDIDATES"):
        with monkeypatch.context() as patch:
            patch.setattr(layer_store, name, 0)
            for layer, matrix in listed.items():
                assert compare_service.compare(project, layer=layer) == matrix


def test_side_by_side_timeline_and_charts_read_one_layer(coders) -> None:
    project, ids = coders
    agreed = compare_service.side_by_side(project, ["Seoul", "Kremlin"])
    claim_id = next(c for c, label in agreed.claims if label == CLAIM)
    assert (claim_id, "Seoul") not in agreed.quotes  # the coders differ on every Seoul tag
    (kremlin,) = agreed.quotes[(claim_id, "Kremlin")]
    assert (kremlin.statement_id, kremlin.confidence) == (ids["presence"], "Probable")
    bob = compare_service.side_by_side(project, ["Seoul", "Kremlin"], layer=Layer.of("bob"))
    assert [q.stance for q in bob.quotes[(claim_id, "Seoul")]] == ["denies"]
    timeline = compare_service.claim_timeline(project, claim_id, Layer.of("ana"))
    assert sorted((p.source, p.stance) for p in timeline) == [
        ("Kremlin", "denies"),
        ("Seoul", "asserts"),
        ("Seoul", "asserts"),
    ]
    assert {(p.source, p.stance) for p in compare_service.claim_timeline(project, claim_id)} == {
        ("Kremlin", "denies")
    }
    totals = dict((s, n) for s, _g, n in compare_service.source_figures(project, "total"))
    assert totals == {"Kremlin": 1, "Kyiv": 1}  # where they agree
    ana = {s: n for s, _g, n in compare_service.source_figures(project, "total", Layer.of("ana"))}
    assert ana == {"Seoul": 2, "Kremlin": 1, "Kyiv": 1}
    assert compare_service.cell_articles(project, claim_id, "Kremlin") == 1
    assert compare_service.cell_articles(project, claim_id, "Seoul") == 0
    assert compare_service.cell_articles(project, claim_id, "Seoul", layer=Layer.of("bob")) == 1


def test_a_coder_who_found_no_source_disagrees_with_a_tag(coders) -> None:
    project, ids = coders
    cleo = judgements.annotator_for_edit(project, "cleo")
    judgements.mark_no_source(project, judgements.MarkKey(ids["kyiv"], cleo))
    matrix = compare_service.compare(project)
    assert matrix.annotators == ("ana", "bob", "cleo")
    other = rows(matrix)[OTHER]
    assert other.cells == {} and other.disagreements == {"Kyiv": 1}
    assert rows(compare_service.compare(project, layer=Layer.of("ana")))[OTHER].cells


def test_the_default_layer_rule() -> None:
    assert resolve_layer(None, ("ana",)) == Layer.of("ana")
    assert resolve_layer(None, ("ana", "bob")) == Layer.agreed()
    assert resolve_layer(None, ()) == Layer.agreed()
    assert resolve_layer(Layer.of("bob"), ("ana",)) == Layer.of("bob")
    assert Layer.consensus() == Layer(LayerKind.ANNOTATOR, CONSENSUS)
    assert Layer.agreed().describe(("ana", "bob")) == "where all 2 annotators agree (ana, bob)"
    with pytest.raises(DomainError):
        Layer(LayerKind.AGREED, "ana")


def adjudicate(project: Project, statement_id: int, source: str, stance: str) -> None:
    """A consensus tag, written by ids as adjudication writes it."""
    consensus = browse.ensure_annotator(project, CONSENSUS)
    with project.read() as conn:
        source_id = resolve_source(conn, source)
    tag(project, TagChange(TagKey(statement_id, source_id, consensus), stance=stance))


def every_reading(project: Project) -> list[object]:
    """The agreed layer every way it is read: whole, without articles (in two parts), a few
    claims' rows, and side by side, timeline and charts."""
    matrix = compare_service.compare(project, layer=Layer.agreed())
    claim_ids = sorted(r.claim_id for r in matrix.rows)
    return [
        [(r.claim, r.cells, r.disagreements, r.contradiction) for r in matrix.rows],
        compare_service.compare(project, layer=Layer.agreed(), with_articles=False).rows,
        compare_service.matrix_rows_for(project, claim_ids, layer=Layer.agreed()),
        compare_service.side_by_side(project, ["Seoul", "Kremlin", "Kyiv"], layer=Layer.agreed()).quotes,
        [compare_service.claim_timeline(project, c, Layer.agreed()) for c in claim_ids],
        compare_service.source_figures(project, "total", Layer.agreed()),
    ]


def test_where_all_agree_leaves_the_consensus_out(coders, monkeypatch: pytest.MonkeyPatch) -> None:
    """Consensus tags adjudicate the coders' readings: they neither make a statement judged by
    several, nor take part in what the coders agree on, nor show up where no coder tagged."""
    project, ids = coders
    before = every_reading(project)
    adjudicate(project, ids["seoul"], "Seoul", "asserts")  # siding with ana against bob
    adjudicate(project, ids["kyiv"], "Kremlin", "denies")  # ana alone judged it: still hers
    adjudicate(project, ids["presence"], "Kremlin", "asserts")  # against both coders
    adjudicate(project, ids["own"], "Kremlin", "asserts")  # no coder judged it
    with project.write() as conn:  # a claim on the statement only the consensus tagged
        conn.exec_driver_sql(
            f"INSERT INTO statement_claims (statement_id, claim_id) SELECT {ids['own']}, id FROM claims"
        )
    assert every_reading(project) == before
    for name in ("_MAX_LISTED", "_MAX_CANDIDATES"):  # the statements judged twice found in SQL
        with monkeypatch.context() as patch:
            patch.setattr(layer_store, name, 0)
            assert every_reading(project) == before
    matrix = compare_service.compare(project)
    assert matrix.layer == Layer.agreed() and matrix.annotators == ("ana", "bob", CONSENSUS)
    assert matrix.layer.describe(matrix.annotators) == "where all 2 annotators agree (ana, bob)"
    consensus = rows(compare_service.compare(project, layer=Layer.consensus()))[CLAIM]
    assert consensus.cells["Kremlin"].stance == "asserts"  # its own layer is whole


def test_one_coder_and_the_consensus_read_as_the_coder_alone(project: Project) -> None:
    statement = statement_with(project, "a révélé l’état-major sud-coréen")
    tag_statement(project, statement, "Seoul", stance="asserts", claims=[CLAIM])
    alone = compare_service.compare(project)
    adjudicate(project, statement, "Seoul", "denies")
    adjudicate(project, statement_with(project, "bien que le Kremlin continue de nier"), "Kremlin", "denies")
    matrix = compare_service.compare(project)
    assert matrix.layer == Layer.of("tester")  # the only coder's layer, by default
    assert matrix.rows == alone.rows and not rows(matrix)[CLAIM].disagreements
    # Where all (one) agree: the coder's tags, not the consensus's.
    agreed = compare_service.compare(project, layer=Layer.agreed())
    assert [(r.claim, r.cells, r.disagreements) for r in agreed.rows] == [
        (r.claim, r.cells, r.disagreements) for r in alone.rows
    ]
    with project.read() as conn:
        layer = layer_store.agreed_layer(conn, [i for i, _n in layer_store.judging_annotators(conn)])
        assert not layer.agreed and layer.excluded == layer_store.consensus_ids(conn)


def test_the_default_layer_leaves_the_consensus_aside() -> None:
    assert resolve_layer(None, ("ana", CONSENSUS)) == Layer.of("ana")
    assert resolve_layer(None, (CONSENSUS,)) == Layer.consensus()
    assert resolve_layer(None, ("ana", "bob", CONSENSUS)) == Layer.agreed()
    assert Layer.agreed().describe(("ana", CONSENSUS)) == "where all annotators agree"
