"""Projects where the file system says no: a folder this user cannot write, a file another
program holds exclusively. Each gets a one-line message, no traceback, and nothing changes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO, SEED, cli_ok, project_fingerprint


def _without_privileges() -> list[str]:
    """Root may write anywhere; without its capabilities it meets the folder's mode bits like
    anyone (and can still run the interpreter installed in root's home)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux) to drop its capabilities")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def _app(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [*_without_privileges(), sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder holding a demo project, that the user running the app cannot write."""
    top = Path(tempfile.mkdtemp(prefix="sourcetrack-ro-"))
    folder = top / "shared"
    folder.mkdir()
    cli_ok(None, "import", folder / "p.sourcetrack", SEED)
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def test_a_project_in_a_folder_that_cannot_be_written_is_read_and_refuses_writes(
    read_only_folder: Path,
) -> None:
    project = read_only_folder / "p.sourcetrack"
    before = project_fingerprint(project)

    listed = _app("statements", project, "--article", 1)
    assert listed.returncode == 0, listed.stderr
    assert "Séoul" in listed.stdout or "Seoul" in listed.stdout

    tagged = _app("tag", project, 1, "--source", "Seoul")
    assert tagged.returncode == 1
    assert tagged.stderr.count("\n") == 1 and "Traceback" not in tagged.stderr
    assert "read-only" in tagged.stderr and "nothing was changed" in tagged.stderr

    assert project_fingerprint(project) == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["p.sourcetrack"]


def test_a_new_project_in_a_folder_that_cannot_be_written_is_refused(
    read_only_folder: Path,
) -> None:
    made = _app("import", read_only_folder / "new.sourcetrack", SEED)
    assert made.returncode == 1
    assert made.stderr.count("\n") == 1 and "Traceback" not in made.stderr
    assert "cannot make a project in" in made.stderr
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["p.sourcetrack"]


_EXCLUSIVE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA locking_mode = EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("COMMIT")  # in exclusive mode the lock stays once taken
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_project_another_program_holds_exclusively_is_called_busy_not_damaged(
    tmp_path: Path,
) -> None:
    project = tmp_path / "p.sourcetrack"
    cli_ok(None, "import", project, SEED)
    before = project_fingerprint(project)
    holder = subprocess.Popen(
        [sys.executable, "-c", _EXCLUSIVE, str(project)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        env = dict(os.environ, PYTHONPATH=str(REPO))
        listed = subprocess.run(
            [sys.executable, "-m", "app", "articles", str(project)],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        holder.communicate("", timeout=60)
    assert listed.returncode == 1
    assert "Traceback" not in listed.stderr and "damaged" not in listed.stderr
    assert "in use by another program" in listed.stderr
    with sqlite3.connect(project) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert project_fingerprint(project) == before
