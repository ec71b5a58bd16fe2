"""Opening a project: create, recognise, back up, upgrade — or refuse and touch nothing.

A project file is inspected read-only before anything writes to it. A file that is not SQLite, a
SQLite database that is not a Sourcetrack project, a project from a newer version of the app and
a project holding triggers, views or virtual tables Sourcetrack did not create are refused with
a message and left byte-for-byte as they were. An older project is first copied with SQLite's
online backup API (to a temporary name, renamed when complete), then upgraded by Alembic in one
transaction: an upgrade that fails or is killed leaves the project at its old revision.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.domain.wording import QT_TRANSLATE_NOOP, Refusal, Words
from app.store.engine import (
    create_project_engine,
    create_read_only_engine,
    serialise_setup,
    sqlite_url,
    write_transaction,
)
from app.store.files import give_usual_mode
from app.store.held_files import NotRegularFile, ProjectEngines, read_head
from app.store.server_refusals import connection_problem

SQLITE_MAGIC = b"SQLite format 3\x00"
_PROJECT_TABLES = {"articles", "statements", "sources", "attributions"}
# The one virtual table Sourcetrack makes (revision 0003); any other names a module that runs
# code of its own.
_OUR_VIRTUAL_TABLE = re.compile(
    r"CREATE\s+VIRTUAL\s+TABLE\s+[\"'`\[]?statement_fts[\"'`\]]?\s+USING\s+fts5\s*\(", re.I
)


class ProjectError(Refusal):
    """A project cannot be opened; the message says why, in words meant for the user."""


class PasswordNeeded(ProjectError):
    """The server wants a password for the role, and none (or a wrong one) was given."""


def _server_refusal(url: sa.URL, error: Exception) -> ProjectError:
    message = connection_problem(url, error)
    text = str(getattr(error, "orig", None) or error).casefold()
    if "no password supplied" in text or "password authentication failed" in text:
        return PasswordNeeded(message)
    return ProjectError(message)


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "migrations", package_dir.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ProjectError(
        QT_TRANSLATE_NOOP("Refusals", "the schema migrations are missing from this installation")
    )


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
    shared: bool = False  # the engine is this process's one engine on the file (see held_files)

    def close(self) -> None:
        """Give the engine back: the last user of a shared one disposes of it."""
        if self.shared:
            ProjectEngines.release(self.engine)
        else:
            self.engine.dispose()


def is_url(location: str) -> bool:
    return "://" in location


def display_location(location: str) -> str:
    """A project's location as it may be shown, stored or logged: a server URL without its
    password (which belongs in PGPASSWORD, ~/.pgpass or a service file)."""
    if is_url(location) and not location.startswith("sqlite"):
        try:
            url = sa.make_url(location)
        except sa.exc.ArgumentError:
            return "(a database URL that cannot be read)"
        return url.set(password=None).render_as_string(hide_password=True)
    return location


def short_location(location: str) -> str:
    """A project's location in a few words: a file's name, or a server database's name and
    where it is (never the role or password)."""
    if is_url(location) and not location.startswith("sqlite"):
        try:
            url = sa.make_url(location)
        except sa.exc.ArgumentError:
            return QT_TRANSLATE_NOOP("Refusals", "(a database URL that cannot be read)")
        service = url.query.get("service")
        if not url.database and service:
            # host and database are in the service file
            return QT_TRANSLATE_NOOP("Refusals", "service {service}").format(service=service)
        if not url.port and not url.host:
            return QT_TRANSLATE_NOOP("Refusals", "{database} on this machine").format(
                database=url.database
            )
        where = f"{url.host}:{url.port}" if url.port else url.host
        return QT_TRANSLATE_NOOP("Refusals", "{database} on {where}").format(
            database=url.database, where=where
        )
    return Path(location.split(":///", 1)[-1]).name


def open_project(location: str | Path, *, create: bool = False) -> OpenedProject:
    """Open (or with `create`, make) the project at a path or SQLAlchemy URL, upgraded to head."""
    location = str(location)
    if is_url(location) and not location.startswith("sqlite"):
        return _open_server(location, create=create)
    path = Path(location.split(":///", 1)[1]) if is_url(location) else Path(location)
    return _open_file(path, create=create)


def _open_file(path: Path, *, create: bool) -> OpenedProject:
    if path.is_dir():
        raise ProjectError(
            QT_TRANSLATE_NOOP("Refusals", "{path} is a folder, not a project file").format(
                path=path
            )
        )
    # Opened already in this process: share its engine. Inspecting the file again would open
    # and close a descriptor of it, and that alone drops this process's locks (held_files).
    engine = ProjectEngines.acquire(path)
    if engine is not None:
        return OpenedProject(engine, str(path), None, None, shared=True)
    # An empty file is what a crash while making a project used to leave; with `create` it
    # is made a project (there is nothing in it to lose), without it is refused as before.
    empty = path.is_file() and path.stat().st_size == 0 and not _wal(path).exists()
    if not path.exists() or (create and empty):
        if not create:
            raise ProjectError(
                QT_TRANSLATE_NOOP("Refusals", "no project at {path}").format(path=path)
            )
        if not path.parent.is_dir():
            raise ProjectError(
                QT_TRANSLATE_NOOP("Refusals", "the folder {folder} does not exist").format(
                    folder=path.parent
                )
            )
        _create_file(path, replace_empty=empty)
        # Next, as any project at head: it holds no sources yet, so `created` comes back True
        # (unless another process made the project first and has seeded it).

    revision, seeded = _inspect_file(path)
    head = head_revision()
    if revision == head:
        engine = _shared_engine(path)
        # Not seeded: the app was stopped between making the project and filling in its
        # default sources and scales; the caller finishes the job.
        return OpenedProject(engine, str(path), None, None, created=not seeded, shared=True)
    if not _writable(path):
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{path} was made by an older version of Sourcetrack and must be upgraded, but it "
                "(or its folder) cannot be written here; it was left unchanged",
            ).format(path=path)
        )
    backup = None
    if revision is not None:
        backup = backup_file(path, revision)
    try:
        _upgrade(path, to_head=True)
    except Exception as error:
        # The upgrade runs in one transaction: whatever failed, it was rolled back.
        failed = _UPGRADE_FAILED.format(
            path=path, revision=revision, kind=type(error).__name__, reason=_reason(error)
        )
        if backup is not None:
            failed = _UPGRADE_FAILED_COPY_KEPT.format(**failed.arguments, backup=backup)
        raise ProjectError(failed) from error
    return OpenedProject(
        _shared_engine(path),
        str(path),
        backup,
        revision,
        created=revision is None or not seeded,
        shared=True,
    )


_UPGRADE_FAILED = QT_TRANSLATE_NOOP(
    "Refusals",
    "upgrading {path} from schema {revision} failed ({kind}: {reason}); "
    "the project was left as it was",
)
_UPGRADE_FAILED_COPY_KEPT = QT_TRANSLATE_NOOP(
    "Refusals",
    "upgrading {path} from schema {revision} failed ({kind}: {reason}); "
    "the project was left as it was; the copy made before it is {backup}",
)


def _reason(error: BaseException) -> str:
    """An error's message: our own in its catalogue words, a library's as it says it."""
    return error.words if isinstance(error, Refusal) else str(error)


def _shared_engine(path: Path) -> sa.Engine:
    return ProjectEngines.register(path, lambda: _engine_for(path))


def _engine_for(path: Path) -> sa.Engine:
    if _writable(path):
        return create_project_engine(sqlite_url(path))
    # Readable but not writable here (a colleague's folder, a read-only share): open it to
    # read; every write is refused with a message (engine.ReadOnlyProject).
    shm = path.with_name(path.name + "-shm")
    return create_read_only_engine(path, immutable=not (_wal(path).exists() and shm.exists()))


def _writable(path: Path) -> bool:
    """Can SQLite write the project and make its -wal and -shm beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _create_file(path: Path, *, replace_empty: bool = False) -> None:
    """Make a new project at `path` that appears there only once whole, at the head revision.

    It is built under a hidden temporary name beside `path`, then linked into place: a crash
    while it is made leaves no half-made project (at worst a hidden temporary file), and if
    another process made the project first, theirs is kept.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    except OSError as error:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "cannot make a project in {folder}: {reason}; nothing was written"
            ).format(folder=path.parent, reason=error.strerror)
        ) from error
    os.close(fd)
    temp = Path(name)
    give_usual_mode(temp)
    try:
        upgrade_url(sqlite_url(temp))  # closes its connections: the WAL is checkpointed away
        if _wal(temp).exists():
            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "could not finish writing the new project {path}"
                ).format(path=path)
            )
        if replace_empty:
            os.replace(temp, path)
        else:
            with contextlib.suppress(FileExistsError):  # the other process's project wins
                _link_or_move(temp, path)
        _sync_folder(path.parent)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)


def _link_or_move(source: Path, target: Path) -> None:
    """Put `source` at `target` unless `target` exists (FileExistsError then)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then move
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(source, target)


