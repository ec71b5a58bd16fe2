"""scripts/qt_libraries.py: on a machine without the libxcb family it names the packages to
install (and never fails: the tests run offscreen without them)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "qt_libraries.py"

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""
LDCONFIG = """\
12 libs found in cache `/etc/ld.so.cache'
\tlibxcb.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libxcb.so.1
"""


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qt_libraries", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
    out = LDD if command[0].endswith("ldd") else LDCONFIG
    return subprocess.CompletedProcess(command, 0, stdout=out, stderr="")


def test_a_bare_machine_is_told_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = load()
    plugin = tmp_path / "libqxcb.so"
    plugin.touch()
    monkeypatch.setattr(script, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(script.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(script.subprocess, "run", fake_run)
    monkeypatch.setattr(script.sys, "platform", "linux")

    assert script.main() == 0  # a warning, not a failure
    said = capsys.readouterr().err
    assert "could not load the Qt platform plugin xcb" in said
    # ldd's "not found", and libxcb-cursor (loaded at start, so ldd cannot see it).
    install = next(line for line in said.splitlines() if "apt-get install" in line).split()
    assert {"libxcb-icccm4", "libxkbcommon-x11-0", "libxcb-cursor0"} <= set(install)
    assert "libxcb1" not in install


def test_a_complete_machine_hears_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = load()
    monkeypatch.setattr(script, "missing_libraries", lambda plugin: [])
    monkeypatch.setattr(script, "xcb_plugin", lambda: tmp_path)
    monkeypatch.setattr(script.sys, "platform", "linux")
    assert script.main() == 0
    assert capsys.readouterr().err == ""
