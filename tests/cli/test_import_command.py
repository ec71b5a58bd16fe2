"""The command line, driven in-process through `app.main.main` (and once as a real process)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    REPO,
    SEED,
    SEED_TITLE,
    article_body,
    cli,
    cli_ok,
    project_fingerprint,
    row_counts,
    seed_body,
)

from app.main import main, opens_a_window

IN_RUSSIA = "North Korean troops are in Russia"
IN_KURSK = "North Korean troops fight in Kursk"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project holding the seed article (article 1, statements 1–10)."""
    path = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", path, SEED)
    return path


def statements_jsonl(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> list[dict]:
    out = cli_ok(capsys, "statements", path, "--format", "jsonl", *extra)
    return [json.loads(line) for line in out.splitlines()]


def statement_containing(capsys: pytest.CaptureFixture[str], path: Path, needle: str) -> int:
    ids = [r["id"] for r in statements_jsonl(capsys, path) if needle in r["text"]]
    assert len(ids) == 1, needle
    return ids[0]


def export_text(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    target = path.with_name("export.csv")
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


# --- import: the must-show -----------------------------------------------------------------


def test_import_makes_one_article_with_ten_exact_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sourcetrack"
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", path, SEED)
    copy = tmp_path / "copie.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    out = cli_ok(capsys, "import", path, copy)
    assert "0 imported, 1 duplicate" in out


def test_import_metadata_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.sourcetrack"
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


def test_csv_listing_reads_back_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A bare carriage return in a value must not end the CSV row (nor start a formula cell).
    path = tmp_path / "p.sourcetrack"
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
        "url",
    ]
    assert len(rows) == 2
    assert rows[1][1:3] == [SEED_TITLE, "Agence\r=1+1 « été »"]


def test_import_runs_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "p.sourcetrack"
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
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
    path = tmp_path / "p.sourcetrack"

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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    path = tmp_path / "p.sourcetrack"
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


# --- tagging and comparing ----------------------------------------------------------------------


def test_tags_appear_on_statements_and_articles(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = tag_seed(capsys, project)
    rows = {r["id"]: r for r in statements_jsonl(capsys, project)}
    assert rows[ids["presence"]]["tags"] == [
        {"source": "Seoul", "stance": "asserts", "confidence": "Certain", "annotator": "tester"},
        {"source": "Kremlin", "stance": "denies", "confidence": "Certain", "annotator": "tester"},
    ]
    assert rows[ids["presence"]]["claims"] == [IN_RUSSIA]
    assert rows[ids["kursk"]]["claims"] == sorted([IN_KURSK, IN_RUSSIA])
    assert [r["id"] for r in statements_jsonl(capsys, project, "--source", "Kremlin")] == [
        ids["presence"]
    ]
    (article,) = json.loads(cli_ok(capsys, "articles", project, "--format", "json"))
    assert article["tagged"] == 2

    # Tagging again changes the tag; --remove removes it.
    out = cli_ok(capsys, "tag", project, ids["kursk"], "--source", "Kyiv", "--stance", "neutral")
    assert out.startswith(f"changed the tag of statement {ids['kursk']}")
    out = cli_ok(capsys, "tag", project, ids["kursk"], "--source", "Kyiv", "--remove")
    assert out == f"removed the Kyiv tag from statement {ids['kursk']}\n"
    status, _out, err = cli(capsys, "tag", project, ids["kursk"], "--source", "Kyiv", "--remove")
    assert status == 1
    assert err == f"sourcetrack: statement {ids['kursk']} has no Kyiv tag by tester to remove\n"


def test_changing_one_thing_of_a_tag_keeps_the_rest(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = tag_seed(capsys, project)  # the Kremlin denies, certain
    presence = ids["presence"]

    def kremlin() -> dict[str, str]:
        row = next(r for r in statements_jsonl(capsys, project) if r["id"] == presence)
        return next(t for t in row["tags"] if t["source"] == "Kremlin")

    for change in (["--claim", "Another claim"], ["--note", "vu"], ["--confidence", "Probable"]):
        out = cli_ok(capsys, "tag", project, presence, "--source", "Kremlin", *change)
        assert out.startswith(f"changed the tag of statement {presence}: Kremlin denies")
        assert kremlin()["stance"] == "denies"  # never reset to asserts
    assert kremlin()["confidence"] == "Probable"


def test_a_person_editing_a_suggestion_makes_it_their_own(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "suggest", project, "--apply")
    suggested = {
        (r["statement_id"], r["source"]): r
        for r in csv.DictReader(io.StringIO(export_text(capsys, project)))
    }
    (statement, source) = next(k for k, r in suggested.items() if r["origin"] == "suggestion")
    cli_ok(capsys, "tag", project, statement, "--source", source, "--note", "checked by hand")
    rows = {(r["statement_id"], r["source"]): r for r in csv.DictReader(
        io.StringIO(export_text(capsys, project)))}  # fmt: skip
    assert rows[(statement, source)]["origin"] == "manual"
    cli_ok(capsys, "suggest", project, "--apply")  # leaves a person's tag alone
    again = {(r["statement_id"], r["source"]): r for r in csv.DictReader(
        io.StringIO(export_text(capsys, project)))}  # fmt: skip
    assert again[(statement, source)]["note"] == "checked by hand"


def test_removing_another_annotators_tag_says_whose_it_is(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(capsys, "tag", project, 3, "--source", "Kremlin", "--stance", "denies",
           "--annotator", "ana")  # fmt: skip
    status, _out, err = cli(capsys, "tag", project, 3, "--source", "Kremlin", "--remove")
    assert status == 1
    assert err == (
        "sourcetrack: statement 3 has no Kremlin tag by tester to remove (its Kremlin tags are "
        "by ana; give --annotator)\n"
    )
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal: status 2
        cli(capsys, "tag", project, 3, "--source", "Kremlin", "--annotator", " ")
    assert refused.value.code == 2
    assert "argument --annotator: an annotator needs a name" in capsys.readouterr().err


def test_compare_lists_the_contradiction_in_every_format(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, project)

    table = cli_ok(capsys, "compare", project, "--contradictions").splitlines()
    assert table[0].split() == ["claim", "contested", "Seoul", "Kyiv", "Kremlin"]
    body = table[2:]
    assert len(body) == 1
    assert body[0].startswith(IN_RUSSIA)
    assert "yes" in body[0]
    assert "asserts · Certain · 1 statement" in body[0]
    assert "denies · Certain · 1 statement" in body[0]
    assert IN_KURSK not in "\n".join(table)

    records = list(
        csv.DictReader(
            io.StringIO(cli_ok(capsys, "compare", project, "--contradictions", "--format", "csv"))
        )
    )
    assert {(r["claim"], r["source"], r["stance"]) for r in records} == {
        (IN_RUSSIA, "Seoul", "asserts"),
        (IN_RUSSIA, "Kyiv", "asserts"),
        (IN_RUSSIA, "Kremlin", "denies"),
    }
    assert {r["contradiction"] for r in records} == {"True"}

    records_json = json.loads(
        cli_ok(capsys, "compare", project, "--contradictions", "--format", "json")
    )
    assert {(r["claim"], r["source"], r["stance"]) for r in records_json} == {
        (IN_RUSSIA, "Seoul", "asserts"),
        (IN_RUSSIA, "Kyiv", "asserts"),
        (IN_RUSSIA, "Kremlin", "denies"),
    }
    assert all(r["contradiction"] is True for r in records_json)
    kremlin = next(r for r in records_json if r["source"] == "Kremlin")
    assert kremlin["confidence_rank"] == 1 and kremlin["confidence_label"] == "Certain"
    assert kremlin["statements"] == 1 and kremlin["articles"] == 1

    # Without the filter, the uncontested claim is there too, flagged as such.
    everything = json.loads(cli_ok(capsys, "compare", project, "--format", "json"))
    kursk = [r for r in everything if r["claim"] == IN_KURSK]
    assert [(r["source"], r["contradiction"]) for r in kursk] == [("Kyiv", False)]
    table = cli_ok(capsys, "compare", project).splitlines()
    kursk_line = next(line for line in table if line.startswith(IN_KURSK))
    assert "yes" not in kursk_line


def test_compare_columns_follow_the_chosen_sources(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, project)
    table = cli_ok(capsys, "compare", project, "--source", "Kremlin", "Seoul").splitlines()
    assert table[0].split() == ["claim", "contested", "Kremlin", "Seoul"]
    status, _out, err = cli(capsys, "compare", project, "--source", "Nobody")
    assert status == 1
    assert err == "sourcetrack: unknown source(s): Nobody\n"


# --- refusals ----------------------------------------------------------------------------------


REFUSALS = {
    "unknown statement": (["tag", "{p}", "9999", "--source", "Seoul"], "no statement with id 9999"),
    "unknown source": (["tag", "{p}", "1", "--source", "Pyongyang"], "unknown source 'Pyongyang'"),
    "unknown confidence": (
        ["tag", "{p}", "1", "--source", "Seoul", "--confidence", "Sure"],
        "unknown confidence level 'Sure'",
    ),
    "confidence rank out of range": (
        ["tag", "{p}", "1", "--source", "Seoul", "--confidence", "9"],
        "unknown confidence level '9'",
    ),
    "claim with a semicolon": (
        ["tag", "{p}", "1", "--source", "Seoul", "--claim", "a; b"],
        "a claim label cannot contain ';'",
    ),
    "rename to an existing source": (
        ["sources", "{p}", "rename", "Seoul", "Kyiv"],
        "a source named 'Kyiv' exists already",
    ),
    "add an existing source": (["sources", "{p}", "add", "Seoul"], "exists already"),
    "alias of an unknown source": (
        ["sources", "{p}", "alias", "Nobody", "x"],
        "unknown source 'Nobody'",
    ),
    "bad colour": (["sources", "{p}", "add", "NIS", "--colour", "blue"], "colour must look like"),
    "import-tags of a missing file": (
        ["import-tags", "{p}", "{t}/none.csv"],
        "cannot read none.csv",
    ),
    "export to a missing folder": (
        ["export", "{p}", "-o", "{t}/nowhere/out.csv"],
        "the folder {t}/nowhere does not exist",
    ),
}


@pytest.mark.parametrize(("args", "message"), REFUSALS.values(), ids=REFUSALS.keys())
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    tag_seed(capsys, project)
    before = project_fingerprint(project)
    argv = [a.format(p=project, t=tmp_path) for a in args]
    status, out, err = cli(capsys, *argv)
    assert status == 1
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("sourcetrack: ")
    assert message.format(t=tmp_path) in err
    wal = project.with_name(project.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # no committed frames beside the file
    assert project_fingerprint(project) == before


def test_the_fingerprint_sees_a_committed_change(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The control for the refusals above: the same check fails when a command does write.
    before = project_fingerprint(project)
    cli_ok(capsys, "tag", project, "1", "--source", "Seoul")
    after = project_fingerprint(project)
    assert after != before
    assert after["dump"] != before["dump"]


def test_a_text_file_is_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(SEED.read_bytes())
    for args in (
        ["articles", notes],
        ["import", notes, SEED],
        ["tag", notes, "1", "--source", "S"],
    ):
        status, out, err = cli(capsys, *args)
        assert status == 1
        assert out == ""
        assert err == (
            f"sourcetrack: {notes} is not a Sourcetrack project (it is not an SQLite database)\n"
        )
        assert notes.read_bytes() == SEED.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_missing_project_is_not_created_by_reading_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sourcetrack"
    for args in (["articles", missing], ["statements", missing], ["compare", missing]):
        status, out, err = cli(capsys, *args)
        assert (status, out) == (1, "")
        assert err == f"sourcetrack: no project at {missing}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = cli(capsys, "articles", tmp_path)
    assert status == 1
    assert err == f"sourcetrack: {tmp_path} is a folder, not a project file\n"


def test_usage_errors_exit_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "tag", "p.sourcetrack", "not-a-number", "--source", "Seoul")
    assert exited.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


# --- sources ------------------------------------------------------------------------------------


def sources_table(capsys: pytest.CaptureFixture[str], path: Path) -> list[list[str]]:
    lines = cli_ok(capsys, "sources", path, "list").splitlines()
    return [line.split() for line in lines[2:]]


def test_sources_add_alias_and_list(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert [row[1] for row in sources_table(capsys, project)] == ["Seoul", "Kyiv", "Kremlin"]
    out = cli_ok(
        capsys,
        "sources",
        project,
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
    out = cli_ok(capsys, "sources", project, "alias", "NIS", "services secrets sud-coréens", "NIS")
    assert out == "added 2 alias(es) to NIS (fr)\n"
    out = cli_ok(capsys, "sources", project, "alias", "NIS", "NIS")
    assert out == "added 0 alias(es) to NIS (fr)\n"
    listing = cli_ok(capsys, "sources", project)  # list is the default action
    nis = next(line for line in listing.splitlines() if line.split()[1] == "NIS")
    assert nis.split()[2:5] == ["#123456", "Seoul", "B"]
    assert nis.endswith("fr: services secrets sud-coréens, NIS")
    out = cli_ok(capsys, "sources", project, "alias", "NIS", "NIS", "--remove")
    assert out == "removed 1 alias(es) from NIS\n"

    # The new source can tag at once.
    cli_ok(capsys, "tag", project, "8", "--source", "NIS", "--confidence", "Possible")
    assert [r["id"] for r in statements_jsonl(capsys, project, "--source", "NIS")] == [8]


def test_rename_keeps_every_tag(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tag_seed(capsys, project)
    counts_before = row_counts(project)
    before = json.loads(cli_ok(capsys, "compare", project, "--format", "json"))

    out = cli_ok(capsys, "sources", project, "rename", "Kremlin", "Moscou (Kremlin)")
    assert out == "renamed Kremlin to Moscou (Kremlin); its tags follow\n"

    after = json.loads(cli_ok(capsys, "compare", project, "--format", "json"))

    def renamed(record: dict[str, Any]) -> dict[str, Any]:
        if record["source"] == "Kremlin":
            return {**record, "source": "Moscou (Kremlin)"}
        return record

    assert after == [renamed(r) for r in before]
    assert any(r["source"] == "Moscou (Kremlin)" and r["stance"] == "denies" for r in after)
    assert not any(r["source"] == "Kremlin" for r in after)
    table = cli_ok(capsys, "compare", project, "--contradictions")
    assert "Moscou (Kremlin)" in table.splitlines()[0]
    assert "denies · Certain · 1 statement" in table
    assert row_counts(project) == counts_before

    presence = statement_containing(capsys, project, "le Kremlin continue de nier")
    tagged = statements_jsonl(capsys, project, "--source", "Moscou (Kremlin)")
    assert [r["id"] for r in tagged] == [presence]
    status, _out, err = cli(capsys, "statements", project, "--source", "Kremlin")
    assert status == 1 and "unknown source(s): Kremlin (known: Kyiv, Moscou (Kremlin)" in err
    names = [row[1] for row in sources_table(capsys, project)]
    assert names[:2] == ["Seoul", "Kyiv"] and "Kremlin" not in names


def test_rename_to_a_different_case_is_allowed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_seed(capsys, project)
    cli_ok(capsys, "sources", project, "rename", "Seoul", "SEOUL")
    records = json.loads(cli_ok(capsys, "compare", project, "--format", "json"))
    assert {r["source"] for r in records} == {"SEOUL", "Kyiv", "Kremlin"}


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


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "-o", "OUT", "--source", "Nope"],
         "unknown source(s): Nope (known: Kremlin, Kyiv, Seoul)"),
        (["export", "-o", "OUT", "--article", "99"], "no article with id 99"),
        (["export", "-o", "OUT", "--annotator", "nobody"],
         "no annotator called 'nobody' in this project"),
        (["export", "-o", "OUT", "--format", "matrix-csv", "--stance", "denies"],
         "--stance does not apply to the matrix (its cells show every stance)"),
        (["statements", "--source", "Nope"], "unknown source(s): Nope (known: Kremlin, Kyiv, Seoul)"),
        (["statements", "--article", "99"], "no article with id 99"),
    ],
)  # fmt: skip
def test_a_filter_naming_nothing_is_refused_not_taken_for_no_tags(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    arguments: list[str], message: str,
) -> None:  # fmt: skip
    out_file = tmp_path / "out.csv"
    arguments = [str(out_file) if a == "OUT" else a for a in arguments]
    status, out, err = cli(capsys, arguments[0], project, *arguments[1:])
    assert (status, out, err) == (1, "", f"sourcetrack: {message}\n")
    assert not out_file.exists()


def test_the_matrix_export_applies_the_article_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.sourcetrack"
    cli_ok(capsys, "demo", demo)
    every = tmp_path / "all.csv"
    cli_ok(capsys, "export", demo, "-o", every, "--format", "matrix-csv")
    one_outlet = tmp_path / "meridian.csv"
    cli_ok(capsys, "export", demo, "-o", one_outlet, "--format", "matrix-csv",
           "--outlet", "Meridian Wire")  # fmt: skip
    statements = json.loads(cli_ok(capsys, "articles", demo, "--format", "json"))
    meridian = [a["id"] for a in statements if a["outlet"] == "Meridian Wire"]
    by_article = tmp_path / "by-article.csv"
    cli_ok(capsys, "export", demo, "-o", by_article, "--format", "matrix-csv",
           *[x for i in meridian for x in ("--article", str(i))])  # fmt: skip

    def claims(path: Path) -> list[str]:
        return [r["claim"] for r in csv.DictReader(path.open(encoding="utf-8"))]

    assert 0 < len(claims(one_outlet)) < len(claims(every))
    assert claims(by_article) == claims(one_outlet)


@pytest.mark.parametrize(
    ("args", "window"),
    [
        ([], True),
        (["study.sourcetrack"], True),  # a project to make or open
        (["postgresql+psycopg://team@db/sourcetrack"], True),
        (["tga", "p.sourcetrack", "1"], False),  # a mistyped command: the command line says so
        (["claims"], False),
        (["import", "p.sourcetrack", "a.txt"], False),
        (["--help"], False),
    ],
)
def test_only_a_project_or_nothing_opens_the_window(args: list[str], window: bool) -> None:
    assert opens_a_window(args) is window


def test_a_mistyped_command_gets_the_list_of_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "notes"
    existing.write_text("x", encoding="utf-8")
    assert opens_a_window([str(existing)])  # an existing file: the window says what it is
    with pytest.raises(SystemExit) as refused:
        main(["tga", str(tmp_path / "p.sourcetrack"), "1"])
    assert refused.value.code == 2
    assert "invalid choice: 'tga' (choose from 'demo', 'init', 'import'" in capsys.readouterr().err
    assert not (tmp_path / "p.sourcetrack").exists()
