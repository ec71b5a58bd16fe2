"""What a mutation changed: the one value every edit returns and the window broadcasts.

Each service that writes returns, with its result, a `Changes` naming the articles, statements,
claims and sources it touched; the window's session sends it on one signal and each view asks
"does this concern me?" and refreshes only that. Two mutations' changes combine with `|`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def ids(values: Iterable[int | None] = ()) -> frozenset[int]:
    """A frozenset of the ids among `values` (None, for "no such row", left out)."""
    return frozenset(int(v) for v in values if v is not None)


@dataclass(frozen=True)
class Changes:
    """The rows a mutation changed, by kind. Empty: nothing changed; `unknown`: cannot tell
    (another window or process committed), so every view reloads."""

    articles: frozenset[int] = frozenset()  # articles whose statements, tags or details changed
    statements: frozenset[int] = frozenset()  # statements whose tags or claim links changed
    claims: frozenset[int] = frozenset()  # claims linked, unlinked, made or removed
    sources: frozenset[int] = frozenset()  # sources added or changed (name, colour, aliases…)
    # The statements of `articles` were made, split, merged or deleted: ids in `statements`
    # cannot say which rows a view must drop or add, so it reloads those articles.
    segmentation: bool = False
    details: bool = False  # the title, outlet, author, date, URL or language of `articles`
    new_articles: bool = False  # articles were imported (lists of articles grow)
    scales: bool = False  # confidence scales or their levels (which one is active)
    dismissals: bool = False  # suggestions dismissed or shown again, not tags
    unknown: bool = False

    @classmethod
    def everything(cls) -> Changes:
        """May be anything: another connection wrote, or the edit cannot tell what it touched."""
        return cls(unknown=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.statements | other.statements,
            self.claims | other.claims,
            self.sources | other.sources,
            self.segmentation or other.segmentation,
            self.details or other.details,
            self.new_articles or other.new_articles,
            self.scales or other.scales,
            self.dismissals or other.dismissals,
            self.unknown or other.unknown,
        )

    def __bool__(self) -> bool:
        return self != Changes()

    # --- how a view that refreshes by article or by statement reads a change ----------------

    @property
    def reloads_everything(self) -> bool:
        """Sources, scales or the list of articles changed, or nobody knows what: whatever a
        view shows may be out of date."""
        return self.unknown or self.new_articles or self.scales or bool(self.sources)

    @property
    def statement_ids(self) -> frozenset[int] | None:
        """The statements whose tags or claims changed, or None when a view must reload what it
        shows of `article_id` (statements remade, details changed) or, without one, all."""
        if self.reloads_everything or self.segmentation or self.details:
            return None
        return self.statements

    @property
    def article_id(self) -> int | None:
        """The one article the change is about, when there is exactly one."""
        if self.reloads_everything or len(self.articles) != 1:
            return None
        return next(iter(self.articles))

    @property
    def claim_ids(self) -> frozenset[int]:
        return self.claims

    @property
    def reason(self) -> str | None:
        """ "details": an article's title, outlet, date…; "suggestions": dismissals only."""
        if self.details:
            return "details"
        if self.dismissals:
            return "suggestions"
        return None
