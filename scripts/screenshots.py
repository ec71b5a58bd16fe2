"""Make the README's screenshots again, offscreen, from the demo project.

.venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCETRACK_ANNOTATOR", "demo")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from app.services.demo import build_demo
    from app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "demo.sourcetrack"
        build_demo(project).close()
        window = MainWindow(QSettings(str(Path(temp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        window.open_project(str(project))
        def settle() -> None:  # let timers fire and the background computations land
            for _ in range(5):
                QTest.qWait(120)
                QThreadPool.globalInstance().waitForDone(20000)
                app.processEvents()

        annotate = window.annotate
        annotate.article_table.selectRow(2)
        app.processEvents()
        annotate.step(4)
        settle()
        shots = {"annotate.png": window.grab()}
        window.tabs.setCurrentWidget(window.statements)
        settle()
        shots["statements.png"] = window.grab()


        window.tabs.setCurrentWidget(window.compare)
        settle()
        shots["compare.png"] = window.grab()
        window.tabs.setCurrentWidget(window.side_by_side)
        settle()
        shots["side-by-side.png"] = window.grab()
        window.tabs.setCurrentWidget(window.charts)
        window.charts.chart.setCurrentIndex(1)  # stance per source
        settle()
        shots["chart-stance.png"] = window.grab()
        window.charts.chart.setCurrentIndex(4)  # timeline of a claim
        claim = window.charts.claim.findText("North Korean troops are in Russia")
        window.charts.claim.setCurrentIndex(max(claim, 0))
        settle()
        shots["chart-timeline.png"] = window.grab()
        for name, pixmap in shots.items():
            pixmap.save(str(args.out / name))
            print(args.out / name)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
