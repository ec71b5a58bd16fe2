"""Reading tags back from a Sourcetrack CSV export (`import-tags`).

The file is read, parsed and checked whole before anything is written, with read transactions
only: a malformed file, an unknown article, source or level, or a statement the rows cannot make
refuses the file and changes nothing. It is then written in batches, one write transaction
each, so that the window and other commands get the write lock between two batches instead of
failing with "database is locked" behind one transaction of minutes. Rows are matched to
articles by title and by the statement text at its offsets, so a CSV imports into another
project holding the same articles. Importing the same file twice adds nothing (see
`import_tags`).

A row whose source is empty and whose stance is "no source" is a statement its annotator marked
"no source" (see `app.domain.judgements`), as the export writes one: it is marked, unless that
annotator has tagged the statement (a tag wins: the row counts as kept); a tag row takes its
annotator's mark off the statement, as tagging in the window does.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from app.domain.changes import Changes
from app.domain.edits import TagKey, TagValues
from app.domain.judgements import NO_SOURCE, MarkKey
from app.domain.model import DomainError, Origin, Span, Stance, validate_claim_label
from app.domain.spreadsheet import restore
from app.domain.wording import Words
from app.services.editing import _trimmed as trimmed  # the trimming carve_statement applies
from app.services.editing import carve_statement
from app.services.project import Project, default_annotator
from app.services.reading import InputError, read_file_bytes
from app.services.tag_import_words import (
    AND_PROBLEM,
    ARTICLE_GONE,
    BAD_OFFSETS,
    CHANGED_DURING_IMPORT,
    CROSSES_STATEMENTS,
    CSV_BROKEN,
    CSV_TOO_LARGE,
    FILE_NOT_IMPORTED,
    IMPORTED_IN_PART,
    LEVEL_GONE,
    LINE_PROBLEM,
    LINES_FAILED,
    MARK_HAS_VALUE,
    MARK_NAMES_SOURCE,
    MISSING_COLUMNS,
    NO_SUCH_STATEMENT,
    NOT_UTF8,
    NOTHING_WRITTEN,
    RUNS_PAST_STATEMENT,
    SOURCE_GONE,
    STATEMENT_PROBLEM,
    UNKNOWN_SOURCE,
    UNKNOWN_STANCE,
    WRONG_FIELD_COUNT,
)
from app.services.tagging import resolve_level
from app.store import articles as article_store
from app.store import judgements as judgement_store
from app.store import queries
from app.store import tags as tag_store

REQUIRED = ("article_title", "start", "end", "statement_text", "source", "stance")
MAX_CSV_BYTES = 512 * 1024 * 1024
MAX_FIELD = 1024 * 1024
# Rows per write transaction. A row costs about a millisecond (a few statements built and run),
# so a batch holds the lock for about half a second: a waiting edit of the window is delayed by
# that much at most, far below the 10 s busy timeout, even on a loaded machine.
BATCH_ROWS = 500
_MAX_ERRORS_SHOWN = 5
# Between two batches the lock is left free for this long. A writer of this app waiting for it
# tries again every 4 ms at most (`store.engine._begin_immediate`); were the next batch to begin
# at once, the lock would be free for microseconds and the waiter would seldom see it.
_PAUSE_BETWEEN_BATCHES = 0.02

Progress = Callable[[int, int], None]  # (rows written so far, rows in the file)



@dataclass
class TagImportReport:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # rows the project's own wins over: a tag changed since, a tag beside a mark
    statements_created: int = 0
    claims_linked: int = 0

    @property
    def changes(self) -> Changes:
        """Tags, statements and claim links anywhere in the project may have changed."""
        written = self.added or self.updated or self.statements_created or self.claims_linked
        return Changes.everything() if written else Changes()

    def add(self, other: TagImportReport) -> None:
        """Count a committed batch's report into this one (`rows` is the file's, not summed)."""
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.kept += other.kept
        self.statements_created += other.statements_created
        self.claims_linked += other.claims_linked


class ImportInterrupted(InputError):
    """An import stopped at a batch: the rows of the batches before it are in the project.

    Raised when the project changed between the check and a batch (another writer deleted what
    a row needs) or stayed locked by another writer; the failed batch itself wrote nothing.
    """

    def __init__(self, message: Words, rows_written: int, rows: int) -> None:
        super().__init__(message)
        self.rows_written = rows_written
        self.rows = rows


@dataclass(frozen=True, slots=True)
class PlannedTag:
    """One checked row, ready to write: ids resolved, values parsed (`line`: where in the CSV)."""

    article_id: int
    span: Span
    source_id: int | None  # None: a "no source" mark (stance NO_SOURCE)
    stance: str
    level_id: int | None
    note: str
    annotator: str
    origin: str
    created_at: datetime | None
    updated_at: datetime | None
    claims: tuple[str, ...]
    line: int = 0


def _parse_time(text: str) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _as_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _file_wins(in_file: datetime | None, in_project: datetime | None) -> bool:
    """Whether a row that differs from the project's tag replaces it.

    The export writes `updated_at` to the second. A row stamped as the project's tag (to the
    second) was edited after the export, in a spreadsheet: it wins, and the tag is stamped now.
    A tag changed in the project since the export is newer than the row: the project's stays
    (and the report counts it as kept). A row without a time is taken as the newer.
    """
    if in_file is None or in_project is None:
        return True
    return in_file >= _seconds(in_project)


def _seconds(value: datetime) -> datetime:
    """A stored time as the export writes it: UTC, to the second."""
    aware = _as_utc(value)
    assert aware is not None
    return aware.replace(microsecond=0)


def import_tags(
    project: Project,
    path: Path,
    *,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
) -> TagImportReport:
    """Import a tag CSV; raises InputError (nothing written) if any row is wrong.

    Every check is made before the first write. The rows are then written `batch_rows` at a
    time, one write transaction per batch, in the file's order; `progress` is called after each
    committed batch, while the lock is free. Should the project change under a batch (another
    writer deleted an article, source, level or split a statement a row needs) or stay locked,
    that batch writes nothing and ImportInterrupted says how many rows were written before it.

    Re-running the same import completes an import that was interrupted or killed, and adds
    nothing twice: a tag is unique per statement, source and annotator, so a row already
    written finds its tag with the same values and counts as unchanged; a statement it made is
    found, not made again; a claim link is made once. A row edited in a spreadsheet after the
    export won over the tag when it was written, so on the second run they are equal; a tag
    changed in the project since the export is kept, on either run. Only the report differs:
    a second run counts as unchanged what the first added or updated.
    """
    path = Path(path)
    checked = _check_file(project, path)
    return _write(project, path.name, checked, max(1, batch_rows), progress)


# --- the check: read, parse and resolve every row, writing nothing ---


@dataclass
class _Checked:
    plans: list[PlannedTag]
    titles: dict[int, str] = field(default_factory=dict)  # for messages about a later batch
    sources: dict[int, str] = field(default_factory=dict)


def _check_file(project: Project, path: Path) -> _Checked:
    try:
        too_large = path.stat().st_size > MAX_CSV_BYTES
    except OSError:
        too_large = False  # read_file_bytes says why the file cannot be read
    if too_large:  # in the words `import-tags` has always refused it with
        raise InputError(CSV_TOO_LARGE.format(name=path.name, size=MAX_CSV_BYTES // 2**20))
    data = read_file_bytes(path, MAX_CSV_BYTES, "CSV files")
    csv.field_size_limit(MAX_FIELD)
    # Decoded as it is parsed, from the bytes in memory: no second copy of a large file.
    handle = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    reader = csv.DictReader(handle, strict=True)
    try:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(MISSING_COLUMNS.format(name=path.name, columns=", ".join(missing)))
        errors: list[Words] = []
        with project.read() as conn:
            check = _Check(conn)
            for number, row in enumerate(reader, start=2):
                if len(errors) >= _MAX_ERRORS_SHOWN:
                    continue  # read on: broken quoting further down is reported instead
                if None in row or any(v is None for v in row.values()):
                    errors.append(WRONG_FIELD_COUNT.format(line=number))
                    continue
                try:
                    check.plan(number, row)
                except DomainError as error:
                    errors.append(LINE_PROBLEM.format(line=number, reason=error.words))
    except UnicodeDecodeError as error:
        raise InputError(NOT_UTF8.format(name=path.name)) from error
    except csv.Error as error:
        raise InputError(
            CSV_BROKEN.format(name=path.name, line=reader.line_num, reason=str(error))
        ) from error
    if errors:
        problems = errors[0]
        for problem in errors[1:]:
            problems = AND_PROBLEM.format(problems=problems, problem=problem)
        raise InputError(FILE_NOT_IMPORTED.format(name=path.name, problems=problems))
    return _Checked(check.plans, check.titles, check.sources)


class _Check:
    """The look-ups of one check, each made once: a CSV names the same few titles, sources and
    levels row after row, and asking the database again on every row is most of a check's time
    (the title look-up reads whole article bodies)."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.plans: list[PlannedTag] = []
        self.titles: dict[int, str] = {}
        self.sources: dict[int, str] = {}
        self._articles: dict[str, list[tuple[int, str]]] = {}
        self._source_ids: dict[str, int | None] = {}
        self._levels: dict[tuple[str | None, str | None], int | None | DomainError] = {}
        self._spans: dict[int, set[tuple[int, int]]] = {}

    def plan(self, line: int, row: dict[str, str]) -> None:
        def text(column: str) -> str:
            return restore(row.get(column) or "")

        try:
            start, end = int(row["start"]), int(row["end"])
            span = Span(start, end)
        except ValueError as error:
            raise DomainError(BAD_OFFSETS.format(start=row["start"], end=row["end"])) from error
        statement_text = text("statement_text")
        title = text("article_title")
        matching = [
            (article_id, body)
            for article_id, body in self._by_title(title)
            if body[span.start : span.end] == statement_text
        ]
        if not matching:
            raise DomainError(NO_SUCH_STATEMENT.format(title=title, start=start, end=end))
        wanted_id = row.get("article_id", "")
        article_id, body = next((a for a in matching if str(a[0]) == wanted_id), matching[0])
        source = text("source")
        if row["stance"].strip() == NO_SOURCE:
            self._plan_mark(line, row, article_id, body, span, source, title)
            return
        try:
            stance = Stance(row["stance"].strip())
        except ValueError as error:
            raise DomainError(UNKNOWN_STANCE.format(stance=row["stance"])) from error
        source_id = self._source(source)
        if source_id is None:
            raise DomainError(UNKNOWN_SOURCE.format(source=source))
        label = text("confidence_label")
        level_id = self._level(
            label or row.get("confidence_rank") or None, row.get("confidence_rank")
        )
        try:
            origin = Origin(row.get("origin") or Origin.IMPORTED.value)
        except ValueError:
            origin = Origin.IMPORTED
        claims = tuple(validate_claim_label(c) for c in text("claims").split("; ") if c.strip())
        self._follow_carve(article_id, body, span)
        self.titles[article_id] = title
        self.sources[source_id] = source
        self.plans.append(
            PlannedTag(
                article_id=article_id,
                span=span,
                source_id=source_id,
                stance=stance.value,
                level_id=level_id,
                note=text("note"),
                annotator=text("annotator") or default_annotator(),
                origin=origin.value,
                created_at=_parse_time(row.get("created_at", "")),
                updated_at=_parse_time(row.get("updated_at", "")),
                claims=claims,
                line=line,
            )
        )

    def _plan_mark(
        self,
        line: int,
        row: dict[str, str],
        article_id: int,
        body: str,
        span: Span,
        source: str,
        title: str,
    ) -> None:
        """A "no source" row: a statement marked by its annotator; it names no source and
        carries no level nor note (a file that gives one would lose it: refused)."""
        if source.strip():
            raise DomainError(MARK_NAMES_SOURCE.format(stance=NO_SOURCE, source=source))
        given = [
            column
            for column in ("confidence_rank", "confidence_label", "note")
            if (row.get(column) or "").strip()
        ]
        if given:
            columns = dict(zip(("first", "second", "third"), given, strict=False))
            raise DomainError(MARK_HAS_VALUE[len(given) - 1].format(stance=NO_SOURCE, **columns))
        claims = tuple(
            validate_claim_label(c)
            for c in restore(row.get("claims") or "").split("; ")
            if c.strip()
        )
        self._follow_carve(article_id, body, span)
        self.titles[article_id] = title
        self.plans.append(
            PlannedTag(
                article_id=article_id,
                span=span,
                source_id=None,
                stance=NO_SOURCE,
                level_id=None,
                note="",
                annotator=restore(row.get("annotator") or "") or default_annotator(),
                origin=Origin.MANUAL.value,
                created_at=_parse_time(row.get("created_at", "")),
                updated_at=None,
                claims=claims,
                line=line,
            )
        )

    def _by_title(self, title: str) -> list[tuple[int, str]]:
        if title not in self._articles:
            self._articles[title] = article_store.find_articles_by_title(self.conn, title)
        return self._articles[title]

    def _source(self, name: str) -> int | None:
        if name not in self._source_ids:
            self._source_ids[name] = tag_store.source_id_by_name(self.conn, name)
        return self._source_ids[name]

    def _level(self, confidence: str | None, rank_hint: str | None) -> int | None:
        key = (confidence, rank_hint)
        if key not in self._levels:
            try:
                self._levels[key] = resolve_level(self.conn, confidence, rank_hint=rank_hint)
            except DomainError as error:
                self._levels[key] = error  # the refusal is the same for every such row
        found = self._levels[key]
        if isinstance(found, DomainError):
            raise found.with_traceback(None)
        return found

    def _follow_carve(self, article_id: int, body: str, span: Span) -> None:
        """Make, in memory, the statements `carve_statement` will make for this row, and raise
        its refusal now: a row may need a statement an earlier row of the file cuts, so each
        article's statements are followed row after row, as the writes will leave them."""
        spans = self._spans.get(article_id)
        if spans is None:
            spans = {(a, b) for _id, a, b in article_store.statement_spans(self.conn, article_id)}
            self._spans[article_id] = spans
        s, e = span.start, span.end
        if (s, e) in spans:
            return
        overlapping = [(a, b) for a, b in spans if a < e and s < b]
        try:
            if len(overlapping) > 1:
                raise DomainError(CROSSES_STATEMENTS)
            if overlapping:
                a, b = overlapping[0]
                if s < a or e > b:
                    raise DomainError(RUNS_PAST_STATEMENT)
                pieces = []
                if s > a:
                    pieces.append(Span(*trimmed(body, a, s)))  # refused as `set_span` refuses
                if e < b:
                    tail = trimmed(body, e, b)
                    if tail[1] > tail[0]:
                        pieces.append(Span(*tail))
                spans.discard((a, b))
                spans.update((p.start, p.end) for p in pieces)
        except DomainError as error:
            raise DomainError(
                STATEMENT_PROBLEM.format(start=s, end=e, reason=error.words)
            ) from error
        spans.add((s, e))


