"""At 1024×640 and 1280×800, in English and in French, nothing a user needs is cut off: the
window is not forced wider than the screen, no view scrolls sideways, the tag panel's Note and
Claims can be reached, the article titles keep room (whole in their tooltip), the matrix
cells show their counts, the recent projects list is wide enough."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from app.ui.i18n import install_translations
from app.ui.main_window import MainWindow
from app.ui.theme import Theme, apply_theme

SIZES = [(1024, 640), (1280, 800)]


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in this language for the test (English again after it)."""
    app = qapp
    install_translations(app, request.param)
    if request.param == "fr":  # the longer words are what the layouts must make room for
        assert QCoreApplication.translate("WindowMenus", "&File") != "&File"
    yield request.param
    install_translations(app, "en")


def window_at(qtbot, settings: QSettings, demo: Path, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert window.open_project(str(demo))
    view = window.annotate
    qtbot.waitUntil(lambda: view._fitted and view.panel.isEnabled(), timeout=60_000)
    # The first layout, fitted to the width once shown: the panel gets the width it needs.
    panel = view.panel
    need = max(panel.minimumWidth(), panel.minimumSizeHint().width())
    qtbot.waitUntil(lambda: view.panel_scroll.viewport().width() >= need, timeout=10_000)
    return window


def sideways_scrolling(view: QWidget) -> list[str]:
    """The scroll areas of a view that show a horizontal scroll bar."""
    return [
        f"{type(area).__name__} {area.objectName()}"
        for area in view.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def show_each_view(qtbot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    """Each tab in turn, once what it computes in the background is shown."""
    waits = {
        "compare": window.compare.computed,
        "side_by_side": window.side_by_side.computed,
        "charts": window.charts.drawn,
    }
    for name in ("annotate", "statements", "compare", "side_by_side", "charts"):
        view = getattr(window, name)
        if name in waits and window.tabs.currentWidget() is not view:
            with qtbot.waitSignal(waits[name], timeout=60_000):
                window.tabs.setCurrentWidget(view)
        else:
            window.tabs.setCurrentWidget(view)
        qtbot.wait(30)  # the layout of the tab just shown
        yield name, view


@pytest.mark.parametrize("size", SIZES)
def test_no_view_scrolls_sideways_or_widens_the_window(
    qtbot, settings: QSettings, demo: Path, size: tuple[int, int], language: str
) -> None:
    window = window_at(qtbot, settings, demo, size)
    for name, view in show_each_view(qtbot, window):
        # A layout wider than the screen would make the window wider than asked, every
        # control squeezed or out of sight.
        assert window.width() == size[0], (name, window.minimumSizeHint())
        assert view.minimumSizeHint().width() <= view.width(), name
        assert sideways_scrolling(view) == [], name
    # The article list: the title keeps room to be read, and says itself whole.
    table = window.annotate.article_list.table
    title = table.horizontalHeader().sectionSize(0)
    assert title >= table.fontMetrics().horizontalAdvance("M" * 8)
    assert table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("size", SIZES)
def test_the_tag_panel_keeps_note_and_claims_reachable(
    qtbot, settings: QSettings, demo: Path, size: tuple[int, int], language: str
) -> None:
    window = window_at(qtbot, settings, demo, size)
    view = window.annotate
    view.focus_claim_box()  # C: the claim box, scrolled into sight if it was below
    assert not view.panel.claim_box.visibleRegion().isEmpty()
    view.panel_scroll.ensureWidgetVisible(view.panel.note)
    assert not view.panel.note.visibleRegion().isEmpty()
    for title_box in view.panel.findChildren(QWidget):
        if title_box.isVisible():  # nothing in the panel wider than the panel
            right = title_box.mapTo(view.panel, title_box.rect().topRight()).x()
            assert right <= view.panel_scroll.viewport().width(), type(title_box).__name__


def test_matrix_cells_show_their_counts_at_1024(
    qtbot, settings: QSettings, demo: Path, language: str
) -> None:
    window = window_at(qtbot, settings, demo, (1024, 640))
    with qtbot.waitSignal(window.compare.computed, timeout=60_000):
        window.tabs.setCurrentWidget(window.compare)
    qtbot.wait(30)
    table, model = window.compare.table, window.compare.model
    for column in range(2, model.columnCount()):
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = str(index.data())
            if text != "—":  # an empty cell
                assert f"({model.cell(index).statements})" in text
                needed = table.fontMetrics().horizontalAdvance(text)
                assert table.columnWidth(column) >= needed, text
    assert not table.horizontalScrollBar().isVisible()


def test_the_recent_projects_list_is_wide_enough(
    qtbot, settings: QSettings, tmp_path: Path
) -> None:
    project = tmp_path / "Documents" / "Projects" / "2024 Korea in Kursk" / "kursk.sourcetrack"
    project.parent.mkdir(parents=True)
    project.touch()  # the list keeps the projects that are still there
    path = str(project)
    settings.setValue("recentProjects", [path])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.wait(30)
    recent = window.welcome.recent
    assert recent.width() >= 600 and not recent.horizontalScrollBar().isVisible()
    assert recent.item(0).toolTip() == path


# A list of choices that may elide a long choice (a claim, an outlet), whole in its tooltip.
ELIDES = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


def clipped_controls(view: QWidget) -> list[str]:
    """The visible controls of a view whose own words do not fit them: a button, a check
    box or a one-line label narrower than its text, an empty field whose placeholder is cut,
    a list of choices cutting the choice it shows (unless it elides by design)."""
    clipped = []
    for widget in view.findChildren(QWidget):
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width():
                clipped.append(f"{name} {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            if widget.pixmap().isNull() and widget.width() < widget.sizeHint().width():
                clipped.append(f"{name} {widget.text()!r}")
        elif isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            margins = widget.textMargins()
            room = widget.contentsRect().width() - margins.left() - margins.right() - 8
            if widget.fontMetrics().horizontalAdvance(widget.placeholderText()) > room:
                clipped.append(f"{name} {widget.placeholderText()!r}")
        elif isinstance(widget, QComboBox) and widget.sizeAdjustPolicy() != ELIDES:
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                widget,
            )
            if widget.fontMetrics().horizontalAdvance(widget.currentText()) > field.width():
                clipped.append(f"{name} {widget.currentText()!r}")
    return clipped


@pytest.fixture(params=[Theme.LIGHT, Theme.CONTRAST])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    """The theme for the test (high contrast draws thicker frames); none again after it."""
    style = qapp.style().name()
    apply_theme(request.param, qapp)
    yield request.param
    apply_theme(Theme.SYSTEM, qapp)
    qapp.setStyleSheet("")
    qapp.setStyle(style)


def test_no_control_is_clipped_at_1024(
    qtbot, settings: QSettings, demo: Path, language: str, theme: Theme
) -> None:
    window = window_at(qtbot, settings, demo, (1024, 640))

    def assert_nothing_clipped(view: QWidget) -> None:
        # A text that just changed is laid out at the next turn of the event loop.
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: clipped_controls(view) == [], timeout=5_000)
        assert clipped_controls(view) == [], type(view).__name__

    for _name, view in show_each_view(qtbot, window):
        assert_nothing_clipped(view)
    agreement = window.tabs.agreement
    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        window.tabs.setCurrentWidget(agreement)
    assert_nothing_clipped(agreement)
    assert_nothing_clipped(window.statusBar())
