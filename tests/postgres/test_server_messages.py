"""A team database's set-up and failures: two first opens at once, timestamps in UTC, and a
message in words (naming no password) for each way a connection can fail."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import SEED, cli, cli_ok

from app.services.project import Project


def test_two_first_opens_of_an_empty_database_both_succeed_with_one_set_of_defaults(
    pg_url: str,
) -> None:
    start = threading.Barrier(3)
    errors: list[BaseException] = []

    def first_open() -> None:
        start.wait()
        try:
            Project.open(pg_url, create=True).close()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    openers = [threading.Thread(target=first_open) for _ in range(3)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=300)
    assert errors == []
    engine = sa.create_engine(pg_url)
    with engine.connect() as connection:
        names = connection.exec_driver_sql("SELECT name FROM sources ORDER BY name").scalars()
        assert list(names) == ["Kremlin", "Kyiv", "Seoul"]
        assert connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    engine.dispose()


def test_timestamps_are_utc_whatever_the_servers_zone(pg_url: str, tmp_path: Path) -> None:
    url = sa.make_url(pg_url)
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(
            f"ALTER DATABASE \"{url.database}\" SET timezone TO 'America/New_York'"
        )
    admin.dispose()
    cli_ok(None, "import", pg_url, SEED)
    cli_ok(None, "tag", pg_url, 1, "--source", "Seoul")
    target = tmp_path / "tags.csv"
    cli_ok(None, "export", pg_url, "-o", target)
    with target.open(encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert row["created_at"].endswith("Z") and row["updated_at"].endswith("Z")


def _refusal(url: str) -> str:
    status, _out, err = cli(None, "articles", url)
    assert status == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_each_connection_failure_says_what_it_is(pg_server: str) -> None:
    server = sa.make_url(pg_server)
    assert "no database 'nowhere'" in _refusal(
        server.set(database="nowhere").render_as_string(hide_password=False)
    )
    assert "has no role 'stranger'" in _refusal(
        server.set(username="stranger", database="postgres").render_as_string(
            hide_password=False
        )
    )
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = _refusal(server.set(port=closed_port).render_as_string(hide_password=False))
    assert "no PostgreSQL server answers at 127.0.0.1:" in refused


def test_a_password_never_appears_in_a_message(pg_server: str) -> None:
    server = sa.make_url(pg_server).set(
        username="stranger", password="s3cret-Pa55", database="postgres"
    )
    message = _refusal(server.render_as_string(hide_password=False))
    assert "s3cret-Pa55" not in message


@pytest.mark.parametrize("revision", ["9999_from_the_future"])
def test_a_database_at_a_newer_schema_is_refused_untouched(pg_url: str, revision: str) -> None:
    cli_ok(None, "import", pg_url, SEED)
    engine = sa.create_engine(pg_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
        before = connection.exec_driver_sql("SELECT count(*) FROM statements").scalar()
    status, _out, err = cli(None, "articles", pg_url)
    assert status == 1 and "newer version of Sourcetrack" in err
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == revision
        assert connection.exec_driver_sql("SELECT count(*) FROM statements").scalar() == before
    engine.dispose()
