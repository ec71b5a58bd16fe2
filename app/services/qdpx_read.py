"""Reading a REFI-QDA project (.qdpx) into plain values, checking it whole on the way.

Nothing here touches a project: `read_qdpx` returns the codebook, the text sources with their
texts and selections, and the notes, or raises InputError with one line saying what is wrong
(not a zip, no project.qde, XML that is not well formed, a source file missing from the
archive, a selection outside its text, a coding of a code the codebook does not have).
"""

from __future__ import annotations

import functools
import hashlib
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from app.domain import refi
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.reading import InputError
from app.store.held_files import NotRegularFile, open_regular_file

MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # refuses a zip bomb before inflating it

# What the reading says of a file it refuses, and of a source it leaves out.
NOT_REFI_QDA = QT_TRANSLATE_NOOP("Refusals", "{name} is not a REFI-QDA project: {reason}")
NOT_A_ZIP = QT_TRANSLATE_NOOP(
    "Refusals", "{name} is not a REFI-QDA project: it is not a zip archive"
)
NOT_REGULAR = QT_TRANSLATE_NOOP(
    "Refusals", "{name} is not a regular file (a device, pipe or socket)"
)
CANNOT_READ = QT_TRANSLATE_NOOP("Refusals", "cannot read {name}: {reason}")
ZIP_BOMB = QT_TRANSLATE_NOOP(
    "Refusals", "{name} unpacks to more than this import accepts (a zip bomb?)"
)
NO_PROJECT_QDE = QT_TRANSLATE_NOOP(
    "Refusals", "{name} is not a REFI-QDA project: it holds no project.qde"
)
NOT_WELL_FORMED = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: {member} is not well-formed XML ({reason})"
)
NO_PROJECT_ROOT = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: {member} is not a REFI-QDA project (no Project root)"
)
MEMBER_DAMAGED = QT_TRANSLATE_NOOP("Refusals", "{name}: {member} is damaged ({reason})")
CODE_WITHOUT_NAME = QT_TRANSLATE_NOOP("Refusals", "{name}: a code without a guid or a name")
POSITIONS_NOT_NUMBERS = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: a selection in '{source}' has positions that are not numbers"
)
SELECTION_OUTSIDE = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name}: a selection in '{source}' spans {start}–{end}, outside its text of {length} "
    "characters",
)
CODE_NOT_IN_CODEBOOK = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: a coding in '{source}' refers to a code that is not in the codebook"
)
# The text of a source, or of a note, that cannot be had: one message for each.
SOURCE_WITHOUT_TEXT = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: source '{source}' has neither text nor a plainTextPath"
)
NOTE_WITHOUT_TEXT = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: note has neither text nor a plainTextPath"
)
SOURCE_OUTSIDE_ARCHIVE = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name}: source '{source}' points outside the archive ({path}); only internal:// files "
    "can be imported",
)
NOTE_OUTSIDE_ARCHIVE = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name}: note points outside the archive ({path}); only internal:// files can be imported",
)
SOURCE_FILE_MISSING = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: the file of source '{source}' (sources/{file}) is missing"
)
NOTE_FILE_MISSING = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: the file of note (sources/{file}) is missing"
)
SOURCE_FILE_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: the file of source '{source}' is not UTF-8 text"
)
NOTE_FILE_NOT_UTF8 = QT_TRANSLATE_NOOP("Refusals", "{name}: the file of note is not UTF-8 text")
SKIPPED_SOURCE = QT_TRANSLATE_NOOP("Refusals", "{kind} '{source}'")  # e.g. PDFSource 'Memo'


@dataclass
class Code:
    guid: str
    name: str
    codable: bool
    colour: str | None
    description: str
    parent: str | None  # the GUID of the enclosing code
    group: str | None  # "sources", "stances", "confidence" or "claims" under Sourcetrack's groups
    top: str  # the GUID of the top-level code it is under (its own, at the top)


@dataclass
class Selection:
    start: int  # code points into the source's text as written
    end: int
    codes: list[str]  # code GUIDs
    user: str | None
    created: datetime | None
    modified: datetime | None
    note: str  # the text of its notes, else its Description


@dataclass(frozen=True)
class Note:
    name: str
    text: str


@dataclass
class Source:
    name: str
    text: str
    created: datetime | None
    variables: dict[str, str]
    selections: list[Selection] = field(default_factory=list)


@dataclass
class QdpxProject:
    origin: str
    codes: dict[str, Code]  # by normalised GUID
    users: dict[str, str]  # normalised GUID → name
    sources: list[Source]
    skipped: list[str]  # what was left out, for the report
    unlinked_notes: list[Note] = field(default_factory=list)  # linked from no selection

    @property
    def by_sourcetrack(self) -> bool:
        return self.origin.startswith(refi.ORIGIN)


