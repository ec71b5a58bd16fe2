"""Must show 2: a folder of mixed files imports the good ones and reports each file's fate.

Files that are not articles (a picture, a REFI-QDA project) are reported as skipped; hidden
files and folders are passed over.

One bad file never stops the rest and never leaves half an article behind.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import SEED, SEED_TITLE, cli, row_counts, sqlite

from app.services import formats
from app.services.importing import ArticleMeta, Outcome, import_paths
from app.services.project import Project
from formats.documents import BODY, TITLE, news_page, write_docx, write_pdf

TREATY_TITLE = "Moscou et Pyongyang ratifient leur traité de défense"
TREATY = [
    "Le traité de partenariat stratégique prévoit une assistance militaire mutuelle.",
    "Séoul y voit « une menace directe » pour la péninsule, selon son ministère.",
]
SHELLS_TITLE = "Des obus nord-coréens sur le front ukrainien"
SHELLS_PAGES = [
    [
        ("title", SHELLS_TITLE),
        ("gap", ""),
        ("line", "Kyiv affirme que la moitié des obus tirés par l’armée russe viennent de"),
        ("line", "Corée du Nord. Le Kremlin n’a pas commenté."),
    ]
]
SHELLS_BODY = (
    "Kyiv affirme que la moitié des obus tirés par l’armée russe viennent de Corée du Nord. "
    "Le Kremlin n’a pas commenté."
)


def build_folder(root: Path) -> Path:
    folder = root / "clippings"
    (folder / "office" / "pdf").mkdir(parents=True)
    (folder / ".cache").mkdir()
    shutil.copy(SEED, folder / "a-depeche.txt")
    (folder / "b-page.html").write_text(news_page(), encoding="utf-8")
    write_docx(folder / "office" / "c-traite.docx", title=TREATY_TITLE, paragraphs=TREATY)
    write_pdf(folder / "office" / "pdf" / "d-obus.pdf", SHELLS_PAGES, title=SHELLS_TITLE)
    write_docx(folder / "office" / "e-copie.docx")  # the web page's article again
    good = write_pdf(root / "whole.pdf").read_bytes()
    (folder / "office" / "pdf" / "f-cassé.pdf").write_bytes(good[: len(good) // 3])
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # not an article
    (folder / "c-echange.qdpx").write_bytes(b"PK\x05\x06" + bytes(18))  # a project, not an article
    (folder / ".cache" / "g.html").write_text(news_page(), encoding="utf-8")  # hidden
    return folder


def test_a_mixed_folder_imports_the_good_files_and_reports_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = build_folder(tmp_path)
    project = tmp_path / "p.sourcetrack"

    status, out, err = cli(capsys, "import", project, folder)

    assert status == 1  # a file was refused
    assert out.splitlines() == [  # in path order, folders recursively
        f"imported: {folder / 'a-depeche.txt'}: article 1: 10 statements",
        f"imported: {folder / 'b-page.html'}: article 2: 5 statements",
        f"skipped: {folder / 'c-echange.qdpx'}: a REFI-QDA project: import it on its own",
        f"imported: {folder / 'office' / 'c-traite.docx'}: article 3: 2 statements",
        f"duplicate: {folder / 'office' / 'e-copie.docx'}: already in the project as article 2",
        f"imported: {folder / 'office' / 'pdf' / 'd-obus.pdf'}: article 4: 2 statements",
        f"skipped: {folder / 'photo.png'}: not an article file (.png)",
        "4 imported, 1 duplicate, 1 refused, 2 skipped",
    ]
    assert err.splitlines() == [
        f"refused: {folder / 'office' / 'pdf' / 'f-cassé.pdf'}: f-cassé.pdf cannot be read as a "
        "PDF: it is damaged or not a PDF"
    ]
    with sqlite(project) as conn:
        articles = conn.execute(
            "SELECT title, body, origin_name, origin_format FROM articles ORDER BY id"
        ).fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM statements s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        outside = conn.execute(
            "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
            'WHERE s."end" > length(a.body) OR trim(substr(a.body, s.start + 1, '
            "s.\"end\" - s.start)) = ''"
        ).fetchone()[0]
    assert [(a[0], a[2], a[3]) for a in articles] == [
        (SEED_TITLE, "a-depeche.txt", "text"),
        (TITLE, "b-page.html", "html"),
        (TREATY_TITLE, "c-traite.docx", "docx"),
        (SHELLS_TITLE, "d-obus.pdf", "pdf"),
    ]
    assert articles[1][1] == BODY
    assert articles[2][1] == "\n\n".join(TREATY)
    assert articles[3][1] == SHELLS_BODY
    assert orphans == 0 and outside == 0  # every article whole, with its statements
    assert row_counts(project)["statements"] == 10 + 2 + 2 + 5


def test_a_reader_that_fails_outright_refuses_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = build_folder(tmp_path)
    real = formats.read_document

    def flaky(data: bytes, fmt: str, name: str) -> formats.Document:
        if fmt == "docx":
            raise RuntimeError("the parser tripped")
        return real(data, fmt, name)

    monkeypatch.setattr("app.services.importing.read_document", flaky)
    with Project.open(tmp_path / "p.sourcetrack", create=True) as project:
        report = import_paths(project, [folder], ArticleMeta())
    fates = {Path(r.name).name: (r.outcome, r.message) for r in report.results}
    assert fates["c-traite.docx"] == (
        Outcome.REFUSED,
        "c-traite.docx cannot be read (RuntimeError: the parser tripped)",
    )
    assert [n for n, (o, _) in fates.items() if o is Outcome.IMPORTED] == [
        "a-depeche.txt",
        "b-page.html",
        "d-obus.pdf",
    ]
    assert row_counts(tmp_path / "p.sourcetrack")["articles"] == 3
