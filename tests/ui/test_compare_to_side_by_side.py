"""A claim double-clicked in Compare opens Side by side at that claim's row, not at the top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from app.ui.main_window import MainWindow


def double_click(qtbot, window: MainWindow, row: int) -> None:
    """A double-click on a row of the matrix (QTest's double-click event alone lacks the
    press before it that a real double-click has)."""
    table = window.compare.table
    cell = table.visualRect(window.compare.model.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def row_in_sight(window: MainWindow, label: str) -> bool:
    browser = window.side_by_side.browser
    found = browser.document().find(label, 0, QTextDocument.FindFlag.FindCaseSensitively)
    if found.isNull():
        return False
    where = browser.cursorRect(found)
    return browser.viewport().rect().contains(where)


def test_double_clicking_a_claim_in_compare_opens_side_by_side_at_it(
    qtbot, compare_window: MainWindow
) -> None:
    window, compare = compare_window, compare_window.compare
    last = compare.model.rowCount() - 1
    label = compare.model.rows[last].claim
    with qtbot.waitSignal(window.side_by_side.computed, timeout=60_000):
        double_click(qtbot, window, last)
    assert window.tabs.currentWidget() is window.side_by_side
    browser = window.side_by_side.browser
    assert browser.verticalScrollBar().maximum() > 0  # the table is taller than the view
    qtbot.waitUntil(lambda: row_in_sight(window, label), timeout=10_000)

    # Back to Compare, and another claim: the table, computed already, moves to it.
    window.tabs.setCurrentWidget(compare)
    first = compare.model.rows[0].claim
    double_click(qtbot, window, 0)
    assert window.tabs.currentWidget() is window.side_by_side
    qtbot.waitUntil(lambda: row_in_sight(window, first), timeout=10_000)
    assert not row_in_sight(window, label) or browser.verticalScrollBar().maximum() == 0
