"""Files Sourcetrack writes get the usual permissions (0666 less the umask), not mkstemp's 0600:
a project or an export shared through a group folder must stay readable by the group."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.services.exporting import export_csv
from app.services.project import Project


def expected_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def test_new_projects_and_exports_have_the_usual_mode(tmp_path: Path) -> None:
    project_path = tmp_path / "p.sourcetrack"
    with Project.open(project_path, create=True) as project:
        export_csv(project, tmp_path / "tags.csv")
    for path in (project_path, tmp_path / "tags.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == expected_mode(), path
