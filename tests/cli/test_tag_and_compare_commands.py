"""`tag` and `compare`: tags on statements and articles, the contested flag in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import (
    cli,
    cli_ok,
)

from cli.common import (
    IN_KURSK,
    IN_RUSSIA,
    export_text,
    statements_jsonl,
    tag_seed,
)

# --- tagging and comparing ----------------------------------------------------------------------


def test_tags_appear_on_statements_and_articles(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = tag_seed(capsys, seeded_path)
    rows = {r["id"]: r for r in statements_jsonl(capsys, seeded_path)}
    assert rows[ids["presence"]]["tags"] == [
        {"source": "Seoul", "stance": "asserts", "confidence": "Certain", "annotator": "tester"},
        {"source": "Kremlin", "stance": "denies", "confidence": "Certain", "annotator": "tester"},
    ]
    assert rows[ids["presence"]]["claims"] == [IN_RUSSIA]
    assert rows[ids["kursk"]]["claims"] == sorted([IN_KURSK, IN_RUSSIA])
    assert [r["id"] for r in statements_jsonl(capsys, seeded_path, "--source", "Kremlin")] == [
        ids["presence"]
    ]
    (article,) = json.loads(cli_ok(capsys, "articles", seeded_path, "--format", "json"))
    assert article["tagged"] == 2

    # Tagging again changes the tag; --remove removes it.
    out = cli_ok(capsys, "tag", seeded_path, ids["kursk"], "--source", "Kyiv", "--stance", "neutral")
    assert out.startswith(f"changed the tag of statement {ids['kursk']}")
    out = cli_ok(capsys, "tag", seeded_path, ids["kursk"], "--source", "Kyiv", "--remove")
    assert out == f"removed the Kyiv tag from statement {ids['kursk']}\n"
    status, _out, err = cli(capsys, "tag", seeded_path, ids["kursk"], "--source", "Kyiv", "--remove")
    assert status == 1
    assert err == f"sourcetrack: statement {ids['kursk']} has no Kyiv tag by tester to remove\n"


def test_changing_one_thing_of_a_tag_keeps_the_rest(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = tag_seed(capsys, seeded_path)  # the Kremlin denies, certain
    presence = ids["presence"]

    def kremlin() -> dict[str, str]:
        row = next(r for r in statements_jsonl(capsys, seeded_path) if r["id"] == presence)
        return next(t for t in row["tags"] if t["source"] == "Kremlin")

    for change in (["--claim", "Another claim"], ["--note", "vu"], ["--confidence", "Probable"]):
        out = cli_ok(capsys, "tag", seeded_path, presence, "--source", "Kremlin", *change)
        assert out.startswith(f"changed the tag of statement {presence}: Kremlin denies")
        assert kremlin()["stance"] == "denies"  # never reset to asserts
    assert kremlin()["confidence"] == "Probable"


def test_a_person_editing_a_suggestion_makes_it_their_own(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "suggest", seeded_path, "--apply")
    suggested = {
        (r["statement_id"], r["source"]): r
        for r in csv.DictReader(io.StringIO(export_text(capsys, seeded_path)))
    }
    (statement, source) = next(k for k, r in suggested.items() if r["origin"] == "suggestion")
    cli_ok(capsys, "tag", seeded_path, statement, "--source", source, "--note", "checked by hand")
    rows = {(r["statement_id"], r["source"]): r for r in csv.DictReader(
        io.StringIO(export_text(capsys, seeded_path)))}  # fmt: skip
    assert rows[(statement, source)]["origin"] == "manual"
    cli_ok(capsys, "suggest", seeded_path, "--apply")  # leaves a person's tag alone
    again = {(r["statement_id"], r["source"]): r for r in csv.DictReader(
        io.StringIO(export_text(capsys, seeded_path)))}  # fmt: skip
    assert again[(statement, source)]["note"] == "checked by hand"


def test_removing_another_annotators_tag_says_whose_it_is(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "tag", seeded_path, 3, "--source", "Kremlin", "--stance", "denies",
           "--annotator", "ana")  # fmt: skip
    status, _out, err = cli(capsys, "tag", seeded_path, 3, "--source", "Kremlin", "--remove")
    assert status == 1
    assert err == (
        "sourcetrack: statement 3 has no Kremlin tag by tester to remove (its Kremlin tags are "
        "by ana; give --annotator)\n"
    )
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal: status 2
        cli(capsys, "tag", seeded_path, 3, "--source", "Kremlin", "--annotator", " ")
    assert refused.value.code == 2
    assert "argument --annotator: an annotator needs a name" in capsys.readouterr().err


def test_compare_lists_the_contested_claims_in_every_format(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, seeded_path)

    # The help says "contested" only; --contradictions, the option's first name, still works.
    with pytest.raises(SystemExit):
        cli(capsys, "compare", "--help")
    assert "--contested" in (shown := capsys.readouterr().out) and "contradiction" not in shown
    table = cli_ok(capsys, "compare", seeded_path, "--contradictions").splitlines()
    assert table[0].split() == ["claim", "contested", "Seoul", "Kyiv", "Kremlin"]
    body = table[2:]
    assert len(body) == 1
    assert body[0].startswith(IN_RUSSIA)
    assert "yes" in body[0]
    assert "asserts · Certain · 1 statement" in body[0]
    assert "denies · Certain · 1 statement" in body[0]
    assert IN_KURSK not in "\n".join(table)

    records = list(
        csv.DictReader(
            io.StringIO(cli_ok(capsys, "compare", seeded_path, "--contested", "--format", "csv"))
        )
    )
    assert {(r["claim"], r["source"], r["stance"]) for r in records} == {
        (IN_RUSSIA, "Seoul", "asserts"),
        (IN_RUSSIA, "Kyiv", "asserts"),
        (IN_RUSSIA, "Kremlin", "denies"),
    }
    assert {r["contested"] for r in records} == {"True"}

    records_json = json.loads(
        cli_ok(capsys, "compare", seeded_path, "--contested", "--format", "json")
    )
    assert {(r["claim"], r["source"], r["stance"]) for r in records_json} == {
        (IN_RUSSIA, "Seoul", "asserts"),
        (IN_RUSSIA, "Kyiv", "asserts"),
        (IN_RUSSIA, "Kremlin", "denies"),
    }
    assert all(r["contested"] is True for r in records_json)
    kremlin = next(r for r in records_json if r["source"] == "Kremlin")
    assert kremlin["confidence_rank"] == 1 and kremlin["confidence_label"] == "Certain"
    assert kremlin["statements"] == 1 and kremlin["articles"] == 1

    # Without the filter, the uncontested claim is there too, flagged as such.
    everything = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))
    kursk = [r for r in everything if r["claim"] == IN_KURSK]
    assert [(r["source"], r["contested"]) for r in kursk] == [("Kyiv", False)]
    table = cli_ok(capsys, "compare", seeded_path).splitlines()
    kursk_line = next(line for line in table if line.startswith(IN_KURSK))
    assert "yes" not in kursk_line


def test_compare_columns_follow_the_chosen_sources(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, seeded_path)
    table = cli_ok(capsys, "compare", seeded_path, "--source", "Kremlin", "Seoul").splitlines()
    assert table[0].split() == ["claim", "contested", "Kremlin", "Seoul"]
    status, _out, err = cli(capsys, "compare", seeded_path, "--source", "Nobody")
    assert status == 1
    assert err == "sourcetrack: unknown source(s): Nobody\n"


