"""Attribution on real reports, class by class, each in French and English.

The classes of issue #16: offices and people speaking for a capital; reported speech that runs
on; first person inside quotations; stance carried by content; speakers the project does not
track (no suggestion rather than a wrong one); two sources in one sentence. The project's
sources are the defaults with what the knowledge base knows of them, as the application
builds them.
"""

from __future__ import annotations

import pytest
from benchmarks.gold import project_sources

from app.domain.aliases import SourceAliases
from app.domain.suggest import Proposal, StatementRef, suggest_article
from app.services.importing import ArticleMeta, draft_from_text

Triples = set[tuple[str, str, str]]


def suggest(text: str, language: str, sources: list[SourceAliases] | None = None):
    draft = draft_from_text("Titre\n\n" + text, ArticleMeta(language=language))
    refs = [StatementRef(i, s.start, s.end) for i, s in enumerate(draft.spans)]
    proposals = suggest_article(draft.body, refs, sources or project_sources(), language)
    for p in proposals:  # evidence stays exact
        assert all(draft.body[e.start : e.end] == e.text for e in p.evidence)
    return proposals


def per_statement(proposals: list[Proposal], count: int) -> list[Triples]:
    found: list[Triples] = [set() for _ in range(count)]
    for p in proposals:
        found[p.key].add((p.source, p.stance.value, p.certainty.label))
    return found


def check(text: str, language: str, expected: list[Triples]) -> None:
    assert per_statement(suggest(text, language), len(expected)) == expected


SEOUL_P = {("Seoul", "asserts", "Probable")}
KYIV_P = {("Kyiv", "asserts", "Probable")}
KREMLIN_D = {("Kremlin", "denies", "Certain")}

# --- offices and people instead of capitals ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le NIS a indiqué que les soldats étaient en Russie.", [SEOUL_P]),
        ("en", "The NIS said the soldiers were in Russia.", [SEOUL_P]),
        ("fr", "Le GUR affirme que des obus ont été livrés.", [KYIV_P]),
        ("en", "HUR said shells had been delivered.", [KYIV_P]),
        ("fr", "Le SBU a annoncé l'arrestation de deux agents.", [KYIV_P]),
        ("en", "Kyrylo Budanov told reporters the units had moved.", [KYIV_P]),
        ("fr", "Sergueï Lavrov a démenti ces informations.", [KREMLIN_D]),
        ("en", "Maria Zakharova denied the reports.", [KREMLIN_D]),
    ],
)
def test_offices_acronyms_and_office_holders_speak_for_their_capital(
    language: str, text: str, expected: list[Triples]
) -> None:
    check(text, language, expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le renseignement militaire ukrainien a publié un bilan. "
            "Le chef du renseignement militaire a assuré que 3.000 soldats étaient tombés.",
        ),
        (
            "en",
            "Ukraine's military intelligence published a toll. "
            "The spy agency said 3,000 soldiers had fallen.",
        ),
    ],
)
def test_a_title_refers_back_to_the_office_named_before(language: str, text: str) -> None:
    check(text, language, [KYIV_P, KYIV_P])


def test_a_title_takes_the_source_of_the_place_the_sentence_opens_with() -> None:
    check(
        "À Séoul, le ministère des Affaires étrangères a déclaré qu'il suivait la situation.",
        "fr",
        [SEOUL_P],
    )
    check("In Kyiv, the foreign ministry said it was following the situation.", "en", [KYIV_P])


# --- reported speech that runs on ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a affirmé mardi que 300 soldats avaient été tués.\n\n"
            "Selon lui, les unités manquent de formation.\n\n"
            "Il a ajouté que d'autres troupes arrivaient.",
        ),
        (
            "en",
            "The NIS said on Tuesday that 300 soldiers had been killed.\n\n"
            "According to him, the units lack training.\n\n"
            "It added that more troops were arriving.",
        ),
    ],
)
def test_reported_speech_runs_on_across_sentences_and_paragraphs(language: str, text: str) -> None:
    check(text, language, [SEOUL_P, SEOUL_P, SEOUL_P])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "« Les troupes sont à Koursk », a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
        ),
        ("en", '"The troops are in Kursk," Kremlin spokesman Dmitry Peskov told reporters.'),
    ],
)
def test_the_speaker_named_after_a_quotation_says_it(language: str, text: str) -> None:
    check(text, language, [{("Kremlin", "asserts", "Probable")}])


