"""`sources`: add, alias, list, rename."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    cli,
    cli_ok,
    row_counts,
)

from cli.common import (
    statement_containing,
    statements_jsonl,
    tag_seed,
)

# --- sources ------------------------------------------------------------------------------------


def sources_table(capsys: pytest.CaptureFixture[str], path: Path) -> list[list[str]]:
    lines = cli_ok(capsys, "sources", path, "list").splitlines()
    return [line.split() for line in lines[2:]]


def test_sources_add_alias_and_list(seeded_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert [row[1] for row in sources_table(capsys, seeded_path)] == ["Seoul", "Kyiv", "Kremlin"]
    out = cli_ok(
        capsys,
        "sources",
        seeded_path,
        "add",
        "NIS",
        "--parent",
        "Seoul",
        "--reliability",
        "b",
        "--colour",
        "#123456",
        "--description",
        "renseignement",
    )
    assert out == "added source NIS\n"
    out = cli_ok(capsys, "sources", seeded_path, "alias", "NIS", "services secrets sud-coréens", "NIS")
    assert out == "added 2 alias(es) to NIS (fr)\n"
    out = cli_ok(capsys, "sources", seeded_path, "alias", "NIS", "NIS")
    assert out == "added 0 alias(es) to NIS (fr)\n"
    listing = cli_ok(capsys, "sources", seeded_path)  # list is the default action
    nis = next(line for line in listing.splitlines() if line.split()[1] == "NIS")
    assert nis.split()[2:5] == ["#123456", "Seoul", "B"]
    assert nis.endswith("fr: services secrets sud-coréens, NIS")
    out = cli_ok(capsys, "sources", seeded_path, "alias", "NIS", "NIS", "--remove")
    assert out == "removed 1 alias(es) from NIS\n"

    # The new source can tag at once.
    cli_ok(capsys, "tag", seeded_path, "8", "--source", "NIS", "--confidence", "Possible")
    assert [r["id"] for r in statements_jsonl(capsys, seeded_path, "--source", "NIS")] == [8]


def test_rename_keeps_every_tag(seeded_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tag_seed(capsys, seeded_path)
    counts_before = row_counts(seeded_path)
    before = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))

    out = cli_ok(capsys, "sources", seeded_path, "rename", "Kremlin", "Moscou (Kremlin)")
    assert out == "renamed Kremlin to Moscou (Kremlin); its tags follow\n"

    after = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))

    def renamed(record: dict[str, Any]) -> dict[str, Any]:
        if record["source"] == "Kremlin":
            return {**record, "source": "Moscou (Kremlin)"}
        return record

    assert after == [renamed(r) for r in before]
    assert any(r["source"] == "Moscou (Kremlin)" and r["stance"] == "denies" for r in after)
    assert not any(r["source"] == "Kremlin" for r in after)
    table = cli_ok(capsys, "compare", seeded_path, "--contradictions")
    assert "Moscou (Kremlin)" in table.splitlines()[0]
    assert "denies · Certain · 1 statement" in table
    assert row_counts(seeded_path) == counts_before

    presence = statement_containing(capsys, seeded_path, "le Kremlin continue de nier")
    tagged = statements_jsonl(capsys, seeded_path, "--source", "Moscou (Kremlin)")
    assert [r["id"] for r in tagged] == [presence]
    status, _out, err = cli(capsys, "statements", seeded_path, "--source", "Kremlin")
    assert status == 1 and "unknown source(s): Kremlin (known: Kyiv, Moscou (Kremlin)" in err
    names = [row[1] for row in sources_table(capsys, seeded_path)]
    assert names[:2] == ["Seoul", "Kyiv"] and "Kremlin" not in names


def test_rename_to_a_different_case_is_allowed(
    seeded_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, seeded_path)
    cli_ok(capsys, "sources", seeded_path, "rename", "Seoul", "SEOUL")
    records = json.loads(cli_ok(capsys, "compare", seeded_path, "--format", "json"))
    assert {r["source"] for r in records} == {"SEOUL", "Kyiv", "Kremlin"}


