"""Suggestions: who says a statement, how, and how firmly — list, accept, dismiss, apply.

The suggester proposes; a person decides. `suggest` only reads. `accept` (the panel's Enter)
and `apply` (`sourcetrack suggest --apply`) write through `tagging.tag` with origin
"suggestion", and never overwrite a tag a person made (origin manual or imported): they may
only create a tag, or update one that is itself a suggestion. `dismiss` (Backspace) hides a
suggestion for its annotator until the suggester proposes something else for that source.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import sqlalchemy as sa

from app.domain.aliases import AliasMatcher, SourceAliases, fold
from app.domain.certainty import Certainty, rank_on_scale
from app.domain.edits import UNCHANGED, AliasEdit, TagChange, TagKey
from app.domain.knowledge import enrich, others
from app.domain.layers import check_personal_annotator
from app.domain.learning import SpeakerPhrase, alias_forms, speaker_phrase
from app.domain.model import DomainError, Origin, Stance
from app.domain.rows import AnnotatorTag, LevelRow, SourceRow
from app.domain.suggest import (
    Evidence,
    ExistingTag,
    Status,
    status_against,
    suggest_article,
)
from app.services import sources as source_service
from app.services import tagging
from app.services.project import Project, default_annotator
from app.services.refusals import NO_SUCH_ARTICLES, NO_SUCH_STATEMENT
from app.store import judgements as judgement_store
from app.store import project_settings, queries
from app.store import suggestions as store
from app.store import tags as tag_store

__all__ = [
    "AcceptResult",
    "AliasOffer",
    "ApplyReport",
    "Certainty",
    "Evidence",
    "ExistingTag",
    "Outcome",
    "Status",
    "Suggestion",
    "accept",
    "apply",
    "alias_offers",
    "dismiss",
    "learn_alias",
    "learnt_aliases",
    "source_alias_offers",
    "restore",
    "statement_suggestions",
    "suggest",
    "undo_accept",
]


@dataclass(frozen=True)
class Suggestion:
    """One suggested attribution, with the evidence (absolute offsets into the body)."""

    statement_id: int
    article_id: int
    source: str
    source_id: int
    stance: Stance
    certainty: Certainty
    confidence: str | None  # the level's label on the project's active scale
    confidence_level_id: int | None
    score: float  # 0–1: how far to trust the suggestion itself
    evidence: tuple[Evidence, ...]
    status: Status = Status.NEW

    @property
    def pending(self) -> bool:
        """Worth showing in the panel: accepting it would change something."""
        return self.status.pending

    def against(self, existing: ExistingTag | None) -> Status:
        """This suggestion against the annotator's tag as it is now (see `status_against`)."""
        return status_against(existing, self.stance, self.confidence_level_id)

    def tag_change(self, annotator_id: int) -> TagChange:
        """The `tagging.tag` request that records this suggestion as `annotator_id`'s tag
        (origin "suggestion"); without a level on the active scale, the level is left as is."""
        return TagChange(
            TagKey(self.statement_id, self.source_id, annotator_id),
            stance=self.stance,
            confidence_level_id=(
                UNCHANGED if self.confidence_level_id is None else self.confidence_level_id
            ),
            origin=Origin.SUGGESTION,
        )


class Outcome(enum.StrEnum):
    """What `accept` did."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # a person's tag was there: nothing written


@dataclass(frozen=True)
class AcceptResult:
    """What `accept` did, with the tag as it was before, so the panel can undo it."""

    outcome: Outcome
    statement_id: int
    source: str
    attribution_id: int | None
    before: AnnotatorTag | None = None  # the tag as it was (for undo); None if there was none
    changes: tagging.Changes = field(default_factory=tagging.Changes)


@dataclass
class ApplyReport:
    """Counts of what `apply` did with each suggestion."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # not applied: a person's tag is there, or their "no source" mark
    dismissed: int = 0  # suggestions the annotator dismissed, left alone
    statement_ids: set[int] = field(default_factory=set)

    def summary(self) -> str:
        """One line for the command line."""
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.kept} kept (a person's tag), {self.dismissed} dismissed"
        )


def suggest(
    project: Project,
    *,
    article_id: int | None = None,
    annotator: str | None = None,
    include_dismissed: bool = False,
) -> list[Suggestion]:
    """Suggestions for one article's statements (or every article's), in text order.

    Each carries its status against `annotator`'s tags (default: the current annotator).
    """
    annotator = annotator or default_annotator()
    with project.read() as conn:
        found = _suggest(conn, article_id, annotator)
    if article_id is not None and found is None:
        raise DomainError(NO_SUCH_ARTICLES.format(ids=article_id))
    return [s for s in found or [] if include_dismissed or s.status is not Status.DISMISSED]


