"""Text for the user worded below the window: refusals, reasons and summaries.

The domain, the services and the store cannot call Qt's translator, yet their refusals ("a
source named 'Kyiv' exists already") reach the window's message boxes. Each such text is a
catalogue message marked with `QT_TRANSLATE_NOOP(context, source)` — which `pyside6-lupdate`
collects like any `tr()` call — and filled by name with `.format(...)`. The result is a `Words`:
a `str` holding the English text (what the command line prints and the tests read), which also
remembers its source and arguments so that the window can word it again in its own language
(`app.ui.i18n.translated`). An argument may itself be `Words` (a reason inside a refusal); it is
translated in turn.
"""

from __future__ import annotations

import re
from typing import Any

REFUSALS = "Refusals"  # the catalogue context of what the services, domain and store say


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
    """Mark `source` for the catalogue under `context`; translated where it is shown."""
    return Words(context, source)


COUNTS = "CountPhrases"  # the catalogue context of `Count` (a class in app.ui)
_PLURAL_ENDING = re.compile(r"\((e?s)\)")


class Count(str):
    """A number of things with its noun ("1 tag added", "3 tags added"): English here, its
    plural chosen by the count; in the window's language there, with the catalogue's plural
    forms (« 1 étiquette ajoutée »).

    `phrase` is the catalogue message, "%Ln tag(s) added". `pyside6-lupdate` marks plural
    forms only in a `tr()` call, so each phrase is listed for it in `app.ui.i18n.CountPhrases`
    (a test holds the two lists in step)."""

    phrase: str
    n: int
    about: str  # what is counted, for the translator: "updated" tags are « mises à jour »

    def __new__(cls, phrase: str, n: int, about: str = "") -> Count:
        english = _PLURAL_ENDING.sub(lambda m: m.group(1) if n != 1 else "", phrase)
        count = super().__new__(cls, english.replace("%Ln", str(n)))
        count.phrase, count.n, count.about = phrase, n, about
        return count


class Refusal(Exception):
    """Something the program declines to do, said for the user in catalogue words.

    Typed so that a refusal worded by an f-string — which no catalogue holds, and which a French
    window would show in English — fails the type check where it is raised.
    """

    def __init__(self, message: Words, /) -> None:
        super().__init__(message)

    @property
    def words(self) -> str:
        """The message: `Words` when it was raised as the type asks, else plain text."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)
