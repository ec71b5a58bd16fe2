"""Edits as values: what a person asks to change, and what the change did (for undo).

A request (`TagChange`, `SourceChange`…) says what to set; a setting left `UNCHANGED` stays as it
is. Each mutation service returns an edit holding the rows before and after, exactly (same ids,
same timestamps), and the `Changes` it made: undo puts `before` back and redo `after`, each
only if the project still holds the state it expects (else `ConflictError`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from datetime import date
from typing import TypeVar

from app.domain.article_details import FIELDS, ArticleDetails
from app.domain.changes import Changes
from app.domain.judgements import NoSourceMark
from app.domain.model import DomainError, Origin, Stance
from app.domain.rows import AttributionRow, ClaimRow, LevelRow, SourceRow
from app.domain.wording import QT_TRANSLATE_NOOP


class ConflictError(DomainError):
    """The rows changed elsewhere since this edit; undoing or redoing it would overwrite that."""


class Unchanged(enum.Enum):
    """The value of a setting a request leaves as it is (None is a value: "no confidence")."""

    UNCHANGED = "unchanged"

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = Unchanged.UNCHANGED

T = TypeVar("T")


def setting(value: T | Unchanged, current: T) -> T:
    """`value`, or `current` where the request leaves it unchanged."""
    return current if isinstance(value, Unchanged) else value


# --- tags -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagKey:
    """An attribution is unique per statement, source and annotator."""

    statement_id: int
    source_id: int
    annotator_id: int


@dataclass(frozen=True)
class TagValues:
    """What a tag says: stance, confidence level, note, and how it came to be."""

    stance: Stance
    confidence_level_id: int | None
    note: str
    origin: Origin

    @classmethod
    def of(cls, row: AttributionRow) -> TagValues:
        return cls(row.stance, row.confidence_level_id, row.note, row.origin)


# What a new tag says where the request does not: a person asserting, with no level nor note.
NEW_TAG = TagValues(Stance.ASSERTS, None, "", Origin.MANUAL)


@dataclass(frozen=True)
class TagChange:
    """Add a tag, or change some of its settings; what is UNCHANGED stays (a new tag takes
    NEW_TAG's). `claims` are claim labels to link the statement to in the same transaction."""

    key: TagKey
    stance: Stance | Unchanged = UNCHANGED
    confidence_level_id: int | None | Unchanged = UNCHANGED
    note: str | Unchanged = UNCHANGED
    origin: Origin | Unchanged = UNCHANGED
    claims: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Stance and Origin are StrEnums: a plain string from a caller is made one, or refused.
        if isinstance(self.stance, str) and not isinstance(self.stance, Stance):
            object.__setattr__(self, "stance", _stance(self.stance))
        if isinstance(self.origin, str) and not isinstance(self.origin, Origin):
            object.__setattr__(self, "origin", Origin(self.origin))

    def values(self, existing: TagValues | None) -> TagValues:
        """The tag's values after this change, on top of `existing` (None: a new tag)."""
        base = existing or NEW_TAG
        return TagValues(
            setting(self.stance, base.stance),
            setting(self.confidence_level_id, base.confidence_level_id),
            setting(self.note, base.note),
            setting(self.origin, base.origin),
        )


def _stance(value: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "unknown stance '{stance}' (choose from {stances})"
            ).format(stance=value, stances=", ".join(Stance))
        ) from None


@dataclass(frozen=True)
class ClaimLinkEdit:
    """A statement linked to a claim (made by the edit when new), or unlinked from it."""

    statement_id: int
    claim: ClaimRow  # the claim's full row, so redo can make it again exactly
    created_claim: bool  # the edit made the claim; undo removes it again
    linked: bool  # True: the edit linked; False: it unlinked
    changes: Changes = Changes()


@dataclass(frozen=True)
class TagEdit:
    """An attribution before and after one edit (None: there was none, or it was removed),
    with the claim links the same edit made."""

    key: TagKey
    before: AttributionRow | None
    after: AttributionRow | None
    changes: Changes = Changes()
    claim_links: tuple[ClaimLinkEdit, ...] = ()
    # The annotator's "no source" mark on the statement, which the new tag took off (undo puts
    # it back): a tag and a mark of one annotator never stand together.
    cleared_mark: NoSourceMark | None = None

    @property
    def created(self) -> bool:
        return self.before is None and self.after is not None

    @property
    def removed(self) -> bool:
        return self.before is not None and self.after is None

    @property
    def linked_claims(self) -> tuple[str, ...]:
        return tuple(link.claim.label for link in self.claim_links if link.linked)


