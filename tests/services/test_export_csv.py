"""Exports (CSV, Excel CSV, JSON Lines): header, accents, formulas, filters."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from engines import is_url
from helpers import (
    EXPORT_HEADER,
    SEED_TITLE,
    database,
    row_counts,
)

from app.domain.spreadsheet import neutralise, restore, would_run
from services.export_data import (
    ACCENT_TITLE,
    CLAIMS,
    FORMULA_TITLES,
    NOTES,
    TRIGGERS,
    export,
    read_csv_rows,
)

# --- the CSV: header, accents, formulas -------------------------------------------------------


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_csv_reads_back_with_every_accent(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], excel: bool
) -> None:
    out = export(capsys, rich_path, tmp_path / "tags.csv", *(["--excel"] if excel else []))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == excel
    header_line = ",".join(EXPORT_HEADER).encode() + (b"\r\n" if excel else b"\n")
    assert raw.removeprefix(b"\xef\xbb\xbf").startswith(header_line)
    assert raw.count(b"\xef\xbb\xbf") == (1 if excel else 0)
    raw.decode("utf-8")  # the whole file is UTF-8

    rows = read_csv_rows(out, excel=excel)
    assert rows[0] == EXPORT_HEADER
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == row_counts(rich_path)["attributions"]

    titles = {restore(r["article_title"]) for r in records}
    assert ACCENT_TITLE in titles and SEED_TITLE in titles
    assert set(FORMULA_TITLES) <= titles
    by_text = {restore(r["statement_text"]) for r in records}
    assert "Le Kremlin, déçu, a démenti ; ça n’a rien changé à Koursk." in by_text
    assert "Mais l’été « brûlant » a commencé ; ça se voit très bien, près de la frontière." in (
        by_text
    )
    notes = {restore(r["note"]) for r in records}
    assert set(NOTES) <= notes
    assert "« nier » l’été, ç è é" in notes
    assert {restore(r["outlet"]) for r in records} == {"", "Le Fígaro « été »"}
    claims = {c for r in records for c in restore(r["claims"]).split("; ") if c}
    assert claims == set(CLAIMS)
    for accent in "éèç’«»":
        assert any(accent in r["article_title"] for r in records), accent
        assert any(accent in r["statement_text"] for r in records), accent
        assert any(accent in r["note"] for r in records), accent

    # Each statement text is the body slice its offsets name.
    with database(rich_path) as conn:
        bodies = dict(conn.execute("SELECT id, body FROM articles"))
    for r in records:
        body = bodies[int(r["article_id"])]
        assert restore(r["statement_text"]) == body[int(r["start"]) : int(r["end"])]

    # pandas reads the same cells.
    frame = pd.read_csv(
        out, encoding="utf-8-sig" if excel else "utf-8", dtype=str, keep_default_na=False
    )
    assert list(frame.columns) == EXPORT_HEADER
    assert frame.to_dict("records") == records
    typed = pd.read_csv(out, encoding="utf-8-sig" if excel else "utf-8")
    for column in ("article_id", "statement_id", "ordinal", "start", "end"):
        assert pd.api.types.is_integer_dtype(typed[column]), column


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_no_cell_would_run_as_a_formula(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], excel: bool
) -> None:
    # Titles, outlets and urls can only be given such values by editing the metadata; do it in
    # the database, each trigger after leading spaces too.
    hostile = [f"{spaces}{t}cmd é" for t in TRIGGERS for spaces in ("", "  ")]
    with database(rich_path) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        for i, article_id in enumerate(ids):
            conn.execute(
                "UPDATE articles SET title = ?, outlet = ?, url = ? WHERE id = ?",
                (hostile[i], hostile[-1 - i], hostile[(i + 3) % len(hostile)], article_id),
            )
        conn.commit()
    out = export(capsys, rich_path, tmp_path / "tags.csv", *(["--excel"] if excel else []))
    rows = read_csv_rows(out, excel=excel)
    cells = [cell for row in rows for cell in row]
    offenders = [c for c in cells if c.lstrip(" ").startswith(TRIGGERS)]
    assert offenders == []
    assert not any(would_run(c) for c in cells)

    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {restore(r["article_title"]) for r in records} == set(hostile[: len(ids)])
    # The hyperlink note comes out as text, and reads back as the note it was.
    link = [r["note"] for r in records if "HYPERLINK" in r["note"]]
    assert link and all(cell == "'" + '=HYPERLINK("http://x","y")' for cell in link)
    by_note = {restore(r["note"]) for r in records}
    for note in NOTES:
        assert note in by_note
    sources = {r["source"] for r in records}
    assert "'=Pyongyang" in sources
    assert {r["annotator"] for r in records} >= {"'+alice", "' @bob", "tester"}


def test_matrix_csv_is_neutralised_too(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(capsys, rich_path, tmp_path / "matrix.csv", "--format", "matrix-csv")
    rows = read_csv_rows(out)
    assert rows[0][:3] == ["claim_id", "claim", "contested"]
    assert "'=Pyongyang" in rows[0]
    cells = [cell for row in rows for cell in row]
    assert not any(would_run(c) for c in cells)
    assert {restore(row[1]) for row in rows[1:]} == set(CLAIMS)


NEUTRALISE_CASES = [
    "",
    "texte",
    "'",
    "''",
    "'=",
    "' =1",
    "  'x",
    " ",
    "é=1",
    "1-2",
    "a@b",
    "=",
    "==1",
    "\t",
    "\r\n",
    "\n=1",
    "« =1 »",
    *(f"{pad}{t}{rest}" for t in TRIGGERS for pad in ("", " ", "   ") for rest in ("", "1", "x=y")),
    *(f"'{t}1" for t in TRIGGERS),
    *(f"''{t}" for t in TRIGGERS),
]


@pytest.mark.parametrize("text", NEUTRALISE_CASES)
def test_neutralise_is_exactly_reversible(text: str) -> None:
    cell = neutralise(text)
    assert restore(cell) == text
    assert not would_run(cell)
    if not would_run(text) and not text.startswith("'"):
        assert cell == text  # harmless text is left alone


# --- JSON Lines -------------------------------------------------------------------------------

INTEGER_COLUMNS = ("article_id", "statement_id", "ordinal", "start", "end")


def test_jsonl_holds_the_same_rows_as_the_csv(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = export(capsys, rich_path, tmp_path / "tags.csv")
    jsonl_path = export(capsys, rich_path, tmp_path / "tags.jsonl", "--format", "jsonl")

    rows = read_csv_rows(csv_path)
    csv_records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    lines = jsonl_path.read_text(encoding="utf-8").splitlines()
    json_records = [json.loads(line) for line in lines]
    assert len(json_records) == len(csv_records) > 10
    assert all(list(r) == EXPORT_HEADER for r in json_records)

    frame = pd.read_json(io.StringIO("\n".join(lines)), lines=True, dtype=False)
    assert list(frame.columns) == EXPORT_HEADER
    assert len(frame) == len(csv_records)
    for column in INTEGER_COLUMNS:
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert pd.api.types.is_numeric_dtype(frame["confidence_rank"])
    assert all(isinstance(c, list) for c in frame["claims"])

    for csv_row, json_row, (_, frame_row) in zip(
        csv_records, json_records, frame.iterrows(), strict=True
    ):
        for column in EXPORT_HEADER:
            value, cell = json_row[column], csv_row[column]
            if column == "claims":
                assert value == (restore(cell).split("; ") if cell else [])
                assert list(frame_row[column]) == value
            elif column in (*INTEGER_COLUMNS, "confidence_rank"):
                assert value == (int(cell) if cell else None), column
                assert value is None or isinstance(value, int)
                if value is not None:
                    assert frame_row[column] == value
            else:
                assert ("" if value is None else value) == restore(cell), column
    # JSON is not neutralised: formulas are plain text there.
    notes = {r["note"] for r in json_records}
    assert '=HYPERLINK("http://x","y")' in notes
    assert "\r=retour" in notes


def test_export_filters(rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(
        capsys, rich_path, tmp_path / "kremlin.csv", "--source", "Kremlin", "--stance", "denies"
    )
    rows = read_csv_rows(out)[1:]
    assert rows and all(r[10] == "Kremlin" and r[11] == "denies" for r in rows)
    out = export(
        capsys, rich_path, tmp_path / "dated.csv", "--from", "2024-11-01", "--to", "2024-11-30"
    )
    rows = read_csv_rows(out)[1:]
    assert rows and all(r[3] == "2024-11-05" for r in rows)
    assert SEED_TITLE not in {r[1] for r in rows}


def test_the_shared_project_is_intact(rich: tuple[Path, list[Path]]) -> None:
    # A guard for the copies the tests above work on: the project is whole and unmodified.
    if not is_url(rich[0]):
        with database(rich[0]) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    counts = row_counts(rich[0])
    assert counts["articles"] == 1 + 1 + len(FORMULA_TITLES)
    assert counts["attributions"] == counts["statements"] + 2

