"""Bad input is refused in one line and changes nothing; what is not a project."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    SEED,
    cli,
    cli_ok,
    project_fingerprint,
)

from cli.common import (
    tag_seed,
)

# --- refusals ----------------------------------------------------------------------------------


REFUSALS = {
    "unknown statement": (["tag", "{p}", "9999", "--source", "Seoul"], "no statement with id 9999"),
    "unknown source": (["tag", "{p}", "1", "--source", "Pyongyang"], "unknown source 'Pyongyang'"),
    "unknown confidence": (
        ["tag", "{p}", "1", "--source", "Seoul", "--confidence", "Sure"],
        "unknown confidence level 'Sure'",
    ),
    "confidence rank out of range": (
        ["tag", "{p}", "1", "--source", "Seoul", "--confidence", "9"],
        "unknown confidence level '9'",
    ),
    "claim with a semicolon": (
        ["tag", "{p}", "1", "--source", "Seoul", "--claim", "a; b"],
        "a claim label cannot contain ';'",
    ),
    "rename to an existing source": (
        ["sources", "{p}", "rename", "Seoul", "Kyiv"],
        "a source named 'Kyiv' exists already",
    ),
    "add an existing source": (["sources", "{p}", "add", "Seoul"], "exists already"),
    "alias of an unknown source": (
        ["sources", "{p}", "alias", "Nobody", "x"],
        "unknown source 'Nobody'",
    ),
    "bad colour": (["sources", "{p}", "add", "NIS", "--colour", "blue"], "colour must look like"),
    "import-tags of a missing file": (
        ["import-tags", "{p}", "{t}/none.csv"],
        "cannot read none.csv",
    ),
    "export to a missing folder": (
        ["export", "{p}", "-o", "{t}/nowhere/out.csv"],
        "the folder {t}/nowhere does not exist",
    ),
}


@pytest.mark.parametrize(("args", "message"), REFUSALS.values(), ids=REFUSALS.keys())
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    tag_seed(capsys, seeded_path)
    before = project_fingerprint(seeded_path)
    argv = [a.format(p=seeded_path, t=tmp_path) for a in args]
    status, out, err = cli(capsys, *argv)
    assert status == 1
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("sourcetrack: ")
    assert message.format(t=tmp_path) in err
    if isinstance(seeded_path, Path):
        wal = seeded_path.with_name(seeded_path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # no committed frames beside the file
    assert project_fingerprint(seeded_path) == before


def test_the_fingerprint_sees_a_committed_change(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The control for the refusals above: the same check fails when a command does write.
    before = project_fingerprint(seeded_path)
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul")
    after = project_fingerprint(seeded_path)
    assert after != before
    assert after["dump"] != before["dump"]


def test_a_text_file_is_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(SEED.read_bytes())
    for args in (
        ["articles", notes],
        ["import", notes, SEED],
        ["tag", notes, "1", "--source", "S"],
    ):
        status, out, err = cli(capsys, *args)
        assert status == 1
        assert out == ""
        assert err == (
            f"sourcetrack: {notes} is not a Sourcetrack project (it is not an SQLite database)\n"
        )
        assert notes.read_bytes() == SEED.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_missing_project_is_not_created_by_reading_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sourcetrack"
    for args in (["articles", missing], ["statements", missing], ["compare", missing]):
        status, out, err = cli(capsys, *args)
        assert (status, out) == (1, "")
        assert err == f"sourcetrack: no project at {missing}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = cli(capsys, "articles", tmp_path)
    assert status == 1
    assert err == f"sourcetrack: {tmp_path} is a folder, not a project file\n"


def test_usage_errors_exit_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "tag", "p.sourcetrack", "not-a-number", "--source", "Seoul")
    assert exited.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


