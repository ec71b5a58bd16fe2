"""The one rule of machine help, in the domain: a suggestion may make a tag or update one that
is itself a suggestion, never overwrite a person's. The service and the Annotate view's cache
both ask it; these tests hold the rule and the cache to it, without a project."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.certainty import Certainty
from app.domain.model import Origin, Stance
from app.domain.rows import TagRow
from app.domain.suggest import ExistingTag, Status, status_against
from app.services.suggest import Suggestion
from app.ui.annotate.suggestion_cache import SuggestionCache

LEVEL = 7


@pytest.mark.parametrize(
    ("existing", "dismissed", "status"),
    [
        (None, None, Status.NEW),
        (ExistingTag(Stance.DENIES, LEVEL, Origin.MANUAL), None, Status.TAGGED),
        (ExistingTag(Stance.DENIES, LEVEL, Origin.SUGGESTION), None, Status.TAGGED),
        (ExistingTag(Stance.ASSERTS, LEVEL, Origin.SUGGESTION), None, Status.DIFFERS),
        (ExistingTag(Stance.DENIES, None, Origin.SUGGESTION), None, Status.DIFFERS),
        (ExistingTag(Stance.ASSERTS, LEVEL, Origin.MANUAL), None, Status.KEPT),
        (ExistingTag(Stance.ASSERTS, LEVEL, Origin.IMPORTED), None, Status.KEPT),
        (None, Stance.DENIES, Status.DISMISSED),
        (None, Stance.ASSERTS, Status.NEW),  # dismissed while it said otherwise: offered again
        (ExistingTag(Stance.DENIES, LEVEL, Origin.MANUAL), Stance.DENIES, Status.TAGGED),
    ],
)
def test_a_suggestion_against_the_tag_already_there(
    existing: ExistingTag | None, dismissed: Stance | None, status: Status
) -> None:
    assert status_against(existing, Stance.DENIES, LEVEL, dismissed=dismissed) is status
    assert status.pending == (status in (Status.NEW, Status.DIFFERS))


def suggestion(source_id: int, stance: Stance) -> Suggestion:
    return Suggestion(
        statement_id=1,
        article_id=1,
        source=f"source {source_id}",
        source_id=source_id,
        stance=stance,
        certainty=Certainty.PROBABLE,
        confidence="Probable",
        confidence_level_id=LEVEL,
        score=0.9,
        evidence=(),
    )


def tag(source_id: int, stance: Stance, origin: Origin, annotator_id: int = 1) -> TagRow:
    now = datetime(2024, 11, 7, tzinfo=UTC)
    return TagRow(
        id=source_id * 10 + annotator_id,
        statement_id=1,
        source_id=source_id,
        annotator_id=annotator_id,
        stance=stance,
        confidence_level_id=LEVEL,
        note="",
        origin=origin,
        created_at=now,
        updated_at=now,
    )


def test_the_cache_offers_what_the_rule_calls_pending() -> None:
    cache = SuggestionCache()
    offered = [suggestion(source, Stance.DENIES) for source in (1, 2, 3, 4, 5)]
    cache.load(1, lambda _article: offered)
    tags = [
        tag(2, Stance.DENIES, Origin.SUGGESTION),  # the same already
        tag(3, Stance.ASSERTS, Origin.SUGGESTION),  # an earlier suggestion: may be updated
        tag(4, Stance.ASSERTS, Origin.MANUAL),  # a person's: never overwritten
        tag(5, Stance.ASSERTS, Origin.MANUAL, annotator_id=2),  # someone else judged it
    ]
    pending = cache.pending(1, tags, annotator_id=1)
    assert [s.source_id for s in pending] == [1, 3]
    assert cache.pending(2, tags, annotator_id=1) == []  # no suggestion for that statement


def test_the_cache_analyses_an_article_once() -> None:
    cache, analysed = SuggestionCache(), []

    def analyse(article_id: int) -> list[Suggestion]:
        analysed.append(article_id)
        return [suggestion(1, Stance.ASSERTS)]

    cache.load(1, analyse)
    cache.load(1, analyse)
    assert analysed == [1]
    cache.invalidate()
    cache.load(1, analyse)
    cache.load(None, analyse)
    assert analysed == [1, 1] and cache.by_statement == {}
