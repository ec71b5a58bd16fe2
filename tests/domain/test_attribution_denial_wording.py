"""Denials worded without a verb of denial, and declining worded without "no comment", each in
French and English: a counter-claim of what really happened; the claim called the other side's
way of shifting the blame, a stunt, theatre or a fiction; nothing recorded where something was
claimed; a link said not to exist; an event called staged, routine or slight; playing a claim
down; taking note, not having seen the report, never commenting. A claim made while a question
is declined stands; a denial by someone unnamed is Possible, as their claims are."""

from __future__ import annotations

import pytest

from tests.domain.test_attribution_wire_patterns import check

KYIV_DENIES_P = {("Kyiv", "denies", "Probable")}
KYIV_DENIES_C = {("Kyiv", "denies", "Certain")}
SEOUL_DENIES_P = {("Seoul", "denies", "Probable")}
SEOUL_DENIES_C = {("Seoul", "denies", "Certain")}
KYIV_P = {("Kyiv", "asserts", "Probable")}
GREECE_TURKEY = ["Athens", "Ankara"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Ces images datent en réalité de l'été 2023, a assuré l'état-major ukrainien."),
        ("en", "The strike in fact hit an empty warehouse, the Ukrainian military said."),
    ],
)
def test_a_counter_claim_denies(language: str, text: str) -> None:
    check(text, language, [KYIV_DENIES_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Selon Maria Zakharova, Kiev cherche à rejeter la responsabilité de ses propres "
            "échecs.",
        ),
        ("en", "According to Maria Zakharova, Kyiv is trying to shift the blame for its failures."),
    ],
)
def test_the_claim_called_a_way_to_shift_the_blame_is_the_speakers_denial(
    language: str, text: str
) -> None:
    check(text, language, [{("Kremlin", "denies", "Probable")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le ministère sud-coréen de la Défense a déclaré n'avoir enregistré aucune "
            "incursion dans son espace aérien.",
        ),
        (
            "en",
            "South Korea's defence ministry said it had recorded no incursion into its airspace.",
        ),
    ],
)
def test_nothing_recorded_where_something_was_claimed_denies(language: str, text: str) -> None:
    check(text, language, [SEOUL_DENIES_P])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Séoul a affirmé que l'homme n'avait aucun lien avec ses services de renseignement.",
            SEOUL_DENIES_C,
        ),
        (
            "en",
            'Seoul said the man had "no connection whatsoever" with its intelligence services.',
            SEOUL_DENIES_C,
        ),
        ("fr", "Kiev a affirmé que ces attaques étaient une mise en scène.", KYIV_DENIES_C),
        ("en", "Kyiv said the attacks had been staged.", KYIV_DENIES_C),
    ],
)
def test_a_link_said_not_to_exist_or_an_event_called_staged_denies(
    language: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Un responsable sud-coréen, s'exprimant sous couvert d'anonymat, a démenti tout lien "
            "avec l'affaire.",
        ),
        (
            "en",
            "A senior South Korean official, speaking on condition of anonymity, denied any "
            "link to the case.",
        ),
    ],
)
def test_a_denial_by_someone_unnamed_is_possible(language: str, text: str) -> None:
    check(text, language, [{("Seoul", "denies", "Possible")}])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Dmitri Peskov a affirmé que l'offensive progressait, mais n'a pas voulu commenter "
            "son calendrier.",
            {("Kremlin", "asserts", "Probable")},
        ),
        (
            "en",
            "Kremlin spokesman Dmitry Peskov said the offensive was making progress, but would "
            "not be drawn on its timing.",
            {("Kremlin", "asserts", "Probable")},
        ),
        (
            "fr",
            "L'état-major sud-coréen a indiqué qu'il suivait la situation de près.",
            {("Seoul", "neutral", "Unknown")},
        ),
        (
            "en",
            "South Korea's Joint Chiefs of Staff said it was closely monitoring the border.",
            {("Seoul", "neutral", "Unknown")},
        ),
    ],
)
def test_a_claim_made_then_a_question_declined_asserts_watching_commits_to_nothing(
    language: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        ("fr", "Moscou a minimisé ces informations.", None, {("Kremlin", "denies", "Probable")}),
        (
            "en",
            "Ankara played down the reports of air violations.",
            GREECE_TURKEY,
            {("Ankara", "denies", "Probable")},
        ),
        (
            "fr",
            "Le ministère russe de la Défense a livré une tout autre version.",
            None,
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "en",
            "Turkey's defence ministry gave a very different account.",
            GREECE_TURKEY,
            {("Ankara", "denies", "Probable")},
        ),
        (
            "fr",
            "Le ministère russe de la Défense a affirmé n'avoir frappé que des cibles militaires.",
            None,
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "en",
            "Only military targets were hit, the Russian defence ministry said.",
            None,
            {("Kremlin", "denies", "Probable")},
        ),
    ],
)
def test_playing_down_another_account_and_only_military_targets_deny(
    language: str, text: str, names: list[str] | None, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected], names)


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "fr",
            "« Rien de tel ne s'est produit », a déclaré le porte-parole du ministère turc de la "
            "Défense.",
            GREECE_TURKEY,
            {("Ankara", "denies", "Certain")},
        ),
        (
            "en",
            '"No such thing happened," a Turkish defence ministry spokesman said.',
            GREECE_TURKEY,
            {("Ankara", "denies", "Certain")},
        ),
        (
            "fr",
            "Maria Zakharova a qualifié le récit ukrainien de « coup monté ».",
            None,
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            'Maria Zakharova called the Ukrainian account "a stunt".',
            None,
            {("Kremlin", "denies", "Certain")},
        ),
    ],
)
def test_no_such_thing_and_a_stunt_deny(
    language: str, text: str, names: list[str] | None, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected], names)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Dmitri Peskov a dit qu'il ne souhaitait pas commenter ce rapport."),
        ("en", 'Dmitry Peskov said he "would not like to comment" on the report.'),
        ("fr", "Dmitri Peskov a dit ne pas avoir vu le rapport."),
        ("en", "Dmitry Peskov said he had not seen the report."),
        ("fr", "Dmitri Peskov a dit que ce n'était pas une question pour le Kremlin."),
        ("en", 'Dmitry Peskov said it was "not a topic for the Kremlin".'),
    ],
)
def test_not_wishing_to_comment_or_not_having_seen_the_report_is_neutral(
    language: str, text: str
) -> None:
    check(text, language, [{("Kremlin", "neutral", "Unknown")}])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le gouverneur de la région de Koursk a écrit que des débris avaient brisé quelques "
            "vitres et qu'il n'y avait « rien de grave ».",
        ),
        (
            "en",
            "The governor of Kursk region wrote that debris had broken a few windows and that "
            'there was "nothing serious" to report.',
        ),
        (
            "fr",
            "Dmitri Peskov a qualifié ces contacts de « travail de routine » entre alliés.",
        ),
        (
            "en",
            'Dmitry Peskov described the contacts as "normal, routine work between allies".',
        ),
    ],
)
def test_nothing_serious_and_routine_play_the_claim_down(language: str, text: str) -> None:
    check(text, language, [{("Kremlin", "denies", "Probable")}])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "« Il n'existe aucune base de ce genre dans ce bâtiment », a déclaré le porte-parole "
            "de l'armée ukrainienne.",
            {("Kyiv", "denies", "Certain")},
        ),
        (
            "en",
            '"There is no such base in that building," a Ukrainian army spokesman said.',
            {("Kyiv", "denies", "Certain")},
        ),
        (
            "fr",
            "Maria Zakharova a qualifié l'évaluation du NIS de « pure fiction ».",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            'Maria Zakharova called the NIS assessment "a fiction composed to order".',
            {("Kremlin", "denies", "Certain")},
        ),
    ],
)
def test_no_such_thing_exists_and_a_fiction_deny(
    language: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "fr",
            "L'Arabie saoudite a affirmé que ses défenses avaient intercepté tous les drones et "
            "que le site fonctionnait normalement.",
            ["Riyadh", "Sanaa"],
            [{("Riyadh", "denies", "Probable")}],
        ),
        (
            "en",
            "Saudi Arabia said its air defences had intercepted every drone and that the "
            "facility was operating normally.",
            ["Riyadh", "Sanaa"],
            [{("Riyadh", "denies", "Probable")}],
        ),
        (
            "fr",
            "Le ministère saoudien de la Défense a affirmé qu'il s'agissait d'images recyclées.",
            ["Riyadh", "Sanaa"],
            [{("Riyadh", "denies", "Certain")}],
        ),
        (
            "en",
            "The Saudi defence ministry said the pictures were recycled from an old fire.",
            ["Riyadh", "Sanaa"],
            [{("Riyadh", "denies", "Certain")}],
        ),
    ],
)
def test_operating_normally_and_recycled_pictures_deny(
    language: str, text: str, names: list[str], expected: list[set[tuple[str, str, str]]]
) -> None:
    check(text, language, expected, names)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a affirmé que la Corée du Nord avait reçu une aide russe, une affirmation que "
            "Moscou a qualifiée de tentative d'« empoisonner l'atmosphère ».",
        ),
        (
            "en",
            "The NIS said North Korea had received Russian help, a claim Moscow has called an "
            'attempt to "poison the atmosphere".',
        ),
    ],
)
def test_a_claim_someone_called_an_attempt_is_their_denial(language: str, text: str) -> None:
    check(text, language, [{("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Probable")}])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The NIS said the guns had been loaded at Rason, although Moscow insists that no "
            "North Korean weapons are being used.",
            {("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Certain")},
        ),
        (
            "fr",
            "Le NIS a affirmé que les canons avaient été chargés à Rason, bien que Moscou "
            "maintienne qu'aucune arme nord-coréenne n'est utilisée.",
            {("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            '"There is not, and never was, any military production here," the Ukrainian '
            "regional governor wrote.",
            {("Kyiv", "denies", "Certain")},
        ),
        (
            "en",
            "South Korea's National Intelligence Service told NK News it would not discuss "
            "intelligence matters.",
            {("Seoul", "neutral", "Unknown")},
        ),
    ],
)
def test_insisting_on_nothing_and_whom_it_was_told(
    language: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text", "names", "expected"),
    [
        (
            "fr",
            "Le ministre ukrainien de la Défense a salué « un travail remarquable » des forces, "
            "sans toutefois confirmer le bilan.",
            None,
            {("Kyiv", "asserts", "Probable")},
        ),
        (
            "en",
            "Ukraine's defence minister hailed the forces' \"remarkable work\", without "
            "confirming the toll.",
            None,
            {("Kyiv", "asserts", "Probable")},
        ),
        (
            "fr",
            "« Nos hommes n'ont fait que répondre à une agression », a affirmé le ministère "
            "ukrainien de la Défense.",
            None,
            {("Kyiv", "denies", "Probable")},
        ),
        (
            "en",
            '"Our troops only responded to an attack," the Ukrainian defence ministry said.',
            None,
            {("Kyiv", "denies", "Probable")},
        ),
        (
            "fr",
            "Le ministère russe de la Défense a indiqué qu'une ligne électrique avait été "
            "« légèrement endommagée ».",
            None,
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "en",
            'The Russian defence ministry said a power line had been "slightly damaged".',
            None,
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "fr",
            "« Nous ne frappons pas les infrastructures civiles », a déclaré Maria Zakharova.",
            None,
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            '"We do not strike civilian infrastructure," Maria Zakharova said.',
            None,
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "fr",
            "Un tribunal international a estimé en 2016 que ces revendications n'avaient aucun "
            "fondement juridique, une décision que la Chine rejette.",
            ["Beijing", "Manila"],
            {("Beijing", "denies", "Certain")},
        ),
        (
            "en",
            "An international tribunal ruled in 2016 that the claims had no legal basis, a "
            "ruling which China rejects.",
            ["Beijing", "Manila"],
            {("Beijing", "denies", "Certain")},
        ),
    ],
)
def test_a_claim_without_confirmation_only_answering_slight_damage_a_decision_rejected(
    language: str, text: str, names: list[str] | None, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected], names)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "« Nous avons pris note », a déclaré Dmitri Peskov."),
        ("en", '"We have taken note," Dmitry Peskov said.'),
        ("fr", "« Nous ne savons pas de quel navire il s'agit », a déclaré Dmitri Peskov."),
        ("en", '"We don\'t know what vessel is being discussed," Dmitry Peskov said.'),
        ("fr", "Le Kremlin n'a jamais commenté ce chiffre."),
        ("en", "The Kremlin has never commented on the figure."),
    ],
)
def test_taking_note_not_knowing_and_never_commenting_are_neutral(language: str, text: str) -> None:
    check(text, language, [{("Kremlin", "neutral", "Unknown")}])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le sénateur russe Viktor Bondarev a qualifié l'affirmation ukrainienne de "
            "« mascarade ».",
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "en",
            "Russian senator Viktor Bondarev dismissed the Ukrainian claim as "
            '"a ghoulish piece of theatre".',
            {("Kremlin", "denies", "Certain")},
        ),
        (
            "fr",
            "L'ambassade de Russie a ajouté que le nombre de Nord-Coréens en Russie était "
            "« négligeable ».",
            {("Kremlin", "denies", "Probable")},
        ),
        (
            "en",
            'The Russian embassy added that the number of North Koreans in Russia was "insignificant".',
            {("Kremlin", "denies", "Probable")},
        ),
    ],
)
def test_theatre_and_insignificant_deny_and_the_claim_named_is_no_speaker(
    language: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    check(text, language, [expected])