# --- the writes: one transaction per batch ---


def _write(
    project: Project, name: str, checked: _Checked, batch_rows: int, progress: Progress | None
) -> TagImportReport:
    plans = checked.plans
    report = TagImportReport(rows=len(plans))
    written = 0
    while written < len(plans):
        if written:
            time.sleep(_PAUSE_BETWEEN_BATCHES)
        batch = plans[written : written + batch_rows]
        counts = TagImportReport()  # kept only once its batch is committed
        current = batch[0]
        try:
            with project.write() as conn:
                gone = _gone(conn, batch, checked)
                if gone is not None:
                    current, problem = gone
                    raise DomainError(problem)
                for current in batch:
                    apply_planned_tag(conn, current, counts)
        except DomainError as error:
            what = CHANGED_DURING_IMPORT.format(line=current.line, reason=error.words)
            raise _interrupted(name, plans, written, what) from error
        except (sa.exc.OperationalError, sa.exc.IntegrityError) as error:
            # Locked past the busy timeout, or a change the re-check did not foresee: the
            # batches before are committed, so say how far the import got.
            what = LINES_FAILED.format(
                first=batch[0].line, last=batch[-1].line, reason=str(error.orig)
            )
            raise _interrupted(name, plans, written, what) from error
        report.add(counts)
        written += len(batch)
        if progress is not None:
            progress(written, len(plans))
    return report


