"""Reading files a stranger hands us: size limits, encoding detection, binary refusal."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from app.domain.wording import QT_TRANSLATE_NOOP, Refusal
from app.store.held_files import FileTooLarge, NotRegularFile, read_regular_file

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; this refuses a runaway file
TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".text": "text"}


class InputError(Refusal, ValueError):
    """A file that cannot be imported; the message says why, for the user."""


THE_TEXT = QT_TRANSLATE_NOOP("Refusals", "the text")  # what a text without a name is called
# The refusal of a file over the size limit, by the kind of file `read_file_bytes` is told.
_TOO_LARGE = {
    "files": QT_TRANSLATE_NOOP("Refusals", "files over {size} MB are refused"),
    "text files": QT_TRANSLATE_NOOP("Refusals", "text files over {size} MB are refused"),
    "CSV files": QT_TRANSLATE_NOOP("Refusals", "CSV files over {size} MB are refused"),
}
_KIND_TOO_LARGE = QT_TRANSLATE_NOOP("Refusals", "{kind} over {size} MB are refused")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    sha256: str


def read_text_file(path: Path) -> DecodedText:
    return decode_text(read_file_bytes(path, MAX_TEXT_BYTES, "text files"), path.name)


def read_file_bytes(path: Path, max_bytes: int, kind: str = "files") -> bytes:
    """The bytes of a regular file, refused (before reading) when larger than `max_bytes`.

    A FIFO, a device (`/dev/zero` behind a symlink named `.txt`) or a file that grows while it
    is read would otherwise hang the import or fill the memory: only regular files are read, and
    never more than `max_bytes`.
    """
    limit = max_bytes // 2**20
    too_large = (
        _TOO_LARGE[kind].format(size=limit)
        if kind in _TOO_LARGE
        else _KIND_TOO_LARGE.format(kind=kind, size=limit)
    )
    try:
        # Read through the store: the file may be a project this process has open (held_files).
        data = read_regular_file(path, max_bytes)
    except NotRegularFile as error:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} is not a regular file (a device, pipe or socket)"
            ).format(name=path.name)
        ) from error
    except FileTooLarge as error:
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} is {size} MB; {refusal}").format(
                name=path.name, size=f"{error.size / 2**20:.0f}", refusal=too_large
            )
        ) from error
    except OSError as error:
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "cannot read {name}: {reason}").format(
                name=path.name, reason=error.strerror
            )
        ) from error
    if len(data) > max_bytes:
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} grew beyond {size} MB; {refusal}").format(
                name=path.name, size=limit, refusal=too_large
            )
        )
    return data


def decode_text(data: bytes, name: str = THE_TEXT) -> DecodedText:
    """Decode bytes of unknown encoding into text, or refuse with a reason."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(_EMPTY.format(name=name))
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
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "{name} is not valid {encoding}: {reason}"
                    ).format(name=name, encoding=encoding, reason=error.reason)
                ) from error
    not_utf8: UnicodeDecodeError | None = None
    if b"\x00" not in data:
        try:
            return DecodedText(_checked(data.decode("utf-8"), name), "utf-8", digest)
        except UnicodeDecodeError as error:
            if _damaged_utf8(data):
                # Guessing a legacy encoding here would turn every accent into mojibake.
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "{name} looks like UTF-8 text with damaged bytes ({reason} at byte "
                        "{byte}); repair it or save it again as UTF-8 (the first bad byte "
                        "is on line {line})",
                    ).format(
                        name=name,
                        reason=error.reason,
                        byte=error.start,
                        line=_line_at(data, error.start),
                    )
                ) from error
            not_utf8 = error
    else:
        utf16 = _utf16_byte_order(data)
        text = _decode_utf16(data, utf16, name) if utf16 is not None else None
        if utf16 is not None and text is not None:
            return DecodedText(_checked(text, name), utf16, digest)
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} does not look like text (binary, or an unknown encoding)"
            ).format(name=name)
        )
    encoding = best.encoding
    if encoding in {"latin_1", "iso8859_15", "cp1250", "cp1252", "mac_roman", "iso8859_2"}:
        # Western text with curly quotes or 'œ' is cp1252; Latin-1 would make those C1 controls.
        encoding = "cp1252" if _decodes(data, "cp1252") else encoding
    legacy = _not_binary(data.decode(encoding), name)  # binary is said to be binary first
    if not_utf8 is not None:
        _refuse_partly_utf8(data, not_utf8, name)
    return DecodedText(_checked(legacy, name), encoding, digest)


