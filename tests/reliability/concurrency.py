"""Two processes tagging one project at the same moment: no "database is locked", no lost edit.

Each process is the driver, with its own annotator, tagging the same statements in the same
order (so they contend for the same pages all along), each edit its own transaction. Both wait
for a start file, and after its first edit each waits until the other has made its first too:
so the writers overlap whatever the machine's load, and the rest of their edits contend for the
lock. Afterwards every edit each process acknowledged must be in the project, exactly once, with
its note.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .corpus import build_project, connect, integrity_ok
from .processes import finish, read_acks, start_driver, wait_ready


def run_concurrency(workdir: Path, edits_per_process: int, processes: int = 2) -> dict[str, Any]:
    """Run the writers to the end; returns the figures (see the keys) and `failures`."""
    workdir.mkdir(parents=True, exist_ok=True)
    project = workdir / "concurrent.sourcetrack"
    per_article = 20
    articles = -(-edits_per_process // (3 * per_article))  # three sources per statement
    build_project(project, articles=articles, per_article=per_article, seed=11)
    go = workdir / "go"
    met = workdir / "met"
    met.mkdir(exist_ok=True)
    for left in met.iterdir():  # from an earlier run in the same folder
        left.unlink()
    writers = []
    for number in range(processes):
        acks = workdir / f"writer{number}.jsonl"
        process = start_driver(
            "tag", project, acks, "--annotator", f"writer{number}",
            "--count", edits_per_process, "--go", go, "--meet", met, "--writers", processes,
        )  # fmt: skip
        writers.append((process, acks))
    failures = [f"writer {n} never got ready" for n, (p, _a) in enumerate(writers)
                if not wait_ready(p)]  # fmt: skip
    go.touch()
    started = time.monotonic()
    ends = [finish(process, started) for process, _acks in writers]
    seconds = max(end.seconds for end in ends)
    failures += [f"writer {n} failed ({e.returncode}): {e.stderr.strip()[-500:]}"
                 for n, e in enumerate(ends) if e.returncode != 0]  # fmt: skip

    acked: list[dict[str, Any]] = []
    errors: list[str] = []
    for _process, acks in writers:
        records, torn = read_acks(acks)
        if torn:
            failures.append(f"{torn} torn lines in {acks.name}")
        acked += [r for r in records if "n" in r]
        errors += [r["error"] for r in records if "error" in r]
    with connect(project) as conn:
        stored = {
            (statement, source, annotator): note
            for statement, source, annotator, note in conn.execute(
                "SELECT t.statement_id, so.name, an.name, t.note FROM attributions t "
                "JOIN sources so ON so.id = t.source_id JOIN annotators an ON an.id = t.annotator_id"
            )
        }
        # Ids are given in commit order: how often the next commit came from the other writer.
        order = [row[0] for row in conn.execute(
            "SELECT annotator_id FROM attributions ORDER BY id")]  # fmt: skip
    switches = sum(1 for a, b in zip(order, order[1:], strict=False) if a != b)
    # Interleaved: every writer committed something before every other writer had finished
    # (which the meeting after the first edits guarantees when each has more than one to make).
    last = {writer: i for i, writer in enumerate(order)}
    first = {writer: i for i, writer in reversed(list(enumerate(order)))}
    interleaved = len(last) == processes and all(
        first[a] < last[b] for a in last for b in last if a != b
    )
    lost = [a for a in acked if stored.get((a["s"], a["src"], a["a"])) != a["n"]]
    if lost:
        failures.append(f"{len(lost)} acknowledged edits missing, e.g. {lost[:2]}")
    if len(acked) + len(errors) != processes * edits_per_process:
        failures.append(f"{len(acked)} edits and {len(errors)} errors, not "
                        f"{processes * edits_per_process} edits")  # fmt: skip
    if len(stored) != len(acked):
        failures.append(f"{len(stored)} attributions stored for {len(acked)} edits")
    integrity = integrity_ok(project)
    if not integrity:
        failures.append("integrity_check failed after the concurrent writers")
    return {
        "processes": processes,
        "edits_per_process": edits_per_process,
        "concurrent_edits": len(acked),
        "locked_errors": sum("locked" in e for e in errors),
        "other_errors": sum("locked" not in e for e in errors),
        "edits_lost": len(lost),
        "integrity_ok": integrity,
        "writer_switches": switches,
        "interleaved": interleaved,
        # How long one edit took, waiting for the other writer included (milliseconds).
        "edit_ms_median": _percentile([a["ms"] for a in acked], 0.5),
        "edit_ms_p99": _percentile([a["ms"] for a in acked], 0.99),
        "edit_ms_max": max((a["ms"] for a in acked), default=None),
        "seconds": round(seconds, 2),
        "edits_per_second": round(len(acked) / seconds, 1) if seconds else None,
        "failures": failures,
    }


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
