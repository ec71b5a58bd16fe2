"""Importing from the window: a worker thread with its own database connection, a progress
dialog that can cancel, the per-file report, and the paste-text dialog."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app.services.importing import (
    ArticleMeta,
    ImportItem,
    ImportReport,
    ImportResult,
    Outcome,
    expand_paths,
    import_paths,
)
from app.services.project import Project
from app.ui.dates import date_of, optional_date_edit
from app.ui.dialogs import TableDialog
from app.ui.errors import plain_message
from app.ui.i18n import language_name, translated
from app.ui.words import QT_TRANSLATE_NOOP

_STEPS = 100


# An outcome as the interface names it ("read": in a batch that has not committed yet).
OUTCOME_WORDS = {
    "imported": QT_TRANSLATE_NOOP("ImportWords", "imported"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWords", "duplicate"),
    "refused": QT_TRANSLATE_NOOP("ImportWords", "refused"),
    "skipped": QT_TRANSLATE_NOOP("ImportWords", "skipped"),
    "read": QT_TRANSLATE_NOOP("ImportWords", "read"),
}


def outcome_word(outcome: str) -> str:
    return translated(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else outcome


class ImportWords(QObject):
    """The import's counts, with their plural forms (lupdate marks them only in `self.tr`)."""

    def count(self, outcome: Outcome, n: int) -> str:
        if outcome is Outcome.IMPORTED:
            return self.tr("%Ln imported", "", n)
        if outcome is Outcome.DUPLICATE:
            return self.tr("%Ln duplicate(s)", "", n)
        if outcome is Outcome.REFUSED:
            return self.tr("%Ln refused", "", n)
        return self.tr("%Ln skipped", "", n)

    def details(self, result: ImportResult) -> str:
        """What happened to one input, worded here where the result says it with its fields
        (the service's own words otherwise: a reader's reason for refusing a file)."""
        # By its title, not the database's id, which the window shows nowhere else.
        if result.article_id is not None and result.outcome is Outcome.IMPORTED:
            statements = self.tr("%Ln statement(s)", "", result.statements)
            if not result.title:
                return statements
            return self.tr("“{title}”: {statements}").format(
                title=result.title, statements=statements
            )
        if result.article_id is not None and result.outcome is Outcome.DUPLICATE:
            return self.tr("its text is in the project already")
        return translated(result.message)

    def report(self, counts: str | None) -> tuple[str, str, tuple[str, str, str]]:
        """The report's title, heading (`counts`: None when nothing was imported) and columns."""
        heading = self.tr("Import finished: {counts}.").format(
            counts=self.tr("nothing") if counts is None else counts
        )
        columns = (self.tr("File"), self.tr("Result"), self.tr("Details"))
        return self.tr("Import report"), heading, columns


class ImportWorker(QObject):
    """Runs in a QThread. It opens the project itself: connections never cross threads, and
    it never touches a widget — progress and the result go back through signals."""

    progressed = Signal(int, str)
    segmenting = Signal(str, float)  # a long article's name and how much of it is split
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, location: str, paths: list[ImportItem], meta: ArticleMeta) -> None:
        super().__init__()
        self.location, self.paths, self.meta = location, paths, meta
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True  # checked between files: the file in flight completes or not at all

    @Slot()
    def run(self) -> None:
        done = 0

        def progress(result: ImportResult) -> bool:
            nonlocal done
            done += 1
            # A file read into a batch is not in the project until its batch commits.
            state = (
                "read"
                if result.article_id is None and result.outcome.value == "imported"
                else result.outcome.value
            )
            self.progressed.emit(
                done,
                self.tr("{outcome}: {file}").format(
                    outcome=outcome_word(state), file=Path(result.name).name
                ),
            )
            return not self._cancelled

        try:
            with Project.open(self.location) as project:
                report = import_paths(
                    project, self.paths, self.meta, progress, segmenting=self.segmenting.emit
                )
        except Exception as error:  # the report says why; the GUI must not die with the thread
            self.failed.emit(self.tr("Import stopped: {error}").format(error=plain_message(error)))
            return
        self.finished.emit(report)


