"""Must show 4: the JSON Lines export reads with pandas into the same rows as the CSV export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from helpers import EXPORT_HEADER, cli_ok

from app.domain.spreadsheet import restore
from app.services.demo import build_demo

NUMBERS = ("article_id", "statement_id", "ordinal", "start", "end", "confidence_rank")


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    project = tmp_path / "demo.sourcetrack"
    build_demo(project).close()
    # A note a spreadsheet would run: the CSV neutralises it, JSON Lines keeps it as it is.
    cli_ok(capsys, "tag", project, 1, "--source", "Kyiv", "--stance", "denies",
           "--note", "=1+1 « formule »", "--claim", "North Korean troops are in Russia")  # fmt: skip
    return project


def test_jsonl_reads_with_pandas_into_the_same_rows_as_the_csv(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path, jsonl_path = tmp_path / "tags.csv", tmp_path / "tags.jsonl"
    cli_ok(capsys, "export", demo, "-o", csv_path)
    cli_ok(capsys, "export", demo, "-o", jsonl_path, "--format", "jsonl")

    from_csv = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    from_json = pd.read_json(jsonl_path, lines=True, dtype=False)

    assert list(from_json.columns) == list(from_csv.columns) == EXPORT_HEADER
    assert len(from_json) == len(from_csv) == 31
    # Typed values: numbers are numbers, claims a list.
    for column in NUMBERS[:-1]:
        assert pd.api.types.is_integer_dtype(from_json[column]), column
    assert pd.api.types.is_numeric_dtype(from_json["confidence_rank"])
    assert all(isinstance(claims, list) for claims in from_json["claims"])
    assert from_json["note"].str.startswith("=").any()  # not neutralised in JSON

    # Written the CSV's way, every JSON row is the CSV row.
    as_csv = pd.DataFrame(
        {
            column: [_csv_cell(column, value) for value in from_json[column]]
            for column in EXPORT_HEADER
        }
    )
    restored = from_csv.map(restore)  # the CSV's formula guard taken off again
    pd.testing.assert_frame_equal(as_csv, restored)


def _csv_cell(column: str, value: object) -> str:
    if column == "claims":
        return "; ".join(value)  # type: ignore[arg-type]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if column in NUMBERS:
        return str(int(value))  # type: ignore[call-overload]
    return str(value)
