"""Make the README's screenshots again, offscreen, from the demo project, and every view in
English and French, light, dark and high contrast, at 1024×640 and 1400×900.

.venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--readme-only | --views-only]

The views go to OUT/views/LANGUAGE-THEME-WIDTHxHEIGHT-VIEW.png; each language and theme is
made by a process of its own (SOURCETRACK_LANGUAGE, SOURCETRACK_THEME), since the interface
takes its words when it starts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--readme-only", action="store_true", help="only the README's shots")
    which.add_argument("--views-only", action="store_true", help="only the views' matrix")
    # Internal: one language and theme of the views, in this process.
    parser.add_argument("--one", nargs=2, metavar=("LANGUAGE", "THEME"), help=argparse.SUPPRESS)
    parser.add_argument("--french", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        return views(args.out, *args.one)
    if args.french:
        return french_readme(args.out)
    if not args.views_only:
        readme(args.out)
        # The README's French shot: in a process of its own, which takes French words at start.
        env = {**os.environ, "SOURCETRACK_LANGUAGE": "fr", "SOURCETRACK_THEME": "light"}
        subprocess.run(
            [sys.executable, __file__, "--out", str(args.out), "--french"], env=env, check=True
        )
    if not args.readme_only:
        for language in LANGUAGES:
            for theme in THEMES:
                env = {**os.environ, "SOURCETRACK_LANGUAGE": language, "SOURCETRACK_THEME": theme}
                command = [sys.executable, __file__, "--out", str(args.out / "views")]
                subprocess.run([*command, "--one", language, theme], env=env, check=True)
    return 0


LANGUAGES = ("en", "fr")
THEMES = ("light", "dark", "contrast")
SIZES = ((1024, 640), (1400, 900))


def readme(out: Path) -> None:
    """The README's shots, in English and the light theme, as the README shows them."""
    app = QApplication([])
    from app.ui.i18n import install_translations
    from app.ui.theme import Theme, apply_theme

    install_translations(app, "en")  # the English catalogue holds the plural forms
    apply_theme(Theme.LIGHT)
    args = argparse.Namespace(out=out)
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
        window.open_project(str(project))  # the new states ended on a project of their own
        window.resize(1400, 860)
        shots["agreement.png"] = _agreement(window, settle)
        for name, pixmap in shots.items():
            pixmap.save(str(args.out / name))
            print(args.out / name)
        window.close()
    app.shutdown()


