"""Opening projects from the window: a file or URL, a new file, the demo, a recent one.

The opener asks (file dialogs), opens (`Project.open`, which may upgrade an older project
after a backup), says why it could not, remembers what was opened, and hands the open
`Project` to the window, which builds the project's session and views.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

# Light: the welcome page paints before the database layer loads (errors imports it lazily).
from app.ui.errors import plain_message

if TYPE_CHECKING:  # imported when first needed: the welcome page paints without them
    from app.domain.storage import StorageRisk
    from app.services.project import Project

PROJECT_SUFFIX = ".sourcetrack"
MAX_RECENT = 8
# Where the demo last opened is (a project `build_demo` marked as the demo).
DEMO_KEY = "demo/location"


def stored_location(location: str) -> str:
    """A location as it is remembered: a file as an absolute path (a relative one means
    nothing once the window starts elsewhere), a server URL as given."""
    return location if "://" in location else str(Path(location).expanduser().resolve())


def projects_only() -> str:
    """The file dialogs' filter of projects, in the interface's language."""
    return QCoreApplication.translate("ProjectOpener", "Sourcetrack projects (*.sourcetrack)")


def project_filter() -> str:
    all_files = QCoreApplication.translate("ProjectOpener", "All files (*)")
    return f"{projects_only()};;{all_files}"


def storage_words(risk: StorageRisk) -> str:
    """What a project's folder risks, in the interface's language."""
    if risk.network is not None:
        return QCoreApplication.translate(
            "ProjectOpener",
            "{path} is on a network file system ({fs} at {mount}); SQLite's WAL is not safe "
            "there and edits can be lost: keep projects on a local disk",
        ).format(path=risk.path, fs=risk.network.fs_type, mount=risk.network.mount_point)
    return QCoreApplication.translate(
        "ProjectOpener",
        "{path} is in a folder synced by {service}; syncing a project while it is open can "
        "lose edits or corrupt it: keep projects on a local disk, share closed copies",
    ).format(path=risk.path, service=risk.service)


def with_project_suffix(path: str, chosen_filter: str) -> str:
    """The file a new project goes to: with `.sourcetrack` added when the projects' filter was
    chosen and the name lacks it, so that Open, which lists those files, finds it again."""
    # The filter's pattern, not its words: they are in the interface's language.
    if f"(*{PROJECT_SUFFIX})" in chosen_filter and not path.endswith(PROJECT_SUFFIX):
        return path + PROJECT_SUFFIX
    return path


class RecentProjects:
    """The projects opened last, most recent first, kept in the settings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[str]:
        value = self.settings.value("recentProjects", [])
        # QSettings gives one path back as a string, several as a list.
        if isinstance(value, str):
            paths = [value]
        else:
            paths = [str(p) for p in value] if isinstance(value, list) else []
        kept: list[str] = []
        for path in paths:
            if "://" in path or Path(path).exists():
                # Entries stored before they were resolved read as absolute paths too.
                stored = stored_location(path)
                if stored not in kept:
                    kept.append(stored)
        return kept

    def remember(self, location: str) -> None:
        location = stored_location(location)
        paths = [location] + [p for p in self.paths() if p != location]
        self.settings.setValue("recentProjects", paths[:MAX_RECENT])


