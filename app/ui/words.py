"""Visible text worded by Qt-free modules (the presenters), translated where Qt shows it.

A presenter cannot call Qt's translator, yet its hints and the names of its edits reach the
status bar and the Edit menu. It marks each such text with `QT_TRANSLATE_NOOP(context, source)`,
which `pyside6-lupdate` collects into the catalogues like any `tr()` call, and fills it with
`.format(...)`. The result is a `Words` (defined in `app.domain.wording`, where the services'
refusals are worded the same way): a `str` holding the English text (so the presenter's tests
read plain English), which also remembers its source and arguments so that
`app.ui.i18n.translated` can word it again in the interface's language.
"""

from __future__ import annotations

from app.domain.wording import QT_TRANSLATE_NOOP, Words

__all__ = ["QT_TRANSLATE_NOOP", "STANCE_WORDS", "Words"]

# A stance as the interface names it (the stored values stay these English words).
STANCE_WORDS = {
    "asserts": QT_TRANSLATE_NOOP("Stance", "asserts"),
    "denies": QT_TRANSLATE_NOOP("Stance", "denies"),
    "neutral": QT_TRANSLATE_NOOP("Stance", "neutral"),
    "mixed": QT_TRANSLATE_NOOP("Stance", "mixed"),
}