# --- statements -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementRecord:
    id: int
    article_id: int
    ordinal: int
    start: int
    end: int


@dataclass(frozen=True)
class DismissalRecord:
    annotator_id: int
    statement_id: int
    source_id: int
    stance: Stance


@dataclass(frozen=True)
class ArticleState:
    """Every statement of one article with its attributions, claim links (statement, claim),
    dismissed suggestions and "no source" marks, exactly as stored."""

    statements: tuple[StatementRecord, ...]
    attributions: tuple[AttributionRow, ...]
    links: tuple[tuple[int, int], ...]
    dismissals: tuple[DismissalRecord, ...] = ()
    marks: tuple[NoSourceMark, ...] = ()


@dataclass(frozen=True)
class StatementEdit:
    """An edit of an article's statements; `focus` is the statement to show afterwards."""

    article_id: int
    before: ArticleState
    after: ArticleState
    focus: int | None
    changes: Changes = Changes()


# --- article details ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetailsChange:
    """New details for an article; what is UNCHANGED stays (an empty text clears a field)."""

    article_id: int
    title: str | Unchanged = UNCHANGED
    outlet: str | None | Unchanged = UNCHANGED
    author: str | None | Unchanged = UNCHANGED
    published: date | None | Unchanged = UNCHANGED
    url: str | None | Unchanged = UNCHANGED
    language: str | None | Unchanged = UNCHANGED

    def applied_to(self, current: ArticleDetails) -> ArticleDetails:
        return ArticleDetails(
            title=setting(self.title, current.title),
            outlet=setting(self.outlet, current.outlet),
            author=setting(self.author, current.author),
            published=setting(self.published, current.published),
            url=setting(self.url, current.url),
            language=setting(self.language, current.language),
        )

    @property
    def named(self) -> list[str]:
        """The details this change sets."""
        return [
            f.name
            for f in fields(self)
            if f.name in FIELDS and not isinstance(getattr(self, f.name), Unchanged)
        ]


@dataclass(frozen=True)
class DetailsEdit:
    article_id: int
    before: ArticleDetails
    after: ArticleDetails
    changes: Changes = Changes()

    @property
    def changed(self) -> list[str]:
        """The names of the details that differ, in form order."""
        return [name for name in FIELDS if getattr(self.before, name) != getattr(self.after, name)]


# --- sources and scales ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NewSource:
    """A source to add; the colour is the next of a palette when not given."""

    name: str
    colour: str | None = None
    description: str = ""
    parent_id: int | None = None
    reliability: str | None = None


@dataclass(frozen=True)
class SourceChange:
    """New settings for a source (not its name: renaming is its own, undoable, edit); what is
    UNCHANGED stays. `aliases` replaces the aliases of the languages it names."""

    source_id: int
    colour: str | Unchanged = UNCHANGED
    description: str | Unchanged = UNCHANGED
    reliability: str | None | Unchanged = UNCHANGED
    parent_id: int | None | Unchanged = UNCHANGED
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, aliases)


@dataclass(frozen=True)
class SourceEdit:
    """A source before (None: the edit added it) and after an edit."""

    source_id: int
    before: SourceRow | None
    after: SourceRow
    changes: Changes = Changes()


@dataclass(frozen=True)
class AliasEdit:
    source_id: int
    language: str
    count: int  # aliases added or removed
    changes: Changes = Changes()


@dataclass(frozen=True)
class RenameEdit:
    source_id: int
    before: str
    after: str
    changes: Changes = Changes()


@dataclass(frozen=True)
class ScaleEdit:
    """A confidence scale's levels before and after (before empty: the edit made the scale),
    and which scale was active before and after."""

    scale_id: int
    before: tuple[LevelRow, ...]
    after: tuple[LevelRow, ...]
    active_before: int | None
    active_after: int | None
    changes: Changes = Changes()