def statement_suggestions(
    project: Project, statement_id: int, *, annotator: str | None = None
) -> list[Suggestion]:
    """The suggestions for one statement (the tag panel), dismissed ones left out.

    The whole article is analysed, because a statement may continue the one before it.
    """
    with project.read() as conn:
        article_id = store.article_of_statement(conn, statement_id)
        if article_id is None:
            raise DomainError(NO_SUCH_STATEMENT.format(id=statement_id))
        found = _suggest(conn, article_id, annotator or default_annotator()) or []
    return [s for s in found if s.statement_id == statement_id and s.status != Status.DISMISSED]


def accept(
    project: Project, suggestion: Suggestion, *, annotator: str | None = None
) -> AcceptResult:
    """Record a suggestion as a tag (origin "suggestion"); a person's tag is never overwritten."""
    annotator = annotator or default_annotator()
    with project.read() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator, create=False)
        existing = store.annotator_tags(conn, [suggestion.statement_id], annotator_id).get(
            (suggestion.statement_id, suggestion.source_id)
        )
    status = suggestion.against(_existing_tag(existing))
    if existing is not None and status in (Status.TAGGED, Status.KEPT):
        # The same already, or a person's tag, which a suggestion never overwrites.
        outcome = Outcome.UNCHANGED if status is Status.TAGGED else Outcome.KEPT
        return AcceptResult(
            outcome, suggestion.statement_id, suggestion.source, existing.id, existing
        )
    if annotator_id is None:  # a new annotator: registered as the window does when it opens
        with project.write() as conn:
            annotator_id = tag_store.annotator_id(conn, annotator)
        assert annotator_id is not None
    edit = tagging.tag(project, suggestion.tag_change(annotator_id))
    assert edit.after is not None
    return AcceptResult(
        Outcome.CREATED if edit.created else Outcome.UPDATED,
        suggestion.statement_id,
        suggestion.source,
        edit.after.id,
        existing,
        edit.changes,
    )


def undo_accept(project: Project, result: AcceptResult, *, annotator: str | None = None) -> None:
    """Put the tag back as it was before `accept` (remove it, or restore stance and level)."""
    if result.outcome is Outcome.CREATED:
        tagging.untag_statement(project, result.statement_id, result.source, annotator)
    elif result.outcome is Outcome.UPDATED and result.before is not None:
        before = result.before
        tagging.tag(
            project,
            TagChange(
                TagKey(before.statement_id, before.source_id, before.annotator_id),
                stance=before.stance,
                confidence_level_id=before.confidence_level_id,
                origin=before.origin,
            ),
        )


def dismiss(project: Project, suggestion: Suggestion, *, annotator: str | None = None) -> bool:
    """Hide a suggestion for this annotator; False when it was dismissed already."""
    with project.write() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator or default_annotator())
        assert annotator_id is not None
        return store.add_dismissal(
            conn,
            annotator_id,
            suggestion.statement_id,
            suggestion.source_id,
            suggestion.stance.value,
        )


def restore(project: Project, suggestion: Suggestion, *, annotator: str | None = None) -> bool:
    """Undo a dismissal; False when the suggestion was not dismissed."""
    with project.write() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator or default_annotator(), create=False)
        return annotator_id is not None and store.remove_dismissal(
            conn, annotator_id, suggestion.statement_id, suggestion.source_id
        )


def apply(
    project: Project,
    *,
    article_id: int | None = None,
    annotator: str | None = None,
    suggestions: Sequence[Suggestion] | None = None,
) -> ApplyReport:
    """Accept every pending suggestion (of one article, or all): `suggest --apply`.

    Idempotent: a second run finds every suggestion tagged and writes nothing. A statement the
    annotator marked "no source" is a person's judgement too: its suggestions are kept out.
    """
    annotator = check_personal_annotator(annotator or default_annotator())
    if suggestions is None:
        suggestions = suggest(
            project, article_id=article_id, annotator=annotator, include_dismissed=True
        )
    with project.read() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator, create=False)
        marked = (
            set()
            if annotator_id is None
            else set(
                judgement_store.marking_annotators(
                    conn, {s.statement_id for s in suggestions}, annotator_id
                )
            )
        )
    report = ApplyReport()
    for suggestion in suggestions:
        if suggestion.status is Status.DISMISSED:
            report.dismissed += 1
            continue
        if suggestion.statement_id in marked:
            report.kept += 1
            continue
        outcome = accept(project, suggestion, annotator=annotator)
        if outcome.outcome is Outcome.CREATED:
            report.created += 1
        elif outcome.outcome is Outcome.UPDATED:
            report.updated += 1
        elif outcome.outcome is Outcome.KEPT:
            report.kept += 1
        else:
            report.unchanged += 1
        if outcome.outcome in (Outcome.CREATED, Outcome.UPDATED):
            report.statement_ids.add(suggestion.statement_id)
    return report


