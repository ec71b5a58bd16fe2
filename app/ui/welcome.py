"""The page shown when no project is open: open the demo, make a new project, or a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    open_demo = Signal()
    new_project = Signal()
    open_project = Signal()
    open_recent = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(
            "<h1>Sourcetrack</h1><p>{}</p>".format(
                self.tr("Who claims what, how firmly, and since when.")
            )
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.buttons: list[QPushButton] = []
        for text, signal in (
            (self.tr("Open the demo project"), self.open_demo),
            (self.tr("New project…"), self.new_project),
            (self.tr("Open project…"), self.open_project),
        ):
            button = QPushButton(text)
            button.setMinimumWidth(280)
            button.setAutoDefault(True)  # Enter presses the button that has the keyboard
            button.clicked.connect(signal.emit)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
            self.buttons.append(button)
        recent = QLabel(self.tr("Recent projects:"))
        layout.addWidget(recent, alignment=Qt.AlignmentFlag.AlignCenter)
        self.recent = QListWidget()
        # Wide enough for a file name and most of its folder; a longer path is elided in the
        # middle (whole in the tooltip), never scrolled sideways.
        self.recent.setMinimumWidth(600)
        self.recent.setMaximumWidth(760)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.itemActivated.connect(
            lambda item: self.open_recent.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.recent, alignment=Qt.AlignmentFlag.AlignCenter)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # A project just closed took the keyboard with it: the first choice has it now.
        QTimer.singleShot(0, self, self._take_keyboard)

    def _take_keyboard(self) -> None:
        focused = self.window().focusWidget()
        if self.isVisible() and (focused is None or not self.isAncestorOf(focused)):
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}   —   {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
