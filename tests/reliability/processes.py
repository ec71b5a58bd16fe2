"""Starting the driver (or the real `python -m app`) as a process, and killing it with SIGKILL.

Only processes started here are ever signalled, by their own pid.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"
READY_TIMEOUT = 120.0  # a loaded CI machine can take a while to import the app
POLL_SECONDS = 0.001  # how often a moment to kill at is looked for


@dataclass
class Finished:
    """How a process ended: killed by us, or on its own with a status."""

    killed: bool
    returncode: int
    stderr: str
    seconds: float


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCETRACK_ANNOTATOR", "crash-harness")
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def start_driver(*args: object) -> subprocess.Popen[bytes]:
    return _start([sys.executable, str(DRIVER), *map(str, args)])


def start_app(*args: object) -> subprocess.Popen[bytes]:
    """The real command line, `python -m app ARGS…`."""
    return _start([sys.executable, "-m", "app", *map(str, args)])


def _start(argv: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        argv,
        cwd=REPO,
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_ready(process: subprocess.Popen[bytes], timeout: float = READY_TIMEOUT) -> bool:
    """Wait for the driver's `ready` line; False if it ended (or went silent) first."""
    return wait_ready_line(process, b"ready", timeout)


def wait_ready_line(
    process: subprocess.Popen[bytes], line: bytes, timeout: float = READY_TIMEOUT
) -> bool:
    """Wait for the process to print `line` first; False if it printed something else, ended
    or stayed silent for `timeout` seconds."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return False
        return process.stdout.readline().strip() == line


def wait_until(
    process: subprocess.Popen[bytes], reached: Callable[[], bool], timeout: float = READY_TIMEOUT
) -> bool:
    """Poll `reached` until it holds (True), or the process ended or `timeout` passed (False).

    This is how a kill is aimed at a moment of the process's own progress (an acknowledgement
    written, a backup renamed into place, a file made) rather than at a time on the clock.
    """
    deadline = time.monotonic() + timeout
    while True:
        if reached():
            return True
        if process.poll() is not None or time.monotonic() >= deadline:
            return reached()
        time.sleep(POLL_SECONDS)


def kill_after(process: subprocess.Popen[bytes], delay: float, started: float) -> Finished:
    """Sleep `delay` seconds, then SIGKILL the process unless it has already ended."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(min(0.002, max(0.0, deadline - time.monotonic())))
    killed = False
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        killed = True
    _out, err = process.communicate()
    killed = killed and process.returncode == -signal.SIGKILL
    return Finished(killed, process.returncode, err.decode("utf-8", "replace"),
                    time.monotonic() - started)  # fmt: skip


def finish(process: subprocess.Popen[bytes], started: float, timeout: float = 600) -> Finished:
    """Let a process run to its end."""
    _out, err = process.communicate(timeout=timeout)
    return Finished(False, process.returncode, err.decode("utf-8", "replace"),
                    time.monotonic() - started)  # fmt: skip


def ack_size(path: Path) -> int:
    """The size of a side log, 0 while there is none: it grows one whole line at a time."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def acks_since(path: Path, offset: int) -> int:
    """How many whole lines a side log gained after `offset` (a size `ack_size` gave)."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            return handle.read().count(b"\n")
    except FileNotFoundError:
        return 0


def read_acks(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The acknowledgements of a side log, and how many lines were torn (must be 0)."""
    if not path.exists():
        return [], 0
    records, torn = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            torn += 1
    return records, torn
