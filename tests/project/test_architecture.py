"""The layers point one way (ui, cli → services → store → domain) and Qt stays in app/ui."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout
    assert "The front ends reach the database only through the services KEPT" in result.stdout


def test_command_line_runs_without_importing_pyside6(tmp_path: Path) -> None:
    project = tmp_path / "p.sourcetrack"
    seed = REPO / "tests" / "data" / "article-fr-north-korea-russia.txt"
    script = f"""
import sys
from app.main import main
codes = [
    main(["import", {str(project)!r}, {str(seed)!r}]),
    main(["articles", {str(project)!r}]),
    main(["compare", {str(project)!r}]),
    main(["export", {str(project)!r}, "-o", {str(tmp_path / "t.csv")!r}]),
]
assert codes == [0, 0, 0, 0], codes
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("LEAKED", leaked)
sys.exit(1 if leaked else 0)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LEAKED []" in result.stdout


def test_no_module_is_a_god_module() -> None:
    too_long = [
        (path.relative_to(REPO), n)
        for path in (REPO / "app").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert too_long == []
