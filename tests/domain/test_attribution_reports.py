"""Attribution patterns of wire reports found on fresh dev articles, each in French and English.

Each rule here is a pattern of the language of reports, not of one article: a denial that says
the claim does not match reality; "nothing of the kind" in the speaker's own words; referring
every question elsewhere; answering; a title followed by its holder's name; a lawmaker briefed
by an agency; an ombudsman referred back to; a person named in full once and by surname after;
"several governments" as new speakers; and the complement of ", said" that is not an inverted
subject.
"""

from __future__ import annotations

import pytest

from domain.test_attribution_classes import (
    KREMLIN_D,
    KYIV_P,
    SEOUL_P,
    Triples,
    check,
    per_statement,
    suggest,
)

KREMLIN_P = {("Kremlin", "asserts", "Probable")}
KREMLIN_N = {("Kremlin", "neutral", "Unknown")}
KYIV_N = {("Kyiv", "neutral", "Unknown")}
SEOUL_POSSIBLE = {("Seoul", "asserts", "Possible")}
NOBODY: Triples = set()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "« Ces chiffres ne correspondent pas à la réalité », a déclaré Dmitri Peskov."),
        ("fr", "Pour Sergueï Lavrov, ces récits n'ont rien à voir avec la réalité."),
        ("en", '"These reports do not correspond to reality," Dmitry Peskov said.'),
        ("en", "Maria Zakharova said the claims had nothing to do with the truth."),
    ],
)
def test_a_claim_said_not_to_match_reality_is_denied(language: str, text: str) -> None:
    check(text, language, [KREMLIN_D])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "« Aucun soldat nord-coréen n'a été envoyé au front », a dit Dmitri Peskov.",
            KREMLIN_D,
        ),
        (
            "en",
            '"There are no foreign troops on our soil," Dmitry Peskov told reporters.',
            KREMLIN_D,
        ),
        ("en", '"No shells were ever delivered," Maria Zakharova said.', KREMLIN_D),
        # Reported rather than quoted, an absence is a claim like any other.
        ("en", "The Russian defence ministry said there were no casualties.", KREMLIN_P),
        ("fr", "Le Kremlin a indiqué qu'aucun blessé n'était à déplorer.", KREMLIN_P),
    ],
)
def test_nothing_of_the_kind_in_the_speaker_s_own_words_denies(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Dmitri Peskov a renvoyé toutes les questions vers le ministère de la Défense."),
        ("en", "Dmitry Peskov referred all questions to the defence ministry."),
    ],
)
def test_referring_every_question_elsewhere_is_neutral(language: str, text: str) -> None:
    check(text, language, [KREMLIN_N])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Dmitri Peskov a répondu qu'il n'avait « rien à ajouter ».", KREMLIN_N),
        ("fr", "Le GUR a avancé que les dégâts étaient importants.", KYIV_P),
        ("en", "Dmitry Peskov replied that the talks were going well.", KREMLIN_P),
        ("en", "The SBU responded that the suspects had confessed.", KYIV_P),
    ],
)
def test_answering_reports_a_claim(language: str, text: str, expected: Triples) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a publié son rapport. « C'est une pure invention de Séoul », a déclaré la "
            "porte-parole du ministère, Maria Zakharova, lors d'un point de presse.",
        ),
        (
            "en",
            'The NIS published its report. "It is a fabrication made in Seoul," said the '
            "ministry's spokeswoman, Maria Zakharova, at a briefing.",
        ),
    ],
)
def test_a_title_followed_by_its_holder_s_name_is_the_holder_s(language: str, text: str) -> None:
    check(text, language, [SEOUL_P, KREMLIN_D])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a indiqué que les livraisons avaient repris. Les obus auraient transité par "
            "Rajin, a précisé devant la presse le député Choi Min-ho, membre de la commission.",
        ),
        (
            "en",
            "The NIS said deliveries had resumed. The shells may have gone through Rajin, said at a "
            "news conference the lawmaker Choi Min-ho, a committee member.",
        ),
    ],
)
def test_an_inverted_subject_after_where_it_was_said_is_found(language: str, text: str) -> None:
    check(text, language, [SEOUL_P, SEOUL_POSSIBLE])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le député Kim Tae-ho, qui a été informé par le NIS, a dit que Pyongyang pourrait "
            "envoyer des ouvriers.",
        ),
        (
            "en",
            "Rep. Kim Tae-ho of the defense committee, who was briefed by the NIS, said "
            "Pyongyang might send workers.",
        ),
    ],
)
def test_a_lawmaker_briefed_by_an_agency_relays_it(language: str, text: str) -> None:
    check(text, language, [SEOUL_POSSIBLE])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le Kremlin a nié. Les enfants ont été déportés, a déclaré le médiateur ukrainien, "
            "Mykola Rudenko. D'après le médiateur, ils sont 700.",
        ),
        (
            "en",
            "The Kremlin denied it. The children were deported, said Ukraine's ombudsman, "
            "Mykola Rudenko. According to the ombudsman, there are 700 of them.",
        ),
    ],
)
def test_an_ombudsman_is_referred_back_to(language: str, text: str) -> None:
    check(text, language, [{("Kremlin", "denies", "Certain")}, KYIV_P, KYIV_P])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Un porte-parole de la marine ukrainienne, Ivan Tkatchenko, a démenti toute "
            "livraison d'armes. « Ce terminal ne sert qu'au grain », a ajouté Tkatchenko.",
            [{("Kyiv", "denies", "Certain")}, KYIV_P],
        ),
        (
            "en",
            "A spokesman for the Ukrainian navy, Ivan Tkachenko, denied any arms deliveries. "
            'The port was closed on Monday. "It handles grain only," Tkachenko said.',
            [{("Kyiv", "denies", "Certain")}, NOBODY, KYIV_P],
        ),
    ],
)
def test_a_person_named_in_full_once_is_known_by_surname_after(
    language: str, text: str, expected: list[Triples]
) -> None:
    check(text, language, expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Maria Zakharova a dénoncé une provocation. Plusieurs gouvernements européens ont "
            "signalé des incidents semblables.",
        ),
        (
            "en",
            "Maria Zakharova said it was a provocation. Several European governments have "
            "reported similar incidents.",
        ),
    ],
)
def test_several_governments_are_new_speakers_not_the_last_one(language: str, text: str) -> None:
    assert per_statement(suggest(text, language), 2)[1] == NOBODY


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The NIS, which watches the North, said Pyongyang might send workers.",
            SEOUL_POSSIBLE,
        ),
        ("en", "The SBU, citing intercepts, said Moscow had planned the fires.", KYIV_P),
        (
            "fr",
            "Le SBU, citant des écoutes, a dit que Moscou avait planifié les incendies.",
            KYIV_P,
        ),
    ],
)
def test_a_name_after_said_with_its_own_verb_is_the_complement_s_subject(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Une source au sein du SBU, citée par plusieurs médias ukrainiens, a avancé que les "
            "dégâts pourraient être importants.",
        ),
        (
            "en",
            "A source in the SBU, cited by several Ukrainian media outlets, said the damage could "
            "be much greater.",
        ),
    ],
)
def test_who_cites_a_speaker_is_not_the_speaker(language: str, text: str) -> None:
    check(text, language, [{("Kyiv", "asserts", "Possible")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Dmitri Peskov s'est contenté de dire que la coopération se développait."),
        ("en", "Dmitry Peskov limited himself to saying that cooperation was developing."),
    ],
)
def test_saying_no_more_than_a_formula_is_neutral(language: str, text: str) -> None:
    check(text, language, [KREMLIN_N])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a indiqué que les soldats étaient partis. Andreï Volkov a balayé ces "
            "informations. Le vice-ministre a accusé Séoul de mentir.",
        ),
        (
            "en",
            "The NIS said the soldiers had left. Andrei Volkov dismissed the reports. The deputy "
            "minister accused Seoul of lying.",
        ),
    ],
)
def test_a_title_after_a_stranger_speaks_is_the_stranger_s(language: str, text: str) -> None:
    check(text, language, [SEOUL_P, NOBODY, NOBODY])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Maria Zakharova, the ministry spokeswoman, dismissed the Ukrainian findings as theatre.",
            KREMLIN_D,
        ),
        (
            "fr",
            "Maria Zakharova, la porte-parole du ministère, a rejeté les conclusions ukrainiennes.",
            KREMLIN_D,
        ),
        ("fr", "« C'est faux », a démenti le ministère russe de la Défense.", KREMLIN_D),
        ("en", '"That is false," denied the Russian defence ministry.', KREMLIN_D),
    ],
)
def test_a_denial_verb_after_an_apposition_has_its_object_after_it(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le ministre Kim, qui revenait de Kiev, a dit que Pyongyang pourrait envoyer des "
            "troupes, a précisé le NIS.",
            {("Seoul", "asserts", "Possible")},
        ),
        (
            "en",
            "The NIS said the troops had moved, a claim that may be hard to verify.",
            SEOUL_P,
        ),
    ],
)
def test_a_hedge_after_a_french_auxiliary_is_not_in_a_relative_clause(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le SBU a annoncé avoir arrêté quatre personnes soupçonnées d'incendie.", KYIV_P),
        ("en", "The SBU said it had detained four people suspected of arson.", KYIV_P),
        ("fr", "Le SBU affirme que Moscou est soupçonné d'avoir recruté les incendiaires.", None),
        ("en", "The SBU said Moscow was suspected of recruiting the arsonists.", None),
    ],
)
def test_the_suspects_are_not_a_hedge_but_a_suspicion_is(
    language: str, text: str, expected: Triples | None
) -> None:
    check(text, language, [expected or {("Kyiv", "asserts", "Possible")}])
