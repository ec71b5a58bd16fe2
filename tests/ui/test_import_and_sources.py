"""Import from the window (worker thread, report, drag and drop, paste) and the sources dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from app.ui.import_ui import PasteDialog
from app.ui.import_ui import report_dialog as real_report_dialog
from app.ui.main_window import MainWindow
from app.ui.sources_dialog import SourcesDialog

SEED = Path(__file__).resolve().parent.parent / "data" / "article-fr-north-korea-russia.txt"


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def folder_of_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "sub" / "again.txt").write_bytes(SEED.read_bytes())  # a duplicate
    (folder / "sub" / "english.md").write_text(
        "# Troops in Kursk\n\nUkraine said on Monday that the troops were in Kursk. Moscow denied it.\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.odt").write_bytes(b"PK\x03\x04" + bytes(40))  # not an article: skipped
    return folder


def test_import_a_folder_in_the_background_with_a_report(
    import_window: MainWindow, tmp_path: Path, qtbot
) -> None:
    project = tmp_path / "p.sourcetrack"
    run = import_window.import_paths([folder_of_articles(tmp_path)])
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=60_000):
        pass
    report = import_window.reports[0]  # type: ignore[attr-defined]
    outcomes = sorted((Path(r.name).name, r.outcome.value) for r in report.results)
    assert outcomes == [
        ("again.txt", "duplicate"),
        ("broken.txt", "refused"),
        ("english.md", "imported"),
        ("notes.odt", "skipped"),
        ("seed.txt", "imported"),
    ]
    assert count(project, "SELECT count(*) FROM articles") == 2
    assert import_window.annotate.articles.rowCount() == 2  # the window refreshed
    dialog = real_report_dialog(report, import_window)
    assert dialog.windowTitle() == "Import report"
    shown = dialog.browser.toPlainText()
    assert "Import finished: 2 imported, 1 duplicate, 1 refused, 1 skipped." in shown, shown
    assert "not an article file (.odt)" in shown
    assert str(Path("sub") / "again.txt") in shown  # named within the folder, subfolder and all
    dialog.close()


def test_cancel_stops_between_files(import_window: MainWindow, tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"a{n:02}.txt").write_text(
            f"Titre {n}\n\nLe texte numéro {n} est ici.", encoding="utf-8"
        )
    run = import_window.import_paths([folder])
    assert run is not None
    run.worker.cancel()
    with qtbot.waitSignal(run.done, timeout=60_000):
        pass
    imported = count(tmp_path / "p.sourcetrack", "SELECT count(*) FROM articles")
    assert imported < 40
    # every article that came in came in whole
    assert count(tmp_path / "p.sourcetrack", "SELECT count(*) FROM statements") == imported


def test_drag_and_drop_imports_files(import_window: MainWindow, qtbot) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    import_window.dropEvent(event)
    assert import_window.import_run is not None
    with qtbot.waitSignal(import_window.import_run.done, timeout=60_000):
        pass
    assert import_window.annotate.articles.rowCount() == 1


def test_paste_an_article(
    import_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: PasteDialog) -> int:
        dialog.text.setPlainText("Le Kremlin dément\n\nLe Kremlin a démenti. Séoul maintient.")
        dialog.outlet.setText("Dépêche test")
        dialog.author.setText("Claire Vasseur")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", fill)
    import_window.paste_article()
    with sqlite3.connect(tmp_path / "p.sourcetrack") as conn:
        assert conn.execute("SELECT title, outlet, author FROM articles").fetchall() == [
            ("Le Kremlin dément", "Dépêche test", "Claire Vasseur")
        ]
        assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 2


def test_sources_dialog_edits_and_renames_undoably(
    import_window: MainWindow, tmp_path: Path, qtbot
) -> None:
    project = tmp_path / "p.sourcetrack"
    dialog = SourcesDialog(import_window.session, import_window)
    qtbot.addWidget(dialog)
    dialog.source_list.setCurrentRow(2)  # Kremlin
    dialog.name.setText("Présidence russe")
    dialog.colour = "#aa0000"
    dialog.description.setText("Kremlin et gouvernement")
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("C"))
    dialog.aliases_en.setPlainText("Kremlin\nPeskov\nDmitry Peskov")
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save source")
    save.click()
    with sqlite3.connect(project) as conn:
        row = conn.execute(
            "SELECT name, colour, description, reliability FROM sources WHERE id = 3"
        ).fetchone()
        aliases = [
            a
            for (a,) in conn.execute(
                "SELECT alias FROM source_aliases WHERE source_id = 3 AND language = 'en' ORDER BY id"
            )
        ]
    assert row == ("Présidence russe", "#aa0000", "Kremlin et gouvernement", "C")
    assert aliases == ["Kremlin", "Peskov", "Dmitry Peskov"]
    import_window.session.undo_stack.undo()
    assert count(project, "SELECT count(*) FROM sources WHERE name = 'Kremlin'") == 1
    active_before = count(project, "SELECT id FROM confidence_scales WHERE active")
    dialog.scale.setCurrentIndex(1)  # browsing shows the levels, and changes nothing
    assert "Levels, firmest first: 1 " in dialog.scale_levels.text()
    assert count(project, "SELECT id FROM confidence_scales WHERE active") == active_before
    assert not dialog.edit_scale_button.isEnabled()  # a preset stays as published
    dialog.use_scale_button.click()
    assert count(project, "SELECT count(*) FROM confidence_scales WHERE active") == 1
    assert import_window.annotate.presenter.levels[0].label.startswith("1 ")  # the Admiralty scale is now in use
    assert dialog.scale.currentText().endswith("(in use)")
    assert not dialog.use_scale_button.isEnabled()


def test_the_sources_dialog_never_drops_an_edit_without_asking(
    import_window: MainWindow, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "p.sourcetrack"
    dialog = SourcesDialog(import_window.session, import_window)
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return choice

        return question

    dialog.source_list.setCurrentRow(0)  # Seoul
    dialog.description.setText("État-major interarmées")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Save))
    dialog.source_list.setCurrentRow(1)  # moving to Kyiv asks, and saves
    assert asked == ["Save the changes to Seoul?"]
    assert dialog.name.text() == "Kyiv"
    assert (
        count(project, "SELECT count(*) FROM sources WHERE description = 'État-major interarmées'")
        == 1
    )

    dialog.description.setText("brouillon")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()  # Close, then Cancel: the dialog stays, the edit too
    assert dialog.description.text() == "brouillon" and asked[-1] == "Save the changes to Kyiv?"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert count(project, "SELECT count(*) FROM sources WHERE description = 'brouillon'") == 0


def test_the_report_names_files_within_the_folder_they_share() -> None:
    from app.ui.import_ui import shown_names

    root = Path("/data/clippings")
    assert shown_names([str(root / "a.txt"), str(root / "sub" / "a.txt"), "https://x.org/a"]) == [
        "a.txt",
        str(Path("sub") / "a.txt"),
        "https://x.org/a",
    ]
    assert shown_names([str(root / "only.txt")]) == ["only.txt"]
    assert shown_names([]) == []