def _gone(
    conn: sa.Connection, batch: list[PlannedTag], checked: _Checked
) -> tuple[PlannedTag, Words] | None:
    """The first row of the batch whose article, source or confidence level another writer
    deleted after the check, and what is gone (three queries: cheap next to the batch's writes).
    A statement changed since is `apply_planned_tag`'s to handle, as if the check had seen it."""
    present = queries.existing_references(
        conn,
        {p.article_id for p in batch},
        {p.source_id for p in batch if p.source_id is not None},
        {p.level_id for p in batch if p.level_id is not None},
    )
    for plan in batch:
        if plan.article_id not in present.articles:
            title = checked.titles.get(plan.article_id, "")
            return plan, ARTICLE_GONE.format(title=title)
        if plan.source_id is not None and plan.source_id not in present.sources:
            source = checked.sources.get(plan.source_id, "")
            return plan, SOURCE_GONE.format(source=source)
        if plan.level_id is not None and plan.level_id not in present.levels:
            return plan, LEVEL_GONE
    return None


def _interrupted(
    name: str, plans: list[PlannedTag], written: int, what: Words
) -> ImportInterrupted:
    rows = len(plans)
    if not written:
        message = NOTHING_WRITTEN.format(name=name, problem=what)
    else:
        message = IMPORTED_IN_PART.format(
            name=name, problem=what, last=plans[written - 1].line, written=written, rows=rows
        )
    return ImportInterrupted(message, written, rows)


