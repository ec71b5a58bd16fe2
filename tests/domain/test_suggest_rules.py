"""Suggestion rules: who says a statement, how, and how firmly: cues, aliases, continuations, scales."""

from __future__ import annotations

import unicodedata

import pytest
from benchmarks.gold import default_sources

from app.domain.aliases import AliasMatcher, SourceAliases, fold
from app.domain.certainty import Certainty, rank_on_scale
from app.domain.defaults import ADMIRALTY_SCALE, ICD203_SCALE
from app.domain.suggest import Proposal, StatementRef, suggest_article
from app.services.importing import ArticleMeta, draft_from_text

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