def _inspect_file(path: Path) -> tuple[str | None, bool]:
    """Read a file's schema revision without writing to it; refuse what we must not open.

    Returns the revision (None for an empty SQLite database: it becomes a new project) and
    whether the project holds any source or confidence scale (False: its defaults are missing).
    """
    try:
        header = read_head(path, len(SQLITE_MAGIC))
    except NotRegularFile as error:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{path} is not a project file (a device, pipe or socket)"
            ).format(path=path)
        ) from error
    except OSError as error:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Refusals", "cannot read {path}: {reason}").format(
                path=path, reason=error.strerror
            )
        ) from error
    if header != SQLITE_MAGIC:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "{path} is not a Sourcetrack project (it is not an SQLite database)"
            ).format(path=path)
        )
    # With no -wal beside it, nobody has the file open in WAL mode: open it immutable, which
    # creates no -wal/-shm either, so a refused file is left exactly as it was found.
    options = "mode=ro" if _wal(path).exists() else "mode=ro&immutable=1"
    try:
        # A short wait: in WAL mode a reader is never blocked by our own writers, only by a
        # program that holds the file exclusively, which is reported below.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=2)
    except sqlite3.Error as error:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Refusals", "cannot open {path}: {reason}").format(
                path=path, reason=str(error)
            )
        ) from error
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        schema = connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        tables = {name for kind, name, _sql in schema if kind == "table"}
        if tables and ("alembic_version" not in tables or not tables >= _PROJECT_TABLES):
            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "{path} is an SQLite database but not a Sourcetrack project"
                ).format(path=path)
            )
        planted = _planted_objects(schema)
        if planted:
            holds = _HOLDS_PLANTED_AND_MORE if len(planted) > 3 else _HOLDS_PLANTED
            raise ProjectError(holds.format(path=path, objects=_listed(planted[:3])))
        if not tables:
            return None, False
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        seeded = connection.execute(
            "SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM confidence_scales)"
        ).fetchone()[0]
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "{path} is in use by another program that holds it for itself (exclusive "
                    "mode); close that program and try again. The file was left unchanged.",
                ).format(path=path)
            ) from error
        raise ProjectError(_DAMAGED.format(path=path, reason=str(error))) from error
    except sqlite3.DatabaseError as error:
        raise ProjectError(_DAMAGED.format(path=path, reason=str(error))) from error
    finally:
        connection.close()
    if len(rows) != 1:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Refusals", "{path} has an unreadable schema version").format(
                path=path
            )
        )
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{path} was made by a newer version of Sourcetrack (schema {revision}); "
                "update Sourcetrack to open it. The file was left unchanged.",
            ).format(path=path, revision=revision)
        )
    return revision, bool(seeded)


