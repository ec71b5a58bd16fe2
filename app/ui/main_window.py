"""The main window: a welcome page, or the open project's views in tabs, with the menus."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from app.ui.welcome import WelcomePage
from app.ui.worker import Background

if TYPE_CHECKING:  # imported when first needed: the welcome page paints without them
    from app.services.importing import ArticleMeta
    from app.services.project import Project
    from app.ui.import_ui import ImportRun
    from app.ui.project_views import ProjectViews
    from app.ui.session import Session

PROJECT_FILTER = "Sourcetrack projects (*.sourcetrack);;All files (*)"
MAX_RECENT = 8


WINDOW_SHORTCUTS = (
    ("Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y", "undo / redo"),
    ("Ctrl+E", "the open article's details (title, outlet, date…)"),
    ("Ctrl+I / Ctrl+Shift+V", "import files / paste an article"),
    ("Ctrl+N / Ctrl+O / Ctrl+W", "new / open / close a project"),
    ("F1", "this list"),
)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Sourcetrack", "Sourcetrack")
        self.session: Session | None = None
        self.resize(1200, 760)

        self.welcome = WelcomePage()
        self.welcome.open_demo.connect(self.open_demo)
        self.welcome.new_project.connect(self.new_project_dialog)
        self.welcome.open_project.connect(self.open_project_dialog)
        self.welcome.open_recent.connect(self.open_project)
        self.project_views: ProjectViews | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self.counts_job = Background(self)
        self.counts_job.finished.connect(self._show_counts)
        self.setAcceptDrops(True)
        self.import_run: ImportRun | None = None
        self._build_menus()
        self._restore_layout()
        self._show_project_state()

    # --- menus and settings ---------------------------------------------------------------

    def _action(self, menu, text, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self._action(menu, "&New project…", self.new_project_dialog, QKeySequence.StandardKey.New)
        self._action(
            menu, "&Open project…", self.open_project_dialog, QKeySequence.StandardKey.Open
        )
        self._action(menu, "Open the &demo project", self.open_demo)
        self.recent_menu = menu.addMenu("Open &recent")
        menu.addSeparator()
        self.project_actions = [
            self._action(menu, "&Import files…", self.import_files_dialog, "Ctrl+I"),
            self._action(menu, "Import a &folder…", self.import_folder_dialog),
            self._action(menu, "&Paste an article…", self.paste_article, "Ctrl+Shift+V"),
        ]
        menu.addSeparator()
        self.project_actions.append(
            self._action(menu, "&Close project", self.close_project, QKeySequence.StandardKey.Close)
        )
        self._action(menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "&Redo", self.redo)
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
            self._action(edit, "Article &details…", lambda: self.edit_article_details(), "Ctrl+E")
        )
        self.project_actions.append(
            self._action(edit, "&Sources and confidence scale…", self.edit_sources)
        )

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._refresh_recent()

    def undo(self) -> None:
        if self.session is not None:
            from app.ui import commands

            commands.undo(self.session.undo_stack)

    def redo(self) -> None:
        if self.session is not None:
            from app.ui import commands

            commands.redo(self.session.undo_stack)

    def _update_undo_actions(self) -> None:
        stack = self.session.undo_stack if self.session else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(
            f"&Undo {stack.undoText()}" if stack and stack.canUndo() else "&Undo"
        )
        self.redo_action.setText(
            f"&Redo {stack.redoText()}" if stack and stack.canRedo() else "&Redo"
        )

    # --- the views, built with the first project ----------------------------------------------

    def _ensure_views(self) -> ProjectViews:
        if self.project_views is None:
            from app.ui.project_views import ProjectViews

            views = ProjectViews()
            views.annotate.help_requested.connect(self.show_shortcuts)
            views.annotate.details_requested.connect(self.edit_article_details)
            views.annotate.status_message.connect(
                lambda text: self.statusBar().showMessage(text, 6000)
            )
            self.pages.addWidget(views)
            splitter = self.settings.value("window/splitter")
            if splitter is not None:
                views.annotate.layout_restored = views.annotate.splitter.restoreState(splitter)
            tab = self.settings.value("window/tab")
            if tab is not None and str(tab).isdigit() and int(tab) < views.count():
                views.setCurrentIndex(int(tab))
            self.project_views = views
        return self.project_views

    @property
    def tabs(self) -> ProjectViews:
        return self._ensure_views()

    @property
    def annotate(self) -> Any:
        return self._ensure_views().annotate

    @property
    def statements(self) -> Any:
        return self._ensure_views().statements

    @property
    def compare(self) -> Any:
        return self._ensure_views().compare

    @property
    def side_by_side(self) -> Any:
        return self._ensure_views().side_by_side

    @property
    def charts(self) -> Any:
        return self._ensure_views().charts

    def show_shortcuts(self) -> None:
        from app.ui.annotate.view import SHORTCUTS
        from app.ui.dialogs import TableDialog

        TableDialog(
            "Keyboard shortcuts",
            "Keys of the Annotate view, then of the whole window:",
            ("Keys", "Action"),
            (*SHORTCUTS, *WINDOW_SHORTCUTS),
            self,
        ).exec()

    def recent_projects(self) -> list[str]:
        value = self.settings.value("recentProjects", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if "://" in p or Path(p).exists()]

    def _remember(self, location: str) -> None:
        paths = [location] + [p for p in self.recent_projects() if p != location]
        self.settings.setValue("recentProjects", paths[:MAX_RECENT])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        paths = self.recent_projects()
        self.recent_menu.clear()
        for path in paths:
            action = QAction(path, self)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(paths))
        self.welcome.set_recent(paths)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.project_views is not None:
            self.settings.setValue(
                "window/splitter", self.project_views.annotate.splitter.saveState()
            )
            self.settings.setValue("window/tab", self.project_views.currentIndex())
        self.close_project()
        super().closeEvent(event)

    # --- projects -------------------------------------------------------------------------

    def open_project(self, location: str) -> bool:
        from app.services.project import Project, ProjectError

        try:
            project = Project.open(location)
        except ProjectError as error:
            QMessageBox.warning(self, "Cannot open project", str(error))
            return False
        self._set_project(project)
        if project.backup_path is not None:
            self.statusBar().showMessage(
                f"Upgraded this project; the previous version is kept at {project.backup_path}"
            )
        return True

    def _warn_about_storage(self, location: str) -> None:
        from app.services.location import storage_warning

        warning = storage_warning(location)
        if warning:
            self.statusBar().showMessage(warning)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if path:
            self.open_project(path)

    def new_project_dialog(self) -> None:
        from app.services.project import Project, ProjectError

        path, _ = QFileDialog.getSaveFileName(self, "New project", "", PROJECT_FILTER)
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self, "New project", f"{path} exists already; open it instead.")
            return
        try:
            self._set_project(Project.open(path, create=True))
        except ProjectError as error:
            QMessageBox.warning(self, "Cannot create project", str(error))

    def open_demo(self) -> None:
        from app.services.demo import build_demo
        from app.services.project import ProjectError

        location = Path(self.settings.fileName()).parent / "demo.sourcetrack"
        try:
            if location.exists():
                self.open_project(str(location))
            else:
                location.parent.mkdir(parents=True, exist_ok=True)
                self._set_project(build_demo(location))
        except ProjectError as error:
            QMessageBox.warning(self, "Cannot open the demo", str(error))

    def close_project(self) -> None:
        if self.session is not None:
            # Background computations read through the session's engine: let them finish.
            QThreadPool.globalInstance().waitForDone(30000)
            session, self.session = self.session, None
            if self.project_views is not None:
                self.project_views.set_session(None)
            session.close()
            session.deleteLater()
        self._show_project_state()

    def _set_project(self, project: Project) -> None:
        from app.ui.session import Session

        self.close_project()
        views = self._ensure_views()
        self.session = Session(project, parent=self)
        self.session.changed.connect(self._update_status)
        self.session.error.connect(lambda text: QMessageBox.warning(self, "Not done", text))
        self.session.undo_stack.indexChanged.connect(self._update_undo_actions)
        self._remember(project.location)
        views.set_session(self.session)
        self._warn_about_storage(project.location)
        self._update_status()
        self._show_project_state()

    # --- import ---------------------------------------------------------------------------

    IMPORT_FILTER = "Articles (*.txt *.md *.html *.htm *.docx *.pdf *.qdpx);;All files (*)"

    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import articles", "", self.IMPORT_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(
        self, paths: list[Path | str], meta: ArticleMeta | None = None
    ) -> ImportRun | None:
        """Import off the GUI thread; the report appears when it is done."""
        if self.session is None or self.import_run is not None:
            return None
        from app.services.importing import ArticleMeta
        from app.ui.import_ui import ImportRun, report_dialog

        run = ImportRun(self, self.session.project.location, paths, meta or ArticleMeta())
        self.import_run = run

        def finished(report) -> None:  # type: ignore[no-untyped-def]
            self.import_run = None
            if self.session is not None:
                self.session.notify()
            if report.results:
                report_dialog(report, self).open()

        run.done.connect(finished)
        run.start()
        return run

    def paste_article(self) -> None:
        if self.session is None:
            return
        from app.services.importing import import_text
        from app.ui.import_ui import PasteDialog

        dialog = PasteDialog(self)
        if dialog.exec() != PasteDialog.DialogCode.Accepted:
            return
        result = import_text(self.session.project, dialog.text.toPlainText(), dialog.meta())
        self.session.notify()
        self.statusBar().showMessage(f"{result.outcome.value}: {result.message}", 8000)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.session is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        paths: list[Path | str] = [
            Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()
        ]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    def edit_sources(self) -> None:
        if self.session is not None:
            from app.ui.sources_dialog import SourcesDialog

            SourcesDialog(self.session, self).exec()

    def edit_article_details(self, article_id: int | None = None) -> None:
        """Edit an article's details (the one open in Annotate unless named), undoably."""
        if self.session is None:
            return
        if article_id is None:
            view = self.annotate.view
            article_id = view.id if view is not None else None
        if article_id is None:
            self.statusBar().showMessage("Open an article in Annotate first.", 6000)
            return
        from app.services import article_details
        from app.ui.article_details_dialog import ArticleDetailsDialog
        from app.ui.commands import ArticleDetailsCommand, push

        details = article_details.article_details(self.session.project, article_id)
        dialog = ArticleDetailsDialog(details, article_id, self)
        if dialog.exec() != ArticleDetailsDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if changes:
            push(self.session.undo_stack, ArticleDetailsCommand(self.session, article_id, changes))

    def show_in_annotate(self, article_id: int, statement_id: int) -> None:
        self._ensure_views().show_in_annotate(article_id, statement_id)

    def _update_status(self, _change: object = None) -> None:
        """Counts for the status bar, computed in the background (they scan whole tables)."""
        if self.session is None:
            self.status_counts.setText("")
            return
        from app.services import browse

        project, annotator = self.session.project, self.session.annotator
        self.status_counts.setText(f"annotator: {annotator}")
        # After the first paint: the counts scan whole tables and can wait a moment.
        session = self.session

        def count() -> None:
            if self.session is session:  # still the same project open
                self.counts_job.submit(lambda: (browse.project_counts(project), annotator))

        QTimer.singleShot(250, count)

    def _show_counts(self, result: object) -> None:
        counts, annotator = result  # type: ignore[misc]
        if self.session is not None:
            self.status_counts.setText(
                f"{counts['articles']:,} articles · {counts['statements']:,} statements · "
                f"{counts['attributions']:,} tags · annotator: {annotator}"
            )

    def _show_project_state(self) -> None:
        self._update_undo_actions()
        for action in self.project_actions:
            action.setEnabled(self.session is not None)
        if self.session is None:
            self.pages.setCurrentWidget(self.welcome)
            self.setWindowTitle("Sourcetrack")
            self.status_counts.setText("")
        else:
            self.pages.setCurrentWidget(self._ensure_views())
            self.setWindowTitle(f"{Path(self.session.project.location).name} — Sourcetrack")
