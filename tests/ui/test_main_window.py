"""The minimal main window: welcome page, open a project, list its articles, show the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import Location, is_url
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.services.demo import build_demo
from app.ui.article_model import ArticleTableModel
from app.ui.main_window import MainWindow


def test_welcome_page_without_a_project(empty_window: MainWindow) -> None:
    assert empty_window.pages.currentWidget() is empty_window.welcome
    assert empty_window.windowTitle() == "Sourcetrack"


def test_open_project_lists_articles_and_shows_tagged_text(
    empty_window: MainWindow, demo: Location, qtbot
) -> None:
    assert empty_window.open_project(str(demo))
    assert empty_window.pages.currentWidget() is empty_window.tabs
    if is_url(demo):  # the database and the server, never the role or a password
        database, server = str(demo).rsplit("/", 1)[1], str(demo).split("@")[1].split("/")[0]
        assert empty_window.windowTitle() == f"{database} on {server} — Sourcetrack"
    else:
        assert empty_window.windowTitle() == "demo.sourcetrack — Sourcetrack"
    assert empty_window.annotate.articles.rowCount() == 4
    progress = empty_window.annotate.articles.index(0, 3).data()
    tagged, total = (int(x) for x in progress.split("/"))
    assert 0 < tagged <= total
    text = empty_window.annotate.text.toPlainText()
    assert "▲" in text or "▼" in text  # stance glyphs, not colour alone
    qtbot.waitUntil(
        lambda: "articles ·" in empty_window.status_counts.text(), timeout=60_000
    )  # counted in the background
    assert str(demo) in empty_window.recent_projects()


def test_filter_box_narrows_the_list(empty_window: MainWindow, demo: Path, qtbot) -> None:
    empty_window.open_project(str(demo))
    qtbot.keyClicks(empty_window.annotate.filter_box, "meridian")  # outlet, any case, in SQL
    qtbot.waitUntil(lambda: empty_window.annotate.articles.rowCount() == 1, timeout=60_000)
    empty_window.annotate.filter_box.clear()
    qtbot.waitUntil(lambda: empty_window.annotate.articles.rowCount() == 4, timeout=60_000)


def test_refuses_a_file_that_is_not_a_project(
    empty_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert not empty_window.open_project(str(bogus))
    assert shown and "not a Sourcetrack project" in shown[0]
    assert empty_window.pages.currentWidget() is empty_window.welcome
    assert bogus.read_text(encoding="utf-8") == "hello"


def test_article_model_passes_qt_model_checks(
    qtmodeltester, empty_window: MainWindow, demo: Path
) -> None:
    empty_window.open_project(str(demo))
    qtmodeltester.check(empty_window.annotate.articles)
    empty = ArticleTableModel()
    qtmodeltester.check(empty)
    assert (
        empty_window.annotate.articles.data(
            empty_window.annotate.articles.index(0, 0), ArticleTableModel.ArticleIdRole
        )
        == 1
    )
    assert empty_window.annotate.articles.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_geometry_is_remembered(qtbot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (700, 500)


def test_a_project_in_a_synced_folder_is_warned_about(empty_window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "research"
    folder.mkdir(parents=True)
    project = folder / "p.sourcetrack"
    build_demo(project).close()
    assert empty_window.open_project(str(project))
    assert (
        "Dropbox" in empty_window.statusBar().currentMessage()
        or "synced" in empty_window.statusBar().currentMessage()
    )


@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_tag_panel_fits_without_scrolling_sideways(
    qtbot, settings: QSettings, demo: Path, size: tuple[int, int]
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert window.open_project(str(demo))
    qtbot.waitUntil(
        lambda: window.annotate._fitted and window.annotate.panel.isEnabled(), timeout=60_000
    )
    qtbot.wait(50)  # the first layout, fitted to the width once shown
    scroll = window.annotate.panel_scroll
    assert scroll.viewport().width() >= window.annotate.panel.minimumSizeHint().width()
    assert not scroll.horizontalScrollBar().isVisible()  # every stance button in sight
