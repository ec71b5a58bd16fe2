"""Several coders in the window: who is tagging is asked at the first edit and remembered for
the project, another coder's tags are shown read-only beside one's own, the text can show one
coder's tags, and a disagreement opens in its article and is adjudicated, undoably."""

from __future__ import annotations

from datetime import date

import pytest
from engines import Locations
from helpers import SEED
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.domain.layers import CONSENSUS, Layer
from app.domain.model import Stance
from app.services import adjudication
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.services.tagging import tag_statement, tags_of
from app.store import articles as article_store
from app.ui.annotator import AnnotatorDialog
from app.ui.main_window import MainWindow

from .keyboard import press

WORDS = "a révélé l’état-major sud-coréen"


@pytest.fixture
def coded(locations: Locations, monkeypatch: pytest.MonkeyPatch):
    """The seed article, whose statement `WORDS` ana reads "Seoul asserts" and bob "Seoul
    denies", and another ana alone tagged; nobody has said who is tagging in the window yet."""
    location = locations.new()
    with Project.open(location, create=True) as project:
        import_file(project, SEED, ArticleMeta(published=date(2024, 11, 5)))
        with project.read() as conn:
            body = article_store.article_body(conn, 1) or ""
            at = body.index(WORDS)
            spans = list(article_store.statement_spans(conn, 1))
        statement = next(i for i, s, e in spans if s <= at < e)
        tag_statement(project, statement, "Seoul", stance="asserts", annotator="ana")
        tag_statement(project, statement, "Seoul", stance="denies", annotator="bob")
        other = next(i for i, _s, _e in spans if i != statement)
        tag_statement(project, other, "Kyiv", annotator="ana")  # ana alone: not a unit
    monkeypatch.delenv("SOURCETRACK_ANNOTATOR", raising=False)
    return location, statement


def _answer_annotator(name: str | None, seen: list[str]) -> None:
    """Answer the next "Who is tagging?" dialog with `name` (None: cancel it)."""

    def answer() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, AnnotatorDialog) and w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.windowTitle())
        if name is None:
            dialog.reject()
        else:
            dialog.name.setCurrentText(name)
            dialog.accept()

    QTimer.singleShot(0, answer)


