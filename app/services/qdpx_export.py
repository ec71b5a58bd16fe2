"""The REFI-QDA project export (.qdpx) for QualCoder, NVivo, ATLAS.ti and MAXQDA.

A .qdpx is a zip holding `project.qde` (QDA-XML, valid against the REFI-QDA Project schema) and
`sources/`, one UTF-8 text file per article and per note. What importers in the field expect,
and so what this writes (measured on importers, not only read from the schema):

- each article's body as `sources/GUID.txt`, referenced by `plainTextPath="internal://GUID.txt"`
  (never inline `PlainTextContent`, which one importer crashes on), without a byte-order mark,
  with LF line ends: exactly the stored body, which is already in that form;
- selections by `startPosition`/`endPosition` in Unicode code points, 0-based, end exclusive,
  which is what a statement's `start`/`end` (Python string indices into that body) already are,
  so positions are right by construction; they are still checked against each body;
- code names unique (case-insensitively), note names unique, every GUID a valid one.

The codebook (`app.domain.refi`): under a Sources group, a code per source (nested under its
parent source, with its colour) and, under it, that source's stance and confidence codes
("Seoul ▸ asserts", "Seoul ▸ Probable"); under a Claims group, a code per claim; and the
Statements code. Every statement is a selection coded Statements and with its claims; each tag
is a selection by its annotator coded with its source, its source's stance and its source's
confidence (a tag changed after it was made has those two in a second selection, dated when it
was changed, since QualCoder keeps one date per coding). So no code, span and coder repeat, and
nothing that an importer keeping one coding per code, span and coder merges carries meaning. A
tag's note is the selection's Description (QualCoder's coding memo) and a Note it links to.
Annotators are Users; article metadata are Variables.

The file is streamed: `project.qde` is written into the zip as the project is read, one
statement at a time, then the bodies and the notes, so memory does not grow with the project.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Generic, TypeVar

import sqlalchemy as sa

from app import __version__
from app.domain import refi
from app.domain.model import DomainError, Stance
from app.domain.rows import ExportArticle, ExportLevel, ExportTag, SourceRow
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.exporting import atomic_file
from app.services.project import Project
from app.store import qdpx as qdpx_store
from app.store import tags as tag_store

VARIABLES = (("outlet", "Text"), ("published", "Date"), ("url", "Text"), ("author", "Text"),
             ("language", "Text"))  # fmt: skip
STATEMENT_WITHOUT_TEXT = QT_TRANSLATE_NOOP(
    "Refusals", "statement {statement} has no text; not exported"
)
STATEMENT_OUTSIDE_TEXT = QT_TRANSLATE_NOOP(
    "Refusals", "a statement of article {article} lies outside its text; not exported"
)
_STANCE_ABOUT = {
    Stance.ASSERTS: "{} asserts the claim.",
    Stance.DENIES: "{} denies the claim.",
    Stance.NEUTRAL: "{} mentions the claim without committing to it.",
}
# Above this many bytes of XML (a guess from the counts) the zip member needs ZIP64 headers.
_ZIP64_GUESS = 1 << 30


@dataclass(frozen=True)
class QdpxSummary:
    articles: int
    selections: int
    codes: int
    codings: int = 0
    notes: int = 0


def export_qdpx(project: Project, path: Path) -> QdpxSummary:
    """Write the whole project to `path` as a .qdpx; the file appears only once complete."""
    path = Path(path)
    with (
        _atomic_binary(path) as handle,
        project.read() as conn,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        return _Writer(conn, name=path.stem).write(archive)


def timestamp(value: datetime | None) -> str | None:
    """An xsd:dateTime in UTC ending in Z (naive times are UTC in a project)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Writer:
    def __init__(self, conn: sa.Connection, name: str) -> None:
        self.conn = conn
        self.name = name
        self.guids = refi.Guids()
        self.names = refi.UniqueNames()
        self.users = qdpx_store.annotator_names(conn)
        self.source_code: dict[int, str] = {}
        self.stance_code: dict[tuple[int, str], str] = {}
        self.level_code: dict[tuple[int, int], str] = {}
        self.claim_code: dict[int, str] = {}
        self.statement_code = refi.GROUP_GUIDS["statements"]
        self.variable_guid: dict[str, str] = {}
        self.codes = self.selections = self.codings = self.notes = 0
        self.ends: dict[int, int] = {}  # article id → the end of its last statement

    def write(self, archive: zipfile.ZipFile) -> QdpxSummary:
        statements, tags = qdpx_store.export_size(self.conn)
        zip64 = statements * 600 + tags * 1200 > _ZIP64_GUESS
        with (
            archive.open("project.qde", "w", force_zip64=zip64) as member,
            io.TextIOWrapper(member, encoding="utf-8", newline="\n") as out,
        ):
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write(_open("Project", xmlns=refi.NAMESPACE,
                            name=self.name or "Sourcetrack project",
                            origin=f"{refi.ORIGIN} {__version__}",
                            creationDateTime=timestamp(datetime.now(UTC))))  # fmt: skip
            self._users(out)
            self._codebook(out)
            self._variables(out)
            articles = self._sources(out)
            self._notes(out)
            out.write(_element("Description", f"Exported by Sourcetrack {__version__}."))
            out.write("</Project>\n")
        self._bodies(archive)
        for note in qdpx_store.export_notes(self.conn):
            archive.writestr(f"sources/{self._note_guid(note.tag_id)}.txt", note.note.encode())
        return QdpxSummary(articles, self.selections, self.codes, self.codings, self.notes)

    # --- users, codebook, variables ---------------------------------------------------------

    def _users(self, out: IO[str]) -> None:
        if not self.users:
            return
        out.write("<Users>\n")
        for annotator_id, name in sorted(self.users.items()):
            out.write(_empty("User", guid=self._user(annotator_id), name=name))
        out.write("</Users>\n")

    def _user(self, annotator_id: int | None) -> str | None:
        return None if annotator_id is None else self.guids.make("user", annotator_id)

    def _codebook(self, out: IO[str]) -> None:
        sources = tag_store.list_sources(self.conn)
        levels = qdpx_store.levels_for_export(self.conn)
        claims = tag_store.list_claims(self.conn)
        # Sources first: they keep their exact names, and their axis codes are named after them.
        source_names = {source.id: self.names.take(source.name) for source in sources}
        children: dict[int | None, list[SourceRow]] = defaultdict(list)
        for source in sources:
            parent = source.parent_id if source.parent_id in source_names else None
            children[parent].append(source)
        out.write("<CodeBook><Codes>\n")

        def add_sources(parent_id: int | None) -> None:
            for source in children.get(parent_id, []):
                guid = self.source_code[source.id] = self._code_guid()
                out.write(_open("Code", guid=guid, name=source_names[source.id], isCodable="true",
                                color=refi.colour_or_none(source.colour)))  # fmt: skip
                if source.description:
                    out.write(_element("Description", source.description))
                self._axis_codes(out, source, source_names[source.id], levels)
                add_sources(source.id)
                out.write("</Code>\n")

        self._group(out, "sources")
        add_sources(None)
        out.write("</Code>\n")
        self._group(out, "claims")
        for claim in claims:
            guid = self.claim_code[claim.id] = self._code_guid()
            self._leaf(out, guid, refi.CLAIM_PREFIX + claim.label, None, claim.description)
        out.write("</Code>\n")
        self.codes += 1
        self._leaf(out, self.statement_code, refi.STATEMENTS_CODE, None,
                   "Every statement of the project, tagged or not: one coding each, so the "
                   "statements survive a program that keeps only coded text.")  # fmt: skip
        out.write("</Codes></CodeBook>\n")

    def _axis_codes(
        self, out: IO[str], source: SourceRow, name: str, levels: list[ExportLevel]
    ) -> None:
        for stance in Stance:
            guid = self.stance_code[(source.id, stance.value)] = self._code_guid()
            self._leaf(out, guid, refi.axis_code_name(name, stance.value),
                       refi.STANCE_COLOURS[stance.value],
                       _STANCE_ABOUT[stance].format(source.name))  # fmt: skip
        for level in levels:
            guid = self.level_code[(source.id, level.id)] = self._code_guid()
            about = f"How firmly {source.name} says it: rank {level.rank} of the {level.scale} "
            about += "scale" + (f": {level.description}" if level.description else ".")
            value = refi.level_value(level.label, level.scale, level.active)
            self._leaf(out, guid, refi.axis_code_name(name, value),
                       refi.colour_or_none(source.colour), about)  # fmt: skip

    def _code_guid(self) -> str:
        self.codes += 1
        return self.guids.make("code", self.codes)

    def _group(self, out: IO[str], kind: str) -> None:
        self.codes += 1
        name = self.names.take(refi.GROUP_NAMES[kind])
        out.write(_open("Code", guid=refi.GROUP_GUIDS[kind], name=name, isCodable="false"))

    def _leaf(
        self, out: IO[str], guid: str, name: str, colour: str | None, description: str | None
    ) -> None:
        attributes = {"guid": guid, "name": self.names.take(name), "isCodable": "true",
                      "color": colour}  # fmt: skip
        if description:
            out.write(_open("Code", **attributes))
            out.write(_element("Description", description))
            out.write("</Code>\n")
        else:
            out.write(_empty("Code", **attributes))

    def _variables(self, out: IO[str]) -> None:
        out.write("<Variables>\n")
        for number, (name, kind) in enumerate(VARIABLES, 1):
            self.variable_guid[name] = self.guids.make("variable", number)
            out.write(_empty("Variable", guid=self.variable_guid[name], name=name,
                             typeOfVariable=kind))  # fmt: skip
        out.write("</Variables>\n")

    # --- sources and selections, streamed ----------------------------------------------------

    def _sources(self, out: IO[str]) -> int:
        tags = _Lookahead(qdpx_store.export_tags(self.conn))
        links = _Lookahead(qdpx_store.export_claim_links(self.conn))
        articles = 0
        for article in qdpx_store.export_articles(self.conn):
            if not articles:
                out.write("<Sources>\n")
            articles += 1
            guid = self._source_guid(article.id)
            out.write(_open("TextSource", guid=guid, name=article.title,
                            plainTextPath=f"internal://{guid}.txt",
                            creationDateTime=timestamp(article.imported_at)))  # fmt: skip
            about = " · ".join(
                str(v) for v in (article.outlet, article.published, article.url) if v
            )
            if about:
                out.write(_element("Description", about))
            while tags.head is not None and tags.head.article_id < article.id:
                tags.take()  # a statement of no listed article: never let it stall the streams
            while tags.head is not None and tags.head.article_id == article.id:
                rows = [tags.take()]
                while tags.head is not None and tags.head.statement_id == rows[0].statement_id:
                    rows.append(tags.take())
                claims = []
                while links.head is not None and links.head[0] == rows[0].statement_id:
                    claims.append(links.take()[1])
                self._statement(out, rows, claims)
            self._variable_values(out, article)
            out.write("</TextSource>\n")
        if articles:
            out.write("</Sources>\n")
        return articles

    def _statement(self, out: IO[str], rows: list[ExportTag], claims: list[int]) -> None:
        first = rows[0]
        if not 0 <= first.start < first.end:
            raise DomainError(STATEMENT_WITHOUT_TEXT.format(statement=first.statement_id))
        self.ends[first.article_id] = max(self.ends.get(first.article_id, 0), first.end)
        span = f'startPosition="{first.start}" endPosition="{first.end}"'
        codes = [self.statement_code, *(self.claim_code[c] for c in claims)]
        out.write(self._selection(span, "", codes))
        for tag in rows:
            if tag.source_id is None:
                continue
            user = self._user(tag.annotator_id)
            made, changed = timestamp(tag.created_at), timestamp(tag.updated_at)
            axes = [self.stance_code[(tag.source_id, str(tag.stance))]]
            if tag.level_id is not None:
                axes.append(self.level_code[(tag.source_id, tag.level_id)])
            who = _attributes(creatingUser=user, creationDateTime=made, modifyingUser=user,
                              modifiedDateTime=changed)  # fmt: skip
            source = [self.source_code[tag.source_id]]
            note = self._note_guid(tag.tag_id) if tag.note and tag.tag_id is not None else None
            if made == changed:
                out.write(self._selection(span, who, source + axes, tag.note, note, user, made))
                continue
            # Changed after it was made: the stance and confidence codings carry when.
            out.write(self._selection(span, who, source, tag.note, note, user, made))
            when = _attributes(creatingUser=user, creationDateTime=changed, modifyingUser=user,
                               modifiedDateTime=changed)  # fmt: skip
            out.write(self._selection(span, when, axes, "", None, user, changed))

    def _selection(
        self, span: str, who: str, codes: list[str], note: str = "", note_guid: str | None = None,
        user: str | None = None, made: str | None = None,
    ) -> str:  # fmt: skip
        self.selections += 1
        parts = [f'<PlainTextSelection guid="{self.guids.make("selection", self.selections)}" '
                 f"{span}{who}>"]  # fmt: skip
        if note:
            parts.append(_element("Description", note, newline=False))
        coder = _attributes(creatingUser=user, creationDateTime=made)
        for code in codes:
            self.codings += 1
            parts.append(f'<Coding guid="{self.guids.make("coding", self.codings)}"{coder}>'
                         f'<CodeRef targetGUID="{code}"/></Coding>')  # fmt: skip
        if note_guid is not None:
            parts.append(f'<NoteRef targetGUID="{note_guid}"/>')
        parts.append("</PlainTextSelection>\n")
        return "".join(parts)

    def _variable_values(self, out: IO[str], article: ExportArticle) -> None:
        for name, kind in VARIABLES:
            value = getattr(article, name)
            if value is None or value == "":
                continue
            text = value.isoformat() if isinstance(value, date) else str(value)
            out.write(f'<VariableValue><VariableRef targetGUID="{self.variable_guid[name]}"/>')
            out.write(_element("DateValue" if kind == "Date" else "TextValue", text, False))
            out.write("</VariableValue>\n")

    def _source_guid(self, article_id: int) -> str:
        return self.guids.make("source", article_id)

    def _note_guid(self, tag_id: int) -> str:
        return self.guids.make("note", tag_id)

    # --- notes, bodies ------------------------------------------------------------------------

    def _notes(self, out: IO[str]) -> None:
        for note in qdpx_store.export_notes(self.conn):
            if not self.notes:
                out.write("<Notes>\n")
            self.notes += 1
            guid = self._note_guid(note.tag_id)
            name = refi.note_name(self.notes, note.source, note.title, note.start, note.end)
            # QualCoder needs the date (it fails without one) and the name (else it drops it).
            made = timestamp(note.created_at) or timestamp(datetime.now(UTC))
            out.write(_empty("Note", guid=guid, name=name, plainTextPath=f"internal://{guid}.txt",
                             creatingUser=self._user(note.annotator_id),
                             creationDateTime=made))  # fmt: skip
        if self.notes:
            out.write("</Notes>\n")

    def _bodies(self, archive: zipfile.ZipFile) -> None:
        for article_id, body in qdpx_store.export_bodies(self.conn):
            if self.ends.get(article_id, 0) > len(body):
                raise DomainError(STATEMENT_OUTSIDE_TEXT.format(article=article_id))
            archive.writestr(f"sources/{self._source_guid(article_id)}.txt", body.encode("utf-8"))


