"""A merge's conflicts say why in catalogue words: the command line's English as before, and
what the window needs to say it in its own language (the counts of what was left out apart)."""

from __future__ import annotations

import copy
import json
from dataclasses import asdict
from datetime import UTC, datetime

from app.domain.merge import (
    Conflict,
    ConflictKind,
    CopyContents,
    CopyLink,
    CopyMark,
    CopyTag,
    LevelName,
    Place,
    TagState,
    TargetIndex,
    Unmerged,
    plan_merge,
)
from app.domain.model import Origin, Stance
from app.domain.wording import Words

T = datetime(2024, 11, 5, 10, 0, tzinfo=UTC)
HERE, ELSEWHERE, EMPTY = "a" * 64, "b" * 64, "c" * 64  # the articles' body hashes
SURE, UNSURE = LevelName("Ours", 1, "Sure"), LevelName("Ours", 2, "Unsure")


def tag(
    place: Place, source: str = "Seoul", *, level: LevelName | None = None, note: str = ""
) -> CopyTag:
    return CopyTag(place, source, "ana", Stance.ASSERTS, level, note, Origin.MANUAL, T, T)


def conflicts() -> dict[ConflictKind | tuple[ConflictKind, str | None], Conflict]:
    """A copy holding one conflict of each kind, against a target holding one article."""
    elsewhere = [Place(ELSEWHERE, 10 * i, 10 * i + 5) for i in range(7)]
    copy_contents = CopyContents(
        location="ana.sourcetrack",
        titles={HERE: "Here", ELSEWHERE: "Elsewhere", EMPTY: "Empty"},
        sources=(),
        claims=(),
        tags=(
            *(tag(p) for p in elsewhere),
            tag(Place(HERE, 0, 10), level=SURE, note="vu"),  # the target's denies
            tag(Place(HERE, 20, 30), level=UNSURE),  # a level the target lacks
            tag(Place(HERE, 40, 50), source="Kyiv"),  # where the target has ana's mark
            tag(Place(HERE, 1234, 1300)),  # no such statement in the target
        ),
        marks=(CopyMark(Place(HERE, 60, 70), "ana", T),),  # where the target has ana's tag
        links=tuple(CopyLink(p, "A claim") for p in elsewhere[:6]),
    )
    statements = {(1, 0, 10): 5, (1, 20, 30): 6, (1, 40, 50): 7, (1, 60, 70): 8}
    target = TargetIndex(
        articles={HERE: 1},
        statements=statements,
        sources={"Seoul": 1},
        annotators={"ana": 1},
        levels={SURE: 3},
        claims={},
        tags={
            (5, 1, 1): TagState(Stance.DENIES, 3, "vu", "Sure"),
            (8, 1, 1): TagState(Stance.ASSERTS, None, ""),
        },
        marks={(7, 1)},
        links=(),
        reviews=(),
    )
    found = plan_merge(copy_contents, target).conflicts
    assert len(found) == 7
    return {
        (c.kind, c.source) if c.kind is ConflictKind.JUDGEMENT else c.kind: c
        for c in found
        if c.article != "Empty"
    } | {(ConflictKind.ARTICLE, "Empty"): next(c for c in found if c.article == "Empty")}


def test_every_reason_is_catalogue_words_in_the_english_of_before() -> None:
    found = conflicts()
    english = {
        ConflictKind.ARTICLE: "the target holds no article with the same text; 7 tags, 6 claim "
        "links of it not merged",
        (ConflictKind.ARTICLE, "Empty"): "the target holds no article with the same text",
        ConflictKind.STATEMENT: "the target has no statement at 1234..1300 of this article "
        "(split, merged or made in only one of them); 1 tag of it not merged",
        ConflictKind.LEVEL: "the target has no confidence level 'Unsure' (rank 2 of 'Ours'): "
        "this tag was not merged",
        ConflictKind.TAG: "ana's Seoul tag differs: the target says denies (Sure), note 'vu', "
        "the copy asserts (Sure), note 'vu'; the target's is kept",
        (ConflictKind.JUDGEMENT, "Kyiv"): "ana marked this statement no source in the target "
        "and tagged Kyiv on it in the copy; the target's mark is kept",
        (ConflictKind.JUDGEMENT, None): "ana marked this statement no source in the copy and "
        "tagged it in the target; the target's tags are kept",
    }
    assert {key: str(c.reason) for key, c in found.items()} == english
    for conflict in found.values():
        assert isinstance(conflict.reason, Words) and conflict.reason.context == "Merge"
    # The stances in a reason are the window's words of them.
    said = found[ConflictKind.TAG].reason.arguments["target"]
    assert isinstance(said, Words) and said.arguments["stance"].context == "Stance"


def test_what_was_left_out_is_counted_apart_for_the_window() -> None:
    found = conflicts()
    article = found[ConflictKind.ARTICLE].reason
    assert article.source.endswith("; {lost} of it not merged")
    assert article.arguments["lost"] == Unmerged(tags=7, links=6)
    statement = found[ConflictKind.STATEMENT].reason
    assert statement.arguments == {"start": 1234, "end": 1300, "lost": Unmerged(tags=1)}
    assert str(Unmerged(tags=1, marks=2, links=1)) == "1 tag, 2 no-source marks, 1 claim link"


def test_a_reason_survives_the_command_lines_json_report() -> None:
    for conflict in conflicts().values():
        kept = asdict(conflict)["reason"]
        assert kept == conflict.reason and isinstance(kept, Words)
        assert copy.deepcopy(conflict) == conflict
        assert json.loads(json.dumps(asdict(conflict), default=str))["reason"] == str(
            conflict.reason
        )


def test_a_note_is_said_on_one_line() -> None:
    copy_contents = CopyContents(
        location="ana.sourcetrack",
        titles={HERE: "Here"},
        sources=(),
        claims=(),
        tags=(tag(Place(HERE, 0, 10), note="seen\ntwice"),),
    )
    target = TargetIndex(
        articles={HERE: 1}, statements={(1, 0, 10): 5}, sources={"Seoul": 1},
        annotators={"ana": 1}, levels={}, claims={},
        tags={(5, 1, 1): TagState(Stance.NEUTRAL, None, "")}, marks=(), links=(), reviews=(),
    )  # fmt: skip
    (conflict,) = plan_merge(copy_contents, target).conflicts
    assert str(conflict.reason) == (
        "ana's Seoul tag differs: the target says neutral, the copy asserts, note 'seen twice'; "
        "the target's is kept"
    )
