"""Two sources on one statement, from the keyboard: Ctrl+digit makes either the active source
(the one A/D/N and Q/W/E/R set) without touching its tag — the digit alone toggles it, and
would take the first source's tag off — and the keys list says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import browse
from app.ui.main_window import MainWindow

from .keyboard import DialogAnswer, back_to, press

CTRL = Qt.KeyboardModifier.ControlModifier


def my_tags(window: MainWindow, statement_id: int) -> list[tuple[str, str]]:
    detail = browse.statement_detail(window.session.project, statement_id)
    assert detail is not None
    return [
        (t.source, t.stance) for t in detail.tags if t.annotator_id == window.session.annotator_id
    ]


def test_ctrl_digit_makes_a_source_active_and_leaves_its_tag(
    qtbot, annotate_window: MainWindow
) -> None:
    view, panel = annotate_window.annotate, annotate_window.annotate.panel
    statement = view.current_statement_id()
    assert my_tags(annotate_window, statement) == []
    press(qtbot, Qt.Key.Key_1)  # Seoul
    press(qtbot, Qt.Key.Key_3)  # Kremlin: the tag just made is the active one
    assert view.presenter.active_source == 3
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert view.presenter.active_source == 1
    assert my_tags(annotate_window, statement) == [("Seoul", "asserts"), ("Kremlin", "asserts")]
    assert "◀" in panel.source_states[1].text() and "◀" not in panel.source_states[3].text()
    press(qtbot, Qt.Key.Key_D)  # the stance of Seoul, the active source now
    press(qtbot, Qt.Key.Key_3, CTRL)
    press(qtbot, Qt.Key.Key_N)
    assert my_tags(annotate_window, statement) == [("Seoul", "denies"), ("Kremlin", "neutral")]
    press(qtbot, Qt.Key.Key_2, CTRL)  # Kyiv is not tagged here: said, and nothing changes
    assert "Kyiv is not tagged" in annotate_window.statusBar().currentMessage()
    assert view.presenter.active_source == 3
    assert my_tags(annotate_window, statement) == [("Seoul", "denies"), ("Kremlin", "neutral")]


def test_the_keys_list_says_how_to_choose_the_active_source(
    qtbot, annotate_window: MainWindow
) -> None:
    keys = DialogAnswer(Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_F1)
    assert keys.said, "the keys list did not open"
    assert "Ctrl+1 … 9" in keys.said[0] and "active" in keys.said[0]
    back_to(qtbot, annotate_window)
    assert "Ctrl+1–9" in annotate_window.annotate.panel.sources_box.title()
