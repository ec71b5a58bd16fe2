"""Tab walks the Statements, Compare and Agreement views in the order they read, and leaves
every control it enters: a date field that shows no date ("any") and a table used to keep
the keyboard (Qt's Tab goes from a date's day to its month and year, and from cell to cell)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QTableView, QWidget

from app.ui.main_window import MainWindow

from .keyboard import keyboard_widget, press
from .test_keyboard_focus import active

BACK = Qt.KeyboardModifier.ShiftModifier


def walk(qtbot, start: QWidget, steps: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets that have the keyboard, from `start`, after each of `steps` Tabs."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=10_000)
    seen = [start]
    for _ in range(steps):
        press(qtbot, key)
        seen.append(keyboard_widget())
    return seen


def test_tab_walks_the_statements_filters_then_the_table_then_the_tagging_row(
    qtbot, demo_window: MainWindow
) -> None:
    window = active(qtbot, demo_window)
    view = window.statements
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=60_000)
    seen = walk(qtbot, view.search, 14)
    # "Clear filters" is disabled while nothing is filtered: Tab passes it by.
    wanted = [
        view.search, view.title, view.outlet, view.date_from, view.date_to, view.source,
        view.stance, view.confidence, view.claim, view.untagged, view.table, view.bulk_source,
        view.bulk_stance, view.bulk_confidence,
    ]  # fmt: skip
    assert seen[: len(wanted)] == wanted
    # And back the same way, out of the table and the date fields.
    back = walk(qtbot, view.bulk_source, 3, Qt.Key.Key_Backtab)
    assert back == [view.bulk_source, view.table, view.untagged, view.claim]
    back = walk(qtbot, view.source, 2, Qt.Key.Key_Backtab)
    assert back == [view.source, view.date_to, view.date_from]


def test_tab_leaves_a_date_field_showing_a_date_and_the_matrix(
    qtbot, demo_window: MainWindow
) -> None:
    window = active(qtbot, demo_window)
    view = window.compare
    with qtbot.waitSignal(view.computed, timeout=60_000):
        window.tabs.setCurrentWidget(view)
    dates = [d for d in view.findChildren(QDateEdit) if d.isVisible()]
    assert len(dates) == 2
    dates[0].setDate(dates[0].date().addYears(125))  # a real date: day, month, year
    seen = walk(qtbot, dates[0], 1)
    assert seen[1] is dates[1]
    seen = walk(qtbot, view.table, 1)
    assert seen[1] is not view.table and not isinstance(seen[1], QTableView)


def test_tab_leaves_the_agreement_tables(qtbot, demo_window: MainWindow) -> None:
    window = active(qtbot, demo_window)
    agreement = window.tabs.agreement
    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        window.tabs.setCurrentWidget(agreement)
    for table in (agreement.figure_table, agreement.disagreement_table):
        seen = walk(qtbot, table, 1)
        assert seen[1] is not table, type(seen[1]).__name__
