"""The Statements view: SQL filters and sorting, paging by key, double-click, bulk tagging."""

from __future__ import annotations

from pathlib import Path

from engines import Location
from helpers import database
from PySide6.QtCore import QItemSelectionModel, Qt

from app.services.importing import ArticleMeta, import_text
from app.services.project import Project
from app.ui.main_window import MainWindow
from app.ui.statement_model import StatementTableModel


def counted(qtbot, model: StatementTableModel) -> int:
    """The total arrives from a background COUNT; wait for it."""
    qtbot.waitUntil(lambda: model.total >= 0, timeout=60_000)
    return model.total


def total(demo: Location, sql: str = "SELECT count(*) FROM statements") -> int:
    with database(demo) as conn:
        return conn.execute(sql).fetchone()[0]


def test_lists_every_statement_and_passes_model_checks(
    statements_window: MainWindow, demo: Path, qtmodeltester, qtbot
) -> None:
    view = statements_window.statements
    assert counted(qtbot, view.model) == total(demo)
    assert view.model.rowCount() == total(demo)  # the demo fits in the first page
    qtbot.waitUntil(lambda: f"{total(demo)} statements" in view.count_label.text(), timeout=60_000)
    qtmodeltester.check(view.model)


def test_filters_run_in_sql(statements_window: MainWindow, demo: Path, qtbot) -> None:
    view = statements_window.statements
    view.source.setCurrentIndex(view.source.findText("Kremlin"))
    kremlin = total(
        demo,
        "SELECT count(DISTINCT statement_id) FROM attributions a JOIN sources s ON s.id = a.source_id "
        "WHERE s.name = 'Kremlin'",
    )
    assert counted(qtbot, view.model) == kremlin > 0
    view.stance.setCurrentText("denies")
    assert 0 < counted(qtbot, view.model) <= kremlin
    assert all(
        "Kremlin ▼ denies" in view.model.index(r, 5).data() for r in range(view.model.rowCount())
    )  # each stance beside its source
    view.source.setCurrentIndex(0)
    view.stance.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "koursk")  # accents optional: finds "Koursk"
    view.apply_filter()
    texts = [view.model.index(r, 4).data() for r in range(view.model.rowCount())]
    assert texts and all("koursk" in t.lower() for t in texts)
    view.search.clear()
    view.untagged.setChecked(True)
    view.apply_filter()
    assert counted(qtbot, view.model) == total(
        demo,
        "SELECT count(*) FROM statements WHERE id NOT IN (SELECT statement_id FROM attributions)",
    )


def test_sorting_is_done_by_the_database(statements_window: MainWindow) -> None:
    view = statements_window.statements
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    dates = [view.model.index(r, 2).data() for r in range(view.model.rowCount())]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert titles == sorted(titles)


def test_pages_are_fetched_by_key_as_the_view_scrolls(tmp_path: Path, qtmodeltester, qtbot) -> None:
    path = tmp_path / "many.sourcetrack"
    with Project.open(path, create=True) as project:
        for n in range(30):
            sentences = " ".join(f"Phrase {n}-{i} dit quelque chose." for i in range(10))
            import_text(project, f"Article {n}\n\n{sentences}", ArticleMeta(language="fr"))
        model = StatementTableModel(page_size=40)
        model.set_project(project)
        assert counted(qtbot, model) == 300 and model.rowCount() == 40 and model.canFetchMore()
        seen = []
        while model.canFetchMore():
            model.fetchMore()
        seen = [
            model.index(r, 0).data(StatementTableModel.StatementIdRole)
            for r in range(model.rowCount())
        ]
        assert len(seen) == len(set(seen)) == 300
        qtmodeltester.check(model)
        model.sort(3, Qt.SortOrder.DescendingOrder)
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == 300


def test_double_click_opens_the_statement_in_annotate(statements_window: MainWindow, qtbot) -> None:
    view = statements_window.statements
    index = view.model.index(7, 4)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    assert rect.isValid()
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert statements_window.tabs.currentWidget() is statements_window.annotate
    assert statements_window.annotate.current_statement_id() == index.data(StatementTableModel.StatementIdRole)


def test_bulk_tagging_is_one_undo_step(statements_window: MainWindow, demo: Path) -> None:
    view = statements_window.statements
    view.untagged.setChecked(True)
    view.apply_filter()
    selection = view.table.selectionModel()
    for row in range(3):
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    ids = view.selected_statement_ids()
    assert len(ids) == 3
    view.bulk_source.setCurrentIndex(view.bulk_source.findText("Kyiv"))
    view.bulk_stance.setCurrentText("neutral")
    before = total(demo, "SELECT count(*) FROM attributions")
    view.tag_selected()
    assert total(demo, "SELECT count(*) FROM attributions") == before + 3
    assert (
        total(
            demo,
            f"SELECT count(*) FROM attributions WHERE stance='neutral' AND statement_id IN ({','.join(map(str, ids))})",
        )
        == 3
    )
    statements_window.session.undo_stack.undo()
    assert total(demo, "SELECT count(*) FROM attributions") == before


def test_search_pages_stream_every_match_once(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "many.sourcetrack"
    with Project.open(path, create=True) as project:
        for n in range(12):
            sentences = " ".join(
                f"Le Kremlin dément la phrase {n}-{i}. Séoul maintient {i}." for i in range(10)
            )
            import_text(project, f"Article {n}\n\n{sentences}", ArticleMeta(language="fr"))
        model = StatementTableModel(page_size=25)
        model.set_project(project)
        from app.services.statement_table import StatementFilter

        model.set_filter(StatementFilter(search="kremlin dement"))
        assert counted(qtbot, model) == 120
        while model.canFetchMore():
            model.fetchMore()
        ids = [
            model.index(r, 0).data(StatementTableModel.StatementIdRole)
            for r in range(model.rowCount())
        ]
        assert len(ids) == 120 and ids == sorted(ids)
        assert all("Kremlin" in model.index(r, 4).data() for r in range(model.rowCount()))
