"""Plain helper functions shared by the command-line, import and export tests.

They read projects with the plain database drivers (the standard library's `sqlite3`, or
`psycopg` for a project on PostgreSQL) where they check what the app wrote, so an assertion does
not depend on the code under test.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engines import Location, is_url

from app.main import main

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DATA = TESTS / "data"
SEED = DATA / "article-fr-north-korea-russia.txt"
SEED_TITLE = "La Corée du Nord renforce son soutien militaire à la Russie"

# The tidy CSV's columns, in the order DESIGN.md gives them.
EXPORT_HEADER = [
    "article_id",
    "article_title",
    "outlet",
    "published",
    "url",
    "statement_id",
    "ordinal",
    "start",
    "end",
    "statement_text",
    "source",
    "stance",
    "confidence_rank",
    "confidence_label",
    "claims",
    "annotator",
    "note",
    "origin",
    "created_at",
    "updated_at",
]

COUNTED_TABLES = (
    "articles",
    "statements",
    "attributions",
    "sources",
    "claims",
    "statement_claims",
    "annotators",
)


def seed_body() -> str:
    """The seed article's body as the app must store it: the text after the title line."""
    text = SEED.read_text(encoding="utf-8")
    _title, _, rest = text.partition("\n")
    return rest.strip()


def cli(capsys: pytest.CaptureFixture[str] | None, *args: object) -> tuple[int, str, str]:
    """Run `sourcetrack ARGS…` in-process; returns (exit status, stdout, stderr).

    Without `capsys` (in a fixture wider than one test) the output is caught by redirection.
    """
    argv = [str(a) for a in args]
    if capsys is None:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        return status, out.getvalue(), err.getvalue()
    capsys.readouterr()  # drop anything printed before
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def cli_ok(capsys: pytest.CaptureFixture[str] | None, *args: object) -> str:
    """Run a command that must succeed; returns its stdout."""
    status, out, err = cli(capsys, *args)
    assert status == 0, f"sourcetrack {' '.join(map(str, args))} failed ({status}): {err}"
    return out


@contextlib.contextmanager
def sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to a project file, closed on exit (so WAL files are cleaned up)."""
    assert not is_url(path), "a test about the project file must be marked sqlite_only"
    connection = sqlite3.connect(path)
    try:
        yield connection
    finally:
        connection.close()


class Database:
    """A plain connection to a project on either engine; SQL is written with SQLite's `?`
    placeholders and run as it is (so keep it to what both engines understand)."""

    def __init__(self, location: Location) -> None:
        self.postgresql = is_url(location)
        if self.postgresql:
            import psycopg

            url = str(location).replace("postgresql+psycopg://", "postgresql://", 1)
            self._pg = psycopg.connect(url, autocommit=True)
        else:
            self._file = sqlite3.connect(location)

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        if self.postgresql:
            return self._pg.execute(sql.replace("?", "%s"), tuple(params))
        return self._file.execute(sql, params)

    def commit(self) -> None:
        if not self.postgresql:
            self._file.commit()

    def close(self) -> None:
        (self._pg if self.postgresql else self._file).close()


@contextlib.contextmanager
def database(location: Location) -> Iterator[Database]:
    connection = Database(location)
    try:
        yield connection
    finally:
        connection.close()


def row_counts(path: Location) -> dict[str, int]:
    with database(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}


def article_body(path: Location, article_id: int) -> str:
    with database(path) as conn:
        row = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    assert row is not None, f"no article {article_id}"
    return row[0]


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def project_fingerprint(path: Location) -> dict[str, Any]:
    """What must not change when a command is refused.

    On PostgreSQL: every row of every table (the server's files are not ours to hash).

    The project is in WAL mode, so committed data may sit in `<file>-wal` rather than in the main
    file, and hashing the main file alone could miss a write. The fingerprint therefore holds the
    hash of the main file, the hash of the WAL's content when it holds any (a missing and an
    empty WAL are the same state: no frames; opening a project leaves an empty one behind, see
    `app.store.migrate._inspect_file`), both taken before this function opens the file, and a
    logical dump of the whole database, which sees what a reader sees wherever the pages live.
    """
    if is_url(path):
        return {"dump": _table_dump(path)}
    assert isinstance(path, Path)
    wal = path.with_name(path.name + "-wal")
    wal_bytes = wal.read_bytes() if wal.exists() else b""
    fingerprint: dict[str, Any] = {
        "main": _sha256(path),
        "wal": hashlib.sha256(wal_bytes).hexdigest() if wal_bytes else None,
    }
    with sqlite(path) as conn:
        fingerprint["dump"] = list(conn.iterdump())
    return fingerprint


def _table_dump(url: Location) -> dict[str, list[str]]:
    with database(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            ).fetchall()
        ]
        return {
            t: sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{t}"').fetchall())
            for t in tables
        }


def tag_tuples(path: Location) -> list[tuple[Any, ...]]:
    """Every tag of a project, independent of ids, in a stable order.

    (article title, start, end, source, stance, confidence rank, confidence label, claims,
    annotator, note, origin)
    """
    query = """
        SELECT a.title, s.start, s."end", so.name, t.stance, cl.rank, cl.label,
               (SELECT {joined} FROM (
                   SELECT c.label FROM statement_claims sc JOIN claims c ON c.id = sc.claim_id
                   WHERE sc.statement_id = s.id ORDER BY c.label) AS labels),
               an.name, t.note, t.origin
        FROM attributions t
        JOIN statements s ON s.id = t.statement_id
        JOIN articles a ON a.id = s.article_id
        JOIN sources so ON so.id = t.source_id
        JOIN annotators an ON an.id = t.annotator_id
        LEFT JOIN confidence_levels cl ON cl.id = t.confidence_level_id
    """
    joined = "string_agg(label, '|' ORDER BY label)" if is_url(path) else "group_concat(label, '|')"
    with database(path) as conn:
        return sorted(
            (tuple(r) for r in conn.execute(query.format(joined=joined)).fetchall()), key=repr
        )
