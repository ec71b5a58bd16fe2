"""Shared helpers of the benchmarks: timing, memory, cached generated projects."""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def best(work: Callable[[], Any], runs: int = 3) -> float:
    """The best of several runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def project(workdir: Path, statements: int, *, tag_share: float = 0.92) -> Path:
    """A generated project of about `statements` statements (100 per article), made once."""
    from tests.benchmarks.generate import generate

    path = workdir / f"bench-{statements}-{tag_share}.sourcetrack"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        generate(partial, max(1, statements // 100), min(100, statements), tag_share=tag_share)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def result(
    scenario: str, figure: float, floor: float, target: float, **extra: Any
) -> dict[str, Any]:
    """A ratio scenario: passes when figure / floor <= target."""
    ratio = figure / floor if floor > 0 else float("inf")
    return {
        "scenario": scenario,
        "figure_s": round(figure, 4),
        "floor_s": round(floor, 4),
        "ratio": round(ratio, 2),
        "target": f"≤ {target}×",
        "passed": ratio <= target,
        **extra,
    }


def command_line(run: Callable[[int, Path], list[dict[str, Any]]], description: str) -> int:
    """The command line every single-scenario benchmark shares: --statements, --workdir, --json."""
    import argparse
    import json
    import tempfile

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "sourcetrack-bench"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = run(args.statements, args.workdir)
    for entry in results:
        print(" · ".join(f"{k}: {v}" for k, v in entry.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
