"""Exports: tidy CSV (one row per attribution), JSON Lines, and the comparison matrix as CSV.

Files are written streaming, in constant memory, to a temporary file beside the target that is
renamed over it only when complete: a crash or an error never leaves half an export under the
final name. Text cells a spreadsheet would run as formulas are neutralised (see
`app.domain.spreadsheet`).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from app.domain.model import DomainError
from app.domain.spreadsheet import csv_writer, neutralise
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.compare import Matrix
from app.services.project import Project
from app.store import queries
from app.store.files import give_usual_mode
from app.store.held_files import read_head
from app.store.migrate import SQLITE_MAGIC
from app.store.queries import EXPORT_COLUMNS

# The filters of a tag export (articles, sources, annotator, stance, outlet, dates), for the
# front ends, which do not import the store.
TagFilter = queries.TagFilter

TEXT_COLUMNS = frozenset(
    {
        "article_title",
        "outlet",
        "url",
        "statement_text",
        "source",
        "confidence_label",
        "claims",
        "annotator",
        "note",
    }
)


FOLDER_MISSING = QT_TRANSLATE_NOOP("Refusals", "the folder {folder} does not exist")
NOT_WRITTEN = QT_TRANSLATE_NOOP("Refusals", "{path} was not written: {reason}")

# A part file untouched for this long, whose writer is gone, was left by a killed export.
ABANDONED_PART_SECONDS = 60


@contextlib.contextmanager
def atomic_file(path: Path, *, binary: bool = False, bom: bool = False) -> Iterator[IO[Any]]:
    """A file that appears under `path` only once fully written and flushed to disk.

    It is written to a hidden `.NAME.PID.….part` beside the target and renamed over it; on an
    error the part file is removed. A killed export leaves at most that part file, never half an
    export; the next export to the same name removes part files whose writer is gone.

    A symbolic link is written through (the file it names is replaced, the link stays). A pipe
    or a character device (`-o /dev/stdout | …`, a FIFO, a terminal) is streamed to instead,
    since it cannot be replaced; anything else that is not a regular file is refused. A write
    that fails (a full disk, a read-only folder) raises ExportError and leaves the target as it
    was.
    """
    path = Path(path)
    check_export_target(path)
    if _is_stream(path):  # through any link: /dev/stdout names /proc/self/fd/1
        with _streamed(path, binary=binary, bom=bom) as stream:
            yield stream
        return
    target = path.resolve() if path.is_symlink() else path
    if target != path:
        check_export_target(target)
    remove_abandoned_parts(target)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("Refusals", "cannot write in {folder}: {reason}").format(
                folder=target.parent, reason=error.strerror
            )
        ) from error
    give_usual_mode(temp_name)
    try:
        with _file_object(fd, binary=binary, bom=bom) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ExportError(NOT_WRITTEN.format(path=path, reason=_reason(error))) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _file_object(fd: int, *, binary: bool, bom: bool) -> IO[Any]:
    """The export's file object on `fd`: bytes, or UTF-8 text (with a BOM for Excel)."""
    if binary:
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")


def _reason(error: OSError) -> str:
    """Why a write failed: ours for a full disk (as Words), else the system's own text."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return QT_TRANSLATE_NOOP("Refusals", "the disk is full (nothing was left half-written)")
    return error.strerror or str(error)


def is_plain_file(path: Path) -> bool:
    """Whether an export to `path` went to a file (not a pipe, a terminal or a device)."""
    try:
        return stat.S_ISREG(Path(path).stat().st_mode)
    except OSError:
        return False


def _is_stream(path: Path) -> bool:
    """A pipe or a character device: written to as it is, never replaced by a file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    if not stat.S_ISREG(mode):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{path} is not a regular file, a pipe or a terminal; choose a file name",
            ).format(path=path)
        )
    return False


@contextlib.contextmanager
def _streamed(path: Path, *, binary: bool, bom: bool) -> Iterator[IO[Any]]:
    # Opened without waiting: a FIFO nobody reads from is refused instead of hanging.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise ExportError(
                QT_TRANSLATE_NOOP("Refusals", "nothing is reading from the pipe {path}").format(
                    path=path
                )
            ) from error
        raise ExportError(
            QT_TRANSLATE_NOOP("Refusals", "cannot write to {path}: {reason}").format(
                path=path, reason=error.strerror
            )
        ) from error
    os.set_blocking(fd, True)
    try:
        with _file_object(fd, binary=binary, bom=bom) as handle:
            yield handle
            handle.flush()
    except BrokenPipeError:
        raise  # the reader stopped reading (`| head`): the command line ends quietly
    except OSError as error:
        raise ExportError(NOT_WRITTEN.format(path=path, reason=_reason(error))) from error


class ExportError(DomainError):
    """An export refused before anything was written; the message says why."""


_DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


def check_export_target(path: Path) -> None:
    """Refuse a target that is a folder, a database, or one of a database's companion files.

    One mistyped name (`export study.sourcetrack -o study.sourcetrack`) must not replace a
    project with a CSV file: an export never writes over a SQLite file.
    """
    if path.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{path} is a folder; give the name of the file to write"
            ).format(path=path)
        )
    if not path.parent.is_dir():
        raise ExportError(FOLDER_MISSING.format(folder=path.parent))
    if _is_database(path):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{path} is a database (a Sourcetrack project?); an export never writes over "
                "one, choose another file name",
            ).format(path=path)
        )
    for suffix in _DATABASE_COMPANIONS:
        if path.name.endswith(suffix) and _is_database(path.with_name(path.name[: -len(suffix)])):
            raise ExportError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "{path} belongs to the database beside it; choose another name"
                ).format(path=path)
            )


