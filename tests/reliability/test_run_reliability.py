"""The figures: `run()` gathers every harness into one dict (here at a tiny size), and the
script and the import path the benchmarks use both work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .crash import SCENARIOS, quotas
from .processes import REPO
from .run_reliability import HEADLINE, Sizes, run, summary

TINY = Sizes(kills=5, edits_per_process=30, crash_statements=100, migration_articles=30,
             revision_articles=5, borrowed_inputs=False)  # fmt: skip


def test_run_returns_every_figure(tmp_path: Path) -> None:
    figures = run(False, tmp_path, sizes=TINY)
    assert figures["failures"] == [] and figures["ok"]
    for key in HEADLINE:
        assert isinstance(figures[key], int), key
    assert figures["kills"] == TINY.kills
    assert figures["kills_by_scenario"] == figures["kill_quotas"] == quotas(TINY.kills)
    assert set(figures["kill_quotas"]) == set(SCENARIOS)  # one kill each at least
    assert figures["edits_lost"] == 0 and figures["locked_errors"] == 0
    assert figures["concurrent_edits"] == 2 * TINY.edits_per_process
    assert figures["integrity_checks_passed"] == figures["integrity_checks"]
    assert figures["inputs_tried"] == len(figures["hostile_inputs"]) > 20
    assert figures["inputs_mishandled"] == 0
    assert figures["migrations_upgraded"] >= 4  # every revision, and the failed upgrade after
    assert figures["machine"]["nproc"] >= 1
    assert "ok" in summary(figures).splitlines()[-1]


def test_the_script_and_the_import_path_work() -> None:
    script = REPO / "tests" / "reliability" / "run_reliability.py"
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                            text=True, cwd=REPO)  # fmt: skip
    assert result.returncode == 0 and "--full" in result.stdout, result.stderr
    code = "from tests.reliability.run_reliability import run as r; print(r.__name__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO)  # fmt: skip
    assert result.stdout.strip() == "run", result.stderr
