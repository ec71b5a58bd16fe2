"""Driving the window from the keyboard only, as a person would: every key goes to whatever
has the keyboard right now (an open popup first, as Qt delivers it), never to a widget the
test picks, so a key that lands in the wrong place fails the test instead of passing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def keyboard_widget() -> QWidget:
    """Where a key pressed now goes: the open popup (a completion list), else the focus."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    qtbot.keyClick(keyboard_widget(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Type `text` a character at a time, each to what has the keyboard then (the completion
    popup opens after the first letters and takes the rest, as it does for a person). ASCII
    only: QTest has no key for "é"."""
    for character in text:
        qtbot.keyClicks(keyboard_widget(), character)


class DialogAnswer(QObject):
    """Presses `key` in the next modal dialog once it is up (a confirmation, say), or runs
    `key(dialog)` there, and keeps what the dialog said; made before the key that opens the
    dialog, whose `exec` waits for it."""

    def __init__(self, key: Qt.Key | Callable[[QWidget], None], *, within_ms: int = 60_000) -> None:
        super().__init__(QApplication.instance())
        self.key = key
        self.said: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()
        # A dialog that never came must not be answered in some later test.
        QTimer.singleShot(within_ms, self.timer.stop)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        focused = QApplication.focusWidget()
        if dialog is None or focused is None or not dialog.isAncestorOf(focused):
            return  # not up yet, or not given the keyboard yet
        self.timer.stop()
        if isinstance(dialog, QMessageBox):
            self.said.append(f"{dialog.text()}\n{dialog.informativeText()}")
        else:
            self.said.extend(b.toPlainText() for b in dialog.findChildren(QTextBrowser))
        if callable(self.key):
            self.key(dialog)
            return
        QTest.keyClick(focused, self.key)


def back_to(qtbot, window: QWidget) -> None:
    """A dialog closed: the window is active again, as the desktop makes it (the offscreen
    platform does not), with the keyboard where it was in it."""
    window.activateWindow()
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window
        ),
        timeout=10_000,
    )
