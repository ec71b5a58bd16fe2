"""Date fields that may be empty: a QDateEdit cannot be, so its lowest date stands for none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

from app.ui.i18n import date_pattern

NO_DATE = QDate(1900, 1, 1)


class DateCalendar(QCalendarWidget):
    """The calendar of a date field. For a field holding no date it opens on this month,
    not on January 1900 (the lowest date, which stands for none): the date wanted is near
    today far more often than near 1900."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.selectedDate() == NO_DATE:
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())


class DateEdit(QDateEdit):
    """A date field that Tab leaves, as it leaves every other control: Qt's moves Tab from
    the day to the month to the year, and never out of a field that shows no date ("any"),
    which would hold the keyboard there. ← and → still go from one part to the next."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and modifiers == NO_MODIFIER:
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            return
        super().keyPressEvent(event)


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def optional_date_edit(empty_text: str, value: date | None = None) -> QDateEdit:
    """A date field showing `empty_text` ("any", "unknown") when it holds no date."""
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(DateCalendar())
    edit.setDisplayFormat(date_pattern())  # the interface language's order
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)  # shown at the minimum date
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
    return edit


def date_of(edit: QDateEdit) -> date | None:
    day = edit.date()
    return None if day == NO_DATE else date(day.year(), day.month(), day.day())
