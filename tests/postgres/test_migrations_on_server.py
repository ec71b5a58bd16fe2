"""Migrations on PostgreSQL: from empty to head with the models and scripts agreeing (`alembic
check`), every revision down and up again, an older team database upgraded with its data, and a
failing upgrade leaving the database at its old revision with every row."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from db_state import search
from helpers import database
from reliability.upgrades import FAILING_REVISION, failing_migrations

from app.services.project import Project
from app.services.statement_table import StatementFilter, count
from app.store.migrate import ProjectError, alembic_config, head_revision, upgrade_url

OLD_ROWS = (
    "INSERT INTO articles (id, title, body, body_sha256, imported_at) VALUES "
    "(1, 'Vieux titre', 'Séoul affirme. Le Kremlin dément.', 'abc', '2024-01-01')",
    "INSERT INTO statements (id, article_id, ordinal, start, \"end\") VALUES "
    "(1, 1, 1, 0, 14), (2, 1, 2, 15, 33)",
    "INSERT INTO sources (id, name, colour, description, position) VALUES "
    "(1, 'Seoul', '#1f77b4', '', 1), (2, 'Kremlin', '#d62728', '', 2)",
    "INSERT INTO annotators (id, name) VALUES (1, 'ana')",
    "INSERT INTO attributions (statement_id, source_id, annotator_id, stance, note, origin, "
    "created_at, updated_at) VALUES (1, 1, 1, 'asserts', 'écrit à la main', 'manual', "
    "'2024-01-01', '2024-01-01'), (2, 2, 1, 'denies', '', 'manual', '2024-01-01', '2024-01-01')",
)
# The columns each table had at 0001 (later revisions add some: those are not compared).
OLD_TABLES = {
    "articles": "id, title, body, body_sha256, imported_at",
    "statements": 'id, article_id, ordinal, start, "end"',
    "sources": "id, name, colour, description, position",
    "annotators": "id, name",
    "attributions": "statement_id, source_id, annotator_id, stance, note, origin, created_at",
}


def _revision(url: str) -> str | None:
    with database(url) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else row[0]


def _rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    with database(url) as conn:
        return {
            table: [
                tuple(r)
                for r in conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            ]
            for table, columns in OLD_TABLES.items()
        }


def _old_database(url: str) -> None:
    """A team database at revision 0001 (before claims existed) holding an article and tags."""
    upgrade_url(url, "0001")
    with database(url) as conn:
        for statement in OLD_ROWS:
            conn.execute(statement)


def test_upgrade_from_empty_reaches_head_and_matches_the_models(pg_url: str) -> None:
    upgrade_url(pg_url)
    assert _revision(pg_url) == head_revision()
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.check(config)  # raises if the tables and the migrations differ
    finally:
        engine.dispose()


def test_every_revision_downgrades_and_upgrades_again(pg_url: str) -> None:
    upgrade_url(pg_url)
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            revisions = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
            for revision in revisions[1:]:  # newest first: step down one revision at a time
                command.downgrade(config, revision)
            command.downgrade(config, "base")
            connection.commit()
            assert sa.inspect(connection).get_table_names() == ["alembic_version"]
    finally:
        engine.dispose()
    upgrade_url(pg_url)
    assert _revision(pg_url) == head_revision()


def test_an_older_team_database_is_upgraded_with_its_data(pg_url: str) -> None:
    _old_database(pg_url)
    before = _rows(pg_url)
    with Project.open(pg_url) as project:
        assert project.backup_path is None  # a server's database is not copied (see README)
        assert search(project, "Kremlin") == [2]  # old statements are searchable after 0005
        assert count(project, StatementFilter(search="seoul")) == 1
    assert _revision(pg_url) == head_revision()
    assert _rows(pg_url) == before


def test_a_failing_upgrade_leaves_the_database_at_its_old_revision(
    pg_url: str, tmp_path: Path
) -> None:
    _old_database(pg_url)
    before = _rows(pg_url)
    with failing_migrations(tmp_path):
        try:
            Project.open(pg_url).close()
            raise AssertionError("the failing upgrade was not reported")
        except ProjectError as error:
            message = str(error)
    assert "upgrading it from schema 0001 failed" in message
    assert "injected failure" in message and "left as it was" in message
    assert _revision(pg_url) == "0001"
    assert _rows(pg_url) == before
    with database(pg_url) as conn:
        assert conn.execute("SELECT to_regclass('half_made')").fetchone()[0] is None
        assert conn.execute("SELECT to_regclass('claims')").fetchone()[0] is None
    # With the app's own migrations again, it upgrades.
    Project.open(pg_url).close()
    assert _revision(pg_url) == head_revision() != FAILING_REVISION
    assert _rows(pg_url) == before