def test_reported_speech_runs_on_in_the_conditional_with_a_pronoun_subject() -> None:
    found = per_statement(
        suggest(
            "Le GUR a affirmé que les unités avaient été retirées du front.\n\n"
            "Elles pourraient y revenir d'ici quelques semaines.\n\n"
            "Ces renforts s'ajouteraient aux 11.000 soldats déjà déployés.",
            "fr",
        ),
        3,
    )
    assert found == [KYIV_P, {("Kyiv", "asserts", "Possible")}, set()]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "« Les troupes sont à Koursk. » Dmitri Peskov l'a affirmé mardi."),
        ("en", '"The troops are in Kursk." Dmitry Peskov said so on Tuesday.'),
    ],
)
def test_a_quotation_alone_is_the_next_sentence_s_speaker_s(language: str, text: str) -> None:
    found = per_statement(suggest(text, language), 2)
    assert found[0] == {("Kremlin", "asserts", "Probable")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Dmitri Peskov a affirmé que les troupes s'entraînaient. « Elles sont à Koursk. »"),
        ("en", 'Dmitry Peskov said the troops were training. "They are in Kursk."'),
    ],
)
def test_a_quotation_alone_after_a_speaker_is_theirs(language: str, text: str) -> None:
    found = per_statement(suggest(text, language), 2)
    assert found[1] == {("Kremlin", "asserts", "Probable")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le ministère ukrainien de la Défense a annoncé la frappe. "
            "Un pont a été détruit en 2023. "
            "La ville compte 40.000 habitants.",
        ),
        (
            "en",
            "Ukraine's defence ministry announced the strike. "
            "A bridge was destroyed in 2023. "
            "The town has 40,000 inhabitants.",
        ),
    ],
)
def test_an_unattributed_factual_sentence_is_nobody_s(language: str, text: str) -> None:
    check(text, language, [KYIV_P, set(), set()])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le NIS a affirmé que les soldats étaient en Russie. "
            "Le Kremlin a démenti. Il a ajouté que ces accusations visaient Moscou.",
        ),
        (
            "en",
            "The NIS said the soldiers were in Russia. "
            "The Kremlin denied it. It added that the accusations targeted Moscow.",
        ),
    ],
)
def test_a_new_speaker_ends_the_one_before(language: str, text: str) -> None:
    found = per_statement(suggest(text, language), 3)
    assert found[0] == SEOUL_P
    assert found[2] == {("Kremlin", "asserts", "Probable")}


# --- first person inside quotations -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "« Nous pensons que Moscou a livré des missiles », a déclaré le ministre ukrainien "
            "des Affaires étrangères.",
            KYIV_P,
        ),
        (
            "en",
            '"We believe Moscow has delivered missiles," Ukraine\'s foreign minister said.',
            KYIV_P,
        ),
        (
            "fr",
            "« Nous n'avons jamais envoyé de soldats », a assuré Dmitri Peskov.",
            KREMLIN_D,
        ),
        ("en", '"We have never sent soldiers there," Dmitry Peskov said.', KREMLIN_D),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


# --- stance carried by content ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le porte-parole du Kremlin a qualifié ces informations de « pure invention ».",
            KREMLIN_D,
        ),
        ("fr", "« Ces vidéos ne prouvent rien », a déclaré Dmitri Peskov.", KREMLIN_D),
        ("en", 'Moscow said there was "no evidence" of any deployment.', KREMLIN_D),
        (
            "en",
            "The Kremlin flatly dismissed the reports as fabrication.",
            KREMLIN_D,
        ),
        (
            "fr",
            "« Nous ne ferons aucun commentaire », a indiqué le Kremlin.",
            {("Kremlin", "neutral", "Unknown")},
        ),
        (
            "en",
            "Moscow did not respond to a request for comment.",
            {("Kremlin", "neutral", "Unknown")},
        ),
        (
            "fr",
            "Le ministère russe de la Défense n'a pas répondu aux questions de l'AFP.",
            {("Kremlin", "neutral", "Unknown")},
        ),
        (
            "en",
            'Peskov said he had "nothing to add" and referred reporters to the defence ministry.',
            {("Kremlin", "neutral", "Unknown")},
        ),
    ],
)
def test_stance_carried_by_what_is_said(language: str, text: str, expected: Triples) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Kiev affirme que les soldats sont arrivés, ce que dément Moscou."),
        ("en", "Kyiv says the soldiers have arrived, a claim Moscow denies."),
    ],
)
def test_a_reported_denial_inside_an_assertion_keeps_both(language: str, text: str) -> None:
    check(text, language, [KYIV_P | KREMLIN_D])


