"""Merging coders' copies of a project into one: what matches, what is added, what conflicts.

A coder tags a copy of the project (a file carried away, or a database of their own); `merge`
brings what the copy's annotators did into the target, under their names. Nothing is matched by
id, since ids differ between projects: an article is the one with the same text (the SHA-256 of
its body), a statement the one of that article at the same offsets, a source, an annotator and a
claim the one of the same name (a source's in any case), a confidence level the one of the same
scale, rank and label. So a copy of the same project and another project holding the same
articles merge alike.

The rules, for each copy:

- a tag (statement, source, annotator) the target lacks is added as the copy has it: stance,
  confidence, note, origin and times; one the target has alike (stance, confidence, note) is
  unchanged; one that differs is a conflict, and **the target's is kept**: a merge never
  overwrites what the target says (change it there, or adjudicate);
- a "no source" mark, a claim link and a review are added where the target lacks them; a mark
  where the target has tags of the same annotator on the statement (or a tag where it has the
  annotator's mark) is a conflict, the target's judgement kept, as a tag and a mark of one
  annotator never stand together;
- a source, an annotator or a claim the target lacks is added with what the copy says of it
  (colour, description, reliability, parent; a claim's description), when a merged tag or link
  needs it;
- what cannot be matched is reported and left out: an article the target does not hold, a
  statement the target does not have at the same offsets (split, merged or made in only one of
  them), a confidence level the target's scales do not have;
- a merge never deletes: a tag the target has and the copy lacks stays.

Merging the same copy again adds nothing: everything it holds is then found alike.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.model import Origin, Stance
from app.domain.wording import QT_TRANSLATE_NOOP, Words


@dataclass(frozen=True)
class LevelName:
    """A confidence level as any project names it: its scale, rank and label."""

    scale: str
    rank: int
    label: str

    def __str__(self) -> str:
        return str(self.words())

    def words(self) -> Words:
        return QT_TRANSLATE_NOOP("Merge", "'{label}' (rank {rank} of '{scale}')").format(
            label=self.label, rank=self.rank, scale=self.scale
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A statement as any project finds it: its article's body hash and its offsets."""

    article: str  # SHA-256 of the body
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CopyTag:
    place: Place
    source: str
    annotator: str
    stance: Stance
    level: LevelName | None
    note: str
    origin: Origin
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CopyMark:
    """A statement its annotator marked "no source"."""

    place: Place
    annotator: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CopyLink:
    place: Place
    claim: str  # the label


@dataclass(frozen=True, slots=True)
class CopyReview:
    article: str  # SHA-256 of the body
    annotator: str
    reviewed_at: datetime


@dataclass(frozen=True)
class CopySource:
    name: str
    colour: str
    description: str
    reliability: str | None
    parent: str | None  # the parent source's name


@dataclass(frozen=True)
class CopyClaim:
    label: str
    description: str


@dataclass(frozen=True)
class CopyContents:
    """Everything of a copy a merge can bring, by names and places (never by ids)."""

    location: str  # as it may be shown (no password)
    titles: Mapping[str, str]  # every article's title, by body hash
    sources: tuple[CopySource, ...]
    claims: tuple[CopyClaim, ...]
    tags: tuple[CopyTag, ...]
    marks: tuple[CopyMark, ...] = ()
    links: tuple[CopyLink, ...] = ()
    reviews: tuple[CopyReview, ...] = ()

    @property
    def annotators(self) -> tuple[str, ...]:
        """Everyone with a tag, a mark or a review in the copy, by name."""
        names = {t.annotator for t in self.tags} | {m.annotator for m in self.marks}
        return tuple(sorted(names | {r.annotator for r in self.reviews}))


@dataclass(frozen=True)
class TagState:
    """What a target's tag says: what a merge compares."""

    stance: Stance
    level_id: int | None
    note: str
    level: str | None = None  # the level's label, for messages


@dataclass(frozen=True)
class TargetIndex:
    """The target as a merge matches against it: ids by name and place."""

    articles: Mapping[str, int]  # body hash → article id
    statements: Mapping[tuple[int, int, int], int]  # (article id, start, end) → statement id
    sources: Mapping[str, int]  # name → id
    annotators: Mapping[str, int]
    levels: Mapping[LevelName, int]
    claims: Mapping[str, int]  # label → id
    tags: Mapping[tuple[int, int, int], TagState]  # (statement, source, annotator ids)
    marks: Collection[tuple[int, int]]  # (statement, annotator ids)
    links: Collection[tuple[int, int]]  # (statement, claim ids)
    reviews: Collection[tuple[int, int]]  # (article, annotator ids)

    def source_id(self, name: str) -> int | None:
        """A source by its exact name, else by the name in any case (as `--source` finds it)."""
        found = self.sources.get(name)
        if found is None:
            folded = {n.casefold(): i for n, i in self.sources.items()}
            found = folded.get(name.casefold())
        return found