def _refuse_partly_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> None:
    """Refuse data that is not UTF-8 as a whole but holds UTF-8 text.

    Text mixing UTF-8 with Windows-1252 (pasted from two sources), or UTF-8 with a few damaged
    bytes among few accents, has fewer good UTF-8 sequences than bad bytes, so `_damaged_utf8`
    lets it pass; read in a legacy encoding its UTF-8 would be stored as mojibake ("SÃ©oul").
    Reading every byte as Windows-1252 shows that mojibake, which ftfy recognises.
    """
    import ftfy.bad_codecs  # noqa: F401 (registers "sloppy-windows-1252": every byte decodes)

    utf8 = find_mojibake(data.decode("sloppy-windows-1252"))
    if utf8 is not None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{name} mixes UTF-8 with another encoding, or is UTF-8 with damaged bytes: the "
                "first byte that is not UTF-8 is at byte {byte}, line {line}, and line "
                "{utf8_line} holds UTF-8 ({meant}); repair it or save it again as UTF-8",
            ).format(
                name=name,
                byte=error.start,
                line=_line_at(data, error.start),
                utf8_line=utf8.line,
                meant=repr(utf8.meant),
            )
        ) from error


# A well-formed UTF-8 sequence of two to four bytes: rare by chance in legacy 8-bit text.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _damaged_utf8(data: bytes) -> bool:
    """True when data that is not valid UTF-8 is still mostly UTF-8 (a stray or cut byte).

    Windows-1252 French puts an accented letter before plain ASCII ("é" then "t"), which
    never forms a UTF-8 sequence; UTF-8 text has far more good sequences than bad bytes.
    """
    good = len(_UTF8_MULTIBYTE.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return good > 0 and good >= bad


def _utf16_byte_order(data: bytes) -> str | None:
    """Which UTF-16 the NUL bytes of BOM-less data point to ("utf-16-le" or "-be"), or None.

    Latin text, digits, punctuation, spaces and line ends are below U+0100, so in UTF-16 their
    high byte is NUL: at odd offsets in little-endian, at even offsets in big-endian. Western
    text gives far more than a fifth; binary data has NULs on both sides.
    """
    half = len(data) // 2
    if half < 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= half * 0.2 and even <= half * 0.02:
        return "utf-16-le"
    if even >= half * 0.2 and odd <= half * 0.02:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str, name: str) -> str | None:
    """The text of BOM-less UTF-16 data; None when it decodes but does not read as prose.

    Data with UTF-16's NUL pattern that is not valid UTF-16 (an odd length, a lone surrogate)
    is refused with its own reason rather than guessed at.
    """
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{name} looks like UTF-16 text without a byte-order mark but is not valid UTF-16 "
                "({reason}); save it again as UTF-8",
            ).format(name=name, reason=error.reason)
        ) from error
    # Binary data with the right NUL pattern decodes to controls, unassigned characters, or
    # "words" with no space between them for line after line.
    strange = sum(1 for ch in text if ch not in _BREAKS and unicodedata.category(ch) in _ODD)
    spaces = sum(1 for ch in text if ch.isspace())
    if strange > max(2, len(text) // 100) or (len(text) >= 40 and spaces < len(text) // 40):
        return None
    return text


_BREAKS = frozenset("\n\r\t\f")
_ODD = frozenset({"Cc", "Cn", "Co"})


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _not_binary(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 1000):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{name} does not look like text (it holds control characters)"
            ).format(name=name)
        )
    return text


