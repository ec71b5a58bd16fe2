"""Suggestions through the services: the seed article, applying, accepting, dismissing, the gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.gold import load_gold, score
from helpers import DATA, REPO, SEED, article_body, cli_ok, database, tag_tuples

from app.domain.certainty import Certainty
from app.domain.model import Origin, Stance
from app.services import editing, tagging
from app.services import suggest as suggest_service
from app.services.importing import ArticleMeta, draft_from_text
from app.services.project import Project
from app.services.suggest import Outcome, Status

JSONL_FIELDS = ["statement_id", "source", "stance", "confidence", "score", "evidence"]


# --- Must show 1: the seed article ------------------------------------------------------------


def seed_suggestions(path: Path) -> dict[str, list[suggest_service.Suggestion]]:
    """The seed's suggestions by statement text."""
    with Project.open(path) as project, project.read() as conn:
        texts = {
            row[0]: row[1]
            for row in conn.exec_driver_sql(
                'SELECT s.id, substr(a.body, s.start + 1, s."end" - s.start) '
                "FROM statements s JOIN articles a ON a.id = s.article_id"
            )
        }
    with Project.open(path) as project:
        found = suggest_service.suggest(project)
    result: dict[str, list[suggest_service.Suggestion]] = {text: [] for text in texts.values()}
    for s in found:
        result[texts[s.statement_id]].append(s)
    return result


def the(by_text: dict[str, list], needle: str) -> list[suggest_service.Suggestion]:
    matches = [found for text, found in by_text.items() if needle in text]
    assert len(matches) == 1, needle
    return matches[0]


def test_seed_suggestions_match_must_show_1(seeded_path: Path) -> None:
    by_text = seed_suggestions(seeded_path)
    body = article_body(seeded_path, 1)

    def only(needle: str) -> suggest_service.Suggestion:
        found = the(by_text, needle)
        assert len(found) == 1, (needle, found)
        return found[0]

    staff = only("a révélé l’état-major sud-coréen")
    assert (staff.source, staff.stance) == ("Seoul", Stance.ASSERTS)
    assert "l’état-major sud-coréen" in [e.text for e in staff.evidence]
    assert "a révélé" in [e.text for e in staff.evidence]

    indique = only("Séoul indique également")
    assert (indique.source, indique.stance, indique.confidence) == ("Seoul", "asserts", "Probable")

    services = only("Les services secrets sud-coréens estiment")
    assert (services.source, services.stance) == ("Seoul", Stance.ASSERTS)
    assert "services secrets sud-coréens" in [e.text for e in services.evidence]

    ukraine = only("selon des déclarations ukrainiennes")
    assert (ukraine.source, ukraine.stance) == ("Kyiv", Stance.ASSERTS)

    kremlin = only("le Kremlin continue de nier")
    assert (kremlin.source, kremlin.stance) == ("Kremlin", Stance.DENIES)
    assert {"Kremlin", "nier"} <= {e.text for e in kremlin.evidence}

    assert the(by_text, "Un traité de défense mutuelle") == []

    # The conditional statements: confidence below Probable, with the verb as evidence.
    for suggestion, verb in ((staff, "auraient"), (ukraine, "seraient"), (services, "pourrait")):
        assert suggestion.certainty > Certainty.PROBABLE
        assert suggestion.confidence == "Possible"
        assert verb in [e.text for e in suggestion.evidence]

    # Evidence offsets are absolute offsets into the article body.
    for found in by_text.values():
        for s in found:
            assert all(body[e.start : e.end] == e.text for e in s.evidence)
            assert all(e.kind for e in s.evidence)


# --- applying, accepting, dismissing ----------------------------------------------------------


