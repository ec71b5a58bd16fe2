"""Tagging in a large project: key press to committed, at the 95th percentile, in the window.

The window (offscreen) opens the project on the Annotate view; each sample presses a digit on
the current statement (toggling a source on or off), which pushes an undo command that commits
the edit and refreshes the views; the sample ends when the key press returns. The floor is a
raw single-row commit (`UPDATE … ; COMMIT` with the same durability) on the same file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT, project

CHILD = r"""
import os, sys, time, json, sqlite3, statistics
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SOURCETRACK_ANNOTATOR"] = "bench"
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.ui.main_window import MainWindow
settings = QSettings({settings!r}, QSettings.Format.IniFormat)
settings.setValue("window/tab", 0)
window = MainWindow(settings)
window.show()
window.open_project({project!r})
app.processEvents()
view = window.annotate
view.text.setFocus()
samples = []
for i in range({samples}):
    key = Qt.Key.Key_1 if i % 2 == 0 else Qt.Key.Key_1
    started = time.perf_counter()
    QTest.keyClick(view.text, key)
    samples.append(time.perf_counter() - started)
    if i % 4 == 3:
        view.step(1)
window.close()
raw = sqlite3.connect({project!r}, isolation_level=None)
raw.execute("PRAGMA synchronous = FULL")
floor = []
for i in range({samples}):
    started = time.perf_counter()
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("UPDATE attributions SET note = ? WHERE id = 1", (str(i),))
    raw.execute("COMMIT")
    floor.append(time.perf_counter() - started)
print(json.dumps({{"samples": samples, "floor": floor}}))
"""


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def run(statements: int, workdir: Path, samples: int = 60) -> list[dict[str, Any]]:
    path = project(workdir, statements)
    code = CHILD.format(
        root=str(ROOT), settings=str(workdir / "tag.ini"), project=str(path), samples=samples
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    figure, floor = _p95(data["samples"]), _p95(data["floor"])
    return [
        {
            "scenario": f"tag, key press to committed (p95), {statements:,}-statement project",
            "figure_s": round(figure, 4),
            "floor_s": round(floor, 4),
            "ratio": round(figure / floor, 2) if floor else None,
            "target": "≤ floor + 50 ms",
            "passed": figure <= floor + 0.050,
        }
    ]
