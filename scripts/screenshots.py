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
        shots.update(new_states(window, settle, Path(temp)))
        for name, pixmap in shots.items():
            pixmap.save(str(args.out / name))
            print(args.out / name)
        window.close()
    return 0


def new_states(window, settle, temp: Path) -> dict:  # type: ignore[no-untyped-def]
    """The states the keyboard-first and team-project work added, at the smallest size a
    researcher's laptop gives the window (1024×640)."""
    from app.ui.team_project import TeamProjectDialog

    shots = {}
    window.resize(1024, 640)
    annotate = window.annotate
    window.tabs.setCurrentWidget(annotate)
    annotate.article_table.selectRow(0)
    settle()
    # A narration statement marked "no source" (0), the article's header above the text.
    for _ in range(12):  # the first statement nobody tagged: narration
        if not annotate.presenter.my_tags():
            break
        annotate.step(1)
    annotate.judging.toggle_no_source()
    settle()
    shots["annotate-no-source-1024.png"] = window.grab()
    # The claim box with its completions open (C, then a prefix).
    annotate.focus_claim_box()
    annotate.panel.claim_box.setText("North")
    settle()
    shots["claim-box-1024.png"] = window.grab()
    # A search highlighted in the Statements view.
    window.tabs.setCurrentWidget(window.statements)
    window.statements.search.setText("Kremlin")
    settle()
    shots["statements-search-1024.png"] = window.grab()
    # What an empty project says in each view.
    from app.services.project import Project

    Project.open(temp / "empty.sourcetrack", create=True).close()
    window.open_project(str(temp / "empty.sourcetrack"))
    window.tabs.setCurrentWidget(window.annotate)
    settle()
    shots["empty-project-1024.png"] = window.grab()
    dialog = TeamProjectDialog(window, create=True)
    dialog.show()
    settle()
    shots["new-team-project.png"] = dialog.grab()
    dialog.close()
    return shots


if __name__ == "__main__":
    sys.exit(main())
