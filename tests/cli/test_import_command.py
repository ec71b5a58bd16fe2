"""`import`: one article, exact statements, metadata, folders, a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engines import Locations
from helpers import (
    REPO,
    SEED,
    SEED_TITLE,
    article_body,
    cli,
    cli_ok,
    row_counts,
    seed_body,
)

from cli.common import (
    statements_jsonl,
)

# --- import: the must-show -----------------------------------------------------------------


def test_import_makes_one_article_with_ten_exact_statements(
    tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    path = locations.new()
    status, out, err = cli(capsys, "import", path, SEED)
    assert status == 0, err
    assert err == ""
    assert out.splitlines() == [
        f"imported: {SEED}: article 1: 10 statements",
        "1 imported, 0 duplicates, 0 refused",
    ]

    articles = json.loads(cli_ok(capsys, "articles", path, "--format", "json"))
    assert len(articles) == 1
    article = articles[0]
    assert article["title"] == SEED_TITLE
    assert article["language"] == "fr"
    assert article["statements"] == 10
    assert article["tagged"] == 0

    body = article_body(path, article["id"])
    assert body == seed_body()
    rows = statements_jsonl(capsys, path)
    assert len(rows) == 10
    assert [r["ordinal"] for r in rows] == list(range(1, 11))
    for row in rows:
        assert row["article_id"] == article["id"]
        assert row["text"] == body[row["start"] : row["end"]]
        assert row["text"] == row["text"].strip()
        assert row["tags"] == [] and row["claims"] == []
    assert all(a["end"] < b["start"] for a, b in zip(rows, rows[1:], strict=False))

    # Importing the same file again adds nothing and says so.
    before = row_counts(path)
    status, out, err = cli(capsys, "import", path, SEED)
    assert status == 0, err
    assert f"duplicate: {SEED}: already in the project as article 1" in out
    assert "0 imported, 1 duplicate, 0 refused" in out
    assert row_counts(path) == before
    assert len(json.loads(cli_ok(capsys, "articles", path, "--format", "json"))) == 1


def test_import_of_the_same_text_in_another_encoding_is_a_duplicate(
    tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    path = locations.new()
    cli_ok(capsys, "import", path, SEED)
    copy = tmp_path / "copie.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    out = cli_ok(capsys, "import", path, copy)
    assert "0 imported, 1 duplicate" in out


def test_import_metadata_options(tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]) -> None:
    path = locations.new()
    cli_ok(
        capsys,
        "import",
        path,
        SEED,
        "--title",
        "Mon titre",
        "--outlet",
        "Le Quotidien",
        "--published",
        "2024-11-05",
        "--url",
        "https://example.org/a",
        "--language",
        "en",
    )
    (article,) = json.loads(cli_ok(capsys, "articles", path, "--format", "json"))
    assert article["title"] == "Mon titre"
    assert article["outlet"] == "Le Quotidien"
    assert article["published"] == "2024-11-05"
    assert article["url"] == "https://example.org/a"
    assert article["language"] == "en"
    # With a title given, the file's first line stays in the body.
    assert article_body(path, article["id"]).startswith(SEED_TITLE + "\n\n")


def test_csv_listing_reads_back_whole(tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]) -> None:
    # A bare carriage return in a value must not end the CSV row (nor start a formula cell).
    path = locations.new()
    cli_ok(capsys, "import", path, SEED, "--outlet", "Agence\r=1+1 « été »")
    rows = list(csv.reader(io.StringIO(cli_ok(capsys, "articles", path, "--format", "csv"))))
    assert rows[0] == [
        "id",
        "title",
        "outlet",
        "published",
        "language",
        "statements",
        "tagged",
        "no_source",
        "judged",
        "reviewed",
        "url",
    ]
    assert len(rows) == 2
    assert rows[1][1:3] == [SEED_TITLE, "Agence\r=1+1 « été »"]


def test_import_runs_as_a_real_process(tmp_path: Path, locations: Locations) -> None:
    path = locations.new()
    env = {**os.environ, "SOURCETRACK_ANNOTATOR": "tester"}

    def run(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *map(str, args)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    first = run("import", path, "tests/data/article-fr-north-korea-russia.txt")
    assert first.returncode == 0, first.stderr
    assert "article 1: 10 statements" in first.stdout
    second = run("import", path, "tests/data/article-fr-north-korea-russia.txt")
    assert second.returncode == 0, second.stderr
    assert "duplicate" in second.stdout
    refused = run("tag", path, "999", "--source", "Seoul")
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == "sourcetrack: no statement with id 999\n"


# --- folders ----------------------------------------------------------------------------------


def test_folder_import_reports_each_file(
    tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "sub" / "b.md").write_text(
        "# Le traité de défense\n\nUn traité a été signé. Moscou l’a ratifié.\n", encoding="utf-8"
    )
    (folder / "sub" / "deeper" / "c.TXT").write_bytes(
        "Séoul s’inquiète\n\nLe Kremlin dément. Kyiv confirme.".encode("cp1252")
    )
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "sub" / "binary.md").write_bytes(bytes(range(256)) * 20)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / ".cache" / "hidden.txt").write_text("Caché\n\nNe pas importer.", encoding="utf-8")
    path = locations.new()

    status, out, err = cli(capsys, "import", path, folder)
    assert status == 1
    imported = [line for line in out.splitlines() if line.startswith("imported: ")]
    assert [line.split(": ")[1] for line in imported] == [
        str(folder / "a.txt"),
        str(folder / "sub" / "b.md"),
        str(folder / "sub" / "deeper" / "c.TXT"),
    ]
    # The picture is reported as skipped, not refused: it is not an error to keep one there.
    assert f"skipped: {folder / 'photo.png'}: not an article file (.png)" in out.splitlines()
    assert out.splitlines()[-1] == "3 imported, 0 duplicates, 2 refused, 1 skipped"
    refusals = err.splitlines()
    assert refusals == [
        f"refused: {folder / 'sub' / 'binary.md'}: binary.md does not look like text "
        "(binary, or an unknown encoding)",
        f"refused: {folder / 'sub' / 'empty.txt'}: empty.txt is empty",
    ]
    assert "hidden" not in out + err  # hidden folders are passed over in silence

    titles = [a["title"] for a in json.loads(cli_ok(capsys, "articles", path, "--format", "json"))]
    assert titles == [SEED_TITLE, "Le traité de défense", "Séoul s’inquiète"]

    # Again: the good files are duplicates now, the bad ones are still refused.
    status, out, _err = cli(capsys, "import", path, folder)
    assert status == 1
    assert out.splitlines()[-1] == "0 imported, 3 duplicates, 2 refused, 1 skipped"


def test_a_folder_without_articles_is_an_error_that_leaves_no_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(64))
    path = tmp_path / "p.sourcetrack"

    status, out, err = cli(capsys, "import", path, folder)

    assert status == 1
    assert out == f"skipped: {folder / 'photo.jpg'}: not an article file (.jpg)\n"
    assert "no article files found to import (.txt, " in err
    assert not path.exists()


def test_unsupported_file_named_directly_is_refused(
    tmp_path: Path, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    path = locations.new()
    status, out, err = cli(capsys, "import", path, SEED, picture, tmp_path / "absent.txt")
    assert status == 1
    assert f"imported: {SEED}" in out
    assert err.splitlines() == [
        f"refused: {picture}: unsupported file type '.png'",
        f"refused: {tmp_path / 'absent.txt'}: no such file",
    ]
    assert row_counts(path)["articles"] == 1


def test_empty_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    status, out, err = cli(capsys, "import", tmp_path / "p.sourcetrack", tmp_path / "empty")
    assert status == 1
    assert err == (
        "sourcetrack: no article files found to import "
        "(.txt, .text, .md, .markdown, .html, .htm, .xhtml, .docx, .pdf, .qdpx)\n"
    )


