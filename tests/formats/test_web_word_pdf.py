"""Must show 1: a news web page keeps exactly its article; Word and PDF give the same statements.

And an image-only PDF is refused with a message saying why.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers import cli, cli_ok, sqlite

from app.services.formats import read_document
from app.services.importing import ArticleMeta, Outcome, draft_from_document, import_file
from app.services.project import Project
from formats.documents import (
    AUTHOR,
    BODY,
    OUTLET,
    PAGE_CHROME,
    PARAGRAPHS,
    TITLE,
    URL,
    news_page,
    write_docx,
    write_image_only_pdf,
    write_pdf,
)


def statement_texts(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    out = cli_ok(capsys, "statements", project, "--format", "jsonl")
    return [json.loads(line)["text"] for line in out.splitlines()]


def article_row(project: Path) -> dict[str, object]:
    with sqlite(project) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT * FROM articles").fetchall()
    assert len(rows) == 1
    return dict(rows[0])


def test_news_page_keeps_exactly_the_article_and_reads_its_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    page = tmp_path / "saved-page.html"
    page.write_text(news_page(), encoding="utf-8")
    project = tmp_path / "p.sourcetrack"

    out = cli_ok(capsys, "import", project, page)

    assert out.splitlines()[-1] == "1 imported, 0 duplicates, 0 refused"
    article = article_row(project)
    assert article["body"] == BODY  # exactly the article's paragraphs, nothing of the page
    for chrome in PAGE_CHROME:
        assert chrome not in article["body"]
    assert article["title"] == TITLE
    assert article["outlet"] == OUTLET
    assert article["author"] == AUTHOR
    assert article["published"] == "2024-11-05"
    assert article["url"] == URL
    assert article["language"] == "fr"
    assert article["origin_name"] == "saved-page.html"
    assert article["origin_format"] == "html"
    assert article["origin_sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert statement_texts(project, capsys)[0] == PARAGRAPHS[0]
    assert no_network == []  # nothing in the page was fetched


def test_what_the_user_gives_wins_over_the_page(tmp_path: Path) -> None:
    document = read_document(news_page().encode("utf-8"), "html", "page.html")
    meta = ArticleMeta(
        title="Mon titre", outlet="AFP", published=date(2024, 11, 6), url="https://afp.example/1",
        author="Rédaction", language="en",
    )  # fmt: skip
    draft = draft_from_document(document, meta, origin_name="page.html")
    assert (draft.title, draft.outlet, draft.published, draft.url, draft.author, draft.language) == (
        "Mon titre", "AFP", date(2024, 11, 6), "https://afp.example/1", "Rédaction", "en",
    )  # fmt: skip
    assert draft.body == BODY  # the page's headline still does not become a statement


def test_the_same_article_as_web_page_word_and_pdf_gives_the_same_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "article.html"
    page.write_text(news_page(), encoding="utf-8")
    files = [page, write_docx(tmp_path / "article.docx"), write_pdf(tmp_path / "article.pdf")]
    statements = []
    for file in files:
        project = tmp_path / f"{file.suffix[1:]}.sourcetrack"
        cli_ok(capsys, "import", project, file)
        article = article_row(project)
        assert article["title"] == TITLE, file.name
        assert article["body"] == BODY, file.name
        assert article["origin_format"] == file.suffix[1:]
        statements.append(statement_texts(project, capsys))
    assert statements[0] == statements[1] == statements[2]
    assert len(statements[0]) == 5  # four paragraphs, the third of two sentences
    assert "Moscou n’a publié aucun chiffre." in statements[0]

    # Imported together, the Word and PDF copies are duplicates of the page: the same body.
    together = tmp_path / "together.sourcetrack"
    status, out, _err = cli(capsys, "import", together, *files)
    assert status == 0
    assert out.splitlines()[-1] == "1 imported, 2 duplicates, 0 refused"


def test_word_metadata_is_read_and_a_title_paragraph_is_not_a_statement(tmp_path: Path) -> None:
    docx = write_docx(tmp_path / "article.docx")
    document = read_document(docx.read_bytes(), "docx", docx.name)
    assert (document.title, document.published) == (TITLE, date(2024, 11, 5))
    assert "page header" not in document.text  # headers are not the article
    # Without a title property, the first paragraph (the Title) is the title, as for text.
    bare = write_docx(tmp_path / "bare.docx", title_property=False)
    draft = draft_from_document(read_document(bare.read_bytes(), "docx", bare.name), ArticleMeta())
    assert (draft.title, draft.body) == (TITLE, BODY)


def test_pdf_drops_running_headers_and_page_numbers_and_joins_hyphenated_words(
    tmp_path: Path,
) -> None:
    pdf = write_pdf(tmp_path / "article.pdf")
    document = read_document(pdf.read_bytes(), "pdf", pdf.name)
    assert document.text == f"{TITLE}\n\n{BODY}"
    assert "Quotidien" not in document.text and "Page 1" not in document.text
    assert "pertes" in document.text and "per-" not in document.text  # per-/tes joined
    assert "nord-coréennes seraient" in document.text  # a compound keeps its own hyphen
    assert "informations, qualifiées de « rumeurs »" in document.text  # across the page break


def test_an_image_only_pdf_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    scan = write_image_only_pdf(tmp_path / "scan.pdf")
    with Project.open(tmp_path / "p.sourcetrack", create=True) as project:
        result = import_file(project, scan, ArticleMeta())
    assert result.outcome is Outcome.REFUSED
    assert result.message.startswith("scan.pdf has no text layer (a scanned image?)")
    assert "OCR" in result.message


def test_json_ld_alone_gives_headline_date_publisher_and_author() -> None:
    page = re.sub(r'<meta (?:property|name)="(?:og:|author|article:)[^>]*>\n', "", news_page())
    page = re.sub(r"<title>[^<]*</title>", "<title>Page</title>", page)
    assert "og:" not in page and 'name="author"' not in page
    document = read_document(page.encode("utf-8"), "html", "page.html")
    assert (document.title, document.outlet, document.author, document.published) == (
        TITLE,
        OUTLET,
        AUTHOR,
        date(2024, 11, 5),
    )
