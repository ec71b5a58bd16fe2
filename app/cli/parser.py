"""The command line's grammar: every command, its arguments and their checks.

Kept apart from the commands themselves (`app.cli.main`), which it names only by string.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app import __version__
from app.domain.model import Stance


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from error


def _annotator(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("an annotator needs a name")
    return text  # as given: a name is an identity, not text to tidy


def _date_or_empty(text: str) -> date | str:
    """A date, or "" to clear one."""
    return "" if not text.strip() else _date(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcetrack",
        description="Tag who claims what in the news; compare the sources. "
        "With no command, `sourcetrack [PROJECT]` opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"sourcetrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", help="write a project holding the sample articles and tags")
    p.add_argument("project")

    p = sub.add_parser(
        "import", help="import .txt .md .html .docx .pdf files, folders, URLs or a .qdpx"
    )
    p.add_argument("project")
    # str, not Path: Path would fold the // of an http(s):// URL.
    p.add_argument("paths", nargs="+", metavar="FILE|DIR|URL")
    p.add_argument(
        "--map", action="append", default=[], metavar="CODE=SOURCE",
        help="a .qdpx code whose codings are this source's tags",
    )  # fmt: skip
    p.add_argument("--language", choices=("fr", "en", "auto"), default="auto")
    p.add_argument("--title")
    p.add_argument("--outlet")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--url")
    p.add_argument("--author")

    p = sub.add_parser("articles", help="list the articles with their progress; edit details")
    p.add_argument("project")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the articles (the default)")
    a = actions.add_parser(
        "edit",
        help="correct an article's details; an empty value clears one (the text never changes)",
    )
    a.add_argument("article_id", type=int, metavar="ID")
    a.add_argument("--title")
    a.add_argument("--outlet")
    a.add_argument("--author")
    a.add_argument("--published", type=_date_or_empty, metavar="YYYY-MM-DD")
    a.add_argument("--url")
    a.add_argument("--language", metavar="fr|en|unknown")

    p = sub.add_parser("statements", help="list statements and their tags")
    p.add_argument("project")
    p.add_argument("--article", type=int, metavar="ID")
    p.add_argument("--source", metavar="S")
    p.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")

    p = sub.add_parser("tag", help="tag a statement with a source, stance and confidence")
    p.add_argument("project")
    p.add_argument("statement_id", type=int)
    p.add_argument("--source", required=True, metavar="S")
    p.add_argument(
        "--stance", choices=[s.value for s in Stance],
        help="asserts for a new tag; an existing tag keeps its stance unless given",
    )  # fmt: skip
    p.add_argument("--confidence", metavar="LEVEL", help="a level's label or rank")
    p.add_argument("--claim", action="append", default=[], metavar="LABEL")
    p.add_argument("--note")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")
    p.add_argument("--remove", action="store_true", help="remove this source's tag instead")

    p = sub.add_parser("suggest", help="suggest source, stance and confidence per statement")
    p.add_argument("project")
    p.add_argument("--article", type=int, metavar="ID")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--apply", action="store_true", help="record them (never over a person's tag)")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")

    p = sub.add_parser("compare", help="the claims × sources matrix")
    p.add_argument("project")
    p.add_argument("--source", nargs="+", metavar="S", help="columns, in this order")
    p.add_argument(
        "--contradictions", action="store_true",
        help="only contested claims: one source asserts, another denies (judged over every "
        "source, shown or not)",
    )  # fmt: skip
    p.add_argument("--annotator", type=_annotator, metavar="NAME")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = sub.add_parser(
        "export", help="export tags (csv, jsonl), the matrix (matrix-csv) or the project (qdpx)"
    )
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--format", choices=("csv", "jsonl", "matrix-csv", "qdpx"), default="csv")
    p.add_argument("--excel", action="store_true", help="UTF-8 with BOM and CRLF, for Excel")
    p.add_argument("--article", type=int, action="append", metavar="ID")
    p.add_argument("--source", action="append", metavar="S")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")
    p.add_argument("--stance", choices=[s.value for s in Stance])
    p.add_argument("--outlet")
    p.add_argument("--from", dest="published_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="published_to", type=_date, metavar="YYYY-MM-DD")

    p = sub.add_parser("import-tags", help="read tags back from a Sourcetrack CSV")
    p.add_argument("project")
    p.add_argument("file", type=Path, metavar="FILE.csv")

    p = sub.add_parser("sources", help="list, add, rename sources; add aliases")
    p.add_argument("project")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the sources (the default)")
    a = actions.add_parser("add", help="add a source")
    a.add_argument("name")
    a.add_argument("--colour", metavar="#RRGGBB")
    a.add_argument("--description", default="")
    a.add_argument("--parent", metavar="S")
    a.add_argument("--reliability", metavar="A-F")
    a = actions.add_parser("rename", help="rename a source (its tags follow)")
    a.add_argument("old")
    a.add_argument("new")
    a = actions.add_parser("alias", help="add aliases used by suggestions")
    a.add_argument("source")
    a.add_argument("aliases", nargs="+")
    a.add_argument("--language", default="fr", choices=("fr", "en"))
    a.add_argument("--remove", action="store_true")
    return parser
