"""Hostile inputs: each refused in one clear line (or read correctly), the project unchanged.

Every case runs the real command line in-process (`tests/helpers.cli`) under three guards: no
network connection may be attempted, a case must end within `TIME_LIMIT` seconds (SIGALRM), and
the process may not grow by more than `MEMORY_LIMIT_MB`. A refusal must be one line on standard
error matching the case's reason, with the project's fingerprint (main file, WAL and a full
dump, see tests/helpers.py) unchanged; a file opened as a project must be left byte-for-byte,
with no `-wal` or `-shm` made beside it.

The cases are in hostile_cases.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import resource
import signal
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from helpers import SEED, cli, cli_ok, project_fingerprint

from app.domain.storage import parse_mounts
from app.services import location

from .hostile_cases import Case

TIME_LIMIT = 20.0
MEMORY_LIMIT_MB = 256


@dataclass
class Outcome:
    case: str
    verdict: str  # "refused cleanly", "read correctly", "warned", or "FAILED: why"
    seconds: float
    rss_growth_mb: float
    origin: str

    @property
    def ok(self) -> bool:
        return not self.verdict.startswith("FAILED")


# --- running them ---------------------------------------------------------------------------------


class HostileRunner:
    """Runs cases against one project holding the seed article and a few tags."""

    def __init__(self, workdir: Path) -> None:
        self.work = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.project = workdir / "target.sourcetrack"
        cli_ok(None, "import", self.project, SEED, "--outlet", "AFP")
        for statement, source, stance in (
            (1, "Seoul", "asserts"),
            (4, "Kremlin", "denies"),
            (4, "Seoul", "asserts"),
            (2, "Kyiv", "neutral"),
        ):
            cli_ok(None, "tag", self.project, statement, "--source", source, "--stance", stance,
                   "--note", "=1+1 « note »", "--claim", "Troupes en Russie")  # fmt: skip
        cli_ok(None, "export", self.project, "-o", workdir / "good.csv")
        self.count = 0

    def run(self, case: Case) -> Outcome:
        self.count += 1
        folder = self.work / f"case{self.count}"
        folder.mkdir()
        started = time.monotonic()
        rss_before = _rss_mb()
        try:
            with _guards() as attempts:
                verdict = self._judge(case, case.build(folder), folder)
            if attempts:
                verdict = f"FAILED: a network connection was attempted: {attempts[0]!r}"
        except Exception as error:  # a crash is a failure of the case, not of the harness
            verdict = f"FAILED: {type(error).__name__}: {error}"
        return Outcome(case.name, verdict, round(time.monotonic() - started, 3),
                       round(_rss_mb() - rss_before, 1), case.origin)  # fmt: skip

    def _judge(self, case: Case, path: Path, folder: Path) -> str:
        if case.kind == "project":
            return self._judge_project(case, path)
        if case.kind == "warn":
            return self._judge_warning(case, path, folder)
        before = project_fingerprint(self.project)
        command = "import" if case.kind == "import" else "import-tags"
        status, _out, err = cli(None, command, self.project, path)
        if case.read_back is not None:
            if status != 0 or err:
                return f"FAILED: not read ({status}): {err.strip()}"
            problem = case.read_back(self.project)
            return f"FAILED: {problem}" if problem else "read correctly"
        if status != 1:
            return f"FAILED: exit status {status}, not 1"
        if len(err.splitlines()) != 1:
            return f"FAILED: {len(err.splitlines())} lines on standard error: {err!r}"
        prefix = f"refused: {re.escape(str(path))}: " if command == "import" else "sourcetrack: "
        if not re.match(prefix + (case.expect if command == "import" else ".*" + case.expect),
                        err.rstrip("\n")):  # fmt: skip
            return f"FAILED: unexpected message {err.strip()!r}"
        if project_fingerprint(self.project) != before:
            return "FAILED: the project changed"
        return "refused cleanly"

    def _judge_project(self, case: Case, path: Path) -> str:
        before = _folder_state(path.parent)
        status, out, err = cli(None, "articles", path)
        if status != 1 or out or len(err.splitlines()) != 1:
            return f"FAILED: not refused in one line ({status}): {err.strip()!r}"
        if not re.search(case.expect, err):
            return f"FAILED: unexpected message {err.strip()!r}"
        if _folder_state(path.parent) != before:
            return "FAILED: the file (or its folder) changed"
        return "refused cleanly"

    def _judge_warning(self, case: Case, path: Path, folder: Path) -> str:
        patch: contextlib.AbstractContextManager[Any] = contextlib.nullcontext()
        if case.mounts is not None:
            table = "/dev/vda / ext4 rw 0 0\n" + case.mounts.format(folder=folder)
            mounts = parse_mounts(table)
            patch = mock.patch.object(location, "read_mounts", lambda *a: mounts)
        with patch:
            status, _out, err = cli(None, "tag", path, 1, "--source", "Seoul")
        if status != 0:
            return f"FAILED: the command failed ({status}): {err.strip()!r}"
        lines = err.splitlines()
        if len(lines) != 1 or not lines[0].startswith("sourcetrack: warning: "):
            return f"FAILED: not one warning line: {err!r}"
        if not re.search(case.expect, lines[0]):
            return f"FAILED: unexpected warning {lines[0]!r}"
        return "warned"


def _folder_state(folder: Path) -> dict[str, str]:
    """Every file of a folder and its sha256: a refused project must leave all of them."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


@contextlib.contextmanager
def _guards() -> Iterator[list[object]]:
    """No network, and no more than TIME_LIMIT seconds (a hang becomes a TimeoutError)."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is not allowed in the hostile-input cases")

    def alarm(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"no answer within {TIME_LIMIT:.0f} s (a hang)")

    # Signals reach the main thread only; elsewhere (a benchmark's worker) the bound is off.
    timed = threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        with (
            mock.patch.object(socket.socket, "connect", refuse),
            mock.patch.object(socket.socket, "connect_ex", refuse),
            mock.patch.object(socket, "create_connection", refuse),
        ):
            yield attempts
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def run_cases(workdir: Path, cases: list[Case]) -> list[Outcome]:
    runner = HostileRunner(workdir)
    outcomes = [runner.run(case) for case in cases]
    for outcome in outcomes:
        if outcome.ok and outcome.rss_growth_mb > MEMORY_LIMIT_MB:
            outcome.verdict = f"FAILED: the process grew by {outcome.rss_growth_mb} MB"
    return outcomes
