"""The project the .qdpx tests export, and its tidy CSV to compare two projects by.

`build_tricky_project` is the demo plus an article typed with é, ’, « », non-breaking spaces,
emoji and CRLF line ends, with a two-source statement carrying notes, a tag by another
annotator and a tag changed after it was made. `export_rows` is a project's tidy CSV without
its ids (a project made by an import has ids of its own).
"""

from __future__ import annotations

import csv
from pathlib import Path

from engines import Location
from helpers import cli_ok, sqlite

from app.services.demo import build_demo

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


def build_tricky_project(root: Path) -> Path:
    """The demo project plus the tricky article, tagged by two sources on one statement (with
    notes), by another annotator, and one tag changed two days after it was made."""
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
    with sqlite(project) as conn:  # changed two days after it was made
        conn.execute("UPDATE attributions SET updated_at = datetime(created_at, '+2 days') "
                     "WHERE statement_id = ?", (peskov,))  # fmt: skip
        conn.commit()
    return project


def export_rows(project: Location, target: Path) -> list[dict[str, str]]:
    cli_ok(None, "export", project, "-o", target)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ("article_id", "statement_id", "origin"):
            del row[column]  # ids are the new project's own; origin says the tag was imported
    return rows
