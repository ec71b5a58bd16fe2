"""The dialog that names a team project on a PostgreSQL server, and the password prompt.

A team project is a database: the dialog asks for the server, port, database and role, or for a
libpq service name instead (the service file then holds the rest). A password is never typed
here: libpq finds it in PGPASSWORD, ~/.pgpass or the service file, and when the server still
asks for one the opener prompts for it, uses it for that connection and forgets it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.team import DEFAULT_PORT, TeamServer


class TeamProjectDialog(QDialog):
    """Server, port, database and role — or a service name. `server()` is what was typed."""

    def __init__(self, parent: QWidget | None, *, create: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New team project") if create else self.tr("Open a team project")
        )
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.role = QLineEdit()
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("instead of the four above, from the service file"))
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Or a ser&vice:"), self.service)
        intro = QLabel(
            self.tr("A team project lives in a PostgreSQL database that the team shares.")
            + (" " + self.tr("An empty database becomes a project; one that is a project"
                             " already opens.") if create else "")
            + " " + self.tr("Passwords come from PGPASSWORD, ~/.pgpass or the service file, or"
                            " are asked for when the server wants one; they are never stored.")
        )  # fmt: skip
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create") if create else self.tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.database.setFocus()

    def server(self) -> TeamServer:
        return TeamServer(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            role=self.role.text(),
            service=self.service.text(),
        )


def ask_password(parent: QWidget | None, message: str, role: str) -> str | None:
    """The password the person types for this connection only; None when they cancel."""
    asked = (
        QCoreApplication.translate(
            "TeamProject", "Password for role '{role}' (used for this connection, never stored):"
        ).format(role=role)
        if role
        else QCoreApplication.translate(
            "TeamProject", "Password (used for this connection, never stored):"
        )
    )
    text, given = QInputDialog.getText(
        parent,
        QCoreApplication.translate("TeamProject", "Password"),
        f"{message}\n\n{asked}",
        QLineEdit.EchoMode.Password,
    )
    return text if given else None
