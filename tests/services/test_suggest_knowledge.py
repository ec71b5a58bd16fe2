"""The source knowledge base and learning from tags, through the services.

A researcher who adds a source the base knows is offered its aliases (and the suggester uses
them); a statement tagged by hand that names its speaker by a name no alias has offers that
name, adopted with one call, after which the rest of the project is suggested better and the
evidence says the alias was learnt.
"""

from __future__ import annotations

from app.domain.aliases import SourceAliases
from app.domain.knowledge import enrich, parse_knowledge
from app.services import sources as source_service
from app.services import suggest as suggest_service
from app.services import tagging
from app.services.importing import ArticleMeta, import_text
from app.services.project import Project
from app.services.sources import NewSource


def test_the_knowledge_base_ships_and_knows_the_defaults_and_common_sources() -> None:
    base = source_service.knowledge_base()
    for name in ("Seoul", "Kyiv", "Kremlin", "Washington", "NATO", "London", "Paris", "Beijing",
                 "Taipei", "Baku", "Yerevan", "Tehran", "Israel", "Brussels"):  # fmt: skip
        assert base.find(name) is not None, name
    seoul = base.aliases_for("Séoul")
    assert "NIS" in seoul["fr"] and "National Intelligence Service" in seoul["en"]
    assert "Cho Tae-yong" in seoul["en"] and "Cho Tae-yong" in seoul["fr"]  # office holders
    kyiv = base.aliases_for("Ukraine")
    assert {"GUR", "HUR", "SBU"} <= set(kyiv["fr"]) and "Kyrylo Budanov" in kyiv["en"]
    assert "spy agency" in base.titles_for("Seoul")["en"]
    # The speakers a default project does not track, known so as to suggest nothing for them.
    others = {s.name for s in base.others_for(["Seoul", "Kyiv", "Kremlin"])}
    assert {"Washington", "NATO", "London"} <= others
    assert not {"Seoul", "Kyiv", "Kremlin"} & others


def test_an_office_the_project_tracks_on_its_own_keeps_its_words() -> None:
    base = parse_knowledge(
        '{"entries": [{"id": "s", "names": ["Seoul"], "aliases": {"en": ["Seoul"]}},'
        ' {"id": "n", "part_of": "s", "names": ["NIS"], "aliases": {"en": ["NIS", "spy agency"]}}]}'
    )
    assert base.aliases_for("Seoul")["en"] == ("Seoul", "NIS", "spy agency")
    seoul, nis = enrich([SourceAliases("Seoul", {}), SourceAliases("NIS", {}, specific=True)], base)
    assert "spy agency" in nis.aliases["en"] and nis.specific
    assert "spy agency" in seoul.known and base.others_for(["Seoul"]) == []


def test_a_source_the_base_knows_is_offered_its_aliases(project: Project) -> None:
    edit = source_service.add_source(project, NewSource("Washington"))
    offered = source_service.known_aliases(project, edit.source_id)
    assert "Pentagon" in offered["en"] and "Pentagone" in offered["fr"]
    source_service.adopt_known_aliases(project, edit.source_id)
    assert source_service.known_aliases(project, edit.source_id) == {}
    (washington,) = [s for s in source_service.list_sources(project) if s.name == "Washington"]
    assert "State Department" in washington.aliases["en"]


def test_the_suggester_leaves_other_speakers_alone_and_uses_the_base(project: Project) -> None:
    result = import_text(
        project,
        "Frappes\n\nThe Pentagon said Moscow had received the shells. "
        "Kyrylo Budanov said the shells had reached the front.",
        ArticleMeta(language="en"),
    )
    assert result.article_id is not None
    found = suggest_service.suggest(project, article_id=result.article_id)
    assert [(s.source, s.stance.value) for s in found] == [("Kyiv", "asserts")]
    rules = {e.text: e.rule for e in found[0].evidence}
    assert rules["Kyrylo Budanov"] == "alias (knowledge base)"


def statement_ids(project: Project, article_id: int) -> list[int]:
    from app.services import browse

    return [row.id for row, _tags in browse.statements_with_tags(project, article_id)]


def test_a_tag_teaches_the_name_of_its_speaker(project: Project) -> None:
    first = import_text(
        project,
        "Port\n\nNavy spokesman Serhiy Bondar said the mine had been laid by Russian aircraft.",
        ArticleMeta(language="en"),
    )
    later = import_text(
        project,
        "Mines\n\nBondar said a second ship had been hit.",
        ArticleMeta(language="en"),
    )
    assert first.article_id is not None and later.article_id is not None
    (tagged,) = statement_ids(project, first.article_id)
    (untagged,) = statement_ids(project, later.article_id)
    assert suggest_service.statement_suggestions(project, untagged) == []

    tagging.tag_statement(project, tagged, "Kyiv", stance="asserts")
    (offer,) = suggest_service.alias_offers(project, tagged)
    assert (offer.source, offer.language, offer.phrase) == ("Kyiv", "en", "Serhiy Bondar")
    assert suggest_service.statement_suggestions(project, untagged) == []  # nothing silent

    suggest_service.learn_alias(project, offer)
    (suggestion,) = suggest_service.statement_suggestions(project, untagged)
    assert (suggestion.source, suggestion.stance.value) == ("Kyiv", "asserts")
    assert {e.text: e.rule for e in suggestion.evidence}["Bondar"] == "alias (learnt)"
    assert ("Kyiv", "en", "Serhiy Bondar") in suggest_service.learnt_aliases(project)
    assert suggest_service.alias_offers(project, tagged) == []  # learnt: nothing more to offer


def test_no_offer_without_a_name_or_for_a_statement_its_aliases_explain(project: Project) -> None:
    result = import_text(
        project,
        "Kiev\n\nLe porte-parole a déclaré que la ville était calme. "
        "Le GUR a affirmé que les troupes étaient arrivées.",
        ArticleMeta(language="fr"),
    )
    assert result.article_id is not None
    title_only, named = statement_ids(project, result.article_id)
    tagging.tag_statement(project, title_only, "Kyiv", stance="asserts")
    tagging.tag_statement(project, named, "Kyiv", stance="asserts")
    assert suggest_service.alias_offers(project, title_only) == []
    assert suggest_service.alias_offers(project, named) == []


def test_no_phrase_of_the_knowledge_base_names_two_sources() -> None:
    base = source_service.knowledge_base()
    owners: dict[tuple[str, str], set[str]] = {}
    for entry in base.entries:
        if entry.part_of is None:
            for language, items in base.aliases_for(entry.id).items():
                for alias in items:
                    owners.setdefault((language, alias.casefold()), set()).add(entry.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_a_renamed_default_source_keeps_what_the_base_knows_of_it(project: Project) -> None:
    kremlin = source_service.find_source(project, "Kremlin")
    source_service.rename_source(project, kremlin.id, "Kremlin", "Moscou (Kremlin)")
    result = import_text(
        project,
        "Démenti\n\nLe porte-parole du Kremlin, Dmitri Peskov, a démenti ces informations.",
        ArticleMeta(language="fr"),
    )
    assert result.article_id is not None
    found = suggest_service.suggest(project, article_id=result.article_id)
    assert [(s.source, s.stance.value) for s in found] == [("Moscou (Kremlin)", "denies")]
    assert "Sergueï Lavrov" in source_service.known_aliases(project, kremlin.id)["fr"]
