"""The values the whole application speaks in: stances, origins, drafts of articles and spans."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from app.domain.wording import QT_TRANSLATE_NOOP, Refusal


class Stance(enum.StrEnum):
    """How a source relates to the claim a statement makes.

    Neutral means the source mentions the claim without committing (declines to comment,
    evades, refers questions elsewhere); it is not a denial.
    """

    ASSERTS = "asserts"
    DENIES = "denies"
    NEUTRAL = "neutral"


class Origin(enum.StrEnum):
    """How an attribution came to exist; kept so a researcher can audit machine help."""

    MANUAL = "manual"
    SUGGESTION = "suggestion"
    IMPORTED = "imported"


RELIABILITY_RATINGS: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}


class DomainError(Refusal, ValueError):
    """Input that breaks a rule of the domain; the message is meant for the user."""


@dataclass(frozen=True)
class Span:
    """A half-open character range `[start, end)` into an article body (Python `str` indices)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "invalid span {start}..{end}").format(
                    start=self.start, end=self.end
                )
            )


@dataclass
class ArticleDraft:
    """An article read from a file, before it is stored: body plus editable metadata."""

    title: str
    body: str
    language: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    origin_name: str | None = None
    origin_format: str | None = None
    origin_sha256: str | None = None
    spans: list[Span] = field(default_factory=list)


def validate_claim_label(label: str) -> str:
    """Claim labels are joined with '; ' in CSV cells, so they may not contain ';'."""
    cleaned = " ".join(label.split())
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a claim label cannot be empty"))
    if ";" in cleaned:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "a claim label cannot contain ';': '{label}'").format(
                label=label
            )
        )
    return cleaned


def validate_source_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a source name cannot be empty"))
    return cleaned
