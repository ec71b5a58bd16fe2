"""The installed package carries its migrations and sample articles, not only the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject lists packages by hand (migrations/ and resources/ are mapped in), so a new
    subpackage must be added there too."""
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "app").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_the_licence_is_an_spdx_expression_and_resources_are_listed() -> None:
    """What keeps setuptools quiet on install: `license` as an SPDX string with its files (the
    table form is deprecated: a wall of warnings), a setuptools that reads it, and every
    folder of resources/ named as a package of data (else a warning for each)."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    project = config["project"]
    assert isinstance(project["license"], str)
    assert all((REPO / name).is_file() for name in project["license-files"])
    assert "setuptools>=77" in config["build-system"]["requires"]
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(("app", "resources", *path.relative_to(REPO / "resources").parts))
        for path in (REPO / "resources").rglob("*")
        if path.is_dir() and not path.name.startswith((".", "__"))
    }
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"


def _declared_distributions() -> set[str]:
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return {_normal(Requirement(line).name) for line in project["dependencies"]}


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _imported_top_modules() -> dict[str, str]:
    """Every top-level module that app/ imports, with one file that imports it."""
    import ast

    found: dict[str, str] = {}
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def test_every_module_the_app_imports_is_a_declared_dependency() -> None:
    """Declared directly, not reached through another package's dependencies or extras: a
    pip that resolves those differently (pip 23 and extras' names) must still install it."""
    from importlib.metadata import packages_distributions

    declared = _declared_distributions()
    providers = packages_distributions()
    missing = {}
    for module, where in _imported_top_modules().items():
        if module in sys.stdlib_module_names or module in ("app", "__future__"):
            continue
        distributions = {_normal(d) for d in providers.get(module, [])}
        assert distributions, f"{module} (imported by {where}) is not installed"
        if not distributions & declared:
            missing[module] = where
    assert missing == {}, f"declare in [project] dependencies: {missing}"


def test_what_dependencies_import_through_an_extra_is_declared_too() -> None:
    # justext imports lxml.html.clean, which lives in lxml_html_clean since lxml 5.2; it asks
    # for it only through lxml's extra, which pip 23 leaves out.
    import lxml.html.clean  # noqa: F401  (fails here if the install left it out)

    assert "lxml-html-clean" in _declared_distributions()


@pytest.mark.slow
def test_wheel_ships_migrations_and_resources_and_works_installed(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("sourcetrack-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "app/migrations/env.py",
        "app/migrations/script.py.mako",
        "app/migrations/versions/0001_initial_schema.py",
        "app/migrations/versions/0002_claims_and_settings.py",
        "app/resources/samples/demo.json",
        "app/resources/icons/sourcetrack.svg",
        "app/resources/icons/actions/LICENSE.txt",
        "app/resources/guide/en.md",
        "app/resources/guide/fr.md",
    ):
        assert expected in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-m", "app", "demo", "demo.sourcetrack"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "4 articles" in run.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import app.store.migrate as m; print(m.migrations_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert str(target) in check.stdout
