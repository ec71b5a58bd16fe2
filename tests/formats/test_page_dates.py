"""A web page's publication date is the one it declares, never one guessed from its text.

A timeline with a wrong date is worse than one with a gap: "© 2024" in a footer is not a
publication date, nor is a reader's comment dated 12/03/2023, nor a date the article quotes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers import cli_ok, sqlite

from app.services.formats import read_document
from formats.documents import AUTHOR, BODY, OUTLET, PARAGRAPHS, TITLE, news_page

UNDATED_URL = "https://www.quotidien.example/monde/soldats-nord-coreens-koursk"


def undated_page(head: str = "", article: str = "", after: str = "") -> str:
    """The news page with no date anywhere in its metadata; its footer still says "© 2024"."""
    page = news_page(url=UNDATED_URL)
    page = re.sub(r'<meta property="article:published_time"[^>]*>\n', "", page)
    page = re.sub(r'"datePublished": "[^"]*", ', "", page)
    assert "2024-11-05" not in page and "published" not in page
    assert "<footer><p>© 2024 " in page
    page = page.replace("</head>", f"{head}</head>")
    page = page.replace(f"<p>{PARAGRAPHS[0]}</p>", f"{article}<p>{PARAGRAPHS[0]}</p>")
    return page.replace("</main>", f"{after}</main>")


def stored_article(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str) -> dict:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, path)
    with sqlite(project) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM articles")]
    assert len(rows) == 1
    return rows[0]


def test_a_copyright_year_in_the_footer_is_not_a_publication_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    article = stored_article(tmp_path, capsys, undated_page())

    assert article["published"] is None  # not 2024-01-01
    assert article["body"] == BODY
    assert (article["title"], article["outlet"], article["author"], article["url"]) == (
        TITLE,
        OUTLET,
        AUTHOR,
        UNDATED_URL,
    )


def test_article_published_time_gives_the_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    meta = '<meta property="article:published_time" content="2023-06-14T22:15:00-04:00">\n'
    article = stored_article(tmp_path, capsys, undated_page(head=meta))

    assert article["published"] == "2023-06-14"  # the day as the page gives it, not UTC's
    assert article["body"] == BODY
    assert article["title"] == TITLE


@pytest.mark.parametrize(
    ("where", "markup", "expected"),
    [
        (
            "head",
            '<meta name="dc.date.issued" content="2023-06-14">'
            '<meta property="article:modified_time" content="2024-02-01T10:00:00Z">',
            date(2023, 6, 14),  # a modification time is not the publication date
        ),
        (
            "head",
            '<meta itemprop="datePublished" content="Wed, 14 Jun 2023 22:15:00 GMT">',
            date(2023, 6, 14),
        ),
        (
            "head",
            '<script type="application/ld+json">'
            + json.dumps(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {
                            "@type": "WebPage",
                            "relatedLink": [
                                {"@type": "NewsArticle", "datePublished": "2020-01-02"}
                            ],
                        },
                        {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2023-06-14"},
                    ],
                }
            )
            + "</script>",
            date(2023, 6, 14),
        ),
        (
            "article",
            '<p class="byline">Par <time datetime="2023-06-14T08:00">14 juin</time></p>',
            date(2023, 6, 14),
        ),
        ("head", '<link rel="alternate" href="https://x.example/2023/06/14/a">', None),
        ("article", "<p>Publié le 14/06/2023 à 08h00, mis à jour le 2023-06-15.</p>", None),
        (
            "after",
            '<section class="comments"><p class="date">12/03/2023</p><p>Propagande.</p></section>',
            None,
        ),
        (
            "after",
            '<aside><article><time datetime="2022-02-02">2 février</time></article></aside>',
            None,
        ),
        ("head", '<meta property="article:published_time" content="2024">', None),  # a year alone
    ],
)
def test_only_a_date_the_page_declares_is_read(
    where: str, markup: str, expected: date | None
) -> None:
    page = undated_page(**{where: markup})
    document = read_document(page.encode("utf-8"), "html", "page.html")
    assert document.published == expected
    assert BODY in document.text  # the article itself is still found


def test_a_full_date_in_the_articles_url_is_its_date() -> None:
    page = news_page(url="https://www.quotidien.example/monde/2023/06/14/soldats-koursk")
    page = re.sub(r'<meta property="article:published_time"[^>]*>\n', "", page)
    page = re.sub(r'"datePublished": "[^"]*", ', "", page)
    document = read_document(page.encode("utf-8"), "html", "page.html")
    assert document.published == date(2023, 6, 14)
    assert document.text == f"{TITLE}\n\n{BODY}"  # the importer drops the repeated headline
    assert document.url == "https://www.quotidien.example/monde/2023/06/14/soldats-koursk"
