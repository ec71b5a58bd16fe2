"""Exports are written atomically: a failed export leaves no file and keeps the previous one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    EXPORT_HEADER,
    cli,
    project_fingerprint,
)

from app.services import exporting
from app.services.project import Project
from services.export_data import (
    export,
    read_csv_rows,
)

# --- atomic writes ------------------------------------------------------------------------------


def fail_after(count: int, real: Any) -> Any:
    calls = {"n": 0}

    def wrapper(row: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > count:
            raise RuntimeError("disk on fire")
        return real(row)

    return wrapper


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_failed_export_leaves_no_file(
    rich_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"tags.{fmt}"
    if fmt == "csv":
        monkeypatch.setattr(exporting, "csv_cells", fail_after(2, exporting.csv_cells))
        run = exporting.export_csv
    else:
        monkeypatch.setattr(exporting, "json_record", fail_after(2, exporting.json_record))
        run = exporting.export_jsonl
    with Project.open(rich_path) as opened, pytest.raises(RuntimeError, match="disk on fire"):
        run(opened, target)
    assert not target.exists()
    assert leftovers(folder) == []
    assert list(folder.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(
    rich_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tags.csv"
    with Project.open(rich_path) as opened:
        written = exporting.export_csv(opened, target)
    old = target.read_bytes()
    assert written > 2 and old.count(b"\n") > 3
    monkeypatch.setattr(exporting, "csv_cells", fail_after(2, exporting.csv_cells))
    with Project.open(rich_path) as opened, pytest.raises(RuntimeError):
        exporting.export_csv(opened, target, excel=True)
    assert target.read_bytes() == old
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="processes are asked about on POSIX only")
def test_the_next_export_removes_the_part_files_of_killed_exports(
    rich_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tags.csv"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603
    gone.wait()  # a process id that no longer runs
    old = time.time() - 3600
    killed = tmp_path / f".tags.csv.{gone.pid}.x1y2.part"  # its writer is gone, long ago
    recent = tmp_path / f".tags.csv.{gone.pid}.z3w4.part"  # gone, but written a moment ago
    running = tmp_path / f".tags.csv.{os.getpid()}.a5b6.part"  # an export still running
    other = tmp_path / f".notes.csv.{gone.pid}.c7d8.part"  # another file's
    for part in (killed, recent, running, other):
        part.write_text("id,article_id\n1,", encoding="utf-8")
    for part in (killed, running, other):
        os.utime(part, (old, old))

    with Project.open(rich_path) as opened:
        exporting.export_csv(opened, target)

    assert target.read_text(encoding="utf-8").startswith("article_id,")
    assert leftovers(tmp_path) == sorted(p.name for p in (recent, running, other))


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "qdpx", "matrix-csv"])
def test_an_export_never_writes_over_the_project_or_a_folder(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    before = project_fingerprint(rich_path)
    status, out, err = cli(capsys, "export", rich_path, "-o", rich_path, "--format", fmt)
    assert (status, out) == (1, "")
    assert err == (
        f"sourcetrack: {rich_path} is a database (a Sourcetrack project?); an export never "
        "writes over one, choose another file name\n"
    )
    assert project_fingerprint(rich_path) == before

    status, _out, err = cli(capsys, "export", rich_path, "-o", f"{rich_path}-wal", "--format", fmt)
    assert status == 1 and "belongs to the database beside it" in err
    assert not Path(f"{rich_path}-wal").exists() or Path(f"{rich_path}-wal").stat().st_size == 0

    folder = tmp_path / "exports"
    folder.mkdir()
    status, _out, err = cli(capsys, "export", rich_path, "-o", folder, "--format", fmt)
    assert (status, err) == (1, f"sourcetrack: {folder} is a folder; give the name of the file "
                                "to write\n")  # fmt: skip
    assert list(folder.iterdir()) == []
    assert project_fingerprint(rich_path) == before


def test_a_successful_export_replaces_the_file(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tags.csv"
    target.write_text("ancien contenu\n", encoding="utf-8")
    export(capsys, rich_path, target)
    assert read_csv_rows(target)[0] == EXPORT_HEADER
    assert leftovers(tmp_path) == []


