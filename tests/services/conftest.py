"""Fixtures of the service tests: the rich project of the export and `import-tags` tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from engines import Location, Locations, Server
from helpers import SEED, cli_ok

from services.export_data import RICH_META, build_rich_project, write_articles


@pytest.fixture(scope="module")
def rich(
    tmp_path_factory: pytest.TempPathFactory, engine: str, server: Server | None
) -> Iterator[tuple[Location, list[Path]]]:
    """A built rich project (do not modify it: tests get a copy through `rich_path`) and its
    article files."""
    folder = tmp_path_factory.mktemp("rich")
    files = write_articles(folder / "articles")
    made = Locations(engine, folder, server)
    location = made.new("rich")
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCETRACK_ANNOTATOR", "tester")
            build_rich_project(location, files, None)
        yield location, files
    finally:
        made.close()


@pytest.fixture
def rich_path(rich: tuple[Location, list[Path]], locations: Locations) -> Location:
    return locations.copy(rich[0], "a")


@pytest.fixture
def fresh(
    rich: tuple[Location, list[Path]], locations: Locations, capsys: pytest.CaptureFixture[str]
) -> Location:
    """A new project holding the same articles, imported from the same files in another order."""
    path = locations.new("b")
    cli_ok(
        capsys,
        "import",
        path,
        *reversed(rich[1]),
        *RICH_META,
    )
    cli_ok(capsys, "import", path, SEED)
    cli_ok(capsys, "sources", path, "add", "=Pyongyang")
    return path


