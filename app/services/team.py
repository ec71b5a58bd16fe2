"""Where a team project lives: a PostgreSQL database named by its server, or by a libpq service.

The window builds these locations from what a person types; passwords are added only to the
location that is opened, never to one that is shown or remembered (see `display_name`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class TeamServer:
    """A database on a server, or a service of the libpq service file (`~/.pg_service.conf`,
    PGSERVICEFILE), which then says where the database is and as which role."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    role: str = ""
    service: str = ""


def team_location(server: TeamServer) -> str:
    """The URL of a team database, refused in words when something needed is missing."""
    if server.service.strip():
        return sa.URL.create(DRIVER, query={"service": server.service.strip()}).render_as_string()
    no_host, no_database = not server.host.strip(), not server.database.strip()
    if no_host and no_database:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "give the server and the database of the team project")
        )
    if no_host:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "give the server of the team project"))
    if no_database:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "give the database of the team project"))
    if not 0 < server.port < 65536:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "the port must lie between 1 and 65535, not {port}"
            ).format(port=server.port)
        )
    return sa.URL.create(
        DRIVER,
        username=server.role.strip() or None,
        host=server.host.strip(),
        port=server.port,
        database=server.database.strip(),
    ).render_as_string()


def with_password(location: str, password: str) -> str:
    """The location to open with a password the person typed (never stored or shown)."""
    return sa.make_url(location).set(password=password).render_as_string(hide_password=False)


def role_of(location: str) -> str:
    """The role a location connects as, for a password prompt ("" when libpq chooses)."""
    try:
        return sa.make_url(location).username or ""
    except sa.exc.ArgumentError:
        return ""
