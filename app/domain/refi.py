"""Pure rules of Sourcetrack's REFI-QDA (.qdpx) projects: code names, group GUIDs, checks.

A tag is three facts (source, stance, confidence) that a QDA program can only hold as codes, so
each becomes a code: sources by their own names, the other axes with a prefix that also keeps
every name unique and tells an importer which axis a code is ("stance: denies",
"confidence: Probable", "claim: North Korean troops are in Russia").
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

NAMESPACE = "urn:QDA-XML:project:1.0"
ORIGIN = "Sourcetrack"

STANCE_PREFIX = "stance: "
CONFIDENCE_PREFIX = "confidence: "
CLAIM_PREFIX = "claim: "

# The four top codes that group the codebook have the same GUID in every export, so an
# importer knows them whatever they came to be called (a source may already be named "Claims").
_GROUPS = uuid.UUID("6b7c9a52-4f0e-4d59-9a57-0c7f5f7e1a10")
GROUP_GUIDS = {
    kind: str(uuid.uuid5(_GROUPS, kind)) for kind in ("sources", "stances", "confidence", "claims")
}
GROUP_NAMES = {
    "sources": "Sources",
    "stances": "Stances",
    "confidence": "Confidence",
    "claims": "Claims",
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


def confidence_code_name(label: str, scale: str, active: bool) -> str:
    """A level of the active scale by its label; another scale's with the scale in brackets."""
    return f"{CONFIDENCE_PREFIX}{label}" if active else f"{CONFIDENCE_PREFIX}{label} ({scale})"


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
