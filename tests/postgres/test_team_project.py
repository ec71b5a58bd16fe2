"""A team project on a real PostgreSQL server: made, filled, tagged, exported, reopened."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import SEED, cli, cli_ok


def test_a_team_project_is_made_tagged_and_exported_on_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    cli_ok(None, "import", pg_url, SEED, "--outlet", "AFP", "--language", "fr")
    cli_ok(None, "tag", pg_url, 1, "--source", "Seoul", "--stance", "asserts",
           "--confidence", "Certain", "--claim", "North Korean troops are in Russia")  # fmt: skip
    cli_ok(None, "tag", pg_url, 4, "--source", "Kremlin", "--stance", "denies",
           "--claim", "North Korean troops are in Russia")  # fmt: skip
    target = tmp_path / "tags.csv"
    cli_ok(None, "export", pg_url, "-o", target)
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["statement_id"], r["source"], r["stance"]) for r in rows} == {
        ("1", "Seoul", "asserts"),
        ("4", "Kremlin", "denies"),
    }
    compared = cli_ok(None, "compare", pg_url, "--contradictions", "--format", "csv")
    assert "North Korean troops are in Russia" in compared


def test_a_database_that_is_not_empty_nor_a_project_is_refused(pg_url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(pg_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE stranger (id integer)")
    engine.dispose()
    status, _out, err = cli(None, "import", pg_url, SEED)
    assert status == 1 and "not a Sourcetrack project" in err
