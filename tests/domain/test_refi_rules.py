"""REFI-QDA naming and reading rules: the tags of a span, whatever selections its codings came in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.domain import refi
from app.domain.model import Stance
from app.domain.refi_tags import Coding, ConflictingCodings, Kind, Meaning, read_span

SEOUL, KREMLIN = 1, 2
CERTAIN, POSSIBLE = 11, 13
T1 = datetime(2024, 11, 5, 10, 0, tzinfo=UTC)
T2 = datetime(2024, 11, 7, 9, 30, tzinfo=UTC)


def source(s: int) -> Meaning:
    return Meaning(Kind.SOURCE, source=s)


def stance(value: Stance, s: int | None = None) -> Meaning:
    return Meaning(Kind.STANCE, source=s, stance=value)


def level(value: int, s: int | None = None) -> Meaning:
    return Meaning(Kind.LEVEL, source=s, level=value)


def coding(selection: int, meaning: Meaning, user: str = "ana", when: datetime = T1,
           note: str = "") -> Coding:  # fmt: skip
    return Coding(selection, meaning, user, when, when, note)


def tags(codings: list[Coding]) -> set[tuple[object, ...]]:
    return {
        (t.source, t.user, t.stance, t.level, t.note, t.created, t.modified)
        for t in read_span(codings).tags
    }


def test_one_selection_per_coding_gives_back_two_tags_of_one_span() -> None:
    """QualCoder's export: each coding alone in its selection; per-source codes say whose."""
    codings = [
        coding(0, source(SEOUL), note="Séoul affirme"),
        coding(1, stance(Stance.ASSERTS, SEOUL)),
        coding(2, level(CERTAIN, SEOUL)),
        coding(3, source(KREMLIN), note="dément"),
        coding(4, stance(Stance.DENIES, KREMLIN), when=T2),
        coding(5, level(POSSIBLE, KREMLIN), when=T2),
        coding(6, Meaning(Kind.CLAIM, label="Troops in Russia"), user="default"),
        coding(7, Meaning(Kind.STATEMENT), user="default"),
    ]
    assert tags(codings) == {
        (SEOUL, "ana", Stance.ASSERTS, CERTAIN, "Séoul affirme", T1, T1),
        (KREMLIN, "ana", Stance.DENIES, POSSIBLE, "dément", T1, T2),  # changed later
    }
    assert read_span(codings).claims == ["Troops in Russia"]


def test_a_stance_code_alone_is_a_tag_and_coders_are_kept_apart() -> None:
    codings = [
        coding(0, stance(Stance.DENIES, SEOUL)),
        coding(1, source(SEOUL), user="ben"),
    ]
    assert tags(codings) == {
        (SEOUL, "ana", Stance.DENIES, None, "", T1, T1),
        (SEOUL, "ben", Stance.ASSERTS, None, "", T1, T1),  # no stance coded: asserts
    }


def test_shared_axes_go_to_their_selections_sources_else_to_the_span() -> None:
    """Older Sourcetrack files (a selection per tag) and other programs' prefixed codes."""
    per_selection = [
        coding(0, source(SEOUL)), coding(0, stance(Stance.ASSERTS)), coding(0, level(CERTAIN)),
        coding(1, source(KREMLIN)), coding(1, stance(Stance.DENIES)),
    ]  # fmt: skip
    assert tags(per_selection) == {
        (SEOUL, "ana", Stance.ASSERTS, CERTAIN, "", T1, T1),
        (KREMLIN, "ana", Stance.DENIES, None, "", T1, T1),
    }
    spread = [coding(0, source(KREMLIN)), coding(1, stance(Stance.DENIES))]
    assert tags(spread) == {(KREMLIN, "ana", Stance.DENIES, None, "", T1, T1)}


def test_two_stances_of_one_tag_are_refused_with_where() -> None:
    codings = [coding(0, stance(Stance.ASSERTS, SEOUL)), coding(1, stance(Stance.DENIES, SEOUL))]
    with pytest.raises(ConflictingCodings, match="'T', 3–9: one tag carries 2 different stances"):
        read_span(codings, "'T', 3–9")


def test_unmapped_codes_are_counted() -> None:
    codings = [coding(0, Meaning(Kind.UNMAPPED, label="Thème")) for _ in range(2)]
    assert read_span(codings).unmapped == {"Thème": 2} and not read_span(codings).tags


def test_axis_names_read_back_under_their_source_or_alone() -> None:
    name = refi.axis_code_name("Seoul", "asserts")
    assert name == "Seoul ▸ asserts"
    assert refi.axis_value(name, "Seoul") == "asserts"
    assert refi.axis_value("NIS", "Seoul") is None  # a child source, not an axis
    assert refi.axis_value("Seoul  ▸  Probable (ICD 203)", "seoul") == "Probable (ICD 203)"
    assert refi.split_axis("A ▸ B ▸ denies") == ("A ▸ B", "denies")
    assert refi.split_axis("Seoul") is None
    assert refi.unnumbered("Statements (2)") == "Statements" and refi.unnumbered("x") is None
    assert refi.is_statements_code("Statements") and refi.is_statements_code("Statements (3)")


def test_note_names_are_unique_by_construction_and_guids_valid() -> None:
    names = {refi.note_name(n, "Seoul", "Même titre", 0, 10) for n in range(1, 1001)}
    assert len(names) == 1000
    guids = refi.Guids()
    made = [guids.make(kind, n) for kind in ("selection", "coding", "note") for n in (1, 2, 2**40)]
    pattern = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    assert len(set(made)) == len(made) and all(pattern.match(g) for g in made)
    assert refi.Guids().make("note", 1) != guids.make("note", 1)  # another export, another one
