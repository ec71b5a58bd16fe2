"""File ▸ Merge coders' copies…: what a copy would add is shown first, the merge happens on
confirmation only, and the views read the merged tags; merging again adds nothing."""

from __future__ import annotations

from datetime import date

from engines import Locations
from helpers import SEED
from PySide6.QtCore import QSettings, Qt

from app.services.importing import ArticleMeta, import_file
from app.services.project import Project
from app.services.tagging import tag_statement, tags_of
from app.ui.main_window import MainWindow
from app.ui.merge_dialog import run_merge_dialog

from .keyboard import DialogAnswer


def test_a_coders_copy_is_merged_after_its_preview(qtbot, locations: Locations, tmp_path) -> None:
    target = locations.new("target")
    with Project.open(target, create=True) as project:
        import_file(project, SEED, ArticleMeta(published=date(2024, 11, 5)))
        tag_statement(project, 1, "Seoul", annotator="ana")
    copy = locations.copy(target, "bob-copy")
    with Project.open(copy) as project:
        tag_statement(project, 1, "Kremlin", stance="denies", annotator="bob")
        tag_statement(project, 2, "Kyiv", annotator="bob")
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(target))
    session = win.current.session

    # Cancelled at the preview: nothing comes in.
    preview = DialogAnswer(Qt.Key.Key_Escape)
    assert not run_merge_dialog(session, win, [str(copy)])
    assert "2 tags" in preview.said[0] and "bob" in preview.said[0]
    assert {t.annotator for t in tags_of(session.project, 1)} == {"ana"}

    confirm, done = DialogAnswer(Qt.Key.Key_Return), DialogAnswer(Qt.Key.Key_Return)
    assert run_merge_dialog(session, win, [str(copy)])
    assert confirm.said and done.said and "2 tags added" in done.said[0]
    assert {(t.annotator, t.source) for t in tags_of(session.project, 1)} == {
        ("ana", "Seoul"), ("bob", "Kremlin"),
    }  # fmt: skip

    again = DialogAnswer(Qt.Key.Key_Return)
    assert not run_merge_dialog(session, win, [str(copy)])
    assert "Nothing to merge" in again.said[0]

    refused = DialogAnswer(Qt.Key.Key_Return)
    assert not run_merge_dialog(session, win, [str(tmp_path / "missing.sourcetrack")])
    assert refused.said and "Traceback" not in refused.said[0]