def _is_database(path: Path) -> bool:
    try:
        return read_head(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:  # missing, unreadable, or not a regular file: not a database we can spoil
        return False


def remove_abandoned_parts(path: Path) -> list[Path]:
    """Remove the part files of earlier exports to `path` that were killed; returns them.

    A part file is abandoned when the process named in it no longer runs here and it has not
    been written to for `ABANDONED_PART_SECONDS` (the second test spares a writer on another
    machine sharing the folder). Where processes cannot be asked about (Windows), none is
    removed.
    """
    removed: list[Path] = []
    if os.name != "posix":
        return removed
    now = time.time()
    for part in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        pid_text = part.name[len(path.name) + 2 :].split(".", 1)[0]
        if not pid_text.isdigit() or _running(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime >= ABANDONED_PART_SECONDS:
                part.unlink()
                removed.append(part)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: asks whether the process exists, sends nothing
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or a number we cannot ask about: leave it
    return True


def atomic_text_file(
    path: Path, *, bom: bool = False
) -> contextlib.AbstractContextManager[IO[str]]:
    """A UTF-8 text file (with a BOM for Excel if asked), written atomically."""
    return atomic_file(path, bom=bom)


def format_timestamp(value: datetime | None) -> str:
    if value is None:
        return ""
    text = value.isoformat(timespec="seconds")
    return text.replace("+00:00", "Z") if value.tzinfo else text + "Z"


_TEXT_INDEXES = tuple(i for i, c in enumerate(EXPORT_COLUMNS) if c in TEXT_COLUMNS)
_CLAIMS = EXPORT_COLUMNS.index("claims")
_TIMES = tuple(EXPORT_COLUMNS.index(c) for c in ("created_at", "updated_at"))


def _sorted_claims(value: str | None) -> str:
    return "; ".join(sorted(value.split("; "))) if value else ""


def csv_cells(row: tuple[Any, ...]) -> list[Any]:
    """A row as CSV cells: empty for NULL, claims sorted, text formula-neutralised."""
    cells: list[Any] = ["" if v is None else v for v in row]
    cells[_CLAIMS] = _sorted_claims(row[_CLAIMS])
    for i in _TIMES:
        if isinstance(cells[i], datetime):
            cells[i] = format_timestamp(cells[i])
    for i in _TEXT_INDEXES:
        cells[i] = neutralise(cells[i]) if cells[i] else cells[i]
    return cells


def export_csv(
    project: Project, path: Path, *, excel: bool = False, tag_filter: TagFilter | None = None
) -> int:
    """Write the tidy CSV; returns the number of attribution rows written."""
    count = 0
    with atomic_text_file(path, bom=excel) as handle, project.read() as conn:
        writer = csv_writer(handle, lineterminator="\r\n" if excel else "\n")
        writer.writerow(EXPORT_COLUMNS)
        for row in queries.export_rows(conn, tag_filter):
            writer.writerow(csv_cells(row))
            count += 1
    return count


def json_record(row: tuple[Any, ...]) -> dict[str, object]:
    """The CSV's fields with typed values: numbers as numbers, claims as a list, no neutralising."""
    record = dict(zip(EXPORT_COLUMNS, row, strict=True))
    record["claims"] = sorted(row[_CLAIMS].split("; ")) if row[_CLAIMS] else []
    for column in ("created_at", "updated_at"):
        if isinstance(record[column], datetime):
            record[column] = format_timestamp(record[column])
    return record


def export_jsonl(project: Project, path: Path, *, tag_filter: TagFilter | None = None) -> int:
    count = 0
    with atomic_text_file(path) as handle, project.read() as conn:
        for row in queries.export_rows(conn, tag_filter):
            handle.write(json.dumps(json_record(row), ensure_ascii=False) + "\n")
            count += 1
    return count


def describe_cell(cell: Any) -> str:
    parts = [cell.stance]
    if cell.confidence_label:
        parts.append(cell.confidence_label)
    parts.append(f"{cell.statements} statement{'s' if cell.statements != 1 else ''}")
    return " · ".join(parts)


def matrix_rows(matrix: Matrix) -> Iterator[list[Any]]:
    """The matrix as rows: a header, then one row per claim, one column per source."""
    yield ["claim_id", "claim", "contested", *matrix.sources]
    for row in matrix.rows:
        cells = [describe_cell(row.cells[s]) if s in row.cells else "" for s in matrix.sources]
        yield [row.claim_id, row.claim, "yes" if row.contradiction else "no", *cells]


def export_matrix_csv(matrix: Matrix, path: Path, *, excel: bool = False) -> int:
    with atomic_text_file(path, bom=excel) as handle:
        writer = csv_writer(handle, lineterminator="\r\n" if excel else "\n")
        for row in matrix_rows(matrix):
            writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
    return len(matrix.rows)
