"""Export targets that are not plain files: pipes, devices, symbolic links, a full disk.

An export streams to a pipe or a character device (it cannot replace one), writes through a
symbolic link (the link stays), refuses a FIFO nobody reads instead of hanging, and a write
that fails says so in one line and leaves the target as it was.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, SEED, cli, cli_ok

from app.store.queries import EXPORT_COLUMNS

HEADER = ",".join(EXPORT_COLUMNS)


@pytest.fixture
def tagged_path(tmp_path: Path) -> Path:
    path = tmp_path / "p.sourcetrack"
    cli_ok(None, "import", path, SEED)
    cli_ok(None, "tag", path, 1, "--source", "Seoul", "--confidence", "Certain")
    return path


def _export(*args: object) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "app", "export", *map(str, args)],
        env=env, capture_output=True, timeout=300,
    )  # fmt: skip


def test_an_export_to_standard_output_streams_into_the_pipe(tagged_path: Path) -> None:
    done = _export(tagged_path, "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0] == HEADER and len(lines) == 2

    qdpx = _export(tagged_path, "-o", "/dev/stdout", "--format", "qdpx")
    assert qdpx.returncode == 0, qdpx.stderr
    with zipfile.ZipFile(io.BytesIO(qdpx.stdout)) as archive:
        assert "project.qde" in archive.namelist()


def test_an_export_to_a_fifo_streams_to_its_reader_and_the_fifo_stays(
    tagged_path: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "tags.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        # The reader may not have opened the FIFO yet: the refusal below is immediate, so try
        # until the reader is there (bounded by the thread, not by a clock).
        for _attempt in range(10_000):
            status, _out, err = cli(None, "export", tagged_path, "-o", fifo)
            if status == 0 or "nothing is reading" not in err:
                break
        assert status == 0, err
    finally:
        reader.join(timeout=60)
    assert received and received[0].decode("utf-8").splitlines()[0] == HEADER
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_export_to_a_fifo_nobody_reads_is_refused_at_once(
    tagged_path: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "nobody.fifo"
    os.mkfifo(fifo)
    status, _out, err = cli(None, "export", tagged_path, "-o", fifo)
    assert status == 1
    assert "nothing is reading from the pipe" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_an_export_to_a_full_device_says_so_and_leaves_the_device_alone(tagged_path: Path) -> None:
    before = os.stat("/dev/full")
    status, _out, err = cli(None, "export", tagged_path, "-o", "/dev/full")
    assert status == 1
    assert "the disk is full" in err and "Traceback" not in err
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_an_export_onto_a_symbolic_link_writes_the_file_it_names(
    tagged_path: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    cli_ok(None, "export", tagged_path, "-o", link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_an_export_onto_a_link_to_the_project_is_refused(tagged_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.csv"
    link.symlink_to(tagged_path)
    status, _out, err = cli(None, "export", tagged_path, "-o", link)
    assert status == 1 and "is a database" in err
    assert link.is_symlink()


def test_a_full_disk_during_an_export_is_a_message_and_the_old_file_stays(
    tagged_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tags.csv"
    target.write_text("the previous export\n", encoding="utf-8")

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    status, _out, err = cli(None, "export", tagged_path, "-o", target)
    assert status == 1
    assert "the disk is full" in err and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sourcetrack", "tags.csv"]
