"""The REFI-QDA export: valid, exact by construction, safe for QualCoder, and it imports back.

The project exported is the demo plus an article typed with é, ’, « », non-breaking spaces, an
emoji and CRLF line ends, tagged by two sources with opposite stances and notes on one
statement (`formats.qdpx_files`). The checks read the .qdpx with lxml and zipfile directly, not
with the code under test. What makes QualCoder's importer store every coding and every note:
each source has its own stance and confidence codes, so no code, span and coder repeat (it keeps
one coding of each); note names are unique (it fails on a repeat); a tag's note is also its
selection's Description (it keeps that as the coding's memo, and drops the link to the note).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, cli, cli_ok, sqlite, tag_tuples
from lxml import etree

from formats.qdpx_files import TRICKY_TITLE, build_tricky_project, export_rows
from formats.qdpx_layouts import member_text, read_codings

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@pytest.fixture(scope="module")
def tricky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project plus the tricky article, tagged; built once for this module."""
    return build_tricky_project(tmp_path_factory.mktemp("qdpx"))


@pytest.fixture(scope="module")
def exported(tricky_project: Path) -> Path:
    target = tricky_project.with_name("study.qdpx")
    out = cli_ok(None, "export", tricky_project, "-o", target, "--format", "qdpx")
    assert out == f"wrote 5 articles ({out.split('(')[1].split()[0]} selections) to {target}\n"
    return target


def read_qdpx(path: Path) -> tuple[zipfile.ZipFile, Any]:
    archive = zipfile.ZipFile(path)
    return archive, etree.fromstring(archive.read("project.qde"))


def test_qdpx_of_the_demo_project_validates_against_the_schema(
    exported: Path, tricky_project: Path
) -> None:
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
    guids = [e.get("guid") for e in root.iter() if e.get("guid") is not None]
    assert all(GUID.match(g) for g in guids) and len(guids) == len(set(guids))
    targets = {e.get("targetGUID") for e in root.iter() if e.get("targetGUID") is not None}
    assert targets <= set(guids)  # every reference lands
    users = {u.get("name") for u in root.findall(".//q:User", NS)}
    with sqlite(tricky_project) as conn:
        assert users == {name for (name,) in conn.execute("SELECT name FROM annotators")}


def test_the_codebook_gives_each_source_its_own_stance_and_confidence_codes(
    exported: Path, tricky_project: Path
) -> None:
    _archive, root = read_qdpx(exported)
    top = {c.get("name"): c for c in root.findall("q:CodeBook/q:Codes/q:Code", NS)}
    assert set(top) == {"Sources", "Claims", "Statements"}
    assert top["Sources"].get("isCodable") == "false" and top["Claims"].get("isCodable") == "false"
    assert top["Statements"].get("isCodable") == "true"

    def children(code: Any) -> list[str]:
        return [c.get("name") for c in code.iterfind("q:Code", NS)]

    with sqlite(tricky_project) as conn:
        sources = [n for (n,) in conn.execute("SELECT name FROM sources WHERE parent_id IS NULL")]
        levels = [n for (n,) in conn.execute(
            "SELECT l.label FROM confidence_levels l JOIN confidence_scales s ON s.id = l.scale_id "
            "WHERE s.active ORDER BY l.rank")]  # fmt: skip
        claims = sorted(n for (n,) in conn.execute("SELECT label FROM claims"))
    assert children(top["Sources"]) == sources
    axes = [f"{{}} ▸ {v}" for v in ("asserts", "denies", "neutral", *levels)]
    for source in top["Sources"].iterfind("q:Code", NS):
        name = source.get("name")
        assert children(source)[: len(axes)] == [a.format(name) for a in axes]
    seoul = next(c for c in top["Sources"] if c.get("name") == "Seoul")
    nis = next(c for c in seoul.iterfind("q:Code", NS) if c.get("name") == "NIS")
    assert nis.get("color") == "#123456"  # a child source under its parent, with its colour
    assert children(nis) == [a.format("NIS") for a in axes]
    assert sorted(children(top["Claims"])) == [f"claim: {c}" for c in claims]