def origins(path: Path) -> dict[tuple[int, str], tuple[str, str, str | None, str]]:
    """(statement_id, source) -> (stance, origin, confidence label, updated_at)."""
    with database(path) as conn:
        rows = conn.execute(
            "SELECT t.statement_id, so.name, t.stance, t.origin, cl.label, t.updated_at "
            "FROM attributions t JOIN sources so ON so.id = t.source_id "
            "LEFT JOIN confidence_levels cl ON cl.id = t.confidence_level_id"
        ).fetchall()
    return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}


def statement_with(path: Path, needle: str) -> int:
    with database(path) as conn:
        rows = conn.execute(
            "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
            'WHERE substr(a.body, s.start + 1, s."end" - s.start) LIKE ?',
            (f"%{needle}%",),
        ).fetchall()
    assert len(rows) == 1, needle
    return rows[0][0]


def test_apply_never_overwrites_a_person_tag(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = statement_with(seeded_path, "a révélé l’état-major sud-coréen")
    tag = ["--source", "Seoul", "--confidence", "Certain", "--note", "checked by hand"]
    cli_ok(capsys, "tag", seeded_path, staff, *tag)
    manual = origins(seeded_path)[(staff, "Seoul")]
    out = cli_ok(capsys, "suggest", seeded_path, "--apply")
    assert "5 created, 0 updated, 0 unchanged, 1 kept (a person's tag)" in out
    after = origins(seeded_path)
    assert after[(staff, "Seoul")] == manual  # still Certain, manual, untouched
    made = {k: v for k, v in after.items() if k != (staff, "Seoul")}
    assert len(made) == 5 and {v[1] for v in made.values()} == {Origin.SUGGESTION.value}
    kremlin = statement_with(seeded_path, "le Kremlin continue de nier")
    assert after[(kremlin, "Kremlin")][:3] == ("denies", "suggestion", "Certain")


def test_apply_twice_changes_nothing_the_second_time(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "suggest", seeded_path, "--apply")
    first = tag_tuples(seeded_path), origins(seeded_path)
    out = cli_ok(capsys, "suggest", seeded_path, "--apply")
    assert "applied: 0 created, 0 updated, 6 unchanged" in out
    assert (tag_tuples(seeded_path), origins(seeded_path)) == first
    statuses = cli_ok(capsys, "suggest", seeded_path).splitlines()[2:]
    assert statuses and all("  tagged  " in line for line in statuses)


def test_apply_updates_an_earlier_suggestion_only(seeded_path: Path) -> None:
    indique = statement_with(seeded_path, "Séoul indique également")
    with Project.open(seeded_path) as project:
        tagging.tag_statement(
            project,
            indique,
            "Seoul",
            stance="neutral",
            confidence="Unknown",
            origin=Origin.SUGGESTION,
        )
        report = suggest_service.apply(project)
    assert (report.created, report.updated, report.kept) == (5, 1, 0)
    assert origins(seeded_path)[(indique, "Seoul")][:3] == ("asserts", "suggestion", "Probable")


def test_the_panel_api_accepts_undoes_dismisses_and_restores(seeded_path: Path) -> None:
    indique = statement_with(seeded_path, "Séoul indique également")
    with Project.open(seeded_path) as project:
        (suggestion,) = suggest_service.statement_suggestions(project, indique)
        assert suggestion.pending and suggestion.status is Status.NEW
        change = suggestion.tag_change(annotator_id=7)  # the request `accept` makes
        assert (change.key.statement_id, change.key.source_id, change.key.annotator_id) == (
            indique,
            suggestion.source_id,
            7,
        )
        assert (change.stance, change.confidence_level_id, change.origin) == (
            Stance.ASSERTS,
            suggestion.confidence_level_id,
            Origin.SUGGESTION,
        )
        result = suggest_service.accept(project, suggestion)
        assert result.outcome is Outcome.CREATED and result.before is None
        assert origins(seeded_path)[(indique, "Seoul")][:3] == (
            "asserts",
            "suggestion",
            "Probable",
        )
        (again,) = suggest_service.statement_suggestions(project, indique)
        assert again.status is Status.TAGGED and not again.pending

        suggest_service.undo_accept(project, result)
        assert (indique, "Seoul") not in origins(seeded_path)

        assert suggest_service.dismiss(project, suggestion)
        assert not suggest_service.dismiss(project, suggestion)  # dismissed already
        assert suggest_service.statement_suggestions(project, indique) == []
        assert suggest_service.apply(project).dismissed == 1
        assert suggest_service.statement_suggestions(project, indique, annotator="other")
        assert suggest_service.restore(project, suggestion)
        assert [s.status for s in suggest_service.statement_suggestions(project, indique)] == [
            Status.NEW
        ]

        tagging.tag_statement(project, indique, "Seoul", stance="denies")  # a person's tag
        (kept,) = suggest_service.statement_suggestions(project, indique)
        assert kept.status is Status.KEPT
        assert suggest_service.accept(project, kept).outcome is Outcome.KEPT
    assert origins(seeded_path)[(indique, "Seoul")][:2] == ("denies", "manual")


def test_a_dismissal_goes_with_its_statement_and_comes_back_with_undo(seeded_path: Path) -> None:
    indique = statement_with(seeded_path, "Séoul indique également")
    with Project.open(seeded_path) as project:
        (suggestion,) = suggest_service.statement_suggestions(project, indique)
        assert suggest_service.dismiss(project, suggestion)
        deletion = editing.delete_statement(project, indique)
        with database(seeded_path) as conn:
            assert conn.execute("SELECT count(*) FROM suggestion_dismissals").fetchone() == (0,)

        editing.apply_statement_edit(project, deletion, forward=False)  # undo the deletion
        assert suggest_service.statement_suggestions(project, indique) == []  # still dismissed
        with database(seeded_path) as conn:
            assert conn.execute(
                "SELECT statement_id, stance FROM suggestion_dismissals"
            ).fetchall() == [(indique, "asserts")]


# --- the gold set -----------------------------------------------------------------------------


def test_the_gold_covers_every_statement_of_the_samples_and_the_seed() -> None:
    gold = {article.name: article for article in load_gold()}
    files = [SEED, *sorted((REPO / "resources" / "samples").glob("*.txt"))]
    assert sorted(gold) == sorted(path.stem for path in files)
    for path in files:
        article = gold[path.stem]
        draft = draft_from_text(path.read_text(encoding="utf-8"), ArticleMeta(language="auto"))
        assert draft.language == article.language
        assert [draft.body[s.start : s.end] for s in draft.spans] == list(article.texts)
    assert {a.language for a in gold.values()} == {"fr", "en"}
    assert (DATA / "gold").is_dir()


def test_the_gold_agrees_with_the_demo_tags() -> None:
    spec = json.loads((REPO / "resources/samples/demo.json").read_text(encoding="utf-8"))
    gold = {article.name: article for article in load_gold()}
    for tag in spec["tags"]:
        article = gold[Path(tag["file"]).stem]
        (index,) = [i for i, text in enumerate(article.texts) if tag["match"] in text]
        assert (tag["source"], tag["stance"], tag["confidence"]) in article.tags[index]


def test_suggestions_stay_good_on_the_gold_set() -> None:
    results = score(load_gold())
    for language in ("fr", "en"):
        for axis in ("source", "stance", "confidence"):
            counts = results[language][axis]
            # Every tag found and nothing more: the scores the gold set stands at.
            assert (counts.fp, counts.fn) == (0, 0), (language, axis)
            assert counts.f1 == 1.0, (language, axis)


def test_the_seed_article_keeps_every_suggestion_right() -> None:
    (seed,) = [a for a in load_gold() if a.name == SEED.stem]
    results = score([seed])["fr"]
    assert {axis: results[axis].f1 for axis in results} == {
        "source": 1.0,
        "stance": 1.0,
        "confidence": 1.0,
    }
