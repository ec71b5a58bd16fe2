"""Reading files a stranger hands us: size limits, encoding detection, binary refusal."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; this refuses a runaway file
TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".text": "text"}


class InputError(ValueError):
    """A file that cannot be imported; the message says why, for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    sha256: str


def read_text_file(path: Path) -> DecodedText:
    return decode_text(read_file_bytes(path, MAX_TEXT_BYTES, "text files"), path.name)


def read_file_bytes(path: Path, max_bytes: int, kind: str = "files") -> bytes:
    """The bytes of a file, refused (before reading) when larger than `max_bytes`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path.name} is {size / 2**20:.0f} MB; {kind} over "
                f"{max_bytes // 2**20} MB are refused"
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path.name}: {error.strerror}") from error


def decode_text(data: bytes, name: str = "the text") -> DecodedText:
    """Decode bytes of unknown encoding into text, or refuse with a reason."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(f"{name} is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return DecodedText(_checked(data.decode(encoding), name), encoding, digest)
            except UnicodeDecodeError as error:
                raise InputError(f"{name} is not valid {encoding}: {error.reason}") from error
    if b"\x00" not in data:
        try:
            return DecodedText(_checked(data.decode("utf-8"), name), "utf-8", digest)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name} does not look like text (binary, or an unknown encoding)")
    encoding = best.encoding
    if encoding in {"latin_1", "iso8859_15", "cp1250", "cp1252", "mac_roman", "iso8859_2"}:
        # Western text with curly quotes or 'œ' is cp1252; Latin-1 would make those C1 controls.
        encoding = "cp1252" if _decodes(data, "cp1252") else encoding
    return DecodedText(_checked(data.decode(encoding), name), encoding, digest)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _checked(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 1000):
        raise InputError(f"{name} does not look like text (it holds control characters)")
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text.replace("\x00", "")
