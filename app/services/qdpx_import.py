"""Importing a REFI-QDA project (.qdpx): text sources become articles, codings become tags.

The file is read and checked whole first (`app.services.qdpx_read`), then everything is
resolved against the project and written in one transaction: a file that is wrong anywhere
changes nothing.

Codes are read by their names (see `app.domain.refi`): "stance: …", "confidence: …" and
"claim: …" are those axes; any other code is a source when its name (or `--map CODE=SOURCE`)
names one of the project's sources or aliases, and is otherwise left out and reported. A
.qdpx written by Sourcetrack also brings its sources (under the Sources group code), and its
articles keep exactly the statements it holds; a text from another program is segmented into
sentences like any imported text, and its coded selections become statements too.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.domain import refi
from app.domain.language import detect_language
from app.domain.model import ArticleDraft, DomainError, Origin, Span, Stance, validate_claim_label
from app.domain.text import body_sha256, normalise_with_origins
from app.services.project import Project, default_annotator
from app.services.qdpx_read import Code, QdpxProject, Selection, Source, file_sha256, read_qdpx
from app.services.reading import InputError
from app.services.segmentation import segment
from app.services.tag_import import PlannedTag, TagImportReport, apply_planned_tag
from app.services.tagging import resolve_level
from app.store import articles as article_store
from app.store import qdpx as qdpx_store
from app.store import tags as tag_store

_FALLBACK_COLOUR = "#8C8C8C"


@dataclass
class QdpxImportReport:
    """What an import did, for the one-line report."""

    articles_added: int = 0
    articles_found: int = 0  # already in the project (same body)
    statements_created: int = 0
    sources_added: list[str] = field(default_factory=list)
    tags: TagImportReport = field(default_factory=TagImportReport)
    unmapped: Counter[str] = field(default_factory=Counter)  # code name → codings left out
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.articles_added or self.statements_created or self.sources_added
            or self.tags.added or self.tags.updated or self.tags.claims_linked
        )  # fmt: skip

    def summary(self) -> str:
        parts = [
            f"{self.articles_added} articles added, {self.articles_found} already there",
            f"{self.tags.added} tags added, {self.tags.updated} updated, "
            f"{self.tags.unchanged} unchanged"
            + (f", {self.tags.kept} kept (changed in the project since)" if self.tags.kept else ""),
            f"{self.statements_created} statements made",
        ]
        if self.sources_added:
            parts.append("new sources: " + ", ".join(self.sources_added))
        if self.unmapped:
            names = ", ".join(f"'{n}' ({c})" for n, c in sorted(self.unmapped.items()))
            parts.append(f"codings of codes matching no source left out: {names}; "
                         "use --map CODE=SOURCE")  # fmt: skip
        if self.skipped:
            parts.append("not imported: " + ", ".join(self.skipped))
        return "; ".join(parts)


def import_qdpx(
    project: Project, path: Path, *, source_map: Mapping[str, str] | None = None
) -> QdpxImportReport:
    """Import a .qdpx; InputError (nothing written) if the file or a mapping is wrong."""
    path = Path(path)
    qdpx = read_qdpx(path)
    digest = file_sha256(path)
    report = QdpxImportReport(skipped=list(qdpx.skipped))
    try:
        with project.write() as conn:
            _Importer(conn, qdpx, path.name, digest, source_map or {}, report).run()
    except DomainError as error:
        raise InputError(f"{path.name} was not imported: {error}") from error
    return report


@dataclass
class _Meaning:
    kind: str  # source, stance, level, claim, or unmapped
    value: Any  # source id, stance, level id, claim label, or the code's name


class _Importer:
    def __init__(
        self, conn: sa.Connection, qdpx: QdpxProject, name: str, digest: str,
        source_map: Mapping[str, str], report: QdpxImportReport,
    ) -> None:  # fmt: skip
        self.conn, self.qdpx, self.name, self.digest = conn, qdpx, name, digest
        self.given_map = dict(source_map)
        self.source_map = {" ".join(k.split()).casefold(): v for k, v in source_map.items()}
        self.report = report
        self.meanings: dict[str, _Meaning] = {}
        self.claim_descriptions: dict[str, str] = {}

    def run(self) -> None:
        self._check_map()
        for code in self.qdpx.codes.values():  # parents come before their children
            self.meanings[code.guid] = self._meaning(code)
        for label, description in self.claim_descriptions.items():
            tag_store.claim_id(self.conn, label, description=description)
        for source in self.qdpx.sources:
            self._source(source)

    # --- the codebook -------------------------------------------------------------------------

    def _check_map(self) -> None:
        for code_name, source_name in self.given_map.items():
            if tag_store.source_id_by_name(self.conn, source_name) is None:
                raise InputError(
                    f"--map {code_name}={source_name}: the project has no source "
                    f"'{source_name}' (add it first with 'sources add')"
                )

    def _meaning(self, code: Code) -> _Meaning:
        mapped = self.source_map.get(code.name.casefold())
        if mapped is not None:
            return _Meaning("source", tag_store.source_id_by_name(self.conn, mapped))
        meaning = refi.meaning_of(code.name)
        if meaning.kind == "stance" or code.group == "stances":
            value = meaning.value if meaning.kind == "stance" else code.name.casefold()
            if value not in {s.value for s in Stance}:
                raise InputError(f"{self.name}: the code '{code.name}' names no stance "
                                 "(asserts, denies, neutral)")  # fmt: skip
            return _Meaning("stance", value)
        if meaning.kind == "confidence":
            return _Meaning("level", self._level(code.name, meaning.value))
        if meaning.kind == "claim":
            try:
                label = validate_claim_label(meaning.value)
            except DomainError as error:
                raise InputError(f"{self.name}: the code '{code.name}': {error}") from error
            self.claim_descriptions.setdefault(label, code.description)
            return _Meaning("claim", label)
        if not code.codable or code.guid in refi.GROUP_GUIDS.values():
            return _Meaning("unmapped", code.name)
        source_id = tag_store.source_id_by_name(self.conn, code.name)
        if source_id is None and code.group == "sources" and self.qdpx.by_sourcetrack:
            # A source Sourcetrack wrote is that source, even when its name is another's alias
            # (NIS is an alias of Seoul, and may also be a source of its own).
            source_id = self._add_source(code)
        source_id = source_id or self._by_alias(code.name)
        return _Meaning("source", source_id) if source_id else _Meaning("unmapped", code.name)

    def _level(self, code_name: str, value: str) -> int:
        try:
            found = resolve_level(self.conn, value) if value else None
        except DomainError:  # not a level of the active scale: perhaps of another, below
            found = None
        if found is not None:
            return int(found)
        for label, scale in refi.scaled_label_candidates(value):
            found = qdpx_store.level_in_scale(self.conn, scale, label)
            if found is not None:
                return int(found)
        raise InputError(f"{self.name}: the code '{code_name}' names no confidence level of "
                         "this project")  # fmt: skip

    def _by_alias(self, name: str) -> int | None:
        wanted = name.casefold()
        for source in tag_store.list_sources(self.conn):
            for aliases in source.aliases.values():
                if any(alias.casefold() == wanted for alias in aliases):
                    return source.id
        return None

    def _add_source(self, code: Code) -> int:
        parent = self.meanings.get(code.parent) if code.parent else None
        colour = code.colour or _FALLBACK_COLOUR
        if len(colour) == 4:  # #RGB
            colour = "#" + "".join(ch * 2 for ch in colour[1:])
        source_id = tag_store.add_source(
            self.conn, code.name, colour, code.description,
            parent_id=parent.value if parent and parent.kind == "source" else None,
        )  # fmt: skip
        self.report.sources_added.append(code.name)
        return source_id

    # --- sources, statements, tags ------------------------------------------------------------

    def _source(self, source: Source) -> None:
        body, origins = normalise_with_origins(source.text)
        selections = []
        for selection in source.selections:
            span = _mapped_span(body, origins, selection.start, selection.end)
            if span is not None:
                selections.append((span, selection))
        if not body.strip():
            if selections:
                raise InputError(f"{self.name}: '{source.name}' has codings but no text")
            self.report.skipped.append(f"empty source '{source.name}'")
            return
        article_id = self._article(source, body, [span for span, _ in selections])
        by_span: dict[Span, list[Selection]] = {}
        for span, selection in selections:
            by_span.setdefault(span, []).append(selection)
        for span, group in by_span.items():
            self._span(article_id, span, group)

    def _article(self, source: Source, body: str, spans: list[Span]) -> int:
        digest = body_sha256(body)
        existing = article_store.find_by_body_sha(self.conn, digest)
        if existing is not None:
            self.report.articles_found += 1
            return int(existing)
        values = source.variables
        language = values.get("language") or detect_language(body)
        if self.qdpx.by_sourcetrack:
            statements = sorted(set(spans), key=lambda s: (s.start, s.end))
        else:
            # The coded selections, and the sentences that no selection touches: a sentence
            # that overlapped a selection would show its words twice over.
            coded = set(spans)
            free = [s for s in segment(body, language)
                    if not any(c.start < s.end and s.start < c.end for c in coded)]  # fmt: skip
            statements = sorted(coded | set(free), key=lambda s: (s.start, s.end))
        draft = ArticleDraft(
            title=source.name[:500],
            body=body,
            language=language,
            outlet=values.get("outlet"),
            url=values.get("url"),
            author=values.get("author"),
            published=_date(values.get("published")),
            origin_name=self.name,
            origin_format="qdpx",
            origin_sha256=self.digest,
            spans=statements,
        )
        self.report.articles_added += 1
        return article_store.insert_article(self.conn, draft, digest)

    def _span(self, article_id: int, span: Span, group: list[Selection]) -> None:
        if article_store.find_statement(self.conn, article_id, span.start, span.end) is None:
            article_store.add_statement(self.conn, article_id, span)
            self.report.statements_created += 1
        meanings = [[self.meanings[g] for g in s.codes] for s in group]
        shared = [m for ms in meanings if not any(x.kind == "source" for x in ms) for m in ms]
        claims = {m.value for m in shared if m.kind == "claim"}
        tagged = False
        for selection, own in zip(group, meanings, strict=True):
            for meaning in own:
                if meaning.kind == "unmapped":
                    self.report.unmapped[meaning.value] += 1
            sources = [m.value for m in own if m.kind == "source"]
            if not sources:
                continue
            tagged = True
            stance = self._one(own, shared, "stance", Stance.ASSERTS.value)
            level = self._one(own, shared, "level", None)
            labels = sorted(claims | {m.value for m in own if m.kind == "claim"})
            for source_id in dict.fromkeys(sources):
                apply_planned_tag(
                    self.conn,
                    self._plan(article_id, span, selection, source_id, stance, level, labels),
                    self.report.tags,
                )
        if not tagged:
            statement_id = article_store.find_statement(self.conn, article_id, span.start, span.end)
            for label in sorted(claims):
                claim = tag_store.claim_id(self.conn, label)
                if statement_id is not None and claim is not None:
                    self.report.tags.claims_linked += tag_store.link_claim(
                        self.conn, statement_id, claim
                    )

    def _one(self, own: list[_Meaning], shared: list[_Meaning], kind: str, default: Any) -> Any:
        """The selection's single stance (or level), else the one its span shares, else none."""
        for candidates in (own, shared):
            values = {m.value for m in candidates if m.kind == kind}
            if len(values) > 1:
                what = "stances" if kind == "stance" else "confidence levels"
                raise InputError(
                    f"{self.name}: one selection carries {len(values)} different {what}"
                )
            if values:
                return values.pop()
        return default

    def _plan(
        self, article_id: int, span: Span, selection: Selection, source_id: int, stance: str,
        level: int | None, claims: list[str],
    ) -> PlannedTag:  # fmt: skip
        annotator = self.qdpx.users.get(selection.user or "") or default_annotator()
        return PlannedTag(
            article_id=article_id,
            span=span,
            source_id=source_id,
            stance=stance,
            level_id=level,
            note=selection.note,
            annotator=annotator,
            origin=Origin.IMPORTED.value,
            created_at=selection.created,
            updated_at=selection.modified,
            claims=tuple(claims),
        )


def _mapped_span(body: str, origins: list[int], start: int, end: int) -> Span | None:
    """A selection over the text as written, as a span of the body, trimmed of blanks."""
    first = bisect.bisect_left(origins, start)
    last = bisect.bisect_left(origins, end)
    while first < last and body[first].isspace():
        first += 1
    while last > first and body[last - 1].isspace():
        last -= 1
    return Span(first, last) if last > first else None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
