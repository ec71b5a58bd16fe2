"""Upgrades: a project made at every schema revision, and an upgrade that fails half-way.

`upgrade_every_revision` makes a project at each revision with the migrations themselves
(`upgrade_url(url, REV)`), fills it with data the way that revision stored it, opens it with
today's app and checks every row came through unchanged, the full-text index covers the old
statements, and the backup is the project as it was.

`interrupted_by_a_failing_step` injects a revision after head whose upgrade changes the schema
and the data and then fails: opening an old project must be refused with a message, leave it at
its old revision with every row as it was, and leave a backup that opens and passes
integrity_check.
"""

from __future__ import annotations

import contextlib
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from alembic.script import ScriptDirectory

from app.services import browse
from app.services.project import Project, ProjectError
from app.store import migrate

from .corpus import connect, integrity_ok, project_at_revision, revision_of, table_rows

FAILING_REVISION = "9999"


def every_revision() -> list[str]:
    """Every schema revision, oldest first (head included: opening it changes nothing)."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade_every_revision(workdir: Path, *, articles: int = 40) -> list[dict[str, Any]]:
    """`upgrade_from` each revision in turn."""
    return [upgrade_from(revision, workdir, articles=articles) for revision in every_revision()]


def upgrade_from(revision: str, workdir: Path, *, articles: int = 40) -> dict[str, Any]:
    """Make a project at `revision`, open it with today's app; rows, whether they came through
    unchanged, and what failed."""
    workdir.mkdir(parents=True, exist_ok=True)
    head = migrate.head_revision()
    path = workdir / f"made-at-{revision}.sourcetrack"
    counts = project_at_revision(path, revision, articles=articles, per_article=10)
    before = table_rows(path, list(counts))
    failures = []
    with Project.open(path) as project:
        backup = project.backup_path
        listed = len(browse.list_articles(project))
    if revision_of(path) != head:
        failures.append(f"at {revision_of(path)} after opening, not {head}")
    if table_rows(path, list(counts)) != before:
        failures.append("rows changed")
    if listed != articles:
        failures.append(f"the app lists {listed} articles of {articles}")
    if not integrity_ok(path):
        failures.append("integrity_check failed after the upgrade")
    if not _search_finds_first_statement(path, revision):
        failures.append("the full-text index misses the old statements")
    if revision == head:
        if backup is not None:
            failures.append("a project at head was backed up (and so written)")
    elif backup is None or not _is_copy(backup, revision, before):
        failures.append(f"the backup {backup} is not the project as it was")
    return {
        "revision": revision,
        "rows": sum(counts.values()),
        "preserved": not failures,
        "failures": failures,
    }


def _search_finds_first_statement(path: Path, revision: str) -> bool:
    # Each sentence of the fixture ends with a marker naming its revision and article.
    with connect(path) as conn:
        found = conn.execute(
            "SELECT rowid FROM statement_fts WHERE statement_fts MATCH ?", (f'"r{revision}n1"',)
        ).fetchall()
    return (1,) in found


def _is_copy(backup: Path, revision: str, rows: dict[str, list[Any]]) -> bool:
    return (
        integrity_ok(backup)
        and revision_of(backup) == revision
        and table_rows(backup, list(rows)) == rows
    )


@contextlib.contextmanager
def failing_migrations(workdir: Path) -> Iterator[Path]:
    """The app's migrations plus one after head that alters schema and data, then fails."""
    copy = workdir / "migrations-with-a-failing-step"
    shutil.copytree(migrate.migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    step = f'''
        """fails half-way (injected by the reliability tests)"""
        import sqlalchemy as sa
        from alembic import op

        revision = "{FAILING_REVISION}"
        down_revision = "{migrate.head_revision()}"
        branch_labels = None
        depends_on = None


        def upgrade():
            op.create_table("half_made", sa.Column("id", sa.Integer, primary_key=True))
            with op.batch_alter_table("attributions") as batch:
                batch.add_column(sa.Column("half_made", sa.Text))
            op.execute("UPDATE attributions SET note = 'overwritten by a failing upgrade'")
            op.execute("DELETE FROM statements WHERE id % 2 = 0")
            raise RuntimeError("injected failure in the middle of an upgrade")


        def downgrade():
            pass
        '''
    (copy / "versions" / f"{FAILING_REVISION}_fails.py").write_text(textwrap.dedent(step))
    with mock.patch.object(migrate, "migrations_dir", lambda: copy):
        yield copy


def interrupted_by_a_failing_step(workdir: Path, *, articles: int = 40) -> dict[str, Any]:
    """Open an old project while a failing revision is installed; check what is left."""
    workdir.mkdir(parents=True, exist_ok=True)
    revision = every_revision()[0]
    path = workdir / "fails-to-upgrade.sourcetrack"
    counts = project_at_revision(path, revision, articles=articles, per_article=10)
    before = table_rows(path, list(counts))
    failures = []
    message = ""
    with failing_migrations(workdir):
        try:
            Project.open(path).close()
            failures.append("the failing upgrade was not reported")
        except ProjectError as error:
            message = str(error)
    if "injected failure" not in message or "left as it was" not in message:
        failures.append(f"unclear refusal: {message!r}")
    if revision_of(path) != revision:
        failures.append(f"left at revision {revision_of(path)}, not {revision}")
    if table_rows(path, list(counts)) != before:
        failures.append("rows changed by the failed upgrade")
    with connect(path) as conn:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_made'").fetchone():
            failures.append("the failed upgrade left a table behind")
    if not integrity_ok(path):
        failures.append("integrity_check failed after the failed upgrade")
    backups = sorted(path.parent.glob(f"{path.name}.backup-*"))
    if len(backups) != 1 or not _is_copy(backups[0], revision, before):
        failures.append(f"no whole backup of the project as it was: {backups}")
    # With the app's own migrations again, the project upgrades.
    with Project.open(path):
        pass
    if revision_of(path) != migrate.head_revision() or table_rows(path, list(counts)) != before:
        failures.append("the project did not upgrade afterwards with every row")
    return {"refusal": message, "failures": failures}
