"""Reading tags back with `import-tags`: fresh and same projects, selections, malformed files, spreadsheet edits."""

from __future__ import annotations

import csv
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from engines import Location
from helpers import (
    EXPORT_HEADER,
    SEED_TITLE,
    cli,
    cli_ok,
    database,
    project_fingerprint,
    row_counts,
    tag_tuples,
)

from app.domain.spreadsheet import restore
from app.services import exporting
from app.services.project import Project
from services.export_data import (
    export,
    read_csv_rows,
)

# --- import-tags ----------------------------------------------------------------------------


def export_without_ids(path: Location) -> list[tuple[str, ...]]:
    """The project's CSV export as comparable rows: no article or statement ids."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "compare.csv"
        with Project.open(path) as opened:
            exporting.export_csv(opened, out)
        rows = read_csv_rows(out)
    dropped = {rows[0].index("article_id"), rows[0].index("statement_id")}
    return sorted(tuple(c for i, c in enumerate(row) if i not in dropped) for row in rows[1:])


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_import_tags_reproduces_the_tags_in_a_fresh_project(
    rich_path: Path,
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    excel: bool,
) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "someone-else")
    out = export(capsys, rich_path, tmp_path / "tags.csv", *(["--excel"] if excel else []))
    expected = tag_tuples(rich_path)
    assert tag_tuples(fresh) == []

    status, text, err = cli(capsys, "import-tags", fresh, out)
    assert status == 0, err
    n = len(expected)
    assert text.startswith(f"{n} rows: {n} added, 0 updated, 0 unchanged; 0 statements created")
    assert tag_tuples(fresh) == expected
    # The whole export matches too, timestamps included, ids aside.
    assert export_without_ids(fresh) == export_without_ids(rich_path)

    # A second import adds nothing.
    counts = row_counts(fresh)
    status, text, err = cli(capsys, "import-tags", fresh, out)
    assert status == 0, err
    assert text == (
        f"{n} rows: 0 added, 0 updated, {n} unchanged; 0 statements created, 0 claim links added\n"
    )
    assert row_counts(fresh) == counts
    assert tag_tuples(fresh) == expected


def test_import_tags_back_into_the_same_project_adds_nothing(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(capsys, rich_path, tmp_path / "tags.csv")
    before = row_counts(rich_path)
    text = cli_ok(capsys, "import-tags", rich_path, out)
    assert " 0 added, 0 updated, " in text
    assert "0 statements created, 0 claim links added" in text
    assert row_counts(rich_path) == before


def test_import_tags_creates_a_statement_from_a_selection(
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")
    with database(fresh) as conn:
        body = conn.execute("SELECT body FROM articles WHERE title = ?", (SEED_TITLE,)).fetchone()[
            0
        ]
    phrase = "le Kremlin continue de nier ou d’éluder ces informations"
    start = body.index(phrase)
    path = tmp_path / "selection.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_title", "start", "end", "statement_text", "source", "stance"])
        writer.writerow([SEED_TITLE, start, start + len(phrase), phrase, "Kremlin", "denies"])
    with database(fresh) as conn:
        (container,) = conn.execute(
            'SELECT id, start, "end" FROM statements WHERE start <= ? AND "end" >= ?',
            (start, start + len(phrase)),
        ).fetchall()
    before = row_counts(fresh)
    text = cli_ok(capsys, "import-tags", fresh, path)
    # As a selection in the window: the statement around the phrase is cut in three.
    assert text.startswith("1 rows: 1 added") and "2 statements created" in text
    after = row_counts(fresh)
    assert after["statements"] == before["statements"] + 2
    assert ("Kremlin", "denies", "tester", "imported") in {
        (t[3], t[4], t[8], t[10]) for t in tag_tuples(fresh)
    }
    with database(fresh) as conn:
        pieces = conn.execute(
            'SELECT start, "end" FROM statements WHERE start >= ? AND "end" <= ? ORDER BY start',
            (container[1], container[2]),
        ).fetchall()
        overlaps = conn.execute(
            "SELECT count(*) FROM statements a JOIN statements b ON a.article_id = b.article_id "
            'AND a.id < b.id AND a.start < b."end" AND b.start < a."end"'
        ).fetchone()[0]
    assert (start, start + len(phrase)) in pieces and len(pieces) == 3
    assert overlaps == 0  # statements never overlap


def test_import_tags_refuses_a_statement_across_statements(
    fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with database(fresh) as conn:
        body, first, second = conn.execute(
            'SELECT a.body, s1.start, s2."end" FROM articles a JOIN statements s1 ON '
            "s1.article_id = a.id AND s1.ordinal = 1 JOIN statements s2 ON "
            "s2.article_id = a.id AND s2.ordinal = 2 WHERE a.title = ?",
            (SEED_TITLE,),
        ).fetchone()
    path = tmp_path / "across.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_title", "start", "end", "statement_text", "source", "stance"])
        writer.writerow([SEED_TITLE, first, second, body[first:second], "Kyiv", "asserts"])
    before = project_fingerprint(fresh)
    status, _out, err = cli(capsys, "import-tags", fresh, path)
    assert status == 1
    assert err == (
        f"sourcetrack: across.csv was not imported; line 2: the statement at {first}..{second}: "
        "the selection crosses several statements; merge them first\n"
    )
    assert project_fingerprint(fresh) == before


def rewrite(source: Path, target: Path, change: Any) -> Path:
    """Copy a CSV export, letting `change(records)` edit its rows (dicts)."""
    with source.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    change(records)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EXPORT_HEADER)  # CRLF: quotes a bare CR
        writer.writeheader()
        writer.writerows(records)
    return target


def _last(column: str, value: str) -> Any:
    def change(records: list[dict[str, str]]) -> None:
        records[-1][column] = value

    return change


MALFORMED = {
    "wrong columns": (
        lambda good, bad: bad.write_text("titre,début,fin\nx,1,2\n", encoding="utf-8"),
        "is not a Sourcetrack tag CSV: missing column(s) article_title, start, end",
    ),
    "unknown source": (
        lambda good, bad: rewrite(good, bad, _last("source", "Pyongyang")),
        "unknown source 'Pyongyang'",
    ),
    "statement text that does not match": (
        lambda good, bad: rewrite(good, bad, _last("statement_text", "Autre texte.")),
        "has that statement text at",
    ),
    "offsets that are not numbers": (
        lambda good, bad: rewrite(good, bad, _last("start", "dix")),
        "bad offsets 'dix'",
    ),
    "unknown stance": (
        lambda good, bad: rewrite(good, bad, _last("stance", "maybe")),
        "unknown stance 'maybe'",
    ),
    "unknown confidence": (
        lambda good, bad: rewrite(good, bad, _last("confidence_label", "Sûr")),
        "unknown confidence level 'Sûr'",
    ),
    "unterminated quote": (
        lambda good, bad: bad.write_text(
            good.read_text(encoding="utf-8") + '1,"Titre jamais fermé,,,,1,1,0,5,texte\n',
            encoding="utf-8",
        ),
        "unexpected end of data",
    ),
    "a row with too few fields": (
        lambda good, bad: bad.write_text(
            good.read_text(encoding="utf-8") + "1,Titre,,\n", encoding="utf-8"
        ),
        "wrong number of fields",
    ),
    "not UTF-8": (
        lambda good, bad: bad.write_bytes(good.read_text(encoding="utf-8").encode("cp1252")),
        "is not UTF-8 text",
    ),
    "empty file": (lambda good, bad: bad.write_bytes(b""), "is not a Sourcetrack tag CSV"),
    "binary file": (
        lambda good, bad: bad.write_bytes(bytes(range(256)) * 10),
        "is not UTF-8 text",
    ),
}


@pytest.mark.parametrize(("make", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_tag_csv_is_refused_and_changes_nothing(
    rich_path: Path,
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Any,
    message: str,
) -> None:
    good = export(capsys, rich_path, tmp_path / "good.csv")
    # The fresh project already holds some tags, so "changes nothing" means something.
    cli_ok(capsys, "tag", fresh, 1, "--source", "Seoul", "--claim", "Déjà là")
    bad = tmp_path / "bad.csv"
    make(good, bad)
    counts = row_counts(fresh)
    before = project_fingerprint(fresh)

    status, out, err = cli(capsys, "import-tags", fresh, bad)
    assert status == 1
    assert out == ""
    assert err.startswith("sourcetrack: bad.csv") and err.endswith("\n")
    assert err.count("\n") == 1, err
    assert message in err
    assert row_counts(fresh) == counts
    assert project_fingerprint(fresh) == before


def test_a_bad_last_row_keeps_the_good_rows_out_too(
    rich_path: Path, fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = export(capsys, rich_path, tmp_path / "good.csv")
    bad = rewrite(good, tmp_path / "bad.csv", _last("source", "Inconnu"))
    with bad.open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) > 10  # many good rows before the bad one
    status, _out, err = cli(capsys, "import-tags", fresh, bad)
    assert status == 1
    assert tag_tuples(fresh) == []
    # Fixed, the same file imports.
    fixed = rewrite(good, tmp_path / "fixed.csv", lambda records: None)
    cli_ok(capsys, "import-tags", fresh, fixed)
    assert tag_tuples(fresh) == tag_tuples(rich_path)



def test_a_row_edited_in_a_spreadsheet_wins_and_a_tag_changed_since_is_kept(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "tags.csv"
    cli_ok(capsys, "export", rich_path, "-o", exported)
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    first, second = records[0], records[1]
    # In a spreadsheet: two notes edited, timestamps left as exported.
    edited = rewrite(exported, tmp_path / "edited.csv", lambda rows: (
        rows[0].update(note="relu dans le tableur"), rows[1].update(note="relu aussi")))  # fmt: skip
    # Meanwhile, in the project, the second tag changes (a minute later).
    with database(rich_path) as conn:
        assert conn.execute(
            "UPDATE attributions SET note = 'changé dans le projet', updated_at = ? "
            "WHERE statement_id = ? AND source_id = (SELECT id FROM sources WHERE name = ?) "
            "AND annotator_id = (SELECT id FROM annotators WHERE name = ?)",
            ((datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S.%f"),
             second["statement_id"], restore(second["source"]), restore(second["annotator"])),
        ).rowcount == 1  # fmt: skip
        conn.commit()

    out = cli_ok(capsys, "import-tags", rich_path, edited)

    assert out.startswith(
        f"{len(records)} rows: 0 added, 1 updated, {len(records) - 2} unchanged, "
        "1 kept (changed in the project since);"
    )
    with database(rich_path) as conn:
        notes = {
            (str(statement), source, annotator): note
            for statement, source, annotator, note in conn.execute(
                "SELECT t.statement_id, so.name, an.name, t.note FROM attributions t "
                "JOIN sources so ON so.id = t.source_id "
                "JOIN annotators an ON an.id = t.annotator_id"
            )
        }

    def key(row: dict[str, str]) -> tuple[str, str, str]:
        return (row["statement_id"], restore(row["source"]), restore(row["annotator"]))

    assert notes[key(first)] == "relu dans le tableur"
    assert notes[key(second)] == "changé dans le projet"
