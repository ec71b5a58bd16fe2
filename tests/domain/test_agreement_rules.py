"""Which statements are units of agreement, and what each annotator's value is on each axis."""

from __future__ import annotations

import pytest

from app.domain.agreement import (
    NO_LEVEL,
    NOT_TAGGED,
    STANCE_CODES,
    TAGGED,
    Axis,
    Judgements,
    JudgementTable,
    ReliabilityData,
    judging_annotators,
    pack_tag,
    reliability_arrays,
    reliability_set,
)
from app.domain.model import DomainError, Stance
from app.domain.rows import JudgementRow

A, D, N = Stance.ASSERTS, Stance.DENIES, Stance.NEUTRAL


def tag(annotator: str, statement: int, source: str | None, stance=A, rank=None, article=1):
    return JudgementRow(annotator, statement, article, source, stance, rank)


def variable(found, axis: Axis, source: str | None) -> ReliabilityData:
    (match,) = [v for v in found.variables if v.axis is axis and v.source == source]
    return match


def by_unit(data: ReliabilityData) -> dict[int, tuple]:
    """statement → the annotators' values, in the order of `data.annotators`."""
    return {
        statement: tuple(row[u] for row in data.values)
        for u, statement in enumerate(data.statement_ids)
    }


def test_a_statement_one_annotator_judged_is_no_unit() -> None:
    rows = [
        tag("ana", 1, "Seoul"),
        tag("bob", 1, "Kyiv"),
        tag("ana", 2, "Seoul"),  # bob never judged statement 2
    ]
    found = reliability_set(rows, ["ana", "bob"], ["Seoul", "Kyiv"])
    assert found.units == 1
    assert by_unit(variable(found, Axis.PRESENCE, "Seoul")) == {1: (TAGGED, NOT_TAGGED)}
    assert by_unit(variable(found, Axis.PRESENCE, "Kyiv")) == {1: (NOT_TAGGED, TAGGED)}


def test_presence_is_missing_for_an_annotator_who_did_not_judge_the_statement() -> None:
    rows = [
        tag("ana", 1, "Seoul"),
        tag("bob", 1, "Seoul"),
        tag("ana", 2, "Seoul"),
        tag("cleo", 2, "Kremlin"),
    ]
    found = reliability_set(rows, ["ana", "bob", "cleo"], ["Seoul"])
    assert by_unit(variable(found, Axis.PRESENCE, "Seoul")) == {
        1: (TAGGED, TAGGED, None),
        2: (TAGGED, None, NOT_TAGGED),  # cleo judged it (Kremlin), without Seoul
    }


def test_stance_and_confidence_count_only_where_two_annotators_tagged_the_source() -> None:
    rows = [
        tag("ana", 1, "Seoul", A, 1),
        tag("bob", 1, "Seoul", D, 2),
        tag("ana", 2, "Seoul", A, 1),
        tag("bob", 2, "Kyiv", N, 3),  # statement 2 is a unit, but only ana tagged Seoul
        tag("ana", 3, "Seoul", N, None),
        tag("bob", 3, "Seoul", N, 4),  # both tagged; only bob gave a level
    ]
    found = reliability_set(rows, ["ana", "bob"], ["Seoul", "Kyiv"])
    assert found.units == 3
    assert by_unit(variable(found, Axis.STANCE, "Seoul")) == {
        1: (STANCE_CODES[A], STANCE_CODES[D]),
        3: (STANCE_CODES[N], STANCE_CODES[N]),
    }
    assert by_unit(variable(found, Axis.CONFIDENCE, "Seoul")) == {1: (1, 2)}
    assert variable(found, Axis.STANCE, "Kyiv").units == 0


def test_a_judgement_of_no_source_makes_the_statement_judged_and_tags_nothing() -> None:
    """The seam for the "no source" mark: a judgement whose source is None."""
    rows = [
        tag("ana", 1, "Seoul"),
        JudgementRow("bob", 1, 1, None, None, None),
    ]
    found = reliability_set(rows, ["ana", "bob"], ["Seoul", "Kyiv"])
    assert found.units == 1
    assert by_unit(variable(found, Axis.PRESENCE, "Seoul")) == {1: (TAGGED, NOT_TAGGED)}
    assert by_unit(variable(found, Axis.PRESENCE, "Kyiv")) == {1: (NOT_TAGGED, NOT_TAGGED)}
    assert variable(found, Axis.STANCE, "Seoul").units == 0


