"""The main window's toolbar: the frequent actions, with icons and their keys in tooltips.

It reuses the menus' Undo and Redo (their text names the step) and adds its own actions for
the rest, which the menus enable with theirs while a project is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from app.ui.icons import themed_icon


class ToolbarHandlers(Protocol):
    def new_project_dialog(self) -> None: ...
    def open_project_dialog(self) -> None: ...
    def import_files_dialog(self) -> None: ...
    def paste_article(self) -> None: ...
    def edit_article_details(self, article_id: int | None = None) -> None: ...
    def mark_reviewed(self) -> None: ...
    def edit_sources(self) -> None: ...
    def export_dialog(self) -> None: ...
    def show_guide(self) -> None: ...


class MainToolBar(QToolBar):
    """Icons repainted in the palette's colours when the theme changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Toolbar"))
        self.setObjectName("main-toolbar")  # saveState() names it
        self.setMovable(False)
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.icon_names: dict[QAction, str] = {}
        # Enabled only while a project is open (the menus switch them with their own).
        self.project_actions: list[QAction] = []

    def add(
        self,
        icon: str,
        text: str,
        slot: Callable[[], object] | None = None,
        *,
        shortcut: str = "",
        action: QAction | None = None,
        needs_project: bool = False,
    ) -> QAction:
        """An action with its icon; `action` reuses one of the menus' (Undo, Redo)."""
        if action is None:
            action = QAction(text, self)
            if slot is not None:
                action.triggered.connect(lambda _checked=False: slot())
            # The key is the menu's (one shortcut per key); the tooltip only names it.
            key = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({key})" if key else text)
        action.setIcon(themed_icon(icon))
        self.icon_names[action] = icon
        self.addAction(action)
        if needs_project:
            self.project_actions.append(action)
        return action

    def build(self, handlers: ToolbarHandlers, undo: QAction, redo: QAction) -> None:
        """The frequent actions, in the menus' order: projects, imports, undo, the article,
        the sources, export, the guide."""
        self.add(
            "new-project", self.tr("New project"), handlers.new_project_dialog, shortcut="Ctrl+N"
        )
        self.add(
            "open-project", self.tr("Open project"), handlers.open_project_dialog, shortcut="Ctrl+O"
        )
        self.addSeparator()
        self.add(
            "import",
            self.tr("Import files"),
            handlers.import_files_dialog,
            shortcut="Ctrl+I",
            needs_project=True,
        )
        self.add(
            "paste",
            self.tr("Paste an article"),
            handlers.paste_article,
            shortcut="Ctrl+Shift+V",
            needs_project=True,
        )
        self.addSeparator()
        self.add("undo", self.tr("Undo"), action=undo)
        self.add("redo", self.tr("Redo"), action=redo)
        self.addSeparator()
        self.add(
            "details",
            self.tr("Article details"),
            lambda: handlers.edit_article_details(),
            shortcut="Ctrl+E",
            needs_project=True,
        )
        self.add(
            "reviewed",
            self.tr("Mark the article reviewed"),
            handlers.mark_reviewed,
            shortcut="Ctrl+R",
            needs_project=True,
        )
        self.add(
            "sources",
            self.tr("Sources and confidence scale"),
            handlers.edit_sources,
            needs_project=True,
        )
        self.add("export", self.tr("Export"), handlers.export_dialog, needs_project=True)
        self.addSeparator()
        self.add("guide", self.tr("User guide"), handlers.show_guide)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for action, icon in self.icon_names.items():
                action.setIcon(themed_icon(icon, self.palette()))


def add_toolbar(
    window: QMainWindow, handlers: ToolbarHandlers, undo: QAction, redo: QAction
) -> MainToolBar:
    bar = MainToolBar(window)
    bar.build(handlers, undo, redo)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
