"""The project files this process holds open, and reading any file without dropping their locks.

SQLite's locks are POSIX advisory locks, held per process and per file: closing *any*
descriptor of a database file releases every lock the process holds on it, whichever
descriptor took them ("How To Corrupt An SQLite Database File", section 2.2). SQLite guards its
own connections against this; a plain `open()`/`close()` of the same file elsewhere in the
process does not. Reading a project's first bytes to check it is a database is enough: the
next process to close its last connection then finds no lock, believes it is the last user,
checkpoints and deletes the -wal and -shm files, and this process goes on committing into a
deleted WAL — acknowledged edits that nobody else sees and that vanish when it closes.

So the store keeps one engine per project file per process (`ProjectEngines`), and every read
of a file a user names goes through `read_regular_file` or `read_head`: when the descriptor
turns out to be one of a held project's files (the database, its -wal or its -shm, matched by
device and inode, whatever the path), it is not closed but kept until the project is released,
which is what SQLite itself does with its own descriptors.

The registry is per process by nature — the locks it protects are — hence module state.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlalchemy as sa

_COMPANIONS = ("-wal", "-shm", "-journal")
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

FileId = tuple[int, int]


class NotRegularFile(OSError):
    """The path names a folder, a device, a pipe or a socket: nothing is read from it."""


class FileTooLarge(OSError):
    """The file is larger than the caller accepts; `size` is what it holds."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


@dataclass
class _Held:
    path: Path
    engine: sa.Engine
    users: int = 1
    kept_descriptors: list[int] = field(default_factory=list)


_lock = threading.Lock()
_held: dict[FileId, _Held] = {}


def _file_id(status: os.stat_result) -> FileId:
    return (status.st_dev, status.st_ino)


def _identify(path: Path) -> FileId | None:
    try:
        return _file_id(path.stat())
    except OSError:
        return None


def _holder_of(file_id: FileId) -> _Held | None:
    """The held project that `file_id` is the database or a companion file of (lock held)."""
    held = _held.get(file_id)
    if held is not None:
        return held
    for held in _held.values():
        for suffix in _COMPANIONS:
            if _identify(held.path.with_name(held.path.name + suffix)) == file_id:
                return held
    return None


def is_held(path: Path) -> bool:
    """Whether `path` is (or belongs to) a project this process has open."""
    file_id = _identify(path)
    with _lock:
        return file_id is not None and _holder_of(file_id) is not None


def _live(file_id: FileId) -> _Held | None:
    """The project held under `file_id`, if its path still names that file (lock held)."""
    held = _held.get(file_id)
    if held is not None and _identify(held.path) != file_id:
        # The held file was deleted and a new one reuses its inode: not the same project. Its
        # users keep their engine; it is no longer found by its old identity.
        _held[(-1, id(held.engine))] = _held.pop(file_id)
        return None
    return held


class ProjectEngines:
    """One engine per project file per process, shared by whoever opens it again.

    `acquire` returns the engine already open on the same file (by device and inode), or None;
    `register` records a new one; `release` gives one use back, and the last release disposes
    of the engine and closes the descriptors that were kept for it.
    """

    @staticmethod
    def acquire(path: Path) -> sa.Engine | None:
        file_id = _identify(path)
        with _lock:
            held = _live(file_id) if file_id is not None else None
            if held is None:
                return None
            held.users += 1
            return held.engine

    @staticmethod
    def register(path: Path, make_engine: Callable[[], sa.Engine]) -> sa.Engine:
        """The engine for `path`: the one already held (another thread got there first), or a
        new one from `make_engine`, recorded as held."""
        file_id = _identify(path)
        if file_id is None:
            raise FileNotFoundError(path)
        with _lock:
            held = _live(file_id)
            if held is not None:
                held.users += 1
                return held.engine
            engine = make_engine()
            _held[file_id] = _Held(path.resolve(), engine)
            return engine

    @staticmethod
    def release(engine: sa.Engine) -> None:
        with _lock:
            for file_id, held in list(_held.items()):
                if held.engine is engine:
                    held.users -= 1
                    if held.users > 0:
                        return
                    del _held[file_id]
                    break
            else:
                held = None
        engine.dispose()
        if held is not None:
            for descriptor in held.kept_descriptors:
                with contextlib.suppress(OSError):
                    os.close(descriptor)


def _close_unless_held(descriptor: int, status: os.stat_result) -> None:
    with _lock:
        held = _holder_of(_file_id(status)) if stat.S_ISREG(status.st_mode) else None
        if held is not None:
            held.kept_descriptors.append(descriptor)
            return
    os.close(descriptor)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[int, os.stat_result]]:
    descriptor = os.open(path, _OPEN_FLAGS)
    status = os.fstat(descriptor)
    try:
        yield descriptor, status
    finally:
        _close_unless_held(descriptor, status)


def _read(descriptor: int, limit: int) -> bytes:
    chunks, remaining = [], limit
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most `max_bytes` + 1 (more means it grew while read).

    Raises NotRegularFile for anything else (a FIFO is not waited on), FileTooLarge when the
    file is larger than `max_bytes` before reading, OSError when it cannot be opened.
    """
    with _opened(path) as (descriptor, status):
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(f"{path} is not a regular file")
        if status.st_size > max_bytes:
            raise FileTooLarge(status.st_size)
        return _read(descriptor, max_bytes + 1)


@contextlib.contextmanager
def open_regular_file(path: Path) -> Iterator[BinaryIO]:
    """A regular file opened for reading, as a binary file object (for a zip archive, say).

    Raises NotRegularFile for anything else, OSError when it cannot be opened.
    """
    with _opened(path) as (descriptor, status):
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(f"{path} is not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            yield handle


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file (fewer if it is shorter).

    Raises NotRegularFile for anything else, OSError when it cannot be opened.
    """
    with _opened(path) as (descriptor, status):
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(f"{path} is not a regular file")
        return _read(descriptor, size)
