"""`mark`, `review`, and the judgements `articles` and `statements` show and filter on.

A statement marked "no source" (narration, background) and an article marked reviewed are each
per annotator (`--annotator`, default the current one); see `app.domain.judgements` for the
rules. Names become ids here; the edits are `services.judgements`' functions, the very ones the
window's undo commands call.
"""

from __future__ import annotations

import argparse

from app.cli.errors import CliError
from app.domain.model import DomainError
from app.domain.rows import ArticleListRow
from app.services import browse, judgements
from app.services.project import Project, default_annotator

ARTICLE_COLUMNS = [
    "id",
    "title",
    "outlet",
    "published",
    "language",
    "statements",
    "tagged",
    "no_source",
    "judged",
    "reviewed",
    "url",
]


def mark(project: Project, args: argparse.Namespace) -> int:
    """`sourcetrack mark PROJECT STATEMENT_ID --no-source | --clear [--annotator NAME]`."""
    whose = args.annotator or default_annotator()
    statement_id = args.statement_id
    if args.clear:
        annotator_id = _known_annotator(project, whose)
        edit = (
            None
            if annotator_id is None
            else judgements.clear_no_source(project, judgements.MarkKey(statement_id, annotator_id))
        )
        if edit is None or not edit.cleared:
            others = judgements.no_source_annotators(project, [statement_id]).get(statement_id)
            hint = f" (it is marked by {', '.join(others)}; give --annotator)" if others else ""
            raise CliError(
                f"statement {statement_id} has no no-source mark by {whose} to clear{hint}"
            )
        print(f"cleared the no-source mark of statement {statement_id} ({whose})")
        return 0
    annotator_id = judgements.annotator_for_edit(project, whose)
    edit = judgements.mark_no_source(project, judgements.MarkKey(statement_id, annotator_id))
    if edit.marked:
        print(f"marked statement {statement_id} no source ({whose})")
    else:
        print(f"statement {statement_id} was marked no source already ({whose})")
    return 0


def review(project: Project, args: argparse.Namespace) -> int:
    """`sourcetrack review PROJECT ARTICLE_ID [--clear] [--annotator NAME]`."""
    whose = args.annotator or default_annotator()
    article_id = args.article_id
    if args.clear:
        annotator_id = _known_annotator(project, whose)
        key = None if annotator_id is None else judgements.ReviewKey(article_id, annotator_id)
        edit = None if key is None else judgements.review_article(project, key, reviewed=False)
        if edit is None or not edit.changed:
            browse.check_filter(project, article_ids=[article_id])  # no such article: say so
            raise CliError(f"article {article_id} is not reviewed by {whose}")
        print(f"article {article_id} is no longer reviewed by {whose}")
        return 0
    annotator_id = judgements.annotator_for_edit(project, whose)
    edit = judgements.review_article(project, judgements.ReviewKey(article_id, annotator_id))
    progress = judgements.article_progress(project, [article_id], annotator_id).get(article_id)
    done = f" ({progress.judged}/{progress.statements} statements judged)" if progress else ""
    if edit.changed:
        print(f"article {article_id} reviewed by {whose}{done}")
    else:
        print(f"article {article_id} was reviewed by {whose} already{done}")
    return 0


def article_rows(project: Project, args: argparse.Namespace) -> list[dict[str, object]]:
    """The rows of `sourcetrack articles` (ARTICLE_COLUMNS), filtered as the options say."""
    annotator_id = None if args.annotator is None else judgements.find_annotator(
        project, args.annotator
    )  # fmt: skip
    reviewed = True if args.reviewed else False if args.unreviewed else None
    chosen = browse.ArticleFilter(
        unfinished=args.unfinished, reviewed=reviewed, annotator_id=annotator_id
    )
    found = browse.list_articles(project, article_filter=chosen)
    return [_article_row(row, args.format) for row in found]


def _article_row(row: ArticleListRow, fmt: str) -> dict[str, object]:
    reviewers = list(row.reviewed_by or ())
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "published": row.published,
        "language": row.language,
        "statements": row.statements,
        "tagged": row.tagged,
        "no_source": row.no_source,
        "judged": row.judged,
        "reviewed": reviewers if fmt == "json" else "; ".join(reviewers),
        "url": row.url,
    }


def judged_by(project: Project, args: argparse.Namespace) -> int | None:
    """The annotator whose judgements `statements --untagged / --no-source` count (an unknown
    name is refused), or None for anyone's."""
    if args.annotator is None or not (args.untagged or args.no_source):
        return None
    return judgements.find_annotator(project, args.annotator)


def no_source_of(
    project: Project, statement_ids: list[int], judged: int | None
) -> dict[int, tuple[str, ...]]:
    """Who marked each statement "no source" (only `judged`, when given)."""
    return judgements.no_source_annotators(project, statement_ids, judged)


def _known_annotator(project: Project, name: str) -> int | None:
    try:
        return judgements.find_annotator(project, name)
    except DomainError:
        return None
