"""Importing a folder of articles, against segmentation alone + raw inserts + the FTS build.

The floor, measured in the same run on the same texts: pySBD segmentation of every body, then
one raw `executemany` of the same article and statement rows into a fresh project, then the
full-text index built from the same statement texts. The figure is `import_paths` on the
folder: reading, decoding, normalising, language detection, segmentation, duplicate checks,
inserts, the index, and a commit per batch.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.common import result
from tests.benchmarks.generate import sentence


def make_folder(folder: Path, articles: int, seed: int = 7) -> list[Path]:
    if folder.exists() and len(list(folder.glob("*.txt"))) == articles:
        return sorted(folder.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in range(articles):
        language = "fr" if n % 2 else "en"
        paragraphs = [
            " ".join(sentence(rng, language) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.randint(6, 10))
        ]
        text = f"Article {n}: {sentence(rng, language)[:70]}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"article-{n:05}.txt").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def _floor(files: list[Path], workdir: Path) -> float:
    from app.domain.language import detect_language
    from app.domain.text import body_sha256, normalise_body, split_title
    from app.services.project import Project
    from app.services.segmentation import segment

    texts = [split_title(normalise_body(f.read_text(encoding="utf-8"))) for f in files]
    started = time.perf_counter()
    spans = [segment(body, detect_language(body)) for _title, body in texts]
    segmentation = time.perf_counter() - started

    target = workdir / "import-floor.sourcetrack"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    Project.open(target, create=True).close()
    now = datetime.now(UTC).isoformat()
    article_rows = [
        (i + 1, title, body, body_sha256(body), now) for i, (title, body) in enumerate(texts)
    ]
    statement_rows, fts_rows, next_id = [], [], 1
    for i, ((_title, body), found) in enumerate(zip(texts, spans, strict=True)):
        for ordinal, span in enumerate(found, start=1):
            statement_rows.append((next_id, i + 1, ordinal, span.start, span.end))
            fts_rows.append((next_id, body[span.start : span.end]))
            next_id += 1
    raw = sqlite3.connect(target, isolation_level=None)
    try:
        raw.execute("PRAGMA synchronous = FULL")
        started = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany(
            "INSERT INTO articles (id, title, body, body_sha256, imported_at) VALUES (?, ?, ?, ?, ?)",
            article_rows,
        )
        raw.executemany(
            'INSERT INTO statements (id, article_id, ordinal, start, "end") VALUES (?, ?, ?, ?, ?)',
            statement_rows,
        )
        raw.execute("COMMIT")
        inserts = time.perf_counter() - started
        started = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO statement_fts (rowid, text) VALUES (?, ?)", fts_rows)
        raw.execute("COMMIT")
        index = time.perf_counter() - started
    finally:
        raw.close()
    return segmentation + inserts + index


def run(articles: int, workdir: Path) -> list[dict[str, Any]]:
    from app.services.importing import ArticleMeta, Outcome, import_paths
    from app.services.project import Project

    folder = workdir / f"import-{articles}"
    files = make_folder(folder, articles)
    floor = _floor(files, workdir)
    target = workdir / "import-figure.sourcetrack"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    with Project.open(target, create=True) as project:
        started = time.perf_counter()
        report = import_paths(project, [folder], ArticleMeta())
        figure = time.perf_counter() - started
    imported = report.count(Outcome.IMPORTED)
    statements = sum(r.statements for r in report.results)
    return [result(f"import {imported:,} articles ({statements:,} statements)", figure, floor, 2.0)]
