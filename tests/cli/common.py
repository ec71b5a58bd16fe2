"""Helpers shared by the command-line tests (driven in-process through `app.main.main`)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from engines import Location
from helpers import cli_ok

IN_RUSSIA = "North Korean troops are in Russia"
IN_KURSK = "North Korean troops fight in Kursk"


def statements_jsonl(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> list[dict]:
    out = cli_ok(capsys, "statements", path, "--format", "jsonl", *extra)
    return [json.loads(line) for line in out.splitlines()]


def statement_containing(capsys: pytest.CaptureFixture[str], path: Path, needle: str) -> int:
    ids = [r["id"] for r in statements_jsonl(capsys, path) if needle in r["text"]]
    assert len(ids) == 1, needle
    return ids[0]


def export_text(capsys: pytest.CaptureFixture[str], path: Location) -> str:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.csv"
        cli_ok(capsys, "export", path, "-o", target)
        return target.read_text(encoding="utf-8-sig")


def tag_seed(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, int]:
    """Seoul asserts and the Kremlin denies one claim; Kyiv alone asserts another."""
    presence = statement_containing(capsys, path, "le Kremlin continue de nier")
    kursk = statement_containing(capsys, path, "région de Koursk")
    cli_ok(
        capsys,
        "tag",
        path,
        presence,
        "--source",
        "Seoul",
        "--confidence",
        "Certain",
        "--claim",
        IN_RUSSIA,
    )
    cli_ok(
        capsys,
        "tag",
        path,
        presence,
        "--source",
        "Kremlin",
        "--stance",
        "denies",
        "--confidence",
        "1",
        "--claim",
        IN_RUSSIA,
        "--note",
        "continue de nier",
    )
    cli_ok(
        capsys,
        "tag",
        path,
        kursk,
        "--source",
        "Kyiv",
        "--confidence",
        "Probable",
        "--claim",
        IN_KURSK,
        "--claim",
        IN_RUSSIA,
    )
    return {"presence": presence, "kursk": kursk}

