"""The open article's suggestions: analysed once per article, filtered against current tags.

The analysis depends on the text and the sources' aliases, not on the tags, so editing a tag
does not redo it; whether a suggestion is still worth offering is decided from the tags.
"""

from __future__ import annotations

from typing import Any

from app.domain.model import DomainError
from app.services import suggest as suggest_service
from app.services.project import Project


class SuggestionCache:
    def __init__(self) -> None:
        self.article_id: int | None = None
        self.by_statement: dict[int, list[Any]] = {}

    def invalidate(self) -> None:
        """The text or the dismissals changed: analyse again on the next load."""
        self.article_id = None

    def load(self, project: Project, article_id: int | None, annotator: str) -> None:
        if article_id == self.article_id:
            return
        self.by_statement = {}
        self.article_id = article_id
        if article_id is None:
            return
        try:
            found = suggest_service.suggest(project, article_id=article_id, annotator=annotator)
        except DomainError:
            return
        for suggestion in found:
            self.by_statement.setdefault(suggestion.statement_id, []).append(suggestion)

    def pending(
        self, statement_id: int, tags: list[dict[str, Any]], annotator_id: int
    ) -> list[Any]:
        """Suggestions accepting would change something for: no tag of this annotator for that
        source yet, or a suggestion-made tag that differs. A person's tag is never offered to
        be overwritten."""
        mine = {t["source_id"]: t for t in tags if t["annotator_id"] == annotator_id}
        pending = []
        for suggestion in self.by_statement.get(statement_id, []):
            tag = mine.get(suggestion.source_id)
            if tag is None or (
                tag["origin"] == "suggestion"
                and (tag["stance"], tag["confidence_level_id"])
                != (suggestion.stance.value, suggestion.confidence_level_id)
            ):
                pending.append(suggestion)
        return pending
