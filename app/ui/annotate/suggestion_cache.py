"""The open article's suggestions: analysed once per article, filtered against current tags.

The analysis depends on the text and the sources' aliases, not on the tags, so editing a tag
does not redo it; whether a suggestion is still worth offering is decided from the tags, by
the domain's one rule (`app.domain.suggest.status_against`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.domain.rows import TagRow
from app.domain.suggest import ExistingTag
from app.services.suggest import Suggestion


class SuggestionCache:
    def __init__(self) -> None:
        self.article_id: int | None = None
        self.by_statement: dict[int, list[Suggestion]] = {}

    def invalidate(self) -> None:
        """The text or the dismissals changed: analyse again on the next load."""
        self.article_id = None

    def load(self, article_id: int | None, analyse: Callable[[int], list[Suggestion]]) -> None:
        """The suggestions of an article, analysed unless they are held already."""
        if article_id == self.article_id:
            return
        self.by_statement = {}
        self.article_id = article_id
        if article_id is None:
            return
        for suggestion in analyse(article_id):
            self.by_statement.setdefault(suggestion.statement_id, []).append(suggestion)

    def pending(
        self, statement_id: int, tags: Sequence[TagRow], annotator_id: int
    ) -> list[Suggestion]:
        """Suggestions accepting would change something for: no tag of this annotator for that
        source yet, or a suggestion-made tag that differs. A person's tag is never offered to
        be overwritten, and a source someone else tagged on the statement is not suggested
        either: a person judged it already, and offering the machine's guess beside their
        judgement only invites a second tag that merely copies the first."""
        mine = {
            t.source_id: ExistingTag(t.stance, t.confidence_level_id, t.origin)
            for t in tags
            if t.annotator_id == annotator_id
        }
        theirs = {t.source_id for t in tags if t.annotator_id != annotator_id}
        return [
            suggestion
            for suggestion in self.by_statement.get(statement_id, [])
            if suggestion.source_id not in theirs
            and suggestion.against(mine.get(suggestion.source_id)).pending
        ]
