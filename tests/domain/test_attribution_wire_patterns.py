"""More of issue #16's classes, as wire reports word them, each in French and English.

Who a participle's subject is; a place an organisation is based in; the evidence a speaker
cites; declining to say in other words; reporting verbs that hedge; denials by what is said;
English verbs whose object follows them; "both governments"; capitals of other conflicts that
the knowledge base knows, and organisations a project does not track.
"""

from __future__ import annotations

import pytest
from benchmarks.gold import project_sources

from tests.domain.test_attribution_classes import Triples, per_statement, suggest

SEOUL_P = {("Seoul", "asserts", "Probable")}
KYIV_P = {("Kyiv", "asserts", "Probable")}
KREMLIN_P = {("Kremlin", "asserts", "Probable")}
NOTHING: Triples = set()


def check(text: str, language: str, expected: list[Triples], names: list[str] | None = None):
    sources = project_sources(names) if names else None
    assert per_statement(suggest(text, language, sources), len(expected)) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "L'Ukraine a frappé des dépôts de munitions en Russie, affirmant qu'il s'agit de "
            "cibles militaires légitimes.",
        ),
        (
            "en",
            "Ukraine has repeatedly targeted depots deep inside Russia, saying they are "
            "legitimate military targets.",
        ),
    ],
)
def test_a_participle_speaks_for_the_subject_of_its_clause(language: str, text: str) -> None:
    check(text, language, [KYIV_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Un institut de recherche basé à Séoul a affirmé que le soldat serait emprisonné."),
        ("en", "A Seoul-based rights group said the soldier would face prison."),
    ],
)
def test_the_place_an_organisation_is_based_in_does_not_speak(language: str, text: str) -> None:
    check(text, language, [NOTHING])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a affirmé que les obus étaient défectueux, citant des plaintes interceptées "
            "d'unités russes.",
        ),
        (
            "en",
            "The NIS said most shells were defective, citing complaints intercepted from Russian "
            "frontline units.",
        ),
    ],
)
def test_the_evidence_a_speaker_cites_is_not_a_second_speaker(language: str, text: str) -> None:
    check(text, language, [SEOUL_P])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le ministère sud-coréen des Affaires étrangères a dit examiner de près ces "
            "informations, sans se prononcer sur l'origine du missile.",
            {("Seoul", "neutral", "Unknown")},
        ),
        (
            "fr",
            "Le député a précisé que le NIS n'avait pas été en mesure de confirmer la présence de "
            "généraux.",
            {("Seoul", "neutral", "Unknown")},
        ),
        (
            "en",
            "Kremlin spokesman Dmitry Peskov told journalists to address their questions to the "
            "Defence Ministry.",
            {("Kremlin", "neutral", "Unknown")},
        ),
        (
            "en",
            "The NIS said it had not been able to verify the reports.",
            {("Seoul", "neutral", "Unknown")},
        ),
        (
            "en",
            '"I will not run ahead of events," Dmitry Peskov said.',
            {("Kremlin", "neutral", "Unknown")},
        ),
    ],
)
def test_declining_to_say_in_other_words_is_neutral(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le NIS croit que le Nord a reçu des équipements de défense aérienne."),
        ("en", "The NIS believes the North has received air defence equipment."),
    ],
)
def test_a_reporting_verb_that_hedges_makes_the_claim_possible(language: str, text: str) -> None:
    check(text, language, [{("Seoul", "asserts", "Possible")}])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Maria Zakharova a assuré que Moscou n'avait rien à voir avec cette attaque.",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            "Maria Zakharova said Moscow had nothing to do with the attack.",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "fr",
            "« Ces chiffres relèvent de la pure fantaisie », a affirmé Dmitri Peskov.",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            '"Not a single fact has been presented to us," Dmitry Peskov said.',
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "fr",
            "Ces accusations sont « totalement fausses », a réagi Maria Zakharova.",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            'Sergei Lavrov repeated that Russia had "no intention of attacking anyone."',
            {("Kremlin", "denies", "Certain")},
        ),
    ],
)
def test_a_denial_carried_by_what_is_said(language: str, text: str, expected: Triples) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Sergueï Lavrov, dans un entretien diffusé dimanche, a accusé Kiev de préparer une "
            "provocation.",
        ),
        (
            "en",
            "Sergei Lavrov, in a rare interview on Sunday, accused Kyiv of preparing a "
            "provocation.",
        ),
    ],
)
def test_the_object_of_an_accusation_is_not_its_speaker(language: str, text: str) -> None:
    check(text, language, [KREMLIN_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Les deux gouvernements affirment rester attachés au dialogue."),
        ("en", "Both governments say they remain committed to the dialogue."),
    ],
)
def test_both_governments_are_the_two_sources(language: str, text: str) -> None:
    both = {("Belgrade", "asserts", "Probable"), ("Pristina", "asserts", "Probable")}
    check(text, language, [both], ["Belgrade", "Pristina"])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "fr",
            "Le président serbe, Aleksandar Vucic, a démenti ces accusations.",
            ["Belgrade", "Pristina"],
            {("Belgrade", "denies", "Certain")},
        ),
        (
            "en",
            "Rwandan government spokeswoman Yolande Makolo denied the accusations.",
            ["Kinshasa", "Kigali"],
            {("Kigali", "denies", "Certain")},
        ),
        (
            "fr",
            "L'Union africaine a appelé à la retenue et proposé sa médiation.",
            ["Addis Ababa", "Asmara"],
            NOTHING,
        ),
        (
            "en",
            "The chairperson of the African Union Commission called for maximum restraint.",
            ["Addis Ababa", "Asmara"],
            NOTHING,
        ),
    ],
)
def test_the_knowledge_base_knows_the_capitals_of_other_conflicts(
    language: str, text: str, names: list[str], expected: Triples
) -> None:
    check(text, language, [expected], names)


