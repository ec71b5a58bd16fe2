"""Test set-up: Qt offscreen, a fixed annotator, and small project fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from app.services.project import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCETRACK_ANNOTATOR", "tester")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "p.sourcetrack"


@pytest.fixture
def seeded_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The path of a project holding the seed article (article 1, statements 1–10), made by the
    command line."""
    from helpers import SEED, cli_ok

    path = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", path, SEED)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An open project holding the seed article."""
    from helpers import SEED

    from app.services.importing import ArticleMeta, import_file
    from app.services.project import Project

    with Project.open(tmp_path / "p.sourcetrack", create=True) as opened:
        import_file(opened, SEED, ArticleMeta())
        yield opened


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The path of the demo project (tagged sample articles)."""
    from app.services.demo import build_demo

    path = tmp_path / "demo.sourcetrack"
    build_demo(path).close()
    return path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The admin URL of a private PostgreSQL server for this test session (see pg_cluster)."""
    from pg_cluster import NoServer, private_cluster

    try:
        with private_cluster() as url:
            yield url
    except NoServer as reason:
        if os.environ.get("SOURCETRACK_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here: {reason}")
        pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The URL of an empty database of its own, dropped after the test."""
    from pg_cluster import drop_database, fresh_database

    url, name = fresh_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, name)
