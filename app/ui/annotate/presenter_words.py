"""What the Annotate presenter says: its hints for the status bar and the names of the undo
steps it asks for, marked for the catalogue (context "AnnotatePresenter") and translated where
Qt shows them (see `app.ui.words`). Qt-free, like the presenter."""

from __future__ import annotations

from app.domain.model import Stance
from app.ui.words import QT_TRANSLATE_NOOP

NEEDS_A_SOURCE = QT_TRANSLATE_NOOP(
    "AnnotatePresenter", "Toggle a source first (1–9), then set its stance or confidence."
)
NOT_TAGGED = QT_TRANSLATE_NOOP(
    "AnnotatePresenter", "{name} is not tagged on this statement: {key} tags it first."
)
NO_SOURCE_TAGGED = QT_TRANSLATE_NOOP(
    "AnnotatePresenter",
    "This statement carries your tags: remove them (their digits) before marking it no source.",
)
POSITION = QT_TRANSLATE_NOOP("AnnotatePresenter", "{position} of {total}")

# The undo steps.
TAG = QT_TRANSLATE_NOOP("AnnotatePresenter", "tag {name}")
UNTAG = QT_TRANSLATE_NOOP("AnnotatePresenter", "untag {name}")
STANCE_EDITS = {
    Stance.ASSERTS: QT_TRANSLATE_NOOP("AnnotatePresenter", "stance asserts"),
    Stance.DENIES: QT_TRANSLATE_NOOP("AnnotatePresenter", "stance denies"),
    Stance.NEUTRAL: QT_TRANSLATE_NOOP("AnnotatePresenter", "stance neutral"),
}
CONFIDENCE = QT_TRANSLATE_NOOP("AnnotatePresenter", "confidence {label}")
EDIT_NOTE = QT_TRANSLATE_NOOP("AnnotatePresenter", "edit note")
ACCEPT_SUGGESTION = QT_TRANSLATE_NOOP("AnnotatePresenter", "accept suggestion {source}")
