"""Importing articles: files and folders become articles with their statements.

Each article is inserted in its own transaction together with all of its statements, so a crash,
a cancel or a bad file never leaves half an article, and one bad file never stops the rest.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.domain.language import detect_language
from app.domain.model import ArticleDraft
from app.domain.text import body_sha256, normalise_body, split_title
from app.services.project import Project
from app.services.reading import TEXT_SUFFIXES, InputError, decode_text, read_text_file
from app.services.segmentation import segment
from app.store import articles as article_store


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one input, for the per-file report."""

    name: str
    outcome: Outcome
    message: str
    article_id: int | None = None
    statements: int = 0


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata the user gives; what is given wins over what the file says."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    author: str | None = None
    language: str = "auto"  # fr, en or auto


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)


def draft_from_text(
    text: str, meta: ArticleMeta, *, origin_name: str | None = None, origin_format: str = "text"
) -> ArticleDraft:
    """Normalise a text, take its title (first line unless given) and segment its body."""
    normal = normalise_body(text)
    if meta.title:
        title, body = " ".join(meta.title.split()), normal
    else:
        title, body = split_title(normal)
        if origin_format == "markdown":
            title = title.lstrip("#").strip()
        if not body:  # a one-line text: the line is both title and body
            body = normal
    if not body.strip():
        raise InputError(f"{origin_name or 'the text'} has no text to import")
    language = meta.language if meta.language != "auto" else detect_language(body)
    return ArticleDraft(
        title=title[:500] or (origin_name or "Untitled"),
        body=body,
        language=language,
        outlet=meta.outlet,
        url=meta.url,
        author=meta.author,
        published=meta.published,
        origin_name=origin_name,
        origin_format=origin_format,
        spans=segment(body, language),
    )


def store_draft(project: Project, draft: ArticleDraft, name: str) -> ImportResult:
    """Insert a draft unless its body is already in the project (duplicates are reported)."""
    digest = body_sha256(draft.body)
    with project.write() as conn:
        existing = article_store.find_by_body_sha(conn, digest)
        if existing is not None:
            return ImportResult(
                name, Outcome.DUPLICATE, f"already in the project as article {existing}", existing
            )
        article_id = article_store.insert_article(conn, draft, digest)
    return ImportResult(
        name,
        Outcome.IMPORTED,
        f"article {article_id}: {len(draft.spans)} statements",
        article_id,
        len(draft.spans),
    )


def import_text(
    project: Project, text: str, meta: ArticleMeta, name: str = "pasted text"
) -> ImportResult:
    """Import pasted text (the GUI's paste dialog)."""
    try:
        draft = draft_from_text(
            decode_text(text.encode("utf-8"), name).text, meta, origin_name=name
        )
    except InputError as error:
        return ImportResult(name, Outcome.REFUSED, str(error))
    return store_draft(project, draft, name)


def import_file(project: Project, path: Path, meta: ArticleMeta) -> ImportResult:
    name = str(path)
    fmt = TEXT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        return ImportResult(
            name, Outcome.REFUSED, f"unsupported file type '{path.suffix or path.name}'"
        )
    try:
        decoded = read_text_file(path)
        draft = draft_from_text(decoded.text, meta, origin_name=path.name, origin_format=fmt)
    except InputError as error:
        return ImportResult(name, Outcome.REFUSED, str(error))
    draft = replace(draft, origin_sha256=decoded.sha256)
    return store_draft(project, draft, name)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and the importable files of folders, recursively, in name order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in TEXT_SUFFIXES:
                    yield child
        else:
            yield path


def import_paths(
    project: Project,
    paths: Iterable[Path],
    meta: ArticleMeta,
    progress: Callable[[ImportResult], bool] | None = None,
) -> ImportReport:
    """Import files and folders. `progress` is called after each file; False cancels."""
    report = ImportReport()
    for path in expand_paths(paths):
        if not path.exists():
            result = ImportResult(str(path), Outcome.REFUSED, "no such file")
        else:
            result = import_file(project, path, meta)
        report.results.append(result)
        if progress is not None and progress(result) is False:
            break
    return report
