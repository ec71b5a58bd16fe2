"""Typed rows: what the store reads, as the services and the front ends see it.

The store builds these from SQL rows; nothing above it handles a `dict` of columns, so a
misspelt field is a type error instead of a KeyError at run time (or, written, a new column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from app.domain.model import Origin, Stance

# --- tags -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttributionRow:
    """An attribution exactly as stored (ids and timestamps included): undo puts it back."""

    id: int
    statement_id: int
    source_id: int
    annotator_id: int
    stance: Stance
    confidence_level_id: int | None
    note: str
    origin: Origin
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class TagRow(AttributionRow):
    """An attribution with the names a reader needs: source, annotator, confidence level."""

    source: str = ""
    annotator: str = ""
    confidence_label: str | None = None
    confidence_rank: int | None = None


@dataclass(frozen=True)
class TagSummary:
    """A tag as lists show it: who, how, how firmly (the level's label), by whom."""

    source: str
    stance: Stance
    confidence: str | None
    annotator: str


@dataclass(frozen=True)
class AnnotatorTag:
    """One annotator's tag as the suggester weighs it, with its key and id (accept and undo)."""

    id: int
    statement_id: int
    source_id: int
    annotator_id: int
    stance: Stance
    confidence_level_id: int | None
    origin: Origin


# --- sources, scales, claims ----------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    id: int
    name: str
    colour: str
    description: str
    parent_id: int | None
    reliability: str | None
    position: int
    # Aliases per language ("fr", "en"), which feed suggestions.
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class LevelRow:
    """A confidence level: rank 1 is the firmest of its scale."""

    id: int
    scale_id: int
    rank: int
    label: str
    description: str


@dataclass(frozen=True)
class ScaleRow:
    id: int
    name: str
    active: bool
    levels: tuple[LevelRow, ...] = ()


@dataclass(frozen=True)
class ClaimRow:
    id: int
    label: str
    description: str
    created_at: datetime


# --- articles and statements ----------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRow:
    """A whole article, body included."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    author: str | None
    published: date | None
    language: str | None
    body: str
    body_sha256: str
    origin_name: str | None
    origin_format: str | None
    origin_sha256: str | None
    imported_at: datetime | None


@dataclass(frozen=True)
class ArticleText:
    """An article's body and language: what the suggester reads."""

    id: int
    body: str
    language: str | None


@dataclass(frozen=True)
class ArticleListRow:
    """An article in a list; `statements`, `tagged` (statements carrying a tag) and `no_source`
    (statements marked "no source" and carrying none) when the list counts progress, and who
    reviewed it when the list says."""

    id: int
    title: str
    outlet: str | None
    published: date | None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    origin_name: str | None = None
    statements: int | None = None
    tagged: int | None = None
    no_source: int | None = None
    reviewed_by: tuple[str, ...] | None = None

    @property
    def judged(self) -> int | None:
        """Statements tagged or marked "no source": the article's progress."""
        if self.tagged is None:
            return None
        return self.tagged + (self.no_source or 0)


@dataclass(frozen=True)
class StatementRow:
    """A statement with its text (`body[start:end]`) and, in listings, its claims' labels."""

    id: int
    article_id: int
    ordinal: int
    start: int
    end: int
    text: str
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableRow:
    """A row of the Statements view: a statement, its article, tags and claims; `key` is the
    row's position in the sort order (the next page starts after it)."""

    id: int
    article_id: int
    ordinal: int
    start: int
    end: int
    title: str
    outlet: str | None
    published: date | None
    text: str
    key: tuple[object, ...]
    tags: tuple[TagSummary, ...] = ()
    claims: tuple[str, ...] = ()


# --- comparison -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A source's tagged statement on a claim, with what a reader needs to weigh it."""

    claim_id: int
    source_id: int
    source: str
    statement_id: int
    article_id: int
    title: str
    outlet: str | None
    published: date | None
    stance: Stance
    confidence_rank: int | None
    confidence: str | None
    text: str
    cell_total: int  # how many statements the (claim, source) cell holds in all


@dataclass(frozen=True)
class TimelinePoint:
    """A source asserting, denying or mentioning a claim on a date, with its confidence."""

    source: str
    published: date
    stance: Stance
    confidence_rank: int | None
    statement_id: int
    # The tag's own level: after a switch of scale it may belong to another scale than the
    # active one, and is then shown as itself, never as the active level of the same rank.
    confidence_level_id: int | None = None
    confidence_label: str | None = None


@dataclass(frozen=True)
class ExportLevel:
    """A confidence level with its scale's name, as REFI-QDA codes name it."""

    id: int
    rank: int
    label: str
    description: str
    scale: str
    active: bool


@dataclass(frozen=True)
class ExportArticle:
    """An article's metadata for the REFI-QDA export, without its body (written apart)."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    author: str | None
    published: date | None
    language: str | None
    imported_at: datetime | None


class ExportTag(NamedTuple):
    """A statement with one of its tags (`tag_id` None: a statement without tags), as the
    REFI-QDA export streams them in text order. A named tuple: the export reads one per tag of
    the project, millions at a time."""

    statement_id: int
    article_id: int
    start: int
    end: int
    tag_id: int | None
    source_id: int | None
    annotator_id: int | None
    stance: str | None
    level_id: int | None
    note: str
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True)
class ExportNote:
    """A tag's note, with what the REFI-QDA export names it by."""

    tag_id: int
    note: str
    source: str
    title: str
    start: int
    end: int
    annotator_id: int
    created_at: datetime


# --- agreement between annotators -----------------------------------------------------------------


class JudgementRow(NamedTuple):
    """One annotator's judgement of a statement, as agreement reads it: a tag (its source,
    stance and confidence rank; a tag always has a stance), or, with `source` and `stance`
    None, the statement judged to have no source.

    It feeds `reliability_set` (the worked examples and the tests); the agreement command
    reads the store's integer table instead, which is faster by far on large projects.
    """

    annotator: str
    statement_id: int
    article_id: int
    source: str | None
    stance: Stance | None
    confidence_rank: int | None