def french_readme(out: Path) -> int:
    """The README's French section shows Annotate in French, as the readme set shows it."""
    app = QApplication([])
    from app.services.demo import build_demo
    from app.ui.i18n import install_translations
    from app.ui.main_window import MainWindow
    from app.ui.theme import Theme, apply_theme

    install_translations(app, "fr")
    apply_theme(Theme.LIGHT)
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "demo.sourcetrack"
        build_demo(project).close()
        window = MainWindow(QSettings(str(Path(temp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        window.open_project(str(project))
        window.annotate.article_table.selectRow(0)
        app.processEvents()
        window.annotate.step(2)
        for _ in range(5):
            QTest.qWait(120)
            QThreadPool.globalInstance().waitForDone(20000)
            app.processEvents()
        window.grab().save(str(out / "fr-annotate.png"))
        print(out / "fr-annotate.png")
        window.close()
    app.shutdown()
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


def views(out: Path, language: str, theme: str) -> int:
    """Every view, welcome page and dialog at each size, in one language and theme."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    try:  # the interface's translations, when the checkout has them
        from app.ui.i18n import install_translations
    except ImportError:
        print("no app/ui/i18n.py: the views are in English", file=sys.stderr)
    else:
        install_translations(app, language)
    from app.services.demo import build_demo
    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme, chosen_theme

    apply_theme(chosen_theme())  # SOURCETRACK_THEME

    def settle() -> None:
        for _ in range(4):
            QTest.qWait(100)
            QThreadPool.globalInstance().waitForDone(20000)
            app.processEvents()

    def save(pixmap, size: tuple[int, int], view: str) -> None:  # type: ignore[no-untyped-def]
        path = out / f"{language}-{theme}-{size[0]}x{size[1]}-{view}.png"
        pixmap.save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "demo.sourcetrack"
        build_demo(project).close()
        for size in SIZES:
            # Settings of its own per size: no split or geometry kept from the other size.
            ini = Path(temp) / f"{size[0]}x{size[1]}.ini"
            settings = QSettings(str(ini), QSettings.Format.IniFormat)
            settings.setValue("recentProjects", [str(project)])
            window = MainWindow(settings)
            window.resize(*size)
            window.show()
            settle()
            save(window.grab(), size, "welcome")
            window.open_project(str(project))
            window.resize(*size)
            annotate = window.annotate
            annotate.article_table.selectRow(2)
            app.processEvents()
            annotate.step(4)
            settle()
            save(window.grab(), size, "annotate")
            for view, widget in (
                ("statements", window.statements),
                ("compare", window.compare),
                ("side-by-side", window.side_by_side),
            ):
                window.tabs.setCurrentWidget(widget)
                settle()
                save(window.grab(), size, view)
            window.tabs.setCurrentWidget(window.charts)
            charts = window.charts.chart
            for index in range(charts.count()):  # every chart: chart-totals, chart-stance…
                charts.setCurrentIndex(index)
                settle()
                save(window.grab(), size, f"chart-{charts.itemData(index)}")
            save(_agreement(window, settle), size, "agreement")
            window.tabs.setCurrentWidget(window.annotate)
            settle()
            for view, pixmap in _dialogs(window, settle):
                save(pixmap, size, view)
            window.close_project()
            window.close()
            settle()
    app.shutdown()
    return 0


def _agreement(window, settle):  # type: ignore[no-untyped-def]
    """The Agreement view once a second coder, "bob", has read some statements otherwise
    than the demo's annotator: his tags are made here, the first time, through the services."""
    from app.services.browse import article_view, judging_annotators
    from app.services.tagging import tag_statement

    session = window.session
    project = session.project
    if "bob" not in judging_annotators(project):
        views = [article_view(project, article_id) for article_id in (1, 2, 3)]
        spans = [s.id for view in views if view is not None for s in view.statements]
        readings = (("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Certain"),
                    ("Kyiv", "asserts", "Possible"), ("Seoul", "neutral", "Unknown"))  # fmt: skip
        for n, statement_id in enumerate(spans[:24]):
            source, stance, level = readings[n % len(readings)]
            tag_statement(project, statement_id, source, stance=stance, confidence=level,
                          annotator="bob")  # fmt: skip
        session.notify()
    agreement = window.tabs.agreement
    window.tabs.setCurrentWidget(agreement)
    settle()
    if agreement.disagreements.rows:
        agreement.choose(agreement.disagreements.rows[0].statement_id)
    settle()
    return window.grab()


def _dialogs(window, settle) -> list:  # type: ignore[no-untyped-def]
    """(name, dialog) of every dialog the menus open, each as the menu opens it: shown,
    laid out, then refused (nothing is changed)."""
    from PySide6.QtWidgets import QDialog

    opened: list = []

    def shown(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.show()
        settle()
        opened.append((type(dialog).__name__, dialog.grab()))
        dialog.hide()
        return QDialog.DialogCode.Rejected

    real_exec = QDialog.exec
    QDialog.exec = shown  # type: ignore[method-assign]
    try:
        for open_dialog in (
            window.show_shortcuts,
            window.edit_sources,
            window.export_dialog,
            window.paste_article,
            window.edit_article_details,
            window.show_preferences,
            window.new_team_project_dialog,
            window.change_annotator,
            window.show_about,
            window.show_guide,
        ):
            open_dialog()
    finally:
        QDialog.exec = real_exec  # type: ignore[method-assign]
    names = {
        "TableDialog": "keys", "SourcesDialog": "sources", "ExportOptions": "export",
        "PasteDialog": "paste", "ArticleDetailsDialog": "article-details",
        "PreferencesDialog": "preferences", "TeamProjectDialog": "team-project",
        "AnnotatorDialog": "annotator", "AboutDialog": "about", "GuideDialog": "guide",
    }  # fmt: skip
    return [(names.get(kind, kind), pixmap) for kind, pixmap in opened]


if __name__ == "__main__":
    sys.exit(main())
