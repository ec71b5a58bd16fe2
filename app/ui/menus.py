"""The main window's menus: File, Edit, Help, with their keys, and the state they show (which
actions need an open project, what Undo and Redo would do, the recent projects)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.words import QT_TRANSLATE_NOOP

WINDOW_SHORTCUTS = (
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y"),
        QT_TRANSLATE_NOOP("Shortcuts", "undo / redo"),
    ),
    ("Ctrl+E", QT_TRANSLATE_NOOP("Shortcuts", "the open article's details (title, outlet, date…)")),
    (
        "Ctrl+R",
        QT_TRANSLATE_NOOP("Shortcuts", "mark the open article reviewed (again: not reviewed)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ctrl+Shift+Del"),
        QT_TRANSLATE_NOOP("Shortcuts", "delete the open article (undoable)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ctrl+Shift+A"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "accept every suggestion of the open article, in one undo step"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ctrl+I / Ctrl+Shift+V"),
        QT_TRANSLATE_NOOP("Shortcuts", "import files / paste an article"),
    ),
    ("Ctrl+N / Ctrl+O / Ctrl+W", QT_TRANSLATE_NOOP("Shortcuts", "new / open / close a project")),
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "this list")),
)


class MenuHandlers(Protocol):
    """What the menus ask the window to do."""

    def new_project_dialog(self) -> None: ...
    def open_project_dialog(self) -> None: ...
    def new_team_project_dialog(self) -> None: ...
    def open_team_project_dialog(self) -> None: ...
    def open_demo(self) -> None: ...
    def open_project(self, location: str) -> bool: ...
    def import_files_dialog(self) -> None: ...
    def import_folder_dialog(self) -> None: ...
    def paste_article(self) -> None: ...
    def close_project(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def edit_article_details(self, article_id: int | None = None) -> None: ...
    def edit_sources(self) -> None: ...
    def mark_reviewed(self) -> None: ...
    def delete_article(self) -> None: ...
    def accept_all_suggestions(self) -> None: ...
    def export_dialog(self) -> None: ...
    def import_tags_dialog(self) -> None: ...
    def merge_copies_dialog(self) -> None: ...
    def change_annotator(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_preferences(self) -> None: ...
    def show_guide(self) -> None: ...
    def show_about(self) -> None: ...


class WindowMenus(QObject):
    def __init__(self, window: QMainWindow, handlers: MenuHandlers) -> None:
        super().__init__(window)
        self.window, self.handlers = window, handlers
        menu = window.menuBar().addMenu(self.tr("&File"))
        self._add(
            menu,
            self.tr("&New project…"),
            handlers.new_project_dialog,
            QKeySequence.StandardKey.New,
        )
        self._add(
            menu,
            self.tr("&Open project…"),
            handlers.open_project_dialog,
            QKeySequence.StandardKey.Open,
        )
        self._add(menu, self.tr("New &team project…"), handlers.new_team_project_dialog)
        self._add(menu, self.tr("Open a t&eam project…"), handlers.open_team_project_dialog)
        self._add(menu, self.tr("Open the &demo project"), handlers.open_demo)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        menu.addSeparator()
        # Enabled only while a project is open.
        self.project_actions = [
            self._add(menu, self.tr("&Import files…"), handlers.import_files_dialog, "Ctrl+I"),
            self._add(menu, self.tr("Import a &folder…"), handlers.import_folder_dialog),
            self._add(menu, self.tr("&Paste an article…"), handlers.paste_article, "Ctrl+Shift+V"),
            self._add(menu, self.tr("Import &tags…"), handlers.import_tags_dialog),
            self._add(menu, self.tr("E&xport…"), handlers.export_dialog),
            self._add(menu, self.tr("&Merge coders' copies…"), handlers.merge_copies_dialog),
        ]
        menu.addSeparator()
        self.project_actions.append(
            self._add(
                menu,
                self.tr("&Close project"),
                handlers.close_project,
                QKeySequence.StandardKey.Close,
            )
        )
        self._add(menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

        edit = window.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._add(
            edit, self.tr("&Undo"), handlers.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._add(edit, self.tr("&Redo"), handlers.redo)
        # The platform's Redo key differs (Ctrl+Y, Ctrl+Shift+Z); accept both everywhere.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        edit.addSeparator()
        self.project_actions.append(
            # Not connected to edit_article_details itself: triggered(bool) would pass its
            # checked state, False, as the article's id.
            self._add(
                edit,
                self.tr("Article &details…"),
                lambda: handlers.edit_article_details(),
                "Ctrl+E",
            )
        )
        self.project_actions.append(
            self._add(edit, self.tr("&Sources and confidence scale…"), handlers.edit_sources)
        )
        self.project_actions.append(
            self._add(edit, self.tr("Tag as another a&nnotator…"), handlers.change_annotator)
        )
        preferences = self._add(edit, self.tr("&Preferences…"), handlers.show_preferences)
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the app's menu
        edit.addSeparator()
        self.project_actions += [
            self._add(edit, self.tr("Mark article &reviewed"), handlers.mark_reviewed, "Ctrl+R"),
            self._add(
                edit,
                self.tr("&Accept all suggestions of the article"),
                handlers.accept_all_suggestions,
                "Ctrl+Shift+A",
            ),
            self._add(edit, self.tr("De&lete article…"), handlers.delete_article, "Ctrl+Shift+Del"),
        ]

        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&Keyboard shortcuts"), handlers.show_shortcuts, "F1")
        self._add(help_menu, self.tr("&User guide"), handlers.show_guide)
        help_menu.addSeparator()
        self._add(help_menu, self.tr("&About Sourcetrack"), handlers.show_about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def show_project_open(self, is_open: bool) -> None:
        for action in self.project_actions:
            action.setEnabled(is_open)

    def show_undo(self, stack: QUndoStack | None) -> None:
        """Undo and Redo name the step they would take (or are disabled)."""
        can_undo, can_redo = bool(stack and stack.canUndo()), bool(stack and stack.canRedo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo, redo = self.tr("&Undo"), self.tr("&Redo")
        if stack and can_undo:
            undo = self.tr("&Undo {action}").format(action=stack.undoText())
        if stack and can_redo:
            redo = self.tr("&Redo {action}").format(action=stack.redoText())
        self.undo_action.setText(undo)
        self.redo_action.setText(redo)

    def show_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = QAction(path, self.window)
            action.triggered.connect(lambda _checked=False, p=path: self.handlers.open_project(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(paths))