def read_qdpx(path: Path) -> QdpxProject:
    """Read and check a .qdpx whole; InputError (one line) if anything in it is wrong."""
    name = path.name
    # Opened through the store: the file may be a project this process holds (held_files).
    try:
        with open_regular_file(path) as handle:
            try:
                archive = zipfile.ZipFile(handle)
            except zipfile.BadZipFile as error:
                raise InputError(NOT_A_ZIP.format(name=name)) from error
            with archive:
                members = _members(archive, name)
                root = _parse(archive, members, name)
                return _Reader(archive, members, name, root).read()
    except NotRegularFile as error:
        raise InputError(NOT_REGULAR.format(name=name)) from error
    except OSError as error:
        reason = str(error.strerror or error)
        raise InputError(NOT_REFI_QDA.format(name=name, reason=reason)) from error


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks through the store."""
    digest = hashlib.sha256()
    try:
        with open_regular_file(path) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        reason = str(error.strerror or error)
        raise InputError(CANNOT_READ.format(name=path.name, reason=reason)) from error
    return digest.hexdigest()


def _members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES or any(
        i.file_size > MAX_MEMBER_BYTES for i in infos
    ):
        raise InputError(ZIP_BOMB.format(name=name))
    return {i.filename.casefold(): i for i in infos if not i.is_dir()}


def _parse(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str) -> Any:
    info = members.get("project.qde")
    if info is None:
        found = [i for key, i in members.items() if key.endswith(".qde") and "/" not in key]
        if len(found) != 1:
            raise InputError(NO_PROJECT_QDE.format(name=name))
        info = found[0]
    # No entities, no network, no DTD: the XML comes from a stranger.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        root = etree.fromstring(_read_member(archive, info, name), parser)
    except etree.XMLSyntaxError as error:
        problem = NOT_WELL_FORMED.format(name=name, member=info.filename, reason=str(error))
        raise InputError(problem) from error
    if not isinstance(root.tag, str) or not root.tag.startswith("{urn:QDA-XML:project:"):
        raise InputError(NO_PROJECT_ROOT.format(name=name, member=info.filename))
    if etree.QName(root).localname != "Project":
        raise InputError(NO_PROJECT_ROOT.format(name=name, member=info.filename))
    return root


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        problem = MEMBER_DAMAGED.format(name=name, member=info.filename, reason=str(error))
        raise InputError(problem) from error


class _Reader:
    def __init__(
        self, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, root: Any
    ) -> None:
        self.archive, self.members, self.name, self.root = archive, members, name, root
        self.ns = root.tag[1 : root.tag.index("}")]
        self.skipped: list[str] = []

    def _all(self, element: Any, path: str) -> list[Any]:
        return list(element.findall(path.replace("q:", f"{{{self.ns}}}")))

    def _child_text(self, element: Any, tag: str) -> str:
        found = element.find(f"{{{self.ns}}}{tag}")
        return (found.text or "") if found is not None else ""

    def read(self) -> QdpxProject:
        users = {
            refi.normal_guid(u.get("guid", "")): u.get("name") or "annotator"
            for u in self._all(self.root, "q:Users/q:User")
        }
        codes: dict[str, Code] = {}
        for top in self._all(self.root, "q:CodeBook/q:Codes/q:Code"):
            self._code(top, None, None, None, codes)
        variables = {
            refi.normal_guid(v.get("guid", "")): (v.get("name") or "").strip().casefold()
            for v in self._all(self.root, "q:Variables/q:Variable")
        }
        notes = {
            refi.normal_guid(n.get("guid", "")): Note(n.get("name") or "", self._text_of(n, None))
            for n in self._all(self.root, "q:Notes/q:Note")
        }
        linked: set[str] = set()
        sources = [
            self._source(s, codes, variables, notes, linked)
            for s in self._all(self.root, "q:Sources/*")
        ]
        return QdpxProject(
            origin=self.root.get("origin") or "",
            codes=codes,
            users=users,
            sources=[s for s in sources if s is not None],
            skipped=self.skipped,
            unlinked_notes=[note for key, note in notes.items() if key not in linked],
        )

    def _code(
        self, element: Any, parent: str | None, group: str | None, top: str | None,
        out: dict[str, Code],
    ) -> None:  # fmt: skip
        guid = element.get("guid")
        name = element.get("name")
        if not guid or name is None:
            raise InputError(CODE_WITHOUT_NAME.format(name=self.name))
        key = refi.normal_guid(guid)
        own_group = next((k for k, g in refi.GROUP_GUIDS.items() if g == key), None)
        out[key] = Code(
            guid=key,
            name=" ".join(name.split()),
            codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            colour=refi.colour_or_none(element.get("color")),
            description=self._child_text(element, "Description"),
            parent=parent,
            group=group,
            top=top or key,
        )
        for child in self._all(element, "q:Code"):
            self._code(child, key, own_group or group, top or key, out)

    def _source(
        self, element: Any, codes: dict[str, Code], variables: dict[str, str],
        notes: dict[str, Note], linked: set[str],
    ) -> Source | None:  # fmt: skip
        kind = etree.QName(element).localname
        label = element.get("name") or "untitled source"
        if kind != "TextSource":
            self.skipped.append(SKIPPED_SOURCE.format(kind=kind, source=label))
            return None
        text = self._text_of(element, label)
        source = Source(
            name=" ".join(label.split()) or "untitled source",
            text=text,
            created=_when(element.get("creationDateTime")),
            variables=self._variable_values(element, variables),
        )
        length = len(text)  # code points: Python str indices are what REFI-QDA positions count
        q = f"{{{self.ns}}}"
        selection_tag, coding_tag, code_ref, note_ref, description = (
            q + "PlainTextSelection", q + "Coding", q + "CodeRef", q + "NoteRef", q + "Description"
        )  # fmt: skip
        for node in element.iterchildren(selection_tag):
            try:
                start = int(node.get("startPosition", ""))
                end = int(node.get("endPosition", ""))
            except ValueError as error:
                raise InputError(
                    POSITIONS_NOT_NUMBERS.format(name=self.name, source=label)
                ) from error
            if not 0 <= start <= end <= length:
                raise InputError(
                    SELECTION_OUTSIDE.format(
                        name=self.name, source=label, start=start, end=end, length=length
                    )
                )
            code_guids: list[str] = []
            note_keys: list[str] = []
            coding_attrs: Any = {}
            about = ""
            for child in node:
                if child.tag == coding_tag:
                    if not code_guids:
                        coding_attrs = child.attrib
                    for ref in child:
                        if ref.tag == code_ref:
                            target = refi.normal_guid(ref.get("targetGUID", ""))
                            if target not in codes:
                                raise InputError(
                                    CODE_NOT_IN_CODEBOOK.format(name=self.name, source=label)
                                )
                            code_guids.append(target)
                        elif ref.tag == note_ref:
                            note_keys.append(refi.normal_guid(ref.get("targetGUID", "")))
                elif child.tag == note_ref:
                    note_keys.append(refi.normal_guid(child.get("targetGUID", "")))
                elif child.tag == description:
                    about = child.text or ""
            note_keys = [key for key in dict.fromkeys(note_keys) if key in notes]
            linked.update(note_keys)
            user = node.get("creatingUser") or coding_attrs.get("creatingUser")
            created = _when(node.get("creationDateTime") or coding_attrs.get("creationDateTime"))
            source.selections.append(
                Selection(
                    start=start,
                    end=end,
                    codes=code_guids,
                    user=refi.normal_guid(user) if user else None,
                    created=created,
                    modified=_when(node.get("modifiedDateTime")) or created,
                    note="\n\n".join(notes[key].text for key in note_keys) or about,
                )
            )
        return source

    def _variable_values(self, element: Any, variables: dict[str, str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for node in self._all(element, "q:VariableValue"):
            ref = node.find(f"{{{self.ns}}}VariableRef")
            target = refi.normal_guid(ref.get("targetGUID", "")) if ref is not None else ""
            name = variables.get(target)
            value = next((c.text for c in node if c is not ref and c.text), None)
            if name and value:
                values[name] = value.strip()
        return values

    def _text_of(self, element: Any, source: str | None) -> str:
        """The text of a TextSource (named `source`) or Note (`source` None): inline, or a file
        inside the archive."""
        inline = element.find(f"{{{self.ns}}}PlainTextContent")
        if inline is not None:
            return inline.text or ""
        name = self.name
        path = element.get("plainTextPath")
        if not path:
            if source is None:
                raise InputError(NOTE_WITHOUT_TEXT.format(name=name))
            raise InputError(SOURCE_WITHOUT_TEXT.format(name=name, source=source))
        if not path.startswith("internal://"):
            if source is None:
                raise InputError(NOTE_OUTSIDE_ARCHIVE.format(name=name, path=path))
            raise InputError(SOURCE_OUTSIDE_ARCHIVE.format(name=name, source=source, path=path))
        file_name = path[len("internal://") :].lstrip("/")
        info = self.members.get(f"sources/{file_name}".casefold())
        if info is None:
            if source is None:
                raise InputError(NOTE_FILE_MISSING.format(name=name, file=file_name))
            raise InputError(SOURCE_FILE_MISSING.format(name=name, source=source, file=file_name))
        try:
            return _read_member(self.archive, info, self.name).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if source is None:
                raise InputError(NOTE_FILE_NOT_UTF8.format(name=name)) from error
            raise InputError(SOURCE_FILE_NOT_UTF8.format(name=name, source=source)) from error


@functools.lru_cache(maxsize=4096)  # a file repeats its times (QualCoder's: to the second)
def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
