"""Refusals several use cases word alike (one catalogue message each; see app/domain/wording)."""

from __future__ import annotations

from app.domain.wording import QT_TRANSLATE_NOOP

NO_SUCH_ARTICLES = QT_TRANSLATE_NOOP("Refusals", "no article with id {ids}")
NO_SUCH_STATEMENT = QT_TRANSLATE_NOOP("Refusals", "no statement with id {id}")
NO_SUCH_ANNOTATOR = QT_TRANSLATE_NOOP("Refusals", "no annotator called '{name}' in this project")
