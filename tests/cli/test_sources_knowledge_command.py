"""`sources … known` and `sources … learn`: the knowledge base's aliases and the names a
tagged statement teaches, offered by one command and adopted by the same command with --add."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cli_ok


def test_known_aliases_are_listed_then_added(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_ok(capsys, "sources", seeded_path, "add", "NATO") == "added source NATO\n"
    listing = cli_ok(capsys, "sources", seeded_path, "known", "NATO")
    assert "Mark Rutte" in listing and "OTAN" in listing
    out = cli_ok(capsys, "sources", seeded_path, "known", "NATO", "--add")
    assert out.startswith("added ") and "from the knowledge base to NATO" in out
    assert "offers no new alias" in cli_ok(capsys, "sources", seeded_path, "known", "NATO")


def test_a_tagged_statement_teaches_its_speaker_s_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "port.txt"
    article.write_text(
        "Port\n\nNavy spokesman Serhiy Bondar said the mine had been laid by Russian aircraft.\n",
        encoding="utf-8",
    )
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, article, "--language", "en")
    cli_ok(capsys, "tag", project, "1", "--source", "Kyiv")
    assert cli_ok(capsys, "sources", project, "learn", "1") == "Kyiv (en): Serhiy Bondar\n"
    out = cli_ok(capsys, "sources", project, "learn", "1", "--add")
    assert out == "learnt 'Serhiy Bondar' as an alias of Kyiv (en)\n"
    assert cli_ok(capsys, "sources", project, "learn", "1") == "statement 1 teaches no new alias\n"
    again = cli_ok(capsys, "sources", project, "alias", "Kyiv", "Serhiy Bondar", "--language", "en")
    assert again == "added 0 alias(es) to Kyiv (en)\n"  # it is an alias now
