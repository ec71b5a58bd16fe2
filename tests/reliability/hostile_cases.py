"""The hostile inputs: what a stranger can hand Sourcetrack, and what must come of each.

`CASES` covers what the older suites did not; `borrowed_cases()` adds the malformed documents
of tests/formats/test_malformed.py and the malformed tag CSVs of tests/services/test_import_tags.py,
so the figures count every hostile input the suite tries. `hostile.py` runs them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import SEED, cli_ok

from app.store.engine import sqlite_url
from app.store.migrate import upgrade_url

GIB = 2**30

Builder = Callable[[Path], Path]


@dataclass(frozen=True)
class Case:
    """One hostile input.

    kind: `import` (a file given to `import`), `import-tags` (a CSV), `project` (a file opened
    as a project) or `warn` (a project in a risky place: the command works, with a warning).
    expect: a regex for the reason in the one stderr line (for `warn`, in the warning).
    read_back: for an input that must be read, not refused: a check of the stored article.
    """

    name: str
    kind: str
    build: Builder
    expect: str = ""
    read_back: Callable[[Path], str | None] | None = None
    mounts: str | None = None  # a fake /proc/mounts for the `warn` cases
    origin: str = "tests/reliability/hostile_cases.py"


# --- the inputs ---------------------------------------------------------------------------------

UTF16_TEXT = (
    "Séoul confirme des pertes nord-coréennes\n\n"
    "Les forces nord-coréennes auraient subi environ 1.100 pertes, a révélé l’état-major "
    "sud-coréen. Le Kremlin continue de nier « toute présence »."
)


def _file(name: str, data: bytes) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return build


def _sparse(name: str, size: int) -> Builder:
    """A file of `size` bytes that takes no disk (a hole): refused by size, never read."""

    def build(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as handle:
            handle.truncate(size)
        return path

    return build


def _symlink(name: str, target: str) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return build


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _seed_utf8() -> bytes:
    return SEED.read_bytes()


def _damaged_utf8() -> bytes:
    data = _seed_utf8()
    return data[:200] + b"\xff\xfe" + data[200:]


def _html_with_everything(folder: Path) -> Path:
    from formats.documents import news_page

    page = news_page().replace(
        "</article>",
        '<img src="http://127.0.0.1:9/photo.jpg" alt="photo">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">'
        '<object data="http://127.0.0.1:9/plugin.swf"></object></article>',
    )
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def _html_read_back(project: Path) -> str | None:
    from formats.documents import BODY

    body = _last_body(project)
    return None if body == BODY else f"the stored body is not the article: {body[:80]!r}"


def _utf16_read_back(project: Path) -> str | None:
    body = _last_body(project)
    expected = UTF16_TEXT.split("\n\n", 1)[1]
    return None if body == expected else f"decoded as {body[:60]!r}"


def _last_body(project: Path) -> str:
    with contextlib.closing(sqlite3.connect(project)) as conn:
        return conn.execute("SELECT body FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]


def _planted(sql: str) -> Builder:
    """A real project at head with something planted in its schema."""

    def build(folder: Path) -> Path:
        path = folder / "planted.sourcetrack"
        upgrade_url(sqlite_url(path))
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA journal_mode = DELETE")  # one file, compared byte for byte
            conn.executescript(sql)
        return path

    return build


PLANTED_TRIGGER = """
CREATE TABLE spy (what TEXT);
CREATE TRIGGER wipe_tags AFTER INSERT ON attributions BEGIN
    DELETE FROM attributions; INSERT INTO spy VALUES ('tags wiped');
