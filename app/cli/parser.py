"""The command line's grammar: every command, its arguments and their checks.

Kept apart from the commands themselves (`app.cli.main`), which it names only by string.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

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


# SQLite stores integers in 64 bits: a larger id cannot name a row, and binding one raises
# OverflowError deep in the driver.
ID_MIN, ID_MAX = -(2**63), 2**63 - 1


class ArgumentRefused(Exception):
    """An argument argparse accepted but the project cannot hold; one line for the user.

    Deliberately not an `argparse.ArgumentError`: argparse would print its usage text and exit
    with status 2, where a refused input gets one line and status 1 like any other refusal.
    """


class _Id(argparse.Action):
    """Stores an id (appends it with `append=True`), refused outside SQLite's integer range."""

    def __init__(self, *args: Any, append: bool = False, kind: str = "row", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.append, self.kind = append, kind

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if not ID_MIN <= values <= ID_MAX:
            raise ArgumentRefused(
                f"no {self.kind} with id {values}: ids lie between {ID_MIN} and {ID_MAX}"
            )
        if self.append:
            values = [*(getattr(namespace, self.dest, None) or []), values]
        setattr(namespace, self.dest, values)


class Parser(argparse.ArgumentParser):
    """An argument parser that knows its own arguments, for `join_dash_values`, and whose
    refusal of a value starting with '-' says how to give one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Set before argparse's own __init__, which adds -h through add_argument.
        self.options: dict[str, argparse.Action] = {}
        self.positionals: list[argparse.Action] = []
        self.strays: list[str] = []  # words starting with '-' that name no option here
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.option_strings:
            self.options.update(dict.fromkeys(action.option_strings, action))
        else:
            self.positionals.append(action)
        return action

    def add_subparsers(self, **kwargs: Any) -> Any:
        action = super().add_subparsers(**kwargs)
        self.positionals.append(action)
        return action

    def error(self, message: str) -> NoReturn:
        expected = _EXPECTED.fullmatch(message)
        if expected:
            option = expected.group(1).split("/")[-1]
            message += f" (a value that starts with '-' is written {option}=-value)"
        elif self.strays and message.startswith(_STRAY_ERRORS):
            stray = self.strays[0]
            message += (
                f" ({stray!r} was taken for an option: write an option's value that starts "
                f"with '-' as --option={stray}, and put a name or a file that does after '--')"
            )
        super().error(message)


_EXPECTED = re.compile(r"argument (\S+): expected (?:at least )?one argument")
# The refusals a name or a file starting with '-' leads to, as argparse words them.
_STRAY_ERRORS = ("unrecognized arguments: ", "the following arguments are required: ")
_NEGATIVE_NUMBER = re.compile(r"-\d+$|-\d*\.\d+$")  # argparse takes these for values already


def join_dash_values(parser: Parser, argv: Sequence[str]) -> list[str]:
    """`argv` with each option's value that starts with '-' joined to it: `--note -1+1` becomes
    `--note=-1+1`, a form argparse always reads as the option's value.

    argparse reads any word that starts with '-' as an option, so `--claim -moins` or `--note
    -1+1` would fail with "expected one argument". A word after an option that takes one value
    is its value, unless it is itself an option of that command (`--note --remove` most likely
    lacks its note): then argparse refuses, and `Parser.error` says to write `--note=-value`.
    Words after `--` are left alone. Which command's options apply is followed through the
    command words (`sources PROJECT add …`) the way argparse itself does.
    """
    out: list[str] = []
    current, seen = parser, 0  # the (sub)command in force, and its positionals given so far
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            out.extend(words[i:])
            break
        action = _option(current, word)
        if action is not None:
            takes_one = action.nargs is None and "=" not in word
            if takes_one and i + 1 < len(words):
                value = words[i + 1]
                dashed = value.startswith("-") and value not in ("-", "--")
                if dashed and _option(current, value) is None:
                    out.append(f"{word}={value}")
                else:
                    out.extend((word, value))
                i += 2
                continue
        elif word.startswith("-") and not _NEGATIVE_NUMBER.match(word):
            for where in (parser, current):  # the command refuses it, or argparse at the top
                where.strays.append(word)
        elif seen < len(current.positionals):
            wanted = current.positionals[seen]
            if isinstance(wanted.choices, dict) and word in wanted.choices:  # a command word
                current, seen = wanted.choices[word], 0
            elif wanted.nargs is None:
                seen += 1
        out.append(word)
        i += 1
    return out


def _option(parser: Parser, word: str) -> argparse.Action | None:
    """The option of `parser` that `word` names (`--note`, `--note=x`, or an abbreviation
    argparse accepts, `--no`), or None."""
    if not word.startswith("-"):
        return None
    name = word.split("=", 1)[0] if word.startswith("--") else word
    if name in parser.options:
        return parser.options[name]
    if name.startswith("--") and len(name) > 2:
        matches = {a for s, a in parser.options.items() if s.startswith(name)}
        if len(matches) == 1:
            return matches.pop()
    return None


def build_parser() -> Parser:
    parser = Parser(
        prog="sourcetrack",
        description="Tag who claims what in the news; compare the sources. "
        "With no command, `sourcetrack [PROJECT]` opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"sourcetrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", help="write a project holding the sample articles and tags")
    p.add_argument("project")

    p = sub.add_parser(
        "init", help="make an empty project: a file, or a team database given by its URL"
    )
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
    p.add_argument(
        "--annotator", type=_annotator, metavar="NAME",
        help="progress and reviews of this annotator (default: anyone's)",
    )  # fmt: skip
    p.add_argument(
        "--unfinished", action="store_true",
        help="only articles with a statement neither tagged nor marked no source",
    )  # fmt: skip
    reviewed = p.add_mutually_exclusive_group()
    reviewed.add_argument("--reviewed", action="store_true", help="only reviewed articles")
    reviewed.add_argument("--unreviewed", action="store_true", help="only articles not reviewed")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the articles (the default)")
    a = actions.add_parser(
        "edit",
        help="correct an article's details; an empty value clears one (the text never changes)",
    )
    a.add_argument("article_id", type=int, action=_Id, kind="article", metavar="ID")
    a.add_argument("--title")
    a.add_argument("--outlet")
    a.add_argument("--author")
    a.add_argument("--published", type=_date_or_empty, metavar="YYYY-MM-DD")
    a.add_argument("--url")
    a.add_argument("--language", metavar="fr|en|unknown")

    p = sub.add_parser("statements", help="list statements and their tags")
    p.add_argument("project")
    p.add_argument("--article", type=int, action=_Id, kind="article", metavar="ID")
    p.add_argument("--source", metavar="S")
    p.add_argument(
        "--search", metavar="WORDS",
        help="only statements holding every word (any order, accents and case ignored, the "
        "last word as a prefix), as the window's search box finds them",
    )  # fmt: skip
    judged = p.add_mutually_exclusive_group()
    judged.add_argument(
        "--untagged", action="store_true",
        help="only statements not judged yet: neither tagged nor marked no source",
    )  # fmt: skip
    judged.add_argument(
        "--no-source", action="store_true", help="only statements marked no source"
    )  # fmt: skip
    p.add_argument(
        "--annotator", type=_annotator, metavar="NAME",
        help="only this annotator's tags, on the statements they tagged; with --untagged or "
        "--no-source: judged by this annotator (default: by anyone)",
    )  # fmt: skip
    p.add_argument("--format", choices=("table", "csv", "jsonl"), default="table")

    p = sub.add_parser("tag", help="tag a statement with a source, stance and confidence")
    p.add_argument("project")
    p.add_argument("statement_id", type=int, action=_Id, kind="statement")
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

    p = sub.add_parser(
        "mark", help="mark a statement as having no source (narration, background), or clear it"
    )
    p.add_argument("project")
    p.add_argument("statement_id", type=int, action=_Id, kind="statement")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--no-source", action="store_true",
        help="judged: no source speaks here (refused where the annotator has tagged it)",
    )  # fmt: skip
    what.add_argument("--clear", action="store_true", help="take the no-source mark off")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")

    p = sub.add_parser("review", help="mark an article reviewed (done) by an annotator")
    p.add_argument("project")
    p.add_argument("article_id", type=int, action=_Id, kind="article", metavar="ID")
    p.add_argument("--clear", action="store_true", help="the article is no longer reviewed")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")

    p = sub.add_parser("suggest", help="suggest source, stance and confidence per statement")
    p.add_argument("project")
    p.add_argument("--article", type=int, action=_Id, kind="article", metavar="ID")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--apply", action="store_true", help="record them (never over a person's tag)")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")

    p = sub.add_parser("compare", help="the claims × sources matrix")
    p.add_argument("project")
    p.add_argument("--source", nargs="+", metavar="S", help="columns, in this order")
    p.add_argument(
        "--contested", dest="contradictions", action="store_true",
        help="only contested claims: one source asserts, another denies (judged over every "
        "source, shown or not)",
    )  # fmt: skip
    # Its first name, still understood, and no longer shown: the help says "contested" only.
    p.add_argument(
        "--contradictions", dest="contradictions", action="store_true", help=argparse.SUPPRESS
    )
    p.add_argument(
        "--annotator", type=_annotator, metavar="NAME",
        help="the layer of this annotator's tags (default: the only annotator's when one has "
        "tagged, else --layer agreed)",
    )  # fmt: skip
    p.add_argument(
        "--layer", choices=("agreed", "consensus"),
        help="agreed: where every annotator who judged a statement tagged it alike; "
        "consensus: the adjudicated tags",
    )  # fmt: skip
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = sub.add_parser(
        "export", help="export tags (csv, jsonl), the matrix (matrix-csv) or the project (qdpx)"
    )
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--format", choices=("csv", "jsonl", "matrix-csv", "qdpx"), default="csv")
    p.add_argument("--excel", action="store_true", help="UTF-8 with BOM and CRLF, for Excel")
    p.add_argument("--article", type=int, action=_Id, append=True, kind="article", metavar="ID")
    p.add_argument("--source", action="append", metavar="S")
    p.add_argument("--annotator", type=_annotator, metavar="NAME")
    p.add_argument("--stance", choices=[s.value for s in Stance])
    p.add_argument("--outlet")
    p.add_argument("--from", dest="published_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="published_to", type=_date, metavar="YYYY-MM-DD")

    p = sub.add_parser("import-tags", help="read tags back from a Sourcetrack CSV")
    p.add_argument("project")
    p.add_argument("file", type=Path, metavar="FILE.csv")

    p = sub.add_parser(
        "agreement",
        help="agreement between annotators: Krippendorff's alpha, Cohen's kappa, percent "
        "agreement per source on presence, stance and confidence",
    )
    p.add_argument("project")
    p.add_argument(
        "--annotator", type=_annotator, action="extend", nargs="+", default=[], metavar="NAME",
        help="an annotator to compare (give two or more; default: everyone who tagged or "
        "marked no source, the consensus aside)",
    )  # fmt: skip
    p.add_argument(
        "--article", type=int, action=_Id, append=True, kind="article", metavar="ID",
        help="only the statements of this article (repeat for more)",
    )  # fmt: skip
    p.add_argument(
        "--source", action="extend", nargs="+", default=[], metavar="S",
        help="only these sources (default: all)",
    )  # fmt: skip
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = sub.add_parser(
        "merge",
        help="bring the tags of coders' copies of a project into it, under their annotators",
    )
    p.add_argument("project", metavar="TARGET")
    p.add_argument("copies", nargs="+", metavar="COPY", help="a project file or database URL")
    p.add_argument(
        "--annotator", type=_annotator, action="extend", nargs="+", default=[], metavar="NAME",
        help="only these annotators' tags (default: every annotator of each copy)",
    )  # fmt: skip
    p.add_argument(
        "--dry-run", action="store_true", help="report what a merge would do; write nothing"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")

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
    a = actions.add_parser("known", help="the aliases the knowledge base offers for a source")
    a.add_argument("source")
    a.add_argument("--add", action="store_true", help="add every alias offered")
    a = actions.add_parser(
        "learn", help="the aliases a tagged statement teaches (the speaker's name)"
    )
    a.add_argument("statement_id", type=int, action=_Id, kind="statement")
    a.add_argument("--add", action="store_true", help="adopt the aliases offered")
    a.add_argument("--annotator", metavar="NAME", help="whose tags (default: you)")
    return parser
