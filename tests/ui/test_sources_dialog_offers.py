"""The Sources dialog offers what the knowledge base and the researcher's tags know of a
source: one click puts the known aliases in the form, one click adopts the names tags teach."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.edits import NewSource
from app.services import browse, tagging
from app.services import sources as source_service
from app.services import suggest as suggest_service
from app.services.importing import ArticleMeta, import_text
from app.ui.main_window import MainWindow
from app.ui.sources_dialog import SourcesDialog


def test_a_known_source_is_offered_its_aliases(import_window: MainWindow, qtbot) -> None:
    session = import_window.session
    source_service.add_source(session.project, NewSource("NATO"))
    dialog = SourcesDialog(session, import_window)
    qtbot.addWidget(dialog)
    dialog.source_list.setCurrentRow(3)  # NATO, after the defaults
    assert dialog.name.text() == "NATO"
    assert dialog.known_button.isEnabled() and "known alias" in dialog.known_button.text()
    dialog.known_button.click()
    assert "Mark Rutte" in dialog.aliases_en.toPlainText().splitlines()
    assert "OTAN" in dialog.aliases_fr.toPlainText().splitlines()
    assert not dialog.known_button.isEnabled()
    assert dialog.has_unsaved_changes()  # offered in the form: saved only when the user saves


def test_names_from_tags_are_adopted_with_one_click(
    import_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = import_window.session
    result = import_text(
        session.project,
        "Port\n\nNavy spokesman Serhiy Bondar said the mine had been laid.",
        ArticleMeta(language="en"),
    )
    assert result.article_id is not None
    ((row, _tags),) = browse.statements_with_tags(session.project, result.article_id)
    statement = row.id
    tagging.tag_statement(session.project, statement, "Kyiv", annotator=session.annotator)
    asked: list[str] = []

    def yes(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog = SourcesDialog(session, import_window)
    qtbot.addWidget(dialog)
    dialog.source_list.setCurrentRow(1)  # Kyiv
    dialog.learnt_button.click()
    assert asked and "Serhiy Bondar" in asked[0]
    assert "Serhiy Bondar" in dialog.aliases_en.toPlainText().splitlines()
    assert ("Kyiv", "en", "Serhiy Bondar") in suggest_service.learnt_aliases(session.project)