END;
"""
PLANTED_VIEW = "CREATE VIEW tag_report AS SELECT load_extension('/tmp/evil.so') AS x;"
PLANTED_VIRTUAL_TABLE = "CREATE VIRTUAL TABLE shadow USING fts5(x);"
PLANTED_DISGUISED_FTS = (
    "DROP TABLE statement_fts; CREATE VIRTUAL TABLE statement_fts USING fts4(text);"
)


def _newer_project(folder: Path) -> Path:
    path = folder / "future.sourcetrack"
    upgrade_url(sqlite_url(path))
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    return path


def _unrelated_database(folder: Path) -> Path:
    path = folder / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE things (x)")
        conn.commit()
    return path


def _project_in(*folders: str) -> Builder:
    def build(folder: Path) -> Path:
        place = folder.joinpath(*folders)
        place.mkdir(parents=True)
        path = place / "study.sourcetrack"
        cli_ok(None, "import", path, SEED)
        return path

    return build


def _tag_csv(change: Callable[[str], str]) -> Builder:
    """The good export of the target project (see HostileRunner), changed."""

    def build(folder: Path) -> Path:
        good = (folder.parent / "good.csv").read_text(encoding="utf-8")
        path = folder / "bad.csv"
        path.write_text(change(good), encoding="utf-8")
        return path

    return build


def _huge_note(good: str) -> str:
    rows = list(csv.reader(io.StringIO(good, newline="")))
    rows[1][rows[0].index("note")] = "x" * (3 * 2**20)  # three megabytes in one cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


CASES: list[Case] = [
    Case("empty file", "import", _file("empty.txt", b""), r"empty\.txt is empty"),
    Case("binary renamed .txt", "import",
         _file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16),
         r"photo\.txt does not look like text \(binary, or an unknown encoding\)"),
    Case("invalid UTF-8 (damaged bytes)", "import", _file("damaged.txt", _damaged_utf8()),
         r"damaged\.txt looks like UTF-8 text with damaged bytes \(invalid \w+ byte at byte "
         r"\d+\); repair it or save it again as UTF-8"),
    Case("UTF-8 cut in the middle of a character", "import",
         _file("cut.txt", _seed_utf8().rstrip() + "é".encode()[:1]),
         r"cut\.txt looks like UTF-8 text with damaged bytes \(unexpected end of data at byte "
         r"\d+\); repair it or save it again as UTF-8"),
    Case("UTF-16 LE without BOM", "import", _file("utf16le.txt", UTF16_TEXT.encode("utf-16-le")),
         read_back=_utf16_read_back),
    Case("UTF-16 BE without BOM", "import", _file("utf16be.txt", UTF16_TEXT.encode("utf-16-be")),
         read_back=_utf16_read_back),
    Case("UTF-16 without BOM, cut to an odd length", "import",
         _file("utf16cut.txt", UTF16_TEXT.encode("utf-16-le")[:-1]),
         r"utf16cut\.txt looks like UTF-16 text without a byte-order mark but is not valid "
         r"UTF-16 \(truncated data\); save it again as UTF-8"),
    Case("UTF-16 without BOM, a lone surrogate", "import",
         _file("surrogate.txt", UTF16_TEXT.encode("utf-16-le") + b"\x00\xd8" + b"x\x00"),
         r"surrogate\.txt looks like UTF-16 text without a byte-order mark but is not valid "
         r"UTF-16 \(illegal UTF-16 surrogate\); save it again as UTF-8"),
    Case("1 GB text file (sparse)", "import", _sparse("huge.txt", GIB),
         r"huge\.txt is 1024 MB; text files over 20 MB are refused"),
    Case("1 GB PDF (sparse)", "import", _sparse("huge.pdf", GIB),
         r"huge\.pdf is 1024 MB; files over 100 MB are refused"),
    Case("/dev/zero behind a .txt name", "import", _symlink("zero.txt", "/dev/zero"),
         r"zero\.txt is not a regular file \(a device, pipe or socket\)"),
    Case("a named pipe called .txt", "import", _fifo,
         r"pipe\.txt is not a regular file \(a device, pipe or socket\)"),
    Case("HTML with scripts, styles, iframes and remote images", "import",
         _html_with_everything, read_back=_html_read_back),
    Case("tag CSV with a 3 MB cell", "import-tags", _tag_csv(_huge_note),
         r"bad\.csv, line \d+: field larger than field limit"),
    Case("tag CSV of 1 GB (sparse)", "import-tags", _sparse("bad.csv", GIB),
         r"bad\.csv is larger than 512 MB"),
    Case("a text file opened as a project", "project", _file("notes.sourcetrack", b"Notes\n"),
         r"is not a Sourcetrack project \(it is not an SQLite database\)"),
    Case("an SQLite database that is not a project", "project", _unrelated_database,
         r"is an SQLite database but not a Sourcetrack project"),
    Case("a project from a newer Sourcetrack", "project", _newer_project,
         r"was made by a newer version of Sourcetrack \(schema 9999_from_the_future\)"),
    Case("a trigger planted on attributions", "project", _planted(PLANTED_TRIGGER),
         r"holds trigger 'wipe_tags' that Sourcetrack did not create; it was refused and left "
         r"unchanged"),
    Case("a view calling load_extension", "project", _planted(PLANTED_VIEW),
         r"holds view 'tag_report' that Sourcetrack did not create"),
    Case("a virtual table planted", "project", _planted(PLANTED_VIRTUAL_TABLE),
         r"holds virtual table 'shadow' that Sourcetrack did not create"),
    Case("the full-text index swapped for another module", "project",
         _planted(PLANTED_DISGUISED_FTS),
         r"holds virtual table 'statement_fts' that Sourcetrack did not create"),
    Case("a project in a Dropbox folder", "warn", _project_in("Dropbox", "thèse"),
         r"is in a folder synced by Dropbox; syncing a project while it is open can lose edits"),
    Case("a project in OneDrive", "warn", _project_in("OneDrive - Université"),
         r"is in a folder synced by OneDrive"),
    Case("a project on NFS", "warn", _project_in("nfs"),
         r"is on a network file system \(nfs4 at .*nfs\); SQLite's WAL is not safe there",
         mounts="server:/export {folder}/nfs nfs4 rw,relatime 0 0"),
    Case("a project on sshfs", "warn", _project_in("remote"),
         r"is on a network file system \(fuse\.sshfs at .*remote\)",
         mounts="me@host: {folder}/remote fuse.sshfs rw,nosuid 0 0"),
]  # fmt: skip


def borrowed_cases() -> list[Case]:
    """The malformed documents and tag CSVs the older suites try, for the figures."""
    from formats.test_malformed import FILES
    from services.test_import_tags import MALFORMED

    cases = [
        Case(f"document: {name}", "import", build, reason,
             origin="tests/formats/test_malformed.py")
        for name, (build, reason) in FILES.items()
    ]  # fmt: skip

    def csv_builder(make: Callable[[Path, Path], Any]) -> Builder:
        def build(folder: Path) -> Path:
            make(folder.parent / "good.csv", folder / "bad.csv")
            return folder / "bad.csv"

        return build

    cases += [
        Case(f"tag CSV: {name}", "import-tags", csv_builder(make), re.escape(message),
             origin="tests/services/test_import_tags.py")
        for name, (make, message) in MALFORMED.items()
    ]  # fmt: skip
    return cases
