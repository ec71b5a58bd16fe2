"""REFI-QDA files read and written with lxml and zipfile directly, for the tests and benchmarks.

- `read_codings` lists what a .qdpx codes, the way an importer that keeps one coding per code,
  span and coder sees it (the coder of a coding is its selection's creating user).
- `qualcoder_layout` writes a .qdpx again the way QualCoder exports a project (as its REFI-QDA
  export is documented and observed): new GUIDs everywhere; non-codable codes as categories;
  one selection per coding, coded by its selection's user, dated by its selection's creation,
  carrying the selection's Description (QualCoder keeps it as the coding's memo); a repeated
  (code, span, coder) kept once; NoteRefs of selections dropped, their notes kept as journals
  (Notes linked from nothing); text files with a byte-order mark; no modification times.
- `foreign_qdpx` writes a file as another program might, from given texts and codings.
"""

from __future__ import annotations

import html
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

NS = {"q": "urn:QDA-XML:project:1.0"}
Q = "{urn:QDA-XML:project:1.0}"


def parse(path: Path) -> tuple[zipfile.ZipFile, Any]:
    archive = zipfile.ZipFile(path)
    return archive, etree.fromstring(archive.read("project.qde"))


def member_text(archive: zipfile.ZipFile, internal: str) -> str:
    name = internal.removeprefix("internal://")
    found = next(n for n in archive.namelist() if n.casefold() == f"sources/{name}".casefold())
    return archive.read(found).decode("utf-8-sig")


@dataclass(frozen=True)
class CodingSeen:
    source: str  # the TextSource's name
    start: int
    end: int
    code: str  # the code's name
    parent: str | None  # the name of the code it is under
    user: str | None  # the user's name
    created: str | None
    description: str
    selection: str  # the selection's GUID
    notes: tuple[str, ...]  # the names of the notes the selection links to


def read_codings(path: Path) -> list[CodingSeen]:
    _archive, root = parse(path)
    codes: dict[str, tuple[str, str | None]] = {}
    for code in root.iter(f"{Q}Code"):
        parent = code.getparent()
        codes[code.get("guid")] = (
            code.get("name"),
            parent.get("name") if parent.tag == f"{Q}Code" else None,
        )
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    note_names = {n.get("guid"): n.get("name") for n in root.iter(f"{Q}Note")}
    seen = []
    for source in root.iter(f"{Q}TextSource"):
        for selection in source.iterfind("q:PlainTextSelection", NS):
            description = selection.findtext("q:Description", "", NS)
            notes = tuple(
                note_names[r.get("targetGUID")] for r in selection.iterfind("q:NoteRef", NS)
            )
            for coding in selection.iterfind("q:Coding", NS):
                name, parent = codes[coding.find("q:CodeRef", NS).get("targetGUID")]
                seen.append(
                    CodingSeen(
                        source.get("name"), int(selection.get("startPosition")),
                        int(selection.get("endPosition")), name, parent,
                        users.get(selection.get("creatingUser")),
                        selection.get("creationDateTime"), description, selection.get("guid"),
                        notes,
                    )
                )  # fmt: skip
    return seen


def _guid() -> str:
    return str(uuid.uuid4())


