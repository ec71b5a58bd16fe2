"""A .qdpx both ways with QualCoder, and the selections of other programs kept exactly.

QualCoder exports a project it imported from Sourcetrack with one selection per coding, new
GUIDs, its own colours, the tags' notes as coding memos and the notes themselves as journals
linked from nothing (`formats.qdpx_layouts.qualcoder_layout` writes that layout). Reading it back
must give the same statements, tags, claims and notes. Selections of another program keep their
exact positions, blanks at their edges included; the normal form of a text moves only the
selections whose text it changes, and each of those is reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Locations
from engines import Location
from helpers import cli, cli_ok, database, sqlite, tag_tuples

from formats.qdpx_files import build_tricky_project, export_rows
from formats.qdpx_layouts import foreign_qdpx, qualcoder_layout, read_codings


@pytest.fixture(scope="module")
def tricky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tricky_project(tmp_path_factory.mktemp("exchange"))


@pytest.fixture(scope="module")
def through_qualcoder(tricky_project: Path) -> Path:
    ours = tricky_project.with_name("study.qdpx")
    cli_ok(None, "export", tricky_project, "-o", ours, "--format", "qdpx")
    return qualcoder_layout(ours, tricky_project.with_name("from-qualcoder.qdpx"))


def statements(location: Location) -> list[tuple[object, ...]]:
    rows = cli_ok(None, "statements", location, "--format", "jsonl").splitlines()
    return [(r["ordinal"], r["start"], r["end"], r["text"], r["claims"])
            for r in map(json.loads, rows)]  # fmt: skip


def test_qualcoders_export_of_a_project_reads_back_exactly(
    through_qualcoder: Path, tricky_project: Path, locations: Locations, tmp_path: Path
) -> None:
    fresh = locations.new()
    out = cli_ok(None, "import", fresh, through_qualcoder)
    assert "new sources: NIS" in out
    with sqlite(tricky_project) as conn:
        notes = conn.execute("SELECT count(*) FROM attributions WHERE note != ''").fetchone()[0]
    # The journals QualCoder made of the notes come back linked from nothing: said, not lost.
    repeated = f"{notes} notes not linked to a selection left out: a tag imported with its"
    assert repeated in out
    assert export_rows(fresh, tmp_path / "fresh.csv") == export_rows(
        tricky_project, tmp_path / "original.csv"
    )
    assert statements(fresh) == statements(tricky_project)
    query = "SELECT s.name, p.name FROM sources s LEFT JOIN sources p ON p.id = s.parent_id"
    with database(fresh) as a, sqlite(tricky_project) as b:
        assert sorted(a.execute(query).fetchall()) == sorted(b.execute(query).fetchall())
        claims = "SELECT label, description FROM claims ORDER BY label"
        assert a.execute(claims).fetchall() == b.execute(claims).fetchall()

    # Out again from this engine (its queries streamed), and in once more: the same.
    again = tmp_path / "again.qdpx"
    cli_ok(None, "export", fresh, "-o", again, "--format", "qdpx")
    other = tmp_path / "other.sourcetrack"
    cli_ok(None, "import", other, again)
    assert export_rows(other, tmp_path / "other.csv") == export_rows(fresh, tmp_path / "f.csv")

    # Twice is once; a tag taken off since comes back.
    status, out, _ = cli(None, "import", fresh, through_qualcoder)
    assert status == 0 and out.startswith(f"duplicate: {through_qualcoder}: 0 articles added, 5")
    with database(fresh) as conn:
        (both,) = conn.execute(
            "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id WHERE "
            'substr(a.body, s.start + 1, s."end" - s.start) LIKE ?',
            ("%bien que le Kremlin%",),
        ).fetchone()
    cli_ok(None, "tag", fresh, both, "--source", "Kyiv", "--remove")
    out = cli_ok(None, "import", fresh, through_qualcoder)
    assert "0 articles added, 5 already there; 1 tag added, 0 updated, 33 unchanged" in out
    assert export_rows(fresh, tmp_path / "again.csv") == export_rows(
        tricky_project, tmp_path / "original.csv"
    )


def test_qualcoders_layout_keeps_no_selection_of_ours_whole(through_qualcoder: Path) -> None:
    """The fixture is that layout: one coding per selection, no note linked from one."""
    seen = read_codings(through_qualcoder)
    assert len({c.selection for c in seen}) == len(seen)
    assert not any(c.notes for c in seen)


def test_a_project_note_linked_from_nothing_is_reported(
    tricky_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_ok(None, "export", tricky_project, "-o", tmp_path / "ours.qdpx", "--format", "qdpx")
    qdpx = qualcoder_layout(tmp_path / "ours.qdpx", tmp_path / "qc.qdpx",
                            extra_journal="Réunion du 5 novembre")  # fmt: skip
    out = cli_ok(capsys, "import", tmp_path / "p.sourcetrack", qdpx)
    assert "1 note not linked to a selection not imported: 'Réunion du 5 novembre'" in out


def test_two_stances_of_one_tag_are_refused_with_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Titre\n\nSéoul affirme. Le Kremlin dément."
    start = text.index("Séoul")
    qdpx = foreign_qdpx(
        tmp_path / "two.qdpx", {"t.txt": text},
        [("t.txt", start, start + 14, ["Seoul", "Seoul ▸ asserts"]),
         ("t.txt", start, start + 14, ["Seoul ▸ denies"])],
    )  # fmt: skip
    project = tmp_path / "p.sourcetrack"
    status, _out, err = cli(capsys, "import", project, qdpx)
    assert status == 1
    assert f"'t.txt', {start}–{start + 14}: one tag carries 2 different stances" in err
    assert not project.exists() or tag_tuples(project) == []


def test_selections_that_begin_and_end_with_spaces_are_kept_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Titre du texte\n\nLe Kremlin dément tout. Peskov parle de rumeurs. Kyiv confirme."
    chosen = ["Le Kremlin dément tout. ", " parle de rumeurs.", " Kyiv confirme."]
    spans = [(text.index(c), text.index(c) + len(c)) for c in chosen]
    qdpx = foreign_qdpx(
        tmp_path / "edges.qdpx", {"edges.txt": text},
        [("edges.txt", s, e, ["Kremlin", "stance: denies"]) for s, e in spans],
    )  # fmt: skip
    project = tmp_path / "p.sourcetrack"
    out = cli_ok(capsys, "import", project, qdpx)
    assert "moved" not in out
    with sqlite(project) as conn:
        body = conn.execute("SELECT body FROM articles").fetchone()[0]
        stored = conn.execute('SELECT start, "end" FROM statements ORDER BY start').fetchall()
    assert body == text  # already in the normal form: nothing moves
    assert set(spans) <= set(stored)
    assert [body[s:e] for s, e in spans] == chosen
    assert all(a[1] <= b[0] for a, b in zip(stored, stored[1:], strict=False))  # no overlap
    # ...and they go out again exactly where they were.
    again = tmp_path / "again.qdpx"
    cli_ok(capsys, "export", project, "-o", again, "--format", "qdpx")
    exported = {(c.start, c.end) for c in read_codings(again) if c.code == "Kremlin ▸ denies"}
    assert exported == set(spans)
    other = tmp_path / "other.sourcetrack"
    cli_ok(capsys, "import", other, again)
    with sqlite(other) as conn:
        assert conn.execute('SELECT start, "end" FROM statements ORDER BY start').fetchall() == (
            stored
        )


def test_a_selection_the_normal_form_changes_is_reported_and_the_others_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Un  deux trois.\r\nQuatre cinq six.\r\n"
    moved = text.index(" deux")  # the second blank of two, which the normal form drops
    kept = text.index("Quatre")
    qdpx = foreign_qdpx(
        tmp_path / "crlf.qdpx", {"crlf.txt": text},
        [("crlf.txt", moved, moved + 12, ["Kremlin"]), ("crlf.txt", kept, kept + 16, ["Kyiv"])],
    )  # fmt: skip
    project = tmp_path / "p.sourcetrack"
    out = cli_ok(capsys, "import", project, qdpx)
    assert (
        f"1 selection moved by the normal form of their text (blanks): 'crlf.txt' "
        f"{moved}–{moved + 12} → 3–14" in out
    )
    with sqlite(project) as conn:
        body = conn.execute("SELECT body FROM articles").fetchone()[0]
        spans = dict(conn.execute(
            'SELECT so.name, substr(a.body, s.start + 1, s."end" - s.start) FROM attributions t '
            "JOIN statements s ON s.id = t.statement_id JOIN articles a ON a.id = s.article_id "
            "JOIN sources so ON so.id = t.source_id"))  # fmt: skip
    assert body == "Un deux trois.\nQuatre cinq six."
    assert spans == {"Kremlin": "deux trois.", "Kyiv": "Quatre cinq six."}  # CRLF is LF here


OLDER_TEXT = "Titre\n\nSéoul affirme. Le Kremlin dément. Kyiv se tait."
OLDER_CODES = {
    "Sources": ("6b7c9a52-0000-4000-8000-000000000001", None),
    "Seoul": ("a0000000-0000-4000-8000-000000000001", "Sources"),
    "Kremlin": ("a0000000-0000-4000-8000-000000000002", "Sources"),
    "Stances": ("6b7c9a52-0000-4000-8000-000000000002", None),
    "stance: asserts": ("b0000000-0000-4000-8000-000000000001", "Stances"),
    "stance: denies": ("b0000000-0000-4000-8000-000000000002", "Stances"),
    "Confidence": ("6b7c9a52-0000-4000-8000-000000000003", None),
    "confidence: Certain": ("c0000000-0000-4000-8000-000000000001", "Confidence"),
    "Claims": ("6b7c9a52-0000-4000-8000-000000000004", None),
    "claim: Troops in Russia": ("d0000000-0000-4000-8000-000000000001", "Claims"),
}


def older_qdpx(path: Path) -> Path:
    """A .qdpx as Sourcetrack wrote them before per-source codes: one selection per tag coded
    with its source, 'stance: …', 'confidence: …' and the claims; an untagged statement as a
    selection without codings; a tag's note as a Note linked from its selection."""
    import zipfile

    def codes(parent: str | None) -> str:
        return "".join(
            f'<Code guid="{guid}" name="{name}" isCodable="{str(up is not None).lower()}">'
            f"{codes(name)}</Code>"
            for name, (guid, up) in OLDER_CODES.items()
            if up == parent
        )

    def guid(name: str) -> str:
        return OLDER_CODES[name][0]

    both = OLDER_TEXT.index("Le Kremlin")
    rows = [
        (OLDER_TEXT.index("Séoul"), ["Seoul", "stance: asserts", "confidence: Certain"], None),
        (both, ["Seoul", "stance: asserts", "claim: Troops in Russia"], None),
        (both, ["Kremlin", "stance: denies", "confidence: Certain", "claim: Troops in Russia"],
         "e0000000-0000-4000-8000-000000000001"),
        (OLDER_TEXT.index("Kyiv"), [], None),
    ]  # fmt: skip
    ends = {OLDER_TEXT.index("Séoul"): OLDER_TEXT.index(" Le"),
            both: OLDER_TEXT.index(" Kyiv"), OLDER_TEXT.index("Kyiv"): len(OLDER_TEXT)}  # fmt: skip
    selections = "".join(
        f'<PlainTextSelection guid="f0000000-0000-4000-8000-{n:012d}" startPosition="{start}" '
        f'endPosition="{ends[start]}" creatingUser="99999999-0000-4000-8000-000000000001">'
        + "".join(
            f'<Coding guid="f1000000-0000-4000-8000-{n * 10 + k:012d}">'
            f'<CodeRef targetGUID="{guid(code)}"/></Coding>'
            for k, code in enumerate(chosen)
        )
        + (f'<NoteRef targetGUID="{note}"/>' if note else "")
        + "</PlainTextSelection>"
        for n, (start, chosen, note) in enumerate(rows)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="old" origin="Sourcetrack 0.1.0">'
        '<Users><User guid="99999999-0000-4000-8000-000000000001" name="Ana"/></Users>'
        f"<CodeBook><Codes>{codes(None)}</Codes></CodeBook><Sources>"
        '<TextSource guid="11111111-0000-4000-8000-000000000000" name="Ancien" '
        f'plainTextPath="internal://t.txt">{selections}</TextSource></Sources>'
        '<Notes><Note guid="e0000000-0000-4000-8000-000000000001" name="Note on Ancien" '
        'plainTextPath="internal://n.txt"/></Notes></Project>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml)
        archive.writestr("sources/t.txt", OLDER_TEXT.encode("utf-8"))
        archive.writestr("sources/n.txt", "« dément » en bloc".encode())
    return path


def test_an_older_sourcetrack_qdpx_still_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qdpx = older_qdpx(tmp_path / "old.qdpx")
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, qdpx)
    tags = [(t[1], t[3], t[4], t[6], t[7], t[8], t[9]) for t in tag_tuples(project)]
    first, both = OLDER_TEXT.index("Séoul"), OLDER_TEXT.index("Le Kremlin")
    assert sorted(tags) == sorted([
        (first, "Seoul", "asserts", "Certain", None, "Ana", ""),
        (both, "Seoul", "asserts", None, "Troops in Russia", "Ana", ""),
        (both, "Kremlin", "denies", "Certain", "Troops in Russia", "Ana", "« dément » en bloc"),
    ])  # fmt: skip
    with sqlite(project) as conn:
        body = conn.execute("SELECT body FROM articles").fetchone()[0]
        spans = conn.execute('SELECT start, "end" FROM statements ORDER BY start').fetchall()
    assert [body[s:e] for s, e in spans] == [
        "Séoul affirme.",
        "Le Kremlin dément.",
        "Kyiv se tait.",
    ]
