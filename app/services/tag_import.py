"""Reading tags back from a Sourcetrack CSV export (`import-tags`).

The whole file is validated before anything is written, and written in one transaction: a
malformed file changes nothing. Rows are matched to articles by title and by the statement text
at its offsets, so a CSV imports into another project holding the same articles. Importing the
same file twice adds nothing: an attribution is unique per statement, source and annotator, and a
row whose values are already there is counted as unchanged.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.domain.model import DomainError, Origin, Span, Stance, validate_claim_label
from app.domain.spreadsheet import restore
from app.services.editing import carve_statement
from app.services.project import Project, default_annotator
from app.services.reading import InputError
from app.services.tagging import resolve_level
from app.store import articles as article_store
from app.store import tags as tag_store

REQUIRED = ("article_title", "start", "end", "statement_text", "source", "stance")
MAX_CSV_BYTES = 512 * 1024 * 1024
MAX_FIELD = 1024 * 1024
_MAX_ERRORS_SHOWN = 5


@dataclass
class TagImportReport:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # rows that differ from a tag changed in the project since: the project's stays
    statements_created: int = 0
    claims_linked: int = 0


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


def import_tags(project: Project, path: Path) -> TagImportReport:
    """Import a tag CSV; raises InputError (nothing written) if any row is wrong."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise InputError(f"{path.name} is larger than {MAX_CSV_BYTES // 2**20} MB")
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"cannot read {path.name}: {error.strerror}") from error
    csv.field_size_limit(MAX_FIELD)
    with handle:
        try:
            reader = csv.DictReader(handle, strict=True)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise InputError(
                    f"{path.name} is not a Sourcetrack tag CSV: "
                    f"missing column(s) {', '.join(missing)}"
                )
            rows = list(reader)
        except UnicodeDecodeError as error:
            raise InputError(f"{path.name} is not UTF-8 text") from error
        except csv.Error as error:
            raise InputError(f"{path.name}, line {reader.line_num}: {error}") from error
    report = TagImportReport(rows=len(rows))
    with project.write() as conn:
        errors: list[str] = []
        planned = []
        for number, row in enumerate(rows, start=2):
            if None in row or any(v is None for v in row.values()):
                errors.append(f"line {number}: wrong number of fields")
                continue
            try:
                planned.append((number, _resolve(conn, row)))
            except DomainError as error:
                errors.append(f"line {number}: {error}")
            if len(errors) >= _MAX_ERRORS_SHOWN:
                break
        if errors:
            raise InputError(f"{path.name} was not imported; " + "; ".join(errors))
        for number, plan in planned:
            try:
                apply_planned_tag(conn, plan, report)
            except DomainError as error:  # raised inside the transaction: nothing is kept
                raise InputError(f"{path.name} was not imported; line {number}: {error}") from error
    return report


def _resolve(conn: sa.Connection, row: dict[str, str]) -> dict[str, Any]:
    def text(column: str) -> str:
        return restore(row.get(column) or "")

    try:
        start, end = int(row["start"]), int(row["end"])
        span = Span(start, end)
    except ValueError as error:
        raise DomainError(f"bad offsets {row['start']!r}..{row['end']!r}") from error
    statement_text = text("statement_text")
    title = text("article_title")
    candidates = article_store.find_articles_by_title(conn, title)
    matching = [a for a in candidates if a.body[span.start : span.end] == statement_text]
    if not matching:
        raise DomainError(f"no article titled {title!r} has that statement text at {start}..{end}")
    wanted_id = row.get("article_id", "")
    article = next((a for a in matching if str(a.id) == wanted_id), matching[0])
    try:
        stance = Stance(row["stance"].strip())
    except ValueError as error:
        raise DomainError(f"unknown stance {row['stance']!r}") from error
    source = text("source")
    source_id = tag_store.source_id_by_name(conn, source)
    if source_id is None:
        raise DomainError(f"unknown source {source!r} (add it first with 'sources add')")
    label = text("confidence_label")
    level_id = resolve_level(
        conn, label or row.get("confidence_rank") or None, rank_hint=row.get("confidence_rank")
    )
    try:
        origin = Origin(row.get("origin") or Origin.IMPORTED.value)
    except ValueError:
        origin = Origin.IMPORTED
    claims = [validate_claim_label(c) for c in text("claims").split("; ") if c.strip()]
    return {
        "article_id": article.id,
        "span": span,
        "source_id": source_id,
        "stance": stance.value,
        "level_id": level_id,
        "note": text("note"),
        "annotator": text("annotator") or default_annotator(),
        "origin": origin.value,
        "created_at": _parse_time(row.get("created_at", "")),
        "updated_at": _parse_time(row.get("updated_at", "")),
        "claims": claims,
    }


def apply_planned_tag(conn: sa.Connection, plan: dict[str, Any], report: TagImportReport) -> None:
    """Write one resolved tag (see `_resolve` for the keys of `plan`), counting into `report`.

    Shared with the REFI-QDA import, so both merge tags the same way: a missing statement is
    made, an equal tag is unchanged, a differing one is replaced only by a newer `updated_at`.
    """
    span: Span = plan["span"]
    statement_id = article_store.find_statement(conn, plan["article_id"], span.start, span.end)
    if statement_id is None:
        # As a selection in the window: inside a statement, that one is cut around it (each
        # piece keeps its tags); across statements it is refused. Statements never overlap.
        body = article_store.article_body(conn, plan["article_id"]) or ""
        had = len(article_store.statement_spans(conn, plan["article_id"]))
        try:
            statement_id = carve_statement(conn, plan["article_id"], body, span)
        except DomainError as error:
            raise DomainError(f"the statement at {span.start}..{span.end}: {error}") from error
        report.statements_created += len(article_store.statement_spans(conn, plan["article_id"]))
        report.statements_created -= had
    annotator_id = tag_store.annotator_id(conn, plan["annotator"])
    assert annotator_id is not None
    now = tag_store.now()
    values = {
        "stance": plan["stance"],
        "confidence_level_id": plan["level_id"],
        "note": plan["note"],
    }
    existing = tag_store.get_attribution(conn, statement_id, plan["source_id"], annotator_id)
    if existing is None:
        tag_store.insert_attribution(
            conn,
            {
                **values,
                "statement_id": statement_id,
                "source_id": plan["source_id"],
                "annotator_id": annotator_id,
                "origin": plan["origin"],
                "created_at": plan["created_at"] or now,
                "updated_at": plan["updated_at"] or now,
            },
        )
        report.added += 1
    elif all(existing[k] == v for k, v in values.items()):
        report.unchanged += 1
    elif _file_wins(plan["updated_at"], existing["updated_at"]):
        # A later time from the file is kept (when the change was made); a spreadsheet edit of
        # an exported row carries the old time, so the change is stamped now.
        stamp = plan["updated_at"]
        if stamp is None or not stamp > _seconds(existing["updated_at"]):
            stamp = now
        tag_store.update_attribution(conn, existing["id"], {**values, "updated_at": stamp})
        report.updated += 1
    else:
        report.kept += 1
    for label in plan["claims"]:
        claim = tag_store.claim_id(conn, label)
        assert claim is not None
        if tag_store.link_claim(conn, statement_id, claim):
            report.claims_linked += 1
