"""Switching the active confidence scale with tags in use: the window asks first (saying how
many tags keep another scale's level), the switch is undoable, and every view names each tag
by its own level — Annotate presses it, Compare and Charts label it, nothing by rank."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import database
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services import sources as source_service
from app.services import tagging
from app.ui.main_window import MainWindow
from app.ui.sources_dialog import SourcesDialog


def _active_scale(path: Path) -> str:
    with database(path) as conn:
        return conn.execute("SELECT name FROM confidence_scales WHERE active").fetchone()[0]


def _rated_tags(path: Path) -> int:
    with database(path) as conn:
        return conn.execute(
            "SELECT count(*) FROM attributions WHERE confidence_level_id IS NOT NULL"
        ).fetchone()[0]


def _switch_to_admiralty(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> tuple[bool, list[str]]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = SourcesDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.scale.setCurrentIndex(
        next(i for i, s in enumerate(dialog.scales) if "Admiralty" in s.name)
    )
    return dialog.use_scale(), asked


def test_switching_with_tags_in_use_asks_first_and_can_be_undone(
    demo_window: MainWindow, demo: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _active_scale(demo)
    rated = _rated_tags(demo)
    assert rated > 0

    done, asked = _switch_to_admiralty(
        demo_window, qtbot, monkeypatch, QMessageBox.StandardButton.Cancel
    )
    assert not done and len(asked) == 1 and f"{rated} tags" in asked[0]
    assert _active_scale(demo) == before  # cancelled: nothing changed
    assert not demo_window.session.undo_stack.canUndo()

    done, _asked = _switch_to_admiralty(
        demo_window, qtbot, monkeypatch, QMessageBox.StandardButton.Yes
    )
    assert done and "Admiralty" in _active_scale(demo)
    assert _rated_tags(demo) == rated  # every tag keeps its level
    stack = demo_window.session.undo_stack
    assert "confidence scale" in stack.undoText()
    stack.undo()
    assert _active_scale(demo) == before
    assert demo_window.annotate.presenter.levels[0].label == "Certain"
    stack.redo()
    assert "Admiralty" in _active_scale(demo)


def test_a_switch_with_no_tags_rated_asks_nothing(
    seed_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    done, asked = _switch_to_admiralty(
        seed_window, qtbot, monkeypatch, QMessageBox.StandardButton.Cancel
    )
    assert done and asked == []


def test_after_a_switch_every_view_names_each_tag_by_its_own_level(
    compare_window: MainWindow, demo: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = compare_window
    with database(demo) as conn:  # a dated statement nobody tagged: its tag is in every layer
        (untagged,) = conn.execute(
            "SELECT min(s.id) FROM statements s JOIN articles a ON a.id = s.article_id "
            "WHERE a.published IS NOT NULL "
            "AND s.id NOT IN (SELECT statement_id FROM attributions)"
        ).fetchone()
    # A tag of the window's own annotator, rated on the default scale before the switch.
    tagging.tag_statement(
        win.session.project,
        untagged,
        "Kremlin",
        stance="denies",
        confidence="Probable",
        claims=["A claim dated before the switch"],
        annotator=win.session.annotator,
    )
    with database(demo) as conn:
        statement_id, article_id, source_id, label = conn.execute(
            "SELECT a.statement_id, st.article_id, a.source_id, l.label FROM attributions a "
            "JOIN confidence_levels l ON l.id = a.confidence_level_id "
            "JOIN statements st ON st.id = a.statement_id WHERE a.annotator_id = ? "
            "AND a.statement_id = ?",
            (win.session.annotator_id, untagged),
        ).fetchone()
    with qtbot.waitSignal(win.compare.computed, timeout=60_000):
        done, _asked = _switch_to_admiralty(win, qtbot, monkeypatch, QMessageBox.StandardButton.Yes)
    assert done

    # Compare: the cells keep the labels of the levels their tags have.
    model = win.compare.model
    shown = {
        str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
        for c in range(2, model.columnCount())
    }
    # "▲ asserts (2) · Probable": the stance with its count, then the firmest level.
    labels = {text.split(" · ")[1] for text in shown if text.count(" · ") == 1}
    assert labels and labels <= {"Certain", "Probable", "Possible", "Unknown"}

    # Annotate: the tag's own level is pressed (the active scale's levels are offered).
    win.tabs.setCurrentWidget(win.annotate)
    win.annotate.open_statement(article_id, statement_id)
    win.annotate.presenter.activate_source(source_id)
    win.annotate._render_panel()
    panel = win.annotate.panel
    assert panel.kept_level.isVisible() and panel.kept_level.isChecked()
    assert panel.kept_level.text().startswith(label)
    assert not any(b.isChecked() for b in panel.confidence_buttons.values())

    # Charts: confidence by level, the old levels named with their scale; no rank relabelling.
    charts = win.charts
    index = next(i for i in range(charts.chart.count()) if charts.chart.itemData(i) == "confidence")
    with qtbot.waitSignal(charts.drawn, timeout=60_000):
        win.tabs.setCurrentWidget(charts)
        if charts.chart.currentIndex() != index:
            charts.chart.setCurrentIndex(index)
        else:
            charts.recompute()
    legend = charts.figure.get_axes()[0].get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    default = next(
        s.name
        for s in source_service.list_scales(win.session.project)
        if s.name.startswith("Default")
    )
    assert f"{label} ({default})" in texts
    assert texts[-1] == "not set"

    # Timeline: the tag sits on a row of its own level, named as another scale's level, never
    # on the row of the active level with the same rank.
    timeline = next(i for i in range(charts.chart.count()) if charts.chart.itemData(i) == "timeline")
    with qtbot.waitSignal(charts.drawn, timeout=60_000):
        charts.claim.setCurrentIndex(charts.claim.findText("A claim dated before the switch"))
        charts.chart.setCurrentIndex(timeline)
    axis = charts.figure.get_axes()[0]
    ticks = [t.get_text() for t in axis.get_yticklabels()]
    assert f"{label} (another scale)" in ticks and ticks[-1] == "not set"
    (point,) = [c for c in axis.collections if len(c.get_offsets())]
    row = round(float(point.get_offsets()[0][1]))
    assert ticks[row - 1] == f"{label} (another scale)"
