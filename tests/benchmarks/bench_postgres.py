"""A team project on PostgreSQL: the matrix, the search and five writers at once, each against a
floor measured on the same server in the same run.

    python tests/benchmarks/bench_postgres.py [--statements 1000000] [--json out.json]

The benchmark starts a private PostgreSQL cluster of its own (`tests/pg_cluster.py`, with the
server's usual durability: every commit flushed to the disk) and stops it whatever happens. The
project is made by the app's migrations and filled with COPY (`pg_generate.py`) in the shape
`generate.py` gives SQLite projects: 100 statements an article, about 1.06 tags a statement.

- The claims × sources matrix (`services.compare`, as the Compare view asks for it) against
  the floor of `compare_queries.plain_group_by`, the simplest GROUP BY over the same rows.
- A search of the Statements view, its first page and its count (`services.statement_table`),
  against the raw full-text query on the GIN-indexed `search_vector`: the first page of ids
  (`… @@ to_tsquery(…) LIMIT 64`) and the count, through the driver alone.
- Five writer processes, each an annotator pressing keys on the same statements at once: a
  digit tags or untags a source, `D` sets the stance of the active tag, each through
  `services.tagging` as the window's undo commands call it (`tag`, `untag`). The figure is
  the 95th percentile from the call to the commit, over every press of the five; any exception,
  and any tag missing or left over afterwards, is an error. The floor is the same five
  processes each committing a one-row UPDATE through the driver, at the same pace.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.common import p95, result  # noqa: E402

WORDS = ("Koursk", "Kremlin nier", "troops Kursk")  # as bench_search: common, two-word, English
PAGE = 64  # the Statements view's first page
WRITERS = 5
PRESSES = 200  # per writer
PAUSE = 0.1  # at most, between two presses: faster than any person, so the five always overlap

_WRITER = r"""
import json, random, sys, time
from pathlib import Path
from app.domain.model import Origin, Stance
from app.services import browse, statement_table, tagging
from app.services.project import Project
from app.services.tagging import TagChange, TagKey

url, name, go, first, presses, pause, mode = (
    sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
    float(sys.argv[6]), sys.argv[7],
)
rng = random.Random(name)
samples, errors = [], []
with Project.open(url) as project:
    annotator = browse.ensure_annotator(project, name)  # as the window does when it opens
    sources = [s.id for s in statement_table.filter_choices(project).sources][:2]
    mine = set()  # the tags this annotator has, as the window's presenter knows them
    if mode == "raw":
        raw = project.engine.raw_connection()
        driver = raw.driver_connection
        row = driver.execute(
            "SELECT min(id) FROM attributions WHERE statement_id = %s", (first,)
        ).fetchone()[0]
        driver.commit()
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    for i in range(presses):
        time.sleep(rng.uniform(0, pause))
        statement = first + i // 4
        press = i % 4  # 1 (tag the first source), D (its stance), 2 (tag the second), 2 (untag)
        source = sources[0] if press < 2 else sources[1]
        key = TagKey(statement, source, annotator)
        started = time.perf_counter()
        try:
            if mode == "raw":
                driver.execute("UPDATE attributions SET note = %s WHERE id = %s", (str(i), row))
                driver.commit()
            elif press == 1:
                tagging.tag(project, TagChange(key, stance=Stance.DENIES, origin=Origin.MANUAL))
                mine.add((statement, source))
            elif (statement, source) in mine:
                tagging.untag(project, key)
                mine.discard((statement, source))
            else:
                tagging.tag(project, TagChange(key))
                mine.add((statement, source))
        except Exception as error:  # every failure is counted, none stops the writer
            errors.append(f"{type(error).__name__}: {error}"[:300])
            continue
        samples.append(time.perf_counter() - started)
    if mode == "raw":
        raw.close()