def qualcoder_layout(exported: Path, target: Path, *, extra_journal: str | None = None) -> Path:
    """`exported` written again as QualCoder exports a project that imported it."""
    archive, root = parse(exported)
    default_user = "default"
    user_names = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    new_user = {name: _guid() for name in {*user_names.values(), default_user}}
    code_guid: dict[str, str] = {}
    files: dict[str, str] = {}

    def codes_xml(element: Any) -> str:
        parts = []
        for code in element.iterfind("q:Code", NS):
            code_guid[code.get("guid")] = guid = _guid()
            codable = code.get("isCodable", "true") != "false"
            attributes = f'guid="{guid}" name="{html.escape(code.get("name"))}"'
            attributes += ' isCodable="true" color="#F781F3"' if codable else ' isCodable="false"'
            inner = ""
            about = code.findtext("q:Description", "", NS)
            if about:
                inner += f"<Description>{html.escape(about)}</Description>\n"
            inner += codes_xml(code)
            parts.append(
                f"<Code {attributes}>\n{inner}</Code>\n" if inner else f"<Code {attributes} />\n"
            )
        return "".join(parts)

    codebook = codes_xml(root.find("q:CodeBook/q:Codes", NS))
    variables = {v.get("guid"): (v.get("name"), _guid()) for v in root.iter(f"{Q}Variable")}
    sources_xml = []
    for source in root.iter(f"{Q}TextSource"):
        text = member_text(archive, source.get("plainTextPath"))
        text_guid = _guid()
        files[f"{text_guid}.txt"] = text
        about = source.findtext("q:Description", "", NS)
        parts = [
            f'<TextSource plainTextPath="internal://{text_guid}.txt" '
            f'creatingUser="{new_user[default_user]}" '
            f'creationDateTime="{source.get("creationDateTime")}" guid="{_guid()}" '
            f'name="{html.escape(source.get("name"))}">\n'
        ]
        if about:
            parts.append(f"<Description>{html.escape(about)}</Description>\n")
        kept: set[tuple[str, int, int, str]] = set()  # QualCoder's unique (code, span, coder)
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            user = user_names.get(selection.get("creatingUser"), default_user)
            created = selection.get("creationDateTime") or "2026-01-01T00:00:00Z"
            memo = selection.findtext("q:Description", "", NS)
            for coding in selection.iterfind("q:Coding", NS):
                code = code_guid[coding.find("q:CodeRef", NS).get("targetGUID")]
                if (code, start, end, user) in kept:
                    continue
                kept.add((code, start, end, user))
                parts.append(
                    f'<PlainTextSelection guid="{_guid()}" startPosition="{start}" '
                    f'endPosition="{end}" name="{html.escape(text[start:end], quote=True)}" '
                    f'creatingUser="{new_user[user]}" creationDateTime="{created}">\n'
                )
                if memo:
                    parts.append(f"<Description>{html.escape(memo)}</Description>\n")
                parts.append(
                    f'<Coding guid="{_guid()}" creatingUser="{new_user[user]}" >\n'
                    f'<CodeRef targetGUID="{code}" />\n</Coding>\n</PlainTextSelection>\n'
                )
        for value in source.iterfind("q:VariableValue", NS):
            name_and_guid = variables[value.find("q:VariableRef", NS).get("targetGUID")]
            text_value = next(c.text for c in value if c.tag != f"{Q}VariableRef")
            parts.append(
                f'<VariableValue>\n<VariableRef targetGUID="{name_and_guid[1]}" />\n'
                f"<TextValue>{html.escape(text_value)}</TextValue>\n</VariableValue>\n"
            )
        parts.append("</TextSource>\n")
        sources_xml.append("".join(parts))
    journals = [
        (n.get("name"), member_text(archive, n.get("plainTextPath")), n.get("creatingUser"),
         n.get("creationDateTime"))
        for n in root.iter(f"{Q}Note")
    ]  # fmt: skip
    if extra_journal is not None:
        journals.append(
            (extra_journal, "Un mémo de projet, lié à rien.", None, "2026-01-01T00:00:00Z")
        )
    notes_xml = []
    for name, text, user, created in journals:
        guid = _guid()
        files[f"{guid}.txt"] = text
        owner = new_user[user_names.get(user, default_user)]
        notes_xml.append(
            f'<Note guid="{guid}" creatingUser="{owner}" creationDateTime="{created}" '
            f'name="{html.escape(name)}"  plainTextPath="internal://{guid}.txt" >\n'
            "<Description /></Note>\n"
        )
    variables_xml = "".join(
        f'<Variable guid="{guid}" name="{html.escape(name)}" typeOfVariable="Text" >\n'
        "<Description />\n</Variable>\n"
        for name, guid in variables.values()
    )
    users_xml = "".join(
        f'<User guid="{g}" name="{html.escape(n)}" />\n' for n, g in new_user.items()
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="study.qda" '
        f'origin="QualCoder 3.6" creatingUserGUID="{_guid()}" '
        'creationDateTime="2026-01-01T00:00:00Z" xmlns="urn:QDA-XML:project:1.0">\n'
        f"<Users>\n{users_xml}</Users>\n<CodeBook>\n<Codes>\n{codebook}</Codes>\n</CodeBook>\n"
        f"<Variables>\n{variables_xml}</Variables>\n<Sources>\n{''.join(sources_xml)}</Sources>\n"
        f"<Notes>\n{''.join(notes_xml)}</Notes>\n<Description></Description>\n</Project>"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("project.qde", xml.encode("utf-8"))
        for name, text in files.items():
            out.writestr(f"sources/{name}", text.encode("utf-8-sig"))
    return target


def foreign_qdpx(
    path: Path,
    texts: dict[str, str],
    codings: list[tuple[str, int, int, list[str]]],
    *,
    origin: str = "AutreLogiciel 3",
) -> Path:
    """A .qdpx of `texts` (name → text as written) with `codings` (source name, start, end,
    code names): one selection per entry, codes made from the names used."""
    names = sorted({code for *_, codes in codings for code in codes})
    guids = {name: _guid() for name in names}
    codes = "".join(
        f'<Code guid="{g}" name="{html.escape(n)}" isCodable="true"/>' for n, g in guids.items()
    )
    sources = []
    files = {}
    for source_name, text in texts.items():
        file_guid = _guid()
        files[file_guid] = text
        selections = "".join(
            f'<PlainTextSelection guid="{_guid()}" startPosition="{start}" endPosition="{end}">'
            + "".join(
                f'<Coding guid="{_guid()}"><CodeRef targetGUID="{guids[c]}"/></Coding>'
                for c in chosen
            )
            + "</PlainTextSelection>"
            for name, start, end, chosen in codings
            if name == source_name
        )
        sources.append(
            f'<TextSource guid="{_guid()}" name="{html.escape(source_name)}" '
            f'plainTextPath="internal://{file_guid}.txt">{selections}</TextSource>'
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="autre" origin="{origin}">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>{''.join(sources)}</Sources></Project>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for guid, text in files.items():
            archive.writestr(f"Sources/{guid}.txt", text.encode("utf-8"))
    return path
