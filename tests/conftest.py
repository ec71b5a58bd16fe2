"""Test set-up: Qt offscreen, a fixed annotator, and small project fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCETRACK_ANNOTATOR", "tester")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCETRACK_ANNOTATOR", "tester")


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "p.sourcetrack"
