"""Migrations: from empty to head, models and scripts agree, older projects upgrade with a backup,
and files we must not open are refused byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from app.services.project import Project
from app.store.engine import sqlite_url
from app.store.migrate import (
    ProjectError,
    alembic_config,
    head_revision,
    migrations_dir,
    upgrade_url,
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_empty_reaches_head_and_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sourcetrack"
    upgrade_url(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        )
    config = alembic_config()
    engine = sa.create_engine(sqlite_url(path))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.check(config)  # raises if the tables and the migrations differ
    engine.dispose()


def test_every_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "roundtrip.sourcetrack")
    upgrade_url(url)
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.commit()
        assert sa.inspect(connection).get_table_names() == ["alembic_version"]
    engine.dispose()
    upgrade_url(url)


def test_the_history_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert (migrations_dir() / "env.py").is_file()


def _old_project(path: Path) -> None:
    """A project at revision 0001 (before claims existed) holding an article and a tag."""
    upgrade_url(sqlite_url(path), "0001")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO articles (id, title, body, body_sha256, imported_at) "
            "VALUES (1, 'Vieux titre', 'Séoul affirme. Le Kremlin dément.', 'abc', '2024-01-01')"
        )
        conn.execute("INSERT INTO statements VALUES (1, 1, 1, 0, 14)")
        conn.execute(
            "INSERT INTO sources (id, name, colour, description, position) "
            "VALUES (1, 'Seoul', '#1f77b4', '', 1)"
        )
        conn.execute("INSERT INTO annotators VALUES (1, 'ana')")
        conn.execute(
            "INSERT INTO attributions (statement_id, source_id, annotator_id, stance, note, origin,"
            " created_at, updated_at) VALUES (1, 1, 1, 'asserts', 'écrit à la main', 'manual',"
            " '2024-01-01', '2024-01-01')"
        )


def test_an_older_project_is_backed_up_then_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sourcetrack"
    _old_project(path)
    with sqlite3.connect(path) as conn:
        before = list(conn.iterdump())
    with Project.open(path) as project:
        backup = project.backup_path
        with project.read() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            note = conn.exec_driver_sql("SELECT note FROM attributions").scalar()
            tables = sa.inspect(conn).get_table_names()
    assert version == head_revision()
    assert note == "écrit à la main"
    assert "claims" in tables
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as conn:
        assert list(conn.iterdump()) == before  # the backup is the project as it was
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT count(*) FROM attributions").fetchone()[0] == 1


def _project_with_dismissals_in_settings(path: Path) -> None:
    """A project at 0003, when dismissed suggestions were keys of project_settings."""
    _old_project(path)
    upgrade_url(sqlite_url(path), "0003")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO statements VALUES (2, 1, 2, 15, 33)")
        conn.execute(
            "INSERT INTO sources (id, name, colour, description, position) "
            "VALUES (2, 'Kremlin', '#d62728', '', 2)"
        )
        conn.executemany(
            "INSERT INTO project_settings (key, value) VALUES (?, ?)",
            [
                ("annotator", "ana"),
                ("dismissed-suggestion:1:1:1", "denies"),
                ("dismissed-suggestion:1:2:2", "asserts"),
                ("dismissed-suggestion:1:99:1", "asserts"),  # its statement was deleted since
                ("dismissed-suggestion:1:x:1", "asserts"),  # not a key the app ever wrote
            ],
        )


def test_dismissed_suggestions_move_to_their_own_table(tmp_path: Path) -> None:
    path = tmp_path / "dismissals.sourcetrack"
    _project_with_dismissals_in_settings(path)

    with Project.open(path) as project, project.read() as conn:
        moved = conn.exec_driver_sql(
            "SELECT annotator_id, statement_id, source_id, stance FROM suggestion_dismissals "
            "ORDER BY statement_id"
        ).all()
        settings = conn.exec_driver_sql("SELECT key, value FROM project_settings").all()
    assert [tuple(r) for r in moved] == [(1, 1, 1, "denies"), (1, 2, 2, "asserts")]
    assert [tuple(r) for r in settings] == [("annotator", "ana")]  # other settings stay

    # A dismissal now goes with its statement, instead of lingering as a key.
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM statements WHERE id = 2")
        assert conn.execute("SELECT statement_id FROM suggestion_dismissals").fetchall() == [(1,)]


def test_downgrading_puts_dismissals_back_into_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "dismissals.sourcetrack"
    _project_with_dismissals_in_settings(path)
    Project.open(path).close()
    engine = sa.create_engine(sqlite_url(path))
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        connection.commit()
        keys = connection.exec_driver_sql("SELECT key, value FROM project_settings").all()
    engine.dispose()
    assert sorted(tuple(r) for r in keys) == [
        ("annotator", "ana"),
        ("dismissed-suggestion:1:1:1", "denies"),
        ("dismissed-suggestion:1:2:2", "asserts"),
    ]


def test_a_project_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.sourcetrack"
    upgrade_url(sqlite_url(path))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = sha256(path)
    with pytest.raises(ProjectError, match="newer version of Sourcetrack"):
        Project.open(path)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sourcetrack"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Just some notes, not a database.\n", "not a Sourcetrack project"),
        (b"", "not a Sourcetrack project"),
        (b"SQLite format 3\x00" + b"\x00" * 100, "damaged or not a Sourcetrack project"),
    ],
)
def test_a_file_that_is_not_a_project_is_refused_unchanged(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.sourcetrack"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content


def test_an_unrelated_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    before = sha256(path)
    with pytest.raises(ProjectError, match="SQLite database but not a Sourcetrack project"):
        Project.open(path)
    assert sha256(path) == before


def test_new_project_has_default_sources_and_scale(tmp_path: Path) -> None:
    from app.store import tags

    with Project.open(tmp_path / "new.sourcetrack", create=True) as project, project.read() as conn:
        sources = tags.list_sources(conn)
        levels = [level.label for level in tags.active_levels(conn)]
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert [s.name for s in sources] == ["Seoul", "Kyiv", "Kremlin"]
    assert "sud-coréen" in sources[0].aliases["fr"]
    assert "Moscow" in sources[2].aliases["en"]
    assert levels == ["Certain", "Probable", "Possible", "Unknown"]
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 10000,
    }


def test_write_transactions_begin_immediate(tmp_path: Path) -> None:
    """A writer holds the write lock from BEGIN, so a second writer waits instead of failing."""
    with Project.open(tmp_path / "lock.sourcetrack", create=True) as project:
        statements: list[str] = []
        sa.event.listen(
            project.engine,
            "before_cursor_execute",
            lambda *args: statements.append(args[2]),
        )
        with project.write() as conn:
            conn.exec_driver_sql("SELECT 1")
        assert statements[0] == "BEGIN IMMEDIATE"
