"""Judgements beside the tags: a statement marked "no source", an article marked reviewed.

Both are per annotator, since each coder judges their own layer:

- **no source**: the annotator judged the statement and found no source speaking in it
  (narration, background). With their tags, it is what makes a statement *judged* by them: it
  counts towards the article's progress and makes the statement a unit of agreement where
  another annotator judged it too (with presence "absent" for every source).
- **reviewed**: the annotator has gone through the article and calls it done. It is their own
  flag and implies nothing about the statements they left untagged (mark those no source).

The rule between a tag and a mark of the same annotator on the same statement: they never stand
together. Tagging the statement takes the mark off, in the same edit (the tag says more, and
undoing the tag puts the mark back exactly); marking a statement the annotator has tagged is
refused (a mark never silently takes tags away: remove them first).

Statement edits keep marks the way a mark reads, "no source speaks anywhere in this text": the
pieces of a split or cut statement each keep it; a merged statement keeps an annotator's mark
only where both statements carried it (a tag, or text they had not judged, in either half ends
it); a deleted statement takes its marks with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.changes import Changes

# How a mark reads in the tidy CSV and JSON Lines exports: a row whose source is empty and whose
# stance is this (a tag's stance is one of asserts, denies, neutral).
NO_SOURCE = "no source"


@dataclass(frozen=True)
class MarkKey:
    """A mark is unique per statement and annotator."""

    statement_id: int
    annotator_id: int


@dataclass(frozen=True)
class NoSourceMark:
    """A mark as stored (undo puts it back with its time)."""

    statement_id: int
    annotator_id: int
    created_at: datetime

    @property
    def key(self) -> MarkKey:
        return MarkKey(self.statement_id, self.annotator_id)


@dataclass(frozen=True)
class MarkEdit:
    """A statement's mark by one annotator before and after an edit (None: not marked). Equal
    `before` and `after`: the edit found it as asked and changed nothing."""

    key: MarkKey
    before: NoSourceMark | None
    after: NoSourceMark | None
    changes: Changes = Changes()

    @property
    def marked(self) -> bool:
        """The edit put the mark on."""
        return self.before is None and self.after is not None

    @property
    def cleared(self) -> bool:
        """The edit took the mark off."""
        return self.before is not None and self.after is None


@dataclass(frozen=True)
class ReviewKey:
    """A review is unique per article and annotator."""

    article_id: int
    annotator_id: int


@dataclass(frozen=True)
class ArticleReview:
    article_id: int
    annotator_id: int
    reviewed_at: datetime


@dataclass(frozen=True)
class ReviewEdit:
    """An article's review by one annotator before and after an edit (None: not reviewed)."""

    key: ReviewKey
    before: ArticleReview | None
    after: ArticleReview | None
    changes: Changes = Changes()

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Progress:
    """How far an article is judged: statements in all, statements carrying a tag, statements
    marked no source and carrying none (`judged` is the sum of the two)."""

    statements: int
    tagged: int
    no_source: int

    @property
    def judged(self) -> int:
        return self.tagged + self.no_source

    @property
    def done(self) -> bool:
        """Every statement is judged (an article without statements is not)."""
        return self.statements > 0 and self.judged >= self.statements


def merged_marks(
    first: frozenset[int], second: frozenset[int], tagged: frozenset[int]
) -> frozenset[int]:
    """The annotators whose mark a merged statement keeps: those who marked both statements,
    unless they tag the merged one (the tags of both statements follow the text)."""
    return (first & second) - tagged
