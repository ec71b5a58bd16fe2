"""The phrase a statement names its speaker by, offered as an alias once a person tags it."""

from __future__ import annotations

import pytest

from app.domain.learning import alias_forms, speaker_phrase


@pytest.mark.parametrize(
    ("language", "text", "phrase", "forms"),
    [
        (
            "en",
            "Navy spokesman Captain Serhiy Bondar said the mine had been laid.",
            "Serhiy Bondar",
            ["Serhiy Bondar", "Bondar"],
        ),
        (
            "en",
            "Elnur Mammadli, a foreign policy aide to the president, told AFP the talks had stalled.",
            "Elnur Mammadli",
            ["Elnur Mammadli", "Mammadli"],
        ),
        (
            "en",
            '"This is nonsense," Russian Foreign Ministry Spokeswoman Maria Zakharova said.',
            "Maria Zakharova",
            ["Maria Zakharova", "Zakharova"],
        ),
        (
            "fr",
            "Selon le député Park Min-soo, l'agence estime que 300 soldats ont été tués.",
            "Park Min-soo",
            ["Park Min-soo"],  # a hyphenated given name is not a surname
        ),
        (
            "fr",
            "« Ces allégations sont un mensonge », a déclaré un vice-ministre, Andreï Lebedev.",
            "Andreï Lebedev",
            ["Andreï Lebedev", "Lebedev"],
        ),
    ],
)
def test_a_speaker_s_name_is_found_in_both_languages(
    language: str, text: str, phrase: str, forms: list[str]
) -> None:
    found = speaker_phrase(text, language)
    assert found is not None and found.named and found.text == phrase
    assert text[found.start : found.end] == phrase
    assert alias_forms(found) == forms


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "He said the strike was the third this year."),
        ("fr", "Il a ajouté que les troupes arrivaient."),
        ("fr", "Le porte-parole de la marine a déclaré que le port était calme."),
        ("en", "The troops arrived in Kursk in October."),
    ],
)
def test_a_pronoun_a_title_or_no_cue_offers_no_name(language: str, text: str) -> None:
    found = speaker_phrase(text, language)
    assert found is None or not found.named


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        (
            "en",
            "Rep. Park Sung-jin of the intelligence committee said the troops had moved.",
            "Park Sung-jin",
        ),
        (
            "fr",
            "Les obus ont transité par Rajin, a précisé le député Choi Dong-wan, membre de la commission.",
            "Choi Dong-wan",
        ),
    ],
)
def test_a_lawmaker_s_title_is_not_part_of_the_name(language: str, text: str, phrase: str) -> None:
    found = speaker_phrase(text, language)
    assert found is not None and found.is_name and found.text == phrase


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "A cargo ship struck a sea mine off Ukraine's Black Sea coast on Wednesday, injuring "
            "three crew members, the Ukrainian navy said.",
        ),
        (
            "fr",
            "Un cargo a heurté une mine au large de la Mer Noire mercredi, blessant trois marins, "
            "a indiqué la marine ukrainienne.",
        ),
    ],
)
def test_a_name_in_the_reported_clause_is_not_the_speaker_s(language: str, text: str) -> None:
    found = speaker_phrase(text, language)
    assert found is None or not found.named  # the speaker is a title: nothing to offer


@pytest.mark.parametrize(
    ("language", "taught", "held"),
    [
        (
            "en",
            "Olena Petrenko, who leads the inquiry, said the missile was North Korean.",
            '"We found the engine," Olena Petrenko told reporters.',
        ),
        (
            "fr",
            "Olena Petrenko, qui dirige l'enquête, a déclaré que le missile était nord-coréen.",
            "« Nous avons trouvé le moteur », a affirmé Olena Petrenko.",
        ),
    ],
)
def test_a_name_learnt_on_one_article_finds_the_speaker_on_another(
    language: str, taught: str, held: str
) -> None:
    """The benchmark's learning figure: one half of a project's articles tagged by hand, the
    aliases their tags offer adopted, and the other half suggested with them."""
    from benchmarks.gold import GoldArticle, halves, learn, score

    from app.domain.suggest import StatementRef

    tag = frozenset({("Kyiv", "asserts", "Probable")})
    articles = [
        GoldArticle(name, language, text, (StatementRef(0, 0, len(text)),), (tag,), (text,))
        for name, text in (("a-taught", taught), ("b-held", held))
    ]
    first, second = halves(articles)
    assert [a.name for a in first] == ["a-taught"]
    learnt = learn(first)
    assert learnt[None]["Kyiv"] == [(language, "Olena Petrenko"), (language, "Petrenko")]
    before = score(second)[language]["source"]
    after = score(second, learnt=learnt)[language]["source"]
    assert (before.tp, after.tp) == (0, 1)
