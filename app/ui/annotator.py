"""Who is tagging: the name every tag, mark and review of this window is made under.

The name is remembered per project (a team database and a coder's copy each keep theirs) in
the user's settings, never in the project: each coder on a shared database has their own. When
neither a remembered name nor $SOURCETRACK_ANNOTATOR says who is tagging, the login name is only
a guess, and the first edit asks (`Session.ready_to_edit`). The status bar shows the name and
changes it.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.layers import is_reserved
from app.services import browse
from app.services.project import default_annotator
from app.ui.session import Session


def _key(location: str) -> str:
    # A location may hold characters a settings key may not (slashes, colons): a digest.
    return "annotators/" + hashlib.sha256(location.encode("utf-8")).hexdigest()[:24]


def remembered(settings: QSettings, location: str) -> str | None:
    value = settings.value(_key(location))
    return str(value) if value else None


def remember(settings: QSettings, location: str, name: str) -> None:
    settings.setValue(_key(location), name)


def initial_annotator(settings: QSettings, location: str) -> tuple[str, bool]:
    """The name a newly opened project tags under, and whether it is known rather than a
    guess: remembered for the project, or set in the environment."""
    name = remembered(settings, location)
    if name:
        return name, True
    if os.environ.get("SOURCETRACK_ANNOTATOR"):
        return default_annotator(), True
    return default_annotator(), False


class AnnotatorDialog(QDialog):
    """Ask for the annotator's name: one already in the project, or a new one."""

    def __init__(
        self, current: str, known: list[str], first_edit: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is tagging?"))
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Your tags, marks and reviews in this project are saved under this name, and "
                "each coder's are kept apart. It is remembered for this project."
            )
            if first_edit
            else self.tr(
                "Tag under another name from now on. Tags already made keep their annotator."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems([n for n in known if not is_reserved(n)])
        self.name.setCurrentText(current)
        line = self.name.lineEdit()
        if line is not None:  # an editable combo box has one
            line.selectAll()
        label = QLabel(self.tr("&Annotator:"))
        label.setBuddy(self.name)
        layout.addWidget(label)
        layout.addWidget(self.name)
        self.problem = QLabel()
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def chosen(self) -> str:
        return " ".join(self.name.currentText().split())

    def accept(self) -> None:
        name = self.chosen()
        if not name:
            self._refuse(self.tr("Type a name."))
        elif is_reserved(name):
            self._refuse(
                self.tr("“{0}” is reserved for the adjudicated tags; use your own name.").format(
                    name
                )
            )
        else:
            super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
        self.name.setFocus()


def ask(session: Session, parent: QWidget | None, *, first_edit: bool) -> str | None:
    """The name the user chose, or None when they cancelled."""
    known = list(browse.judging_annotators(session.project))
    if session.annotator not in known:
        known.insert(0, session.annotator)
    dialog = AnnotatorDialog(session.annotator, known, first_edit, parent)
    focus = QApplication.focusWidget()
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    # The keys go back where they were: the edit that asked goes on from the keyboard.
    if parent is not None:
        parent.activateWindow()
    if focus is not None:
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog.chosen() if accepted else None


class AnnotatorChoice:
    """Connects a session to the settings and the dialog: the first edit asks, the status
    bar's button changes the name, and the choice is remembered for the project."""

    def __init__(self, session: Session, settings: QSettings, parent: QWidget) -> None:
        self.session, self.settings, self.parent = session, settings, parent
        session.ask_annotator = self._ask_first
        self.button = QToolButton(parent)
        self.button.setAutoRaise(True)
        self.button.setToolTip(
            QCoreApplication.translate(
                "AnnotatorChoice", "Who is tagging: click to tag under another name"
            )
        )
        self.button.clicked.connect(self.change)
        session.annotator_changed.connect(lambda _name: self._show())
        self._show()

    def _show(self) -> None:
        self.button.setText(
            QCoreApplication.translate("AnnotatorChoice", "Annotator: {0}").format(
                self.session.annotator
            )
        )

    def _ask_first(self) -> str | None:
        name = ask(self.session, self.parent, first_edit=True)
        if name:
            remember(self.settings, self.session.project.location, name)
        return name

    def change(self) -> None:
        name = ask(self.session, self.parent, first_edit=False)
        if name:
            remember(self.settings, self.session.project.location, name)
            self.session.set_annotator(name)
            self._show()
