"""The claim box (C) from the keyboard: ↓/↑ choose a completion (never another statement),
Enter links what the completion popup shows (never a typed prefix by accident), and nothing
typed for one statement is left for another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from app.services import browse, claim_links
from app.ui.main_window import MainWindow

from .keyboard import back_to, keyboard_widget, press, type_text

IN_RUSSIA = "North Korean troops are in Russia"
IN_KURSK = "North Korean troops fight in Kursk"


def claims_of(window: MainWindow, statement_id: int) -> set[str]:
    detail = browse.statement_detail(window.session.project, statement_id)
    assert detail is not None
    return {c.label for c in detail.claims}


def all_claims(window: MainWindow) -> list[str]:
    return claim_links.claim_labels(window.session.project)


def popup(box: QLineEdit) -> QAbstractItemView:
    completer = box.completer()
    assert completer is not None and completer.popup() is not None
    return completer.popup()


def shown(box: QLineEdit) -> list[str]:
    """The completions the popup lists (as the user reads them)."""
    if not popup(box).isVisible():
        return []
    model = box.completer().completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_arrows_choose_a_completion_and_enter_links_it_to_the_same_statement(
    qtbot, annotate_window: MainWindow
) -> None:
    view, box = annotate_window.annotate, annotate_window.annotate.panel.claim_box
    statement = view.current_statement_id()
    before = claims_of(annotate_window, statement)
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "North Korean troops")
    qtbot.waitUntil(popup(box).isVisible, timeout=10_000)
    assert set(shown(box)) == {IN_RUSSIA, IN_KURSK}
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up)
    assert view.current_statement_id() == statement  # the arrows were the popup's
    chosen = popup(box).currentIndex().data()
    assert chosen in (IN_RUSSIA, IN_KURSK) and box.text() == chosen
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_statement_id() == statement
    assert claims_of(annotate_window, statement) == before | {chosen}
    assert not popup(box).isVisible() and box.text() == ""  # nothing left floating
    assert keyboard_widget() is view.text  # back to tagging


def test_enter_takes_the_only_completion_shown(qtbot, annotate_window: MainWindow) -> None:
    view, box = annotate_window.annotate, annotate_window.annotate.panel.claim_box
    statement = view.current_statement_id()
    labels = all_claims(annotate_window)
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "north korean troops f")  # any case: one completion
    qtbot.waitUntil(popup(box).isVisible, timeout=10_000)
    assert shown(box) == [IN_KURSK]
    press(qtbot, Qt.Key.Key_Return)
    assert IN_KURSK in claims_of(annotate_window, statement)
    assert all_claims(annotate_window) == labels  # no claim named by the prefix
    assert not popup(box).isVisible()


def test_enter_with_several_completions_shown_waits_for_a_choice(
    qtbot, annotate_window: MainWindow
) -> None:
    view, box = annotate_window.annotate, annotate_window.annotate.panel.claim_box
    statement = view.current_statement_id()
    before, labels = claims_of(annotate_window, statement), all_claims(annotate_window)
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "North Korean troops")
    qtbot.waitUntil(popup(box).isVisible, timeout=10_000)
    press(qtbot, Qt.Key.Key_Return)  # two shown, none chosen: a guess would be wrong
    assert claims_of(annotate_window, statement) == before
    assert "2 claims match" in annotate_window.statusBar().currentMessage()
    assert popup(box).isVisible() and box.text() == "North Korean troops"
    press(qtbot, Qt.Key.Key_Escape)  # closes the popup: what is typed is meant as it is
    assert not popup(box).isVisible() and keyboard_widget() is box
    press(qtbot, Qt.Key.Key_Return)
    assert claims_of(annotate_window, statement) == before | {"North Korean troops"}
    assert all_claims(annotate_window) == sorted([*labels, "North Korean troops"])


def test_esc_in_the_claim_box_goes_back_to_the_text(qtbot, annotate_window: MainWindow) -> None:
    view = annotate_window.annotate
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Half a thought")
    press(qtbot, Qt.Key.Key_Escape)
    if keyboard_widget() is not view.text:  # the first Esc closed a completion popup
        press(qtbot, Qt.Key.Key_Escape)
    assert keyboard_widget() is view.text and view.panel.claim_box.text() == ""


def test_what_was_typed_is_not_kept_for_another_statement_article_or_project(
    qtbot, annotate_window: MainWindow, tmp_path: Path, demo: Path
) -> None:
    view, box = annotate_window.annotate, annotate_window.annotate.panel.claim_box
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Hlf")
    press(qtbot, Qt.Key.Key_Tab)  # leaves the box with the text in it
    assert keyboard_widget() is not box and box.text() == "Hlf"
    statement = view.current_statement_id()
    press(qtbot, Qt.Key.Key_J)
    assert view.current_statement_id() != statement
    assert box.text() == ""  # another statement: nothing typed for the first one

    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Hlf")
    press(qtbot, Qt.Key.Key_Tab)
    table, article = view.article_table, view.article.id
    row = table.visualRect(view.articles.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert view.article.id != article and box.text() == ""

    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Hlf")
    assert annotate_window.open_project(str(demo))  # another project
    back_to(qtbot, annotate_window)
    assert annotate_window.annotate.panel.claim_box.text() == ""
