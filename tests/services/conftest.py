"""Fixtures of the service tests: the rich project of the export and `import-tags` tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SEED, cli_ok

from services.export_data import RICH_META, build_rich_project, copy_of, write_articles


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    """A built rich project (do not modify it: copy it with `copy_of`) and its article files."""
    folder = tmp_path_factory.mktemp("rich")
    files = write_articles(folder / "articles")
    path = folder / "rich.sourcetrack"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCETRACK_ANNOTATOR", "tester")
        build_rich_project(path, files, None)
    yield path, files



@pytest.fixture
def rich_path(rich: tuple[Path, list[Path]], tmp_path: Path) -> Path:
    return copy_of(rich, tmp_path / "a.sourcetrack")


@pytest.fixture
def fresh(
    rich: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A new project holding the same articles, imported from the same files in another order."""
    path = tmp_path / "b.sourcetrack"
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


