"""Migrations: a project made at every schema revision upgrades to head with every row; an
upgrade that fails half-way leaves the project at its old revision and a good backup.

(Killing the upgrade itself is a scenario of test_crash.py; a project from a newer revision and
files that are not projects are refused unchanged in tests/store/test_migrations.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.migrate import head_revision

from .run_reliability import CI
from .upgrades import every_revision, interrupted_by_a_failing_step, upgrade_from


def test_the_fixtures_cover_every_revision_up_to_head() -> None:
    revisions = every_revision()
    assert revisions[0] == "0001" and revisions[-1] == head_revision()
    assert len(revisions) == len(set(revisions)) >= 3


@pytest.mark.parametrize("revision", every_revision())
def test_a_project_made_at_a_revision_upgrades_with_every_row(
    revision: str, tmp_path: Path
) -> None:
    result = upgrade_from(revision, tmp_path, articles=CI.revision_articles)
    assert result["failures"] == []
    assert result["rows"] > CI.revision_articles * 10


def test_a_failing_upgrade_step_leaves_the_old_revision_and_a_whole_backup(
    tmp_path: Path,
) -> None:
    result = interrupted_by_a_failing_step(tmp_path)
    assert result["failures"] == []
    assert "from schema 0001 failed (RuntimeError: injected failure" in result["refusal"]
    assert "the project was left as it was; the copy made before it is" in result["refusal"]
