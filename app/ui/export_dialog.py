"""File ▸ Export… and File ▸ Import tags…: the command line's `export` and `import-tags` from
the window. The user picks a format, the command line's filters (`export_options`) and a
file; the job runs off the window's thread (a `Background` worker, which opens the project
itself) and its report, the words the command line prints, goes to the status bar; a refusal
is shown as the command line would say it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QWidget

from app.services import browse, export_job
from app.services.export_job import FORMATS, SUFFIXES, ExportRequest, ExportSummary
from app.services.tag_import import TagImportReport
from app.ui.export_options import FORMAT_WORDS, ExportOptions
from app.ui.i18n import translated
from app.ui.session import Session
from app.ui.worker import Background


class ProjectJob(QObject):
    """One export or import running in the background; `done(report)` or `failed(message)`
    once it is over. A child of the window, so it lives until it is."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.report: str | None = None
        self.error: str | None = None
        self.background = Background(self)
        self.background.finished.connect(self._finished)
        self.background.failed.connect(self._failed)

    @property
    def over(self) -> bool:
        return self.report is not None or self.error is not None

    def _finished(self, report: object) -> None:
        self.report = self.worded(report)
        window = self.parent_widget
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.report, 10_000)
        self.done.emit(self.report)

    def worded(self, report: object) -> str:
        """The job's report in the interface's language (in English, the command line's)."""
        if isinstance(report, ExportSummary):
            file = str(report.output)
            if report.selections is not None:
                selections = self.tr("%Ln selection(s)", "", report.selections)
                return self.tr(
                    "wrote %Ln article(s) ({selections}) to {file}", "", report.count
                ).format(selections=selections, file=file)
            if report.what == "claims":
                return self.tr("wrote %Ln claim(s) to {file}", "", report.count).format(file=file)
            return self.tr("wrote %Ln tag(s) to {file}", "", report.count).format(file=file)
        if isinstance(report, TagImportReport):
            kept = (
                self.tr(", %Ln kept (changed in the project since)", "", report.kept)
                if report.kept
                else ""
            )
            # Each count with its own plural form: "1 row", « 1 ligne ajoutée ».
            return self.tr(
                "{rows}: {added}, {updated}, {unchanged}{kept}; {statements}, {links}"
            ).format(
                rows=self.tr("%Ln row(s)", "", report.rows),
                added=self.tr("%Ln added", "", report.added),
                updated=self.tr("%Ln updated", "", report.updated),
                unchanged=self.tr("%Ln unchanged", "", report.unchanged),
                kept=kept,
                statements=self.tr("%Ln statement(s) created", "", report.statements_created),
                links=self.tr("%Ln claim link(s) added", "", report.claims_linked),
            )
        return str(report)

    def _failed(self, message: str) -> None:
        self.error = message
        self.session.error.emit(message)
        self.failed.emit(message)


def run_export(session: Session, parent: QWidget, request: ExportRequest) -> ProjectJob:
    job = ProjectJob(session, parent)
    location = session.project.location
    job.background.submit(lambda: export_job.export(location, request))
    return job


def run_import_tags(session: Session, parent: QWidget, path: Path) -> ProjectJob:
    job = ProjectJob(session, parent)
    location = session.project.location

    def work() -> TagImportReport:
        return export_job.import_tags(location, path)

    job.background.submit(work)
    # What the import changed is read again by every view once it is over.
    job.done.connect(lambda _report: session.notify())
    return job


def run_export_dialog(session: Session, parent: QWidget) -> ProjectJob | None:
    """Ask for a format and a file, then export; None when the user cancelled."""
    project = session.project
    article = open_article(parent)
    options = ExportOptions(
        browse.source_names(project), browse.judging_annotators(project), article, parent
    )
    if options.exec() != QDialog.DialogCode.Accepted:
        return None
    name = options.format_name
    fmt, _excel = FORMATS[name]
    suffix = SUFFIXES[fmt]
    start = str(Path.home() / f"{session.project.short_name}{suffix}")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Export", "Export to"),
        start,
        f"{translated(FORMAT_WORDS.get(name, name))} (*{suffix})",
    )
    if not path:
        return None
    output = Path(path)
    if not output.suffix:
        output = output.with_suffix(suffix)
    return run_export(session, parent, options.request(output))


def open_article(parent: QWidget) -> tuple[int, str] | None:
    """The article open in Annotate (id, title), if any: what "only the open article" means."""
    from app.ui.main_window import MainWindow

    if not isinstance(parent, MainWindow) or parent.current is None:
        return None
    article = parent.current.views.annotate.article
    return (article.id, article.title) if article is not None else None


def run_import_tags_dialog(session: Session, parent: QWidget) -> ProjectJob | None:
    """Ask for a Sourcetrack CSV, then read its tags back; None when the user cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Export", "Import tags from a Sourcetrack CSV"),
        str(Path.home()),
        "CSV (*.csv)",
    )
    return run_import_tags(session, parent, Path(path)) if path else None
