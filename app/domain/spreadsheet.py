"""Keeping exported text from being run as a spreadsheet formula, reversibly.

A cell whose text (after any leading spaces) starts with `= + - @`, a tab, a carriage return or
a line feed is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it as
text. (OWASP lists the first six; a line feed is included because some importers drop a leading
line break and then see what follows it.) To make the rule exactly reversible, text that already
starts with an apostrophe gets one more. Reading back removes exactly one leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(text: str) -> str:
    if text.startswith("'") or text.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def would_run(cell: str) -> bool:
    """True when a spreadsheet would evaluate this cell as a formula (used by tests and checks)."""
    return cell.lstrip(" ").startswith(FORMULA_TRIGGERS)


class _RowWriter:
    def __init__(self, handle: IO[str], lineterminator: str) -> None:
        self._minimal = csv.writer(handle, lineterminator=lineterminator)
        self._quoted = csv.writer(handle, lineterminator=lineterminator, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> None:
        cells = list(row)
        if any(isinstance(c, str) and "\r" in c for c in cells):
            self._quoted.writerow(cells)
        else:
            self._minimal.writerow(cells)


def csv_writer(handle: IO[str], lineterminator: str = "\n") -> _RowWriter:
    """A csv.writer whose rows read back whole whatever the cells hold.

    With LF line ends, Python's csv module leaves a cell holding a bare CR unquoted, and readers
    then end the row there (and what follows the CR may start a cell with `=`). A row holding a
    CR is therefore written with every cell quoted.
    """
    return _RowWriter(handle, lineterminator)
