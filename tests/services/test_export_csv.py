"""Exports (CSV, Excel CSV, JSON Lines) and reading tags back with `import-tags`."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from helpers import (
    EXPORT_HEADER,
    SEED,
    SEED_TITLE,
    cli,
    cli_ok,
    project_fingerprint,
    row_counts,
    sqlite,
    tag_tuples,
)

from app.domain.spreadsheet import neutralise, restore, would_run
from app.services import exporting
from app.services.project import Project

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

ACCENT_TITLE = "L’été « brûlant » de Séoul : Moscou s’inquiète, très déçu, reçu à Kyiv"
ACCENT_BODY = (
    "Séoul a révélé l’existence d’un « accord » très discret. Le Kremlin, déçu, a démenti ; ça "
    "n’a rien changé à Koursk.\n\n"
    "- Le Kremlin dément tout.\n\n"
    "+ 20 % de pertes, selon Kyiv.\n\n"
    "@Kyiv affirme le contraire.\n\n"
    "=SUM(A1) n’est pas une phrase. Mais l’été « brûlant » a commencé ; ça se voit très bien, "
    "près de la frontière."
)
FORMULA_TITLES = (
    '=HYPERLINK("http://x","y")',
    "+33 soldats : Séoul précise",
    "-5 % : Kyiv révise ses chiffres",
    "@Kremlin répond à Séoul",
)
NOTES = (
    '=HYPERLINK("http://x","y")',
    "  =1+1 é",
    " +33 è",
    "   -5 ç",
    "  @Séoul",
    "\t=tabulation",
    "\r=retour",
    "  \tespaces puis tabulation",
    "  \rcr après espaces",
    "'déjà une apostrophe",
    "« citation » l’été, très ç è é",
    "ligne un\nligne deux « » ’",
    "",
)
CLAIMS = ("Troupes en Russie", "=Formule", "L’été « brûlant » à Koursk", "-Moins")


def write_articles(folder: Path) -> list[Path]:
    """The article files of the rich project (the seed is used from tests/data)."""
    folder.mkdir(exist_ok=True)
    files = [folder / "accents.txt"]
    files[0].write_text(f"{ACCENT_TITLE}\n\n{ACCENT_BODY}\n", encoding="utf-8")
    for number, title in enumerate(FORMULA_TITLES, start=1):
        path = folder / f"formule-{number}.txt"
        path.write_text(
            f"{title}\n\nSéoul confirme l’envoi de {number}000 soldats. Le Kremlin dément.\n",
            encoding="utf-8",
        )
        files.append(path)
    return files


def statements(path: Path) -> list[tuple[int, str, str]]:
    """(statement id, article title, text) of every statement."""
    with sqlite(path) as conn:
        return conn.execute(
            'SELECT s.id, a.title, substr(a.body, s.start + 1, s."end" - s.start) '
            "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.id"
        ).fetchall()


def build_rich_project(
    path: Path, files: list[Path], capsys: pytest.CaptureFixture[str] | None
) -> None:
    """Articles with accents and formula-like text, tagged with every kind of awkward value."""
    cli_ok(capsys, "import", path, SEED)
    cli_ok(
        capsys,
        "import",
        path,
        *files,
        "--outlet",
        "Le Fígaro « été »",
        "--published",
        "2024-11-05",
        "--url",
        "https://example.org/été",
    )
    cli_ok(capsys, "sources", path, "add", "=Pyongyang")
    rows = statements(path)
    sources = ["Seoul", "Kremlin", "Kyiv", "=Pyongyang"]
    stances = ["asserts", "denies", "neutral"]
    confidences = ["Certain", "Probable", "Possible", "Unknown", None]
    annotators = ["tester", "+alice", " @bob"]
    for i, (statement_id, _title, _text) in enumerate(rows):
        args: list[object] = [
            "tag",
            path,
            statement_id,
            "--source",
            sources[i % len(sources)],
            "--stance",
            stances[i % len(stances)],
            f"--note={NOTES[i % len(NOTES)]}",
            "--annotator",
            annotators[i % len(annotators)],
        ]
        if confidences[i % len(confidences)]:
            args += ["--confidence", confidences[i % len(confidences)]]
        for j in range(i % 3):
            args.append(f"--claim={CLAIMS[(i + j) % len(CLAIMS)]}")  # may start with -
        cli_ok(capsys, *args)
    # Two sources on one statement, a second annotator on another.
    first = rows[0][0]
    cli_ok(
        capsys,
        "tag",
        path,
        first,
        "--source",
        "Kremlin",
        "--stance",
        "denies",
        "--note",
        "« nier » l’été, ç è é",
        "--claim",
        CLAIMS[0],
    )
    cli_ok(capsys, "tag", path, first, "--source", "Seoul", "--annotator", "+alice")


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    """A built rich project (do not modify it: copy it with `copy_of`) and its article files."""
    folder = tmp_path_factory.mktemp("rich")
    files = write_articles(folder / "articles")
    path = folder / "rich.sourcetrack"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCETRACK_ANNOTATOR", "tester")
        build_rich_project(path, files, None)
    yield path, files


def copy_of(rich: tuple[Path, list[Path]], target: Path) -> Path:
    shutil.copyfile(rich[0], target)
    return target


@pytest.fixture
def project(rich: tuple[Path, list[Path]], tmp_path: Path) -> Path:
    return copy_of(rich, tmp_path / "a.sourcetrack")


@pytest.fixture
def fresh(
    rich: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A new project holding the same articles, imported from the same files in another order."""
    path = tmp_path / "b.sourcetrack"
    cli_ok(
        capsys,
        "import",
        path,
        *reversed(rich[1]),
        "--outlet",
        "Le Fígaro « été »",
        "--published",
        "2024-11-05",
        "--url",
        "https://example.org/été",
    )
    cli_ok(capsys, "import", path, SEED)
    cli_ok(capsys, "sources", path, "add", "=Pyongyang")
    return path


