"""What one tag key press costs the database, counted on the project's engine.

A digit key on a statement must be one write transaction and nothing else: the Annotate view
applies the row the edit returned instead of reading the statement, the article and the claim
list again, and re-renders only that statement. Counted on the GUI thread (the status bar's
counts run in a worker, after a pause, and are not the key press's cost); the change watch's
`PRAGMA data_version` (is there another writer?) is not a read of the project's data.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from app.ui.main_window import MainWindow

# The transactions are told apart by SQLite's own BEGIN IMMEDIATE and data_version reads; on
# PostgreSQL a key press's latency is measured by the five-writers benchmark instead.
pytestmark = pytest.mark.sqlite_only

# The write itself: BEGIN IMMEDIATE, the statement exists, the row before, the change, the row
# after (the change watch's polls are not counted: see `Recorder.count`).
MOST_STATEMENTS = 8
WATCH = "PRAGMA data_version"


@dataclass
class Transaction:
    begin: str
    statements: list[str] = field(default_factory=list)


@dataclass
class Recorder:
    """Every statement the GUI thread sends through the engine, grouped by transaction."""

    gui_thread: int
    transactions: list[Transaction] = field(default_factory=list)

    @property
    def count(self) -> int:
        """The statements the key press sent. The change watch polls on a timer, as often as
        the clock lets it while the key is handled (more on a busy machine): a transaction
        that only asks whether another writer committed is the watch's, not the press's."""
        return sum(
            1 + len(t.statements)
            for t in self.transactions
            if not (t.begin.startswith("BEGIN DEFERRED") and set(t.statements) <= {WATCH})
        )

    def __call__(self, _conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() != self.gui_thread:
            return
        text = " ".join(statement.split())
        if text.upper().startswith("BEGIN"):
            self.transactions.append(Transaction(text.upper()))
        elif self.transactions:
            self.transactions[-1].statements.append(text)
        else:  # outside any transaction: counted as one of its own
            self.transactions.append(Transaction("", [text]))

    def writes(self) -> list[Transaction]:
        return [t for t in self.transactions if t.begin == "BEGIN IMMEDIATE"]

    def reads(self) -> list[Transaction]:
        """Transactions that read the project's data (not only the change watch)."""
        return [
            t
            for t in self.transactions
            if t.begin != "BEGIN IMMEDIATE" and any(s != WATCH for s in t.statements)
        ]


def tags_of(path: Path, statement_id: int) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT s.name, a.stance FROM attributions a JOIN sources s ON s.id = a.source_id "
            "JOIN annotators n ON n.id = a.annotator_id "
            "WHERE a.statement_id = ? AND n.name = 'tester' ORDER BY s.position",
            (statement_id,),
        ).fetchall()


def press_counting(qtbot, painted_window: MainWindow, key: Qt.Key) -> Recorder:
    """Press a key on the Annotate view, counting statements; the text must not be rebuilt."""
    assert painted_window.session is not None
    engine = painted_window.session.project.engine
    recorder = Recorder(threading.get_ident())
    text = painted_window.annotate.text
    rebuilt: list[object] = []
    show_article = text.show_article
    text.show_article = lambda *args: rebuilt.append(args) or show_article(*args)  # type: ignore[method-assign]
    event.listen(engine, "before_cursor_execute", recorder)
    try:
        qtbot.keyClick(QApplication.focusWidget() or text, key)
        for _ in range(3):  # the repaint of the text and of the article list reads nothing
            QApplication.processEvents()
    finally:
        event.remove(engine, "before_cursor_execute", recorder)
        del text.show_article
    assert rebuilt == [], "the whole text was rendered again"
    return recorder


@pytest.mark.parametrize("source_key", [Qt.Key.Key_2, Qt.Key.Key_3])
def test_a_tag_key_press_is_one_write_transaction_and_no_read(
    qtbot, painted_window: MainWindow, demo: Path, source_key: Qt.Key
) -> None:
    view = painted_window.annotate
    statement = view.current_statement_id()
    assert statement is not None
    before = tags_of(demo, statement)

    tagged = press_counting(qtbot, painted_window, source_key)  # on: a new tag

    assert len(tagged.writes()) == 1, tagged.transactions
    assert tagged.reads() == [], tagged.reads()
    assert tagged.count <= MOST_STATEMENTS, tagged.transactions
    name = "Kyiv" if source_key == Qt.Key.Key_2 else "Kremlin"
    assert (name, "asserts") in tags_of(demo, statement) and tags_of(demo, statement) != before
    source_id = 2 if source_key == Qt.Key.Key_2 else 3
    assert view.panel.source_buttons[source_id].isChecked()  # the panel shows the new tag
    assert "▲ asserts" in view.panel.source_states[source_id].text()
    assert f"▲\u00a0{name}" in view.text.toPlainText().replace(" ", "\u00a0")  # and the text

    untagged = press_counting(qtbot, painted_window, source_key)  # off again: the tag is removed

    assert len(untagged.writes()) == 1 and untagged.reads() == [], untagged.transactions
    assert untagged.count <= MOST_STATEMENTS, untagged.transactions
    assert tags_of(demo, statement) == before
    assert not view.panel.source_buttons[source_id].isChecked()


def test_a_stance_key_is_one_write_transaction_too(qtbot, painted_window: MainWindow, demo: Path) -> None:
    view = painted_window.annotate
    statement = view.current_statement_id()
    assert statement is not None
    press_counting(qtbot, painted_window, Qt.Key.Key_2)

    denied = press_counting(qtbot, painted_window, Qt.Key.Key_D)

    assert len(denied.writes()) == 1 and denied.reads() == [], denied.transactions
    assert denied.count <= MOST_STATEMENTS
    assert ("Kyiv", "denies") in tags_of(demo, statement)
    assert "▼ denies" in view.panel.source_states[2].text()
    assert view.panel.stance_buttons["denies"].isChecked()
