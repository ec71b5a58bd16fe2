"""The REFI-QDA project export (.qdpx) for QualCoder, NVivo, ATLAS.ti and MAXQDA.

A .qdpx is a zip holding `project.qde` (QDA-XML, valid against the REFI-QDA Project schema) and
`sources/`, one UTF-8 text file per article and per note. What importers in the field expect,
and so what this writes (see ../shared/refi-qda/README.md):

- each article's body as `sources/GUID.txt`, referenced by `plainTextPath="internal://GUID.txt"`
  (never inline `PlainTextContent`, which one importer crashes on), without a byte-order mark,
  with LF line ends: exactly the stored body, which is already in that form;
- selections by `startPosition`/`endPosition` in Unicode code points, 0-based, end exclusive,
  which is what a statement's `start`/`end` (Python string indices into that body) already are,
  so positions are right by construction; they are still checked before anything is written;
- code names unique (case-insensitively) and every GUID a valid one.

The codebook: a code per source (nested under its parent source, with its colour), per stance,
per confidence level and per claim, under four group codes. Each attribution is a selection
coded with its source, its stance, its confidence and the statement's claims; its note is a
Note linked from the selection. Annotators are Users; article metadata are Variables.
A statement without tags is still written, as a selection without codings, so the statements
themselves survive a round trip.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from lxml import etree

from app import __version__
from app.domain import refi
from app.domain.edits import StatementRecord
from app.domain.model import DomainError, Stance
from app.domain.rows import ArticleRow, AttributionRow, SourceRow
from app.services.exporting import atomic_file
from app.services.project import Project
from app.store import qdpx as qdpx_store
from app.store import tags as tag_store

VARIABLES = (("outlet", "Text"), ("published", "Date"), ("url", "Text"), ("author", "Text"),
             ("language", "Text"))  # fmt: skip


@dataclass(frozen=True)
class QdpxSummary:
    articles: int
    selections: int
    codes: int


def export_qdpx(project: Project, path: Path) -> QdpxSummary:
    """Write the whole project to `path` as a .qdpx; the file appears only once complete."""
    path = Path(path)
    with _atomic_binary(path) as handle, project.read() as conn:
        writer = _Writer(conn, name=path.stem)
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            summary = writer.write(archive)
    return summary


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
        self.names = refi.UniqueNames()
        self.code_guid: dict[tuple[str, Any], str] = {}
        self.user_guid: dict[int, str] = {}
        self.variable_guid: dict[str, str] = {}
        self.codes = 0

    def write(self, archive: zipfile.ZipFile) -> QdpxSummary:
        root = etree.Element(
            _q("Project"),
            nsmap={None: refi.NAMESPACE},
            name=self.name or "Sourcetrack project",
            origin=f"{refi.ORIGIN} {__version__}",
            creationDateTime=timestamp(datetime.now(UTC)) or "",
        )
        self._users(root)
        self._codebook(root)
        self._variables(root)
        articles, selections, notes = self._sources(root, archive)
        if notes:
            notes_element = _sub(root, "Notes")
            for note_guid, element_attrs, text in notes:
                _sub(notes_element, "Note", guid=note_guid, **element_attrs)
                archive.writestr(f"sources/{note_guid}.txt", text.encode("utf-8"))
        _sub(root, "Description", f"Exported by Sourcetrack {__version__}.")
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        archive.writestr("project.qde", xml)
        return QdpxSummary(articles, selections, self.codes)

    # --- users, codebook, variables ---------------------------------------------------------

    def _users(self, root: Any) -> None:
        names = qdpx_store.annotator_names(self.conn)
        if not names:
            return
        users = _sub(root, "Users")
        for annotator_id, name in sorted(names.items()):
            self.user_guid[annotator_id] = refi.new_guid()
            _sub(users, "User", guid=self.user_guid[annotator_id], name=name)

    def _codebook(self, root: Any) -> None:
        sources = tag_store.list_sources(self.conn)
        # Sources first: they keep their exact names.
        code_names = {source.id: self.names.take(source.name) for source in sources}
        codes = _sub(_sub(root, "CodeBook"), "Codes")
        group = {kind: self._group(codes, kind) for kind in refi.GROUP_GUIDS}
        children: dict[int | None, list[SourceRow]] = defaultdict(list)
        for source in sources:
            children[source.parent_id if source.parent_id in code_names else None].append(source)

        def add_sources(parent: Any, parent_id: int | None) -> None:
            for source in children.get(parent_id, []):
                element = self._code(
                    parent, ("source", source.id), code_names[source.id], reserved=True,
                    colour=source.colour, description=source.description,
                )  # fmt: skip
                add_sources(element, source.id)

        add_sources(group["sources"], None)
        for stance in Stance:
            self._code(
                group["stances"], ("stance", stance.value), refi.STANCE_PREFIX + stance.value,
                colour=refi.STANCE_COLOURS[stance.value],
            )  # fmt: skip
        for level in qdpx_store.levels_for_export(self.conn):
            name = refi.confidence_code_name(level.label, level.scale, level.active)
            about = f"Rank {level.rank} of the {level.scale} scale"
            if level.description:
                about += f": {level.description}"
            self._code(group["confidence"], ("level", level.id), name, description=about)
        for claim in tag_store.list_claims(self.conn):
            self._code(
                group["claims"], ("claim", claim.id), refi.CLAIM_PREFIX + claim.label,
                description=claim.description,
            )  # fmt: skip

    def _group(self, codes: Any, kind: str) -> Any:
        element = _sub(
            codes, "Code", guid=refi.GROUP_GUIDS[kind],
            name=self.names.take(refi.GROUP_NAMES[kind]), isCodable="false",
        )  # fmt: skip
        self.codes += 1
        return element

    def _code(
        self, parent: Any, key: tuple[str, Any], name: str, *, reserved: bool = False,
        colour: str | None = None, description: str | None = None,
    ) -> Any:  # fmt: skip
        """A codable code; `reserved` when its name was taken from `self.names` already."""
        guid = self.code_guid[key] = refi.new_guid()
        element = _sub(
            parent, "Code", guid=guid, name=name if reserved else self.names.take(name),
            isCodable="true",
            color=refi.colour_or_none(colour),
        )  # fmt: skip
        if description:
            _sub(element, "Description", description)
        self.codes += 1
        return element

    def _variables(self, root: Any) -> None:
        variables = _sub(root, "Variables")
        for name, kind in VARIABLES:
            self.variable_guid[name] = refi.new_guid()
            _sub(variables, "Variable", guid=self.variable_guid[name], name=name,
                 typeOfVariable=kind)  # fmt: skip

    # --- sources, selections, notes -----------------------------------------------------------

    def _sources(
        self, root: Any, archive: zipfile.ZipFile
    ) -> tuple[int, int, list[tuple[str, dict[str, str], str]]]:
        spans: dict[int, list[StatementRecord]] = defaultdict(list)
        for statement in qdpx_store.statements_for_export(self.conn):
            spans[statement.article_id].append(statement)
        tags: dict[int, list[AttributionRow]] = defaultdict(list)
        for tag in qdpx_store.attributions_for_export(self.conn):
            tags[tag.statement_id].append(tag)
        claims: dict[int, list[int]] = defaultdict(list)
        for statement_id, claim_id in qdpx_store.statement_claim_pairs(self.conn):
            claims[statement_id].append(claim_id)
        sources_element = None
        articles = selections = 0
        notes: list[tuple[str, dict[str, str], str]] = []
        for article in qdpx_store.articles_for_export(self.conn):
            if sources_element is None:
                sources_element = _sub(root, "Sources")
            guid = refi.new_guid()
            archive.writestr(f"sources/{guid}.txt", article.body.encode("utf-8"))
            source = _sub(
                sources_element, "TextSource", guid=guid, name=article.title,
                plainTextPath=f"internal://{guid}.txt",
                creationDateTime=timestamp(article.imported_at),
            )  # fmt: skip
            about = " · ".join(
                str(v) for v in (article.outlet, article.published, article.url) if v
            )
            if about:
                _sub(source, "Description", about)
            for statement in spans.get(article.id, []):
                if not 0 <= statement.start < statement.end <= len(article.body):
                    raise DomainError(
                        f"statement {statement.id} lies outside its article's text; not exported"
                    )
                claim_keys = [("claim", c) for c in sorted(claims.get(statement.id, []))]
                # A statement without tags is still a selection, with no codes but its claims.
                each: list[AttributionRow | None] = [*tags.get(statement.id, [])] or [None]
                for one in each:
                    selections += 1
                    notes.extend(self._selection(source, statement, one, claim_keys, article))
            self._variable_values(source, article)
            articles += 1
        return articles, selections, notes

    def _selection(
        self, source: Any, statement: StatementRecord, tag: AttributionRow | None,
        claim_keys: list[tuple[str, int]], article: ArticleRow,
    ) -> list[tuple[str, dict[str, str], str]]:  # fmt: skip
        user = self.user_guid.get(tag.annotator_id) if tag is not None else None
        created = timestamp(tag.created_at) if tag is not None else None
        selection = _sub(
            source, "PlainTextSelection", guid=refi.new_guid(),
            startPosition=str(statement.start), endPosition=str(statement.end),
            creatingUser=user, creationDateTime=created, modifyingUser=user,
            modifiedDateTime=timestamp(tag.updated_at) if tag is not None else None,
        )  # fmt: skip
        keys: list[tuple[str, Any]] = list(claim_keys)
        if tag is not None:
            keys = [("source", tag.source_id), ("stance", tag.stance)]
            if tag.confidence_level_id is not None:
                keys.append(("level", tag.confidence_level_id))
            keys.extend(claim_keys)
        for key in keys:
            coding = _sub(selection, "Coding", guid=refi.new_guid(), creatingUser=user,
                          creationDateTime=created)  # fmt: skip
            _sub(coding, "CodeRef", targetGUID=self.code_guid[key])
        if tag is None or not tag.note:
            return []
        note_guid = refi.new_guid()
        _sub(selection, "NoteRef", targetGUID=note_guid)
        attrs = {
            "name": f"Note on {article.title[:80]}, {statement.start}–{statement.end}",
            "plainTextPath": f"internal://{note_guid}.txt",
            "creatingUser": user,
            "creationDateTime": created,
        }
        return [(note_guid, {k: v for k, v in attrs.items() if v is not None}, tag.note)]

    def _variable_values(self, source: Any, article: ArticleRow) -> None:
        for name, kind in VARIABLES:
            value = getattr(article, name)
            if value is None or value == "":
                continue
            element = _sub(source, "VariableValue")
            _sub(element, "VariableRef", targetGUID=self.variable_guid[name])
            text = value.isoformat() if isinstance(value, date) else str(value)
            _sub(element, "DateValue" if kind == "Date" else "TextValue", text)


def _q(tag: str) -> str:
    return f"{{{refi.NAMESPACE}}}{tag}"


def _sub(parent: Any, tag: str, text: str | None = None, **attributes: str | None) -> Any:
    """A child element; attributes that are None are left out."""
    values = {k: _xml(v) for k, v in attributes.items() if v is not None}
    element = etree.SubElement(parent, _q(tag), values)
    if text is not None:
        element.text = _xml(text)
    return element


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (which a stray title may carry) removed."""
    return _NOT_XML.sub("", text)


def _atomic_binary(path: Path) -> contextlib.AbstractContextManager[IO[bytes]]:
    """The zip is written like every export: to a part file, renamed when complete."""
    return atomic_file(path, binary=True)
