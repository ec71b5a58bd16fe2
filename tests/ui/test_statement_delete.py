"""Ctrl+Del deletes a statement only once confirmed, leaves the user at the statement that
followed it (not at the article's first), and Undo brings it back and goes back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import browse
from app.ui.main_window import MainWindow

from .keyboard import DialogAnswer, back_to, press

CTRL = Qt.KeyboardModifier.ControlModifier


def statement_ids(window: MainWindow) -> list[int]:
    article = window.annotate.article
    assert article is not None
    view = browse.article_view(window.session.project, article.id)
    assert view is not None
    return [s.id for s in view.statements]


def delete_answering(qtbot, window: MainWindow, key: Qt.Key) -> list[str]:
    """Ctrl+Del, answered with `key`; what the confirmation said."""
    answer = DialogAnswer(key)
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    back_to(qtbot, window)
    assert answer.said, "no confirmation was asked for"
    return answer.said


def test_delete_asks_first_and_undo_puts_back_the_statement_and_the_place(
    qtbot, annotate_window: MainWindow
) -> None:
    view = annotate_window.annotate
    for _ in range(3):
        press(qtbot, Qt.Key.Key_J)
    ids = statement_ids(annotate_window)
    doomed = view.current_statement_id()
    assert doomed == ids[3]
    doomed_text = view.article.body[
        view.article.statements[3].start : view.article.statements[3].end
    ]

    said = delete_answering(qtbot, annotate_window, Qt.Key.Key_Escape)
    assert "Delete statement 4 of" in said[0] and doomed_text[:40] in said[0]
    assert statement_ids(annotate_window) == ids  # Esc: nothing deleted
    assert view.current_statement_id() == doomed

    delete_answering(qtbot, annotate_window, Qt.Key.Key_Return)
    assert statement_ids(annotate_window) == [i for i in ids if i != doomed]
    assert view.current_statement_id() == ids[4]  # the one that followed, not the first
    assert view.panel.heading.text() == f"<b>Statement 4 of {len(ids) - 1}</b>"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert statement_ids(annotate_window) == ids
    assert view.current_statement_id() == doomed  # back where the edit was
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert doomed not in statement_ids(annotate_window)
    assert view.current_statement_id() == ids[4]


def test_deleting_the_last_statement_leaves_the_one_before(
    qtbot, annotate_window: MainWindow
) -> None:
    view = annotate_window.annotate
    ids = statement_ids(annotate_window)
    for _ in ids:
        press(qtbot, Qt.Key.Key_J)
    assert view.current_statement_id() == ids[-1]
    delete_answering(qtbot, annotate_window, Qt.Key.Key_Return)
    assert view.current_statement_id() == ids[-2]
