"""Cold start to the first window, against a bare PySide6 process showing an empty window.

Both are whole processes, timed from spawn to exit: the floor creates a QApplication, shows
an empty QMainWindow and quits once it has painted; the figure runs `python -m app` (the
welcome window) with SOURCETRACK_QUIT_AFTER_START=1, which quits once the window has painted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT

FLOOR = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def run(workdir: Path, runs: int = 5) -> list[dict[str, Any]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SOURCETRACK_QUIT_AFTER_START": "1",
        "XDG_CONFIG_HOME": str(workdir / "config"),
    }
    floor = min(_time([sys.executable, "-c", FLOOR], env) for _ in range(runs))
    figure = min(_time([sys.executable, "-m", "app"], env) for _ in range(runs))
    allowed = 2 * floor + 0.300
    return [
        {
            "scenario": "cold start to the first window",
            "figure_s": round(figure, 4),
            "floor_s": round(floor, 4),
            "ratio": round(figure / floor, 2),
            "target": "≤ 2× floor + 300 ms",
            "passed": figure <= allowed,
        }
    ]