class Reason(Words):
    """Why something of a copy was not merged: catalogue words (see `app.domain.wording`),
    English for the command line, worded again by the window in its language.

    A reason's words never change, so a copy of it (`dataclasses.asdict`, which the command
    line's JSON report uses) is the reason itself.
    """

    @classmethod
    def of(cls, words: Words) -> Reason:
        return cls(words.context, words.source, words.arguments)

    def __copy__(self) -> Reason:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Reason:
        return self


@dataclass(frozen=True)
class Unmerged:
    """What a copy holds in a place the target lacks, left out: a reason's `{lost}`. Its text
    counts in English (the command line's); the window counts these numbers in its language."""

    tags: int = 0
    marks: int = 0  # "no source" marks
    links: int = 0  # claim links

    def __str__(self) -> str:
        return ", ".join(
            f"{n} {what}{'s' if n != 1 else ''}"
            for n, what in (
                (self.tags, "tag"),
                (self.marks, "no-source mark"),
                (self.links, "claim link"),
            )
            if n
        )


class ConflictKind(enum.StrEnum):
    ARTICLE = "article not in the target"
    STATEMENT = "statement not in the target"
    LEVEL = "confidence level not in the target"
    TAG = "tag differs"
    JUDGEMENT = "no source against tags"


@dataclass(frozen=True)
class Conflict:
    """Something of a copy not merged, and why, in words."""

    kind: ConflictKind
    article: str  # the title
    reason: Reason
    start: int | None = None
    end: int | None = None
    source: str | None = None
    annotator: str | None = None


@dataclass(frozen=True, slots=True)
class NewTag:
    statement_id: int
    source: str
    annotator: str
    stance: Stance
    level_id: int | None
    note: str
    origin: Origin
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class NewMark:
    statement_id: int
    annotator: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NewLink:
    statement_id: int
    claim: str


@dataclass(frozen=True, slots=True)
class NewReview:
    article_id: int
    annotator: str
    reviewed_at: datetime


@dataclass(frozen=True)
class MergePlan:
    """What merging one copy into the target writes, and what it leaves out."""

    articles_matched: int
    sources: tuple[CopySource, ...] = ()  # to add to the target
    annotators: tuple[str, ...] = ()
    claims: tuple[CopyClaim, ...] = ()
    tags: tuple[NewTag, ...] = ()
    marks: tuple[NewMark, ...] = ()
    links: tuple[NewLink, ...] = ()
    reviews: tuple[NewReview, ...] = ()
    tags_unchanged: int = 0
    conflicts: tuple[Conflict, ...] = ()

    @property
    def writes(self) -> bool:
        return bool(
            self.sources or self.annotators or self.claims or self.tags or self.marks
            or self.links or self.reviews
        )  # fmt: skip


def plan_merge(
    copy: CopyContents, target: TargetIndex, annotators: Collection[str] | None = None
) -> MergePlan:
    """What merging `copy` into `target` adds and what conflicts (see the module's rules); only
    the tags, marks and reviews of `annotators` when given."""
    return _Planner(copy, target, annotators).plan()


@dataclass
class _Unmatched:
    """What a copy holds in a place the target lacks: counted for one conflict per place."""

    tags: int = 0
    marks: int = 0
    links: int = 0

    def lost(self) -> Unmerged:
        return Unmerged(self.tags, self.marks, self.links)


