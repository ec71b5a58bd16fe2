"""Merging coders' copies of a project into it (`sourcetrack merge TARGET COPY…`).

The rules of what matches, what is added and what conflicts are `app.domain.merge`'s: tags, "no
source" marks, claim links and reviews come in under each copy's annotators; a tag that differs
from the target's is reported and the target's kept; what the target cannot hold (an article it
lacks, a statement not at the same offsets, a confidence level it has no scale for) is reported
and left out; merging again adds nothing.

Nothing is merged by half: every copy is opened and read whole first (a copy that is missing, is
no project, is the target itself, or was made by a newer Sourcetrack refuses the whole merge
before the target is touched); then one write transaction on the target merges the copies one
after another, each planned against the target as the copies before it left it, and commits
only when all are written. Any failure on the way rolls it all back: the target is as it was.
A merge of large copies holds the target's write lock for as long as the writes take.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.changes import Changes
from app.domain.merge import Conflict, ConflictKind, CopyContents, MergePlan, plan_merge
from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import merge as merge_store
from app.store.migrate import display_location, is_url

__all__ = ["Conflict", "ConflictKind", "CopyReport", "MergeReport", "merge"]


@dataclass(frozen=True)
class CopyReport:
    """What merging one copy did (or, in a dry run, would do)."""

    copy: str  # the copy's location, as it may be shown
    annotators: tuple[str, ...]  # whose tags, marks and reviews were taken from it
    articles: int  # in the copy
    articles_matched: int  # of those, found in the target
    tags_added: int
    tags_unchanged: int  # found alike in the target
    marks_added: int
    links_added: int
    reviews_added: int
    sources_added: tuple[str, ...]
    annotators_added: tuple[str, ...]
    claims_added: tuple[str, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def tags_conflicting(self) -> int:
        return sum(1 for c in self.conflicts if c.kind is ConflictKind.TAG)

    @property
    def added_anything(self) -> bool:
        return bool(
            self.tags_added or self.marks_added or self.links_added or self.reviews_added
            or self.sources_added or self.annotators_added or self.claims_added
        )  # fmt: skip


@dataclass(frozen=True)
class MergeReport:
    target: str
    copies: tuple[CopyReport, ...]
    written: bool  # False in a dry run, and when there was nothing to add
    changes: Changes  # what the window reloads

    @property
    def tags_added(self) -> int:
        return sum(c.tags_added for c in self.copies)

    @property
    def conflicts(self) -> int:
        return sum(len(c.conflicts) for c in self.copies)


class _DryRun(Exception):
    """Rolls the merge's transaction back once it has been planned and written."""


def merge(
    target: Project,
    copies: Sequence[str | Path],
    *,
    annotators: Sequence[str] = (),
    dry_run: bool = False,
) -> MergeReport:
    """Merge `copies` (files or database URLs) into `target`, in one transaction; only the
    tags, marks and reviews of `annotators` when given. With `dry_run`, the merge is made and
    rolled back: the report says what it would do, and the target is left as it was."""
    locations = _distinct(target, copies)
    contents = [_read(location) for location in locations]
    chosen = tuple(dict.fromkeys(annotators)) or None
    if chosen is not None:
        everyone = {name for c in contents for name in c.annotators}
        unknown = [name for name in chosen if name not in everyone]
        if unknown:
            names = " | ".join(repr(n) for n in unknown)
            theirs = ", ".join(sorted(everyone)) or "—"
            template = (
                QT_TRANSLATE_NOOP(
                    "Refusals", "no annotator called {names} in that copy (theirs: {theirs})"
                )
                if len(contents) == 1
                else QT_TRANSLATE_NOOP(
                    "Refusals", "no annotator called {names} in those copies (theirs: {theirs})"
                )
            )
            raise DomainError(template.format(names=names, theirs=theirs))
    reports: list[CopyReport] = []
    try:
        with target.write() as conn:
            for copy in contents:
                index = merge_store.target_index(conn, copy.titles.keys())
                plan = plan_merge(copy, index, chosen)
                merge_store.write_plan(conn, plan, index)
                reports.append(_report(copy, plan, chosen))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    written = not dry_run and any(r.added_anything for r in reports)
    return MergeReport(
        target.display_name,
        tuple(reports),
        written,
        Changes.everything() if written else Changes(),
    )


def _report(copy: CopyContents, plan: MergePlan, chosen: Sequence[str] | None) -> CopyReport:
    names = copy.annotators if chosen is None else tuple(n for n in copy.annotators if n in chosen)
    return CopyReport(
        copy=copy.location,
        annotators=names,
        articles=len(copy.titles),
        articles_matched=plan.articles_matched,
        tags_added=len(plan.tags),
        tags_unchanged=plan.tags_unchanged,
        marks_added=len(plan.marks),
        links_added=len(plan.links),
        reviews_added=len(plan.reviews),
        sources_added=tuple(s.name for s in plan.sources),
        annotators_added=plan.annotators,
        claims_added=tuple(c.label for c in plan.claims),
        conflicts=plan.conflicts,
    )


def _read(location: str) -> CopyContents:
    with Project.open(location) as copy, copy.read() as conn:
        return merge_store.read_copy(conn, copy.display_name)


def _distinct(target: Project, copies: Sequence[str | Path]) -> list[str]:
    """The copies' locations, each once; the target itself is refused as a copy."""
    if not copies:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "name at least one copy to merge"))
    here = _place(target.location)
    seen: dict[str, str] = {}
    for copy in copies:
        location = str(copy)
        place = _place(location)
        if place == here:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "{location} is the target itself, not a copy").format(
                    location=display_location(location)
                )
            )
        seen.setdefault(place, location)
    return list(seen.values())


def _place(location: str) -> str:
    """A location in one spelling: a file's resolved path, a server URL without password."""
    if is_url(location) and not location.startswith("sqlite"):
        return display_location(location)
    path = location.split(":///", 1)[1] if is_url(location) else location
    return str(Path(path).resolve())
