"""`mark` and `review`, and what `articles`, `statements`, `agreement`, `export` and `import-tags`
make of a statement marked "no source" and an article reviewed. Each test runs on SQLite and
on PostgreSQL (`seeded_path`: the seed article, statements 1–10, annotator "tester")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from engines import Location, Locations
from helpers import SEED, cli, cli_ok, database

from cli.common import statements_jsonl


def articles(capsys: pytest.CaptureFixture[str], location: Location, *options: str) -> list[dict]:
    return json.loads(cli_ok(capsys, "articles", location, "--format", "json", *options))


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


def refused_usage(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    """Run a command argparse refuses (status 2); its message."""
    with pytest.raises(SystemExit) as exited:
        cli(capsys, *args)
    assert exited.value.code == 2
    return capsys.readouterr().err


def marks(location: Location) -> list[tuple[int, int, str]]:
    """(start, end, annotator) of every mark, read with the plain driver."""
    with database(location) as conn:
        rows = conn.execute(
            'SELECT s.start, s."end", a.name FROM no_source_marks m'
            " JOIN statements s ON s.id = m.statement_id"
            " JOIN annotators a ON a.id = m.annotator_id ORDER BY 1, 3"
        ).fetchall()
    return [tuple(row) for row in rows]


# --- mark ---------------------------------------------------------------------------------------


def test_mark_and_clear_a_statement(
    seeded_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_ok(capsys, "mark", seeded_path, "4", "--no-source") == (
        "marked statement 4 no source (tester)\n"
    )
    assert cli_ok(capsys, "mark", seeded_path, "4", "--no-source") == (
        "statement 4 was marked no source already (tester)\n"
    )
    cli_ok(capsys, "mark", seeded_path, "4", "--no-source", "--annotator", "bob")
    assert cli_ok(capsys, "mark", seeded_path, "4", "--clear") == (
        "cleared the no-source mark of statement 4 (tester)\n"
    )
    status, out, err = cli(capsys, "mark", seeded_path, "4", "--clear")
    assert (status, out) == (1, "")
    assert err == (
        "sourcetrack: statement 4 has no no-source mark by tester to clear (it is marked by "
        "bob; give --annotator)\n"
    )
    assert [row[2] for row in marks(seeded_path)] == ["bob"]


def test_marking_a_statement_one_has_tagged_is_refused_and_tagging_clears_the_mark(
    seeded_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul")
    status, _out, err = cli(capsys, "mark", seeded_path, "1", "--no-source")
    assert status == 1
    assert err.startswith("sourcetrack: statement 1 carries this annotator's tag (Seoul)")
    assert marks(seeded_path) == []
    cli_ok(capsys, "mark", seeded_path, "2", "--no-source")
    cli_ok(capsys, "tag", seeded_path, "2", "--source", "Kyiv")  # a source speaks after all
    assert marks(seeded_path) == []
    status, _out, err = cli(capsys, "mark", seeded_path, "99", "--no-source")
    assert (status, err) == (1, "sourcetrack: no statement with id 99\n")
    assert "one of the arguments --no-source --clear is required" in refused_usage(
        capsys, "mark", seeded_path, "1"
    )


# --- review and the article list ------------------------------------------------------------------


def test_progress_reaches_every_statement_and_the_article_list_filters_on_it(
    seeded_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    for statement_id in (1, 2, 3):
        cli_ok(capsys, "tag", seeded_path, statement_id, "--source", "Seoul")
    for statement_id in range(4, 10):
        cli_ok(capsys, "mark", seeded_path, statement_id, "--no-source")
    (article,) = articles(capsys, seeded_path)
    assert {k: article[k] for k in ("statements", "tagged", "no_source", "judged", "reviewed")} == {
        "statements": 10, "tagged": 3, "no_source": 6, "judged": 9, "reviewed": [],
    }  # fmt: skip
    assert ids(articles(capsys, seeded_path, "--unfinished")) == [1]
    cli_ok(capsys, "mark", seeded_path, "10", "--no-source")
    assert articles(capsys, seeded_path)[0]["judged"] == 10
    assert articles(capsys, seeded_path, "--unfinished") == []

    assert ids(articles(capsys, seeded_path, "--unreviewed")) == [1]
    assert cli_ok(capsys, "review", seeded_path, "1") == (
        "article 1 reviewed by tester (10/10 statements judged)\n"
    )
    assert "already" in cli_ok(capsys, "review", seeded_path, "1")
    assert ids(articles(capsys, seeded_path, "--reviewed")) == [1]
    assert articles(capsys, seeded_path)[0]["reviewed"] == ["tester"]
    table = cli_ok(capsys, "articles", seeded_path)
    assert table.splitlines()[0].split()[5:10] == [
        "statements", "tagged", "no_source", "judged", "reviewed",
    ]  # fmt: skip
    assert table.splitlines()[2].split()[-4:] == ["3", "7", "10", "tester"]

    # Another annotator's progress and review are their own.
    cli_ok(capsys, "mark", seeded_path, "5", "--no-source", "--annotator", "bob")
    (bobs,) = articles(capsys, seeded_path, "--annotator", "bob")
    assert (bobs["tagged"], bobs["no_source"], bobs["judged"], bobs["reviewed"]) == (0, 1, 1, [])
    assert ids(articles(capsys, seeded_path, "--unfinished", "--annotator", "bob")) == [1]
    assert ids(articles(capsys, seeded_path, "--reviewed", "--annotator", "bob")) == []

    assert cli_ok(capsys, "review", seeded_path, "1", "--clear") == (
        "article 1 is no longer reviewed by tester\n"
    )
    status, _out, err = cli(capsys, "review", seeded_path, "1", "--clear")
    assert (status, err) == (1, "sourcetrack: article 1 is not reviewed by tester\n")
    status, _out, err = cli(capsys, "review", seeded_path, "7")
    assert (status, err) == (1, "sourcetrack: no article with id 7\n")
    status, _out, err = cli(capsys, "articles", seeded_path, "--annotator", "nobody")
    assert (status, err) == (1, "sourcetrack: no annotator called 'nobody' in this project\n")
    assert "not allowed with" in refused_usage(
        capsys, "articles", seeded_path, "--reviewed", "--unreviewed"
    )


# --- statements ---------------------------------------------------------------------------------


def test_statements_untagged_leaves_out_the_no_source_ones(
    seeded_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul")
    cli_ok(capsys, "mark", seeded_path, "2", "--no-source")
    cli_ok(capsys, "mark", seeded_path, "3", "--no-source", "--annotator", "bob")
    assert ids(statements_jsonl(capsys, seeded_path, "--untagged")) == list(range(4, 11))
    mine = statements_jsonl(capsys, seeded_path, "--untagged", "--annotator", "tester")
    assert ids(mine) == [3, *range(4, 11)]  # bob's judgement is not tester's
    narration = statements_jsonl(capsys, seeded_path, "--no-source")
    assert [(row["id"], row["no_source"], row["tags"]) for row in narration] == [
        (2, ["tester"], []),
        (3, ["bob"], []),
    ]
    assert ids(statements_jsonl(capsys, seeded_path, "--no-source", "--annotator", "bob")) == [3]
    table = cli_ok(capsys, "statements", seeded_path, "--no-source", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(row["id"], row["no_source"]) for row in rows] == [("2", "tester"), ("3", "bob")]
    status, _out, err = cli(capsys, "statements", seeded_path, "--untagged", "--annotator", "x")
    assert (status, err) == (1, "sourcetrack: no annotator called 'x' in this project\n")
    assert "not allowed with" in refused_usage(
        capsys, "statements", seeded_path, "--untagged", "--no-source"
    )


# --- agreement ----------------------------------------------------------------------------------


def test_a_statement_tagged_by_one_and_marked_no_source_by_another_is_a_unit(
    seeded_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    """ana tags statement 1 (Seoul), bob marks it no source: a unit where their presence of
    Seoul disagrees. Both tag statement 2 (Seoul): a unit where it agrees. Statement 3 only ana
    judged (no source): no unit."""
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul", "--annotator", "ana")
    cli_ok(capsys, "mark", seeded_path, "1", "--no-source", "--annotator", "bob")
    for who in ("ana", "bob"):
        cli_ok(capsys, "tag", seeded_path, "2", "--source", "Seoul", "--annotator", who)
    cli_ok(capsys, "mark", seeded_path, "3", "--no-source", "--annotator", "ana")
    rows = json.loads(
        cli_ok(capsys, "agreement", seeded_path, "--annotator", "ana", "bob", "--format", "json")
    )

    def figure(axis: str, source: str | None, metric: str) -> dict:
        (found,) = [
            r for r in rows if (r["axis"], r["source"], r["metric"]) == (axis, source, metric)
        ]
        return found

    presence = figure("presence", "Seoul", "percent_agreement")
    assert (presence["units"], presence["value"]) == (2, 50.0)
    alpha = figure("presence", "Seoul", "alpha_nominal")
    expected = krippendorff.alpha(
        reliability_data=np.array([[1, 1], [0, 1]], dtype=float), level_of_measurement="nominal"
    )
    assert alpha["units"] == 2 and alpha["value"] == pytest.approx(expected)
    # No one tagged Kyiv on either unit: absent for both, in agreement.
    kyiv = figure("presence", "Kyiv", "percent_agreement")
    assert (kyiv["units"], kyiv["value"]) == (2, 100.0)
    # Stance is compared where both tagged Seoul: statement 2 only.
    assert figure("stance", "Seoul", "percent_agreement")["units"] == 1
    header = cli_ok(capsys, "agreement", seeded_path).splitlines()[0]
    assert header.startswith("2 annotators (ana, bob); 2 statements judged by two or more")


# --- export and import-tags ---------------------------------------------------------------------


def _export(capsys: pytest.CaptureFixture[str], location: Location, target: Path) -> list[dict]:
    cli_ok(capsys, "export", location, "-o", target)
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))


def test_the_csv_shows_no_source_marks_and_import_tags_brings_them_back(
    seeded_path: Location,
    locations: Locations,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul", "--claim", "Troops in Russia")
    cli_ok(capsys, "mark", seeded_path, "1", "--no-source", "--annotator", "bob")
    cli_ok(capsys, "mark", seeded_path, "2", "--no-source")
    rows = _export(capsys, seeded_path, tmp_path / "tags.csv")
    assert [(r["statement_id"], r["source"], r["stance"], r["annotator"]) for r in rows] == [
        ("1", "Seoul", "asserts", "tester"),
        ("1", "", "no source", "bob"),  # after the statement's tags
        ("2", "", "no source", "tester"),
    ]
    assert rows[1]["claims"] == "Troops in Russia"  # the statement's claims, as on its tags
    assert (rows[2]["confidence_label"], rows[2]["note"], rows[2]["origin"]) == ("", "", "")
    # A filter on a source or a stance leaves marks out; on an annotator, keeps theirs.
    kept = tmp_path / "seoul.csv"
    cli_ok(capsys, "export", seeded_path, "-o", kept, "--source", "Seoul")
    assert "no source" not in kept.read_text(encoding="utf-8")
    cli_ok(capsys, "export", seeded_path, "-o", kept, "--annotator", "bob")
    assert [r["stance"] for r in csv.DictReader(io.StringIO(kept.read_text("utf-8")))] == [
        "no source"
    ]
    jsonl = tmp_path / "tags.jsonl"
    cli_ok(capsys, "export", seeded_path, "-o", jsonl, "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert (records[1]["source"], records[1]["stance"], records[1]["origin"]) == (
        None, "no source", None,
    )  # fmt: skip

    other = locations.new("other")
    cli_ok(capsys, "import", other, SEED)
    out = cli_ok(capsys, "import-tags", other, tmp_path / "tags.csv")
    assert out.startswith("3 rows: 3 added, 0 updated, 0 unchanged")
    assert marks(other) == marks(seeded_path)
    assert _export(capsys, other, tmp_path / "again.csv") == rows  # the same file back
    out = cli_ok(capsys, "import-tags", other, tmp_path / "tags.csv")
    assert out.startswith("3 rows: 0 added, 0 updated, 3 unchanged")  # nothing twice


def test_import_tags_keeps_the_rule_between_a_tag_and_a_mark(
    seeded_path: Location, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul")
    cli_ok(capsys, "mark", seeded_path, "2", "--no-source")
    rows = _export(capsys, seeded_path, tmp_path / "tags.csv")
    # The same file, read where tester has since marked 1 and tagged 2 the other way round.
    cli_ok(capsys, "tag", seeded_path, "1", "--source", "Seoul", "--remove")
    cli_ok(capsys, "mark", seeded_path, "1", "--no-source")
    cli_ok(capsys, "mark", seeded_path, "2", "--clear")
    cli_ok(capsys, "tag", seeded_path, "2", "--source", "Kyiv")
    out = cli_ok(capsys, "import-tags", seeded_path, tmp_path / "tags.csv")
    # The tag row takes the mark off 1; the mark row on 2 gives way to the tag there.
    assert out.startswith("2 rows: 1 added, 0 updated, 0 unchanged, 1 kept")
    statements = {row["id"]: row for row in statements_jsonl(capsys, seeded_path)}
    assert [t["source"] for t in statements[1]["tags"]] == ["Seoul"]
    assert statements[1]["no_source"] == [] and statements[2]["no_source"] == []
    assert [t["source"] for t in statements[2]["tags"]] == ["Kyiv"]

    # A "no source" row names no source and gives no level nor note.
    header = list(rows[0])
    for change, message in (
        ({"source": "Seoul"}, "names no source"),
        ({"confidence_label": "Certain"}, "has no confidence_label"),
        ({"note": "vu"}, "has no note"),
    ):
        bad = tmp_path / "bad.csv"
        with bad.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header)
            writer.writeheader()
            writer.writerow({**rows[1], **change})
        status, _out, err = cli(capsys, "import-tags", seeded_path, bad)
        assert status == 1 and message in err, err
