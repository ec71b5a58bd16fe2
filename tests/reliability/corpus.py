"""Projects, files and checks for the reliability harness, reproducible from a seed.

Checks read projects with the standard library's `sqlite3`, never with the code under test, so
a broken app cannot vouch for itself (as in tests/helpers.py, whose helpers are reused here).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.domain.model import ArticleDraft, Span
from app.services.importing import store_draft
from app.services.project import Project
from app.store.engine import sqlite_url
from app.store.migrate import upgrade_url

WORDS = {
    "fr": (
        "la Corée du Nord a envoyé des troupes en Russie selon l'état-major sud-coréen qui "
        "estime que les forces auraient subi des pertes importantes près de Koursk tandis que "
        "le Kremlin continue de nier et que Kyiv affirme que les unités seraient engagées"
    ).split(),
    "en": (
        "North Korea has sent troops to Russia according to South Korean officials who said "
        "the forces had reportedly suffered heavy losses near Kursk while the Kremlin denied "
        "the reports and Kyiv said the units were fighting alongside Russian troops"
    ).split(),
}
# Notes carrying what a stranger's text can hold: accents, quotes, formula triggers.
NOTES = ("", "écrit à la main « citation »", "=1+1", "  -5 %", "'apostrophe", "ligne\nsuivante")


def sentence(rng: random.Random, language: str, marker: str = "") -> str:
    words = WORDS[language]
    start = rng.randrange(len(words))
    text = " ".join(words[(start + i) % len(words)] for i in range(rng.randint(8, 20)))
    return f"{text[0].upper()}{text[1:]}{' ' + marker if marker else ''}."


def article_text(
    rng: random.Random, sentences: int, marker: str, language: str = "fr"
) -> tuple[str, list[Span]]:
    """A body of `sentences` sentences in paragraphs of five, and each sentence's span."""
    parts: list[str] = []
    spans: list[Span] = []
    cursor = 0
    for i in range(sentences):
        text = sentence(rng, language, f"{marker}-{i}")
        separator = "" if i == 0 else ("\n\n" if i % 5 == 0 else " ")
        cursor += len(separator)
        spans.append(Span(cursor, cursor + len(text)))
        parts += [separator, text]
        cursor += len(text)
    return "".join(parts), spans


def build_project(path: Path, *, articles: int, per_article: int, seed: int = 1) -> int:
    """A new project (default sources and scales) of untagged articles; returns its statements.

    The articles go in through the import service with their spans known by construction, so
    building a corpus costs no segmentation.
    """
    rng = random.Random(seed)
    with Project.open(path, create=True) as project:
        for number in range(articles):
            body, spans = article_text(rng, per_article, f"a{seed}x{number}")
            draft = ArticleDraft(title=f"Article {number}", body=body, language="fr", spans=spans)
            store_draft(project, draft, f"article-{number}.txt")
    return articles * per_article


def write_article_folder(
    folder: Path, *, files: int, seed: int, marker: str, parts: int = 3, binary: bool = True
) -> list[Path]:
    """Article files spread over `parts` subfolders (some a level deeper), and with `binary`
    one binary `.txt` file the import must refuse."""
    rng = random.Random(seed)
    written = []
    for number in range(files):
        part = folder / f"part{number % parts}"
        place = part / "deeper" if number % 2 else part
        place.mkdir(parents=True, exist_ok=True)
        body, _spans = article_text(rng, rng.randint(6, 30), f"{marker}f{number}")
        path = place / f"{marker}-{number:02}.txt"
        path.write_text(f"{marker} titre {number}\n\n{body}\n", encoding="utf-8")
        written.append(path)
    if binary:
        (folder / "part0" / "image.txt").write_bytes(bytes(range(256)) * 8)
    return written


# --- projects at an old schema revision --------------------------------------------------------


