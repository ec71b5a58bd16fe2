"""A private PostgreSQL server for the tests: its own cluster in a temporary folder, listening
on a free loopback port, started by the test session and stopped whatever happens.

The server refuses to run as root, so under root it runs as the `postgres` user that Debian's
package creates. `SOURCETRACK_TEST_PG=URL` uses a server someone else runs instead (its role
must be allowed to create databases). Where no server can be had, PostgreSQL tests are skipped
— unless `SOURCETRACK_REQUIRE_PG=1` (set by `.ci/run`), which makes that a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROLE = "sourcetrack"
# A role that must give a password (scram), for the tests of the window's password prompt.
PASSWORD_ROLE, PASSWORD = "sourcetrack_pw", "correct horse battery"
START_TIMEOUT = 120  # seconds; a loaded machine can be slow to run initdb and start


class NoServer(Exception):
    """No PostgreSQL server can be started or reached here; the message says why."""


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if found:
        return found[0]
    on_path = shutil.which(name)
    if on_path is None:
        raise NoServer(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return on_path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    user: str | None  # the account the server runs as, when we are root
    durable: bool = False  # the server's own fsync and commit settings, not the tests' fast ones

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/postgres"

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        extra = {"user": self.user} if self.user else {}
        return subprocess.run(
            list(argv), capture_output=True, text=True, timeout=START_TIMEOUT,
            cwd=self.folder, **extra,  # type: ignore[call-overload]
        )  # fmt: skip

    def start(self) -> None:
        data = self.folder / "data"
        made = self._run(
            _binary("initdb"), "-D", str(data), "-U", ROLE, "--auth=trust",
            "--encoding=UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        if made.returncode != 0:
            raise NoServer(f"initdb failed: {made.stderr.strip()[-500:]}")
        hba = data / "pg_hba.conf"  # the first matching line wins: this role needs a password
        hba.write_text(
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(),
            encoding="utf-8",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
            " -c max_connections=200"
        )
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        started = self._run(
            _binary("pg_ctl"), "-D", str(data), "-l", str(self.folder / "server.log"),
            "-o", options, "-w", "-t", str(START_TIMEOUT), "start",
        )  # fmt: skip
        if started.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-800:]
            raise NoServer(f"the PostgreSQL server did not start: {started.stderr} {log}")
        import sqlalchemy as sa

        admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(
                    f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'"
                )
        finally:
            admin.dispose()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(_binary("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def private_cluster(*, durable: bool = False) -> Iterator[str]:
    """Start a cluster; yields the URL of its `postgres` database as the superuser role.

    The tests' server skips fsync; a `durable` one flushes every commit as a real server does
    (the benchmarks time commits on it)."""
    external = os.environ.get("SOURCETRACK_TEST_PG")
    if external:
        yield external
        return
    user = None
    folder = Path(tempfile.mkdtemp(prefix="sourcetrack-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise NoServer("running as root and there is no postgres user to run the server") from error
        os.chown(folder, account.pw_uid, account.pw_gid)
        user = "postgres"
    cluster = Cluster(folder, _free_port(), user, durable)
    try:
        cluster.start()
        yield cluster.admin_url
    finally:
        cluster.stop()


def fresh_database(admin_url: str) -> tuple[str, str]:
    """Create an empty database; returns its URL and name (for `drop_database`)."""
    import sqlalchemy as sa

    name = f"st_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}", name


def drop_database(admin_url: str, name: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        engine.dispose()
