"""File ▸ Merge a coder's copy…: bring the tags of coders' copies of the project into it.

The copies are planned first without writing (a dry run) and the user sees what would come in
and what conflicts, then confirms. The merge itself is one transaction (`services.merge`):
it cannot be undone from the Edit menu, which the confirmation says; merging again adds nothing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.model import DomainError
from app.services import merge as merge_service
from app.services.merge import MergeReport
from app.services.project import ProjectError
from app.ui.errors import plain_message, retry_while_busy
from app.ui.i18n import translated
from app.ui.project_opener import PROJECT_FILTER
from app.ui.session import Session

MOST_CONFLICTS_LISTED = 12


def report_html(report: MergeReport) -> str:
    """What each copy adds and what conflicts, in a few lines per copy."""
    parts = []
    for copy in report.copies:
        who = ", ".join(copy.annotators) or QCoreApplication.translate("MergeDialog", "nobody")
        parts.append(
            QCoreApplication.translate(
                "MergeDialog",
                "<p><b>{copy}</b> (tags of {who}): {matched} of {articles} articles found "
                "here; {tags} tags, {marks} “no source” marks, {links} claim links and "
                "{reviews} reviews to add; {same} tags already here; {conflicts} conflicts.</p>",
            ).format(
                copy=html.escape(copy.copy),
                who=html.escape(who),
                matched=copy.articles_matched,
                articles=copy.articles,
                tags=copy.tags_added,
                marks=copy.marks_added,
                links=copy.links_added,
                reviews=copy.reviews_added,
                same=copy.tags_unchanged,
                conflicts=len(copy.conflicts),
            )
        )
        if copy.conflicts:
            items = "".join(
                f"<li>{html.escape(c.article)}: {html.escape(translated(c.reason))}</li>"
                for c in copy.conflicts[:MOST_CONFLICTS_LISTED]
            )
            more = len(copy.conflicts) - MOST_CONFLICTS_LISTED
            if more > 0:
                items += (
                    "<li>"
                    + QCoreApplication.translate("MergeDialog", "… and {count} more").format(
                        count=more
                    )
                    + "</li>"
                )
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def run_merge_dialog(session: Session, parent: QWidget, paths: list[str] | None = None) -> bool:
    """Ask for the copies, show what merging them would do, merge on confirmation; True when
    something was merged."""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("MergeDialog", "Merge coders' copies"),
            "",
            PROJECT_FILTER,
        )
    if not paths:
        return False
    project = session.project
    title = QCoreApplication.translate("MergeDialog", "Merge coders' copies")
    try:
        planned: list[MergeReport] = []
        if not retry_while_busy(
            lambda: planned.append(merge_service.merge(project, paths, dry_run=True))
        ):
            return False
        preview = planned[0]
        if not any(c.added_anything for c in preview.copies):
            QMessageBox.information(
                parent,
                title,
                QCoreApplication.translate(
                    "MergeDialog", "Nothing to merge: this project has it all already."
                )
                + report_html(preview),
            )
            return False
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            report_html(preview)
            + QCoreApplication.translate(
                "MergeDialog", "<p>Merge now? A merge cannot be undone from the Edit menu.</p>"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("MergeDialog", "&Merge")
        )
        if box.exec() != QMessageBox.StandardButton.Ok:
            return False
        done: list[MergeReport] = []
        if not retry_while_busy(lambda: done.append(merge_service.merge(project, paths))):
            return False
    except (DomainError, ProjectError) as error:
        QMessageBox.warning(parent, title, plain_message(error))
        return False
    report = done[0]
    session.notify(report.changes)
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate("MergeDialog", "Merged: {tags} tags added.").format(
            tags=report.tags_added
        )
        + report_html(report),
    )
    return report.written
