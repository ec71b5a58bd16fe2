"""The process the crash and concurrency harnesses start, and kill: it calls the app's services.

    python tests/reliability/driver.py tag PROJECT ACKS --annotator NAME --count N [--go FILE]
                                       [--meet FOLDER --writers N]
    python tests/reliability/driver.py import PROJECT ACKS FOLDER
    python tests/reliability/driver.py export PROJECT ACKS OUT [--rounds N]
    python tests/reliability/driver.py migrate PROJECT ACKS

Each prints `ready` once it is about to work, then acknowledges every finished operation by
appending one JSON line to ACKS — only after the service call returned, that is after its
transaction committed (or its export was renamed into place). The harness then checks that
every acknowledged operation survived the kill. One `write()` per line on an O_APPEND file
descriptor: a SIGKILL cannot leave half a line.

A "database is locked" (or any other database error) is acknowledged as `{"error": …}`: it is
what a user would have seen, and the harness counts it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy as sa  # noqa: E402

from app.services import exporting, tagging  # noqa: E402
from app.services.importing import ArticleMeta, Outcome, import_paths  # noqa: E402
from app.services.project import Project  # noqa: E402

MEET_TIMEOUT = 300.0  # seconds the writers wait for each other's first edit, at most
SOURCES = ("Seoul", "Kyiv", "Kremlin")
STANCES = ("asserts", "denies", "neutral")
LEVELS = ("Certain", "Probable", "Possible", "Unknown", None)


class Acks:
    """The side log of finished operations (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, record: dict[str, Any]) -> None:
        os.write(self._fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))


def ready() -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()


def meet(folder: Path, name: str, writers: int) -> None:
    """Say this writer committed its first edit, and wait until every writer has.

    From there on each writer has all its other edits to make while the others make theirs:
    the writers overlap by construction, not by how the machine happens to schedule them.
    """
    (folder / name).touch()
    deadline = time.monotonic() + MEET_TIMEOUT
    while sum(1 for _ in folder.iterdir()) < writers:
        if time.monotonic() > deadline:
            raise SystemExit(f"the other writers made no edit within {MEET_TIMEOUT:g} s")
        time.sleep(0.002)


def edit_keys(project: Project) -> list[tuple[int, str]]:
    """(statement, source) pairs: with one annotator each is a distinct attribution."""
    with project.read() as conn:
        ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM statements ORDER BY id")]
    return [(statement_id, source) for statement_id in ids for source in SOURCES]


def run_tag(args: argparse.Namespace, acks: Acks) -> None:
    with Project.open(args.project) as project:
        keys = edit_keys(project)
        if args.count > len(keys):
            raise SystemExit(f"{args.count} edits need more than {len(keys) // 3} statements")
        ready()
        if args.go is not None:  # start together with the other writer
            while not Path(args.go).exists():
                time.sleep(0.002)
        met = args.meet is None
        for i in range(args.count):
            statement_id, source = keys[(args.offset + i) % len(keys)]
            record = {
                "s": statement_id,
                "src": source,
                "a": args.annotator,
                "n": f"{args.annotator} edit {i} « é » =1",
                "st": STANCES[i % len(STANCES)],
                "c": [f"Claim {i % 17}"] if i % 5 == 0 else [],
            }
            started = time.perf_counter()
            try:
                tagging.tag_statement(
                    project,
                    statement_id,
                    source,
                    stance=record["st"],
                    confidence=LEVELS[i % len(LEVELS)],
                    claims=record["c"],
                    note=record["n"],
                    annotator=args.annotator,
                )
            except sa.exc.OperationalError as error:
                acks.write({"error": str(error.orig), "s": statement_id, "src": source})
                continue
            record["ms"] = round((time.perf_counter() - started) * 1000, 2)
            acks.write(record)
            if not met:
                meet(args.meet, args.annotator, args.writers)
                met = True


def run_import(args: argparse.Namespace, acks: Acks) -> None:
    """Import each subfolder of FOLDER in turn, acknowledging its files once it returned.

    `import_paths` commits articles in batches and reports a file before its batch commits, so
    only what it returns is acknowledged; a folder per call keeps acknowledgements coming.
    """
    parts = sorted(p for p in Path(args.folder).iterdir() if p.is_dir())
    with Project.open(args.project) as project:
        ready()
        imported = 0
        for part in parts:
            report = import_paths(project, [part], ArticleMeta(language="fr"))
            for result in report.results:
                acks.write(
                    {
                        "name": Path(result.name).name,
                        "outcome": result.outcome.value,
                        "article": result.article_id,
                        "statements": result.statements,
                    }
                )
            imported += report.count(Outcome.IMPORTED)
    if not imported:
        raise SystemExit("nothing was imported")


def run_export(args: argparse.Namespace, acks: Acks) -> None:
    with Project.open(args.project) as project:
        ready()
        for round_ in range(args.rounds):
            excel = bool(round_ % 2)
            rows = exporting.export_csv(project, Path(args.out), excel=excel)
            acks.write({"rows": rows, "excel": excel})


def run_migrate(args: argparse.Namespace, acks: Acks) -> None:
    ready()  # before opening: the kill is meant to land in the backup or the upgrade
    with Project.open(args.project) as project:
        backup = project.backup_path
    acks.write({"opened": True, "backup": str(backup) if backup else None})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("tag")
    p.add_argument("project")
    p.add_argument("acks", type=Path)
    p.add_argument("--annotator", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--go", type=Path, help="wait for this file to exist before the first edit")
    p.add_argument("--meet", type=Path, help="after the first edit, wait here for the others'")
    p.add_argument("--writers", type=int, default=1, help="how many writers meet")
    p = sub.add_parser("import")
    p.add_argument("project")
    p.add_argument("acks", type=Path)
    p.add_argument("folder")
    p = sub.add_parser("export")
    p.add_argument("project")
    p.add_argument("acks", type=Path)
    p.add_argument("out")
    p.add_argument("--rounds", type=int, default=1_000_000)
    p = sub.add_parser("migrate")
    p.add_argument("project")
    p.add_argument("acks", type=Path)
    args = parser.parse_args()
    runner = {"tag": run_tag, "import": run_import, "export": run_export, "migrate": run_migrate}
    runner[args.mode](args, Acks(args.acks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