@dataclass
class _Planner:
    copy: CopyContents
    target: TargetIndex
    chosen: Collection[str] | None
    conflicts: list[Conflict] = field(default_factory=list)
    missing_articles: dict[str, _Unmatched] = field(default_factory=dict)
    missing_places: dict[Place, _Unmatched] = field(default_factory=dict)

    def plan(self) -> MergePlan:
        copy = self.copy
        tags = [t for t in copy.tags if self._wanted(t.annotator)]
        marks = [m for m in copy.marks if self._wanted(m.annotator)]
        reviews = [r for r in copy.reviews if self._wanted(r.annotator)]
        new_tags, unchanged = self._tags(tags)
        new_marks = self._marks(marks)
        new_links = self._links(copy.links)
        new_reviews = [
            NewReview(self.target.articles[r.article], r.annotator, r.reviewed_at)
            for r in reviews
            if r.article in self.target.articles
            and not self._has_review(self.target.articles[r.article], r.annotator)
        ]
        self._report_unmatched()
        used = {t.source for t in new_tags}
        sources = self._sources_to_add(used)
        annotators = sorted(
            {t.annotator for t in new_tags}
            | {m.annotator for m in new_marks}
            | {r.annotator for r in new_reviews}
        )
        known_claims = {c.label: c for c in copy.claims}
        claims = [
            known_claims.get(label, CopyClaim(label, ""))
            for label in dict.fromkeys(link.claim for link in new_links)
            if label not in self.target.claims
        ]
        return MergePlan(
            articles_matched=sum(1 for sha in copy.titles if sha in self.target.articles),
            sources=tuple(sources),
            annotators=tuple(a for a in annotators if a not in self.target.annotators),
            claims=tuple(claims),
            tags=tuple(new_tags),
            marks=tuple(new_marks),
            links=tuple(new_links),
            reviews=tuple(new_reviews),
            tags_unchanged=unchanged,
            conflicts=tuple(self.conflicts),
        )

    def _wanted(self, annotator: str) -> bool:
        return self.chosen is None or annotator in self.chosen

    def _statement(self, place: Place) -> int | None:
        """The target's statement at this place; None where it has none."""
        article_id = self.target.articles.get(place.article)
        if article_id is None:
            return None
        return self.target.statements.get((article_id, place.start, place.end))

    def _unmatched(self, place: Place) -> _Unmatched:
        if place.article not in self.target.articles:
            return self.missing_articles.setdefault(place.article, _Unmatched())
        return self.missing_places.setdefault(place, _Unmatched())

    def _tags(self, tags: list[CopyTag]) -> tuple[list[NewTag], int]:
        target = self.target
        new: list[NewTag] = []
        unchanged = 0
        added: set[tuple[int, str, str]] = set()  # two of the copy's sources in one name's case
        for tag in tags:
            statement_id = self._statement(tag.place)
            if statement_id is None:
                self._unmatched(tag.place).tags += 1
                continue
            level_id = None
            if tag.level is not None:
                level_id = target.levels.get(tag.level)
                if level_id is None:
                    self._conflict(
                        ConflictKind.LEVEL, tag.place, tag.source, tag.annotator,
                        QT_TRANSLATE_NOOP(
                            "Merge",
                            "the target has no confidence level {level}: this tag was not merged",
                        ).format(level=tag.level.words()),
                    )  # fmt: skip
                    continue
            source_id = target.source_id(tag.source)
            annotator_id = target.annotators.get(tag.annotator)
            existing = None
            if source_id is not None and annotator_id is not None:
                existing = target.tags.get((statement_id, source_id, annotator_id))
            if existing is not None:
                if (existing.stance, existing.level_id, existing.note) == (
                    tag.stance, level_id, tag.note,
                ):  # fmt: skip
                    unchanged += 1
                else:
                    self._conflict(
                        ConflictKind.TAG, tag.place, tag.source, tag.annotator,
                        QT_TRANSLATE_NOOP(
                            "Merge",
                            "{annotator}'s {source} tag differs: the target says {target}, the "
                            "copy {copy}; the target's is kept",
                        ).format(
                            annotator=tag.annotator,
                            source=tag.source,
                            target=_said(existing.stance, existing.level, existing.note),
                            copy=_said(
                                tag.stance, tag.level.label if tag.level else None, tag.note
                            ),
                        ),
                    )  # fmt: skip
                continue
            if annotator_id is not None and (statement_id, annotator_id) in target.marks:
                self._conflict(
                    ConflictKind.JUDGEMENT, tag.place, tag.source, tag.annotator,
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "{annotator} marked this statement no source in the target and tagged "
                        "{source} on it in the copy; the target's mark is kept",
                    ).format(annotator=tag.annotator, source=tag.source),
                )  # fmt: skip
                continue
            key = (statement_id, tag.source.casefold(), tag.annotator)
            if key in added:
                continue
            added.add(key)
            new.append(
                NewTag(
                    statement_id, tag.source, tag.annotator, tag.stance, level_id, tag.note,
                    tag.origin, tag.created_at, tag.updated_at,
                )
            )  # fmt: skip
        return new, unchanged

    def _marks(self, marks: list[CopyMark]) -> list[NewMark]:
        target = self.target
        tagged = {(key[0], key[2]) for key in target.tags}  # (statement, annotator)
        new: list[NewMark] = []
        for mark in marks:
            statement_id = self._statement(mark.place)
            if statement_id is None:
                self._unmatched(mark.place).marks += 1
                continue
            annotator_id = target.annotators.get(mark.annotator)
            if annotator_id is not None and (statement_id, annotator_id) in target.marks:
                continue
            if annotator_id is not None and (statement_id, annotator_id) in tagged:
                self._conflict(
                    ConflictKind.JUDGEMENT, mark.place, None, mark.annotator,
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "{annotator} marked this statement no source in the copy and tagged "
                        "it in the target; the target's tags are kept",
                    ).format(annotator=mark.annotator),
                )  # fmt: skip
                continue
            new.append(NewMark(statement_id, mark.annotator, mark.created_at))
        return new

    def _links(self, links: tuple[CopyLink, ...]) -> list[NewLink]:
        new: list[NewLink] = []
        seen: set[tuple[int, str]] = set()
        for link in links:
            statement_id = self._statement(link.place)
            if statement_id is None:
                self._unmatched(link.place).links += 1
                continue
            claim_id = self.target.claims.get(link.claim)
            if claim_id is not None and (statement_id, claim_id) in self.target.links:
                continue
            if (statement_id, link.claim) not in seen:
                seen.add((statement_id, link.claim))
                new.append(NewLink(statement_id, link.claim))
        return new

    def _has_review(self, article_id: int, annotator: str) -> bool:
        annotator_id = self.target.annotators.get(annotator)
        return annotator_id is not None and (article_id, annotator_id) in self.target.reviews

    def _sources_to_add(self, used: set[str]) -> list[CopySource]:
        missing = [s for s in self.copy.sources if self.target.source_id(s.name) is None]
        wanted = {s.name for s in missing if s.name in used}
        # A parent the target lacks comes with its child source.
        by_name = {s.name: s for s in missing}
        for name in list(wanted):
            parent = by_name[name].parent
            while parent is not None and parent in by_name and parent not in wanted:
                wanted.add(parent)
                parent = by_name[parent].parent
        return [s for s in missing if s.name in wanted]

    def _conflict(
        self,
        kind: ConflictKind,
        place: Place,
        source: str | None,
        annotator: str | None,
        words: Words,
    ) -> None:
        title = self.copy.titles.get(place.article, "")
        self.conflicts.append(
            Conflict(kind, title, Reason.of(words), place.start, place.end, source, annotator)
        )

    def _report_unmatched(self) -> None:
        titles = self.copy.titles
        for sha, title in titles.items():
            if sha in self.target.articles:
                continue
            held = self.missing_articles.get(sha)
            words = (
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "the target holds no article with the same text; {lost} of it not merged",
                ).format(lost=held.lost())
                if held
                else QT_TRANSLATE_NOOP("Merge", "the target holds no article with the same text")
            )
            self.conflicts.append(Conflict(ConflictKind.ARTICLE, title, Reason.of(words)))
        for place, held in self.missing_places.items():
            words = QT_TRANSLATE_NOOP(
                "Merge",
                "the target has no statement at {start}..{end} of this article (split, merged or "
                "made in only one of them); {lost} of it not merged",
            ).format(start=place.start, end=place.end, lost=held.lost())
            self.conflicts.append(
                Conflict(
                    ConflictKind.STATEMENT,
                    titles.get(place.article, ""),
                    Reason.of(words),
                    place.start,
                    place.end,
                )
            )


# A stance as a reason says it (the stored values are these English words).
_STANCES = {
    Stance.ASSERTS: QT_TRANSLATE_NOOP("Stance", "asserts"),
    Stance.DENIES: QT_TRANSLATE_NOOP("Stance", "denies"),
    Stance.NEUTRAL: QT_TRANSLATE_NOOP("Stance", "neutral"),
}


def _said(stance: Stance, level: str | None, note: str) -> Words:
    """What a tag says: "denies (Sure), note 'seen'"."""
    said = _STANCES[stance]
    if level and note:
        template = QT_TRANSLATE_NOOP("Merge", "{stance} ({level}), note '{note}'")
    elif level:
        template = QT_TRANSLATE_NOOP("Merge", "{stance} ({level})")
    elif note:
        template = QT_TRANSLATE_NOOP("Merge", "{stance}, note '{note}'")
    else:
        return said
    # The note on one line, as the command line prints a conflict on one.
    return template.format(stance=said, level=level, note=" ".join(note.split()))
