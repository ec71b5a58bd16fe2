"""A researcher tags the seed article's ten statements without touching the mouse: from the
welcome page (Ctrl+O) to 10/10 tagged, accepting suggestions with Enter, toggling sources
with digits, choosing the active source with Ctrl+digit, setting stance and confidence, and
linking claims by completion (a unique prefix and Enter, or ↓ to choose). Not one mouse
event reaches the window on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.services import browse, claim_links
from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.ui.main_window import MainWindow

from .keyboard import back_to, keyboard_widget, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
MOUSE = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                   QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel})  # fmt: skip

IN_RUSSIA = "North Korean troops are in Russia"
LOSSES = "North Korean forces have suffered heavy losses"
WEAPONS = "North Korea supplies weapons to Russia"
REWARDS = "Russia rewards North Korea with military technology"
KURSK = "North Korean troops fight in Kursk"
TREATY = "The defence treaty is in force"


class MouseCount(QObject):
    """Counts every mouse event the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.events = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in MOUSE:
            self.events += 1
        return False


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.sourcetrack"
    with Project.open(path, create=True) as project:
        import_file(project, SEED, ArticleMeta())
    return path


def keys(qtbot, *sequence: Qt.Key | str) -> None:
    """Press keys (digits and letters as text) to whatever has the keyboard."""
    for item in sequence:
        if isinstance(item, str):
            type_text(qtbot, item)
        else:
            press(qtbot, item)


def link(qtbot, prefix: str, wanted: str | None = None) -> None:
    """C, type, then Enter: with `wanted`, ↓ through the completions until it is chosen."""
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, prefix)
    if wanted is not None:
        box = QApplication.focusWidget()
        assert isinstance(box, QLineEdit)
        for _ in range(10):  # as a person reads the popup and goes down to their claim
            if box.text() == wanted:
                break
            press(qtbot, Qt.Key.Key_Down)
        assert box.text() == wanted
    press(qtbot, Qt.Key.Key_Return)


def test_the_seed_article_tagged_from_the_keyboard_alone(
    qtbot, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+O asks the platform's file dialog, which a test cannot type into: it answers.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(seed_file), ""))
    mice = MouseCount()
    app = QApplication.instance()
    app.installEventFilter(mice)
    try:
        window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1024, 640)
        window.show()
        qtbot.waitExposed(window)
        back_to(qtbot, window)  # the keyboard in this window, not one left from before
        press(qtbot, Qt.Key.Key_O, CTRL)
        view = window.annotate
        qtbot.waitUntil(lambda: keyboard_widget() is view.text, timeout=60_000)
        ids = [s.id for s in view.article.statements]
        assert len(ids) == 10

        # 1. Seoul's staff: the suggestion (Seoul asserts, possible); two new claims.
        keys(qtbot, Qt.Key.Key_Return)
        link(qtbot, IN_RUSSIA)
        link(qtbot, LOSSES)
        # 2. and 3. Seoul again: Enter takes each suggestion.
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)
        link(qtbot, WEAPONS)
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)
        link(qtbot, REWARDS)
        # 4. Reported (by Seoul) though the Kremlin denies: two sources, each its own stance.
        keys(qtbot, Qt.Key.Key_J, "1", Qt.Key.Key_Return)  # Seoul; the Kremlin denies, certain
        press(qtbot, Qt.Key.Key_1, CTRL)  # Seoul active again, its tag left as it is
        keys(qtbot, "w")  # Seoul: probable
        link(qtbot, "troops are")  # one completion: Enter takes it
        # 5. Ukrainian statements: the suggestion; a new claim, and one chosen with ↓.
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)
        link(qtbot, KURSK)
        link(qtbot, "North Korean troops", IN_RUSSIA)
        # 6. and 7. The treaty, as the Kremlin's (neutral, certain), then Kyiv's context.
        keys(qtbot, Qt.Key.Key_J, "3", "n", "q")
        link(qtbot, TREATY)
        keys(qtbot, Qt.Key.Key_J, "2", "n", "e")
        link(qtbot, "treaty")
        # 8. Seoul's intelligence services: the suggestion, and a claim chosen with ↓.
        keys(qtbot, Qt.Key.Key_J, Qt.Key.Key_Return)
        link(qtbot, "North Korea", REWARDS)
        # 9. and 10. Seoul's position.
        keys(qtbot, Qt.Key.Key_J, "1", "r")
        keys(qtbot, Qt.Key.Key_J, "1", "a", "q")

        assert view.current_statement_id() == ids[-1]
        assert view.presenter.progress() == (10, 10)
        qtbot.waitUntil(lambda: view.articles.index(0, 3).data() == "10/10", timeout=10_000)
        assert mice.events == 0, "a mouse event reached the window"
    finally:
        app.removeEventFilter(mice)

    def tags(at: int) -> list[tuple[str, str, str | None]]:
        detail = browse.statement_detail(window.session.project, ids[at])
        return [(t.source, t.stance, t.confidence_label) for t in detail.tags]

    def claims(at: int) -> set[str]:
        return {c.label for c in browse.statement_detail(window.session.project, ids[at]).claims}

    assert tags(0) == [("Seoul", "asserts", "Possible")]
    assert tags(3) == [("Seoul", "asserts", "Probable"), ("Kremlin", "denies", "Certain")]
    assert tags(5) == [("Kremlin", "neutral", "Certain")]
    assert tags(6) == [("Kyiv", "neutral", "Possible")]
    assert tags(8) == [("Seoul", "asserts", "Unknown")]
    assert claims(0) == {IN_RUSSIA, LOSSES}
    assert claims(3) == {IN_RUSSIA}
    assert claims(4) == {KURSK, IN_RUSSIA}
    assert claims(6) == {TREATY}
    assert claims(7) == {REWARDS}
    made = {IN_RUSSIA, LOSSES, WEAPONS, REWARDS, KURSK, TREATY}
    assert sorted(claim_links.claim_labels(window.session.project)) == sorted(made)
