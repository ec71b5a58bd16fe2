"""Run the whole reliability suite at a chosen size and report its figures.

    .venv/bin/python tests/reliability/run_reliability.py [--full] [--json PATH] [--seed N]

CI size (the default) is what the pytest modules beside this file run; `--full` is the run
whose figures the README quotes: at least 200 kills, two processes × 3,000 edits. From Python
(the benchmarks call it):

    from tests.reliability.run_reliability import run as run_reliability
    figures = run_reliability(full=True, workdir=Path("/tmp/reliability"))

The process exits with status 1 when any check failed (edits lost, a half-made article, a bad
backup, an input not refused cleanly…); `figures["failures"]` says which.
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a script: make the package importable, then import it as one
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "tests.reliability"  # noqa: A001 - the relative imports below need it

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import sqlite3  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from typing import Any  # noqa: E402

from . import export_safety, hostile, hostile_cases, upgrades  # noqa: E402
from .concurrency import run_concurrency  # noqa: E402
from .crash import CrashHarness  # noqa: E402


@dataclass(frozen=True)
class Sizes:
    kills: int  # shared out among the crash scenarios by `crash.quotas`, one each at least
    edits_per_process: int
    crash_statements: int
    migration_articles: int  # of the projects killed while upgrading (20 statements each)
    revision_articles: int  # of the project made at each revision (10 statements each)
    borrowed_inputs: bool  # count the older suites' malformed files too


CI = Sizes(kills=28, edits_per_process=300, crash_statements=400, migration_articles=300,
           revision_articles=40, borrowed_inputs=False)  # fmt: skip
FULL = Sizes(kills=210, edits_per_process=3000, crash_statements=600, migration_articles=2000,
             revision_articles=300, borrowed_inputs=True)  # fmt: skip


def run(full: bool, workdir: Path, *, sizes: Sizes | None = None, seed: int = 7) -> dict[str, Any]:
    """Run every harness in `workdir` (made if missing, left for the caller to remove).

    Returns the figures: kills, acknowledged edits, edits lost, integrity checks passed,
    concurrent edits, locked errors, migrations upgraded, inputs tried, inputs refused cleanly,
    and the details of each part; `ok` is True when nothing failed.
    """
    sizes = sizes or (FULL if full else CI)
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    crash = CrashHarness(
        workdir / "crash",
        seed=seed,
        statements=sizes.crash_statements,
        migration_articles=sizes.migration_articles,
    ).run(sizes.kills)
    concurrency = run_concurrency(workdir / "concurrency", sizes.edits_per_process)
    revisions = upgrades.upgrade_every_revision(
        workdir / "revisions", articles=sizes.revision_articles
    )
    failing_step = upgrades.interrupted_by_a_failing_step(workdir / "failing-step")
    cases = hostile_cases.CASES + (hostile_cases.borrowed_cases() if sizes.borrowed_inputs else [])
    outcomes = hostile.run_cases(workdir / "hostile", cases)
    exports = export_safety.check(workdir / "export-safety")

    verdicts = [o.verdict for o in outcomes]
    failures = (
        crash.failures
        + [f"concurrency: {f}" for f in concurrency["failures"]]
        + [f"revision {r['revision']}: {f}" for r in revisions for f in r["failures"]]
        + [f"failing upgrade step: {f}" for f in failing_step["failures"]]
        + [f"hostile input '{o.case}': {o.verdict}" for o in outcomes if not o.ok]
        + [f"export safety: {f}" for f in exports["failures"]]
    )
    return {
        "size": "full" if full else "ci",
        "seed": seed,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": machine(),
        "kills": crash.kills,
        "kills_by_scenario": dict(crash.kills_by_scenario),
        # Each scenario is killed its quota of times however slow the machine; a run that ended
        # before its kill is retried with an earlier kill, and counted here.
        "kill_quotas": dict(crash.kill_quotas),
        "kills_by_moment": dict(crash.kills_by_moment),
        "ran_to_completion": crash.ran_to_completion,
        "acknowledged_edits": crash.acknowledged_edits,
        "edits_lost": crash.edits_lost,
        "acknowledged_imports": crash.acknowledged_imports,
        "imports_lost": crash.imports_lost,
        "half_made_articles": crash.half_made_articles,
        "exports_checked": crash.exports_checked,
        "half_written_exports": crash.half_written_exports,
        "integrity_checks": crash.integrity_checks + 1,
        "integrity_checks_passed": crash.integrity_checks_passed + int(concurrency["integrity_ok"]),
        "concurrent_edits": concurrency["concurrent_edits"],
        "locked_errors": concurrency["locked_errors"] + crash.locked_errors,
        "migrations_upgraded": sum(r["preserved"] for r in revisions)
        + crash.migrations_completed_after_kill
        + (0 if failing_step["failures"] else 1),
        "inputs_tried": len(outcomes),
        "inputs_refused_cleanly": verdicts.count("refused cleanly"),
        "inputs_read_correctly": verdicts.count("read correctly"),
        "inputs_warned": verdicts.count("warned"),
        "inputs_mishandled": sum(not o.ok for o in outcomes),
        "crash": crash.as_dict(),
        "concurrency": concurrency,
        "revisions": revisions,
        "failing_upgrade_step": failing_step,
        "hostile_inputs": [o.__dict__ for o in outcomes],
        "export_safety": exports,
        "failures": failures,
        "ok": not failures,
        "seconds": round(time.monotonic() - started, 1),
    }


def machine() -> dict[str, Any]:
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "nproc": os.cpu_count(),
        "ram_gb": round(pages / 2**30, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
    }


HEADLINE = (
    "kills", "acknowledged_edits", "edits_lost", "acknowledged_imports", "imports_lost",
    "half_made_articles", "exports_checked", "half_written_exports", "integrity_checks",
    "integrity_checks_passed", "concurrent_edits", "locked_errors", "migrations_upgraded",
    "inputs_tried", "inputs_refused_cleanly", "inputs_read_correctly", "inputs_warned",
    "inputs_mishandled",
)  # fmt: skip


def summary(figures: dict[str, Any]) -> str:
    """The headline figures as aligned lines, then any failure."""
    lines = [f"{key:26} {figures[key]:>8,}" for key in HEADLINE]
    lines.append(f"{'kills by scenario':26} {figures['kills_by_scenario']}")
    lines.append(f"{'kills by moment':26} {figures['kills_by_moment']}")
    lines.append(f"{'ran to completion':26} {figures['ran_to_completion']:>8,} (retried)")
    lines.append(f"{'concurrency':26} {figures['concurrency']['processes']} × "
                 f"{figures['concurrency']['edits_per_process']:,} edits in "
                 f"{figures['concurrency']['seconds']} s")  # fmt: skip
    lines.append(f"{'machine':26} {figures['machine']}; {figures['seconds']} s")
    lines += [f"FAILED: {f}" for f in figures["failures"]]
    lines.append("ok" if figures["ok"] else "NOT OK")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="≥200 kills, 2 × 3,000 edits")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep the projects here (default: a temp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sourcetrack-reliability-") as temp:
        figures = run(args.full, args.workdir or Path(temp), seed=args.seed)
    print(summary(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
