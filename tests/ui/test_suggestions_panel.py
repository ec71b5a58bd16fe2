"""Suggestions in the tag panel: shown with their evidence, accepted with Enter, undone with
Ctrl+Z, dismissed with Backspace."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import browse
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.ui.main_window import MainWindow

SEED = Path(__file__).resolve().parent.parent / "data" / "article-fr-north-korea-russia.txt"


def tags(path: Path) -> list[tuple[int, str, str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT a.statement_id, s.name, a.stance, a.origin FROM attributions a "
            "JOIN sources s ON s.id = a.source_id ORDER BY a.statement_id, s.position"
        ).fetchall()


def press(qtbot, seed_window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or seed_window.annotate.text, key, modifier)


def test_a_suggestion_shows_its_evidence_and_enter_accepts_it(qtbot, seed_window: MainWindow) -> None:
    view = seed_window.annotate
    first = view.current_statement_id()
    pending = view.pending_suggestions()
    assert pending and pending[0].source == "Seoul"
    shown = view.panel.suggestion_list.item(0).text()
    assert "Seoul" in shown and "état-major" in shown
    assert view.panel.suggestions_box.isVisible()
    body = view.article.body
    evidence = [body[s:e] for s, e in view.text.evidence]
    assert any("état-major" in words for words in evidence)  # highlighted in the text
    assert tags(seed_window.path) == []  # a suggestion is not a tag
    press(qtbot, seed_window, Qt.Key.Key_Return)
    assert tags(seed_window.path) == [(first, "Seoul", "asserts", "suggestion")]
    assert view.panel.source_buttons[1].isChecked()
    assert not view.pending_suggestions()  # accepted: no longer pending
    press(qtbot, seed_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tags(seed_window.path) == []
    assert view.pending_suggestions()  # back again


def test_backspace_dismisses_and_undo_brings_it_back(qtbot, seed_window: MainWindow) -> None:
    view = seed_window.annotate
    assert view.pending_suggestions()
    press(qtbot, seed_window, Qt.Key.Key_Backspace)
    assert not view.pending_suggestions()
    assert not view.panel.suggestions_box.isVisible()
    press(qtbot, seed_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.pending_suggestions()


def test_kremlin_denial_is_suggested_on_the_two_source_sentence(qtbot, seed_window: MainWindow) -> None:
    view = seed_window.annotate
    target = next(
        s.id for s in view.article.statements if "continue de nier" in view.article.body[s.start : s.end]
    )
    view.go_to_statement(target)
    found = {(s.source, s.stance.value) for s in view.pending_suggestions()}
    assert ("Kremlin", "denies") in found
    while view.pending_suggestions():
        press(qtbot, seed_window, Qt.Key.Key_Return)
    assert ("Kremlin", "denies", "suggestion") in {
        (n, st, o) for sid, n, st, o in tags(seed_window.path) if sid == target
    }


def test_enter_accepts_the_suggestion_chosen_in_the_list(
    qtbot, seed_window: MainWindow, tmp_path: Path
) -> None:
    text = tmp_path / "deux.txt"
    text.write_text(
        "Deux sources\n\nSelon Séoul, des soldats nord-coréens combattent à Koursk, mais le "
        "Kremlin dément fermement.\n\nKyiv affirme que les troupes sont arrivées.\n",
        encoding="utf-8",
    )
    with Project.open(seed_window.path) as project:
        article = import_file(project, text, ArticleMeta()).article_id
    seed_window.session.notify()
    view = seed_window.annotate
    statement = browse.article_view(seed_window.session.project, article).statements[0].id
    view.open_statement(article, statement)
    pending = view.pending_suggestions()
    assert [(p.source, p.stance.value) for p in pending] == [
        ("Seoul", "asserts"),
        ("Kremlin", "denies"),
    ]
    view.panel.suggestion_list.setFocus()
    press(qtbot, seed_window, Qt.Key.Key_Down)  # the list keeps its arrow keys…
    assert view.current_statement_id() == statement  # …instead of moving to the next statement
    assert view.panel.suggestion_list.currentRow() == 1
    press(qtbot, seed_window, Qt.Key.Key_Return)
    assert (statement, "Kremlin", "denies", "suggestion") in tags(seed_window.path)
    assert not [t for t in tags(seed_window.path) if t[0] == statement and t[1] == "Seoul"]


def test_f1_lists_the_keys_from_any_view(
    qtbot, seed_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.dialogs import TableDialog

    shown: list[str] = []
    monkeypatch.setattr(TableDialog, "exec", lambda d: shown.append(d.browser.toPlainText()))
    seed_window.tabs.setCurrentWidget(seed_window.statements)
    seed_window.statements.setFocus()
    qtbot.keyClick(seed_window, Qt.Key.Key_F1)
    assert len(shown) == 1
    assert "Ctrl+E" in shown[0] and "Backspace" in shown[0] and "J" in shown[0]
