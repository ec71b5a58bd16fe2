"""Test set-up: Qt offscreen, a fixed annotator, and small project fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
