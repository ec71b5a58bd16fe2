"""Full-text search, first page of the Statements view, against a raw FTS5 MATCH … LIMIT."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.benchmarks.common import best, project, result

WORDS = ("Koursk", "Kremlin nier", "troops Kursk")  # common, two-word, English
PAGE = 64  # the Statements view's first page


def run(statements: int, workdir: Path, runs: int = 5) -> list[dict[str, Any]]:
    from app.services import statement_table
    from app.services.project import Project
    from app.services.statement_table import StatementFilter
    from app.store.fts import match_query

    path = project(workdir, statements)
    results = []
    with Project.open(path) as opened:
        raw = sqlite3.connect(path)
        try:
            for words in WORDS:

                def ours(words: str = words) -> None:
                    rows = statement_table.fetch_page(
                        opened, StatementFilter(search=words), limit=PAGE
                    )
                    assert rows

                def floor(words: str = words) -> None:
                    raw.execute(
                        "SELECT rowid FROM statement_fts WHERE statement_fts MATCH ? LIMIT ?",
                        (match_query(words), PAGE),
                    ).fetchall()

                results.append(
                    result(
                        f"full-text search '{words}', first page, {statements:,} statements",
                        best(ours, runs),
                        best(floor, runs),
                        2.0,
                    )
                )
        finally:
            raw.close()
    return results
