"""`demo`: a tagged project, never written over another file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    article_body,
    cli,
    cli_ok,
    project_fingerprint,
    row_counts,
)

from cli.common import (
    statements_jsonl,
)

# --- demo ---------------------------------------------------------------------------------------


def test_demo_writes_a_tagged_project_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sourcetrack"
    out = cli_ok(capsys, "demo", path)
    assert out.startswith(f"wrote {path}: 4 articles, ")
    counts = row_counts(path)
    assert counts["articles"] == 4
    assert counts["attributions"] >= 30
    assert counts["claims"] >= 1

    articles = json.loads(cli_ok(capsys, "articles", path, "--format", "json"))
    assert len(articles) == 4
    assert {a["language"] for a in articles} == {"fr", "en"}
    for article in articles:
        body = article_body(path, article["id"])
        rows = statements_jsonl(capsys, path, "--article", str(article["id"]))
        assert len(rows) == article["statements"] > 0
        assert all(r["text"] == body[r["start"] : r["end"]] for r in rows)

    contested = json.loads(cli_ok(capsys, "compare", path, "--contradictions", "--format", "json"))
    assert contested
    for claim in {r["claim"] for r in contested}:
        stances = {r["stance"] for r in contested if r["claim"] == claim}
        assert stances & {"asserts", "mixed"} and stances & {"denies", "mixed"}

    before = project_fingerprint(path)
    status, out, err = cli(capsys, "demo", path)
    assert status == 1 and out == ""
    assert err == f"sourcetrack: {path} exists already; the demo is only written to a new file\n"
    assert project_fingerprint(path) == before

    other = tmp_path / "notes.txt"
    other.write_text("mes notes", encoding="utf-8")
    status, _out, _err = cli(capsys, "demo", other)
    assert status == 1
    assert other.read_text(encoding="utf-8") == "mes notes"


