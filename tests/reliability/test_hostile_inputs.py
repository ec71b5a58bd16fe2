"""Hostile inputs: each refused in one clear line with the project unchanged, or read correctly,
with no network, no hang and bounded memory (see hostile.py for the cases and the guards).

The older suites' malformed documents and tag CSVs are tested where they are defined
(tests/formats/test_malformed.py, tests/services/test_import_tags.py); the full run counts them too.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.services.project import Project
from app.services.reading import InputError, decode_text
from app.store.engine import create_project_engine, sqlite_url
from app.store.migrate import upgrade_url

from . import hostile
from .hostile_cases import CASES, Case

EXPECTED = {"import": "refused cleanly", "import-tags": "refused cleanly",
            "project": "refused cleanly", "warn": "warned"}  # fmt: skip


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> hostile.HostileRunner:
    return hostile.HostileRunner(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_input_is_handled_cleanly(runner: hostile.HostileRunner, case: Case) -> None:
    outcome = runner.run(case)
    expected = "read correctly" if case.read_back else EXPECTED[case.kind]
    assert outcome.verdict == expected
    # A 1 GB file is refused by its size (its message says so) without being read into memory.
    assert outcome.rss_growth_mb < hostile.MEMORY_LIMIT_MB


def test_the_cases_cover_the_issue_list() -> None:
    names = " | ".join(c.name for c in CASES)
    for wanted in ("empty file", "binary renamed", "invalid UTF-8", "UTF-16 LE without BOM",
                   "1 GB text file", "HTML with scripts", "tag CSV with a 3 MB cell",
                   "a text file opened as a project", "a trigger planted", "a view calling",
                   "Dropbox", "NFS"):  # fmt: skip
        assert wanted in names


# --- text of unknown encoding -----------------------------------------------------------------

FRENCH = "Le Kremlin a démenti l’information, selon Séoul. « Aucune troupe », dit Moscou.\n"
KOREAN = "북한군이 러시아에 파병되었다고 합동참모본부가 밝혔다. 크렘린은 이를 부인했다.\n"


@pytest.mark.parametrize("text", [FRENCH, KOREAN, "Séoul dément.\n"], ids=["fr", "ko", "short"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), "a.txt").text == text


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00" * 100,  # NULs where UTF-16 puts them, but no prose once decoded
        bytes(b for i in range(1, 2000) for b in (i % 251 + 1, 0)),  # controls once decoded
        bytes(range(256)) * 40,
    ],
    ids=["nul-every-fourth", "binary-utf16-pattern", "all-bytes"],
)
def test_binary_with_nul_bytes_is_not_taken_for_utf16(data: bytes) -> None:
    with pytest.raises(InputError, match="does not look like text"):
        decode_text(data, "x.txt")


def test_windows_1252_is_not_taken_for_damaged_utf8() -> None:
    text = "L’armée « nord-coréenne » – œuvre d’un “traité” signé à Pyongyang.\n" * 3
    assert decode_text(text.encode("cp1252")).text == text


# --- SQLite files with code planted in them -----------------------------------------------------


def test_trusted_schema_off_keeps_a_planted_view_from_calling_functions(tmp_path: Path) -> None:
    """Defence in depth under the refusal: even on a connection of the app, a view (or trigger)
    cannot call a function that is not marked innocuous — every Python function is not."""
    path = tmp_path / "p.sourcetrack"
    upgrade_url(sqlite_url(path))
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE VIEW planted AS SELECT spy(title) FROM articles")
        conn.execute("INSERT INTO articles (title, body, body_sha256, imported_at) "
                     "VALUES ('t', 'b', 's', '2024-01-01')")  # fmt: skip
        conn.commit()
    calls: list[object] = []
    engine = create_project_engine(sqlite_url(path))
    try:
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.create_function("spy", 1, lambda value: calls.append(value))
            with pytest.raises(sa.exc.OperationalError, match="unsafe use of spy"):
                connection.exec_driver_sql("SELECT * FROM planted").fetchall()
    finally:
        engine.dispose()
    assert calls == []
    # The control: with SQLite's default (trusted_schema on), the same view runs the function.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        if conn.execute("PRAGMA trusted_schema").fetchone()[0]:
            conn.create_function("spy", 1, lambda value: calls.append(value))
            conn.execute("SELECT * FROM planted").fetchall()
            assert calls == ["t"]


def test_extra_ordinary_tables_are_inert_and_allowed(tmp_path: Path) -> None:
    """The refusal is for objects that run code; a researcher's own table is left alone."""
    path = tmp_path / "p.sourcetrack"
    Project.open(path, create=True).close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE my_notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("CREATE INDEX ix_my_notes_text ON my_notes (text)")
        conn.commit()
    with Project.open(path) as project, project.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sources").scalar() == 3
