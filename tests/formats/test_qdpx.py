"""Must show 3: the REFI-QDA export is valid, exact by construction, and imports back.

The project exported is the demo plus an article typed with é, ’, « », non-breaking spaces, an
emoji and CRLF line ends, tagged by two sources with opposite stances on one statement. The
checks read the .qdpx with lxml and zipfile directly, not with the code under test.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, cli, cli_ok, sqlite, tag_tuples
from lxml import etree

from app.services.demo import build_demo

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TRICKY_TITLE = "Séoul 🇰🇷 et Kyiv : « des soldats » à Koursk"
TRICKY = (
    "\ufeffSéoul 🇰🇷 et Kyiv : « des soldats » à Koursk\r\n\r\n"
    "L’état-major sud-coréen 🇰🇷 affirme que 1.100 soldats ont été touchés\u00a0; "
    "Kyiv confirme « l’engagement\u00a0» des troupes.\r\n\r\n"
    "Le Kremlin 🇷🇺 dément\u00a0: «\u00a0Ce sont des rumeurs\u00a0», a déclaré Dmitri Peskov.\r\n"
    "La présence de soldats nord-coréens 😐 a été signalée, bien que le Kremlin continue de "
    "nier.\r\n"
)


def statement_id(project: Path, needle: str) -> int:
    with sqlite(project) as conn:
        rows = conn.execute(
            "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
            'WHERE instr(substr(a.body, s.start + 1, s."end" - s.start), ?) > 0',
            (needle,),
        ).fetchall()
    assert len(rows) == 1, (needle, rows)
    return int(rows[0][0])


@pytest.fixture(scope="module")
def tricky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project plus the tricky article, tagged; built once for this module."""
    root = tmp_path_factory.mktemp("qdpx")
    project = root / "study.sourcetrack"
    build_demo(project).close()
    article = root / "tricky.txt"
    article.write_bytes(TRICKY.encode("utf-8"))
    cli_ok(None, "import", project, article, "--outlet", "Agence 🌐", "--published", "2024-11-05")
    cli_ok(None, "sources", project, "add", "NIS", "--parent", "Seoul", "--colour", "#123456")
    both = statement_id(project, "bien que le Kremlin continue")
    emoji = statement_id(project, "1.100 soldats ont été touchés")
    peskov = statement_id(project, "Ce sont des rumeurs")
    claim = "North Korean troops are in Russia"
    for args in (
        (both, "--source", "Kyiv", "--stance", "asserts", "--confidence", "Probable",
         "--claim", claim, "--note", "« signalée » 🇺🇦\nsur deux lignes"),
        (both, "--source", "Kremlin", "--stance", "denies", "--confidence", "Certain",
         "--claim", claim, "--note", "=SUM(A1) « nier »"),
        (emoji, "--source", "NIS", "--stance", "asserts", "--confidence", "Possible",
         "--claim", "North Korean forces have suffered heavy losses", "--annotator", "Ana"),
        (peskov, "--source", "Kremlin", "--stance", "neutral", "--note", "évasif 😐"),
    ):  # fmt: skip
        cli_ok(None, "tag", project, *args)
    return project


@pytest.fixture(scope="module")
def exported(tricky_project: Path) -> Path:
    target = tricky_project.with_name("study.qdpx")
    out = cli_ok(None, "export", tricky_project, "-o", target, "--format", "qdpx")
    assert out == f"wrote 5 articles ({out.split('(')[1].split()[0]} selections) to {target}\n"
    return target


def read_qdpx(path: Path) -> tuple[zipfile.ZipFile, Any]:
    archive = zipfile.ZipFile(path)
    return archive, etree.fromstring(archive.read("project.qde"))


def test_qdpx_of_the_demo_project_validates_against_the_schema(exported: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(DATA / "Project.xsd")))
    archive, root = read_qdpx(exported)
    assert schema.validate(root), schema.error_log
    sources = root.findall(".//q:TextSource", NS)
    assert len(sources) == 5
    names = set(archive.namelist())
    for source in sources:
        assert source.find("q:PlainTextContent", NS) is None  # by path, never inline
        path = source.get("plainTextPath")
        assert path.startswith("internal://") and f"sources/{path[11:]}" in names
    codes = root.findall(".//q:Code", NS)
    code_names = [c.get("name").casefold() for c in codes]
    assert len(code_names) == len(set(code_names))  # unique, whatever the case
    assert {
        "seoul",
        "kyiv",
        "kremlin",
        "nis",
        "stance: asserts",
        "stance: denies",
        "confidence: possible",
        "claim: north korean troops are in russia",
    } <= set(code_names)
    nis = next(c for c in codes if c.get("name") == "NIS")
    assert nis.getparent().get("name") == "Seoul" and nis.get("color") == "#123456"
    guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
    assert all(GUID.match(g) for g in guids) and len(guids) == len(set(guids))
    targets = {e.get("targetGUID") for e in root.iter() if e.get("targetGUID") is not None}
    assert targets <= set(guids)  # every reference lands
    users = {u.get("name") for u in root.findall(".//q:User", NS)}
    assert users == {"demo", "tester", "Ana"}


