"""REFI-QDA (.qdpx): importing 10,000 codings against a floor, and the export's memory.

Import. Two files of 10,000 codings (about 1 MB), each imported into an empty project:
- a Sourcetrack project exported and written again the way QualCoder exports it (one selection
  per coding, new GUIDs, notes as journals: `tests.formats.qdpx_layouts.qualcoder_layout`);
- another program's file: every sentence of its texts coded with a source and a stance in
  selections of their own, a third of them taking the blank after the sentence too.
The floor, on the same file in the same run: unzip it, parse `project.qde` with lxml, slice
every selection's text, and insert the rows the import makes (articles, statements and their
search index, one tag per source coding, claim links) with raw `executemany` and one commit.
Target: at most 1 s, and at most 5× the floor.

Export. `export --format qdpx` of the generated project (the 1M-statement one in the full run)
in a child process, whose peak resident memory above its start (its code loaded and the
project open, ready to export) is reported. Target: at most 100 MB, whatever the size of the
project (the file is streamed).

    python -m tests.benchmarks.bench_qdpx --statements 300000
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT, best, command_line, project, result
from tests.benchmarks.generate import generate, sentence

CODINGS = 10_000
IMPORT_SECONDS = 1.0
IMPORT_RATIO = 5.0
EXPORT_GROWTH_MB = 100.0

# The peak is the child's VmHWM, its own address space's high-water mark: getrusage's
# ru_maxrss would also count the benchmark process it was forked from (Linux keeps the larger).
CHILD = """
import sys, json, os, time
sys.path.insert(0, {root!r})
from pathlib import Path
from app.services.project import Project
from app.services.qdpx_export import export_qdpx
def status_mb(field):
    with open("/proc/self/status") as handle:
        line = next(l for l in handle if l.startswith(field + ":"))
    return int(line.split()[1]) / 1024
with Project.open({project!r}) as p:
    start = status_mb("VmRSS")  # the code loaded and the project open: ready to export
    started = time.perf_counter()
    summary = export_qdpx(p, Path({out!r}))
    seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "start_mb": start, "peak_mb": status_mb("VmHWM"),
                   "selections": summary.selections, "codings": summary.codings}}))
