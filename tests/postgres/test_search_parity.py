"""Search finds the same statements on SQLite and on PostgreSQL: words in any order, accents
and case folded, the last word as a prefix, the parts of a hyphenated word side by side."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services import statement_table
from app.services.demo import build_demo
from app.services.project import Project
from app.store.statement_table import StatementFilter

# (query, at least this many statements on the demo): French and English, with and without
# accents and capitals, words out of order, prefixes, hyphens, apostrophes, and nothing.
QUERIES = [
    ("seoul", 1), ("Séoul", 1), ("SÉOUL", 1), ("koursk", 1), ("Koursk", 1),
    ("coree du nord", 1), ("Corée du Nord", 1), ("nord coree", 1), ("nord-coréens", 1),
    ("pertes lourdes", 1), ("l'armée", 1), ("l’armée russe", 1), ("etat-major", 1),
    ("North Korean", 1), ("korean north", 1), ("troops", 1), ("kurs", 1), ("russ", 1),
    ("Zelensky Kyiv", 1), ("zelensk", 1), ("nothing-like-this", 0), ("«", 0), ("'", 0),
    ("*", 0), ("\"OR\"", 0),
]


def _key(row: Any) -> tuple[str, int]:
    def get(name: str) -> Any:
        return row[name] if isinstance(row, dict) else getattr(row, name)

    return (str(get("title")), int(get("ordinal")))


def _found(project: Project, query: str) -> tuple[set[tuple[str, int]], int]:
    search = StatementFilter(search=query)
    rows = statement_table.fetch_page(project, search, limit=100_000)
    return {_key(r) for r in rows}, statement_table.count(project, search)


@pytest.fixture
def both(tmp_path: Path, pg_url: str) -> Iterator[tuple[Project, Project]]:
    on_file, on_server = build_demo(tmp_path / "demo.sourcetrack"), build_demo(pg_url)
    try:
        yield on_file, on_server
    finally:
        on_file.close()
        on_server.close()


def test_both_engines_find_the_same_statements(both: tuple[Project, Project]) -> None:
    on_file, on_server = both
    for query, at_least in QUERIES:
        file_rows, file_count = _found(on_file, query)
        server_rows, server_count = _found(on_server, query)
        assert server_rows == file_rows, query
        assert file_count == len(file_rows) and server_count == len(server_rows), query
        assert len(file_rows) >= at_least, query
        if at_least == 0:
            assert file_rows == set(), query


def _ids(project: Project, query: str) -> set[int]:
    rows = statement_table.fetch_page(project, StatementFilter(search=query), limit=100_000)
    return {int(r["id"] if isinstance(r, dict) else r.id) for r in rows}


def test_a_deleted_statement_leaves_the_search_and_comes_back_with_undo(pg_url: str) -> None:
    from app.services import editing

    with build_demo(pg_url) as project:
        before = _ids(project, "Zelensky")
        assert before
        gone = min(before)
        edit = editing.delete_statement(project, gone)
        assert _ids(project, "Zelensky") == before - {gone}
        editing.apply_statement_edit(project, edit, forward=False)
        assert _ids(project, "Zelensky") == before


def test_upgrading_a_server_project_indexes_the_statements_it_holds(pg_url: str) -> None:
    import sqlalchemy as sa
    from alembic import command

    from app.store.migrate import alembic_config

    with build_demo(pg_url) as project:
        expected = _ids(project, "coree du nord")
    engine = sa.create_engine(pg_url)
    with engine.begin() as connection:  # back to revision 0004, as an older Sourcetrack left it
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    engine.dispose()
    with Project.open(pg_url) as project:  # opening upgrades it
        assert expected and _ids(project, "coree du nord") == expected


def test_the_command_line_searches_as_the_window_does_on_both_engines(
    tmp_path: Path, pg_url: str
) -> None:
    import json

    from helpers import cli_ok

    on_file = tmp_path / "demo.sourcetrack"
    cli_ok(None, "demo", on_file)
    cli_ok(None, "demo", pg_url)
    for query in ("coree du nord", "Séoul", "korean north", "zelensk", "nothing-like-this"):
        found = []
        for location in (on_file, pg_url):
            out = cli_ok(None, "statements", location, "--search", query, "--format", "jsonl")
            found.append([json.loads(line)["text"] for line in out.splitlines()])
        assert found[0] == found[1], query
        with build_demo(tmp_path / f"{len(query)}.sourcetrack") as project:
            window = {(t, o) for t, o in _found(project, query)[0]}
        assert len(found[0]) == len(window), query
