"""Values the command line used to mishandle: ids beyond SQLite's 64-bit integers (an
OverflowError traceback) and values that start with '-' (taken for options by argparse)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, SEED, cli, cli_ok, database, project_fingerprint, sqlite

from app.cli import parser as cli_parser

BIG = "99999999999999999999"  # 2**66 and more: no SQLite integer holds it


def refused_in_one_line(capsys: pytest.CaptureFixture[str], seeded_path: Path, *args: object) -> str:
    """Run a command that must be refused: status 1, one line, the project as it was."""
    before = project_fingerprint(seeded_path)
    status, out, err = cli(capsys, *args)
    assert (status, out) == (1, ""), err
    assert err.startswith("sourcetrack: ") and err.count("\n") == 1 and err.endswith("\n"), err
    assert project_fingerprint(seeded_path) == before
    return err


# --- 3. ids beyond SQLite's integers ------------------------------------------------------------

ID_ARGUMENTS = {
    "tag STATEMENT": (["tag", "{p}", "{id}", "--source", "Seoul"], "statement"),
    "tag STATEMENT --remove": (["tag", "{p}", "{id}", "--source", "Seoul", "--remove"], "statement"),
    "statements --article": (["statements", "{p}", "--article", "{id}"], "article"),
    "suggest --article": (["suggest", "{p}", "--article={id}", "--apply"], "article"),
    "export --article": (["export", "{p}", "-o", "{t}/out.csv", "--article", "1", "--article", "{id}"], "article"),
    "articles edit ID": (["articles", "{p}", "edit", "{id}", "--title", "x"], "article"),
    "agreement --article": (["agreement", "{p}", "--article", "{id}"], "article"),
    "mark STATEMENT": (["mark", "{p}", "{id}", "--no-source"], "statement"),
    "review ID": (["review", "{p}", "{id}"], "article"),
    "sources learn STATEMENT": (["sources", "{p}", "learn", "{id}"], "statement"),
}  # fmt: skip


@pytest.mark.parametrize("number", [BIG, "-" + BIG, str(2**63)])
@pytest.mark.parametrize(("args", "kind"), ID_ARGUMENTS.values(), ids=ID_ARGUMENTS.keys())
def test_an_id_beyond_sqlite_integers_is_refused_in_one_line(
    seeded_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    kind: str,
    number: str,
) -> None:
    argv = [a.format(p=seeded_path, t=tmp_path, id=number) for a in args]
    err = refused_in_one_line(capsys, seeded_path, *argv)
    assert err == (
        f"sourcetrack: no {kind} with id {int(number)}: ids lie between -9223372036854775808 "
        "and 9223372036854775807\n"
    )
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("number", [2**63 - 1, 2**31], ids=["64-bit", "past-32-bit"])
def test_the_largest_sqlite_integer_is_an_id_that_is_merely_absent(
    seeded_path: Path, capsys: pytest.CaptureFixture[str], number: int
) -> None:
    # PostgreSQL's ids are 32-bit: a larger one must be absent there too, not a server error.
    err = refused_in_one_line(capsys, seeded_path, "tag", seeded_path, number, "--source", "Seoul")
    assert err == f"sourcetrack: no statement with id {number}\n"
    shown = cli(capsys, "statements", seeded_path, "--article", number)
    assert shown[0] == 1 and shown[2] == f"sourcetrack: no article with id {number}\n"


def test_a_missing_project_is_not_created_for_an_id_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = cli(capsys, "tag", tmp_path / "new.sourcetrack", BIG, "--source", "S")
    assert status == 1 and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def _actions(parser: cli_parser.Parser) -> list[argparse.Action]:
    found: list[argparse.Action] = [*parser.options.values(), *parser.positionals]
    for action in parser.positionals:
        if isinstance(action.choices, dict):  # a command's own commands
            for sub in action.choices.values():
                found.extend(_actions(sub))
    return found


def test_every_integer_argument_of_the_parser_is_range_checked() -> None:
    # A future `--statement ID` with a bare type=int would bring the traceback back.
    integers = [a for a in _actions(cli_parser.build_parser()) if a.type is int]
    # The nine ID_ARGUMENTS exercises: tag's, mark's and sources learn's statement, four
    # --article, articles edit's ID, review's ID.
    assert len(set(integers)) == 9
    assert all(isinstance(a, cli_parser._Id) for a in integers), integers


def test_a_word_that_is_not_a_number_is_still_argparses_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "tag", "p.sourcetrack", "not-a-number", "--source", "Seoul")
    assert exited.value.code == 2
    assert "invalid int value: 'not-a-number'" in capsys.readouterr().err


# --- 4. values that start with '-' ---------------------------------------------------------------


def the_tag(seeded_path: Path) -> tuple[str | None, list[str]]:
    with database(seeded_path) as conn:
        (note,) = conn.execute("SELECT note FROM attributions").fetchone()
        claims = [r[0] for r in conn.execute("SELECT label FROM claims ORDER BY label")]
    return note, claims


@pytest.mark.parametrize(
    "options",
    [
        ["--claim", "-moins", "--note", "-1+1"],
        ["--claim=-moins", "--note=-1+1"],
        ["--note", "-1+1", "--claim", "-moins", "--stance", "denies"],
        ["--not", "-1+1", "--cla", "-moins"],  # abbreviations, as argparse allows them
    ],
    ids=["separate", "joined", "among-others", "abbreviated"],
)
def test_free_text_options_take_values_that_start_with_a_dash(
    seeded_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    out = cli_ok(capsys, "tag", seeded_path, 1, "--source", "Seoul", *options)
    assert "linked to -moins" in out
    assert the_tag(seeded_path) == ("-1+1", ["-moins"])


def test_a_source_and_an_annotator_may_start_with_a_dash(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "sources", seeded_path, "add", "--", "-Bureau")
    cli_ok(capsys, "tag", seeded_path, 1, "--source", "-Bureau", "--annotator", "-ana")
    with database(seeded_path) as conn:
        row = conn.execute(
            "SELECT s.name, a.name FROM attributions t JOIN sources s ON s.id = t.source_id "
            "JOIN annotators a ON a.id = t.annotator_id"
        ).fetchone()
    assert row == ("-Bureau", "-ana")


@pytest.mark.parametrize("title", ["-30 %", "-30%", "--- Dépêche ---", "-1+1"])
def test_import_takes_a_title_that_starts_with_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, SEED, "--title", title, "--outlet", "-AFP")
    with sqlite(project) as conn:
        assert conn.execute("SELECT title, outlet FROM articles").fetchone() == (title, "-AFP")


def test_an_outlet_that_looks_like_a_short_option_is_still_the_outlet(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "-ouest" would be read as "-o uest" (the output file "uest") by argparse alone.
    cli_ok(capsys, "articles", seeded_path, "edit", 1, "--outlet", "-ouest")
    cli_ok(capsys, "tag", seeded_path, 1, "--source", "Seoul")
    target = tmp_path / "tags.jsonl"
    cli_ok(capsys, "export", seeded_path, "--outlet", "-ouest", "-o", target, "--format", "jsonl")
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["outlet"] for r in rows] == ["-ouest"]
    assert not (tmp_path / "uest").exists()


def test_an_option_where_its_value_should_be_says_how_to_give_one(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "--note --remove" most likely lacks its note: refused, with the way to mean it.
    before = project_fingerprint(seeded_path)
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "tag", seeded_path, 1, "--source", "Seoul", "--note", "--remove")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --note: expected one argument" in err
    assert "(a value that starts with '-' is written --note=-value)" in err
    assert project_fingerprint(seeded_path) == before
    cli_ok(capsys, "tag", seeded_path, 1, "--source", "Seoul", "--note=--remove")
    assert the_tag(seeded_path) == ("--remove", [])


def test_a_name_that_starts_with_a_dash_is_given_after_double_dash(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project_fingerprint(seeded_path)
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "sources", seeded_path, "add", "-moins")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "'-moins' was taken for an option" in err and "after '--'" in err
    assert project_fingerprint(seeded_path) == before
    cli_ok(capsys, "sources", seeded_path, "add", "--", "-moins")
    cli_ok(capsys, "sources", seeded_path, "rename", "--", "-moins", "-plus")
    assert "-plus" in cli_ok(capsys, "sources", seeded_path, "list")


def test_negative_numbers_are_left_to_argparse(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused_in_one_line(capsys, seeded_path, "tag", seeded_path, "-5", "--source", "Seoul")
    assert err == "sourcetrack: no statement with id -5\n"


@pytest.mark.parametrize(
    ("argv", "joined"),
    [
        (["tag", "p", "1", "--note", "-x"], ["tag", "p", "1", "--note=-x"]),
        (["tag", "p", "1", "--note", "--remove"], ["tag", "p", "1", "--note", "--remove"]),
        (["tag", "p", "1", "--note", "-"], ["tag", "p", "1", "--note", "-"]),
        (["tag", "p", "1", "--", "--note", "-x"], ["tag", "p", "1", "--", "--note", "-x"]),
        (["export", "p", "-o", "-x.csv"], ["export", "p", "-o=-x.csv"]),
        (["sources", "p", "add", "N", "--parent", "-P"], ["sources", "p", "add", "N", "--parent=-P"]),
        (["articles", "p", "edit", "1", "--title", "-t"], ["articles", "p", "edit", "1", "--title=-t"]),
        # "--title" is not an option of `tag`: left for argparse to refuse.
        (["tag", "p", "1", "--title", "-t"], ["tag", "p", "1", "--title", "-t"]),
    ],
)  # fmt: skip
def test_join_dash_values_follows_each_commands_own_options(
    argv: list[str], joined: list[str]
) -> None:
    parser = cli_parser.build_parser()
    assert cli_parser.join_dash_values(parser, argv) == joined


def test_a_dash_value_works_through_the_real_entry_point(seeded_path: Path) -> None:
    # sys.argv, not a list handed to main(): the path a user's shell takes.
    done = subprocess.run(
        [sys.executable, "-m", "app", "tag", str(seeded_path), "1", "--source", "Seoul",
         "--note", "-1+1", "--claim", "-moins"],
        cwd=REPO, env={**os.environ, "SOURCETRACK_ANNOTATOR": "tester"},
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert the_tag(seeded_path) == ("-1+1", ["-moins"])
    refused = subprocess.run(
        [sys.executable, "-m", "app", "tag", str(seeded_path), BIG, "--source", "Seoul"],
        cwd=REPO, env={**os.environ, "SOURCETRACK_ANNOTATOR": "tester"},
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