def test_every_selection_is_exactly_its_statement_over_the_source_file(
    exported: Path, tricky_project: Path
) -> None:
    archive, root = read_qdpx(exported)
    code_name = {c.get("guid"): c.get("name") for c in root.iter(f"{{{NS['q']}}}Code")}
    with sqlite(tricky_project) as conn:
        bodies = dict(conn.execute("SELECT title, body FROM articles"))
        statements = Counter(conn.execute("SELECT a.title, s.start, s.\"end\" FROM statements s "
                                          "JOIN articles a ON a.id = s.article_id"))  # fmt: skip
    found: list[tuple[Any, ...]] = []
    spans: set[tuple[str, int, int]] = set()
    for source in root.iter(f"{{{NS['q']}}}TextSource"):
        raw = archive.read("sources/" + source.get("plainTextPath")[len("internal://") :])
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw  # no BOM, LF only
        text = raw.decode("utf-8")
        title = source.get("name")
        assert text == bodies[title]
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == bodies[title][start:end] and text[start:end].strip()
            spans.add((title, start, end))
            codes = [code_name[r.get("targetGUID")] for r in selection.iterfind(".//q:CodeRef", NS)]
            sources = [c for c in codes if not c.startswith(("stance:", "confidence:", "claim:"))]
            if sources:
                found.append((title, start, end, sources[0], codes[1].removeprefix("stance: ")))
    assert spans == set(statements)  # every statement, tagged or not, is a selection
    expected = [(t[0], t[1], t[2], t[3], t[4]) for t in tag_tuples(tricky_project)]
    assert sorted(found) == sorted(expected)

    # Positions count code points: after the flags, UTF-16 or UTF-8 offsets would differ.
    tricky = bodies[TRICKY_TITLE]
    after_flags = [(s, e) for t, s, e in spans if t == TRICKY_TITLE and "🇷🇺" in tricky[s:e]]
    assert len(after_flags) == 1
    start, end = after_flags[0]
    assert tricky[start:end].startswith("Le Kremlin 🇷🇺 dément")
    assert len(tricky[:start].encode("utf-16-le")) // 2 > start


def export_rows(project: Path, target: Path) -> list[dict[str, str]]:
    cli_ok(None, "export", project, "-o", target)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ("article_id", "statement_id", "origin"):
            del row[column]  # ids are the new project's own; origin says the tag was imported
    return rows


def test_importing_the_qdpx_into_an_empty_project_reproduces_the_tags(
    exported: Path, tricky_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "fresh.sourcetrack"
    out = cli_ok(capsys, "import", fresh, exported)
    assert out.splitlines()[0].startswith(
        f"imported: {exported}: 5 articles added, 0 already there; 34 tags added"
    )
    assert "new sources: NIS" in out

    assert export_rows(fresh, tmp_path / "fresh.csv") == export_rows(
        tricky_project, tmp_path / "original.csv"
    )

    def statements(project: Path) -> list[tuple[Any, ...]]:
        rows = cli_ok(capsys, "statements", project, "--format", "jsonl").splitlines()
        return [(r["ordinal"], r["start"], r["end"], r["text"], r["claims"])
                for r in map(json.loads, rows)]  # fmt: skip

    assert statements(fresh) == statements(tricky_project)
    query = ("SELECT label, description FROM claims ORDER BY label",
             "SELECT s.name, s.colour, s.description, p.name FROM sources s "
             "LEFT JOIN sources p ON p.id = s.parent_id ORDER BY s.name",
             "SELECT title, outlet, published, url, author, language, body FROM articles "
             "ORDER BY title")  # fmt: skip
    for sql in query:
        with sqlite(fresh) as a, sqlite(tricky_project) as b:
            assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), sql

    # Twice is once: the second import finds everything there already.
    status, out, _ = cli(capsys, "import", fresh, exported)
    assert status == 0 and out.startswith(f"duplicate: {exported}: 0 articles added, 5 already")


