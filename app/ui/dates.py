"""Date fields that may be empty: a QDateEdit cannot be, so its lowest date stands for none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(1900, 1, 1)


def optional_date_edit(empty_text: str, value: date | None = None) -> QDateEdit:
    """A date field showing `empty_text` ("any", "unknown") when it holds no date."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)  # shown at the minimum date
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
    return edit


def date_of(edit: QDateEdit) -> date | None:
    day = edit.date()
    return None if day == NO_DATE else date(day.year(), day.month(), day.day())