def project_at_revision(
    path: Path, revision: str, *, articles: int, per_article: int, seed: int = 1
) -> dict[str, int]:
    """A project made at `revision` by the migrations, filled with data; returns row counts.

    Rows are written with `sqlite3` into whichever tables that revision has, so the fixture is
    what an older Sourcetrack left behind, not what today's code would write.
    """
    upgrade_url(sqlite_url(path), revision)
    rng = random.Random(seed)
    now = datetime(2024, 11, 5, 12, tzinfo=UTC).isoformat(sep=" ")
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        tables = _tables(conn)
        conn.executemany(
            "INSERT INTO sources (id, name, colour, description, position) VALUES (?,?,?,?,?)",
            [(1, "Seoul", "#1f77b4", "", 1), (2, "Kyiv", "#ff7f0e", "", 2),
             (3, "Kremlin", "#d62728", "« nier »", 3)],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO source_aliases (source_id, language, alias) VALUES (1, 'fr', 'Séoul')"
        )
        conn.execute("INSERT INTO confidence_scales (id, name, active) VALUES (1, 'Default', 1)")
        conn.executemany(
            "INSERT INTO confidence_levels (scale_id, rank, label, description) VALUES (1,?,?,'')",
            [(1, "Certain"), (2, "Probable"), (3, "Possible"), (4, "Unknown")],
        )
        conn.executemany("INSERT INTO annotators (id, name) VALUES (?, ?)", [(1, "ana"), (2, "bo")])
        statement_id = 0
        for number in range(1, articles + 1):
            body, spans = article_text(rng, per_article, f"r{revision}n{number}")
            conn.execute(
                "INSERT INTO articles (id, title, outlet, body, body_sha256, imported_at, language) "
                "VALUES (?, ?, 'AFP', ?, ?, ?, 'fr')",
                (number, f"Titre {number} été", body, f"{revision}-{number}", now),
            )
            for ordinal, span in enumerate(spans, start=1):
                statement_id += 1
                conn.execute(
                    'INSERT INTO statements (id, article_id, ordinal, start, "end") '
                    "VALUES (?, ?, ?, ?, ?)",
                    (statement_id, number, ordinal, span.start, span.end),
                )
                if "statement_fts" in tables:
                    conn.execute(
                        "INSERT INTO statement_fts (rowid, text) VALUES (?, ?)",
                        (statement_id, body[span.start : span.end]),
                    )
                for source in rng.sample((1, 2, 3), rng.choice((0, 1, 1, 2))):
                    conn.execute(
                        "INSERT INTO attributions (statement_id, source_id, annotator_id, stance,"
                        " confidence_level_id, note, origin, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?)",
                        (statement_id, source, rng.choice((1, 2)),
                         rng.choice(("asserts", "denies", "neutral")), rng.choice((1, 2, 3, 4, None)),
                         rng.choice(NOTES), now, now),
                    )  # fmt: skip
        if "claims" in tables:
            conn.executemany(
                "INSERT INTO claims (id, label, description, created_at) VALUES (?, ?, '', ?)",
                [(i, f"Affirmation {i} « été »", now) for i in range(1, 21)],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO statement_claims (statement_id, claim_id) VALUES (?, ?)",
                [
                    (rng.randint(1, statement_id), rng.randint(1, 20))
                    for _ in range(statement_id // 3)
                ],
            )
            conn.execute("INSERT INTO project_settings VALUES ('annotator', 'ana')")
        if "no_source_marks" in tables:  # revision 0006: judgements beside the tags
            conn.execute(
                "INSERT INTO no_source_marks (statement_id, annotator_id, created_at)"
                " SELECT s.id, 2, ? FROM statements AS s WHERE s.id % 7 = 0 AND NOT EXISTS"
                " (SELECT 1 FROM attributions AS a WHERE a.statement_id = s.id"
                " AND a.annotator_id = 2)",
                (now,),
            )
            conn.execute(
                "INSERT INTO article_reviews (article_id, annotator_id, reviewed_at)"
                " SELECT id, 1, ? FROM articles WHERE id % 3 = 0",
                (now,),
            )
    return table_counts(path)


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The data tables: not Alembic's, not the full-text index's shadow tables."""
    return [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if row[0] != "alembic_version" and not row[0].startswith("statement_fts_")
    ]


def table_counts(path: Path) -> dict[str, int]:
    """Rows per data table of whatever revision the file is at."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in _tables(conn)
            if t != "statement_fts"
        }


def table_rows(path: Path, tables: list[str]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of some tables, in rowid order: what an upgrade must carry over unchanged."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


# --- checks -----------------------------------------------------------------------------------


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, timeout=30)
    try:
        yield connection
    finally:
        connection.close()


def revision_of(path: Path) -> str | None:
    with connect(path) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def integrity_ok(path: Path) -> bool:
    """SQLite's integrity_check, plus the full-text index's own check where there is one.

    (SQLite checks FTS5 shadow tables in integrity_check only from 3.44.)
    """
    with connect(path) as conn:
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return False
        has_fts = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'statement_fts'"
        ).fetchone()
        if has_fts:
            try:
                conn.execute("INSERT INTO statement_fts (statement_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError:
                return False
            finally:
                conn.rollback()
    return True


def half_made_articles(path: Path) -> int:
    """Articles without statements, and statements whose span is outside their body."""
    with connect(path) as conn:
        empty = conn.execute(
            "SELECT count(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        bad_spans = conn.execute(
            "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
            'WHERE s.start < 0 OR s."end" <= s.start OR s."end" > length(a.body)'
        ).fetchone()[0]
    return int(empty) + int(bad_spans)


def remove_project(path: Path) -> None:
    """A project file, its WAL files and its backups."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    for backup in path.parent.glob(f"{path.name}.backup-*"):
        backup.unlink()
