"""Who speaks, in French and English: an office named for what it fights, and the person who
heads it; the speaker whose verb opens a quotation; "its spokesman", the office that spoke
last; the subject of "what someone described as"; ", writing on Telegram that"; a ministry of
the place a sentence opens with; claims and reports after a determiner, which are nouns;
"the official" who spoke anonymously earlier; a speaker named in the next sentence; the
offices of more governments the knowledge base knows."""

from __future__ import annotations

import pytest

from tests.domain.test_attribution_wire_patterns import check

KYIV_P = {("Kyiv", "asserts", "Probable")}
GREECE_TURKEY = ["Athens", "Ankara"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le Centre de lutte contre la désinformation a affirmé que le dépôt avait été touché.",
        ),
        ("en", "The Center for Countering Disinformation said a fuel depot had been hit."),
        (
            "fr",
            "Andriï Kovalenko, qui dirige le Centre de lutte contre la désinformation, a écrit que "
            "le dépôt avait été touché.",
        ),
        (
            "en",
            "Andriy Kovalenko, who heads the Center for Countering Disinformation, wrote that a "
            "fuel depot had been hit.",
        ),
    ],
)
def test_an_office_named_for_what_it_fights_asserts_and_its_head_speaks_for_it(
    language: str, text: str
) -> None:
    check(text, language, [KYIV_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Séoul avait accusé la Russie d'avoir fourni des missiles au Nord, ce que le Kremlin "
            "avait qualifié de « pure fabrication ».",
        ),
        (
            "en",
            "Seoul's intelligence service said North Korean crews were fighting near "
            'Stepnohirsk, an assertion the Kremlin dismissed as "disinformation."',
        ),
    ],
)
def test_the_quotation_is_the_speaker_whose_verb_opens_it(language: str, text: str) -> None:
    check(text, language, [{("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Certain")}])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "fr",
            "Le porte-parole militaire des Houthis, Yahya Saree, a affirmé que les drones avaient "
            "atteint leurs cibles.",
            ["Riyadh", "Sanaa"],
            "Sanaa",
        ),
        (
            "en",
            "Houthi military spokesman Yahya Saree said the drones had hit their targets.",
            ["Riyadh", "Sanaa"],
            "Sanaa",
        ),
        (
            "fr",
            "Le porte-parole du gouvernement grec, Pavlos Marinakis, a affirmé que le navire était "
            "entré dans les eaux grecques.",
            GREECE_TURKEY,
            "Athens",
        ),
        (
            "en",
            "Greek government spokesman Pavlos Marinakis said the ship had entered Greek waters.",
            GREECE_TURKEY,
            "Athens",
        ),
        (
            "fr",
            "Le porte-parole des talibans, Zabihullah Mujahid, a affirmé que les frappes avaient "
            "tué des civils.",
            ["Islamabad", "Kabul"],
            "Kabul",
        ),
        (
            "en",
            "Taliban spokesman Zabihullah Mujahid said the strikes had killed civilians.",
            ["Islamabad", "Kabul"],
            "Kabul",
        ),
    ],
)
def test_the_knowledge_base_knows_the_offices_of_more_governments(
    language: str, text: str, names: list[str], expected: str
) -> None:
    check(text, language, [{(expected, "asserts", "Probable")}], names)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Maria Zakharova a été plus catégorique, écrivant sur Telegram que ces récits « n'ont "
            "rien à voir avec la réalité ».",
            [{("Kremlin", "denies", "Certain")}],
        ),
        (
            "en",
            "Maria Zakharova was more categorical, writing on Telegram that such talk "
            '"has nothing to do with reality."',
            [{("Kremlin", "denies", "Certain")}],
        ),
        (
            "fr",
            "À Séoul, un porte-parole du ministère de la Défense a indiqué que le ministère ne "
            "pouvait pas encore confirmer ces informations.",
            [{("Seoul", "neutral", "Unknown")}],
        ),
        (
            "en",
            "In Seoul, a Defense Ministry spokesperson said the ministry could not yet confirm "
            "the findings.",
            [{("Seoul", "neutral", "Unknown")}],
        ),
    ],
)
def test_a_participle_of_writing_speaks_and_a_place_names_the_ministry(
    language: str, text: str, expected: list[set[tuple[str, str, str]]]
) -> None:
    check(text, language, expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le ministère ukrainien des Affaires étrangères a dit avoir été informé par Séoul. "
            "« Nos partenaires coréens nous ont dit clairement qu'il n'y aurait pas d'accord », a "
            "déclaré son porte-parole.",
        ),
        (
            "en",
            "Ukraine's foreign ministry said it had been briefed by Seoul. "
            '"Our Korean partners have told us there will be no deals," its spokesman said.',
        ),
    ],
)
def test_its_spokesman_is_the_office_that_spoke_last(language: str, text: str) -> None:
    expected = check_last(text, language)
    assert expected == {"Kyiv"}


def check_last(text: str, language: str) -> set[str]:
    from tests.domain.test_attribution_classes import suggest

    return {p.source for p in suggest(text, language, None) if p.key == 1}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le vice-ministre sud-coréen a rencontré son homologue russe à Moscou, pour ce que le "
            "ministère sud-coréen a décrit comme des discussions « franches ».",
        ),
        (
            "en",
            "South Korea's vice-minister met his Russian counterpart in Moscow for what Seoul's "
            'foreign ministry described as "candid" discussions.',
        ),
    ],
)
def test_the_subject_of_what_someone_described_is_theirs(language: str, text: str) -> None:
    check(text, language, [{("Seoul", "asserts", "Probable")}])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "en",
            'He said the Greek claims were "maximalist" and had "no basis in international law".',
            GREECE_TURKEY,
            set(),
        ),
        (
            "fr",
            "Selon les médias, les affirmations grecques ne reposent sur rien.",
            GREECE_TURKEY,
            set(),
        ),
        (
            "en",
            "Greek media reports said two frigates had come close to each other.",
            GREECE_TURKEY,
            set(),
        ),
    ],
)
def test_claims_and_reports_after_a_determiner_are_nouns(
    language: str, text: str, names: list[str], expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected], names)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Un responsable sud-coréen, s'exprimant sous couvert d'anonymat, a affirmé que les "
            "vols avaient repris. « Le schéma correspond à ce que nous avons vu avant la "
            "précédente rotation », a déclaré le responsable.",
        ),
        (
            "en",
            "A South Korean official, speaking on condition of anonymity, said the flights had "
            'resumed. "The pattern matches what we saw before the last rotation," the official '
            "said.",
        ),
    ],
)
def test_the_official_who_spoke_anonymously_stays_anonymous(language: str, text: str) -> None:
    possible = {("Seoul", "asserts", "Possible")}
    check(text, language, [possible, possible])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Ukrainian troops repelled 14 Russian assaults near Stepnohirsk. This was stated by "
            "Oleksandr Kovalchuk, spokesman for the Southern Defense Forces.",
        ),
    ],
)
def test_the_speaker_named_in_the_next_sentence(language: str, text: str) -> None:
    check(text, language, [{("Kyiv", "asserts", "Probable")}, {("Kyiv", "asserts", "Probable")}])