_DAMAGED = QT_TRANSLATE_NOOP("Refusals", "{path} is damaged or not a Sourcetrack project: {reason}")
_HOLDS_PLANTED = QT_TRANSLATE_NOOP(
    "Refusals",
    "{path} holds {objects} that Sourcetrack did not create; it was refused and left unchanged",
)
_HOLDS_PLANTED_AND_MORE = QT_TRANSLATE_NOOP(
    "Refusals",
    "{path} holds {objects} and more that Sourcetrack did not create; it was refused and left "
    "unchanged",
)
_TRIGGER = QT_TRANSLATE_NOOP("Refusals", "trigger '{name}'")
_VIEW = QT_TRANSLATE_NOOP("Refusals", "view '{name}'")
_VIRTUAL_TABLE = QT_TRANSLATE_NOOP("Refusals", "virtual table '{name}'")
_LIST_ITEM = QT_TRANSLATE_NOOP("Refusals", "{items}, {item}")  # one more item of a list


def _listed(items: list[Words]) -> Words:
    """Items listed with commas, each in its catalogue words ("trigger 'a', view 'b'")."""
    listed = items[0]
    for item in items[1:]:
        listed = _LIST_ITEM.format(items=listed, item=item)
    return listed


def _planted_objects(schema: list[tuple[str, str, str | None]]) -> list[Words]:
    """Schema objects that would run code Sourcetrack did not write: triggers, views, and
    virtual tables other than its full-text index.

    Sourcetrack makes none of these at any revision. A trigger runs on our own writes (one on
    `attributions` could rewrite or delete every tag), so `trusted_schema=OFF`, which only keeps
    unsafe functions out of them, is not enough: such a project is refused. Extra ordinary
    tables and indexes are inert and are left alone.
    """
    planted = []
    for kind, name, sql in schema:
        if kind in ("trigger", "view"):
            planted.append((_TRIGGER if kind == "trigger" else _VIEW).format(name=name))
        elif (
            kind == "table"
            and re.match(r"\s*CREATE\s+VIRTUAL\b", sql or "", re.I)
            and not _OUR_VIRTUAL_TABLE.match(sql or "")
        ):
            planted.append(_VIRTUAL_TABLE.format(name=name))
    return planted


