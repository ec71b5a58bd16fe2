"""File ▸ Export… and File ▸ Import tags… write and read what `sourcetrack export` and
`sourcetrack import-tags` do: on the demo, each format's file from the window equals the
command line's byte for byte (a .qdpx's members compared with their timestamps aside), and the
window reports the command line's words."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import cli_ok
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.services import browse
from app.services.export_job import FORMATS
from app.ui.export_dialog import ProjectJob
from app.ui.export_options import ExportOptions
from app.ui.main_window import MainWindow

TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?")
# A .qdpx's GUIDs start with a prefix drawn anew for each export (the rest names the row), as
# its times are the export's: both set aside.
GUID_PREFIX = re.compile(rb"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-(?=[0-9a-fA-F]{4}-)")


def without_timestamps(data: bytes) -> bytes:
    return GUID_PREFIX.sub(b"<export>-", TIMESTAMP.sub(b"<time>", data))


def contents(path: Path) -> dict[str, bytes] | bytes:
    """A file's bytes; a .qdpx's members, each with its timestamps aside."""
    if path.suffix != ".qdpx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return {
            without_timestamps(name.encode()).decode(): without_timestamps(archive.read(name))
            for name in archive.namelist()
        }


def last_job(window: MainWindow) -> ProjectJob:
    jobs = window.findChildren(ProjectJob)
    assert jobs, "no job was started"
    return jobs[-1]


def answer(
    monkeypatch: pytest.MonkeyPatch,
    fmt: str | None,
    path: Path,
    configure: Callable[[ExportOptions], None] | None = None,
) -> None:
    """Answer the export's options (the format `fmt`, then `configure`) and the file dialogs."""

    def exec_(dialog: ExportOptions) -> QDialog.DialogCode:
        if fmt is None:
            return QDialog.DialogCode.Rejected
        dialog.format.setCurrentText(fmt)
        if configure is not None:
            configure(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptions, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


@pytest.mark.parametrize("label", list(FORMATS))
def test_each_export_equals_the_command_lines(
    label: str,
    qtbot,
    demo_window: MainWindow,
    demo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
) -> None:
    fmt, excel = FORMATS[label]
    suffix = ".qdpx" if fmt == "qdpx" else (".jsonl" if fmt == "jsonl" else ".csv")
    # The same file name in two folders: a .qdpx names its project after its file.
    from_window, from_cli = (tmp_path / d / f"export{suffix}" for d in ("window", "cli"))
    from_window.parent.mkdir()
    from_cli.parent.mkdir()
    answer(monkeypatch, label, from_window)
    demo_window.export_dialog()
    job = last_job(demo_window)
    qtbot.waitUntil(lambda: job.over, timeout=120_000)
    assert job.error is None

    said = cli_ok(
        capsys, "export", demo, "-o", from_cli, "--format", fmt, *(["--excel"] if excel else [])
    )
    assert job.report == said.strip().replace(str(from_cli), str(from_window))
    assert contents(from_window) == contents(from_cli)
    assert demo_window.statusBar().currentMessage() == job.report


def test_the_filters_are_the_command_lines(
    qtbot, demo_window: MainWindow, demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    view = demo_window.annotate
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    article_id = view.article.id
    chosen: dict[str, str] = {}

    def configure(dialog: ExportOptions) -> None:
        dialog.only_open.setChecked(True)
        dialog.annotator.setCurrentIndex(1)
        dialog.stance.setCurrentText("asserts")
        dialog.use_to.setChecked(True)
        dialog.published_to.setDate(QDate(2030, 1, 1))
        chosen["annotator"] = dialog.annotator.currentText()

    from_window, from_cli = (tmp_path / d / "tags.csv" for d in ("window", "cli"))
    from_window.parent.mkdir()
    from_cli.parent.mkdir()
    answer(monkeypatch, "Excel CSV", from_window, configure)
    demo_window.export_dialog()
    job = last_job(demo_window)
    qtbot.waitUntil(lambda: job.over, timeout=120_000)
    assert job.error is None
    said = cli_ok(
        capsys, "export", demo, "-o", from_cli, "--excel", "--article", article_id,
        "--annotator", chosen["annotator"], "--stance", "asserts", "--to", "2030-01-01",
    )  # fmt: skip
    assert job.report == said.strip().replace(str(from_cli), str(from_window))
    assert from_window.read_bytes() == from_cli.read_bytes()
    assert not job.report.startswith("wrote 0 ")


def test_cancelled_options_export_nothing(
    qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, None, tmp_path / "tags.csv")
    demo_window.export_dialog()
    assert demo_window.findChildren(ProjectJob) == []
    assert list(tmp_path.glob("*.csv")) == []


def test_a_refusal_is_said_as_the_command_line_says_it(
    qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, "CSV", tmp_path / "missing" / "tags.csv")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _title, text: errors.append(text))
    demo_window.export_dialog()
    job = last_job(demo_window)
    qtbot.waitUntil(lambda: job.over, timeout=120_000)
    assert errors == [f"the folder {tmp_path / 'missing'} does not exist"]


def test_import_tags_reads_back_what_the_command_line_reads(
    qtbot, demo_window: MainWindow, demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    exported = tmp_path / "tags.csv"
    cli_ok(capsys, "export", demo, "-o", exported)
    session = demo_window.session
    before = browse.project_counts(session.project)
    answer(monkeypatch, None, exported)
    demo_window.import_tags_dialog()
    job = last_job(demo_window)
    qtbot.waitUntil(lambda: job.over, timeout=120_000)
    assert job.error is None
    said = cli_ok(capsys, "import-tags", demo, exported)  # the same file again: as the window
    assert job.report == said.strip()
    assert browse.project_counts(session.project) == before
