"""Crashes: processes tagging, importing, exporting, upgrading and making projects are killed
with SIGKILL at random moments (seeded); nothing acknowledged is lost and nothing half-made is
left. CI runs the sizes of `run_reliability.CI`; `run_reliability.py --full` runs 200 and more."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED, cli, cli_ok

from app.services.project import Project

from .corpus import integrity_ok
from .crash import CrashHarness
from .processes import REPO, environment, wait_ready_line
from .run_reliability import CI


@pytest.mark.slow
def test_killed_processes_lose_nothing_and_leave_nothing_half_made(tmp_path: Path) -> None:
    harness = CrashHarness(
        tmp_path,
        seed=7,
        statements=CI.crash_statements,
        migration_articles=CI.migration_articles,
    )
    figures = harness.run(CI.kills)

    assert figures.failures == []
    assert figures.kills == CI.kills
    assert set(figures.kills_by_scenario) == {"tag", "import", "export", "migrate", "create"}
    assert figures.acknowledged_edits > 0
    assert figures.edits_lost == 0
    assert figures.imports_lost == 0
    assert figures.half_made_articles == 0
    assert figures.exports_checked > 0 and figures.half_written_exports == 0
    assert figures.migrations_interrupted > 0
    assert figures.rows_lost_in_migration == 0
    assert figures.backups_checked > 0 and figures.bad_backups == 0
    assert figures.migrations_completed_after_kill == figures.kills_by_scenario["migrate"]
    # Every tagged, imported-into and upgraded project is checked after its kill (an upgraded
    # one twice: as left, and once reopened), and every backup and new project found; a kill
    # before a new project's file existed, or of an export, leaves nothing to check.
    by = figures.kills_by_scenario
    assert figures.integrity_checks >= (
        by["tag"] + by["import"] + 2 * by["migrate"]
        + figures.backups_checked + figures.new_projects_checked
    )  # fmt: skip
    assert figures.integrity_checks_passed == figures.integrity_checks
    assert figures.torn_ack_lines == 0
    assert figures.locked_errors == 0


# A process stopped at a chosen point while it makes a project, to hit the two narrow windows
# the random kills above only sometimes land in.
_PAUSED_MAKING = """
import sys, time
from alembic import command
from app.services.project import Project
real_upgrade, real_seed = command.upgrade, Project._seed_defaults

def pause(what):
    print(what, flush=True)
    time.sleep(60)

def upgrade(config, revision):
    real_upgrade(config, revision)
    if sys.argv[2] == "upgrade":
        pause("paused")

def seed(project):
    if sys.argv[2] == "seed":
        pause("paused")
    real_seed(project)

command.upgrade, Project._seed_defaults = upgrade, seed
Project.open(sys.argv[1], create=True).close()
"""


@pytest.mark.parametrize("moment", ["upgrade", "seed"])
def test_a_project_killed_while_being_made_is_never_left_half_made(
    tmp_path: Path, moment: str
) -> None:
    """Killed inside its schema's transaction, the new project is not there at all (a hidden
    temporary file at most); killed before its default sources went in, it gets them when it is
    next opened."""
    path = tmp_path / "new.sourcetrack"
    process = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_MAKING, str(path), moment],
        cwd=REPO, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert wait_ready_line(process, b"paused")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    if moment == "upgrade":
        assert not path.exists()
        assert all(p.name.startswith(".new.sourcetrack.") for p in tmp_path.iterdir())
    else:
        assert path.exists() and integrity_ok(path)
    with Project.open(path, create=moment == "upgrade") as project, project.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sources").scalar() == 3
        assert conn.exec_driver_sql("SELECT count(*) FROM confidence_scales").scalar() == 3


def test_an_empty_file_left_by_an_older_crash_becomes_a_project_on_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sourcetrack"
    path.touch()
    assert cli(capsys, "articles", path)[0] == 1  # opened as it is, it is still refused
    cli_ok(capsys, "import", path, SEED)
    assert integrity_ok(path)