# --- internals -------------------------------------------------------------------------------


def _existing_tag(row: AnnotatorTag | None) -> ExistingTag | None:
    """A stored attribution row as the tag a suggestion is weighed against."""
    if row is None:
        return None
    return ExistingTag(row.stance, row.confidence_level_id, row.origin)


def _suggest(
    conn: sa.Connection, article_id: int | None, annotator: str
) -> list[Suggestion] | None:
    """Suggestions with their status; None when `article_id` names no article."""
    articles = store.articles_to_suggest(conn, article_id)
    if article_id is not None and not articles:
        return None
    sources = tag_store.list_sources(conn)
    aliases = _suggesting_sources(conn, sources)
    source_ids = {s.name: s.id for s in sources}
    scale_name, levels = store.active_scale(conn)
    pairs = [(lv.rank, lv.label) for lv in levels]
    by_rank: dict[int | None, LevelRow] = {lv.rank: lv for lv in levels}
    level_of = {c: by_rank.get(rank_on_scale(c, scale_name, pairs)) for c in Certainty}
    annotator_id = tag_store.annotator_id(conn, annotator, create=False)
    dismissed = store.dismissed(conn, annotator_id, article_id)
    result: list[Suggestion] = []
    for article in articles:
        refs = store.statement_spans(conn, article.id)
        proposals = suggest_article(article.body, refs, aliases, article.language)
        tags = store.annotator_tags(conn, [r.key for r in refs], annotator_id)
        for p in proposals:
            level = level_of[p.certainty]
            suggestion = Suggestion(
                statement_id=p.key,
                article_id=article.id,
                source=p.source,
                source_id=source_ids[p.source],
                stance=p.stance,
                certainty=p.certainty,
                confidence=level.label if level else None,
                confidence_level_id=level.id if level else None,
                score=p.score,
                evidence=p.evidence,
            )
            key = (p.key, suggestion.source_id)
            dismissed_stance = dismissed.get(key)
            status = status_against(
                _existing_tag(tags.get(key)),
                suggestion.stance,
                suggestion.confidence_level_id,
                dismissed=Stance(dismissed_stance) if dismissed_stance else None,
            )
            result.append(replace(suggestion, status=status))
    return result


def _suggesting_sources(conn: sa.Connection, sources: Sequence[SourceRow]) -> list[SourceAliases]:
    """The project's sources as the suggester sees them: their aliases, those the knowledge
    base knows for them, those learnt from tags (marked so), and the speakers the project does
    not track, so that their words go to nobody."""
    learnt = _learnt(conn)
    own = [
        SourceAliases(
            s.name,
            {lang: tuple(items) for lang, items in s.aliases.items()},
            specific=s.parent_id is not None,
            learnt=frozenset(alias for sid, _lang, alias in learnt if sid == s.id),
        )
        for s in sources
    ]
    base = source_service.knowledge_base()
    return [*enrich(own, base), *others(own, base)]


# --- learning aliases from tags ------------------------------------------------------------

# The project setting listing the aliases adopted from tags: JSON [[source_id, language, alias]].
LEARNT_SETTING = "suggest.learnt_aliases"


@dataclass(frozen=True)
class AliasOffer:
    """A phrase a tagged statement names its speaker by, which its source lacks as an alias."""

    statement_id: int
    source_id: int
    source: str
    language: str
    phrase: str
    is_name: bool = True  # a person's name: adopting it adds the surname alone too


