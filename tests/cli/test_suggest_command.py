"""`suggest` on the command line: JSON Lines rows and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import article_body, cli, cli_ok

JSONL_FIELDS = ["statement_id", "source", "stance", "confidence", "score", "evidence"]


# --- command line -----------------------------------------------------------------------------


def test_cli_jsonl_rows(seeded_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli_ok(capsys, "suggest", seeded_path, "--article", 1, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 6
    body = article_body(seeded_path, 1)
    for row in rows:
        assert list(row) == JSONL_FIELDS
        assert row["stance"] in {"asserts", "denies", "neutral"}
        assert row["confidence"] in {"Certain", "Probable", "Possible", "Unknown"}
        assert 0 < row["score"] <= 1
        assert row["evidence"] and all(list(e) == ["text", "start", "end"] for e in row["evidence"])
        assert all(body[e["start"] : e["end"]] == e["text"] for e in row["evidence"])
    status, out, err = cli(capsys, "suggest", seeded_path, "--format", "jsonl", "--apply")
    assert status == 0 and len(out.splitlines()) == 6
    assert all(json.loads(line) for line in out.splitlines())  # the summary went to stderr
    assert err.startswith("applied: 6 created")


def test_cli_refuses_an_unknown_article(seeded_path: Path, capsys: pytest.CaptureFixture[str]):
    status, out, err = cli(capsys, "suggest", seeded_path, "--article", 99)
    assert (status, out) == (1, "")
    assert err == "sourcetrack: no article with id 99\n"


