"""Keeping exported text from being run as a spreadsheet formula, reversibly.

A cell whose text (after any leading spaces) starts with `= + - @`, a tab or a carriage return
is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it as text. To make
the rule exactly reversible, text that already starts with an apostrophe gets one more. Reading
back removes exactly one leading apostrophe.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    if text.startswith("'") or text.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def would_run(cell: str) -> bool:
    """True when a spreadsheet would evaluate this cell as a formula (used by tests and checks)."""
    return cell.lstrip(" ").startswith(FORMULA_TRIGGERS)