print(json.dumps({"samples": samples, "errors": errors, "mine": sorted(mine)}))
"""


@contextlib.contextmanager
def _stopped_on_sigterm() -> Iterator[None]:
    """A SIGTERM unwinds like Ctrl+C, so the server and the writers are stopped all the same."""

    def unwind(_signum: int, _frame: object) -> None:
        raise SystemExit(143)

    try:
        previous = signal.signal(signal.SIGTERM, unwind)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def run(statements: int, workdir: Path, runs: int = 5) -> list[dict[str, Any]]:
    from tests.benchmarks import pg_generate
    from tests.pg_cluster import NoServer, fresh_database, private_cluster

    try:
        with _stopped_on_sigterm(), private_cluster(durable=True) as admin:
            url, _name = fresh_database(admin)
            started = time.perf_counter()
            counts = pg_generate.generate(url, max(1, statements // 100), min(100, statements))
            made = time.perf_counter() - started
            print(f"  PostgreSQL project {counts} made in {made:.0f} s", file=sys.stderr)
            return [
                *_matrix(url, counts["attributions"], runs),
                *_search(url, counts["statements"], runs),
                *_writers(url, counts["statements"], workdir),
            ]
    except NoServer as reason:
        return [{"scenario": "PostgreSQL benchmarks", "skipped": str(reason)}]


def _in_turns(
    figure: Callable[[], Any], floor: Callable[[], Any], runs: int
) -> tuple[float, float]:
    """The best of `runs` of each, the two taking turns, so that a busy moment of the machine
    falls on both alike."""
    figures, floors = [], []
    for _ in range(runs):
        for work, times in ((floor, floors), (figure, figures)):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
    return min(figures), min(floors)


def _matrix(url: str, attributions: int, runs: int) -> list[dict[str, Any]]:
    from app.services import compare
    from app.services.project import Project
    from app.store import compare_queries

    with Project.open(url) as project:

        def floor() -> None:
            with project.read() as conn:
                compare_queries.plain_group_by(conn)

        def matrix() -> None:
            # As the Compare view asks: articles per cell are fetched when a tooltip needs them.
            assert compare.compare(project, with_articles=False).rows

        figure_s, floor_s = _in_turns(matrix, floor, runs)
    return [
        result(
            f"PostgreSQL: claims × sources matrix over {attributions:,} tags",
            figure_s,
            floor_s,
            1.5,
        )
    ]


def _search(url: str, statements: int, runs: int) -> list[dict[str, Any]]:
    from app.services import statement_table
    from app.services.project import Project
    from app.services.statement_table import StatementFilter
    from app.store.fts import ts_query

    results = []
    with Project.open(url) as project:
        raw = project.engine.raw_connection()
        driver: Any = raw.driver_connection
        driver.autocommit = True
        try:
            for words in WORDS:
                search = StatementFilter(search=words)
                tsquery = ts_query(words)
                found: dict[str, Any] = {}

                def ours(search: StatementFilter = search, found: dict[str, Any] = found) -> None:
                    found["rows"] = statement_table.fetch_page(project, search, limit=PAGE)
                    found["count"] = statement_table.count(project, search)

                def floor(tsquery: str | None = tsquery, found: dict[str, Any] = found) -> None:
                    driver.execute(
                        "SELECT id FROM statements"
                        " WHERE search_vector @@ to_tsquery('simple', %s) LIMIT %s",
                        (tsquery, PAGE),
                    ).fetchall()
                    found["raw_count"] = driver.execute(
                        "SELECT count(*) FROM statements"
                        " WHERE search_vector @@ to_tsquery('simple', %s)",
                        (tsquery,),
                    ).fetchone()[0]

                figure_s, floor_s = _in_turns(ours, floor, runs)
                assert len(found["rows"]) == PAGE and found["count"] == found["raw_count"]
                results.append(
                    result(
                        f"PostgreSQL search '{words}': first page + count, {statements:,} statements",
                        figure_s,
                        floor_s,
                        2.0,
                        matches=found["count"],
                    )
                )
        finally:
            raw.close()
    return results


def _writers(url: str, statements: int, workdir: Path) -> list[dict[str, Any]]:
    # The five work on the same statements, in the middle of the project.
    first = max(1, statements // 2 - PRESSES // 8)
    service = _writers_at_once(url, workdir, first, "service")
    raw = _writers_at_once(url, workdir, first, "raw")
    errors = service["errors"] + _check_tags(url, service["mine"])
    figure, floor = p95(service["samples"]), p95(raw["samples"])
    return [
        {
            "scenario": (
                f"PostgreSQL: {WRITERS} writers at once, key press to commit (p95),"
                f" {len(service['samples']):,} presses"
            ),
            "figure_s": round(figure, 4),
            "floor_s": round(floor, 4),
            "ratio": round(figure / floor, 2) if floor else None,
            "median_s": round(sorted(service["samples"])[len(service["samples"]) // 2], 4),
            "target": "≤ 50 ms, 0 errors",
            "errors": len(errors),
            "first_errors": errors[:5],
            "floor_errors": len(raw["errors"]),
            "passed": figure <= 0.050 and not errors,
        }
    ]


def _writers_at_once(url: str, workdir: Path, first: int, mode: str) -> dict[str, Any]:
    go = workdir / f"pg-writers-go-{os.getpid()}"
    go.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    writers: list[subprocess.Popen[str]] = []
    try:
        for n in range(WRITERS):
            argv = [url, f"writer{n}", str(go), str(first), str(PRESSES), str(PAUSE), mode]
            writers.append(
                subprocess.Popen(
                    [sys.executable, "-c", _WRITER, *argv],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for writer in writers:
            assert writer.stdout is not None
            line = writer.stdout.readline().strip()
            if line != "ready":
                _, err = writer.communicate(timeout=60)
                raise RuntimeError(f"a writer did not start: {err.strip()[-2000:]}")
        go.touch()
        merged: dict[str, Any] = {"samples": [], "errors": [], "mine": {}}
        for n, writer in enumerate(writers):
            out, err = writer.communicate(timeout=600)
            if writer.returncode != 0:
                merged["errors"].append(f"writer{n} exited {writer.returncode}: {err[-1500:]}")
                continue
            report = json.loads(out.strip().splitlines()[-1])
            merged["samples"].extend(report["samples"])
            merged["errors"].extend(report["errors"])
            merged["mine"][f"writer{n}"] = {tuple(pair) for pair in report["mine"]}
        return merged
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
        go.unlink(missing_ok=True)


def _check_tags(url: str, mine: dict[str, set[tuple[int, int]]]) -> list[str]:
    """Every writer's tags are in the database as it last saw them: none lost, none left."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            stored: dict[str, set[tuple[int, int]]] = {}
            for name, statement, source in connection.exec_driver_sql(
                "SELECT n.name, t.statement_id, t.source_id FROM attributions t"
                " JOIN annotators n ON n.id = t.annotator_id WHERE n.name LIKE 'writer%%'"
            ):
                stored.setdefault(str(name), set()).add((int(statement), int(source)))
    finally:
        engine.dispose()
    return [
        f"{name}: the database holds {sorted(stored.get(name, set()))}, it made {sorted(tags)}"
        for name, tags in mine.items()
        if stored.get(name, set()) != tags
    ]


if __name__ == "__main__":
    from tests.benchmarks.common import command_line

    sys.exit(command_line(run, __doc__.splitlines()[0]))
