"""Every benchmark of the project, each figure against a floor measured in the same run.

    python tests/benchmarks/run.py [--quick] [--json PATH] [--workdir DIR] [--only NAME …]

`--quick` uses small sizes (about two minutes); the full run uses 10,000 articles to import and
projects of one million statements and about a million attributions. Each scenario prints its
figure, its floor, the ratio and the target; the exit status is 1 if a target is missed.
Generated projects are kept in the work directory and reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import (  # noqa: E402
    bench_agreement,
    bench_compare,
    bench_export,
    bench_import,
    bench_long_article,
    bench_open,
    bench_postgres,
    bench_qdpx,
    bench_search,
    bench_start,
    bench_tag,
)

SIZES = {  # quick, full
    "statements": (300_000, 1_000_000),
    "articles": (200, 10_000),
    "agreement units": (20_000, 100_000),
}


def scenarios(quick: bool, workdir: Path) -> dict[str, Callable[[], list[dict[str, Any]]]]:
    size = 0 if quick else 1
    statements, articles = SIZES["statements"][size], SIZES["articles"][size]
    return {
        "import": lambda: bench_import.run(articles, workdir),
        "open": lambda: bench_open.run(statements, workdir),
        "tag": lambda: bench_tag.run(statements, workdir),
        "matrix": lambda: bench_compare.run(statements, workdir),
        "export": lambda: bench_export.run(statements, workdir),
        "search": lambda: bench_search.run(statements, workdir),
        "start": lambda: bench_start.run(workdir),
        # Importing 10,000 REFI-QDA codings; the .qdpx export's memory on the large project.
        "qdpx": lambda: bench_qdpx.run(statements, workdir),
        # A private PostgreSQL server of its own, started and stopped by the scenario.
        "postgres": lambda: bench_postgres.run(statements, workdir),
        # Agreement of three annotators over 100,000 units (20,000 in a quick run).
        "agreement": lambda: bench_agreement.run(SIZES["agreement units"][size], workdir),
        # One article of 1,000 statements (about 120,000 characters) opened in Annotate.
        "long article": lambda: bench_long_article.run(1_000, workdir),
    }


def machine() -> dict[str, Any]:
    with open("/proc/meminfo") as handle:
        total_kb = int(handle.readline().split()[1])
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(total_kb / 2**20, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def print_table(results: list[dict[str, Any]]) -> None:
    print(f"{'scenario':<78} {'figure':>9} {'floor':>9} {'ratio':>7}  {'target':<32} result")
    for r in results:
        if "skipped" in r:
            print(f"{r['scenario']:<78} skipped: {r['skipped']}")
            continue
        ok = "pass" if r["passed"] else "MISS"
        floor = f"{r['floor_s']:>8.4f}s" if "floor_s" in r else f"{'—':>9}"
        print(
            f"{r['scenario'][:78]:<78} {r['figure_s']:>8.4f}s {floor} "
            f"{r.get('ratio') or '':>7}  {r['target']:<32} {ok}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "sourcetrack-bench"
    )
    parser.add_argument("--only", nargs="+", metavar="NAME")
    parser.add_argument(
        "--reliability",
        action="store_true",
        help="also run the reliability harness (crashes, concurrency, hostile input)",
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[dict[str, Any]] = []
    for name, work in scenarios(args.quick, args.workdir).items():
        if args.only and name not in args.only:
            continue
        print(f"· {name}…", file=sys.stderr, flush=True)
        results.extend(work())
    report: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "machine": machine(),
        "results": results,
    }
    if args.reliability:
        from tests.reliability.run_reliability import run as run_reliability

        report["reliability"] = run_reliability(
            full=not args.quick, workdir=args.workdir / "reliability"
        )
    report["seconds"] = round(time.perf_counter() - started, 1)
    print_table(results)
    if "reliability" in report:
        print(json.dumps(report["reliability"], indent=2))
    print(f"{len(results)} scenarios in {report['seconds']} s on {report['machine']['cpus']} CPUs")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    missed = [r["scenario"] for r in results if r.get("passed") is False]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
