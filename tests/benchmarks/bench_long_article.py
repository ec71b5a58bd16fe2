"""Open a long article in Annotate: from the click in the article list to its text painted.

    python tests/benchmarks/bench_long_article.py [--statements 1000] [--json out.json]

The article has 1,000 statements (about 120,000 characters), most of them tagged. Each
measurement runs in a fresh process (Qt offscreen) with the window up and the project open on
the Annotate tab: the figure times choosing the article until the text's viewport is painted;
the floor times a bare QTextEdit of the same size set with the same plain text and painted, in
the same process. Target: the figure within 50 ms of the floor (the text at once, whatever
the article's length); the ratio is printed as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

MARGIN_S = 0.050

CHILD = r"""
import os, sys, time, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication([])
from app.ui.main_window import MainWindow
settings = QSettings({settings!r}, QSettings.Format.IniFormat)
settings.setValue("window/tab", 0)
window = MainWindow(settings)
window.resize(1200, 800)
window.show()
app.processEvents()
window.open_project({project!r})
view = window.annotate
app.processEvents()
view.article_table.clearSelection()
app.processEvents()
body = view.presenter.reads.article({article_id}).body
text_size = view.text.viewport().size()

def floor():
    bare = QTextEdit()
    bare.setReadOnly(True)
    bare.resize(view.text.size())
    bare.show()
    app.processEvents()
    started = time.perf_counter()
    bare.setPlainText(body)
    app.processEvents()
    bare.viewport().grab()
    took = time.perf_counter() - started
    bare.close()
    bare.deleteLater()
    app.processEvents()
    return took

def figure():
    row = view.articles.row_of({article_id})
    index = view.articles.index(row, 0)
    started = time.perf_counter()
    # What a click does: the selection changes and the view opens the article.
    view.article_table.setCurrentIndex(index)
    app.processEvents()
    view.text.viewport().grab()  # forces the paint of the visible text
    took = time.perf_counter() - started
    assert view.presenter.article is not None and view.presenter.article.id == {article_id}
    assert len(view.presenter.article.statements) >= {statements}
    # Away again, so the next run opens it afresh.
    other = view.articles.index(0 if row else 1, 0)
    view.article_table.setCurrentIndex(other)
    app.processEvents()
    return took

floors, figures = [], []
for _ in range({runs}):
    floors.append(floor())
    figures.append(figure())
print(json.dumps({{"floor": min(floors), "figure": min(figures), "characters": len(body)}}))
"""


def long_article_project(workdir: Path, statements: int) -> tuple[Path, int]:
    """A project of two articles: a short one and one of `statements` statements (made once)."""
    from app.services.project import Project
    from tests.benchmarks.generate import generate

    path = workdir / f"long-article-{statements}.sourcetrack"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        generate(partial, 1, statements)
        from app.services.importing import ArticleMeta, import_text

        with Project.open(partial) as project:
            import_text(project, "A short one\n\nSeoul said so. Kyiv denied it.", ArticleMeta())
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    with Project.open(path) as project, project.read() as conn:
        (article_id,) = conn.exec_driver_sql(
            "SELECT article_id FROM statements GROUP BY article_id ORDER BY count(*) DESC LIMIT 1"
        ).one()
    return path, int(article_id)


def measure(project: Path, article_id: int, statements: int, workdir: Path) -> dict[str, Any]:
    code = CHILD.format(
        root=str(ROOT),
        settings=str(workdir / "long-article.ini"),
        project=str(project),
        article_id=article_id,
        statements=statements,
        runs=5,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(statements: int, workdir: Path) -> list[dict[str, Any]]:
    project, article_id = long_article_project(workdir, statements)
    got = measure(project, article_id, statements, workdir)
    figure, floor = got["figure"], got["floor"]
    return [
        {
            "scenario": f"open a {statements:,}-statement article ({got['characters']:,} "
            "characters), text painted",
            "figure_s": round(figure, 4),
            "floor_s": round(floor, 4),
            "ratio": round(figure / floor, 2) if floor > 0 else None,
            "target": "≤ floor + 50 ms",
            "passed": figure <= floor + MARGIN_S,
        }
    ]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "sourcetrack-bench"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = run(args.statements, args.workdir)
    for entry in results:
        print(" · ".join(f"{k}: {v}" for k, v in entry.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    sys.exit(0 if all(r["passed"] for r in results) else 1)
