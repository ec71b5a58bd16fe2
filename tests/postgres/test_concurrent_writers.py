"""Five processes tag the same statements with the same claims on one team database at once:
every acknowledged edit is there afterwards, and nobody met an error.

PostgreSQL runs at READ COMMITTED: a "look it up, insert it if missing" of a claim label, an
annotator or a claim link races between processes, where SQLite's BEGIN IMMEDIATE serialises
the writers. Each process starts on a signal, so they overlap by construction.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import REPO, SEED, cli_ok

WRITERS = 5
EDITS = 60  # per writer

_WRITER = """
import json, sys, time
from pathlib import Path
from app.services.project import Project
from app.services.tagging import tag_statement

url, name, go, edits = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
sources = ["Seoul", "Kyiv", "Kremlin"]
with Project.open(url) as project:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    for i in range(edits):
        statement = 1 + i % 8
        source = sources[i % 3]
        result = tag_statement(
            project, statement, source, stance="denies" if i % 2 else "asserts",
            claims=[f"race claim {i % 7}", f"claim of {name} {i % 3}"], annotator=name,
        )
        print(json.dumps([statement, source, name, sorted(result.linked_claims)]), flush=True)
"""


@pytest.mark.slow
def test_five_writers_at_once_lose_nothing_and_meet_no_error(pg_url: str, tmp_path: Path) -> None:
    cli_ok(None, "import", pg_url, SEED)
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, pg_url, f"coder{n}", str(go), str(EDITS)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for n in range(WRITERS)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    go.touch()
    acknowledged: set[tuple[int, str, str]] = set()
    failures = []
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        if writer.returncode != 0 or err.strip():
            failures.append(err.strip()[-2000:])
        for line in out.splitlines():
            statement, source, name, _linked = json.loads(line)
            acknowledged.add((statement, source, name))
    assert failures == []
    assert len(acknowledged) == WRITERS * min(EDITS, 24)  # 8 statements × 3 sources each

    engine = sa.create_engine(pg_url)
    with engine.connect() as connection:
        stored = {
            (int(s), str(src), str(a))
            for s, src, a in connection.exec_driver_sql(
                "SELECT t.statement_id, s.name, n.name FROM attributions t"
                " JOIN sources s ON s.id = t.source_id JOIN annotators n ON n.id = t.annotator_id"
            )
        }
        labels = set(connection.exec_driver_sql("SELECT label FROM claims").scalars())
        links = connection.exec_driver_sql("SELECT count(*) FROM statement_claims").scalar()
    engine.dispose()
    assert acknowledged <= stored
    assert {f"race claim {i}" for i in range(7)} <= labels
    assert links and links > 0
