"""Errors that reach the window: a plain message for the user, the traceback for the log.

`ExceptionHook` takes over `sys.excepthook` while the window runs: PySide hands it every
exception that escapes a slot, an action or an event handler, which would otherwise only be
printed to a terminal the user never sees. `retry_while_busy` runs a write again, when the user
asks, while another program holds the project's write lock.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import translated
from app.ui.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

BUSY_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The project is busy: another program is writing to it. Nothing you have committed is lost.",
)
LOST_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The connection to the server was lost. Nothing you have committed is lost; Sourcetrack "
    "connects again at the next action.",
)
LOST_EDIT_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors", "The connection to the server was lost, so this edit was not made."
)
UNCERTAIN_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The connection to the server was lost while this edit was being saved: the server may "
    "have kept it or not. The views now show what the server holds; make the edit again if it "
    "is not there.",
)
LOG_NAME = "sourcetrack.log"


def plain_message(error: BaseException) -> str:
    """What the user reads: the project's own refusals word their message for the user;
    anything else is a fault of the program, said plainly."""
    # Imported here: the welcome page paints before the database layer is loaded.
    from app.domain.wording import Refusal
    from app.services.errors import commit_uncertain, connection_lost, is_busy

    if is_busy(error):
        return translated(BUSY_MESSAGE)
    if commit_uncertain(error):
        return translated(UNCERTAIN_MESSAGE)
    if connection_lost(error):
        return translated(LOST_MESSAGE)
    if isinstance(error, Refusal):
        return translated(error.words)
    first_line = next((line for line in str(error).splitlines() if line.strip()), "")
    short = first_line[:200] or type(error).__name__
    return QCoreApplication.translate(
        "Errors", "Something went wrong: {error}. Your committed edits are safe."
    ).format(error=short)


class ErrorDialog(QDialog):
    """A message, OK (or Retry and Cancel), and "Copy details" for the traceback, if any.

    A QDialog rather than a QMessageBox: a message box closes on any of its buttons, and
    "Copy details" must leave the dialog open."""

    def __init__(
        self,
        message: str,
        details: str = "",
        *,
        retry: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each error makes a new one
        self.setWindowTitle(self.tr("Project busy") if retry else self.tr("Not done"))
        self.message, self.details = message, details
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.buttons = QDialogButtonBox()
        standard = QDialogButtonBox.StandardButton
        if retry:
            self.buttons.addButton(standard.Retry)  # accepts: exec() returns Accepted
            self.buttons.addButton(standard.Cancel)
        else:
            self.buttons.addButton(standard.Ok)
        self.copy_button: QPushButton | None = None
        if details:
            self.copy_button = self.buttons.addButton(
                self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.copy_button.clicked.connect(self.copy_details)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def _dialog_parent() -> QWidget | None:
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def retry_while_busy(work: Callable[[], object], parent: QWidget | None = None) -> bool:
    """Run a write; while the project is busy, or the server's connection was lost before the
    write committed, offer Retry (run it again) or Cancel.

    True when the write was done, False when the user cancelled it. Such a write was rolled
    back whole, so Cancel leaves the project as it was. Other errors propagate."""
    from app.services.errors import connection_lost, is_busy

    while True:
        try:
            work()
        except Exception as error:
            if is_busy(error):
                log.warning("the project was busy: %s", error)
                message = " ".join(
                    (
                        translated(BUSY_MESSAGE),
                        QCoreApplication.translate(
                            "Errors", "Retry once it has finished, or cancel this edit."
                        ),
                    )
                )
            elif connection_lost(error):
                log.warning("the connection to the server was lost: %s", error)
                message = " ".join(
                    (
                        translated(LOST_EDIT_MESSAGE),
                        QCoreApplication.translate(
                            "Errors", "Retry once the server is back, or cancel it."
                        ),
                    )
                )
            else:
                raise
            dialog = ErrorDialog(
                message,
                _details(type(error), error, error.__traceback__),
                retry=True,
                parent=parent or _dialog_parent(),
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            continue
        return True


def _details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, error, tb))


class ExceptionHook(QObject):
    """`sys.excepthook` for the window: log the traceback, show the user a plain message.

    install() keeps the hook it replaces and uninstall() puts it back, so tests can use it
    and leave pytest-qt's own hook in place afterwards. The previous hook is not called as
    well: the traceback goes to the log (and, with `logging` set up, to the terminal)."""

    # An exception on another thread is shown on the GUI thread: widgets live there only.
    _show_later = Signal(str, str)

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__()
        self.window = window
        self._previous: Callable[..., object] | None = None
        self._showing = False
        self._show_later.connect(self._show)

    def install(self) -> None:
        if sys.excepthook is not self:
            self._previous = sys.excepthook
            sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__
            self._previous = None

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            (self._previous or sys.__excepthook__)(kind, error, tb)
            return
        details = _details(kind, error, tb)
        log.error("an error reached the window\n%s", details.rstrip())
        try:
            message = plain_message(error)
        except Exception:  # the message must not fail to be worded: fall back to a fixed one
            message = QCoreApplication.translate(
                "Errors", "Something went wrong. Your committed edits are safe."
            )
        if QThread.currentThread() == self.thread():
            self._show(message, details)
        else:
            self._show_later.emit(message, details)

    def _show(self, message: str, details: str) -> None:
        if self._showing:
            # An error while the dialog is up (in its event loop, or in showing it): logged
            # above, not shown, so one fault cannot open dialog upon dialog.
            return
        self._showing = True
        try:
            ErrorDialog(message, details, parent=self.window or _dialog_parent()).exec()
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._showing = False


def log_to_file(directory: Path) -> logging.Handler | None:
    """Keep the program's log (tracebacks included) in `directory`/sourcetrack.log, a few
    hundred kilobytes at most; None when the folder cannot be written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            directory / LOG_NAME, maxBytes=512 * 1024, backupCount=1, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("app").addHandler(handler)
    return handler
