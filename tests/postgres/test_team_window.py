"""The window makes and opens team projects: File ▸ New team project… turns an empty database
into a project and opens it; a server that wants a password gets one from a prompt, used for
that connection and never stored or shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import database
from pg_cluster import PASSWORD, PASSWORD_ROLE
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.ui.main_window import MainWindow
from app.ui.team_project import TeamProjectDialog


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    shown = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    return shown


class Typed:
    """The team dialog filled in and accepted as a person would; the message boxes kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, **fields: object) -> None:
        self.dialogs: list[TeamProjectDialog] = []
        self.warnings: list[str] = []
        self.passwords: list[str] = []  # what the prompt will answer, in turn
        self.prompts: list[str] = []
        monkeypatch.setattr(TeamProjectDialog, "exec", lambda dialog: self._fill(dialog, fields))
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: self.warnings.append(a[2]))
        monkeypatch.setattr(QInputDialog, "getText", self._password)

    def _fill(self, dialog: TeamProjectDialog, fields: dict[str, object]) -> int:
        if self.dialogs:  # shown again after a refusal: the person gives up
            return TeamProjectDialog.DialogCode.Rejected
        self.dialogs.append(dialog)
        for name, value in fields.items():
            widget = getattr(dialog, name)
            widget.setValue(value) if name == "port" else widget.setText(str(value))
        return TeamProjectDialog.DialogCode.Accepted

    def _password(self, _parent: object, _title: str, label: str, *_rest: object):  # type: ignore[no-untyped-def]
        self.prompts.append(label)
        return (self.passwords.pop(0), True) if self.passwords else ("", False)


def _where(url: str) -> dict[str, object]:
    parsed = sa.make_url(url)
    return {"host": parsed.host, "port": parsed.port, "database": parsed.database}


def test_new_team_project_makes_an_empty_database_a_project_and_opens_it(
    window: MainWindow, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = Typed(monkeypatch, role=sa.make_url(pg_url).username, **_where(pg_url))
    window.new_team_project_dialog()
    assert typed.warnings == [] and typed.prompts == []
    assert window.session is not None
    where = _where(pg_url)
    assert window.windowTitle() == f"{where['database']} on {where['host']}:{where['port']} — Sourcetrack"
    with database(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 3
    assert window.recent_projects()[0] == sa.make_url(pg_url).render_as_string()


def test_a_missing_database_name_is_refused_in_words(
    window: MainWindow, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = Typed(monkeypatch, host="127.0.0.1", database="")
    window.new_team_project_dialog()
    assert typed.warnings == ["give the database of the team project"]
    assert window.session is None


@pytest.fixture
def guarded_url(pg_server: str, pg_url: str) -> str:
    """The test's database, owned by a role that must give a password; its URL has none."""
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    name = sa.make_url(pg_url).database
    with admin.connect() as connection:
        if not connection.exec_driver_sql(
            f"SELECT 1 FROM pg_roles WHERE rolname = '{PASSWORD_ROLE}'"
        ).scalar():
            pytest.skip("this server has no role that needs a password")
        connection.exec_driver_sql(f'ALTER DATABASE "{name}" OWNER TO {PASSWORD_ROLE}')
    admin.dispose()
    return sa.make_url(pg_url).set(username=PASSWORD_ROLE).render_as_string()


def test_a_password_is_asked_for_used_once_and_never_kept(
    window: MainWindow, guarded_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    typed = Typed(monkeypatch, role=PASSWORD_ROLE, **_where(guarded_url))
    typed.passwords = ["wrong guess", PASSWORD]  # a wrong one is refused and asked again
    window.new_team_project_dialog()
    assert len(typed.prompts) == 2
    assert "asks role 'sourcetrack_pw' for a password" in typed.prompts[0]
    assert "refused the password of role 'sourcetrack_pw'" in typed.prompts[1]
    assert typed.warnings == [] and window.session is not None
    assert PASSWORD not in window.windowTitle()
    assert all(PASSWORD not in entry for entry in window.recent_projects())
    window.settings.sync()
    assert PASSWORD not in (tmp_path / "s.ini").read_text(encoding="utf-8")
    window.close_project()

    # Opened again from the recent list: asked again, and Cancel opens nothing.
    typed.passwords = []
    assert window.open_project(window.recent_projects()[0]) is False
    assert len(typed.prompts) == 3 and window.session is None and typed.warnings == []