def _window(qtbot, settings: QSettings, location: str) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(location))
    win.tabs.setCurrentWidget(win.annotate)
    qtbot.waitExposed(win)
    win.activateWindow()
    win.annotate.text.setFocus()
    qtbot.waitUntil(lambda: win.annotate.presenter.article is not None, timeout=60_000)
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_choose_annotator_see_others_read_only_adjudicate_and_undo(
    qtbot, qtmodeltester, coded, tmp_path
) -> None:
    location, statement = coded
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = _window(qtbot, settings, location)
    view = win.annotate
    view.open_statement(1, statement)
    project = win.current.session.project

    assert not win.current.session.annotator_confirmed, win.current.session.annotator
    # The first edit asks who is tagging; cancelling it makes no tag.
    seen: list[str] = []
    _answer_annotator(None, seen)
    press(qtbot, Qt.Key.Key_D)
    assert seen == ["Who is tagging?"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)  # the keys go back
    assert {t.annotator for t in tags_of(project, statement)} == {"ana", "bob"}
    assert not win.current.session.annotator_confirmed

    # Chosen as ana: ana's Seoul tag is the one the keys edit; bob's stays as it was.
    _answer_annotator("ana", seen)
    press(qtbot, Qt.Key.Key_N)
    assert len(seen) == 2 and win.current.session.annotator == "ana"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)
    tags = {t.annotator: t.stance for t in tags_of(project, statement)}
    assert tags == {"ana": Stance.NEUTRAL, "bob": Stance.DENIES}
    assert "ana" in win.current.annotator.button.text()
    # bob's tag is shown beside ana's, as a mark she cannot edit.
    seoul = next(s.id for s in view.presenter.sources if s.name == "Seoul")
    assert "bob" in view.panel.source_states[seoul].text()
    # A second edit asks nothing.
    press(qtbot, Qt.Key.Key_A)
    assert len(seen) == 2
    assert {t.annotator: t.stance for t in tags_of(project, statement)}["ana"] == Stance.ASSERTS

    # The text can show bob's tags alone.
    shown = view.shown_tags
    shown.setCurrentIndex(shown.findData("bob"))
    shown.activated.emit(shown.currentIndex())
    labels = next(s for s in view.presenter.article.statements if s.id == statement).tags
    assert [(t.annotator, t.stance) for t in labels] == [("bob", Stance.DENIES)]
    # ... and the article list counts bob's progress: the one statement he judged.
    progress = view.articles.index(0, 3)
    qtbot.waitUntil(lambda: view.articles.data(progress) is not None)
    assert view.articles.data(progress).startswith("1/")
    shown.setCurrentIndex(shown.findData(""))
    shown.activated.emit(shown.currentIndex())
    qtbot.waitUntil(lambda: str(view.articles.data(progress)).startswith("2/"))
    labels = next(s for s in view.presenter.article.statements if s.id == statement).tags
    assert sorted(t.annotator for t in labels) == ["ana", "bob"]

    # The disagreement: listed in Agreement, opened in its article, adjudicated, undone.
    agreement = win.tabs.agreement
    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        win.tabs.setCurrentWidget(agreement)
    assert agreement.choose(statement)
    assert agreement.result is not None and agreement.result.report is not None
    assert [b.text() for b in agreement.take_buttons] == ["Take ana's", "Take bob's"]
    assert agreement.figures.rowCount() > 0 and agreement.disagreements.rowCount() == 1
    qtmodeltester.check(agreement.figures)
    qtmodeltester.check(agreement.disagreements)
    # From the keyboard: Enter on the chosen disagreement opens it in its article.
    agreement.disagreement_table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is agreement.disagreement_table)
    press(qtbot, Qt.Key.Key_Return)
    assert win.tabs.currentWidget() is view
    assert view.presenter.current_statement_id == statement

    win.tabs.setCurrentWidget(agreement)  # nothing changed meanwhile: nothing to compute
    assert agreement.choose(statement)
    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        agreement.take_buttons[1].click()  # bob's reading becomes the consensus
    consensus = [t for t in tags_of(project, statement) if t.annotator == CONSENSUS]
    assert [(t.source, t.stance) for t in consensus] == [("Seoul", Stance.DENIES)]
    assert agreement.choose(statement)
    row = next(d for d in agreement.disagreements.rows if d.statement_id == statement)
    assert row.consensus is not None and "ana" not in [r.annotator for r in row.readings[2:]]
    # The consensus is a layer Compare can show, never one of the coders.
    assert (
        Layer.consensus()
        in [win.compare.layer.itemData(i) for i in range(win.compare.layer.count())]
        or win.compare.layer.count() == 0
    )

    with qtbot.waitSignal(agreement.computed, timeout=60_000):
        win.undo()
    assert [t for t in tags_of(project, statement) if t.annotator == CONSENSUS] == []
    assert adjudication.disagreements(project)[0].consensus is None

    # Reopened, the project remembers who is tagging: no question.
    win.close_project()
    win = _window(qtbot, settings, location)
    assert win.current.session.annotator == "ana" and win.current.session.annotator_confirmed


def test_the_annotator_changes_from_the_status_bar_and_refuses_the_reserved_name(
    qtbot, coded, tmp_path
) -> None:
    location, statement = coded
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = _window(qtbot, settings, location)
    seen: list[str] = []

    def answer() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, AnnotatorDialog) and w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.name.setCurrentText("Consensus")
        dialog.accept()  # refused: the dialog stays, saying why
        seen.append(dialog.problem.text())
        dialog.name.setCurrentText("cleo")
        dialog.accept()

    QTimer.singleShot(0, answer)
    win.current.annotator.button.click()
    assert seen and "reserved" in seen[0]
    assert win.current.session.annotator == "cleo"
    assert win.current.annotator.button.text().endswith("cleo")
    view = win.annotate
    view.open_statement(1, statement)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)
    press(qtbot, Qt.Key.Key_1)  # no question: the name was chosen
    assert {t.annotator for t in tags_of(win.current.session.project, statement)} == {
        "ana", "bob", "cleo",
    }  # fmt: skip