class ProjectOpener:
    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        opened: Callable[[Project], None],
        recent_changed: Callable[[list[str]], None],
    ) -> None:
        self.window, self.settings = window, settings
        self.recent = RecentProjects(settings)
        self._opened = opened  # the window takes the project from here
        self._recent_changed = recent_changed

    def open_project(self, location: str) -> bool:
        from app.services.project import ProjectError

        try:
            project = self._open_asking_password(location, create=False)
        except ProjectError as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ProjectOpener", "Cannot open project"),
                plain_message(error),
            )
            return False
        if project is None:
            return False
        self._hand_over(project)
        if project.backup_path is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ProjectOpener",
                    "Upgraded this project; the previous version is kept at {path}",
                ).format(path=project.backup_path)
            )
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("ProjectOpener", "Open project"),
            "",
            project_filter(),
        )
        if path:
            self.open_project(path)

    def new_project_dialog(self) -> None:
        from app.services.project import Project, ProjectError

        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("ProjectOpener", "New project"),
            "",
            project_filter(),
            projects_only(),
        )
        if not path:
            return
        path = with_project_suffix(path, chosen)
        if Path(path).exists():
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ProjectOpener", "New project"),
                QCoreApplication.translate(
                    "ProjectOpener", "{path} exists already; open it instead."
                ).format(path=path),
            )
            return
        try:
            self._hand_over(Project.open(path, create=True))
        except ProjectError as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ProjectOpener", "Cannot create project"),
                plain_message(error),
            )

    def demo_location(self) -> str | None:
        """The demo last opened (`scripts/demo`'s, say), if it is still there."""
        value = self.settings.value(DEMO_KEY)
        location = str(value) if value else None
        if location and ("://" in location or Path(location).exists()):
            return location
        return None

    def open_demo(self) -> None:
        """The demo last opened; without one, the demo beside the settings file, built the
        first time. One demo, so that the tags made in it are found again."""
        from app.services.demo import build_demo
        from app.services.project import ProjectError

        remembered = self.demo_location()
        if remembered is not None:
            self.open_project(remembered)
            return
        location = Path(self.settings.fileName()).parent / "demo.sourcetrack"
        try:
            if location.exists():
                self.open_project(str(location))
            else:
                location.parent.mkdir(parents=True, exist_ok=True)
                self._hand_over(build_demo(location))
        except ProjectError as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ProjectOpener", "Cannot open the demo"),
                plain_message(error),
            )

    def _hand_over(self, project: Project) -> None:
        from app.services.demo import is_demo
        from app.services.location import storage_risk_at

        self._opened(project)
        # Without a password: it belongs in PGPASSWORD, ~/.pgpass or a service file.
        self.recent.remember(project.display_name)
        if is_demo(project):
            self.settings.setValue(DEMO_KEY, stored_location(project.display_name))
        self._recent_changed(self.recent.paths())
        risk = storage_risk_at(project.location)
        if risk is not None:  # a network or synced folder: say what it risks
            self.window.statusBar().showMessage(storage_words(risk))

    # --- team projects on a server ---------------------------------------------------------------

    def new_team_project_dialog(self) -> None:
        self._team_project_dialog(create=True)

    def open_team_project_dialog(self) -> None:
        self._team_project_dialog(create=False)

    def _team_project_dialog(self, *, create: bool) -> None:
        from app.domain.model import DomainError
        from app.services.project import ProjectError
        from app.services.team import team_location
        from app.ui.team_project import TeamProjectDialog

        dialog = TeamProjectDialog(self.window, create=create)
        title = (
            QCoreApplication.translate("TeamProjectDialog", "New team project")
            if create
            else QCoreApplication.translate("TeamProjectDialog", "Open a team project")
        )
        while dialog.exec() == TeamProjectDialog.DialogCode.Accepted:
            try:
                project = self._open_asking_password(team_location(dialog.server()), create=create)
            except (DomainError, ProjectError) as error:
                QMessageBox.warning(self.window, title, plain_message(error))
                continue  # the dialog again, with what was typed
            if project is not None:
                self._hand_over(project)
            return

    def _open_asking_password(self, location: str, *, create: bool) -> Project | None:
        """Open; when the server asks for a password, prompt for it (again after a wrong one)
        and use it for this connection only. None when the person cancels."""
        from app.services.project import PasswordNeeded, Project
        from app.services.team import role_of, with_password
        from app.ui.team_project import ask_password

        attempt = location
        while True:
            try:
                return Project.open(attempt, create=create)
            except PasswordNeeded as needed:
                password = ask_password(self.window, plain_message(needed), role_of(location))
                if password is None:
                    return None
                attempt = with_password(location, password)
