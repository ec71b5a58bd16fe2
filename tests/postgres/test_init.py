"""`sourcetrack init`: an empty project on a server (or in a file), made once however many
people run it at the same moment; the password never printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import REPO, SEED, cli_ok

from app.services.project import Project


def test_init_makes_an_empty_team_project_once_for_several_at_once(pg_url: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "init", pg_url],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for _ in range(4)
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "0 articles and 3 sources" in out
    engine = sa.create_engine(pg_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM sources").scalar() == 3
    engine.dispose()


def test_init_prints_no_password(pg_url: str) -> None:
    with_password = sa.make_url(pg_url).set(password="not-needed-here")
    out = cli_ok(None, "init", with_password.render_as_string(hide_password=False))
    assert "not-needed-here" not in out and "@127.0.0.1" in out


def test_init_makes_a_project_file_too(tmp_path: Path) -> None:
    out = cli_ok(None, "init", tmp_path / "new.sourcetrack")
    assert "is ready, with 0 articles and 3 sources" in out
    assert (tmp_path / "new.sourcetrack").is_file()


def test_a_team_project_is_reached_by_a_libpq_service_name(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A service file says where the database is, so nobody types (or stores) host, port, role.
    url = sa.make_url(pg_url)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[team]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    by_service = "postgresql+psycopg:///?service=team"
    out = cli_ok(None, "init", by_service)
    assert "0 articles and 3 sources" in out
    cli_ok(None, "import", by_service, SEED)
    cli_ok(None, "tag", by_service, 1, "--source", "Seoul")
    # The same database, reached by its URL.
    assert "Seoul asserts" in cli_ok(None, "statements", pg_url, "--article", 1)
    with Project.open(by_service) as project:
        assert project.short_name == "service team"
        assert project.display_name == by_service
