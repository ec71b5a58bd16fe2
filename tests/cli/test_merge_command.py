"""`sourcetrack merge`: two coders' copies of the demo merged into one project agree as their own
exports say they do, computed apart with pandas and the `krippendorff` package."""

from __future__ import annotations

import json
import random
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest
from engines import Location, Locations
from helpers import cli, cli_ok, project_fingerprint, row_counts

from app.services.project import Project
from app.services.tagging import tag_statement
from cli.common import statements_jsonl

SOURCES = ("Seoul", "Kyiv", "Kremlin")
STANCES = ("asserts", "denies", "neutral")
LEVELS = ("Certain", "Probable", "Possible", "Unknown")
STANCE_CODES = {"asserts": 1, "denies": 2, "neutral": 3}


def tag_copies(capsys: pytest.CaptureFixture[str], ana: Location, bob: Location) -> None:
    """ana tags 30 of the demo's statements; bob 24 of those, now as she did, now not (another
    stance, another level, a source more or less), and 5 statements she left alone."""
    ids = [row["id"] for row in statements_jsonl(capsys, ana)]
    rng = random.Random(15)
    chosen = rng.sample(ids, 35)
    hers, his_own = chosen[:30], chosen[30:]
    plan: dict[str, list[tuple[int, str, str, str]]] = {"ana": [], "bob": []}
    for n, statement in enumerate(hers):
        tags = [
            (statement, source, rng.choice(STANCES), rng.choice(LEVELS))
            for source in rng.sample(SOURCES, rng.choice((1, 1, 2)))
        ]
        plan["ana"].extend(tags)
        if n >= 24:
            continue
        for statement_id, source, stance, level in tags:
            if rng.random() < 0.15:
                continue  # bob does not see this source speak
            if rng.random() < 0.25:
                stance = rng.choice(STANCES)
            if rng.random() < 0.3:
                level = rng.choice(LEVELS)
            plan["bob"].append((statement_id, source, stance, level))
        if rng.random() < 0.2:
            others = [s for s in SOURCES if s not in {t[1] for t in tags}]
            plan["bob"].append((statement, rng.choice(others), "asserts", "Possible"))
    plan["bob"].extend((s, "Seoul", "asserts", "Probable") for s in his_own)
    for location, who in ((ana, "ana"), (bob, "bob")):
        with Project.open(location) as project:
            for statement_id, source, stance, level in plan[who]:
                tag_statement(project, statement_id, source, stance=stance, confidence=level,
                              annotator=who)  # fmt: skip


def expected_alphas(exports: list[Path]) -> dict[tuple[str, str | None, str], tuple[float, int]]:
    """Krippendorff's α of ana and bob for each axis and source (None: all sources), with its
    number of units, from their CSV exports alone."""
    rows = pd.concat([pd.read_csv(path, encoding="utf-8-sig") for path in exports])
    # A statement, in any project holding the article: its article and offsets.
    rows["unit"] = (
        rows["article_title"] + "|" + rows["start"].astype(str) + "|" + rows["end"].astype(str)
    )
    coders = sorted(rows["annotator"].unique())
    judged = rows.groupby("unit")["annotator"].nunique()
    units = judged[judged == len(coders)].index  # a statement both judged is a unit
    tags = rows[rows["unit"].isin(units) & rows["source"].notna()]
    figures: dict[tuple[str, str | None, str], tuple[float, int]] = {}
    tagged = tags.assign(present=1).pivot_table(
        index=["unit", "source"], columns="annotator", values="present", aggfunc="max"
    )
    every_pair = pd.MultiIndex.from_product([units, list(SOURCES)], names=["unit", "source"])
    presence = tagged.reindex(every_pair).fillna(0)
    stance = tags.pivot(index=["unit", "source"], columns="annotator", values="stance")
    stance = stance.dropna().apply(lambda column: column.map(STANCE_CODES)).astype(float)
    rank = tags.pivot(index=["unit", "source"], columns="annotator", values="confidence_rank")
    rank = rank.dropna().astype(float)
    for axis, table, levels in (
        ("presence", presence, ("nominal",)),
        ("stance", stance, ("nominal",)),
        ("confidence", rank, ("ordinal", "nominal")),
    ):
        for source in (*SOURCES, None):
            part = table if source is None else table.xs(source, level="source")
            if len(part) < 2 or len(np.unique(part[coders].to_numpy())) < 2:
                continue  # α is undefined where every value is alike
            data = part[coders].to_numpy().T
            for level in levels:
                alpha = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
                figures[(axis, source, f"alpha_{level}")] = (alpha, len(part))
    return figures


