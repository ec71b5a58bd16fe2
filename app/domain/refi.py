"""Pure rules of Sourcetrack's REFI-QDA (.qdpx) projects: code names, GUIDs, note names.

A tag is three facts (source, stance, confidence) that a QDA program can only hold as codes.
An importer may legitimately keep one coding per code, span and coder (QualCoder does), so no
code that two tags of one statement could share may carry a tag's meaning. Each source is a
code, and under it its own stance and confidence codes ("Seoul ▸ asserts", "Seoul ▸ Probable"):
a tag is the codings of one source's codes on one span by one coder, and two tags of one span
never share a code. Claims belong to the statement, not to a tag, and are coded once on its
span ("claim: North Korean troops are in Russia"), as is the "Statements" code that marks every
statement, so a statement without tags survives a program that keeps only coded text.

Older Sourcetrack files coded axes with prefixed codes shared by every source ("stance:
denies", "confidence: Probable"); they are still read, a selection's axes going to its sources.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

NAMESPACE = "urn:QDA-XML:project:1.0"
ORIGIN = "Sourcetrack"

# Between a source's name and the stance or level its code stands for.
AXIS = " \u25b8 "  # " ▸ "
STANCE_PREFIX = "stance: "
CONFIDENCE_PREFIX = "confidence: "
CLAIM_PREFIX = "claim: "
STATEMENTS_CODE = "Statements"

# The four top codes that group the codebook have the same GUID in every export, so an
# importer knows them whatever they came to be called (a source may already be named "Claims").
_GROUPS = uuid.UUID("6b7c9a52-4f0e-4d59-9a57-0c7f5f7e1a10")
GROUP_GUIDS = {
    kind: str(uuid.uuid5(_GROUPS, kind))
    for kind in ("sources", "stances", "confidence", "claims", "statements")
}
GROUP_NAMES = {
    "sources": "Sources",
    "stances": "Stances",
    "confidence": "Confidence",
    "claims": "Claims",
    "statements": "Statements",
}
STANCE_COLOURS = {"asserts": "#2CA02C", "denies": "#D62728", "neutral": "#7F7F7F"}

_GUID = re.compile(
    r"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$"
)
_CONTROL = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")  # XML cannot hold them in a name
_RGB = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")


def new_guid() -> str:
    return str(uuid.uuid4())


def is_guid(text: str | None) -> bool:
    """A GUID as the schema's GUIDType spells it (with or without braces)."""
    return text is not None and bool(_GUID.match(text.strip()))


def normal_guid(text: str) -> str:
    """GUIDs compare case-insensitively and with or without braces."""
    return text.strip().strip("{}").lower()


def colour_or_none(colour: str | None) -> str | None:
    """A colour the schema accepts (#RRGGBB or #RGB), else None."""
    return colour if colour and _RGB.match(colour) else None


class UniqueNames:
    """Hands out code names, each once; a taken name gets ' (2)', ' (3)'...

    Names are compared without case, since some QDA programs merge codes that differ only in
    case, and a merged code silently loses the codings of the other.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, wanted: str) -> str:
        name = " ".join(_CONTROL.sub("", wanted).split()) or "code"
        candidate, number = name, 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{name} ({number})"
        self._taken.add(candidate.casefold())
        return candidate


def level_value(label: str, scale: str, active: bool) -> str:
    """A level of the active scale by its label; another scale's with the scale in brackets."""
    return label if active else f"{label} ({scale})"


def axis_code_name(source_name: str, value: str) -> str:
    """The name of a source's own stance or confidence code: 'Seoul ▸ asserts'."""
    return f"{source_name}{AXIS}{value}"


def axis_value(name: str, source_name: str) -> str | None:
    """What the code `name`, under the code of source `source_name`, stands for ('asserts',
    'Probable'); None when it is not named as that source's axis code (a child source)."""
    text = " ".join(name.split())
    prefix = " ".join(source_name.split()) + AXIS
    if len(text) > len(prefix) and text.casefold().startswith(prefix.casefold()):
        return text[len(prefix) :].strip() or None
    return None


def split_axis(name: str) -> tuple[str, str] | None:
    """'SOURCE ▸ VALUE' read from the name alone, for a program that flattened the codebook."""
    head, separator, tail = " ".join(name.split()).rpartition(AXIS)
    return (head, tail.strip()) if separator and head and tail.strip() else None


_NUMBERED = re.compile(r"^(.*\S) \(\d+\)$")


def unnumbered(name: str) -> str | None:
    """`name` without the ' (2)' that `UniqueNames` gives a taken name; None if it has none."""
    found = _NUMBERED.match(name)
    return found.group(1) if found else None


def is_statements_code(name: str) -> bool:
    """The code that marks every statement, by name (a program may give it a new GUID)."""
    text = " ".join(name.split())
    return STATEMENTS_CODE in (text, unnumbered(text))


def note_name(number: int, source: str, title: str, start: int, end: int) -> str:
    """A tag's note's name: numbered, so unique by construction (QualCoder fails on a repeat)."""
    short = " ".join(title.split())
    if len(short) > 60:
        short = short[:59].rstrip() + "…"
    return f"Note {number}: {source} on {short}, {start}–{end}"


class Guids:
    """The GUIDs of one export, each made from its kind and a number: unique by construction.

    A random prefix per export keeps them apart from any other file's; making a GUID from an
    id needs nothing remembered, so a streamed export can write a reference (a selection's note)
    long before the element it points to, and a million selections cost no memory.
    """

    _KINDS = ("user", "code", "variable", "source", "selection", "coding", "note")

    def __init__(self, seed: uuid.UUID | None = None) -> None:
        base = str(seed or uuid.uuid4())[:19]  # 8-4-4- of a random version-4 UUID
        # The fourth group keeps the RFC 4122 variant bits and says the kind.
        self._prefix = {k: f"{base}{0x8000 | n:04x}-" for n, k in enumerate(self._KINDS, 1)}

    def make(self, kind: str, number: int) -> str:
        return f"{self._prefix[kind]}{number:012x}"


@dataclass(frozen=True)
class CodeMeaning:
    """What a code stands for: kind is 'stance', 'confidence', 'claim' or 'source'."""

    kind: str
    value: str


def meaning_of(name: str) -> CodeMeaning:
    """Read a code name: a prefixed axis, or else (possibly) a source's name."""
    text = " ".join(name.split())
    lowered = text.casefold()
    if lowered.startswith(STANCE_PREFIX):
        return CodeMeaning("stance", text[len(STANCE_PREFIX) :].strip().casefold())
    if lowered.startswith(CONFIDENCE_PREFIX):
        return CodeMeaning("confidence", text[len(CONFIDENCE_PREFIX) :].strip())
    if lowered.startswith(CLAIM_PREFIX):
        return CodeMeaning("claim", text[len(CLAIM_PREFIX) :].strip())
    return CodeMeaning("source", text)


def scaled_label_candidates(value: str) -> list[tuple[str, str]]:
    """Every (label, scale) reading of 'LABEL (SCALE)': both may hold brackets themselves.

    'Probable (Default (FactBank))' reads as ('Probable', 'Default (FactBank)') among others;
    the importer keeps the reading its project knows.
    """
    if not value.endswith(")"):
        return []
    return [
        (value[:at], value[at + 2 : -1])
        for at in range(1, len(value) - 2)
        if value.startswith(" (", at)
    ]