"""


# --- the files ---------------------------------------------------------------------------------


def _via_qualcoder(workdir: Path) -> Path:
    """A generated project of about CODINGS codings, exported, in QualCoder's layout."""
    from app.services.project import Project
    from app.services.qdpx_export import export_qdpx
    from tests.formats.qdpx_layouts import qualcoder_layout

    target = workdir / f"qdpx-qualcoder-{CODINGS}.qdpx"
    if target.exists():
        return target
    source = workdir / "qdpx-source.sourcetrack"
    for suffix in ("", "-wal", "-shm"):
        Path(str(source) + suffix).unlink(missing_ok=True)
    # About 4 codings a statement: Statements, a claim now and then, 3 per tag.
    generate(source, max(1, CODINGS // 400), 100, tag_share=0.8)
    ours = workdir / "qdpx-ours.qdpx"
    with Project.open(source) as opened:
        export_qdpx(opened, ours)
    return qualcoder_layout(ours, target)


def _foreign(workdir: Path, seed: int = 3) -> Path:
    """Another program's file: CODINGS codings, each pair of sentences coded with a source and
    a stance in two selections; a third of the selections take the blank after them too."""
    from tests.formats.qdpx_layouts import foreign_qdpx

    target = workdir / f"qdpx-foreign-{CODINGS}.qdpx"
    if target.exists():
        return target
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    codings: list[tuple[str, int, int, list[str]]] = []
    sources = ("Seoul", "Kyiv", "Kremlin")
    stances = ("stance: asserts", "stance: denies", "stance: neutral")
    number = 0
    while len(codings) < CODINGS:
        number += 1
        name = f"entretien-{number:03}.txt"
        language = "fr" if number % 2 else "en"
        paragraphs = []
        cursor = 0
        for _ in range(25):  # 100 codings a text: CODINGS in whole texts
            pairs = [f"{sentence(rng, language)} {sentence(rng, language)}" for _ in range(2)]
            for i, pair in enumerate(pairs):
                start = cursor + sum(len(p) + 1 for p in pairs[:i])
                end = start + len(pair) + (1 if i == 0 and rng.random() < 2 / 3 else 0)
                codings.append((name, start, end, [rng.choice(sources)]))
                codings.append((name, start, end, [rng.choice(stances)]))
            paragraphs.append(" ".join(pairs))
            cursor += len(paragraphs[-1]) + 2
        texts[name] = "\n\n".join(paragraphs)
    return foreign_qdpx(target, texts, codings[:CODINGS])


# --- the floor ---------------------------------------------------------------------------------


def _empty_project(path: Path) -> Path:
    from app.services.project import Project

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    Project.open(path, create=True).close()
    return path


def _floor(qdpx: Path, empty: Path, scratch: Path) -> None:
    """Unzip, parse, slice, and insert the same kinds of rows with one commit."""
    from lxml import etree

    q = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(qdpx) as archive:
        members = {i.filename.casefold(): archive.read(i) for i in archive.infolist()}
    root = etree.fromstring(members["project.qde"])
    shutil.copyfile(empty, scratch)
    connection = sqlite3.connect(scratch)
    try:
        source_ids = dict(connection.execute("SELECT name, id FROM sources"))
        names = {c.get("guid"): c.get("name") for c in root.iter(f"{q}Code")}
        claims = sorted({n for n in names.values() if n.startswith("claim: ")})
        now = datetime.now(UTC).isoformat()
        connection.executemany(
            "INSERT INTO claims (label, description, created_at) VALUES (?, '', ?)",
            [(c, now) for c in claims],
        )
        claim_ids = dict(connection.execute("SELECT 'claim: ' || label, id FROM claims"))
        connection.execute("INSERT INTO annotators (name) VALUES ('floor')")
        article_rows, statement_rows, fts_rows, tag_rows, link_rows = [], [], [], [], []
        next_statement = 1
        for article_id, source in enumerate(root.iter(f"{q}TextSource"), start=1):
            path = "sources/" + source.get("plainTextPath").removeprefix("internal://")
            text = members[path.casefold()].decode("utf-8-sig")
            article_rows.append((article_id, source.get("name"), text, str(article_id), now))
            spans: dict[tuple[int, int], int] = {}
            for selection in source.iterfind(f"{q}PlainTextSelection"):
                span = (int(selection.get("startPosition")), int(selection.get("endPosition")))
                if span not in spans:
                    spans[span] = next_statement
                    statement_rows.append((next_statement, article_id, len(spans), *span))
                    fts_rows.append((next_statement, text[span[0] : span[1]]))
                    next_statement += 1
                for ref in selection.iterfind(f"{q}Coding/{q}CodeRef"):
                    name = names[ref.get("targetGUID")]
                    if name in source_ids:
                        tag_rows.append((spans[span], source_ids[name], now, now))
                    elif name in claim_ids:
                        link_rows.append((spans[span], claim_ids[name]))
        connection.executemany(
            "INSERT INTO articles (id, title, body, body_sha256, imported_at) VALUES (?,?,?,?,?)",
            article_rows,
        )
        connection.executemany(
            'INSERT INTO statements (id, article_id, ordinal, start, "end") VALUES (?,?,?,?,?)',
            statement_rows,
        )
        connection.executemany("INSERT INTO statement_fts (rowid, text) VALUES (?, ?)", fts_rows)
        connection.executemany(
            "INSERT OR IGNORE INTO attributions (statement_id, source_id, annotator_id, stance, "
            "note, origin, created_at, updated_at) VALUES (?, ?, 1, 'asserts', '', 'imported', ?, ?)",
            tag_rows,
        )
        connection.executemany(
            "INSERT OR IGNORE INTO statement_claims (statement_id, claim_id) VALUES (?, ?)",
            link_rows,
        )
        connection.commit()
    finally:
        connection.close()


def _import(qdpx: Path, empty: Path, scratch: Path) -> Any:
    from app.services.project import Project
    from app.services.qdpx_import import import_qdpx

    shutil.copyfile(empty, scratch)
    with Project.open(scratch) as opened:
        started = time.perf_counter()
        report = import_qdpx(opened, qdpx)
        return time.perf_counter() - started, report


def _import_result(what: str, qdpx: Path, workdir: Path, runs: int) -> dict[str, Any]:
    empty = _empty_project(workdir / "qdpx-empty.sourcetrack")
    scratch = workdir / "qdpx-import.sourcetrack"
    seconds, report = min((_import(qdpx, empty, scratch) for _ in range(runs)), key=lambda r: r[0])
    floor = best(lambda: _floor(qdpx, empty, workdir / "qdpx-floor.sourcetrack"), runs)
    with zipfile.ZipFile(qdpx) as archive:
        codings = archive.read("project.qde").count(b"<Coding ")
        text_mb = sum(i.file_size for i in archive.infolist() if "/" in i.filename) / 2**20
    size_mb = qdpx.stat().st_size / 2**20
    entry = result(
        f"qdpx import, {what}: {codings:,} codings, {size_mb:.1f} MB ({text_mb:.1f} MB of text)",
        seconds, floor, IMPORT_RATIO,
        tags=report.tags.added, moved=len(report.moved),
    )  # fmt: skip
    entry["target"] = f"≤ {IMPORT_SECONDS:g} s and ≤ {IMPORT_RATIO:g}×"
    entry["passed"] = entry["passed"] and seconds <= IMPORT_SECONDS
    return entry


# --- the export's memory -----------------------------------------------------------------------


def _export_child(path: Path, out: Path) -> dict[str, Any]:
    code = CHILD.format(root=str(ROOT), project=str(path), out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _export_result(statements: int, workdir: Path) -> dict[str, Any]:
    path = project(workdir, statements)
    out = Path(tempfile.mkdtemp(dir=workdir))
    try:
        measured = _export_child(path, out / "project.qdpx")
        size_mb = (out / "project.qdpx").stat().st_size / 2**20
    finally:
        shutil.rmtree(out, ignore_errors=True)
    growth = measured["peak_mb"] - measured["start_mb"]
    return {
        "scenario": f"qdpx export, {statements:,} statements, {measured['codings']:,} codings "
        f"({size_mb:.0f} MB): peak +{growth:.0f} MB",
        "figure_s": round(measured["seconds"], 4),
        "target": f"≤ {EXPORT_GROWTH_MB:g} MB above start",
        "passed": growth <= EXPORT_GROWTH_MB,
        "memory_growth_mb": round(growth, 1),
    }


def run(statements: int, workdir: Path, runs: int = 3) -> list[dict[str, Any]]:
    return [
        _import_result("QualCoder's layout", _via_qualcoder(workdir), workdir, runs),
        _import_result("another program's", _foreign(workdir), workdir, runs),
        _export_result(statements, workdir),
    ]


if __name__ == "__main__":
    sys.exit(command_line(run, __doc__.splitlines()[0]))
