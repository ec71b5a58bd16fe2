"""Edit ▸ Delete article… and Edit ▸ Accept all suggestions of the article: each one undo
step, and the undo puts the project back exactly as it was (read from the database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import database
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.services import browse
from app.ui.main_window import MainWindow


@pytest.fixture
def seed_window(qtbot, tmp_path: Path, seeded_path) -> MainWindow:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(str(seeded_path))
    view = window.annotate
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    return window


def snapshot(location) -> dict[str, list[tuple]]:
    tables = ("articles", "statements", "attributions", "statement_claims",
              "no_source_marks", "article_reviews")  # fmt: skip
    with database(location) as db:
        return {
            t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()]
            for t in tables
        }


def test_an_article_deleted_and_put_back_exactly(
    qtbot, seed_window: MainWindow, seeded_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = seed_window, seed_window.annotate
    view.toggle_nth_source(0)  # a tag on the first statement
    window.mark_reviewed()
    before = snapshot(seeded_path)
    assert before["attributions"] and before["article_reviews"]
    asked: list[str] = []

    def confirm(_parent, _title, text, *_a):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    window.delete_article()
    assert "10 statements" in asked[0]
    gone = snapshot(seeded_path)
    assert gone["articles"] == [] and gone["statements"] == [] and gone["attributions"] == []
    assert browse.project_counts(window.session.project)["articles"] == 0
    window.undo()
    assert snapshot(seeded_path) == before
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    assert len(view.article.statements) == 10
    window.redo()
    assert snapshot(seeded_path)["articles"] == []


def test_deleting_asks_first(
    qtbot, seed_window: MainWindow, seeded_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(seeded_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)
    seed_window.delete_article()
    assert snapshot(seeded_path) == before
    assert not seed_window.session.undo_stack.canUndo()


def test_all_suggestions_accepted_in_one_undo_step(
    qtbot, seed_window: MainWindow, seeded_path
) -> None:
    window, view = seed_window, seed_window.annotate
    before = snapshot(seeded_path)
    assert view.pending_suggestions()
    window.accept_all_suggestions()
    after = snapshot(seeded_path)
    added = len(after["attributions"]) - len(before["attributions"])
    assert added >= 5
    stack = window.session.undo_stack
    assert stack.count() == 1 and "suggestions" in stack.undoText()
    assert view.pending_suggestions() == []
    window.undo()
    assert snapshot(seeded_path) == before
    assert view.pending_suggestions()
