"""Filters (`--source`, `--article`, …): naming nothing is refused; the matrix export applies them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from helpers import (
    cli,
    cli_ok,
)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "-o", "OUT", "--source", "Nope"],
         "unknown source(s): Nope (known: Kremlin, Kyiv, Seoul)"),
        (["export", "-o", "OUT", "--article", "99"], "no article with id 99"),
        (["export", "-o", "OUT", "--annotator", "nobody"],
         "no annotator called 'nobody' in this project"),
        (["export", "-o", "OUT", "--format", "matrix-csv", "--stance", "denies"],
         "--stance does not apply to the matrix (its cells show every stance)"),
        (["statements", "--source", "Nope"], "unknown source(s): Nope (known: Kremlin, Kyiv, Seoul)"),
        (["statements", "--article", "99"], "no article with id 99"),
    ],
)  # fmt: skip
def test_a_filter_naming_nothing_is_refused_not_taken_for_no_tags(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    arguments: list[str], message: str,
) -> None:  # fmt: skip
    out_file = tmp_path / "out.csv"
    arguments = [str(out_file) if a == "OUT" else a for a in arguments]
    status, out, err = cli(capsys, arguments[0], seeded_path, *arguments[1:])
    assert (status, out, err) == (1, "", f"sourcetrack: {message}\n")
    assert not out_file.exists()


def test_the_matrix_export_applies_the_article_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.sourcetrack"
    cli_ok(capsys, "demo", demo)
    every = tmp_path / "all.csv"
    cli_ok(capsys, "export", demo, "-o", every, "--format", "matrix-csv")
    one_outlet = tmp_path / "meridian.csv"
    cli_ok(capsys, "export", demo, "-o", one_outlet, "--format", "matrix-csv",
           "--outlet", "Meridian Wire")  # fmt: skip
    statements = json.loads(cli_ok(capsys, "articles", demo, "--format", "json"))
    meridian = [a["id"] for a in statements if a["outlet"] == "Meridian Wire"]
    by_article = tmp_path / "by-article.csv"
    cli_ok(capsys, "export", demo, "-o", by_article, "--format", "matrix-csv",
           *[x for i in meridian for x in ("--article", str(i))])  # fmt: skip

    def claims(path: Path) -> list[str]:
        return [r["claim"] for r in csv.DictReader(path.open(encoding="utf-8"))]

    assert 0 < len(claims(one_outlet)) < len(claims(every))
    assert claims(by_article) == claims(one_outlet)


