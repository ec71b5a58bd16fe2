"""The rich project the export and `import-tags` tests share: its articles, tags and helpers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import (
    SEED,
    cli_ok,
    database,
)

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

ACCENT_TITLE = "L’été « brûlant » de Séoul : Moscou s’inquiète, très déçu, reçu à Kyiv"
ACCENT_BODY = (
    "Séoul a révélé l’existence d’un « accord » très discret. Le Kremlin, déçu, a démenti ; ça "
    "n’a rien changé à Koursk.\n\n"
    "- Le Kremlin dément tout.\n\n"
    "+ 20 % de pertes, selon Kyiv.\n\n"
    "@Kyiv affirme le contraire.\n\n"
    "=SUM(A1) n’est pas une phrase. Mais l’été « brûlant » a commencé ; ça se voit très bien, "
    "près de la frontière."
)
FORMULA_TITLES = (
    '=HYPERLINK("http://x","y")',
    "+33 soldats : Séoul précise",
    "-5 % : Kyiv révise ses chiffres",
    "@Kremlin répond à Séoul",
)
NOTES = (
    '=HYPERLINK("http://x","y")',
    "  =1+1 é",
    " +33 è",
    "   -5 ç",
    "  @Séoul",
    "\t=tabulation",
    "\r=retour",
    "  \tespaces puis tabulation",
    "  \rcr après espaces",
    "'déjà une apostrophe",
    "« citation » l’été, très ç è é",
    "ligne un\nligne deux « » ’",
    "",
)
CLAIMS = ("Troupes en Russie", "=Formule", "L’été « brûlant » à Koursk", "-Moins")


def write_articles(folder: Path) -> list[Path]:
    """The article files of the rich project (the seed is used from tests/data)."""
    folder.mkdir(exist_ok=True)
    files = [folder / "accents.txt"]
    files[0].write_text(f"{ACCENT_TITLE}\n\n{ACCENT_BODY}\n", encoding="utf-8")
    for number, title in enumerate(FORMULA_TITLES, start=1):
        path = folder / f"formule-{number}.txt"
        path.write_text(
            f"{title}\n\nSéoul confirme l’envoi de {number}000 soldats. Le Kremlin dément.\n",
            encoding="utf-8",
        )
        files.append(path)
    return files


def statements(path: Path) -> list[tuple[int, str, str]]:
    """(statement id, article title, text) of every statement."""
    with database(path) as conn:
        return conn.execute(
            'SELECT s.id, a.title, substr(a.body, s.start + 1, s."end" - s.start) '
            "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.id"
        ).fetchall()


# What the rich project's second import says of its articles (and the fresh copy's, the same).
RICH_META = (
    "--outlet", "Le Fígaro « été »", "--published", "2024-11-05", "--url", "https://example.org/été",
)  # fmt: skip


def build_rich_project(
    path: Path, files: list[Path], capsys: pytest.CaptureFixture[str] | None
) -> None:
    """Articles with accents and formula-like text, tagged with every kind of awkward value."""
    cli_ok(capsys, "import", path, SEED)
    cli_ok(
        capsys,
        "import",
        path,
        *files,
        *RICH_META,
    )
    cli_ok(capsys, "sources", path, "add", "=Pyongyang")
    rows = statements(path)
    sources = ["Seoul", "Kremlin", "Kyiv", "=Pyongyang"]
    stances = ["asserts", "denies", "neutral"]
    confidences = ["Certain", "Probable", "Possible", "Unknown", None]
    annotators = ["tester", "+alice", " @bob"]
    for i, (statement_id, _title, _text) in enumerate(rows):
        args: list[object] = [
            "tag",
            path,
            statement_id,
            "--source",
            sources[i % len(sources)],
            "--stance",
            stances[i % len(stances)],
            f"--note={NOTES[i % len(NOTES)]}",
            "--annotator",
            annotators[i % len(annotators)],
        ]
        if confidences[i % len(confidences)]:
            args += ["--confidence", confidences[i % len(confidences)]]
        for j in range(i % 3):
            args.append(f"--claim={CLAIMS[(i + j) % len(CLAIMS)]}")  # may start with -
        cli_ok(capsys, *args)
    # Two sources on one statement, a second annotator on another.
    first = rows[0][0]
    cli_ok(
        capsys,
        "tag",
        path,
        first,
        "--source",
        "Kremlin",
        "--stance",
        "denies",
        "--note",
        "« nier » l’été, ç è é",
        "--claim",
        CLAIMS[0],
    )
    cli_ok(capsys, "tag", path, first, "--source", "Seoul", "--annotator", "+alice")





def export(capsys: pytest.CaptureFixture[str], path: Path, out: Path, *extra: str) -> Path:
    text = cli_ok(capsys, "export", path, "-o", out, *extra)
    assert text.startswith("wrote ") and str(out) in text
    return out


def read_csv_rows(path: Path, *, excel: bool = False) -> list[list[str]]:
    with path.open(encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        return list(csv.reader(handle, strict=True))