def test_a_possessive_title_belongs_to_the_office_that_spoke_last() -> None:
    check(
        "Le porte-parole du Kremlin, Dmitri Peskov, a démenti ces informations. Le GUR a "
        "confirmé les livraisons. Son porte-parole, Andriï Ioussov, a affirmé que les données "
        "concordaient.",
        "fr",
        [{("Kremlin", "denies", "Certain")}, {("Kyiv", "asserts", "Certain")}, KYIV_P],
    )
    check(
        "Kremlin spokesman Dmitry Peskov denied the reports. HUR confirmed the deliveries. Its "
        "spokesman, Andriy Yusov, said the data matched.",
        "en",
        [{("Kremlin", "denies", "Certain")}, {("Kyiv", "asserts", "Certain")}, KYIV_P],
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Aucun navire de la flotte n'a été endommagé, a assuré le ministère russe de la "
            "Défense.",
        ),
        ("en", "None of the fleet's ships were damaged, the Russian Defence Ministry said."),
    ],
)
def test_a_denial_by_content_before_its_reporter_is_the_reporter_s(
    language: str, text: str
) -> None:
    check(text, language, [{("Kremlin", "denies", "Certain")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "La marine ukrainienne a indiqué que ses drones avaient touché un navire."),
        ("en", "Ukraine's Navy said its drones had struck a Russian landing ship."),
    ],
)
def test_an_office_named_with_its_country_reports(language: str, text: str) -> None:
    check(text, language, [KYIV_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "« Je n'ai rien à vous dire », a lâché Dmitri Peskov."),
        ("fr", "Dmitri Peskov a répondu que cela n'était « pas du ressort du Kremlin »."),
        ("en", '"This is a matter for the government," Dmitry Peskov said.'),
        ("en", "Dmitry Peskov said the Kremlin was not aware of any such plans."),
    ],
)
def test_a_question_sent_elsewhere_is_neutral(language: str, text: str) -> None:
    check(text, language, [{("Kremlin", "neutral", "Unknown")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Un officier ukrainien, s'exprimant sous couvert d'anonymat, a affirmé que des "
            "renforts étaient arrivés.",
        ),
        (
            "en",
            "A senior Ukrainian officer, speaking on condition of anonymity, said reinforcements "
            "had arrived.",
        ),
    ],
)
def test_an_anonymous_official_makes_the_claim_possible(language: str, text: str) -> None:
    check(text, language, [{("Kyiv", "asserts", "Possible")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le ministère ukrainien des Affaires étrangères a annoncé que l'Ukraine saisirait le "
            "Conseil de sécurité.",
        ),
        (
            "en",
            "The Ukrainian foreign ministry announced that Ukraine would bring the case to the "
            "Security Council.",
        ),
    ],
)
def test_a_decision_announced_is_not_hedged(language: str, text: str) -> None:
    check(text, language, [KYIV_P])


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Taiwan's government rejects Beijing's sovereignty claims, saying only the island's "
            "people can decide their future.",
            ["Beijing", "Taipei"],
            {("Taipei", "denies", "Certain")},
        ),
        (
            "A clash near a disputed temple left one soldier dead, the Thai army said.",
            ["Bangkok", "Phnom Penh"],
            {("Bangkok", "asserts", "Probable")},
        ),
        (
            'Ukraine\'s foreign ministry spokesman said Moscow\'s denials "are worth nothing."',
            None,
            KYIV_P,
        ),
    ],
)
def test_a_noun_that_looks_like_a_verb_reports_nothing(
    text: str, names: list[str] | None, expected: Triples
) -> None:
    check(text, "en", [expected], names)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "« Seuls des débris sont tombés dans un champ », a écrit le ministère russe de la "
            "Défense.",
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "en",
            '"Our forces strike only military targets," the Russian Defence Ministry said.',
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "fr",
            "Maria Zakharova a dénoncé une « provocation montée de toutes pièces ».",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            'Maria Zakharova said the allegations were "a staged provocation."',
            {("Kremlin", "denies", "Certain")},
        ),
    ],
)
def test_playing_down_or_calling_it_a_provocation_denies(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "À Moscou, la porte-parole de la diplomatie, Maria Zakharova, a qualifié les "
            "accusations ukrainiennes de « propagande ».",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            "South Korea's foreign ministry said it was not in a position to assess the "
            "allegations.",
            {("Seoul", "neutral", "Unknown")},
        ),
        (
            "fr",
            "« Nous ne commentons pas ce genre de publications », s'est contenté de déclarer "
            "Dmitri Peskov.",
            {("Kremlin", "neutral", "Unknown")},
        ),
    ],
)
def test_a_name_in_apposition_is_the_subject_and_other_refusals(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])
