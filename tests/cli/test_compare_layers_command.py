"""`compare` and `statements` with several annotators: one layer at a time, whose tag is whose,
and the consensus name kept for adjudication."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import cli, cli_ok

from cli.common import IN_RUSSIA, statement_containing, statements_jsonl


@pytest.fixture
def two_coders(seeded_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    """ana says Seoul asserts the claim in a statement, bob that Seoul denies it; both say the
    Kremlin denies it in another."""
    seoul = statement_containing(capsys, seeded_path, "a révélé l’état-major sud-coréen")
    presence = statement_containing(capsys, seeded_path, "le Kremlin continue de nier")
    for who, stance in (("ana", "asserts"), ("bob", "denies")):
        cli_ok(capsys, "tag", seeded_path, seoul, "--source", "Seoul", "--stance", stance,
               "--claim", IN_RUSSIA, "--annotator", who)  # fmt: skip
        cli_ok(capsys, "tag", seeded_path, presence, "--source", "Kremlin", "--stance",
               "denies", "--confidence", "Certain", "--annotator", who)  # fmt: skip
    cli_ok(capsys, "tag", seeded_path, presence, "--source", "Kremlin", "--claim", IN_RUSSIA,
           "--annotator", "ana")  # fmt: skip
    return {"seoul": seoul, "presence": presence}


def test_compare_shows_where_the_coders_agree_and_says_where_they_differ(
    seeded_path: Path, two_coders: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = cli_ok(capsys, "compare", seeded_path).splitlines()
    assert lines[0] == "layer: where all 2 annotators agree (ana, bob)"
    assert lines[1].split()[:4] == ["claim", "contested", "coders", "differ"]
    (row,) = [line for line in lines if line.startswith(IN_RUSSIA)]
    assert "Seoul: 1 statement" in row  # the coders' disagreement, said as such
    assert "mixed" not in row and "yes" not in row  # never a finding about Seoul
    assert "denies · Certain · 1 statement" in row  # the Kremlin, as both read it
    assert cli_ok(capsys, "compare", seeded_path, "--contradictions").splitlines()[3:] == []

    records = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))
    assert {(r["source"], r["stance"], r["coder_disagreements"], r["layer"]) for r in records} == {
        ("Seoul", None, 1, "agreed"),
        ("Kremlin", "denies", 0, "agreed"),
    }
    same = cli_ok(capsys, "compare", seeded_path, "--layer", "agreed", "--format", "json")
    assert json.loads(same) == records


def test_compare_shows_one_annotators_tags(
    seeded_path: Path, two_coders: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = cli_ok(capsys, "compare", seeded_path, "--annotator", "ana").splitlines()
    assert lines[0] == "layer: ana's tags"
    (row,) = [line for line in lines if line.startswith(IN_RUSSIA)]
    assert "asserts · 1 statement" in row and "yes" in row  # Seoul asserts, the Kremlin denies
    out = cli_ok(capsys, "compare", seeded_path, "--annotator", "bob", "--format", "csv")
    bob = {r["source"]: r for r in csv.DictReader(io.StringIO(out))}
    assert bob["Seoul"]["stance"] == "denies" and bob["Seoul"]["layer"] == "bob"
    assert bob["Seoul"]["contested"] == "False" and bob["Seoul"]["coder_disagreements"] == "1"


def test_compare_refuses_an_annotator_it_does_not_have(
    seeded_path: Path,
    two_coders: dict[str, int],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    status, out, err = cli(capsys, "compare", seeded_path, "--annotator", "nobody")
    assert (status, out) == (1, "")
    assert err.startswith("sourcetrack: no annotator called 'nobody' in this project")
    status, _out, export_err = cli(capsys, "export", seeded_path, "-o", tmp_path / "x.csv",
                                   "--annotator", "nobody")  # fmt: skip
    assert status == 1 and export_err.startswith(err.split(" (")[0])  # the same refusal
    status, _out, err = cli(capsys, "compare", seeded_path, "--layer", "consensus")
    assert status == 1 and "no consensus layer yet" in err
    status, _out, err = cli(capsys, "compare", seeded_path, "--annotator", "ana", "--layer",
                            "agreed")  # fmt: skip
    assert (status, err) == (1, "sourcetrack: give --annotator or --layer, not both\n")


def test_a_project_tagged_by_one_annotator_compares_as_before(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seoul = statement_containing(capsys, seeded_path, "a révélé l’état-major sud-coréen")
    cli_ok(capsys, "tag", seeded_path, seoul, "--source", "Seoul", "--claim", IN_RUSSIA)
    lines = cli_ok(capsys, "compare", seeded_path).splitlines()
    assert lines[0].split() == ["claim", "contested", "Seoul", "Kyiv", "Kremlin"]
    (record,) = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))
    assert (record["layer"], record["coder_disagreements"]) == ("tester", 0)
    out = cli_ok(capsys, "statements", seeded_path)
    assert "Seoul asserts" in out and " by tester" not in out  # whose goes without saying


def test_statements_say_whose_each_tag_is(
    seeded_path: Path, two_coders: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    table = cli_ok(capsys, "statements", seeded_path)
    (line,) = [row for row in table.splitlines() if row.split()[0] == str(two_coders["seoul"])]
    assert "Seoul asserts by ana; Seoul denies by bob" in line
    only = cli_ok(capsys, "statements", seeded_path, "--annotator", "bob")
    assert "Seoul denies" in only and "asserts" not in only and " by " not in only
    listed = statements_jsonl(capsys, seeded_path, "--annotator", "ana")
    assert [r["id"] for r in listed] == sorted(two_coders.values())
    assert {t["annotator"] for r in listed for t in r["tags"]} == {"ana"}
    kremlin = statements_jsonl(capsys, seeded_path, "--annotator", "bob", "--source", "Kremlin")
    assert [r["id"] for r in kremlin] == [two_coders["presence"]]
    status, _out, err = cli(capsys, "statements", seeded_path, "--annotator", "nobody")
    assert (status, err) == (1, "sourcetrack: no annotator called 'nobody' in this project\n")


def test_no_one_tags_as_the_consensus(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("consensus", "Consensus"):
        status, _out, err = cli(capsys, "tag", seeded_path, 1, "--source", "Seoul",
                                "--annotator", name)  # fmt: skip
        assert status == 1
        assert err == (
            f"sourcetrack: {name!r} is reserved for the consensus layer (the adjudicated tags); "
            "tag under your own name\n"
        )
    status, _out, err = cli(capsys, "suggest", seeded_path, "--apply", "--annotator", "consensus")
    assert status == 1 and "reserved for the consensus layer" in err
    assert statements_jsonl(capsys, seeded_path)[0]["tags"] == []
