"""Test set-up: Qt offscreen, a fixed annotator, and small project fixtures."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from engines import ENGINES, Location, Locations, Server

if TYPE_CHECKING:
    from app.services.project import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCETRACK_ANNOTATOR", "tester")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes a project location runs on each engine (see tests/engines.py)."""
    if "engine" in metafunc.fixturenames:
        only_files = metafunc.definition.get_closest_marker("sqlite_only") is not None
        engines = ("sqlite",) if only_files else ENGINES
        metafunc.parametrize("engine", engines, indirect=True, scope="module")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # `-m postgresql` runs the PostgreSQL half alone, `-m "not postgresql"` the rest.
    for item in items:
        if _engine_of(item) == "postgresql":
            item.add_marker(pytest.mark.postgresql)


def _engine_of(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "engine" in callspec.params:
        return str(callspec.params["engine"])
    if "pg_server" in getattr(item, "fixturenames", ()):
        return "postgresql"
    return None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests passed on each engine (CI's log shows both halves ran)."""
    counts = {"both:sqlite": 0, "both:postgresql": 0, "postgresql": 0, "sqlite": 0, "": 0}
    for report in terminalreporter.stats.get("passed", []):
        counts[getattr(report, "engine", "") or ""] += 1
    terminalreporter.write_line(
        f"engines: SQLite {counts['both:sqlite'] + counts['sqlite']} passed "
        f"({counts['both:sqlite']} of them also on PostgreSQL), PostgreSQL "
        f"{counts['both:postgresql'] + counts['postgresql']} passed "
        f"({counts['postgresql']} only there); {counts['']} more passed that open no project "
        "or make their own project files"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    callspec = getattr(item, "callspec", None)
    if item.get_closest_marker("sqlite_only") is not None:
        report.engine = "sqlite"
    elif callspec is not None and "engine" in callspec.params:
        report.engine = f"both:{callspec.params['engine']}"  # one of a test's two runs
    elif "pg_server" in getattr(item, "fixturenames", ()):
        report.engine = "postgresql"
    else:
        report.engine = ""


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's application, in English whatever the machine's language, with the English
    catalogue installed as the window installs it: it supplies the plural forms ("1 article",
    "2 articles")."""
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translations

    class EnglishApplication(QApplication):
        def __init__(self, args: list[str]) -> None:
            super().__init__(args)
            install_translations(self, "en")

    return EnglishApplication


@pytest.fixture(scope="module")
def engine(request: pytest.FixtureRequest) -> str:
    """The engine this run of the test is on: "sqlite" or "postgresql"."""
    return str(request.param)


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest, engine: str) -> Server | None:
    """The PostgreSQL server when the engine is PostgreSQL, else None."""
    if engine != "postgresql":
        return None
    return Server(request.getfixturevalue("pg_server"))


@pytest.fixture
def locations(engine: str, server: Server | None, tmp_path: Path) -> Iterator[Locations]:
    """New project locations on this test's engine (files in tmp_path, or new databases)."""
    made = Locations(engine, tmp_path, server)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def seeded_path(locations: Locations, capsys: pytest.CaptureFixture[str]) -> Location:
    """The location of a project holding the seed article (article 1, statements 1–10), made by
    the command line."""
    from helpers import SEED, cli_ok

    location = locations.new()
    cli_ok(capsys, "import", location, SEED)
    return location


@pytest.fixture
def project(locations: Locations) -> Iterator[Project]:
    """An open project holding the seed article."""
    from helpers import SEED

    from app.services.importing import ArticleMeta, import_file
    from app.services.project import Project

    with Project.open(locations.new(), create=True) as opened:
        import_file(opened, SEED, ArticleMeta())
        yield opened


# Who tags the demo the tests use: someone other than the tests' own annotator ("tester"),
# whose tags then start from none (`sourcetrack demo` tags as whoever builds it).
DEMO_TAGGER = "demo"


@pytest.fixture(scope="session")
def _demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project built once as a file; tests get copies (building it takes a while)."""
    from app.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sourcetrack"
    build_demo(path, annotator=DEMO_TAGGER).close()
    return path


@pytest.fixture(scope="session")
def _demo_database(pg_server: str) -> Iterator[str]:
    """The demo project built once on the server; tests get copies."""
    from app.services.demo import build_demo

    server = Server(pg_server)
    url = server.create()
    build_demo(url, annotator=DEMO_TAGGER).close()
    yield url
    server.drop(url)


@pytest.fixture
def demo(request: pytest.FixtureRequest, locations: Locations) -> Location:
    """The location of the demo project (tagged sample articles), a copy of its own."""
    built = "_demo_database" if locations.engine == "postgresql" else "_demo_file"
    return locations.copy(request.getfixturevalue(built), "demo")


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
