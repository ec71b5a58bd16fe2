"""What helps the reader find their way: the article's outlet, date and address above its text,
search hits marked in the Statements view and in the text they open, "Clear filters", and
empty views that say what to do next."""

from __future__ import annotations

from pathlib import Path

from engines import Location
from helpers import database
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor

from app.services.importing import ArticleMeta, import_text
from app.services.project import Project
from app.ui.annotate.article_header import NO_ARTICLES
from app.ui.main_window import MainWindow
from app.ui.search_hits import HIT_COLOUR, highlighted_html, hit_spans
from app.ui.statements_view import TEXT_COLUMN


def counted(qtbot, view) -> int:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.model.total >= 0, timeout=60_000)
    return int(view.model.total)


def _has_hit_colour(image) -> bool:  # type: ignore[no-untyped-def]
    hit = QColor(HIT_COLOUR)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y) == hit:
                return True
    return False


def test_hits_are_found_in_any_case_and_without_accents() -> None:
    text = "Kiev a dit que Koursk était tombée; KOURSK, encore."
    assert hit_spans(text, "koursk etait") == [(15, 21), (22, 27), (36, 42)]
    assert hit_spans(text, "") == [] and hit_spans(text, None) == []
    html = highlighted_html("a <b> koursk", "Koursk")
    assert "&lt;b&gt;" in html and f"background-color:{HIT_COLOUR}" in html


def test_the_article_header_shows_outlet_date_and_address(
    annotate_window: MainWindow, demo: Location
) -> None:
    view = annotate_window.annotate
    with database(demo) as conn:
        article_id, outlet, published, url = conn.execute(
            "SELECT id, outlet, published, url FROM articles WHERE outlet IS NOT NULL "
            "ORDER BY id LIMIT 1"
        ).fetchone()
    row = view.articles.row_of(article_id)
    assert row is not None
    view.article_table.selectRow(row)
    view._open(article_id)
    text = view.header.text()
    assert outlet in text
    assert str(published)[:10] in text
    if url:
        assert f'href="{url}"' in text


def test_search_hits_are_marked_in_the_table_and_in_the_text_they_open(
    statements_window: MainWindow, qtbot
) -> None:
    view = statements_window.statements
    view.search.setText("koursk")
    view.apply_filter()
    assert counted(qtbot, view) > 0
    assert view.hits.search == "koursk"
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=60_000)
    view.table.scrollToTop()
    qtbot.waitUntil(lambda: _has_hit_colour(view.table.viewport().grab().toImage()), timeout=60_000)

    index = view.model.index(0, TEXT_COLUMN)
    view.table.doubleClicked.emit(index)
    text = statements_window.annotate.text
    assert statements_window.tabs.currentWidget() is statements_window.annotate
    assert text.search == "koursk" and text.search_hits
    assert any(s.format.background().color() == QColor(HIT_COLOUR) for s in text.extraSelections())


def test_clear_filters_and_an_empty_filter_says_so(statements_window: MainWindow, qtbot) -> None:
    view = statements_window.statements
    everything = counted(qtbot, view)
    assert not view.clear_button.isEnabled()
    view.search.setText("zzzqqqxxx")
    view.stance.setCurrentText("denies")
    view.apply_filter()
    qtbot.waitUntil(lambda: view.model.total == 0, timeout=60_000)
    assert view.empty_state.isVisible() and "Clear filters" in view.empty_state.text()
    assert view.clear_button.isEnabled()
    view.clear_button.click()
    assert view.search.text() == "" and view.stance.currentIndex() == 0
    qtbot.waitUntil(lambda: view.model.total == everything, timeout=60_000)
    assert not view.empty_state.isVisible()


def test_an_empty_project_says_what_to_do_in_every_view(qtbot, tmp_path: Path, locations) -> None:
    path = locations.new()
    with Project.open(path, create=True):
        pass
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(path))
    qtbot.waitUntil(lambda: win.annotate.header.text() != "", timeout=60_000)
    assert "Import" in win.annotate.header.text() and win.annotate.header.text() == NO_ARTICLES
    assert win.annotate.text.placeholderText() == ""  # nothing to choose: no contradiction

    win.tabs.setCurrentWidget(win.statements)
    qtbot.waitUntil(lambda: win.statements.empty_state.isVisible(), timeout=60_000)
    assert "No statements yet" in win.statements.empty_state.text()

    with qtbot.waitSignal(win.compare.computed, timeout=60_000):
        win.tabs.setCurrentWidget(win.compare)
    assert win.compare.empty_state.isVisible()
    assert "No claims yet" in win.compare.empty_state.text()


def test_a_matrix_emptied_by_its_filters_says_to_widen_them(
    qtbot, tmp_path: Path, locations
) -> None:
    path = locations.new()
    with Project.open(path, create=True) as project:
        import_text(project, "Titre\n\nSéoul affirme une chose.", ArticleMeta(language="fr"))
        from app.services.tagging import tag_statement

        tag_statement(project, 1, "Seoul", stance="asserts", claims=["Une chose"])
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(path))
    with qtbot.waitSignal(win.compare.computed, timeout=60_000):
        win.tabs.setCurrentWidget(win.compare)
    assert not win.compare.empty_state.isVisible()
    with qtbot.waitSignal(win.compare.computed, timeout=60_000):
        win.compare.contradictions.setChecked(True)
    assert win.compare.empty_state.isVisible()
    assert "widen" in win.compare.empty_state.text()
