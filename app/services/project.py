"""A project: one open database, the unit every use case works on."""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from app.domain.defaults import DEFAULT_SCALE, DEFAULT_SOURCES, SCALE_PRESETS
from app.store import tags as tag_store
from app.store.engine import read_transaction, serialise_setup, write_transaction
from app.store.migrate import (
    OpenedProject,
    PasswordNeeded,
    ProjectError,
    display_location,
    open_project,
    short_location,
)

__all__ = ["PasswordNeeded", "Project", "ProjectError", "default_annotator"]


def default_annotator() -> str:
    """Who is tagging: $SOURCETRACK_ANNOTATOR, else the login name."""
    name = os.environ.get("SOURCETRACK_ANNOTATOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


class Project:
    """An open project. Use as a context manager, or call `close()`."""

    def __init__(self, opened: OpenedProject) -> None:
        self._opened = opened
        self.engine: sa.Engine = opened.engine
        self._closed = False

    @classmethod
    def open(cls, location: str | Path, *, create: bool = False) -> Project:
        """Open a project file or URL (upgrading an older one after a backup).

        With `create`, a missing file becomes a new project holding the default sources
        (Seoul, Kyiv, Kremlin) and confidence scales. Raises ProjectError with a user message.
        """
        project = cls(open_project(location, create=create))
        if project._opened.created:
            project._seed_defaults()
        return project

    @property
    def location(self) -> str:
        return self._opened.location

    @property
    def display_name(self) -> str:
        """The location as it may be shown or stored: a server URL without its password."""
        return display_location(self._opened.location)

    @property
    def short_name(self) -> str:
        """What a window title calls the project: its file's name, or "DATABASE on HOST:PORT"."""
        return short_location(self._opened.location)

    @property
    def backup_path(self) -> Path | None:
        """The backup made before upgrading an older project on open, if any."""
        return self._opened.backup

    def write(self) -> contextlib.AbstractContextManager[sa.Connection]:
        """One write transaction (BEGIN IMMEDIATE), committed when the block ends."""
        return write_transaction(self.engine)

    def read(self) -> contextlib.AbstractContextManager[sa.Connection]:
        return read_transaction(self.engine)

    def close(self) -> None:
        """Give the project back; closing twice is harmless (the engine may be shared)."""
        if not self._closed:
            self._closed = True
            self._opened.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _seed_defaults(self) -> None:
        with self.write() as conn:
            serialise_setup(conn)  # two first opens on a server: the second finds them seeded
            if not tag_store.list_sources(conn):
                tag_store.seed_sources(conn, DEFAULT_SOURCES)
            if not tag_store.active_levels(conn):
                for preset in SCALE_PRESETS:
                    tag_store.add_scale(conn, preset, active=preset is DEFAULT_SCALE)


@contextlib.contextmanager
def opened(location: str | Path, *, create: bool = False) -> Iterator[Project]:
    project = Project.open(location, create=create)
    try:
        yield project
    finally:
        project.close()
