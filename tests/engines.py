"""The two engines a project lives on, for tests that must hold on both.

A test that asks for a project location (directly through `new_location`, or through the
`project`, `seeded_path`, `demo`, `rich` fixtures) runs once per engine: once on a project file
and once on a database of its own on the session's private PostgreSQL server. A test about the
project *file* itself (its bytes, its -wal, its folder) says so with `@pytest.mark.sqlite_only`.

On PostgreSQL a location is a URL; a copy of a project is `CREATE DATABASE … TEMPLATE`, which
needs the source to have no connection, so `copy_location` ends those of this process first.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

ENGINES = ("sqlite", "postgresql")

Location = Path | str  # a project file, or a PostgreSQL URL


def is_url(location: Location) -> bool:
    return isinstance(location, str) and location.startswith("postgresql")


@dataclass
class Server:
    """The session's PostgreSQL server, seen through its admin URL."""

    admin_url: str

    def _admin(self) -> sa.Engine:
        return sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)

    def url_of(self, name: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + f"/{name}"

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of `template` when given); returns its URL."""
        name = f"st_{uuid.uuid4().hex[:12]}"
        engine = self._admin()
        try:
            with engine.connect() as connection:
                if template:
                    _end_connections(connection, template)
                    connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                else:
                    connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            engine.dispose()
        return self.url_of(name)

    def drop(self, url: str) -> None:
        engine = self._admin()
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name_of(url)}" WITH (FORCE)')
        finally:
            engine.dispose()


def name_of(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def _end_connections(connection: sa.Connection, database: str) -> None:
    # A template must have no other session. Pools of this process (the app keeps one engine per
    # project while it is open) may still hold idle connections to it: end them.
    connection.execute(
        sa.text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"
        ),
        {"name": database},
    )


class Locations:
    """Makes project locations on one engine for one test; drops its databases afterwards."""

    def __init__(self, engine: str, folder: Path, server: Server | None) -> None:
        self.engine = engine
        self.folder = folder
        self.server = server
        self.made: list[str] = []

    def new(self, name: str = "p") -> Location:
        """Where a new project can be made: a file that does not exist, or an empty database."""
        if self.server is None:
            return self.folder / f"{name}.sourcetrack"
        url = self.server.create()
        self.made.append(url)
        return url

    def copy(self, source: Location, name: str = "copy") -> Location:
        """A new project holding what `source` holds."""
        if self.server is None:
            assert isinstance(source, Path)
            target = self.folder / f"{name}.sourcetrack"
            shutil.copyfile(source, target)
            return target
        assert isinstance(source, str)
        url = self.server.create(template=name_of(source))
        self.made.append(url)
        return url

    def close(self) -> None:
        if self.server is not None:
            for url in self.made:
                self.server.drop(url)
        self.made.clear()