def _checked(text: str, name: str) -> str:
    _not_binary(text, name)
    if not text.strip():
        raise InputError(_EMPTY.format(name=name))
    found = find_mojibake(text)
    if found is not None:
        mojibake = _MOJIBAKE_FIXED if found.meant != found.seen else _MOJIBAKE
        raise InputError(
            mojibake.format(
                name=name,
                line=found.line,
                seen=repr(found.seen),
                meant=repr(found.meant),
                encoding=found.read_as,
            )
        )
    return text.replace("\x00", "")


_EMPTY = QT_TRANSLATE_NOOP("Refusals", "{name} is empty")
_MOJIBAKE = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name} holds mojibake on line {line}: {seen} (UTF-8 text once read as {encoding}); "
    "repair it or save the original again as UTF-8",
)
_MOJIBAKE_FIXED = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name} holds mojibake on line {line}: {seen}, which should read {meant} (UTF-8 text once "
    "read as {encoding}); repair it or save the original again as UTF-8",
)


@dataclass(frozen=True)
class Mojibake:
    """Where a text shows UTF-8 read in a legacy encoding, for the refusal's message."""

    line: int  # 1-based
    seen: str  # the word as the text has it: "SÃ©oul"
    meant: str  # the word as it was written: "Séoul"
    read_as: str  # the encoding it went through: "Windows-1252"


# ftfy's names of the encodings UTF-8 is misread in, as a reader knows them.
_READ_AS: dict[str, str] = {
    "latin-1": QT_TRANSLATE_NOOP("Refusals", "Latin-1 or Windows-1252"),
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "macroman": "Mac Roman",
}
_WORD = re.compile(r"\S{1,40}")
_TRAILING = '.,;:!?)]}»"”'


def find_mojibake(text: str) -> Mojibake | None:
    """The first place where `text` is UTF-8 that was decoded as another encoding, or None.

    ftfy's badness test flags character sequences that prose does not hold ("Ã©", "â€™");
    a line is taken for mojibake only when ftfy can also undo it by reading its bytes as
    UTF-8, so a rare but genuine sequence ("Ã" in Portuguese, "œ" quoted) is let through.
    """
    # Imported here: ftfy takes a tenth of a second to load, which only reading text pays.
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(text):  # one pass over the text; the lines are looked at only if it fails
        return None
    # Lines as an editor counts them (LF, CRLF or CR), like `_line_at` for bytes.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if not is_bad(line):
            continue
        fixed = ftfy.fix_encoding_and_explain(line)
        steps = fixed.explanation or []
        if fixed.text == line or not any(
            step in (("decode", "utf-8"), ("apply", "decode_inconsistent_utf8")) for step in steps
        ):
            continue
        pairs = enumerate(zip(line, fixed.text, strict=False))
        at = next((i for i, (a, b) in pairs if a != b), min(len(line), len(fixed.text)))
        word = _word_at(line, at)
        # A line fixed piecewise ("Séoul, SÃ©oul") names no encoding: ftfy's piecewise fix is
        # for UTF-8 read as Latin-1 or Windows-1252.
        encoding = steps[0][1] if steps[0][0] == "encode" else "latin-1"
        return Mojibake(number, word, ftfy.fix_encoding(word), _READ_AS.get(encoding, encoding))
    return None


def _word_at(line: str, at: int) -> str:
    """The word of `line` holding position `at` (at most 40 characters of it)."""
    begin = at
    while begin > 0 and not line[begin - 1].isspace() and at - begin < 20:
        begin -= 1
    match = _WORD.match(line, begin)
    word = match.group().rstrip(_TRAILING) if match else ""
    return word or line[at : at + 1]


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line number of byte `offset` (lines end with LF, CRLF or CR)."""
    before = data[:offset]
    lines = len(before.splitlines())
    return lines + 1 if not before or before.endswith((b"\n", b"\r")) else lines
