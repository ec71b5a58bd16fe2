"""Edit ▸ Preferences…: the interface's settings, kept in QSettings.

One row per setting in a QFormLayout (`self.form`); a new setting adds its row in `__init__`
and saves it in `save`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.ui.i18n import LANGUAGE_KEY
from app.ui.theme import (
    Theme,
    applied_theme,
    apply_theme,
    chosen_theme,
    save_theme,
    theme_label,
)


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.form = QFormLayout(self)
        self.language = QComboBox()
        # Each language named in itself, so that whoever cannot read the current one finds theirs.
        self.language.addItem(self.tr("System"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        stored = str(settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(self.language.findData(stored), 0))
        self.form.addRow(self.tr("&Language:"), self.language)
        # The theme applies at once (the open windows repaint).
        self.theme = QComboBox()
        for theme in Theme:
            self.theme.addItem(theme_label(theme), theme.value)
        self.theme.setCurrentIndex(max(self.theme.findData(chosen_theme(settings).value), 0))
        self.form.addRow(self.tr("&Theme:"), self.theme)
        note = QLabel(self.tr("The language applies on the next start of Sourcetrack."))
        note.setWordWrap(True)
        self.form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        theme = Theme(self.theme.currentData())
        save_theme(self.settings, theme)
        if theme != applied_theme():
            apply_theme(theme)
