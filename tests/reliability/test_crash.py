"""Crashes: processes tagging, importing, exporting, upgrading and making projects are killed
with SIGKILL at moments of their own progress (plus a seeded random delay); nothing acknowledged
is lost and nothing half-made is left. Each scenario gets its quota of kills, however loaded the
machine (see crash.py). CI runs the sizes of `run_reliability.CI`; `run_reliability.py --full`
runs 200 and more."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED, cli, cli_ok

from app.services.project import Project

from .corpus import connect, integrity_ok
from .crash import MOMENTS, SCENARIOS, CrashHarness, quotas
from .processes import REPO, environment, read_acks, wait_ready_line
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
    # Every scenario was killed its quota of times, and at each of its moments.
    assert figures.kill_quotas == quotas(CI.kills)
    assert set(figures.kill_quotas) == set(SCENARIOS) and min(figures.kill_quotas.values()) >= 4
    assert figures.kills_by_scenario == figures.kill_quotas
    assert figures.kills == CI.kills
    assert set(figures.kills_by_moment) == {f"{s}: {m}" for s in MOMENTS for m in MOMENTS[s]}
    by, at = figures.kills_by_scenario, figures.kills_by_moment
    # What there was to check, bounded by what happened rather than by luck: every killed
    # tagging run had acknowledged an edit, every kill after a part of an import had three
    # articles acknowledged, every kill after an export had a whole one under the name, every
    # kill after a backup had a backup to check, and every kill after the new project got its
    # name had a project to open.
    assert figures.acknowledged_edits >= by["tag"]
    assert figures.acknowledged_imports >= 3 * at["import: imported a part"]
    assert figures.exports_checked == figures.attempts_by_scenario["export"]
    assert figures.exports_found >= at["export: exported"]
    assert figures.backups_checked >= at["migrate: backed up"]
    assert figures.new_projects_checked >= at["create: project named"]
    assert figures.edits_lost == 0
    assert figures.imports_lost == 0
    assert figures.half_made_articles == 0
    assert figures.half_written_exports == 0
    assert figures.migrations_interrupted == by["migrate"]
    assert figures.rows_lost_in_migration == 0
    assert figures.bad_backups == 0
    assert figures.migrations_completed_after_kill == by["migrate"]
    # Every tagged, imported-into and upgraded project is checked after its kill (an upgraded
    # one twice: as left, and once reopened), and every backup and new project found; a kill
    # before a new project's file existed, or of an export, leaves nothing to check.
    assert figures.integrity_checks >= (
        by["tag"] + by["import"] + 2 * by["migrate"]
        + figures.backups_checked + figures.new_projects_checked
    )  # fmt: skip
    assert figures.integrity_checks_passed == figures.integrity_checks
    assert figures.torn_ack_lines == 0
    assert figures.locked_errors == 0


def test_kill_quotas_give_every_scenario_its_kills() -> None:
    assert quotas(5) == dict.fromkeys(SCENARIOS, 1)
    assert quotas(28) == {"tag": 11, "import": 5, "export": 4, "migrate": 4, "create": 4}
    assert sum(quotas(210).values()) == 210 and min(quotas(210).values()) == 30
    assert sum(quotas(3).values()) == 3


@pytest.mark.slow
def test_the_harness_fails_when_an_acknowledged_edit_is_lost(tmp_path: Path) -> None:
    """The control for the test above: an edit removed behind the harness's back after it was
    acknowledged is reported, whatever the moment of the kill."""
    harness = CrashHarness(tmp_path, seed=3, statements=40, migration_articles=5)
    harness.run(1)  # one kill: the tagging scenario's
    assert harness.figures.kills_by_scenario == {"tag": 1}
    assert harness.figures.failures == [] and harness.figures.acknowledged_edits >= 1
    acks, _torn = read_acks(harness.tag_acks)
    edit = next(a for a in acks if "n" in a)
    with connect(harness.project) as conn:
        deleted = conn.execute(
            "DELETE FROM attributions WHERE statement_id = ? "
            "AND source_id = (SELECT id FROM sources WHERE name = ?) "
            "AND annotator_id = (SELECT id FROM annotators WHERE name = ?)",
            (edit["s"], edit["src"], edit["a"]),
        ).rowcount
        conn.commit()
    assert deleted == 1
    harness.run(1)
    assert harness.figures.edits_lost == 1
    assert any("acknowledged edits missing" in f for f in harness.figures.failures)


# A process stopped at a chosen point while it makes a project, to hit the two narrow windows
# the kills above only sometimes land in.
_PAUSED_MAKING = """
import sys, time
from alembic import command
from app.services.project import Project
real_upgrade, real_seed = command.upgrade, Project._seed_defaults

def pause(what):
    print(what, flush=True)
    time.sleep(3600)  # until the test kills it (it always does), however slow the machine

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
    try:
        assert wait_ready_line(process, b"paused")
    finally:
        process.send_signal(signal.SIGKILL)  # nothing if it has ended
        _out, err = process.communicate()
    assert process.returncode == -signal.SIGKILL, err  # killed at the pause, not ended before
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