def backup_file(path: Path, revision: str) -> Path:
    """Copy a project with SQLite's backup API (consistent even with a WAL beside it).

    The copy is written under a hidden temporary name and renamed when complete, so a backup
    under its final name is always whole, even if the app is killed while making it.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    partial = path.with_name(f".{target.name}.part")
    partial.unlink(missing_ok=True)  # left by a copy that was killed
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    os.replace(partial, target)
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _upgrade(path: Path, *, to_head: bool) -> None:
    upgrade_url(sqlite_url(path), "head" if to_head else head_revision())


def upgrade_url(url: str, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction, foreign keys off (see engine).

    Alembic commits after each revision on SQLite (it assumes DDL is not transactional there,
    which is only true of the driver's legacy transaction handling, off in our engine). The
    transaction is therefore ours, begun IMMEDIATE before Alembic runs: Alembic then commits
    nothing, and a failure, a kill or a broken reference leaves the file at its old revision.
    """
    engine = create_project_engine(url, foreign_keys=False)
    try:
        with write_transaction(engine) as connection:
            serialise_setup(connection)
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            if url.startswith("sqlite"):
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise ProjectError(
                        QT_TRANSLATE_NOOP(
                            "Refusals", "the upgraded project has broken references: {problems}"
                        ).format(problems=str(problems[:3]))
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
        engine.dispose()
        raise _server_refusal(engine.url, error) from error
    if current is None and has_tables:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "that database holds tables but is not a Sourcetrack project"
            )
        )
    if current is None and not create:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Refusals", "that database holds no Sourcetrack project")
        )
    if current is not None and current not in known_revisions():
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Refusals", "the database was made by a newer version of Sourcetrack ({revision})"
            ).format(revision=current)
        )
    if current != head_revision():
        try:
            upgrade_url(url)
        except Exception as error:
            engine.dispose()
            if isinstance(error, sa.exc.OperationalError):
                raise _server_refusal(engine.url, error) from error
            # PostgreSQL's DDL is transactional and the upgrade is one transaction: whatever
            # failed, nothing of it was kept.
            reason = {"kind": type(error).__name__, "reason": _reason(error)}
            failed = (
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "upgrading it from schema {revision} failed ({kind}: {reason}); the database "
                    "was left as it was",
                ).format(revision=current, **reason)
                if current
                else QT_TRANSLATE_NOOP(
                    "Refusals",
                    "making the project failed ({kind}: {reason}); the database was left as it was",
                ).format(**reason)
            )
            raise ProjectError(failed) from error
    # As for a file: a project without its default sources and scales is finished by the
    # caller — also when another process made the tables a moment ago and is seeding them now
    # (the seeding is serialised, so the caller then waits for it and finds them there).
    with engine.connect() as connection:
        seeded = connection.execute(
            sa.text(
                "SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM confidence_scales)"
            )
        ).scalar()
    return OpenedProject(engine, url, None, current, created=not seeded)