def apply_planned_tag(conn: sa.Connection, plan: PlannedTag, report: TagImportReport) -> None:
    """Write one resolved tag, counting into `report`.

    Shared with the REFI-QDA import, so both merge tags the same way: a missing statement is
    made, an equal tag is unchanged, a differing one is replaced only by a newer `updated_at`.
    """
    span = plan.span
    statement_id = article_store.find_statement(conn, plan.article_id, span.start, span.end)
    if statement_id is None:
        # As a selection in the window: inside a statement, that one is cut around it (each
        # piece keeps its tags); across statements it is refused. Statements never overlap.
        body = article_store.article_body(conn, plan.article_id) or ""
        had = len(article_store.statement_spans(conn, plan.article_id))
        try:
            statement_id = carve_statement(conn, plan.article_id, body, span)
        except DomainError as error:
            problem = STATEMENT_PROBLEM.format(start=span.start, end=span.end, reason=error.words)
            raise DomainError(problem) from error
        report.statements_created += len(article_store.statement_spans(conn, plan.article_id))
        report.statements_created -= had
    annotator_id = tag_store.annotator_id(conn, plan.annotator)
    assert annotator_id is not None
    now = tag_store.now()
    if plan.source_id is None:
        _apply_planned_mark(conn, MarkKey(statement_id, annotator_id), plan, report, now)
        _link_claims(conn, statement_id, plan.claims, report)
        return
    key = TagKey(statement_id, plan.source_id, annotator_id)
    stance = Stance(plan.stance)
    existing = tag_store.get_attribution(conn, statement_id, plan.source_id, annotator_id)
    if existing is None:
        values = TagValues(stance, plan.level_id, plan.note, Origin(plan.origin))
        tag_store.insert_attribution(
            conn, key, values, plan.created_at or now, plan.updated_at or now
        )
        judgement_store.delete_mark(conn, MarkKey(statement_id, annotator_id))  # a tag wins
        report.added += 1
    elif (existing.stance, existing.confidence_level_id, existing.note) == (
        stance,
        plan.level_id,
        plan.note,
    ):
        report.unchanged += 1
    elif _file_wins(plan.updated_at, existing.updated_at):
        # A later time from the file is kept (when the change was made); a spreadsheet edit of
        # an exported row carries the old time, so the change is stamped now. The tag keeps its
        # origin: the file changes what it says, not how it came to be.
        stamp = plan.updated_at
        if stamp is None or not stamp > _seconds(existing.updated_at):
            stamp = now
        values = TagValues(stance, plan.level_id, plan.note, existing.origin)
        tag_store.update_attribution(conn, existing.id, values, stamp)
        report.updated += 1
    else:
        report.kept += 1
    _link_claims(conn, statement_id, plan.claims, report)


def _apply_planned_mark(
    conn: sa.Connection, key: MarkKey, plan: PlannedTag, report: TagImportReport, now: datetime
) -> None:
    """Mark a statement "no source" for the row's annotator, unless they tagged it."""
    if judgement_store.get_mark(conn, key) is not None:
        report.unchanged += 1
    elif judgement_store.tag_sources(conn, key.statement_id, key.annotator_id):
        report.kept += 1
    else:
        judgement_store.insert_mark(conn, key, plan.created_at or now)
        report.added += 1


def _link_claims(
    conn: sa.Connection, statement_id: int, labels: tuple[str, ...], report: TagImportReport
) -> None:
    for label in labels:
        claim = tag_store.claim_id(conn, label)
        assert claim is not None
        if tag_store.link_claim(conn, statement_id, claim):
            report.claims_linked += 1