def export(capsys: pytest.CaptureFixture[str], path: Path, out: Path, *extra: str) -> Path:
    text = cli_ok(capsys, "export", path, "-o", out, *extra)
    assert text.startswith("wrote ") and str(out) in text
    return out


def read_csv_rows(path: Path, *, excel: bool = False) -> list[list[str]]:
    with path.open(encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        return list(csv.reader(handle, strict=True))


# --- the CSV: header, accents, formulas -------------------------------------------------------


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_csv_reads_back_with_every_accent(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], excel: bool
) -> None:
    out = export(capsys, project, tmp_path / "tags.csv", *(["--excel"] if excel else []))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == excel
    header_line = ",".join(EXPORT_HEADER).encode() + (b"\r\n" if excel else b"\n")
    assert raw.removeprefix(b"\xef\xbb\xbf").startswith(header_line)
    assert raw.count(b"\xef\xbb\xbf") == (1 if excel else 0)
    raw.decode("utf-8")  # the whole file is UTF-8

    rows = read_csv_rows(out, excel=excel)
    assert rows[0] == EXPORT_HEADER
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == row_counts(project)["attributions"]

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
    with sqlite(project) as conn:
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
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], excel: bool
) -> None:
    # Titles, outlets and urls can only be given such values by editing the metadata; do it in
    # the database, each trigger after leading spaces too.
    hostile = [f"{spaces}{t}cmd é" for t in TRIGGERS for spaces in ("", "  ")]
    with sqlite(project) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        for i, article_id in enumerate(ids):
            conn.execute(
                "UPDATE articles SET title = ?, outlet = ?, url = ? WHERE id = ?",
                (hostile[i], hostile[-1 - i], hostile[(i + 3) % len(hostile)], article_id),
            )
        conn.commit()
    out = export(capsys, project, tmp_path / "tags.csv", *(["--excel"] if excel else []))
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
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(capsys, project, tmp_path / "matrix.csv", "--format", "matrix-csv")
    rows = read_csv_rows(out)
    assert rows[0][:3] == ["claim_id", "claim", "contradiction"]
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


# --- import-tags ----------------------------------------------------------------------------


