"""Correcting an article's details from the window: the dialog, undo/redo, the list follows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import database
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from app.ui.article_details_dialog import ArticleDetailsDialog
from app.ui.main_window import MainWindow


def stored(details_window: MainWindow, article_id: int) -> tuple[object, ...]:
    with database(details_window.session.project.location) as conn:  # type: ignore[union-attr]
        row = conn.execute(
            "SELECT outlet, published, author FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    # A date column reads back as text from SQLite and as a date from PostgreSQL.
    return tuple(v.isoformat() if isinstance(v, date) else v for v in row)


def fill_in(monkeypatch: pytest.MonkeyPatch, **values: object) -> list[ArticleDetailsDialog]:
    """Make the dialog, when it opens, take these values and press OK."""
    opened: list[ArticleDetailsDialog] = []

    def exec_(dialog: ArticleDetailsDialog) -> int:
        opened.append(dialog)
        if "outlet" in values:
            dialog.outlet.setText(str(values["outlet"]))
        if "published" in values:
            dialog.published.setDate(values["published"])  # type: ignore[arg-type]
        if "url" in values:
            dialog.url.setText(str(values["url"]))
        return ArticleDetailsDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticleDetailsDialog, "exec", exec_)
    return opened


def test_the_menu_edits_the_open_article_and_undo_puts_it_back(
    details_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = details_window.annotate.article.id
    before = stored(details_window, article_id)
    before_title = details_window.annotate.article.title
    opened = fill_in(monkeypatch, outlet="Le Monde", published=QDate(2024, 11, 7))

    details_window.edit_article_details()

    dialog = opened[0]
    assert dialog.changes() == {"outlet": "Le Monde", "published": QDate(2024, 11, 7).toPython()}
    assert stored(details_window, article_id) == ("Le Monde", "2024-11-07", before[2])
    row = next(
        r for r in range(details_window.annotate.articles.rowCount())
        if details_window.annotate.articles.index(r, 1).data() == "Le Monde"
    )  # fmt: skip
    assert details_window.annotate.articles.index(row, 2).data() == "2024-11-07"  # the list follows
    assert details_window.annotate.article.id == article_id  # the same article stays open
    # Named by the title it had, as the user wrote it: never by an internal id.
    assert details_window.undo_action.text() == f"&Undo edit the details of “{before_title}”"
    assert str(article_id) not in details_window.undo_action.text()

    details_window.undo()
    assert stored(details_window, article_id) == before
    details_window.redo()
    assert stored(details_window, article_id)[:2] == ("Le Monde", "2024-11-07")


def test_the_article_lists_context_menu_opens_the_details(
    details_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    details_window.annotate.article_table.selectRow(1)
    article_id = details_window.annotate.article.id
    title = details_window.annotate.article.title
    opened = fill_in(monkeypatch, outlet="Reuters")
    (details,) = details_window.annotate.article_table.actions()
    assert details.text() == "Details…"

    details.trigger()

    assert opened[0].windowTitle() == f"Details of “{title}”"  # by its title, not its id
    assert stored(details_window, article_id)[0] == "Reuters"


def test_a_bad_value_is_refused_with_a_message_and_changes_nothing(
    details_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = details_window.annotate.article.id
    before = stored(details_window, article_id)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    fill_in(monkeypatch, outlet="Le Monde", url="lemonde.fr/article")

    details_window.edit_article_details()

    assert shown == ["a URL starts with http:// or https://, not 'lemonde.fr/article'"]
    assert stored(details_window, article_id) == before
    assert not details_window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_cancel_and_an_unchanged_form_change_nothing(
    details_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_in(monkeypatch)  # OK without touching a field
    details_window.edit_article_details()
    monkeypatch.setattr(
        ArticleDetailsDialog, "exec", lambda d: ArticleDetailsDialog.DialogCode.Rejected
    )
    details_window.edit_article_details()
    assert not details_window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_the_dialog_reads_well(details_window: MainWindow, tmp_path: Path, qtbot) -> None:
    from app.services import article_details

    details = article_details.article_details(details_window.session.project, 1)  # type: ignore[union-attr]
    dialog = ArticleDetailsDialog(details, 1, details_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title.text() == details.title
    # The language in words ("English"), stored as its code.
    assert dialog.language.currentData() == details.language
    assert dialog.language.currentText() == {"fr": "French", "en": "English"}[details.language]
    assert dialog.changes() == {}
    # Every field shows its whole value at the dialog's size (nothing clipped).
    width = dialog.outlet.fontMetrics().horizontalAdvance(details.outlet or "")
    assert width < dialog.outlet.width()
    dialog.grab().save(str(tmp_path / "details.png"))
