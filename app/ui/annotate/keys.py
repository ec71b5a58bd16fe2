"""The Annotate view's keys: the list F1 shows, and the shortcuts that bind them.

Keys act wherever the keyboard is in the view — the article list, the text, the tag panel —
except in the widgets that need them (a text field takes letters and digits, the lists and the
claim box their arrows: see `own_keys`): ↑/↓ or J/K move; 1–9 toggle sources; Ctrl+1–9 make
one the active source; 0 marks "no source"; A/D/N stance; Q/W/E/R (or Alt+rank) confidence;
O the note; C claim box; Ins makes a statement from the selection; S splits at the cursor; M
merges with the next; Ctrl+Del deletes; Enter/Backspace accept/dismiss a suggestion; ? lists
the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.ui.annotate.tag_panel import CONFIDENCE_KEYS
from app.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.ui.annotate.view import AnnotateView

SHORTCUTS = (
    ("↑ / ↓, K / J", QT_TRANSLATE_NOOP("Shortcuts", "previous / next statement")),
    ("1 … 9", QT_TRANSLATE_NOOP("Shortcuts", "toggle the n-th source on the statement")),
    (
        "0",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "mark the statement “no source” (narration, background), or clear the mark"
        ),
    ),
    (
        "Ctrl+1 … 9",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "make the n-th source the active one (its tag stays as it is)"
        ),
    ),
    (
        "A, D, N",
        QT_TRANSLATE_NOOP("Shortcuts", "stance of the active source: asserts, denies, neutral"),
    ),
    (
        "Q, W, E, R",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "confidence: first to fourth level (Alt+1…9: level by rank)"
        ),
    ),
    (
        "O",
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "the note of the active source's tag: Enter keeps it, Esc leaves it as it was",
        ),
    ),
    (
        "C",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "the claim box: ↓ / ↑ choose a completion, Enter links it, Esc goes back"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ins"),
        QT_TRANSLATE_NOOP("Shortcuts", "make a statement from the selected text"),
    ),
    (
        "S / M",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "split the statement at the cursor / merge it with the next"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Ctrl+Del"),
        QT_TRANSLATE_NOOP("Shortcuts", "delete the statement"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Enter / Backspace"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "accept / dismiss the chosen suggestion (the first, or as selected)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutKeys", "Tab / Shift+Tab"),
        QT_TRANSLATE_NOOP("Shortcuts", "the next / previous control: article list, text, panel"),
    ),
    ("?", QT_TRANSLATE_NOOP("Shortcuts", "this list")),
)


def install_keys(view: AnnotateView) -> None:
    """Bind every key of the list above to the view's actions."""

    def bind(keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    for key in ("Down", "J"):
        bind(key, partial(view.step, 1))
    for key in ("Up", "K"):
        bind(key, partial(view.step, -1))
    for i in range(9):
        bind(str(i + 1), partial(view.toggle_nth_source, i))
        bind(f"Ctrl+{i + 1}", partial(view.activate_nth_source, i))
        bind(f"Alt+{i + 1}", partial(view.set_confidence_rank, i + 1))
    for key, stance in (("A", "asserts"), ("D", "denies"), ("N", "neutral")):
        bind(key, partial(view.set_stance, stance))
    for i, key in enumerate(CONFIDENCE_KEYS):
        bind(key, partial(view.set_confidence_index, i))
    bind("0", view.judging.toggle_no_source)
    bind("O", view.focus_note)
    bind("C", view.focus_claim_box)
    bind("Ins", view.statement_edits.make)
    bind("S", view.statement_edits.split)
    bind("M", view.statement_edits.merge)
    bind("Ctrl+Del", view.statement_edits.delete)
    # Enter and Backspace belong to the text fields (note, claim, filter) when they have
    # focus, so these two keys act only from the article list, the text and the suggestions.
    widgets: tuple[QWidget, ...] = (view.article_table, view.text, view.panel.suggestion_list)
    for widget in widgets:
        for key, slot in (
            ("Return", view.accept_suggestion),
            ("Enter", view.accept_suggestion),
            ("Backspace", view.dismiss_suggestion),
        ):
            shortcut = QShortcut(QKeySequence(key), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
    bind("?", view.help_requested.emit)  # F1 is the window's, in every view