def test_other_annotators_are_left_out_and_other_sources_still_make_a_statement_judged() -> None:
    rows = [
        tag("ana", 1, "Kremlin"),
        tag("bob", 1, "Seoul"),
        tag("cleo", 1, "Seoul"),
        tag("cleo", 2, "Seoul"),
        tag("bob", 2, "Seoul"),
    ]
    found = reliability_set(rows, ["ana", "bob"], ["Seoul"])
    assert by_unit(variable(found, Axis.PRESENCE, "Seoul")) == {1: (NOT_TAGGED, TAGGED)}


def test_all_sources_together_have_a_unit_per_statement_and_source() -> None:
    rows = [
        tag("ana", 1, "Seoul", A),
        tag("bob", 1, "Seoul", D),
        tag("ana", 1, "Kyiv", A),
        tag("bob", 2, "Kyiv", A, article=2),
        tag("ana", 2, "Kyiv", A, article=2),
    ]
    found = reliability_set(rows, ["ana", "bob"], ["Seoul", "Kyiv"])
    everything = variable(found, Axis.PRESENCE, None)
    assert everything.units == 4  # 2 statements × 2 sources
    assert sorted(everything.article_ids) == [1, 1, 2, 2]
    stance = variable(found, Axis.STANCE, None)
    assert sorted(zip(stance.values[0], stance.values[1], strict=True)) == [
        (STANCE_CODES[A], STANCE_CODES[A]),
        (STANCE_CODES[A], STANCE_CODES[D]),
    ]


def test_the_variables_come_axis_by_axis_each_source_then_all() -> None:
    found = reliability_set([tag("ana", 1, "Seoul"), tag("bob", 1, "Seoul")], ["ana", "bob"], ["Seoul", "Kyiv"])
    assert [(v.axis, v.source) for v in found.variables] == [
        (axis, source) for axis in Axis for source in ("Seoul", "Kyiv", None)
    ]


@pytest.mark.parametrize("names", [[], ["ana"], ["ana", "ana"]])
def test_fewer_than_two_annotators_is_refused(names: list[str]) -> None:
    with pytest.raises(DomainError, match="two or more annotators|given twice"):
        reliability_set([tag("ana", 1, "Seoul")], names, ["Seoul"])


def test_the_annotators_who_judged_come_in_name_order() -> None:
    rows = [tag("cleo", 1, "Seoul"), tag("ana", 2, None), tag("cleo", 3, "Kyiv")]
    assert judging_annotators(rows) == ("ana", "cleo")


def test_a_table_leaves_out_what_it_cannot_place() -> None:
    """The store's table, read while others edit: a tag of a source, annotator or statement
    deleted meanwhile is left out, as is one that could not be packed; a level deleted
    meanwhile leaves its tag without a level."""
    code = STANCE_CODES[A]
    table = JudgementTable(
        annotator_names={1: "ana", 2: "bob"},
        source_names={7: "Seoul"},
        level_ranks={3: 1, 4: 2},
        tags=[
            (10, pack_tag(1, 7, code, 3)),
            (10, pack_tag(2, 7, code, 4)),
            (11, pack_tag(1, 7, code, 3)),
            (11, pack_tag(2, 7, code, 9)),  # level 9 deleted: no level
            (11, pack_tag(1, 8, code, 3)),  # source 8 deleted
            (12, pack_tag(1, 7, code, 3)),
            (12, pack_tag(5, 7, code, 3)),  # annotator 5 deleted
            (13, pack_tag(1, 7, code, NO_LEVEL)),
            (13, pack_tag(2, 7, code, 3)),
            (99, pack_tag(2, 7, code, 3)),  # statement 99 deleted
            (12, -1),  # not packable
        ],
        marks=[(2, 14, 1), (1, 14, 1)],
        articles=[(10, 1), (11, 1), (12, 2), (13, 2)],
    )
    judgements = Judgements.of_table(table)
    assert judgements.annotators() == ("ana", "bob")
    found = reliability_arrays(judgements, ["ana", "bob"], ["Seoul"])
    by = {(v.axis, v.source): v.data() for v in found.variables}
    assert by_unit(by[Axis.PRESENCE, "Seoul"]) == {
        10: (TAGGED, TAGGED),
        11: (TAGGED, TAGGED),
        13: (TAGGED, TAGGED),
        14: (NOT_TAGGED, NOT_TAGGED),  # both marked it "no source"
    }
    assert by_unit(by[Axis.CONFIDENCE, "Seoul"]) == {10: (1, 2)}
    assert by[Axis.PRESENCE, None].article_ids == (1, 1, 2, 1)
