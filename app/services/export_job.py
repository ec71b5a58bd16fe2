"""An export or a tag import as one job, with the command line's report: what `sourcetrack
export` and `sourcetrack import-tags` print, so the window says the same and writes the same
file. Each job opens the project itself (it may run off the window's thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services import browse, exporting, qdpx_export, tag_import
from app.services import compare as compare_service
from app.services.exporting import TagFilter
from app.services.project import Project

# The formats, as the window names them, and the command line's --format and --excel.
FORMATS: dict[str, tuple[str, bool]] = {
    "CSV": ("csv", False),
    "Excel CSV": ("csv", True),
    "JSON Lines": ("jsonl", False),
    "REFI-QDA (.qdpx)": ("qdpx", False),
    "Matrix CSV": ("matrix-csv", False),
    "Matrix CSV for Excel": ("matrix-csv", True),
}
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "qdpx": ".qdpx", "matrix-csv": ".csv"}


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: `count` claims, tags or articles (`what`; a .qdpx's articles with
    their `selections`) to `output`. `str()` is the command line's report; the window words
    the same values in its own language."""

    count: int
    what: str  # "claims", "tags" or "articles"
    output: Path
    selections: int | None = None

    def __str__(self) -> str:
        what = (
            self.what if self.selections is None else f"{self.what} ({self.selections} selections)"
        )
        return f"wrote {self.count} {what} to {self.output}"


@dataclass(frozen=True)
class ExportRequest:
    """`sourcetrack export`'s options: `format` one of csv, jsonl, matrix-csv, qdpx."""

    output: Path
    format: str = "csv"
    excel: bool = False
    article_ids: list[int] | None = None
    source_names: list[str] | None = None
    annotator: str | None = None
    stance: str | None = None
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None


def export(location: str, request: ExportRequest) -> ExportSummary:
    """Open the project, write the export `request` asks for; what it wrote (as a string, the
    report the command line prints)."""
    _check_folder(request)
    with Project.open(location) as project:
        return write_export(project, request)


def _check_folder(request: ExportRequest) -> None:
    if not request.output.parent.is_dir():
        raise DomainError(exporting.FOLDER_MISSING.format(folder=request.output.parent))


def write_export(project: Project, request: ExportRequest) -> ExportSummary:
    """Write the export `request` asks for from an open project (the command line opens it
    itself, to warn about its folder); the report."""
    _check_folder(request)
    tag_filter = TagFilter(
        article_ids=request.article_ids,
        source_names=request.source_names,
        annotator=request.annotator,
        stance=request.stance,
        outlet=request.outlet,
        published_from=request.published_from,
        published_to=request.published_to,
    )
    browse.check_filter(
        project,
        article_ids=request.article_ids,
        source_names=request.source_names,
        annotator=request.annotator,
    )
    if request.format == "matrix-csv":
        if request.stance:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "--stance does not apply to the matrix (its cells show every stance)",
                )
            )
        matrix_filter = compare_service.MatrixFilter(
            article_ids=request.article_ids or (),
            outlet=request.outlet,
            published_from=request.published_from,
            published_to=request.published_to,
        )
        matrix = compare_service.compare(
            project, request.source_names, annotator=request.annotator,
            matrix_filter=matrix_filter,
        )  # fmt: skip
        count = exporting.export_matrix_csv(matrix, request.output, excel=request.excel)
        what = "claims"
    elif request.format == "jsonl":
        count = exporting.export_jsonl(project, request.output, tag_filter=tag_filter)
        what = "tags"
    elif request.format == "qdpx":
        if tag_filter != TagFilter():
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "a .qdpx holds the whole project; filters apply to csv and jsonl"
                )
            )
        summary = qdpx_export.export_qdpx(project, request.output)
        return ExportSummary(summary.articles, "articles", request.output, summary.selections)
    else:
        count = exporting.export_csv(
            project, request.output, excel=request.excel, tag_filter=tag_filter
        )
        what = "tags"
    return ExportSummary(count, what, request.output)


def import_tags(location: str, path: Path) -> tag_import.TagImportReport:
    """Read tags back from a Sourcetrack CSV; what it did (`tags_report` words it as
    `sourcetrack import-tags` prints it)."""
    with Project.open(location) as project:
        return tag_import.import_tags(project, path)


def tags_report(report: tag_import.TagImportReport) -> str:
    """What `sourcetrack import-tags` says of an import."""
    return (
        f"{report.rows} rows: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged"
        + (f", {report.kept} kept (changed in the project since)" if report.kept else "")
        + f"; {report.statements_created} statements created, "
        f"{report.claims_linked} claim links added"
    )
