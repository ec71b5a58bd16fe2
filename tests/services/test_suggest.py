"""Suggestions: who says a statement, how, and how firmly (issue 5), from rules to command line."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from benchmarks.gold import default_sources, load_gold, score
from helpers import DATA, REPO, SEED, article_body, cli, cli_ok, sqlite, tag_tuples

from app.domain.aliases import AliasMatcher, SourceAliases, fold
from app.domain.certainty import Certainty, rank_on_scale
from app.domain.defaults import ADMIRALTY_SCALE, ICD203_SCALE
from app.domain.model import Origin, Stance
from app.domain.suggest import Proposal, StatementRef, suggest_article
from app.services import editing, tagging
from app.services import suggest as suggest_service
from app.services.importing import ArticleMeta, draft_from_text
from app.services.project import Project
from app.services.suggest import Outcome, Status

JSONL_FIELDS = ["statement_id", "source", "stance", "confidence", "score", "evidence"]


def run(text: str, language: str = "fr", sources: list[SourceAliases] | None = None):
    """Suggestions for a text of one or more paragraphs, segmented as an import would."""
    draft = draft_from_text("Titre\n\n" + text, ArticleMeta(language=language))
    refs = [StatementRef(i, s.start, s.end) for i, s in enumerate(draft.spans)]
    proposals = suggest_article(draft.body, refs, sources or default_sources(), language)
    for p in proposals:  # every piece of evidence is exactly the body's text at its offsets
        assert all(draft.body[e.start : e.end] == e.text for e in p.evidence)
    return draft, proposals


def triples(proposals: list[Proposal], key: int | None = None) -> set[tuple[str, str, str]]:
    return {
        (p.source, p.stance.value, p.certainty.label)
        for p in proposals
        if key is None or p.key == key
    }


# --- Must show 1: the seed article ------------------------------------------------------------


@pytest.fixture
def seed_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "seed.sourcetrack"
    cli_ok(capsys, "import", path, SEED)
    return path


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


def test_seed_suggestions_match_must_show_1(seed_project: Path) -> None:
    by_text = seed_suggestions(seed_project)
    body = article_body(seed_project, 1)

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


def test_the_statements_after_a_source_inherit_it_only_as_clear_continuations() -> None:
    _draft, proposals = run(
        "Séoul affirme que Pyongyang envoie des troupes. En échange, la Russie aidera "
        "Pyongyang. Un traité a été signé en juin.\n\n"
        "Par ailleurs, le conflit continue."
    )
    assert triples(proposals, 1) == {("Seoul", "asserts", "Probable")}
    carried = next(p for p in proposals if p.key == 1)
    assert [e.text for e in carried.evidence] == ["Séoul", "En échange"]
    assert carried.score < next(p for p in proposals if p.key == 0).score
    assert triples(proposals, 2) == set()  # no connective: the journalist speaks
    assert triples(proposals, 3) == set()  # a new paragraph starts afresh


# --- cues ---------------------------------------------------------------------------------------

ENGLISH = {
    "The troops are in Kursk, Ukraine’s defence ministry said on Tuesday.": {
        ("Kyiv", "asserts", "Probable")
    },
    "According to Seoul, the troops allegedly crossed into Russia in October.": {
        ("Seoul", "asserts", "Possible")
    },
    "Moscow denied that any North Korean soldier was in Russia.": {
        ("Kremlin", "denies", "Certain")
    },
    "The Kremlin declined to comment on the report.": {("Kremlin", "neutral", "Unknown")},
    "The Kremlin did not deny the report.": {("Kremlin", "neutral", "Unknown")},
    "South Korea’s spy agency confirmed the deployment on Friday.": {
        ("Seoul", "asserts", "Certain")
    },
    "Kyiv claimed the soldiers may have been moved to the front.": {
        ("Kyiv", "asserts", "Possible")
    },
    "Seoul reportedly told lawmakers that the units had crossed the border.": {
        ("Seoul", "asserts", "Possible")
    },
    "Putin dismissed the reports as Western propaganda.": {("Kremlin", "denies", "Certain")},
    "North Korea said its soldiers were on exercises.": set(),
    "The White House said it was concerned about the transfers to Moscow.": set(),
    "Kyiv says 3,000 soldiers arrived, a claim the Kremlin rejects.": {
        ("Kyiv", "asserts", "Probable"),
        ("Kremlin", "denies", "Certain"),
    },
}

FRENCH = {
    "Moscou a démenti ces informations.": {("Kremlin", "denies", "Certain")},
    "Kiev affirme que les soldats sont arrivés.": {("Kyiv", "asserts", "Probable")},
    "Selon Séoul, les soldats auraient franchi la frontière.": {("Seoul", "asserts", "Possible")},
    "Le Kremlin n’a pas souhaité commenter ces informations.": {("Kremlin", "neutral", "Unknown")},
    # Typed without accents, and a confirmation by a second source in the same sentence.
    "D'apres l'etat-major sud-coreen, les troupes sont arrivees.": {
        ("Seoul", "asserts", "Probable")
    },
    "Selon Séoul, l’armée russe a confirmé l’arrivée des troupes.": {
        ("Seoul", "asserts", "Probable"),
        ("Kremlin", "asserts", "Certain"),
    },
    "Pyongyang a affirmé que ses soldats restaient en Corée du Nord.": set(),
    "La Corée du Sud maintient sa politique de ne pas livrer d’armes.": set(),
}


@pytest.mark.parametrize("sentence", ENGLISH)
def test_english_cues(sentence: str) -> None:
    _draft, proposals = run(sentence, "en")
    assert triples(proposals) == ENGLISH[sentence]


@pytest.mark.parametrize("sentence", FRENCH)
def test_french_cues(sentence: str) -> None:
    _draft, proposals = run(sentence, "fr")
    assert triples(proposals) == FRENCH[sentence]


def test_a_hedge_in_a_relative_clause_stays_there() -> None:
    _draft, proposals = run(
        "The NIS said Pyongyang had sent rocket launchers, which have likely been moved.", "en"
    )
    assert triples(proposals) == {("Seoul", "asserts", "Probable")}


# --- aliases ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selon l'état-major sud-coréen", "l'état-major sud-coréen"),
        ("selon l’état-major sud-coréen", "l’état-major sud-coréen"),
        ("selon L’ÉTAT-MAJOR SUD-CORÉEN", "L’ÉTAT-MAJOR SUD-CORÉEN"),
        ("des sources sud-coréennes", "sud-coréennes"),
        ("les renseignements sud-coréens", "sud-coréens"),
        ("à Kyïv", "Kyïv"),
        ("à Kiev", "Kiev"),
        ("à SEOUL", "SEOUL"),
    ],
)
def test_aliases_match_case_apostrophes_elisions_and_inflections(text: str, expected: str) -> None:
    folded = fold(text)
    mentions = AliasMatcher(default_sources(), "fr").mentions(folded.text)
    assert len(mentions) == 1
    start, end = folded.span(mentions[0].start, mentions[0].end)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    "text", ["les troupes nord-coréennes", "Pyongyang", "la Biélorusse", "la Corée du Nord"]
)
def test_aliases_respect_word_boundaries(text: str) -> None:
    assert AliasMatcher(default_sources(), "fr").mentions(fold(text).text) == []


def test_offsets_stay_exact_in_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Le président ukrainien a déclaré que Séoul se trompait.")
    draft, proposals = run(text)  # `run` checks every evidence offset against the body
    assert len(draft.body) > len(unicodedata.normalize("NFC", draft.body))
    assert triples(proposals) == {("Kyiv", "asserts", "Probable")}
    assert [e.text for e in proposals[0].evidence] == [
        unicodedata.normalize("NFD", "ukrainien"),
        unicodedata.normalize("NFD", "a déclaré"),
    ]


def test_a_user_source_with_its_own_aliases_is_suggested() -> None:
    sources = [*default_sources(), SourceAliases("NIS", {"fr": ("NIS",)}, specific=True)]
    _draft, proposals = run("Selon le NIS, les troupes sont en Russie.", "fr", sources)
    assert triples(proposals) == {("NIS", "asserts", "Probable")}


def test_confidence_maps_onto_the_active_scale() -> None:
    default = [(1, "Certain"), (2, "Probable"), (3, "Possible"), (4, "Unknown")]
    assert rank_on_scale(Certainty.POSSIBLE, "Default (FactBank)", default) == 3
    admiralty = [(level.rank, level.label) for level in ADMIRALTY_SCALE.levels]
    assert rank_on_scale(Certainty.PROBABLE, ADMIRALTY_SCALE.name, admiralty) == 2
    assert rank_on_scale(Certainty.UNKNOWN, ADMIRALTY_SCALE.name, admiralty) == 6
    icd = [(level.rank, level.label) for level in ICD203_SCALE.levels]
    assert rank_on_scale(Certainty.UNKNOWN, ICD203_SCALE.name, icd) is None
    custom = [(1, "sure"), (2, "fair"), (3, "weak")]
    assert [rank_on_scale(c, "mine", custom) for c in Certainty] == [1, 2, 2, 3]


# --- applying, accepting, dismissing ----------------------------------------------------------


def origins(path: Path) -> dict[tuple[int, str], tuple[str, str, str | None, str]]:
    """(statement_id, source) -> (stance, origin, confidence label, updated_at)."""
    with sqlite(path) as conn:
        rows = conn.execute(
            "SELECT t.statement_id, so.name, t.stance, t.origin, cl.label, t.updated_at "
            "FROM attributions t JOIN sources so ON so.id = t.source_id "
            "LEFT JOIN confidence_levels cl ON cl.id = t.confidence_level_id"
        ).fetchall()
    return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}


def statement_with(path: Path, needle: str) -> int:
    with sqlite(path) as conn:
        rows = conn.execute(
            "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
            'WHERE instr(substr(a.body, s.start + 1, s."end" - s.start), ?) > 0',
            (needle,),
        ).fetchall()
    assert len(rows) == 1, needle
    return rows[0][0]


def test_apply_never_overwrites_a_person_tag(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = statement_with(seed_project, "a révélé l’état-major sud-coréen")
    tag = ["--source", "Seoul", "--confidence", "Certain", "--note", "checked by hand"]
    cli_ok(capsys, "tag", seed_project, staff, *tag)
    manual = origins(seed_project)[(staff, "Seoul")]
    out = cli_ok(capsys, "suggest", seed_project, "--apply")
    assert "5 created, 0 updated, 0 unchanged, 1 kept (a person's tag)" in out
    after = origins(seed_project)
    assert after[(staff, "Seoul")] == manual  # still Certain, manual, untouched
    made = {k: v for k, v in after.items() if k != (staff, "Seoul")}
    assert len(made) == 5 and {v[1] for v in made.values()} == {Origin.SUGGESTION.value}
    kremlin = statement_with(seed_project, "le Kremlin continue de nier")
    assert after[(kremlin, "Kremlin")][:3] == ("denies", "suggestion", "Certain")


def test_apply_twice_changes_nothing_the_second_time(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "suggest", seed_project, "--apply")
    first = tag_tuples(seed_project), origins(seed_project)
    out = cli_ok(capsys, "suggest", seed_project, "--apply")
    assert "applied: 0 created, 0 updated, 6 unchanged" in out
    assert (tag_tuples(seed_project), origins(seed_project)) == first
    statuses = cli_ok(capsys, "suggest", seed_project).splitlines()[2:]
    assert statuses and all("  tagged  " in line for line in statuses)


def test_apply_updates_an_earlier_suggestion_only(seed_project: Path) -> None:
    indique = statement_with(seed_project, "Séoul indique également")
    with Project.open(seed_project) as project:
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
    assert origins(seed_project)[(indique, "Seoul")][:3] == ("asserts", "suggestion", "Probable")


def test_the_panel_api_accepts_undoes_dismisses_and_restores(seed_project: Path) -> None:
    indique = statement_with(seed_project, "Séoul indique également")
    with Project.open(seed_project) as project:
        (suggestion,) = suggest_service.statement_suggestions(project, indique)
        assert suggestion.pending and suggestion.status is Status.NEW
        assert suggestion.tag_changes() == {
            "stance": "asserts",
            "confidence_level_id": suggestion.confidence_level_id,
            "origin": "suggestion",
        }
        result = suggest_service.accept(project, suggestion)
        assert result.outcome is Outcome.CREATED and result.before is None
        assert origins(seed_project)[(indique, "Seoul")][:3] == (
            "asserts",
            "suggestion",
            "Probable",
        )
        (again,) = suggest_service.statement_suggestions(project, indique)
        assert again.status is Status.TAGGED and not again.pending

        suggest_service.undo_accept(project, result)
        assert (indique, "Seoul") not in origins(seed_project)

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
    assert origins(seed_project)[(indique, "Seoul")][:2] == ("denies", "manual")


def test_a_dismissal_goes_with_its_statement_and_comes_back_with_undo(seed_project: Path) -> None:
    indique = statement_with(seed_project, "Séoul indique également")
    with Project.open(seed_project) as project:
        (suggestion,) = suggest_service.statement_suggestions(project, indique)
        assert suggest_service.dismiss(project, suggestion)
        deletion = editing.delete_statement(project, indique)
        with sqlite(seed_project) as conn:
            assert conn.execute("SELECT count(*) FROM suggestion_dismissals").fetchone() == (0,)

        editing.apply_statement_edit(project, deletion, forward=False)  # undo the deletion
        assert suggest_service.statement_suggestions(project, indique) == []  # still dismissed
        with sqlite(seed_project) as conn:
            assert conn.execute(
                "SELECT statement_id, stance FROM suggestion_dismissals"
            ).fetchall() == [(indique, "asserts")]


# --- command line -----------------------------------------------------------------------------


def test_cli_jsonl_rows(seed_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli_ok(capsys, "suggest", seed_project, "--article", 1, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 6
    body = article_body(seed_project, 1)
    for row in rows:
        assert list(row) == JSONL_FIELDS
        assert row["stance"] in {"asserts", "denies", "neutral"}
        assert row["confidence"] in {"Certain", "Probable", "Possible", "Unknown"}
        assert 0 < row["score"] <= 1
        assert row["evidence"] and all(list(e) == ["text", "start", "end"] for e in row["evidence"])
        assert all(body[e["start"] : e["end"]] == e["text"] for e in row["evidence"])
    status, out, err = cli(capsys, "suggest", seed_project, "--format", "jsonl", "--apply")
    assert status == 0 and len(out.splitlines()) == 6
    assert all(json.loads(line) for line in out.splitlines())  # the summary went to stderr
    assert err.startswith("applied: 6 created")


def test_cli_refuses_an_unknown_article(seed_project: Path, capsys: pytest.CaptureFixture[str]):
    status, out, err = cli(capsys, "suggest", seed_project, "--article", 99)
    assert (status, out) == (1, "")
    assert err == "sourcetrack: no article with id 99\n"


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
        assert results[language]["source"].f1 >= 0.95, language
        assert results[language]["stance"].f1 >= 0.9, language
        assert results[language]["confidence"].f1 >= 0.9, language
