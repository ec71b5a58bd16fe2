"""Opening a project: create, recognise, back up, upgrade — or refuse and touch nothing.

A project file is inspected read-only before anything writes to it. A file that is not SQLite, a
SQLite database that is not a Sourcetrack project, and a project from a newer version of the app
are refused with a message and left byte-for-byte as they were. An older project is first copied
with SQLite's online backup API, then upgraded by Alembic in one transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.store.engine import create_project_engine, sqlite_url

SQLITE_MAGIC = b"SQLite format 3\x00"
_PROJECT_TABLES = {"articles", "statements", "sources", "attributions"}


class ProjectError(Exception):
    """A project cannot be opened; the message says why, in words meant for the user."""


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "migrations", package_dir.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ProjectError("the schema migrations are missing from this installation")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


@dataclass(frozen=True)
class OpenedProject:
    engine: sa.Engine
    location: str
    backup: Path | None  # where the pre-upgrade copy went, when an upgrade happened
    upgraded_from: str | None
    created: bool = False  # a new (or empty) project: the caller seeds its defaults


def is_url(location: str) -> bool:
    return "://" in location


def open_project(location: str | Path, *, create: bool = False) -> OpenedProject:
    """Open (or with `create`, make) the project at a path or SQLAlchemy URL, upgraded to head."""
    location = str(location)
    if is_url(location) and not location.startswith("sqlite"):
        return _open_server(location, create=create)
    path = Path(location.split(":///", 1)[1]) if is_url(location) else Path(location)
    return _open_file(path, create=create)


def _open_file(path: Path, *, create: bool) -> OpenedProject:
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a project file")
    if not path.exists():
        if not create:
            raise ProjectError(f"no project at {path}")
        if not path.parent.is_dir():
            raise ProjectError(f"the folder {path.parent} does not exist")
        engine = create_project_engine(sqlite_url(path))
        _upgrade(path, to_head=True)
        return OpenedProject(engine, str(path), None, None, created=True)

    revision = _inspect_file(path)
    head = head_revision()
    if revision == head:
        return OpenedProject(create_project_engine(sqlite_url(path)), str(path), None, None)
    backup = None
    if revision is not None:
        backup = backup_file(path, revision)
    _upgrade(path, to_head=True)
    engine = create_project_engine(sqlite_url(path))
    return OpenedProject(engine, str(path), backup, revision, created=revision is None)


def _inspect_file(path: Path) -> str | None:
    """Read a file's schema revision without writing to it; refuse what we must not open.

    Returns None for an empty SQLite database (it becomes a new project).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise ProjectError(f"cannot read {path}: {error.strerror}") from error
    if header != SQLITE_MAGIC:
        raise ProjectError(f"{path} is not a Sourcetrack project (it is not an SQLite database)")
    # With no -wal beside it, nobody has the file open in WAL mode: open it immutable, which
    # creates no -wal/-shm either, so a refused file is left exactly as it was found.
    wal = path.with_name(path.name + "-wal")
    options = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    except sqlite3.Error as error:
        raise ProjectError(f"cannot open {path}: {error}") from error
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return None
        if "alembic_version" not in tables or not tables >= _PROJECT_TABLES:
            raise ProjectError(f"{path} is an SQLite database but not a Sourcetrack project")
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path} is damaged or not a Sourcetrack project: {error}") from error
    finally:
        connection.close()
    if len(rows) != 1:
        raise ProjectError(f"{path} has an unreadable schema version")
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise ProjectError(
            f"{path} was made by a newer version of Sourcetrack (schema {revision}); "
            "update Sourcetrack to open it. The file was left unchanged."
        )
    return revision


def backup_file(path: Path, revision: str) -> Path:
    """Copy a project with SQLite's backup API (consistent even with a WAL beside it)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def _upgrade(path: Path, *, to_head: bool) -> None:
    upgrade_url(sqlite_url(path), "head" if to_head else head_revision())


def upgrade_url(url: str, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction, foreign keys off (see engine)."""
    engine = create_project_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
            if url.startswith("sqlite"):
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise ProjectError(
                        f"the upgraded project has broken references: {problems[:3]}"
                    )
    finally:
        engine.dispose()


def _open_server(url: str, *, create: bool) -> OpenedProject:
    engine = create_project_engine(url)
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            has_tables = bool(sa.inspect(connection).get_table_names())
    except sa.exc.SQLAlchemyError as error:
        raise ProjectError(
            f"cannot connect to {engine.url!r}: {error.__class__.__name__}"
        ) from error
    if current is None and has_tables:
        raise ProjectError("that database holds tables but is not a Sourcetrack project")
    if current is None and not create:
        raise ProjectError("that database holds no Sourcetrack project")
    if current is not None and current not in known_revisions():
        raise ProjectError(f"the database was made by a newer version of Sourcetrack ({current})")
    if current != head_revision():
        upgrade_url(url)
    return OpenedProject(engine, url, None, current, created=current is None)
