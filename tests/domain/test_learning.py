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
