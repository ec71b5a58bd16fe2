"""What the services, the domain and the store refuse reaches a French window in French.

A refusal is worded below the window (`app.domain.wording`): English for the command line, a
catalogue message the window words again in its own language. These tests raise real refusals
through the use cases and read what the window shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from engines import Location
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.edits import NewSource
from app.domain.wording import Refusal, Words
from app.services import sources as source_service
from app.services.importing import ArticleMeta, Outcome, import_paths
from app.services.project import Project, ProjectError
from app.ui.errors import plain_message
from app.ui.i18n import install_translations
from app.ui.main_window import MainWindow
from app.ui.sources_dialog import SourcesDialog

# Words a French refusal never holds; one of them left means English reached the window.
ENGLISH = {"the", "is", "not", "already", "exists", "named", "file", "project", "cannot", "with"}


def english_left(text: str, *data: str) -> set[str]:
    for datum in data:
        text = text.replace(datum, " ")
    return set(re.findall(r"[a-z]+", text.lower())) & ENGLISH


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    saved = QLocale()
    assert install_translations(qapp, "fr") == "fr"
    yield
    install_translations(qapp, "en")
    QLocale.setDefault(saved)


def test_a_refusal_is_english_for_the_command_line_and_french_in_the_window(
    project: Project, french: None
) -> None:
    with pytest.raises(Refusal) as caught:
        source_service.add_source(project, NewSource("Kyiv"))
    assert str(caught.value) == "a source named 'Kyiv' exists already"  # what the CLI prints
    assert isinstance(caught.value.words, Words)
    shown = plain_message(caught.value)
    assert "Kyiv" in shown and "existe déjà" in shown, shown
    assert not english_left(shown, "Kyiv"), shown


def test_a_file_that_is_not_a_project_is_refused_in_french(tmp_path: Path, french: None) -> None:
    not_a_project = tmp_path / "notes.sourcetrack"
    not_a_project.write_bytes(b"these are my notes, not a database" * 10)
    with pytest.raises(ProjectError) as caught:
        Project.open(not_a_project)
    shown = plain_message(caught.value)
    assert str(not_a_project) in shown
    assert not english_left(shown, str(not_a_project)), shown
    assert shown != str(caught.value)


def test_a_reader_s_reason_reaches_the_import_report_in_french(
    project: Project, tmp_path: Path, french: None
) -> None:
    from app.ui.i18n import translated

    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    (result,) = import_paths(project, [binary], ArticleMeta()).results
    assert result.outcome is Outcome.REFUSED
    shown = translated(result.message)
    assert "scan.txt" in shown
    assert not english_left(shown, "scan.txt"), shown
    assert shown != str(result.message)  # the English stays for the command line


def test_the_sources_dialog_refuses_a_rename_in_french(
    qtbot, tmp_path: Path, demo: Location, french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(demo))
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *_a: shown.append(f"{title}: {text}")
    )
    dialog = SourcesDialog(win.session, win)
    qtbot.addWidget(dialog)
    row = next(i for i, s in enumerate(dialog.sources) if s.name == "Kremlin")
    dialog.source_list.setCurrentRow(row)
    dialog.name.setText("Kyiv")  # the name of another source
    assert not dialog.save_source() or shown
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "existe déjà" in shown[0], shown
    assert not english_left(shown[0], "Kyiv"), shown
