"""From opening the project to 10/10 without a mouse event: the seed article's statements that
quote a source are tagged (suggestions with Enter, sources with digits, claims by completion),
and the two narration statements (the treaty in force, the context of the war) are marked
"no source" with 0; Ctrl+R then marks the article reviewed. A statement's mark and its undo,
and the refusal to mark a statement the annotator tagged, are checked on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.services import browse, judgements
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.ui.annotate.presenter import NO_SOURCE_TAGGED
from app.ui.main_window import MainWindow

from .keyboard import back_to, keyboard_widget, press
from .test_keyboard_only_tagging import (
    IN_RUSSIA,
    KURSK,
    LOSSES,
    REWARDS,
    WEAPONS,
    MouseCount,
    keys,
    link,
)

CTRL = Qt.KeyboardModifier.ControlModifier
NO_SOURCE_LABEL = "\u2205"  # the label after a statement marked no source


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.sourcetrack"
    with Project.open(path, create=True) as project:
        import_file(project, SEED, ArticleMeta())
    return path


def open_seed(qtbot, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(seed_file), ""))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    back_to(qtbot, window)  # the keyboard in this window, not one left from before
    press(qtbot, Qt.Key.Key_O, CTRL)
    view = window.annotate
    qtbot.waitUntil(lambda: keyboard_widget() is view.text, timeout=60_000)
    return window, view


def test_tagged_and_marked_no_source_from_the_keyboard_alone(
    qtbot, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mice = MouseCount()
    app = QApplication.instance()
    app.installEventFilter(mice)
    try:
        window, view = open_seed(qtbot, tmp_path, seed_file, monkeypatch)
        ids = [s.id for s in view.article.statements]
        assert len(ids) == 10

        keys(qtbot, Qt.Key.Key_Return)  # 1. Seoul's staff
        link(qtbot, IN_RUSSIA)
        link(qtbot, LOSSES)
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)  # 2. and 3. Seoul again
        link(qtbot, WEAPONS)
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)
        link(qtbot, REWARDS)
        keys(qtbot, Qt.Key.Key_J, "1", Qt.Key.Key_Return)  # 4. Seoul; the Kremlin denies
        link(qtbot, "troops are")
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)  # 5. Ukrainian statements
        link(qtbot, KURSK)
        # 6. and 7. Narration: the treaty in force, the context of the war.
        keys(qtbot, Qt.Key.Key_J, "0", Qt.Key.Key_J, "0")
        assert view.presenter.progress() == (10, 7)
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)  # 8. Seoul's intelligence services
        link(qtbot, "North Korea", REWARDS)
        keys(qtbot, Qt.Key.Key_J, "1", "r")  # 9. and 10. Seoul's position
        keys(qtbot, Qt.Key.Key_J, "1", "a", "q")
        press(qtbot, Qt.Key.Key_R, CTRL)  # the article is done

        assert view.current_statement_id() == ids[-1]
        assert view.presenter.progress() == (10, 10)
        qtbot.waitUntil(lambda: view.articles.index(0, 3).data() == "10/10", timeout=10_000)
        assert mice.events == 0, "a mouse event reached the window"
    finally:
        app.removeEventFilter(mice)

    project, session = window.session.project, window.session
    article_id = view.article.id
    assert judgements.marked_statements(project, article_id, session.annotator_id) == {
        ids[5],
        ids[6],
    }
    for at in (5, 6):
        assert browse.statement_detail(project, ids[at]).tags == []
    assert view.text.toPlainText().count(NO_SOURCE_LABEL) == 2
    assert judgements.reviewers(project, [article_id]) == {article_id: (session.annotator,)}
    progress = judgements.article_progress(project, [article_id], session.annotator_id)
    assert progress[article_id].statements == 10
    assert browse.article_progress(project, [article_id]) == {article_id: (10, 10)}


def test_no_source_is_undone_and_refused_beside_a_tag(
    qtbot, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = open_seed(qtbot, tmp_path, seed_file, monkeypatch)
    session = window.session
    first = view.current_statement_id()
    said: list[str] = []
    view.status_message.connect(said.append)

    keys(qtbot, "0")
    assert view.presenter.is_no_source(first)
    assert "no source" in view.panel.heading.text()
    assert view.presenter.progress() == (10, 1)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not view.presenter.is_no_source(first)
    marked = judgements.marked_statements(session.project, view.article.id, session.annotator_id)
    assert marked == frozenset()
    assert NO_SOURCE_LABEL not in view.text.toPlainText()

    keys(qtbot, "0", "1")  # a tag takes the mark off, in the same edit
    assert not view.presenter.is_no_source(first)
    press(qtbot, Qt.Key.Key_Z, CTRL)  # and its undo puts the mark back
    qtbot.waitUntil(lambda: view.presenter.is_no_source(first), timeout=10_000)

    keys(qtbot, "0", "1", "0")  # cleared, tagged, then 0 again: refused, with a word
    assert said[-1] == NO_SOURCE_TAGGED
    assert not view.presenter.is_no_source(first)


def test_the_note_key_edits_the_active_tags_note(
    qtbot, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = open_seed(qtbot, tmp_path, seed_file, monkeypatch)
    first = view.current_statement_id()
    keys(qtbot, "1", "o")
    assert keyboard_widget() is view.panel.note
    keys(qtbot, "from the communique", Qt.Key.Key_Return)
    assert keyboard_widget() is view.text
    detail = browse.statement_detail(window.session.project, first)
    assert [t.note for t in detail.tags] == ["from the communique"]
    keys(qtbot, "o", "discarded", Qt.Key.Key_Escape)
    assert keyboard_widget() is view.text
    detail = browse.statement_detail(window.session.project, first)
    assert [t.note for t in detail.tags] == ["from the communique"]
