"""File ▸ Merge coders' copies…: what a copy would add is shown first, the merge happens on
confirmation only, and the views read the merged tags; merging again adds nothing."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from engines import Location, Locations
from helpers import SEED
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.services import browse
from app.services.claim_links import link_claim
from app.services.importing import ArticleMeta, import_file, import_text
from app.services.project import Project
from app.services.tagging import tag_statement, tags_of
from app.ui.i18n import install_translations, number
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


def conflicting_copy(locations: Locations) -> tuple[Location, Location]:
    """A target, and ana's copy of it whose tag differs from the target's and which holds an
    article the target lacks, with two tags and a claim link on it."""
    target = locations.new("target")
    with Project.open(target, create=True) as project:
        import_file(project, SEED, ArticleMeta(published=date(2024, 11, 5)))
        tag_statement(project, 1, "Seoul", stance="denies", note="vu", annotator="ana")
    copy = locations.copy(target, "ana-copy")
    with Project.open(copy) as project:
        tag_statement(project, 1, "Seoul", stance="asserts", note="vu", annotator="ana")
        text = "Kyiv said it. Seoul denied it."
        imported = import_text(project, text, ArticleMeta(title="Only there"))
        assert imported.article_id is not None
        view = browse.article_view(project, imported.article_id)
        assert view is not None
        statements = [s.id for s in view.statements]
        tag_statement(project, statements[0], "Kyiv", annotator="ana")
        tag_statement(project, statements[1], "Seoul", stance="denies", annotator="ana")
        link_claim(project, statements[0], "A claim")
    return target, copy


def previewed(qtbot, tmp_path: Path, target: Location, copy: Location) -> str:
    """What the merge's preview says, as text."""
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(str(target))
    preview = DialogAnswer(Qt.Key.Key_Escape)
    assert not run_merge_dialog(win.current.session, win, [str(copy)])
    assert preview.said
    return html.unescape(preview.said[0])


def test_a_conflict_says_what_was_left_out_with_the_windows_counts(
    qtbot, locations: Locations, tmp_path
) -> None:
    said = previewed(qtbot, tmp_path, *conflicting_copy(locations))
    assert (
        "Only there: the target holds no article with the same text; 2 tags and 1 claim link "
        "of it not merged" in said
    )
    assert (
        "ana's Seoul tag differs: the target says denies, note 'vu', the copy asserts, note "
        "'vu'; the target's is kept" in said
    )


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The interface in French; English (the tests' language) again afterwards."""
    saved = QLocale()
    install_translations(qapp, "fr")
    yield
    install_translations(qapp, "en")
    QLocale.setDefault(saved)


def test_the_french_window_says_a_conflict_in_french(
    qtbot, locations: Locations, tmp_path, french: None
) -> None:
    said = previewed(qtbot, tmp_path, *conflicting_copy(locations))
    # The reasons, their counts and the summary's, all in French.
    assert "la cible ne contient aucun article au même texte" in said
    assert "2 étiquettes et 1 lien d’allégation" in said
    assert "l’étiquette Seoul de ana diffère (cible\u00a0: dément, note" in said
    assert "2 conflits" in said and "1 sur 2 articles" in said
    for english in ("the target", "of it not merged", "tag differs", "conflict", "(s)"):
        assert english not in said, english
    assert number(1234) == "1\u202f234"  # the French window's numbers
