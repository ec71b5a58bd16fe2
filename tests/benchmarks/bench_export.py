"""CSV export of every attribution, neutralised, with a BOM, against two floors.

Floors, on the same project in the same run: `csv.writer` over the same rows fetched with the
DB-API (one plain query, the statement text cut by `substr`); and the `sqlite3` shell's own
CSV output of that query. Memory: the export runs in a child process whose peak resident set
is compared with the same child doing nothing.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT, best, project, result

FLOOR_SQL = """
SELECT ar.id, ar.title, ar.outlet, ar.published, ar.url, s.id, s.ordinal, s.start, s."end",
       substr(ar.body, s.start + 1, s."end" - s.start), so.name, a.stance, l.rank, l.label,
       (SELECT group_concat(c.label, '; ') FROM statement_claims sc JOIN claims c ON c.id = sc.claim_id
         WHERE sc.statement_id = s.id),
       an.name, a.note, a.origin, a.created_at, a.updated_at
FROM attributions a JOIN statements s ON s.id = a.statement_id JOIN articles ar ON ar.id = s.article_id
JOIN sources so ON so.id = a.source_id JOIN annotators an ON an.id = a.annotator_id
LEFT JOIN confidence_levels l ON l.id = a.confidence_level_id
ORDER BY s.article_id, s.start, s."end", so.position, a.id
"""

CHILD = """
import sys, json, resource
sys.path.insert(0, {root!r})
from pathlib import Path
from app.services.project import Project
from app.services.exporting import export_csv
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with Project.open({project!r}) as p:
    rows = export_csv(p, Path({out!r}), excel=True) if {run} else 0
print(json.dumps({{"rows": rows, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "before_mb": before / 1024}}))
"""


def _floor_dbapi(path: Path, out: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            cursor = connection.execute(FLOOR_SQL)
            while rows := cursor.fetchmany(2000):
                writer.writerows(rows)
    finally:
        connection.close()


def _floor_shell(path: Path, out: Path) -> None:
    script = f".headers on\n.mode csv\n.once {out}\n{FLOOR_SQL};\n"
    subprocess.run(["sqlite3", str(path)], input=script, text=True, check=True)


def _child(path: Path, out: Path, run: bool) -> dict[str, Any]:
    code = CHILD.format(root=str(ROOT), project=str(path), out=str(out), run=run)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(statements: int, workdir: Path, runs: int = 3) -> list[dict[str, Any]]:
    path = project(workdir, statements)
    out = Path(tempfile.mkdtemp(dir=workdir))
    try:
        figure = best(lambda: _child(path, out / "tags.csv", True), runs)
        idle = best(lambda: _child(path, out / "none.csv", False), runs)
        export_s = figure - idle  # the child's start-up is not the export's
        floor_dbapi = best(lambda: _floor_dbapi(path, out / "floor.csv"), runs)
        memory = _child(path, out / "tags.csv", True)
        rows = memory["rows"]
        idle_memory = _child(path, out / "none.csv", False)
        results = [
            result(
                f"CSV export of {rows:,} attributions (neutralised, BOM) vs csv.writer over DB-API",
                export_s,
                floor_dbapi,
                1.2,
                memory_growth_mb=round(memory["peak_mb"] - idle_memory["peak_mb"], 1),
            )
        ]
        if shutil.which("sqlite3"):
            floor_shell = best(lambda: _floor_shell(path, out / "shell.csv"), runs)
            results.append(
                result("CSV export vs the sqlite3 shell's CSV output", export_s, floor_shell, 2.5)
            )
        else:
            results.append(
                {
                    "scenario": "CSV export vs the sqlite3 shell",
                    "skipped": "no sqlite3 shell on this machine",
                }
            )
        return results
    finally:
        shutil.rmtree(out, ignore_errors=True)