def test_a_tag_is_its_source_codes_on_its_span_and_claims_are_coded_once(
    exported: Path, tricky_project: Path
) -> None:
    """The mapping: per span and coder, a tag's source, its source's stance and confidence;
    per span, its claims and the Statements code once each."""
    seen = read_codings(exported)
    by_span_user: dict[tuple[str, int, int, str | None], set[str]] = defaultdict(set)
    per_span: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for c in seen:
        if c.code.startswith("claim: ") or c.code == "Statements":
            per_span[(c.source, c.start, c.end)][c.code] += 1
            assert c.user is None  # the statement's, not a tag's
        else:
            by_span_user[(c.source, c.start, c.end, c.user)].add(c.code)
    expected: dict[tuple[str, int, int, str | None], set[str]] = defaultdict(set)
    claims: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for title, start, end, source, stance, _rank, label, joined, annotator, *_ in tag_tuples(
        tricky_project
    ):
        expected[(title, start, end, annotator)] |= {source, f"{source} ▸ {stance}"}
        if label is not None:
            expected[(title, start, end, annotator)].add(f"{source} ▸ {label}")
        claims[(title, start, end)] |= {f"claim: {c}" for c in (joined or "").split("|") if c}
    assert by_span_user == expected
    with sqlite(tricky_project) as conn:
        statements = conn.execute('SELECT a.title, s.start, s."end" FROM statements s '
                                  "JOIN articles a ON a.id = s.article_id").fetchall()  # fmt: skip
    assert set(per_span) == {tuple(s) for s in statements}
    for span, counted in per_span.items():
        assert counted == Counter({"Statements": 1, **dict.fromkeys(claims.get(span, ()), 1)})


def test_no_code_span_and_coder_repeat(exported: Path) -> None:
    """QualCoder keeps one coding per code, span and coder: none may be lost to that."""
    triples = Counter((c.source, c.start, c.end, c.code, c.user) for c in read_codings(exported))
    assert triples and max(triples.values()) == 1


def test_note_names_are_unique_and_every_note_is_its_tags_description(
    exported: Path, tricky_project: Path
) -> None:
    archive, root = read_qdpx(exported)
    notes = root.findall("q:Notes/q:Note", NS)
    names = [n.get("name") for n in notes]
    assert len(names) == len(set(names)) and all(names)
    assert all(n.get("creationDateTime") for n in notes)  # QualCoder fails on a note without
    with sqlite(tricky_project) as conn:
        tag_notes = sorted(
            n for (n,) in conn.execute("SELECT note FROM attributions WHERE note != ''")
        )
    assert sorted(member_text(archive, n.get("plainTextPath")) for n in notes) == tag_notes
    linked = Counter(name for c in read_codings(exported) for name in c.notes)
    assert set(linked) == set(names)  # each note hangs on its tag's selection
    text = {n.get("name"): member_text(archive, n.get("plainTextPath")) for n in notes}
    for coding in read_codings(exported):
        for name in coding.notes:
            assert coding.description == text[name]  # QualCoder keeps it as the coding's memo


def test_every_selection_is_exactly_its_statement_over_the_source_file(
    exported: Path, tricky_project: Path
) -> None:
    archive, root = read_qdpx(exported)
    with sqlite(tricky_project) as conn:
        bodies = dict(conn.execute("SELECT title, body FROM articles"))
        statements = Counter(conn.execute("SELECT a.title, s.start, s.\"end\" FROM statements s "
                                          "JOIN articles a ON a.id = s.article_id"))  # fmt: skip
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
    assert spans == set(statements)  # every statement, tagged or not, is a selection

    # Positions count code points: after the flags, UTF-16 or UTF-8 offsets would differ.
    tricky = bodies[TRICKY_TITLE]
    after_flags = [(s, e) for t, s, e in spans if t == TRICKY_TITLE and "🇷🇺" in tricky[s:e]]
    assert len(after_flags) == 1
    start, end = after_flags[0]
    assert tricky[start:end].startswith("Le Kremlin 🇷🇺 dément")
    assert len(tricky[:start].encode("utf-16-le")) // 2 > start


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
