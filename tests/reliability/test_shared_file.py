"""Two processes on one project file: whatever one of them does with its own project's file,
the other's exit never makes it lose a committed edit.

SQLite's locks are POSIX advisory locks, per process: a process that closes *any* descriptor of
its database file (reading its first bytes to check it is a project, say) silently gives up its
locks. The next process to exit then believes it is the last user, checkpoints and deletes the
-wal and -shm files, and the first process goes on committing into a deleted WAL: every edit it
makes from then on is acknowledged, invisible to others, and gone when it closes. Each case here
has the holder (tests/reliability/holder.py, using the services as the window does) touch its
own file one way, then the real command line runs and exits twice on the same file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED

from .holder import TOUCHES
from .processes import READY_TIMEOUT, REPO, environment

HOLDER = Path(__file__).resolve().parent / "holder.py"


def _app(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO, env=environment(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip


class Holder:
    """The holding process, driven one command (and one answer) at a time."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HOLDER), str(project)],
            cwd=REPO, env=environment(), text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert self._answer() == "ready"

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if not line:
            self.process.kill()
            _out, err = self.process.communicate(timeout=READY_TIMEOUT)
            raise AssertionError(f"the holding process ended: {err}")
        return line

    def deleted_files(self) -> list[str]:
        """Files this process still has open although they were deleted (Linux only)."""
        fd_dir = Path(f"/proc/{self.process.pid}/fd")
        found = []
        for entry in fd_dir.iterdir():
            try:
                target = os.readlink(entry)
            except OSError:
                continue
            if target.endswith(" (deleted)"):
                found.append(target)
        return found

    def quit(self) -> None:
        assert self.process.stdin is not None
        if self.process.poll() is None and not self.process.stdin.closed:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
        _out, err = self.process.communicate(timeout=READY_TIMEOUT)
        assert self.process.returncode == 0, err


def _tags(project: Path) -> set[tuple[int, str]]:
    # A reader of our own, in this (third) process; closed at once.
    connection = sqlite3.connect(project)
    try:
        rows = connection.execute(
            "SELECT a.statement_id, s.name FROM attributions a JOIN sources s ON s.id = a.source_id"
        ).fetchall()
    finally:
        connection.close()
    return {(int(statement), str(source)) for statement, source in rows}


@pytest.mark.slow
@pytest.mark.parametrize("touch", sorted(TOUCHES))
def test_a_process_touching_its_own_project_never_loses_a_commit(
    tmp_path: Path, touch: str
) -> None:
    project = tmp_path / "p.sourcetrack"
    made = _app("import", project, SEED)
    assert made.returncode == 0, made.stderr

    holder = Holder(project)
    try:
        assert holder.ask("tag 1 Seoul") == "ok"
        answer = holder.ask(f"touch {touch}")
        assert answer == "done" or answer.startswith("refused: "), answer

        # Another process opens the project, reads, and exits; then one commits and exits.
        listed = _app("articles", project)
        assert listed.returncode == 0, listed.stderr
        tagged = _app("tag", project, 4, "--source", "Kremlin", "--stance", "denies")
        assert tagged.returncode == 0, tagged.stderr

        # The holder's files are the project's: none was deleted under it.
        if sys.platform.startswith("linux"):
            assert holder.deleted_files() == []
        # Each side sees the other's commits.
        assert holder.ask("has 4 Kremlin") == "yes"
        assert holder.ask("tag 2 Kyiv") == "ok"
        assert (2, "Kyiv") in _tags(project)
        seen = _app("statements", project, "--article", 1)
        assert seen.returncode == 0, seen.stderr
    finally:
        holder.quit()

    # And every committed tag is still in the file once everybody has gone.
    assert _tags(project) >= {(1, "Seoul"), (4, "Kremlin"), (2, "Kyiv")}
