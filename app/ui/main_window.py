"""The main window: a welcome page, or the open project's articles beside the article text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import browse
from app.services.demo import build_demo
from app.services.project import Project, ProjectError, default_annotator
from app.ui.article_model import ArticleTableModel
from app.ui.article_text import ArticleText
from app.ui.welcome import WelcomePage

PROJECT_FILTER = "Sourcetrack projects (*.sourcetrack);;All files (*)"
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Sourcetrack", "Sourcetrack")
        self.project: Project | None = None
        self.resize(1100, 720)

        self.welcome = WelcomePage()
        self.welcome.open_demo.connect(self.open_demo)
        self.welcome.new_project.connect(self.new_project_dialog)
        self.welcome.open_project.connect(self.open_project_dialog)
        self.welcome.open_recent.connect(self.open_project)

        self.articles = ArticleTableModel(self)
        self.filtered = QSortFilterProxyModel(self)  # filters a short list; paging comes later
        self.filtered.setSourceModel(self.articles)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filtered.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit(placeholderText="Filter articles")
        self.filter_box.textChanged.connect(self.filtered.setFilterFixedString)
        self.article_table = QTableView()
        self.article_table.setModel(self.filtered)
        self.article_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.article_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.article_table.verticalHeader().hide()
        self.article_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.article_table.selectionModel().currentRowChanged.connect(self._article_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.article_table)
        self.text = ArticleText()
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.text)
        self.splitter.setSizes([420, 680])

        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self._build_menus()
        self._restore_layout()
        self._show_project_state()

    # --- menus and settings -------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for text, shortcut, slot in (
            ("&New project…", QKeySequence.StandardKey.New, self.new_project_dialog),
            ("&Open project…", QKeySequence.StandardKey.Open, self.open_project_dialog),
            ("Open the &demo project", None, self.open_demo),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.recent_menu = menu.addMenu("Open &recent")
        menu.addSeparator()
        close = QAction("&Close project", self, triggered=self.close_project)
        close.setShortcut(QKeySequence.StandardKey.Close)
        menu.addAction(close)
        quit_action = QAction("&Quit", self, triggered=self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu.addAction(quit_action)
        self._refresh_recent()

    def recent_projects(self) -> list[str]:
        value = self.settings.value("recentProjects", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if Path(p).exists()]

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
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.close_project()
        super().closeEvent(event)

    # --- projects -----------------------------------------------------------------------------

    def open_project(self, location: str) -> bool:
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

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if path:
            self.open_project(path)

    def new_project_dialog(self) -> None:
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
        if self.project is not None:
            self.project.close()
            self.project = None
        self.articles.set_rows([])
        self.text.show_article(None)
        self._show_project_state()

    def _set_project(self, project: Project) -> None:
        self.close_project()
        self.project = project
        self._remember(project.location)
        self.refresh()
        self._show_project_state()
        if self.filtered.rowCount():
            self.article_table.selectRow(0)

    def refresh(self) -> None:
        if self.project is None:
            return
        self.articles.set_rows(browse.list_articles(self.project))
        counts = browse.project_counts(self.project)
        self.status_counts.setText(
            f"{counts['articles']} articles · {counts['statements']} statements · "
            f"{counts['attributions']} tags · annotator: {default_annotator()}"
        )

    def _show_project_state(self) -> None:
        if self.project is None:
            self.pages.setCurrentWidget(self.welcome)
            self.setWindowTitle("Sourcetrack")
            self.status_counts.setText("")
        else:
            self.pages.setCurrentWidget(self.splitter)
            self.setWindowTitle(f"{Path(self.project.location).name} — Sourcetrack")

    def _article_chosen(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if self.project is None or not current.isValid():
            return
        source_row = self.filtered.mapToSource(current).row()
        article_id = self.articles.article_id(source_row)
        if article_id is not None:
            self.text.show_article(browse.article_view(self.project, article_id))