FOREIGN_TEXT = (
    "Titre du texte\r\n\r\nLe Kremlin dément tout.\r\nPeskov parle de rumeurs. Kyiv confirme.\r\n"
)
FOREIGN_CODES = {  # GUID → name, as another program names its codes
    "a0000000-0000-4000-8000-00000000000a": "Kremlin",
    "b0000000-0000-4000-8000-00000000000b": "Peskov",
    "c0000000-0000-4000-8000-00000000000c": "Ministère ukrainien",
    "d0000000-0000-4000-8000-00000000000d": "stance: denies",
    "e0000000-0000-4000-8000-00000000000e": "Thème : guerre",
}


def foreign_qdpx(path: Path, selections: list[tuple[str, str]] | None = None) -> Path:
    """A .qdpx as another program writes it: CRLF text, one selection per coding."""
    by_name = {name: guid for guid, name in FOREIGN_CODES.items()}
    selections = selections or [
        ("Le Kremlin dément tout.", "Kremlin"),
        ("Le Kremlin dément tout.", "stance: denies"),
        ("Peskov parle de rumeurs.", "Peskov"),
        ("Kyiv confirme.", "Ministère ukrainien"),
        ("Kyiv confirme.", "Thème : guerre"),
    ]
    elements = []
    for number, (fragment, code) in enumerate(selections):
        start = FOREIGN_TEXT.index(fragment)  # over the text as written, CRs included
        elements.append(
            f'<PlainTextSelection guid="f0000000-0000-4000-8000-{number:012d}" '
            f'startPosition="{start}" endPosition="{start + len(fragment)}">'
            f'<Coding guid="f1000000-0000-4000-8000-{number:012d}">'
            f'<CodeRef targetGUID="{by_name[code]}"/></Coding></PlainTextSelection>'
        )
    codes = "".join(
        f'<Code guid="{guid}" name="{name}" isCodable="true"/>'
        for guid, name in FOREIGN_CODES.items()
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="autre" origin="AutreLogiciel 3">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>"
        '<TextSource guid="11111111-0000-4000-8000-000000000000" name="entretien.txt" '
        f'plainTextPath="internal://t.txt">{"".join(elements)}</TextSource></Sources></Project>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml)
        archive.writestr("Sources/t.txt", FOREIGN_TEXT.encode("utf-8"))
    return path


def test_a_foreign_qdpx_maps_codes_by_name_alias_and_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qdpx = foreign_qdpx(tmp_path / "autre.qdpx")
    project = tmp_path / "p.sourcetrack"
    out = cli_ok(capsys, "import", project, qdpx, "--map", "Ministère ukrainien=Kyiv")
    assert "codings of codes matching no source left out: 'Thème : guerre' (1)" in out
    tags = [(t[0], t[3], t[4], t[8], t[10]) for t in tag_tuples(project)]
    assert sorted(tags) == [
        ("entretien.txt", "Kremlin", "asserts", "tester", "imported"),  # Peskov: an alias
        ("entretien.txt", "Kremlin", "denies", "tester", "imported"),  # stance on the same span
        ("entretien.txt", "Kyiv", "asserts", "tester", "imported"),  # by --map
    ]
    with sqlite(project) as conn:
        body = conn.execute("SELECT body FROM articles").fetchone()[0]
        spans = conn.execute('SELECT start, "end" FROM statements ORDER BY start').fetchall()
    assert "\r" not in body  # CRLF normalised, and the positions followed
    assert [body[s:e] for s, e in spans] == [
        "Titre du texte",
        "Le Kremlin dément tout.",
        "Peskov parle de rumeurs.",
        "Kyiv confirme.",
    ]


def test_a_map_to_an_unknown_source_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qdpx = foreign_qdpx(tmp_path / "autre.qdpx")
    status, _out, err = cli(capsys, "import", tmp_path / "p.sourcetrack", qdpx,
                            "--map", "Peskov=Moscou")  # fmt: skip
    assert status == 1
    assert err == (f"refused: {qdpx}: --map Peskov=Moscou: the project has no source 'Moscou' "
                   "(add it first with 'sources add')\n")  # fmt: skip


def test_a_coding_of_part_of_a_sentence_does_not_leave_the_sentence_overlapping_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qdpx = foreign_qdpx(tmp_path / "autre.qdpx", [("Peskov parle de rumeurs", "Peskov")])
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, qdpx)
    with sqlite(project) as conn:
        body = conn.execute("SELECT body FROM articles").fetchone()[0]
        spans = conn.execute('SELECT start, "end" FROM statements ORDER BY start').fetchall()
    texts = [body[s:e] for s, e in spans]
    assert texts == [
        "Titre du texte",
        "Le Kremlin dément tout.",
        "Peskov parle de rumeurs",  # the coded words, without the sentence around them
        "Kyiv confirme.",
    ]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlap
