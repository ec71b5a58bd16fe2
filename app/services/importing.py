"""Importing articles: files, folders and URLs become articles with their statements.

Each article is inserted in its own transaction together with all of its statements, so a crash,
a cancel or a bad file never leaves half an article, and one bad file never stops the rest.
Files are read by the format readers of `app.services.formats` (text, Markdown, web pages, Word,
PDF); a `.qdpx` (REFI-QDA project) goes to `app.services.qdpx_import`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from app.domain.changes import Changes, ids
from app.domain.language import detect_language
from app.domain.model import ArticleDraft
from app.domain.text import body_sha256, normalise_body, split_title
from app.domain.wording import QT_TRANSLATE_NOOP, Words
from app.services import fetch, qdpx_import
from app.services.formats import MAX_FILE_BYTES, SUFFIXES, Document, read_document
from app.services.project import Project
from app.services.reading import (
    THE_TEXT,
    InputError,
    decode_text,
    read_file_bytes,
    read_text_file,
)
from app.services.segmentation import Progress, segment
from app.store import articles as article_store

QDPX_SUFFIX = ".qdpx"
ARTICLE_SUFFIXES = (*SUFFIXES, QDPX_SUFFIX)  # what import reads, for messages
PASTED_TEXT = QT_TRANSLATE_NOOP("Refusals", "pasted text")  # the name of a text pasted in
_DUPLICATE = QT_TRANSLATE_NOOP("Refusals", "already in the project as article {article}")
_IMPORTED_ONE = QT_TRANSLATE_NOOP("Refusals", "article {article}: {count} statement")
_IMPORTED = QT_TRANSLATE_NOOP("Refusals", "article {article}: {count} statements")


def _imported(article_id: int, statements: int) -> Words:
    """What an imported article's result says: its id and how many statements it holds."""
    worded = _IMPORTED_ONE if statements == 1 else _IMPORTED
    return worded.format(article=article_id, count=statements)


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REFUSED = "refused"
    SKIPPED = "skipped"  # a file in a folder that is not an article: reported, not an error


@dataclass(frozen=True)
class SkippedFile:
    """A file found in a folder that import leaves alone, with the reason the report gives."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ImportResult:
    """What happened to one input, for the per-file report."""

    name: str
    outcome: Outcome
    message: str
    article_id: int | None = None
    statements: int = 0
    title: str = ""  # the article's title as read (the window names the article by it)


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

    @property
    def changes(self) -> Changes:
        """The articles the import added, with their statements (and, from a .qdpx, maybe
        sources, claims and tags too: so whatever a view shows may have changed)."""
        added = ids(r.article_id for r in self.results if r.outcome is Outcome.IMPORTED)
        return Changes(added, segmentation=True, new_articles=True) if added else Changes()


def draft_from_text(
    text: str,
    meta: ArticleMeta,
    *,
    origin_name: str | None = None,
    origin_format: str = "text",
    progress: Progress | None = None,
) -> ArticleDraft:
    """Normalise a text, take its title (first line unless given) and segment its body."""
    document = Document.from_text(text, origin_format)
    return draft_from_document(document, meta, origin_name=origin_name, progress=progress)


def draft_from_document(
    document: Document,
    meta: ArticleMeta,
    *,
    origin_name: str | None = None,
    progress: Progress | None = None,
) -> ArticleDraft:
    """An article from what a reader found in a file; what the user gives wins over the file.

    The title is the user's, else the file's own (a web page's headline, a document's title
    property), else the first line. A heading at the top of the text that repeats the title
    is dropped, so the title is not a statement of its own. `progress` is told the fraction
    of the body segmented so far (segmenting is the long step of a long article).
    """
    normal = normalise_body(document.text)
    if meta.title or document.title:
        title = " ".join((meta.title or document.title or "").split())
        body = normal
        if document.title:
            body = _without_heading(normal, (title, document.title))
    else:
        title, body = split_title(normal)  # Markdown arrives as plain text: no '#' to strip
        if not body:  # a one-line text: the line is both title and body
            body = normal
    if not body.strip():
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} has no text to import").format(
                name=origin_name or THE_TEXT
            )
        )
    language = meta.language if meta.language != "auto" else _language(body, document.language)
    return ArticleDraft(
        title=title[:500] or (str(origin_name) if origin_name else "Untitled"),
        body=body,
        language=language,
        outlet=meta.outlet or document.outlet,
        url=meta.url or document.url,
        author=meta.author or document.author,
        published=meta.published or document.published,
        origin_name=str(origin_name) if origin_name is not None else None,  # stored: plain text
        origin_format=document.format,
        origin_sha256=document.sha256,
        spans=segment(body, language, progress),
    )


def _without_heading(body: str, titles: Iterable[str]) -> str:
    first, separator, rest = body.partition("\n\n")
    wanted = {" ".join(t.split()).casefold() for t in titles}
    if separator and rest.strip() and " ".join(first.split()).casefold() in wanted:
        return rest
    return body


def _language(body: str, declared: str | None) -> str:
    """The text decides; a language the file declares settles what the text leaves open."""
    detected = detect_language(body)
    primary = (declared or "").split("-")[0]
    if detected == "unknown" and primary in ("fr", "en"):
        return primary
    return detected


def store_draft(project: Project, draft: ArticleDraft, name: str) -> ImportResult:
    """Insert a draft unless its body is already in the project (duplicates are reported)."""
    digest = body_sha256(draft.body)
    with project.write() as conn:
        existing = article_store.find_by_body_sha(conn, digest)
        if existing is not None:
            return ImportResult(
                name, Outcome.DUPLICATE, _DUPLICATE.format(article=existing), existing
            )
        article_id = article_store.insert_article(conn, draft, digest)
    return ImportResult(
        name,
        Outcome.IMPORTED,
        _imported(article_id, len(draft.spans)),
        article_id,
        len(draft.spans),
        draft.title,
    )


def import_text(
    project: Project,
    text: str,
    meta: ArticleMeta,
    name: str = PASTED_TEXT,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Import pasted text (the GUI's paste dialog)."""
    try:
        draft = draft_from_text(
            decode_text(text.encode("utf-8"), name).text,
            meta,
            origin_name=name,
            progress=progress,
        )
    except InputError as error:
        return ImportResult(name, Outcome.REFUSED, error.words)
    return store_draft(project, draft, name)