def export_without_ids(path: Path) -> list[tuple[str, ...]]:
    """The project's CSV export as comparable rows: no article or statement ids."""
    out = path.with_suffix(".compare.csv")
    with Project.open(path) as opened:
        exporting.export_csv(opened, out)
    rows = read_csv_rows(out)
    out.unlink()
    dropped = {rows[0].index("article_id"), rows[0].index("statement_id")}
    return sorted(tuple(c for i, c in enumerate(row) if i not in dropped) for row in rows[1:])


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_import_tags_reproduces_the_tags_in_a_fresh_project(
    project: Path,
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    excel: bool,
) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "someone-else")
    out = export(capsys, project, tmp_path / "tags.csv", *(["--excel"] if excel else []))
    expected = tag_tuples(project)
    assert tag_tuples(fresh) == []

    status, text, err = cli(capsys, "import-tags", fresh, out)
    assert status == 0, err
    n = len(expected)
    assert text.startswith(f"{n} rows: {n} added, 0 updated, 0 unchanged; 0 statements created")
    assert tag_tuples(fresh) == expected
    # The whole export matches too, timestamps included, ids aside.
    assert export_without_ids(fresh) == export_without_ids(project)

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
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = export(capsys, project, tmp_path / "tags.csv")
    before = row_counts(project)
    text = cli_ok(capsys, "import-tags", project, out)
    assert " 0 added, 0 updated, " in text
    assert "0 statements created, 0 claim links added" in text
    assert row_counts(project) == before


def test_import_tags_creates_a_statement_from_a_selection(
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")
    with sqlite(fresh) as conn:
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
    with sqlite(fresh) as conn:
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
    with sqlite(fresh) as conn:
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
    with sqlite(fresh) as conn:
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
    project: Path,
    fresh: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Any,
    message: str,
) -> None:
    good = export(capsys, project, tmp_path / "good.csv")
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
    project: Path, fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = export(capsys, project, tmp_path / "good.csv")
    bad = rewrite(good, tmp_path / "bad.csv", _last("source", "Inconnu"))
    with bad.open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) > 10  # many good rows before the bad one
    status, _out, err = cli(capsys, "import-tags", fresh, bad)
    assert status == 1
    assert tag_tuples(fresh) == []
    # Fixed, the same file imports.
    fixed = rewrite(good, tmp_path / "fixed.csv", lambda records: None)
    cli_ok(capsys, "import-tags", fresh, fixed)
    assert tag_tuples(fresh) == tag_tuples(project)


# --- atomic writes ------------------------------------------------------------------------------


