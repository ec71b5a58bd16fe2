"""Concurrency: two processes tag one project at the same moment, each edit its own
transaction; no "database is locked" reaches them and every edit is there afterwards.

(Two windows on one project — each noticing the other's edits, an undo never taking back the
other's — are tested with real windows in tests/ui/test_annotate.py.)"""

from __future__ import annotations

from pathlib import Path

from .concurrency import run_concurrency
from .run_reliability import CI


def test_two_writers_lose_nothing_and_never_see_a_locked_database(tmp_path: Path) -> None:
    figures = run_concurrency(tmp_path, CI.edits_per_process)

    assert figures["failures"] == []
    assert figures["concurrent_edits"] == 2 * CI.edits_per_process
    assert figures["locked_errors"] == 0
    assert figures["other_errors"] == 0
    assert figures["edits_lost"] == 0
    assert figures["integrity_ok"]
    # The commits interleaved: the writers took turns. Each waits after its first edit until the
    # other has made one, so this holds by construction, on any machine: it shows the edits
    # above were made by writers running at the same time. How often they switch after that
    # depends on the machine's load, so it is reported, not asserted.
    assert figures["interleaved"] and figures["writer_switches"] >= 2
