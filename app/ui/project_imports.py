"""Importing into the open project from the window: files, a folder, dropped files (in the
background, with progress and a report), or a pasted article."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow

from app.ui.i18n import translated
from app.ui.session import Session

if TYPE_CHECKING:
    from app.services.importing import ArticleMeta, ImportReport
    from app.ui.import_ui import ImportRun


class ProjectImports:
    """One project's imports; one runs at a time."""

    def __init__(self, session: Session, window: QMainWindow) -> None:
        self.session, self.window = session, window
        self.run: ImportRun | None = None
        self._closed = False

    def close(self) -> None:
        """The project closed: a run still going must not tell its old views when done."""
        self._closed = True

    def import_files_dialog(self) -> None:
        import_filter = QCoreApplication.translate(
            "ProjectImports", "Articles (*.txt *.md *.html *.htm *.docx *.pdf *.qdpx)"
        )
        all_files = QCoreApplication.translate("ProjectOpener", "All files (*)")
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            QCoreApplication.translate("ProjectImports", "Import articles"),
            "",
            f"{import_filter};;{all_files}",
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, QCoreApplication.translate("ProjectImports", "Import a folder of articles")
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(
        self, paths: list[Path | str], meta: ArticleMeta | None = None
    ) -> ImportRun | None:
        """Import off the GUI thread; the report appears when it is done."""
        if self.run is not None:
            return None
        from app.services.importing import ArticleMeta
        from app.ui import import_ui

        run = import_ui.ImportRun(
            self.window, self.session.project.location, paths, meta or ArticleMeta()
        )
        self.run = run

        def finished(report: ImportReport) -> None:
            self.run = None
            if not self._closed:
                self.session.notify()
            if report.results:
                import_ui.report_dialog(report, self.window).open()

        run.done.connect(finished)
        run.start()
        return run

    def paste_article(self) -> None:
        """The paste dialog, until it is imported or cancelled: a refused paste opens it
        again with everything typed in it and the reason, so that nothing typed is lost."""
        from app.services.importing import Outcome, import_text
        from app.ui.import_ui import ImportWords, PasteDialog, outcome_word

        dialog = PasteDialog(self.window)
        while dialog.exec() == PasteDialog.DialogCode.Accepted:
            result = import_text(self.session.project, dialog.text.toPlainText(), dialog.meta())
            if result.outcome is Outcome.REFUSED:
                dialog.refuse(
                    QCoreApplication.translate("ProjectImports", "Not imported: {reason}").format(
                        reason=translated(result.message)
                    )
                )
                continue
            self.session.notify()
            said = f"{outcome_word(result.outcome.value)}: {ImportWords().details(result)}"
            self.window.statusBar().showMessage(said, 8000)
            return