_T = TypeVar("_T")


class _Lookahead(Generic[_T]):
    """An iterator whose next item can be looked at before it is taken (streams in step)."""

    def __init__(self, items: Iterator[_T]) -> None:
        self._items = items
        self.head: _T | None = next(items, None)

    def take(self) -> _T:
        taken = self.head
        assert taken is not None
        self.head = next(self._items, None)
        return taken


# --- XML, written as text: a million selections, element by element, in constant memory ------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
     "\r": "&#13;"}
)  # fmt: skip


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (which a stray title may carry) removed."""
    return _NOT_XML.sub("", text)


def _attributes(**values: str | None) -> str:
    """` name="value"` for each value given; None leaves the attribute out."""
    return "".join(
        f' {name}="{_xml(value).translate(_ATTRIBUTE_ESCAPES)}"'
        for name, value in values.items()
        if value is not None
    )


def _open(tag: str, **values: str | None) -> str:
    return f"<{tag}{_attributes(**values)}>\n"


def _empty(tag: str, **values: str | None) -> str:
    return f"<{tag}{_attributes(**values)}/>\n"


def _element(tag: str, text: str, newline: bool = True) -> str:
    body = _xml(text).translate(_TEXT_ESCAPES)
    return f"<{tag}>{body}</{tag}>" + ("\n" if newline else "")


def _atomic_binary(path: Path) -> contextlib.AbstractContextManager[IO[bytes]]:
    """The zip is written like every export: to a part file, renamed when complete."""
    return atomic_file(path, binary=True)