def fail_after(count: int, real: Any) -> Any:
    calls = {"n": 0}

    def wrapper(row: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > count:
            raise RuntimeError("disk on fire")
        return real(row)

    return wrapper


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_failed_export_leaves_no_file(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"tags.{fmt}"
    if fmt == "csv":
        monkeypatch.setattr(exporting, "csv_cells", fail_after(2, exporting.csv_cells))
        run = exporting.export_csv
    else:
        monkeypatch.setattr(exporting, "json_record", fail_after(2, exporting.json_record))
        run = exporting.export_jsonl
    with Project.open(project) as opened, pytest.raises(RuntimeError, match="disk on fire"):
        run(opened, target)
    assert not target.exists()
    assert leftovers(folder) == []
    assert list(folder.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tags.csv"
    with Project.open(project) as opened:
        written = exporting.export_csv(opened, target)
    old = target.read_bytes()
    assert written > 2 and old.count(b"\n") > 3
    monkeypatch.setattr(exporting, "csv_cells", fail_after(2, exporting.csv_cells))
    with Project.open(project) as opened, pytest.raises(RuntimeError):
        exporting.export_csv(opened, target, excel=True)
    assert target.read_bytes() == old
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="processes are asked about on POSIX only")
def test_the_next_export_removes_the_part_files_of_killed_exports(
    project: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tags.csv"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603
    gone.wait()  # a process id that no longer runs
    old = time.time() - 3600
    killed = tmp_path / f".tags.csv.{gone.pid}.x1y2.part"  # its writer is gone, long ago
    recent = tmp_path / f".tags.csv.{gone.pid}.z3w4.part"  # gone, but written a moment ago
    running = tmp_path / f".tags.csv.{os.getpid()}.a5b6.part"  # an export still running
    other = tmp_path / f".notes.csv.{gone.pid}.c7d8.part"  # another file's
    for part in (killed, recent, running, other):
        part.write_text("id,article_id\n1,", encoding="utf-8")
    for part in (killed, running, other):
        os.utime(part, (old, old))

    with Project.open(project) as opened:
        exporting.export_csv(opened, target)

    assert target.read_text(encoding="utf-8").startswith("article_id,")
    assert leftovers(tmp_path) == sorted(p.name for p in (recent, running, other))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "qdpx", "matrix-csv"])
def test_an_export_never_writes_over_the_project_or_a_folder(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    before = project_fingerprint(project)
    status, out, err = cli(capsys, "export", project, "-o", project, "--format", fmt)
    assert (status, out) == (1, "")
    assert err == (
        f"sourcetrack: {project} is a database (a Sourcetrack project?); an export never "
        "writes over one, choose another file name\n"
    )
    assert project_fingerprint(project) == before

    status, _out, err = cli(capsys, "export", project, "-o", f"{project}-wal", "--format", fmt)
    assert status == 1 and "belongs to the database beside it" in err
    assert not Path(f"{project}-wal").exists() or Path(f"{project}-wal").stat().st_size == 0

    folder = tmp_path / "exports"
    folder.mkdir()
    status, _out, err = cli(capsys, "export", project, "-o", folder, "--format", fmt)
    assert (status, err) == (1, f"sourcetrack: {folder} is a folder; give the name of the file "
                                "to write\n")  # fmt: skip
    assert list(folder.iterdir()) == []
    assert project_fingerprint(project) == before


def test_a_successful_export_replaces_the_file(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tags.csv"
    target.write_text("ancien contenu\n", encoding="utf-8")
    export(capsys, project, target)
    assert read_csv_rows(target)[0] == EXPORT_HEADER
    assert leftovers(tmp_path) == []


# --- JSON Lines -------------------------------------------------------------------------------

INTEGER_COLUMNS = ("article_id", "statement_id", "ordinal", "start", "end")


def test_jsonl_holds_the_same_rows_as_the_csv(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = export(capsys, project, tmp_path / "tags.csv")
    jsonl_path = export(capsys, project, tmp_path / "tags.jsonl", "--format", "jsonl")

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


def test_export_filters(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(
        capsys, project, tmp_path / "kremlin.csv", "--source", "Kremlin", "--stance", "denies"
    )
    rows = read_csv_rows(out)[1:]
    assert rows and all(r[10] == "Kremlin" and r[11] == "denies" for r in rows)
    out = export(
        capsys, project, tmp_path / "dated.csv", "--from", "2024-11-01", "--to", "2024-11-30"
    )
    rows = read_csv_rows(out)[1:]
    assert rows and all(r[3] == "2024-11-05" for r in rows)
    assert SEED_TITLE not in {r[1] for r in rows}


def test_the_shared_project_is_intact(rich: tuple[Path, list[Path]]) -> None:
    # A guard for the copies the tests above work on: the project is whole and unmodified.
    with sqlite(rich[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    counts = row_counts(rich[0])
    assert counts["articles"] == 1 + 1 + len(FORMULA_TITLES)
    assert counts["attributions"] == counts["statements"] + 2


def test_a_row_edited_in_a_spreadsheet_wins_and_a_tag_changed_since_is_kept(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "tags.csv"
    cli_ok(capsys, "export", project, "-o", exported)
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    first, second = records[0], records[1]
    # In a spreadsheet: two notes edited, timestamps left as exported.
    edited = rewrite(exported, tmp_path / "edited.csv", lambda rows: (
        rows[0].update(note="relu dans le tableur"), rows[1].update(note="relu aussi")))  # fmt: skip
    # Meanwhile, in the project, the second tag changes (a minute later).
    with sqlite(project) as conn:
        assert conn.execute(
            "UPDATE attributions SET note = 'changé dans le projet', updated_at = ? "
            "WHERE statement_id = ? AND source_id = (SELECT id FROM sources WHERE name = ?) "
            "AND annotator_id = (SELECT id FROM annotators WHERE name = ?)",
            ((datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S.%f"),
             second["statement_id"], restore(second["source"]), restore(second["annotator"])),
        ).rowcount == 1  # fmt: skip
        conn.commit()

    out = cli_ok(capsys, "import-tags", project, edited)

    assert out.startswith(
        f"{len(records)} rows: 0 added, 1 updated, {len(records) - 2} unchanged, "
        "1 kept (changed in the project since);"
    )
    with sqlite(project) as conn:
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