def alias_offers(
    project: Project, statement_id: int, *, annotator: str | None = None
) -> list[AliasOffer]:
    """What a statement's tags teach: for each source the annotator tagged it with, the phrase
    naming the speaker ("Navy spokesman Serhiy Bondar said") when no alias of that source (nor
    of another) matches it already. Nothing is added until `learn_alias`."""
    annotator = annotator or default_annotator()
    with project.read() as conn:
        article_id = store.article_of_statement(conn, statement_id)
        if article_id is None:
            raise DomainError(NO_SUCH_STATEMENT.format(id=statement_id))
        (article,) = store.articles_to_suggest(conn, article_id)
        ref = next(r for r in store.statement_spans(conn, article_id) if r.key == statement_id)
        annotator_id = tag_store.annotator_id(conn, annotator, create=False)
        tags = store.annotator_tags(conn, [statement_id], annotator_id)
        sources = tag_store.list_sources(conn)
        known = _suggesting_sources(conn, sources)
    language = article.language if article.language in ("fr", "en") else "fr"
    phrase = speaker_phrase(article.body[ref.start : ref.end], language)
    if phrase is None or not phrase.named or len(tags) != 1:
        return []  # a title ("the ministry") means too many speakers to learn from
    named = AliasMatcher(known, language).mentions(fold(phrase.text).text)
    if named:  # some alias names the speaker already: nothing to learn
        return []
    by_id = {s.id: s for s in sources}
    return [
        AliasOffer(
            statement_id, source_id, by_id[source_id].name, language, phrase.text, phrase.is_name
        )
        for (_statement, source_id) in sorted(tags)
        if source_id in by_id
    ]


def source_alias_offers(
    project: Project, source_id: int, *, annotator: str | None = None
) -> list[AliasOffer]:
    """Every name the annotator's tags of one source teach (the Sources dialog's offer), one
    offer per name, in text order."""
    annotator = annotator or default_annotator()
    with project.read() as conn:
        annotator_id = tag_store.annotator_id(conn, annotator, create=False)
        source = tag_store.get_source(conn, source_id)
        if annotator_id is None or source is None:
            return []
        rows = queries.list_statements(conn, source_name=source.name, tagged_by=annotator_id)
        tags = store.annotator_tags(conn, [r.id for r in rows], annotator_id)
        languages = {
            a.id: a.language
            for article_id in {r.article_id for r in rows}
            for a in store.articles_to_suggest(conn, article_id)
        }
        known = _suggesting_sources(conn, tag_store.list_sources(conn))
    per_statement = Counter(statement for statement, _source in tags)
    matchers: dict[str, AliasMatcher] = {}
    offers: dict[tuple[str, str], AliasOffer] = {}
    for row in rows:
        if per_statement[row.id] != 1:
            continue  # a statement of two sources does not tell whose the name is
        language = languages.get(row.article_id)
        language = language if language in ("fr", "en") else "fr"
        phrase = speaker_phrase(row.text, language)
        if phrase is None or not phrase.named:
            continue
        matcher = matchers.setdefault(language, AliasMatcher(known, language))
        if matcher.mentions(fold(phrase.text).text):
            continue
        offers.setdefault(
            (language, phrase.text),
            AliasOffer(row.id, source_id, source.name, language, phrase.text, phrase.is_name),
        )
    return list(offers.values())


def learn_alias(project: Project, offer: AliasOffer) -> AliasEdit:
    """Adopt an offered phrase as an alias of its source (a name with its surname alone),
    remembered as learnt: evidence from it reads "alias (learnt)". `sources.remove_alias`
    takes it away again."""
    forms = alias_forms(SpeakerPhrase(offer.phrase, 0, len(offer.phrase), offer.is_name))
    edit = source_service.add_aliases(project, offer.source_id, offer.language, forms)
    with project.write() as conn:
        learnt = _learnt(conn)
        for form in forms:
            entry = (offer.source_id, offer.language, form)
            if entry not in learnt:
                learnt.append(entry)
        project_settings.set_setting(conn, LEARNT_SETTING, json.dumps(learnt))
    return edit


def learnt_aliases(project: Project) -> list[tuple[str, str, str]]:
    """(source, language, alias) of every alias adopted from tags and still held."""
    with project.read() as conn:
        learnt = _learnt(conn)
        sources = {s.id: s for s in tag_store.list_sources(conn)}
    return [
        (sources[sid].name, lang, alias)
        for sid, lang, alias in learnt
        if sid in sources and alias in sources[sid].aliases.get(lang, ())
    ]


def _learnt(conn: sa.Connection) -> list[tuple[int, str, str]]:
    raw = project_settings.get_setting(conn, LEARNT_SETTING)
    if not raw:
        return []
    try:
        items = json.loads(raw)
        return [(int(sid), str(lang), str(alias)) for sid, lang, alias in items]
    except (TypeError, ValueError):
        return []  # a damaged setting teaches nothing; the aliases themselves stay
