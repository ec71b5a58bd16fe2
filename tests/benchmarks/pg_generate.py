"""A synthetic team project on PostgreSQL, of the shape `generate.py` makes for SQLite.

The schema comes from the app's own migrations (`Project.open(url, create=True)`); the rows go
in with COPY, which loads a million statements in well under a minute where batched INSERTs
would take several. Each statement's `search_vector` is made as `store/fts.py` makes it: the
words of `domain.search_words` joined by spaces, through `to_tsvector('simple', …)` on the
server.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.search_words import words  # noqa: E402
from app.domain.text import body_sha256  # noqa: E402
from app.services.project import Project  # noqa: E402
from app.store import tags as tag_store  # noqa: E402
from app.store.schema import claims  # noqa: E402
from tests.benchmarks.generate import OUTLETS, sentence  # noqa: E402

_ARTICLE_COLUMNS = (
    "id, title, outlet, url, author, published, language, body, body_sha256, origin_name,"
    " origin_format, origin_sha256, imported_at"
)
_TAG_COLUMNS = (
    "statement_id, source_id, annotator_id, stance, confidence_level_id, note, origin,"
    " created_at, updated_at"
)


def generate(
    url: str,
    n_articles: int,
    per_article: int = 100,
    *,
    seed: int = 1,
    tag_share: float = 0.92,
    batch_articles: int = 1_000,
) -> dict[str, int]:
    """Fill the empty database at `url`; returns row counts."""
    rng = random.Random(seed)
    project = Project.open(url, create=True)
    try:
        with project.write() as conn:
            source_ids = [s.id for s in tag_store.list_sources(conn)]
            level_ids = [level.id for level in tag_store.active_levels(conn)]
            annotator = tag_store.annotator_id(conn, "generator")
            assert annotator is not None
            now = datetime.now(UTC)
            conn.execute(
                sa.insert(claims),
                [{"label": f"Claim {i}", "description": "", "created_at": now} for i in range(200)],
            )
            claim_ids = list(conn.execute(sa.select(claims.c.id)).scalars())
    finally:
        project.close()

    counts = {"articles": 0, "statements": 0, "attributions": 0, "statement_claims": 0}
    engine = sa.create_engine(url)
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        with driver.cursor() as cursor:
            # A bulk load that a crash may lose whole: the database is made for this run only.
            cursor.execute("SET synchronous_commit = off")
            cursor.execute(
                "CREATE TEMPORARY TABLE statement_words (id integer, article_id integer,"
                ' ordinal integer, start integer, "end" integer, words text)'
            )
        next_article = next_statement = 1
        for first in range(0, n_articles, batch_articles):
            article_rows: list[tuple[Any, ...]] = []
            statement_rows: list[tuple[Any, ...]] = []
            tag_rows: list[tuple[Any, ...]] = []
            link_rows: list[tuple[int, int]] = []
            for _ in range(min(batch_articles, n_articles - first)):
                language = "fr" if next_article % 2 else "en"
                sentences = [sentence(rng, language) for _ in range(per_article)]
                pieces, spans, cursor_at = [], [], 0
                for i, text in enumerate(sentences):
                    if i:
                        gap = "\n\n" if i % 5 == 0 else " "
                        pieces.append(gap)
                        cursor_at += len(gap)
                    spans.append((cursor_at, cursor_at + len(text)))
                    pieces.append(text)
                    cursor_at += len(text)
                body = "".join(pieces)
                article_rows.append(
                    (
                        next_article,
                        f"Article {next_article}: {sentences[0][:60]}",
                        OUTLETS[next_article % len(OUTLETS)],
                        None,
                        None,
                        date(2024, 1, 1) + timedelta(days=next_article % 365),
                        language,
                        body,
                        body_sha256(body),
                        f"generated-{next_article}.txt",
                        "text",
                        None,
                        now,
                    )
                )
                for ordinal, (start, end) in enumerate(spans, start=1):
                    sid = next_statement
                    next_statement += 1
                    statement_rows.append(
                        (sid, next_article, ordinal, start, end, " ".join(words(body[start:end])))
                    )
                    if rng.random() < tag_share:
                        chosen = rng.sample(source_ids, 2 if rng.random() < 0.15 else 1)
                        for source_id in chosen:
                            stance = rng.choice(("asserts", "asserts", "denies", "neutral"))
                            level = rng.choice(level_ids)
                            tag_rows.append(
                                (sid, source_id, annotator, stance, level, "", "manual", now, now)
                            )
                        if rng.random() < 0.3:
                            link_rows.append((sid, rng.choice(claim_ids)))
                next_article += 1
            with driver.cursor() as cursor:
                _copy(cursor, f"articles ({_ARTICLE_COLUMNS})", article_rows)
                _copy(cursor, "statement_words", statement_rows)
                cursor.execute(
                    'INSERT INTO statements (id, article_id, ordinal, start, "end", search_vector)'
                    " SELECT id, article_id, ordinal, start, \"end\", to_tsvector('simple', words)"
                    " FROM statement_words"
                )
                cursor.execute("TRUNCATE statement_words")
                _copy(cursor, f"attributions ({_TAG_COLUMNS})", tag_rows)
                _copy(cursor, "statement_claims (statement_id, claim_id)", link_rows)
            driver.commit()
            counts["articles"] += len(article_rows)
            counts["statements"] += len(statement_rows)
            counts["attributions"] += len(tag_rows)
            counts["statement_claims"] += len(link_rows)
        with driver.cursor() as cursor:
            # Rows given their ids: the app's next insert must not reuse one.
            for table in ("articles", "statements"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
                )
        driver.commit()
        driver.autocommit = True
        with driver.cursor() as cursor:
            # What autovacuum would do in its own time: the planner's statistics and the
            # visibility map (index-only scans), so that every query is timed in a steady state.
            cursor.execute("VACUUM ANALYZE")
    finally:
        raw.close()
        engine.dispose()
    return counts


def _copy(cursor: Any, target: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    with cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