# --- speakers the project does not track --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The U.S. State Department said Moscow had received the missiles."),
        ("fr", "Le département d'État américain a affirmé que Moscou avait reçu les missiles."),
        ("en", "The Pentagon said North Korean troops were fighting for Russia."),
        ("fr", "Le Pentagone a estimé que les soldats combattaient pour la Russie."),
        ("en", "NATO chief Mark Rutte said Russia was paying Pyongyang with technology."),
        ("fr", "Selon l'OTAN, la Russie paierait Pyongyang en technologies."),
        ("en", "Britain's defence ministry said Russia had likely lost 1,000 men near Kyiv."),
        ("fr", "Des responsables occidentaux ont affirmé que Moscou préparait une offensive."),
        ("en", "Western officials said Kyiv was running short of shells."),
        ("fr", "Washington accuse Moscou de livrer des armes à Pyongyang."),
    ],
)
def test_a_speaker_the_project_does_not_track_gets_no_suggestion(language: str, text: str) -> None:
    check(text, language, [set()])


def test_a_project_that_tracks_washington_gets_it() -> None:
    sources = project_sources(["Washington", "Kremlin"])
    found = per_statement(suggest("The Pentagon said the troops were in Kursk.", "en", sources), 1)
    assert found == [{("Washington", "asserts", "Probable")}]


# --- two sources in one sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Des responsables ukrainiens et sud-coréens ont affirmé que les drones venaient "
            "de Russie.",
        ),
        ("en", "Ukrainian and South Korean officials say the drones came from Russia."),
    ],
)
def test_two_sources_joined_in_one_subject_are_both(language: str, text: str) -> None:
    check(text, language, [KYIV_P | SEOUL_P])


def test_the_two_sides_are_the_two_sources_named() -> None:
    check(
        "L'Ukraine et la Russie ont échangé 95 prisonniers, ont annoncé les autorités "
        "des deux pays.",
        "fr",
        [KYIV_P | {("Kremlin", "asserts", "Probable")}],
    )
    check(
        "Ukraine and Russia swapped 95 prisoners, officials from both countries said.",
        "en",
        [KYIV_P | {("Kremlin", "asserts", "Probable")}],
    )


# --- where a suggestion came from ---------------------------------------------------------


def test_evidence_names_the_alias_and_the_rule() -> None:
    (proposal,) = suggest("Kyrylo Budanov told reporters the units had moved.", "en")
    rules = {e.text: e.rule for e in proposal.evidence}
    assert rules["Kyrylo Budanov"] == "alias (knowledge base)"
    assert rules["told"] == "reporting verb"
    quoted = suggest("« Nous n'avons rien à ajouter », a déclaré le Kremlin.", "fr")
    assert {e.rule for e in quoted[0].evidence} >= {"the quotation's speaker", "alias"}


# --- places, outlets, withheld reports ----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Une raffinerie de la région de Saratov a été touchée, a annoncé le gouverneur "
            "régional.",
            {("Kremlin", "asserts", "Probable")},
        ),
        (
            "en",
            "A missile hit the port of Odesa overnight, local authorities said.",
            KYIV_P,
        ),
    ],
)
def test_an_unnamed_office_speaks_for_the_country_of_its_place(
    language: str, text: str, expected: Triples
) -> None:
    check(text, language, [expected])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Kyiv Independent reported that the strike hit a refinery."),
        ("en", "The Moscow Times reported that officials were alarmed."),
        ("fr", "Le Kyiv Independent a affirmé que la frappe avait touché une raffinerie."),
        ("fr", "D'après le quotidien Kommersant, le Kremlin envisagerait un remaniement."),
    ],
)
def test_an_outlet_named_after_a_capital_is_not_that_capital(language: str, text: str) -> None:
    check(text, language, [set()])


def test_a_quoting_outlet_passes_the_words_to_the_one_it_quotes() -> None:
    check(
        "TASS quoted the Russian defence ministry as saying that 40 drones had been destroyed.",
        "en",
        [{("Kremlin", "asserts", "Probable")}],
    )
    check(
        "Selon l'agence TASS, citant le ministère russe de la Défense, 40 drones ont été abattus.",
        "fr",
        [{("Kremlin", "asserts", "Probable")}],
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Kiev n'a pas officiellement revendiqué l'attaque."),
        ("en", "Kyiv did not say whether its forces were involved."),
    ],
)
def test_a_withheld_report_is_neutral(language: str, text: str) -> None:
    check(text, language, [{("Kyiv", "neutral", "Unknown")}])
