"""The demo as a new user meets it: its tags are the tags of whoever built it (the window's
"Open the demo project", or `sourcetrack demo`), so they show as the user's own and can be
edited at once; and no suggestion is offered for a source someone else already tagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cli_ok
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from app.services import browse
from app.services.project import Project
from app.ui.main_window import MainWindow

from .keyboard import press


def test_the_demo_opened_from_the_welcome_page_is_the_users_own(qtbot, tmp_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    button = next(
        b for b in window.welcome.findChildren(QPushButton) if b.text() == "Open the demo project"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view, panel = window.annotate, window.annotate.panel
    qtbot.waitUntil(lambda: view.article is not None, timeout=60_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: view.text.hasFocus(), timeout=10_000)
    tagged = 0
    for _ in view.article.statements:
        detail = view.presenter.detail
        assert all(t.annotator == "tester" for t in detail.tags)
        assert not any("(also:" in state.text() for state in panel.source_states.values())
        if detail.tags:  # the user's own tag: its stance and confidence can be set at once
            tagged += 1
            assert all(b.isEnabled() for b in panel.stance_buttons.values())
            assert all(b.isEnabled() for b in panel.confidence_buttons.values())
        press(qtbot, Qt.Key.Key_J)
    assert tagged > 0


def test_sourcetrack_demo_tags_as_whoever_builds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "Ana")
    path = tmp_path / "demo.sourcetrack"
    cli_ok(capsys, "demo", path)
    with Project.open(path) as project:
        article = browse.article_view(project, 1)
        assert article is not None
        annotators = {t.annotator for s in article.statements for t in s.tags}
    assert annotators == {"Ana"}


def test_no_suggestion_for_a_source_another_annotator_tagged(
    qtbot, annotate_window: MainWindow
) -> None:
    """The test's demo is tagged by "demo"; the tester sees those tags, and no suggestion of
    the same sources."""
    view, panel = annotate_window.annotate, annotate_window.annotate.panel
    held_back = 0
    for _ in view.article.statements:
        detail, statement = view.presenter.detail, view.current_statement_id()
        theirs = {t.source for t in detail.tags if t.annotator_id != view.presenter.annotator_id}
        offered = [
            panel.suggestion_list.item(i).text() for i in range(panel.suggestion_list.count())
        ]
        assert not any(text.split(" ")[0] in theirs for text in offered), (statement, offered)
        analysed = view.presenter.suggestions.by_statement.get(statement, [])
        held_back += sum(1 for s in analysed if s.source in theirs)
        press(qtbot, Qt.Key.Key_J)
    assert held_back > 0  # the suggester did propose some of those sources
