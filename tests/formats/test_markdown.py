"""A Markdown file is stored as the text a researcher reads, not as the markup that writes it.

Emphasis markers go, a link keeps its text, a heading loses its '#', each list item is a
paragraph (and so a statement) without its bullet or number, a quotation loses its '>', code
keeps its text, and an HTML comment (a note to oneself) is not part of the article.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from helpers import cli_ok, sqlite

from app.services.formats import read_document
from app.services.importing import ArticleMeta, draft_from_document

NOTE = """\
# Le *Kremlin* dément, **Séoul** maintient

Le *Kremlin* a [démenti](https://kremlin.example/communique "communiqué") les faits.
Séoul maintient sa version.

## Ce que disent les capitales

- Moscou parle de « rumeurs ».
- Kyiv publie des **images** satellites.

1. L’état-major sud-coréen évoque 1.100 pertes.
2. Pyongyang se tait.

> « Nous n’avons rien à cacher », a déclaré le porte-parole.

Le communiqué cite la commande `deploy --force` sans l’expliquer.

<!-- note de la chercheuse : vérifier la date -->

```
rapport brut, ligne 1
```
"""
TITLE = "Le Kremlin dément, Séoul maintient"
STATEMENTS = [
    "Le Kremlin a démenti les faits.",
    "Séoul maintient sa version.",
    "Ce que disent les capitales",
    "Moscou parle de « rumeurs ».",
    "Kyiv publie des images satellites.",
    "L’état-major sud-coréen évoque 1.100 pertes.",
    "Pyongyang se tait.",
    "« Nous n’avons rien à cacher », a déclaré le porte-parole.",
    "Le communiqué cite la commande deploy --force sans l’expliquer.",
    "rapport brut, ligne 1",
]
# A line break inside a paragraph stays, as in a text file; paragraphs are a blank line apart.
BODY = "Le Kremlin a démenti les faits.\nSéoul maintient sa version.\n\n" + "\n\n".join(
    STATEMENTS[2:]
)


def test_markdown_is_read_as_plain_text() -> None:
    document = read_document(NOTE.encode("utf-8"), "markdown", "note.md")
    draft = draft_from_document(document, ArticleMeta(), origin_name="note.md")

    assert document.text == f"{TITLE}\n\n{BODY}"
    assert (draft.title, draft.body, draft.language) == (TITLE, BODY, "fr")
    assert [draft.body[s.start : s.end] for s in draft.spans] == STATEMENTS


def test_a_markdown_file_imports_as_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    project = tmp_path / "p.sourcetrack"

    out = cli_ok(capsys, "import", project, path)

    assert out.splitlines()[-1] == "1 imported, 0 duplicates, 0 refused"
    with sqlite(project) as conn:
        conn.row_factory = sqlite3.Row
        [article] = [dict(r) for r in conn.execute("SELECT * FROM articles")]
    assert article["title"] == TITLE
    assert article["body"] == BODY
    assert article["language"] == "fr"
    assert (article["origin_name"], article["origin_format"]) == ("note.md", "markdown")
    assert article["origin_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    out = cli_ok(capsys, "statements", project, "--format", "jsonl")
    assert [json.loads(line)["text"] for line in out.splitlines()] == STATEMENTS


def test_markdown_without_a_heading_takes_its_first_line_as_title() -> None:
    text = "Le *Kremlin* dément.\nSéoul **maintient**.\n\n* Kyiv [confirme](http://x).\n"
    document = read_document(text.encode("utf-8"), "markdown", "note.md")
    draft = draft_from_document(document, ArticleMeta(), origin_name="note.md")

    assert (draft.title, draft.body) == ("Le Kremlin dément.", "Séoul maintient.\n\nKyiv confirme.")