def test_merged_copies_agree_as_their_exports_say(
    demo: Location, locations: Locations, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ana, bob = locations.copy(demo, "ana"), locations.copy(demo, "bob")
    tag_copies(capsys, ana, bob)
    exports = [tmp_path / "ana.csv", tmp_path / "bob.csv"]
    for location, who, path in ((ana, "ana", exports[0]), (bob, "bob", exports[1])):
        cli_ok(capsys, "export", location, "-o", path, "--annotator", who)

    out = cli_ok(capsys, "merge", demo, ana, bob)
    assert out.splitlines()[-1].startswith("merged into ")
    report = json.loads(cli_ok(capsys, "agreement", demo, "--annotator", "ana", "bob",
                               "--format", "json"))  # fmt: skip
    measured = {
        (f["axis"], f["source"], f["metric"]): (f["value"], f["units"])
        for f in report
        if f["metric"].startswith("alpha") and f["article_id"] is None
    }
    expected = expected_alphas(exports)
    assert len(expected) >= 10  # every axis, per source and over all of them
    for key, (alpha, units) in expected.items():
        value, counted = measured[key]
        assert counted == units, key
        assert value == pytest.approx(alpha, abs=1e-9), key
    assert {key for key, (value, _units) in measured.items() if value is not None} == set(expected)


def test_merge_reports_and_merging_again_adds_nothing(
    demo: Location, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = locations.copy(demo, "ana")
    first = statements_jsonl(capsys, ana)[0]["id"]
    cli_ok(capsys, "tag", ana, first, "--source", "Seoul", "--stance", "denies",
           "--claim", "A claim of ana's", "--note", "à revoir", "--annotator", "ana")  # fmt: skip
    lines = cli_ok(capsys, "merge", demo, ana).splitlines()
    assert lines[0].endswith(
        "(ana, demo): 4 of 4 articles matched; 1 tag added, 30 unchanged, 0 conflicting; "
        "1 claim link, 0 no-source marks, 0 reviews added"
    )
    assert "  new annotators: ana" in lines and "  new claims: A claim of ana's" in lines
    counts = row_counts(demo)
    again = cli_ok(capsys, "merge", demo, ana, "--format", "json")
    (copy,) = json.loads(again)["copies"]
    assert (copy["tags_added"], copy["tags_unchanged"], copy["conflicts"]) == (0, 31, [])
    assert json.loads(again)["written"] is False and row_counts(demo) == counts
    # ana changes her mind in the copy: the target's tag is kept, and the conflict said.
    cli_ok(capsys, "tag", ana, first, "--source", "Seoul", "--stance", "asserts",
           "--annotator", "ana")  # fmt: skip
    lines = cli_ok(capsys, "merge", demo, ana).splitlines()
    assert "0 tags added, 30 unchanged, 1 conflicting" in lines[0]
    assert lines[1].startswith("  tag differs: '") and lines[1].endswith(
        ", ana, Seoul: ana's Seoul tag differs: the target says denies, note 'à revoir', the "
        "copy asserts, note 'à revoir'; the target's is kept"
    )
    assert lines[-1].startswith("nothing to add to ")


def test_a_refused_merge_writes_nothing(
    demo: Location, locations: Locations, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ana = locations.copy(demo, "ana")
    cli_ok(capsys, "tag", ana, 1, "--source", "Kyiv", "--annotator", "ana")
    before = project_fingerprint(demo)
    status, out, err = cli(capsys, "merge", demo, ana, tmp_path / "missing.sourcetrack")
    assert (status, out) == (1, "") and err.startswith("sourcetrack: no project at ")
    status, _out, err = cli(capsys, "merge", demo, demo)
    assert status == 1 and err.endswith("is the target itself, not a copy\n")
    status, _out, err = cli(capsys, "merge", demo, ana, "--annotator", "zoe")
    assert status == 1 and "no annotator called 'zoe' in that copy" in err
    out = cli_ok(capsys, "merge", demo, ana, "--dry-run")
    assert "1 tag added" in out and out.splitlines()[-1].startswith("dry run: nothing was written")
    assert project_fingerprint(demo) == before


def test_merge_reports_its_conflicts_in_json(
    demo: Location, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = locations.copy(demo, "ana")
    first = statements_jsonl(capsys, ana)[0]["id"]
    cli_ok(capsys, "tag", demo, first, "--source", "Seoul", "--stance", "denies",
           "--note", "vu", "--annotator", "ana")  # fmt: skip
    cli_ok(capsys, "tag", ana, first, "--source", "Seoul", "--stance", "asserts",
           "--annotator", "ana")  # fmt: skip
    (copy,) = json.loads(cli_ok(capsys, "merge", demo, ana, "--format", "json"))["copies"]
    (conflict,) = copy["conflicts"]
    assert (conflict["kind"], conflict["annotator"], conflict["source"]) == (
        "tag differs", "ana", "Seoul",
    )  # fmt: skip
    assert conflict["reason"] == (
        "ana's Seoul tag differs: the target says denies, note 'vu', the copy asserts; the "
        "target's is kept"
    )
