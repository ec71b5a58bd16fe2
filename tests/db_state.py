"""Whole-database snapshots for tests that must prove an undo restores rows exactly."""

from __future__ import annotations

import sqlalchemy as sa

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
    """Statement ids the full-text index finds (checks the index follows every edit)."""
    with project.read() as conn:
        return sorted(
            r[0]
            for r in conn.execute(
                sa.text("SELECT rowid FROM statement_fts WHERE statement_fts MATCH :q"),
                {"q": words},
            )
        )
