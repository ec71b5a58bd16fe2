"""Importing from the window: a long article moves the progress bar while it is split, and an
import by the window never costs the command line beside it a committed edit."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, SEED

from app.services.tagging import statement_tags, tag_statement
from app.ui.main_window import MainWindow


def _long_article(folder: Path) -> Path:
    sentence = "Selon Séoul, les troupes nord-coréennes combattent dans la région de Koursk. "
    path = folder / "long.txt"
    path.write_text("Un très long article\n\n" + sentence * 1_500, encoding="utf-8")
    return path


def test_a_long_article_moves_the_bar_while_it_is_split(
    qtbot, demo_window: MainWindow, tmp_path: Path
) -> None:
    run = demo_window.import_paths([_long_article(tmp_path)])
    assert run is not None
    fractions: list[float] = []
    run.worker.segmenting.connect(lambda _name, fraction: fractions.append(fraction))
    with qtbot.waitSignal(run.done, timeout=300_000) as done:
        pass
    report = done.args[0]
    assert [r.outcome.value for r in report.results] == ["imported"]
    assert run.dialog.maximum() == 100
    # Several steps, in order, ending with the whole text split.
    assert len(set(fractions)) > 2 and fractions == sorted(fractions) and fractions[-1] == 1.0


def _app(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), SOURCETRACK_ANNOTATOR="terminal")
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.sqlite_only  # about the locks a process holds on the project's file
def test_the_window_importing_then_the_command_line_exiting_loses_no_edit(
    qtbot, tmp_path: Path, demo_window: MainWindow
) -> None:
    """The steps of the report that found it: the window imports a file, a command runs on
    the project and exits, another tags from the terminal; both sides must see both edits."""
    session = demo_window.session
    assert session is not None
    project = Path(session.project.location)
    tag_statement(session.project, 1, "Kyiv", annotator="window")
    run = demo_window.import_paths([SEED])
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=300_000):
        pass

    assert _app("articles", project).returncode == 0
    tagged = _app("tag", project, 4, "--source", "Kremlin", "--stance", "denies")
    assert tagged.returncode == 0, tagged.stderr

    # The window's own files were not deleted under it…
    fds = Path("/proc/self/fd")
    deleted = [
        os.readlink(fd)
        for fd in (fds.iterdir() if fds.is_dir() else ())
        if os.path.exists(fd) and os.readlink(fd).startswith(str(project))
        and os.readlink(fd).endswith("(deleted)")
    ]  # fmt: skip
    assert deleted == []
    # …it sees the terminal's tag, and the terminal sees its next one.
    assert any(t.annotator == "terminal" for t in statement_tags(session.project, 4))
    tag_statement(session.project, 2, "Seoul", annotator="window")
    with sqlite3.connect(project) as reader:
        found = reader.execute(
            "SELECT count(*) FROM attributions a JOIN annotators n ON n.id = a.annotator_id"
            " WHERE n.name IN ('window', 'terminal')"
        ).fetchone()[0]
    assert found == 3
