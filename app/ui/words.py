"""Visible text worded by Qt-free modules (the presenters), translated where Qt shows it.

A presenter cannot call Qt's translator, yet its hints and the names of its edits reach the
status bar and the Edit menu. It marks each such text with `QT_TRANSLATE_NOOP(context, source)`,
which `pyside6-lupdate` collects into the catalogues like any `tr()` call, and fills it with
`.format(...)`. The result is a `Words`: a `str` holding the English text (so the presenter's
tests read plain English), which also remembers its source and arguments so that
`app.ui.i18n.translated` can word it again in the interface's language.
"""

from __future__ import annotations

from typing import Any


class Words(str):
    """An English text that knows the catalogue message it came from."""

    context: str
    source: str
    arguments: dict[str, Any]

    def __new__(cls, context: str, source: str, arguments: dict[str, Any] | None = None) -> Words:
        filled = source.format(**arguments) if arguments else source
        words = super().__new__(cls, filled)
        words.context, words.source, words.arguments = context, source, dict(arguments or {})
        return words

    def format(self, *args: object, **arguments: Any) -> Words:
        """The message with its {placeholders} filled (named ones only)."""
        if args:
            raise TypeError("Words are filled by name, so that a translation may reorder them")
        return Words(self.context, self.source, {**self.arguments, **arguments})


def QT_TRANSLATE_NOOP(context: str, source: str) -> Words:  # noqa: N802 - the name lupdate reads
    """Mark `source` for the catalogue under `context`; translated when shown."""
    return Words(context, source)


# A stance as the interface names it (the stored values stay these English words).
STANCE_WORDS = {
    "asserts": QT_TRANSLATE_NOOP("Stance", "asserts"),
    "denies": QT_TRANSLATE_NOOP("Stance", "denies"),
    "neutral": QT_TRANSLATE_NOOP("Stance", "neutral"),
    "mixed": QT_TRANSLATE_NOOP("Stance", "mixed"),
}
