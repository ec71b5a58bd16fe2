"""The main window: a welcome page, or the open project's views in tabs, with the menus.

The window composes small parts: the menus (`menus.py`), the opener that asks for and opens
projects (`project_opener.py`), and, while a project is open, an `OpenProject` holding its
session, views, imports and counts (`open_project.py`), built when it opens and discarded
when it closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from app.ui.focus_ring import FocusRing
from app.ui.i18n import translated
from app.ui.icons import app_icon
from app.ui.menus import WINDOW_SHORTCUTS, WindowMenus
from app.ui.project_opener import ProjectOpener
from app.ui.toolbar import add_toolbar
from app.ui.welcome import WelcomePage

if TYPE_CHECKING:  # imported when a project opens: the welcome page paints without them
    from app.services.importing import ArticleMeta
    from app.services.project import Project
    from app.ui.annotate.view import AnnotateView
    from app.ui.compare.charts_view import ChartsView
    from app.ui.compare.compare_view import CompareView
    from app.ui.compare.side_by_side_view import SideBySideView
    from app.ui.import_ui import ImportRun
    from app.ui.open_project import OpenProject
    from app.ui.project_counts import ProjectCounts
    from app.ui.project_views import ProjectViews
    from app.ui.session import Session
    from app.ui.statements_view import StatementsView


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Sourcetrack", "Sourcetrack")
        self.current: OpenProject | None = None  # None: the welcome page
        self.resize(1200, 760)
        self.opener = ProjectOpener(self, self.settings, self._set_project, self._show_recent)
        self.welcome = WelcomePage()
        self.welcome.open_demo.connect(self.open_demo)
        self.welcome.new_project.connect(self.new_project_dialog)
        self.welcome.open_project.connect(self.open_project_dialog)
        self.welcome.open_recent.connect(self.open_project)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self.setAcceptDrops(True)
        self.menus = WindowMenus(self, self)
        self.setWindowIcon(app_icon())
        self.toolbar = add_toolbar(self, self, self.menus.undo_action, self.menus.redo_action)
        # The menus enable the toolbar's project actions with their own.
        self.menus.project_actions += self.toolbar.project_actions
        self.focus_ring = FocusRing(self)  # where the next key goes, always in sight
        self.undo_action, self.redo_action = self.menus.undo_action, self.menus.redo_action
        self._show_recent(self.recent_projects())
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._show_project_state()

    # --- the open project and its views -------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self.current.session if self.current else None

    @property
    def tabs(self) -> ProjectViews:
        assert self.current is not None, "no project is open"
        return self.current.views

    @property
    def annotate(self) -> AnnotateView:
        return self.tabs.annotate

    @property
    def statements(self) -> StatementsView:
        return self.tabs.statements

    @property
    def compare(self) -> CompareView:
        return self.tabs.compare

    @property
    def side_by_side(self) -> SideBySideView:
        return self.tabs.side_by_side

    @property
    def charts(self) -> ChartsView:
        return self.tabs.charts

    @property
    def status_counts(self) -> ProjectCounts:
        assert self.current is not None, "no project is open"
        return self.current.counts

    @property
    def import_run(self) -> ImportRun | None:
        return self.current.imports.run if self.current else None

    def show_in_annotate(self, article_id: int, statement_id: int) -> None:
        self.tabs.show_in_annotate(article_id, statement_id)

    # --- projects -------------------------------------------------------------------------

    def open_project(self, location: str) -> bool:
        return self.opener.open_project(location)

    def open_project_dialog(self) -> None:
        self.opener.open_project_dialog()

    def new_project_dialog(self) -> None:
        self.opener.new_project_dialog()

    def new_team_project_dialog(self) -> None:
        self.opener.new_team_project_dialog()

    def open_team_project_dialog(self) -> None:
        self.opener.open_team_project_dialog()

    def open_demo(self) -> None:
        self.opener.open_demo()

    def recent_projects(self) -> list[str]:
        return self.opener.recent.paths()

    def _show_recent(self, paths: list[str]) -> None:
        self.menus.show_recent(paths)
        self.welcome.set_recent(paths)

    def _set_project(self, project: Project) -> None:
        from app.ui.open_project import OpenProject

        self.close_project()
        self.current = opened = OpenProject(project, self, self.settings)
        opened.session.undo_stack.indexChanged.connect(self._update_undo_actions)
        opened.views.annotate.help_requested.connect(self.show_shortcuts)
        opened.views.annotate.details_requested.connect(self.edit_article_details)
        opened.views.annotate.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 6000)
        )
        self.pages.addWidget(opened.views)
        self.statusBar().addPermanentWidget(opened.counts)
        self.statusBar().addPermanentWidget(opened.annotator.button)
        self._show_project_state()

    def close_project(self) -> None:
        if self.current is not None:
            closing, self.current = self.current, None
            self.pages.removeWidget(closing.views)
            self.statusBar().removeWidget(closing.counts)
            self.statusBar().removeWidget(closing.annotator.button)
            closing.close()
        self._show_project_state()

    def _show_project_state(self) -> None:
        self._update_undo_actions()
        self.menus.show_project_open(self.current is not None)
        if self.current is None:
            self.pages.setCurrentWidget(self.welcome)
            self.setWindowTitle("Sourcetrack")
        else:
            self.pages.setCurrentWidget(self.current.views)
            self.setWindowTitle(
                self.tr("{project} — Sourcetrack").format(
                    project=translated(self.current.session.project.short_name)
                )
            )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.close_project()  # which keeps the split and the tab
        super().closeEvent(event)

    # --- edits ------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.current is not None:
            from app.ui import commands

            commands.undo(self.current.session.undo_stack)

    def redo(self) -> None:
        if self.current is not None:
            from app.ui import commands

            commands.redo(self.current.session.undo_stack)

    def _update_undo_actions(self) -> None:
        self.menus.show_undo(self.current.session.undo_stack if self.current else None)

    def edit_sources(self) -> None:
        if self.current is not None:
            from app.ui.sources_dialog import SourcesDialog

            SourcesDialog(self.current.session, self).exec()

    # File ▸ Export… and Import tags…, Edit ▸ the open article's actions (`article_actions`)

    def export_dialog(self) -> None:
        if self.current is not None:
            from app.ui.export_dialog import run_export_dialog

            run_export_dialog(self.current.session, self)

    def import_tags_dialog(self) -> None:
        if self.current is not None:
            from app.ui.export_dialog import run_import_tags_dialog

            run_import_tags_dialog(self.current.session, self)

    def merge_copies_dialog(self) -> None:
        if self.current is not None:
            from app.ui.merge_dialog import run_merge_dialog

            run_merge_dialog(self.current.session, self)

    def change_annotator(self) -> None:
        if self.current is not None:
            self.current.annotator.change()

    def mark_reviewed(self) -> None:
        if self.current is not None:
            self.annotate.judging.toggle_review()

    def delete_article(self) -> None:
        if self.current is not None:
            from app.ui.article_actions import delete_article

            delete_article(self.current.session, self.annotate, self)

    def accept_all_suggestions(self) -> None:
        if self.current is not None:
            from app.ui.article_actions import accept_all_suggestions

            accept_all_suggestions(self.current.session, self.annotate)

    def edit_article_details(self, article_id: int | None = None) -> None:
        """Edit an article's details (the one open in Annotate unless named), undoably."""
        if self.current is None:
            return
        session = self.current.session
        if article_id is None:
            article = self.current.views.annotate.article
            article_id = article.id if article is not None else None
        if article_id is None:
            self.statusBar().showMessage(self.tr("Open an article in Annotate first."), 6000)
            return
        from app.services import article_details
        from app.ui.article_details_dialog import ArticleDetailsDialog
        from app.ui.commands import ArticleDetailsCommand, push

        details = article_details.article_details(session.project, article_id)
        dialog = ArticleDetailsDialog(details, article_id, self)
        if dialog.exec() != ArticleDetailsDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if changes:
            command = ArticleDetailsCommand(session, article_id, changes, title=details.title)
            push(session.undo_stack, command)

    def show_shortcuts(self) -> None:
        from app.ui.annotate.keys import SHORTCUTS
        from app.ui.dialogs import TableDialog

        TableDialog(
            self.tr("Keyboard shortcuts"),
            self.tr("Keys of the Annotate view, then of the whole window:"),
            (self.tr("Keys"), self.tr("Action")),
            [
                (translated(keys), translated(action))
                for keys, action in (*SHORTCUTS, *WINDOW_SHORTCUTS)
            ],
            self,
        ).exec()

    def show_preferences(self) -> None:
        from app.ui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()

    def show_guide(self) -> None:
        from app.ui.about import GuideDialog

        GuideDialog(self).exec()

    def show_about(self) -> None:
        from app.ui.about import AboutDialog

        AboutDialog(self).exec()

    # --- import -----------------------------------------------------------------------------

    def import_files_dialog(self) -> None:
        if self.current is not None:
            self.current.imports.import_files_dialog()

    def import_folder_dialog(self) -> None:
        if self.current is not None:
            self.current.imports.import_folder_dialog()

    def import_paths(
        self, paths: list[Path | str], meta: ArticleMeta | None = None
    ) -> ImportRun | None:
        """Import off the GUI thread; the report appears when it is done."""
        return self.current.imports.import_paths(paths, meta) if self.current else None

    def paste_article(self) -> None:
        if self.current is not None:
            self.current.imports.paste_article()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.current is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths: list[Path | str] = [
            Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()
        ]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()