class ImportRun(QObject):
    """One import: expands the paths, starts the worker, shows progress, then the report."""

    done = Signal(object)  # ImportReport

    def __init__(
        self, parent: QWidget, location: str, paths: list[Path | str], meta: ArticleMeta
    ) -> None:
        super().__init__(parent)
        self.items = list(expand_paths(paths))
        # Steps of a hundredth of a file: a long article moves the bar while it is segmented.
        self.dialog = QProgressDialog(
            self.tr("Importing…"), self.tr("Cancel"), 0, max(len(self.items), 1) * _STEPS, parent
        )
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(300)
        # It goes when the import is done (or cancelled), not as the bar fills: only then can
        # it hand the keyboard back to the window (`_give_back_the_keys`).
        self.dialog.setAutoReset(False)
        self.worker_thread = QThread(self)
        self.worker = ImportWorker(location, self.items, meta)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.segmenting.connect(self._segmenting)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.dialog.canceled.connect(self.worker.cancel)
        self.dialog.canceled.connect(self._give_back_the_keys)  # the user was in the dialog
        self.report: ImportReport | None = None
        self._done = 0

    def start(self) -> None:
        self.worker_thread.start()

    def _progressed(self, done: int, text: str) -> None:
        self._done = done
        self.dialog.setValue(done * _STEPS)
        self.dialog.setLabelText(text)

    def _segmenting(self, name: str, fraction: float) -> None:
        self.dialog.setValue(self._done * _STEPS + min(int(fraction * _STEPS), _STEPS - 1))
        self.dialog.setLabelText(
            self.tr("splitting {file} into statements: {percent}%").format(
                file=Path(name).name, percent=QLocale().toString(round(fraction * 100))
            )
        )

    def _stop(self) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        had_keyboard = self.dialog.isActiveWindow()
        self.dialog.reset()  # hides it
        if had_keyboard:
            self._give_back_the_keys()

    def _give_back_the_keys(self) -> None:
        """The keys go back to the window the import came from, where they were: not every
        platform (nor window manager) re-activates a dialog's parent once the dialog goes."""
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.activateWindow()

    def _finished(self, report: ImportReport) -> None:
        self._stop()
        self.report = report
        self.done.emit(report)

    def _failed(self, message: str) -> None:
        self._stop()
        self.report = ImportReport()
        self.done.emit(self.report)
        parent = self.parent()
        TableDialog(
            self.tr("Import"), message, ("",), [], parent if isinstance(parent, QWidget) else None
        ).exec()


def shown_names(names: list[str]) -> list[str]:
    """File names as the report shows them: relative to the folder they share, so two
    `article.txt` in different subfolders can be told apart; URLs as they are."""
    paths = [n for n in names if "://" not in n]
    try:
        common = Path(os.path.commonpath(paths)) if paths else None
    except ValueError:  # different drives
        common = None
    if common is not None and len(paths) == 1:
        common = common.parent
    shown = []
    for name in names:
        if "://" in name or common is None:
            shown.append(name)
        else:
            shown.append(str(Path(name).relative_to(common)))
    return shown


def report_dialog(report: ImportReport, parent: QWidget | None) -> TableDialog:
    words = ImportWords()
    counts = (
        ", ".join(
            words.count(o, report.count(o))
            for o in Outcome
            if o is not Outcome.SKIPPED or report.count(o)  # skipped only when there were some
        )
        if report.results
        else None
    )
    rows = [(name, outcome_word(r.outcome.value), words.details(r)) for name, r in zip(
        shown_names([r.name for r in report.results]), report.results, strict=True)]  # fmt: skip
    title, heading, columns = words.report(counts)
    return TableDialog(title, heading, columns, rows, parent)


class PasteDialog(QDialog):
    """Paste an article's text and give its metadata.

    A paste that cannot be imported (no text yet, or refused) keeps the dialog open with
    everything typed in it, and says why; Ctrl+Enter imports from anywhere in it, and Tab
    leaves the text (an article has no use for tab characters).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste an article"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(placeholderText=self.tr("The first line, if left empty"))
        self.outlet = QLineEdit()
        self.url = QLineEdit()
        self.author = QLineEdit()
        self.published = optional_date_edit(self.tr("unknown"))
        self.language = QComboBox()
        self.language.addItem(self.tr("auto"), "auto")
        for language in ("fr", "en"):  # named in words, stored as its code
            self.language.addItem(language_name(language), language)
        for label, widget in (
            (self.tr("Title"), self.title),
            (self.tr("Outlet"), self.outlet),
            (self.tr("Published"), self.published),
            (self.tr("Author"), self.author),
            (self.tr("URL"), self.url),
            (self.tr("Language"), self.language),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("Paste the article here: title on the first line, then the text.")
        )
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Import (Ctrl+Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self.accept)
        self.resize(640, 520)

    def accept(self) -> None:
        """Close only with some text to import; else say so, keeping what was typed."""
        if not self.text.toPlainText().strip():
            self.refuse(
                self.tr("Paste or type the article's text first: there is nothing to import yet.")
            )
            return
        super().accept()

    def refuse(self, reason: str) -> None:
        """Say why the paste was not imported; the dialog keeps everything typed in it."""
        self.problem.setText(reason)
        self.problem.show()
        self.text.setFocus()

    def meta(self) -> ArticleMeta:
        return ArticleMeta(
            title=self.title.text().strip() or None,
            outlet=self.outlet.text().strip() or None,
            url=self.url.text().strip() or None,
            author=self.author.text().strip() or None,
            published=date_of(self.published),
            language=self.language.currentData(),
        )
