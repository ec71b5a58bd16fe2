"""Whole-database snapshots for tests that must prove an undo restores rows exactly."""

from __future__ import annotations

import sqlalchemy as sa

from app.domain import search_words
from app.services.project import Project
from app.store.schema import metadata

TABLES = tuple(metadata.tables)  # every table of the schema, so a new one is covered too


def snapshot(project: Project) -> dict[str, list[tuple[object, ...]]]:
    with project.read() as conn:
        return {
            table: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in TABLES
        }


def search(project: Project, words: str) -> list[int]:
    """Statement ids the full-text index finds (checks the index follows every edit): the FTS5
    table on SQLite, the `search_vector` column on PostgreSQL (its words folded as
    app.domain.search_words folds them)."""
    with project.read() as conn:
        if conn.dialect.name == "postgresql":
            query = sa.text(
                "SELECT id FROM statements "
                "WHERE search_vector @@ plainto_tsquery('simple', :q)"
            )
            found = conn.execute(query, {"q": " ".join(search_words.words(words))})
        else:
            query = sa.text("SELECT rowid FROM statement_fts WHERE statement_fts MATCH :q")
            found = conn.execute(query, {"q": words})
        return sorted(r[0] for r in found)