def prepare_file(
    path: Path, meta: ArticleMeta, *, progress: Progress | None = None
) -> ArticleDraft | ImportResult:
    """Read, decode, normalise and segment one article file: a draft, or a refusal.

    `progress` is told the fraction of the body segmented so far.
    """
    name = str(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        return ImportResult(
            name,
            Outcome.REFUSED,
            QT_TRANSLATE_NOOP("Refusals", "unsupported file type '{suffix}'").format(
                suffix=path.suffix or path.name
            ),
        )
    try:
        if fmt in ("text", "markdown"):
            decoded = read_text_file(path)
            document = Document.from_text(decoded.text, fmt, sha256=decoded.sha256)
        else:
            document = _read(read_file_bytes(path, MAX_FILE_BYTES), fmt, path.name)
        return draft_from_document(document, meta, origin_name=path.name, progress=progress)
    except InputError as error:
        return ImportResult(name, Outcome.REFUSED, error.words)


def import_file(
    project: Project,
    path: Path,
    meta: ArticleMeta,
    *,
    source_map: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one file: an article in any supported format, or a REFI-QDA project (.qdpx).

    `source_map` maps code names of a .qdpx to source names (`--map CODE=SOURCE`); `progress`
    is told the fraction of an article's body segmented so far.
    """
    if path.suffix.lower() == QDPX_SUFFIX:
        return _import_qdpx(project, path, source_map or {})
    prepared = prepare_file(path, meta, progress=progress)
    if isinstance(prepared, ImportResult):
        return prepared
    return store_draft(project, prepared, str(path))


def store_drafts(project: Project, drafts: list[tuple[str, ArticleDraft]]) -> list[ImportResult]:
    """Insert a batch of drafts in one transaction (one commit, one fsync for the batch).

    Duplicates, in the project or within the batch, are reported. If the batch fails as a whole
    it is stored draft by draft instead, so one bad article never takes the others with it.
    """
    results: list[ImportResult] = []
    try:
        with project.write() as conn:
            seen: dict[str, int] = {}
            for name, draft in drafts:
                digest = body_sha256(draft.body)
                existing = seen.get(digest) or article_store.find_by_body_sha(conn, digest)
                if existing is not None:
                    results.append(
                        ImportResult(
                            name, Outcome.DUPLICATE, _DUPLICATE.format(article=existing), existing
                        )
                    )
                    continue
                article_id = article_store.insert_article(conn, draft, digest)
                seen[digest] = article_id
                results.append(
                    ImportResult(
                        name,
                        Outcome.IMPORTED,
                        _imported(article_id, len(draft.spans)),
                        article_id,
                        len(draft.spans),
                        draft.title,
                    )
                )
    except sa.exc.SQLAlchemyError:
        return [store_draft(project, draft, name) for name, draft in drafts]
    return results


def import_url(
    project: Project,
    url: str,
    meta: ArticleMeta,
    *,
    timeout: float | None = None,
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Fetch a URL (see `app.services.fetch` for the bounds) and import what it holds.

    The article's url is the one given in `meta`, else the URL reached after redirects.
    """
    try:
        fetched = fetch.fetch_url(url, timeout=timeout, max_bytes=max_bytes)
        document = replace(_read(fetched.data, fetched.format, url), url=fetched.url)
        draft = draft_from_document(document, meta, origin_name=url, progress=progress)
    except InputError as error:
        return ImportResult(url, Outcome.REFUSED, error.words)
    return store_draft(project, draft, url)


def _read(data: bytes, fmt: str, name: str) -> Document:
    try:
        return read_document(data, fmt, name)
    except InputError:
        raise
    except Exception as error:
        # A parser's own failure on a strange file must refuse that file, not stop a folder.
        raise InputError(
            QT_TRANSLATE_NOOP("Refusals", "{name} cannot be read ({kind}: {reason})").format(
                name=name, kind=type(error).__name__, reason=str(error)
            )
        ) from error


def _import_qdpx(project: Project, path: Path, source_map: Mapping[str, str]) -> ImportResult:
    try:
        report = qdpx_import.import_qdpx(project, path, source_map=source_map)
    except InputError as error:
        return ImportResult(str(path), Outcome.REFUSED, error.words)
    outcome = Outcome.IMPORTED if report.changed else Outcome.DUPLICATE
    return ImportResult(str(path), outcome, report.summary(), None, report.statements_created)


ImportItem = Path | str | SkippedFile


def expand_paths(paths: Iterable[Path | str | SkippedFile]) -> Iterator[ImportItem]:
    """URLs and files as given, and the files of folders, recursively, in name order.

    A folder's article files are yielded as paths; its other files as `SkippedFile`s, so the
    report accounts for every file the researcher can see. Hidden files and folders (``.git``,
    ``.DS_Store``) are passed over in silence. A `.qdpx` inside a folder is skipped: it is a
    whole project whose codes may need `--map`, so it is imported only when named on its own.
    """
    for item in paths:
        if isinstance(item, SkippedFile) or (isinstance(item, str) and fetch.is_url(item)):
            yield item
            continue
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if not child.is_file():
                continue
            suffix = child.suffix.lower()
            if suffix in SUFFIXES:
                yield child
            elif suffix == QDPX_SUFFIX:
                yield SkippedFile(
                    child, QT_TRANSLATE_NOOP("Refusals", "a REFI-QDA project: import it on its own")
                )
            elif suffix:
                yield SkippedFile(
                    child,
                    QT_TRANSLATE_NOOP("Refusals", "not an article file ({suffix})").format(
                        suffix=suffix
                    ),
                )
            else:
                yield SkippedFile(
                    child, QT_TRANSLATE_NOOP("Refusals", "not an article file (no extension)")
                )


def import_paths(
    project: Project,
    paths: Iterable[Path | str | SkippedFile],
    meta: ArticleMeta,
    progress: Callable[[ImportResult], bool] | None = None,
    *,
    source_map: Mapping[str, str] | None = None,
    batch_size: int = 100,
    segmenting: Callable[[str, float], None] | None = None,
) -> ImportReport:
    """Import files, folders and http(s) URLs, committing articles in batches.

    `progress` is called after each input is read (for a file waiting for its batch's commit,
    with a provisional result); returning False cancels: what was read so far is committed,
    nothing after it is read. A crash loses at most the batch in flight, never half an article.
    `segmenting`, if given, is called while an article is segmented with its name and the
    fraction of its body done, so a long article shows progress of its own.
    """
    results: list[ImportResult | None] = []
    pending: list[tuple[int, str, ArticleDraft]] = []

    def flush() -> None:
        stored = store_drafts(project, [(name, draft) for _i, name, draft in pending])
        for (index, _name, _draft), result in zip(pending, stored, strict=True):
            results[index] = result
        pending.clear()

    def article_progress(name: str) -> Progress | None:
        if segmenting is None:
            return None
        return lambda fraction: segmenting(name, fraction)

    for path in expand_paths(paths):
        index = len(results)
        results.append(None)
        queued = False
        if isinstance(path, SkippedFile):
            result = ImportResult(str(path.path), Outcome.SKIPPED, path.reason)
        elif isinstance(path, str):
            flush()
            result = import_url(project, path, meta, progress=article_progress(path))
        elif not path.exists():
            result = ImportResult(
                str(path), Outcome.REFUSED, QT_TRANSLATE_NOOP("Refusals", "no such file")
            )
        elif path.suffix.lower() == QDPX_SUFFIX:
            flush()
            result = _import_qdpx(project, path, source_map or {})
        else:
            prepared = prepare_file(path, meta, progress=article_progress(str(path)))
            if isinstance(prepared, ImportResult):
                result = prepared
            else:
                pending.append((index, str(path), prepared))
                queued = True
                result = ImportResult(
                    str(path),
                    Outcome.IMPORTED,
                    QT_TRANSLATE_NOOP("Refusals", "read; stored with its batch"),
                    None,
                    len(prepared.spans),
                )
                if len(pending) >= batch_size:
                    flush()
        if not queued:
            results[index] = result
        if progress is not None and progress(results[index] or result) is False:
            break
    flush()
    return ImportReport([r for r in results if r is not None])
