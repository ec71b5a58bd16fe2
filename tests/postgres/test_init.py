"""`sourcetrack init`: an empty project on a server (or in a file), made once however many
people run it at the same moment; the password never printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from helpers import REPO, cli_ok


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
