"""File ▸ Merge a coder's copy…: bring the tags of coders' copies of the project into it.

The copies are planned first without writing (a dry run) and the user sees what would come in
and what conflicts, then confirms. The merge itself is one transaction (`services.merge`):
it cannot be undone from the Edit menu, which the confirmation says; merging again adds nothing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.merge import Unmerged
from app.domain.model import DomainError
from app.domain.wording import Count, Words
from app.services import merge as merge_service
from app.services.merge import Conflict, MergeReport
from app.services.project import ProjectError
from app.ui.errors import plain_message, retry_while_busy
from app.ui.i18n import counted, number, translated
from app.ui.project_opener import project_filter
from app.ui.session import Session

MOST_CONFLICTS_LISTED = 12


def report_html(report: MergeReport) -> str:
    """What each copy adds and what conflicts, in a few lines per copy."""
    parts = []
    words = counted()
    for copy in report.copies:
        who = ", ".join(copy.annotators) or QCoreApplication.translate("MergeDialog", "nobody")
        parts.append(
            QCoreApplication.translate(
                "MergeDialog",
                "<p><b>{copy}</b> (tags of {who}): {found}; {tags}, {marks}, {links} and "
                "{reviews} to add; {same} already here; {conflicts}.</p>",
            ).format(
                copy=html.escape(copy.copy),
                who=html.escape(who),
                found=words.articles_found(copy.articles_matched, copy.articles),
                tags=words.tags(copy.tags_added),
                marks=words.marks(copy.marks_added),
                links=words.claim_links(copy.links_added),
                reviews=words.reviews(copy.reviews_added),
                same=words.tags(copy.tags_unchanged),
                conflicts=words.conflicts(len(copy.conflicts)),
            )
        )
        if copy.conflicts:
            items = [
                html.escape(conflict_text(c)) for c in copy.conflicts[:MOST_CONFLICTS_LISTED]
            ]
            more = len(copy.conflicts) - MOST_CONFLICTS_LISTED
            if more > 0:
                items.append(
                    QCoreApplication.translate("MergeDialog", "… and {more}").format(
                        more=words.more_conflicts(more)
                    )
                )
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    return "".join(parts)


def conflict_text(conflict: Conflict) -> str:
    """A conflict as the list says it: its article's title and why, in the interface's
    language."""
    return QCoreApplication.translate("MergeDialog", "{article}: {reason}").format(
        article=conflict.article, reason=translated(_worded_here(conflict.reason))
    )


def _worded_here(words: Words) -> Words:
    """`words` with the counts and numbers filled into them in the interface's format: the
    domain counts what a copy lost in English ("7 tags, 6 claim links"), the window with its
    plural forms."""
    here: dict[str, object] = {}
    for name, value in words.arguments.items():
        if isinstance(value, Unmerged):
            here[name] = _lost(value)
        elif isinstance(value, Words):
            here[name] = _worded_here(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            here[name] = number(value)
    return words.format(**here) if here else words


def _lost(unmerged: Unmerged) -> str:
    words = counted()
    counts = (
        (unmerged.tags, words.tags),
        (unmerged.marks, words.marks),
        (unmerged.links, words.claim_links),
    )
    return QLocale().createSeparatedList([say(n) for n, say in counts if n])


def run_merge_dialog(session: Session, parent: QWidget, paths: list[str] | None = None) -> bool:
    """Ask for the copies, show what merging them would do, merge on confirmation; True when
    something was merged."""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("MergeDialog", "Merge coders' copies"),
            "",
            project_filter(),
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
        QCoreApplication.translate("MergeDialog", "Merged: {added}.").format(
            added=translated(Count("%Ln tag(s) added", report.tags_added))
        )
        + report_html(report),
    )
    return report.written
