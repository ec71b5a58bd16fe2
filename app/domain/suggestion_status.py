"""A suggestion against the tag already there: the one rule of machine help.

A suggestion may create a tag or update a tag that is itself a suggestion; a person's tag
(origin manual or imported) is never overwritten by one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.model import Origin, Stance


class Status(enum.StrEnum):
    """A suggestion against the annotator's existing tag for the same statement and source."""

    NEW = "new"  # no tag yet: accepting creates one
    TAGGED = "tagged"  # the tag says the same already
    DIFFERS = "differs"  # a suggestion-made tag says otherwise: accepting updates it
    KEPT = "kept"  # a person's tag (manual or imported) says otherwise: it is never overwritten
    DISMISSED = "dismissed"

    @property
    def pending(self) -> bool:
        """Worth offering: accepting the suggestion would change something."""
        return self in (Status.NEW, Status.DIFFERS)


@dataclass(frozen=True)
class ExistingTag:
    """The annotator's tag a suggestion is weighed against (same statement, same source)."""

    stance: Stance
    confidence_level_id: int | None
    origin: Origin


def status_against(
    existing: ExistingTag | None,
    stance: Stance,
    confidence_level_id: int | None,
    *,
    dismissed: Stance | None = None,
) -> Status:
    """Where a suggestion of `stance` and level stands against the annotator's tag.

    The one rule of machine help: a suggestion may create a tag or update a tag that is itself
    a suggestion, and a person's tag (origin manual or imported) is never overwritten by one.
    A dismissal hides the suggestion only while it proposes the stance that was dismissed.
    """
    if existing is not None and (existing.stance, existing.confidence_level_id) == (
        stance,
        confidence_level_id,
    ):
        return Status.TAGGED
    if dismissed is not None and dismissed == stance:
        return Status.DISMISSED
    if existing is None:
        return Status.NEW
    return Status.DIFFERS if existing.origin is Origin.SUGGESTION else Status.KEPT
