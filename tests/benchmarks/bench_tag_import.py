"""`import-tags` of a large CSV: how long it holds the write lock, and how long another writer
waits meanwhile.

The CSV is the generated project's own export (about 0.92 × statements rows), imported into a
copy of that project without its tags, so every row adds one. Figures, in the same run:

- the longest write transaction of the import (BEGIN IMMEDIATE to COMMIT), against the floor of
  one raw `executemany` of as many attribution rows, committed with the same durability, on a
  scratch copy of the same file;
- the longest wait for the lock of another process writing through the app's engine every
  50 ms during the import, against the longest batch: arriving during a batch, it waits for
  that one and gets the lock in the pause after it, never behind two; it must never fail with
  "database is locked". Its wait on the idle project is printed alongside.

    python -m tests.benchmarks.bench_tag_import --statements 200000
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT, command_line, project, result

WRITER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from app.services.project import Project
stop, ready = Path({stop!r}), Path({ready!r})
waits, failures, i = [], [], 0
with Project.open({project!r}) as p:
    ready.touch()
    while not stop.exists() and (i < {at_most} or {at_most} < 0):
        started = time.perf_counter()
        try:
            with p.write() as conn:
                waits.append(time.perf_counter() - started)
                conn.exec_driver_sql(
                    "INSERT OR REPLACE INTO project_settings (key, value) VALUES (?, ?)",
                    ("bench-writer", str(i)),
                )
        except Exception as error:
            failures.append(str(error))
        i += 1
        time.sleep(0.05)
print(json.dumps({{"waits": waits, "failures": failures}}))
"""


def _copy(source: Path, target: Path) -> Path:
    with (
        contextlib.closing(sqlite3.connect(source)) as a,
        contextlib.closing(sqlite3.connect(target)) as b,
    ):
        a.backup(b)
    return target


def _untagged_copy(source: Path, target: Path) -> Path:
    _copy(source, target)
    with contextlib.closing(sqlite3.connect(target)) as conn:
        conn.execute("DELETE FROM attributions")
        conn.execute("DELETE FROM statement_claims")
        conn.commit()
    return target


def _floor(tagged: Path, scratch: Path, rows: int) -> float:
    """One raw commit of `rows` attribution rows (copied from the tagged project)."""
    with contextlib.closing(sqlite3.connect(tagged)) as conn:
        tags = conn.execute(
            "SELECT statement_id, source_id, annotator_id, stance, confidence_level_id, note, "
            "origin, created_at, updated_at FROM attributions ORDER BY id LIMIT ?",
            (rows,),
        ).fetchall()
    conn = sqlite3.connect(scratch, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO attributions (statement_id, source_id, annotator_id, stance, "
            "confidence_level_id, note, origin, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tags,
        )
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def _writer(path: Path, folder: Path, at_most: int = -1) -> tuple[subprocess.Popen[str], Path]:
    stop, ready = folder / "stop", folder / "ready"
    stop.unlink(missing_ok=True)
    ready.unlink(missing_ok=True)
    code = WRITER.format(
        root=str(ROOT), project=str(path), stop=str(stop), ready=str(ready), at_most=at_most
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    while not ready.exists() and child.poll() is None:
        time.sleep(0.01)
    return child, stop


def _finish(child: subprocess.Popen[str], stop: Path) -> dict[str, Any]:
    stop.touch()
    out, _ = child.communicate(timeout=120)
    return json.loads(out.strip().splitlines()[-1])


def run(statements: int, workdir: Path) -> list[dict[str, Any]]:
    from app.services import exporting
    from app.services.project import Project
    from app.services.tag_import import BATCH_ROWS, import_tags

    tagged = project(workdir, statements)
    folder = Path(tempfile.mkdtemp(dir=workdir))
    try:
        csv_path = folder / "tags.csv"
        with Project.open(tagged) as source:
            rows = exporting.export_csv(source, csv_path)
        target = _untagged_copy(tagged, folder / "target.sourcetrack")
        floor = _floor(tagged, _untagged_copy(tagged, folder / "scratch.sourcetrack"), BATCH_ROWS)

        idle_child, idle_stop = _writer(target, folder, at_most=40)
        idle = _finish(idle_child, idle_stop)

        holds: list[float] = []
        child, stop = _writer(target, folder)
        started = time.perf_counter()
        with Project.open(target) as opened:
            real = opened.write

            @contextlib.contextmanager
            def timed() -> Iterator[Any]:
                with real() as conn:
                    entered = time.perf_counter()
                    yield conn
                holds.append(time.perf_counter() - entered)  # COMMIT included

            opened.write = timed  # type: ignore[method-assign]
            report = import_tags(opened, csv_path)
        total = time.perf_counter() - started
        other = _finish(child, stop)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    longest = max(holds)
    worst_wait = max(other["waits"], default=float("inf"))
    return [
        result(
            f"import-tags of {rows:,} rows: longest write-lock hold ({len(holds)} batches of "
            f"{BATCH_ROWS}) vs a raw commit of {BATCH_ROWS} attribution rows",
            longest,
            floor,
            200,
            import_s=round(total, 1),
            added=report.added,
            lock_held_in_all_s=round(sum(holds), 1),
        ),
        result(
            "another process writing every 50 ms during that import: longest wait for the "
            "lock vs the longest batch (never behind two batches)",
            worst_wait,
            longest,
            1.2,
            writes=len(other["waits"]),
            failures=len(other["failures"]),
            idle_wait_s=round(max(idle["waits"]), 4),
        )
        | ({"passed": False} if other["failures"] else {}),
    ]


if __name__ == "__main__":
    sys.exit(command_line(run, __doc__.splitlines()[0]))
