"""Importing a REFI-QDA project (.qdpx): text sources become articles, codings become tags.

The file is read and checked whole first (`app.services.qdpx_read`), then everything is
resolved against the project and written in one transaction: a file that is wrong anywhere
changes nothing. Each article's statements, tags and claim links go in as one batch each.

Codes are read by their names and places (see `app.domain.refi`): a code under a source's code
named "SOURCE ▸ VALUE" is that source's stance or confidence; "claim: …" is a claim;
"Statements" marks a statement; "stance: …" and "confidence: …" (older Sourcetrack files, other
programs) are axes shared by the sources of their selection. Any other code is a source when its
name (or `--map CODE=SOURCE`) names one of the project's sources or aliases, and is otherwise
left out and reported. A file in Sourcetrack's layout, whether Sourcetrack wrote it or another
program exported it again (QualCoder writes one selection per coding), brings its sources, and
its articles keep exactly the statements it holds; a text from another program keeps its coded
selections as statements and has the paragraphs they leave uncoded split into sentences.

Selections keep their exact positions: a selection that begins or ends with a space is a
statement that does too. Only the normal form of the text (LF line ends, layout blanks) can move
one, and every selection whose text it changed is reported.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from app.domain import refi
from app.domain.edits import TagKey, TagValues
from app.domain.language import detect_language
from app.domain.model import ArticleDraft, DomainError, Origin, Span, Stance, validate_claim_label
from app.domain.refi_tags import Coding, Kind, Meaning, SpanReading, read_span
from app.domain.text import body_sha256, normalise_body, normalise_with_origins, paragraphs
from app.domain.wording import QT_TRANSLATE_NOOP, Count
from app.services.project import Project, default_annotator
from app.services.qdpx_read import Code, QdpxProject, Selection, Source, file_sha256, read_qdpx
from app.services.reading import InputError
from app.services.segmentation import segment
from app.services.tag_import import TagImportReport
from app.services.tag_import import _file_wins as file_wins  # the newer of two tags wins
from app.services.tag_import import _seconds as to_the_second  # stamped to the second
from app.services.tagging import resolve_level
from app.store import articles as article_store
from app.store import qdpx as qdpx_store
from app.store import tags as tag_store

_FALLBACK_COLOUR = "#8C8C8C"
_SHOWN = 10  # moved selections and notes named in the one-line report
_STANCES = {s.value: s for s in Stance}
_LINE_ENDS = re.compile("\r\n?")

# The one-line report of an import, part by part ("; " between two parts); its counts are
# `Count`s, each worded with its plural ("1 tag added", « 2 étiquettes ajoutées »).
ARTICLES_PART = QT_TRANSLATE_NOOP("Refusals", "{added}, {found}")
TAGS_PART = QT_TRANSLATE_NOOP("Refusals", "{added}, {updated}, {unchanged}")
TAGS_KEPT_PART = QT_TRANSLATE_NOOP(
    "Refusals", "{added}, {updated}, {unchanged}, {kept} (changed in the project since)"
)
NEW_SOURCES_PART = QT_TRANSLATE_NOOP("Refusals", "new sources: {names}")
UNMAPPED_PART = QT_TRANSLATE_NOOP(
    "Refusals", "codings of codes matching no source left out: {codes}; use --map CODE=SOURCE"
)
UNMAPPED_CODE = QT_TRANSLATE_NOOP("Refusals", "'{code}' ({count})")
MOVED_PART = QT_TRANSLATE_NOOP(
    "Refusals", "{moved} by the normal form of their text (blanks): {items}"
)
MOVED_SELECTION = QT_TRANSLATE_NOOP("Refusals", "'{source}' {start}–{end} → {new_start}–{new_end}")
NOTES_LEFT_OUT_PART = QT_TRANSLATE_NOOP("Refusals", "{notes}: {items}")
NOTES_REPEATED = (
    "%Ln note(s) not linked to a selection left out: a tag imported with its selection has "
    "the same note"
)
NOTES_NOT_IMPORTED = "%Ln note(s) not linked to a selection not imported"
NOTE_NAME = QT_TRANSLATE_NOOP("Refusals", "'{name}'")
NOT_IMPORTED_PART = QT_TRANSLATE_NOOP("Refusals", "not imported: {items}")
EMPTY_SOURCE = QT_TRANSLATE_NOOP("Refusals", "empty source '{source}'")
NEXT_PART = QT_TRANSLATE_NOOP("Refusals", "{parts}; {part}")
NEXT_ITEM = QT_TRANSLATE_NOOP("Refusals", "{items}, {item}")
AND_MORE = QT_TRANSLATE_NOOP("Refusals", "{items} and {count} more")
WHERE_IN_SOURCE = QT_TRANSLATE_NOOP("Refusals", "'{source}', {start}–{end}")
# What an import refuses.
QDPX_NOT_IMPORTED = QT_TRANSLATE_NOOP("Refusals", "{name} was not imported: {reason}")
MAP_TO_NO_SOURCE = QT_TRANSLATE_NOOP(
    "Refusals",
    "--map {code}={source}: the project has no source '{source}' (add it first with 'sources add')",
)
CODE_NAMES_NO_STANCE = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: the code '{code}' names no stance (asserts, denies, neutral)"
)
CODE_PROBLEM = QT_TRANSLATE_NOOP("Refusals", "{name}: the code '{code}': {reason}")
CODE_NAMES_NO_AXIS = QT_TRANSLATE_NOOP(
    "Refusals",
    "{name}: the code '{code}' names no stance or confidence level of this project",
)
CODE_NAMES_NO_LEVEL = QT_TRANSLATE_NOOP(
    "Refusals", "{name}: the code '{code}' names no confidence level of this project"
)
CODINGS_WITHOUT_TEXT = QT_TRANSLATE_NOOP("Refusals", "{name}: '{source}' has codings but no text")


@dataclass
class QdpxImportReport:
    """What an import did, for the one-line report."""

    articles_added: int = 0
    articles_found: int = 0  # already in the project (same body)
    statements_created: int = 0  # added to articles that were already there
    sources_added: list[str] = field(default_factory=list)
    tags: TagImportReport = field(default_factory=TagImportReport)
    unmapped: Counter[str] = field(default_factory=Counter)  # code name → codings left out
    skipped: list[str] = field(default_factory=list)
    # Selections whose text the normal form of their source's text changed: "'T' 3–9 → 2–8".
    moved: list[str] = field(default_factory=list)
    empty_selections: int = 0  # of no text at all: left out
    notes_repeated: int = 0  # project notes not linked to a selection, that repeat a tag's note
    notes_left_out: list[str] = field(default_factory=list)  # the names of the others

    @property
    def changed(self) -> bool:
        return bool(
            self.articles_added or self.statements_created or self.sources_added
            or self.tags.added or self.tags.updated or self.tags.claims_linked
        )  # fmt: skip

    def summary(self) -> str:
        """The one-line report (`Words`: the window words it in its language)."""
        tags = self.tags
        parts: list[str] = [
            ARTICLES_PART.format(
                added=Count("%Ln article(s) added", self.articles_added),
                found=Count("%Ln already there", self.articles_found, "articles"),
            ),
            (TAGS_KEPT_PART if tags.kept else TAGS_PART).format(
                added=Count("%Ln tag(s) added", tags.added),
                updated=Count("%Ln updated", tags.updated, "tags"),
                unchanged=Count("%Ln unchanged", tags.unchanged, "tags"),
                kept=Count("%Ln kept", tags.kept, "tags"),
            ),
            Count("%Ln statement(s) made", self.statements_created),
        ]
        if self.sources_added:
            parts.append(NEW_SOURCES_PART.format(names=", ".join(self.sources_added)))
        if self.unmapped:
            codes = [
                UNMAPPED_CODE.format(code=n, count=c) for n, c in sorted(self.unmapped.items())
            ]
            parts.append(UNMAPPED_PART.format(codes=_joined(codes)))
        if self.moved:
            moved = Count("%Ln selection(s) moved", len(self.moved))
            parts.append(MOVED_PART.format(moved=moved, items=_listed(self.moved)))
        if self.empty_selections:
            parts.append(Count("%Ln empty selection(s) left out", self.empty_selections))
        if self.notes_repeated:
            parts.append(Count(NOTES_REPEATED, self.notes_repeated))
        if self.notes_left_out:
            notes = Count(NOTES_NOT_IMPORTED, len(self.notes_left_out))
            items = _listed(self.notes_left_out)
            parts.append(NOTES_LEFT_OUT_PART.format(notes=notes, items=items))
        if self.skipped:
            parts.append(NOT_IMPORTED_PART.format(items=_joined(self.skipped)))
        summary = parts[0]
        for part in parts[1:]:
            summary = NEXT_PART.format(parts=summary, part=part)
        return summary


def _joined(items: Sequence[str]) -> str:
    """Items (`Words` most of them) one after the other, ", " between two.

    Joined half by half, so that the Words nest only as deep as the log of their number (the
    window words them again recursively, and a file may leave out hundreds of codes)."""
    if len(items) <= 1:
        return items[0] if items else ""
    half = len(items) // 2
    return NEXT_ITEM.format(items=_joined(items[:half]), item=_joined(items[half:]))


def _listed(items: Sequence[str]) -> str:
    shown = _joined(items[:_SHOWN])
    if len(items) > _SHOWN:
        return AND_MORE.format(items=shown, count=len(items) - _SHOWN)
    return shown


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
        raise InputError(QDPX_NOT_IMPORTED.format(name=path.name, reason=error.words)) from error
    return report


class _Importer:
    def __init__(
        self, conn: sa.Connection, qdpx: QdpxProject, name: str, digest: str,
        source_map: Mapping[str, str], report: QdpxImportReport,
    ) -> None:  # fmt: skip
        self.conn, self.qdpx, self.name, self.digest = conn, qdpx, name, digest
        self.given_map = dict(source_map)
        self.source_map = {" ".join(k.split()).casefold(): v for k, v in source_map.items()}
        self.report = report
        self.meanings: dict[str, Meaning] = {}
        self.claim_descriptions: dict[str, str] = {}
        self.claim_ids: dict[str, int] = {}
        self.annotator_ids: dict[str, int] = {}
        self.notes_imported: set[str] = set()
        self.sourcetrack = qdpx.by_sourcetrack or _per_source_axes(qdpx.codes)
        self.default_annotator = default_annotator()

    def run(self) -> None:
        self._check_map()
        self._codebook()
        for label, description in self.claim_descriptions.items():
            self.claim_ids[label] = tag_store.ensure_claim(self.conn, label, description)[0]
        for source in self.qdpx.sources:
            self._source(source)
        for note in self.qdpx.unlinked_notes:
            if note.text in self.notes_imported:
                self.report.notes_repeated += 1
            else:
                self.report.notes_left_out.append(
                    NOTE_NAME.format(name=note.name or note.text[:40])
                )

    # --- the codebook -------------------------------------------------------------------------

    def _check_map(self) -> None:
        for code_name, source_name in self.given_map.items():
            if tag_store.source_id_by_name(self.conn, source_name) is None:
                raise InputError(MAP_TO_NO_SOURCE.format(code=code_name, source=source_name))

    def _codebook(self) -> None:
        """Every code's meaning; parents come before their children in the file's order."""
        flattened: list[Code] = []
        for code in self.qdpx.codes.values():
            meaning = self._meaning(code)
            if meaning is None:
                flattened.append(code)
                meaning = Meaning(Kind.UNMAPPED, label=code.name)
            self.meanings[code.guid] = meaning
        # 'SOURCE ▸ VALUE' outside its source's code (a program flattened the codebook).
        by_name = {
            code.name.casefold(): self.meanings[code.guid].source
            for code in self.qdpx.codes.values()
            if self.meanings[code.guid].kind is Kind.SOURCE
        }
        for code in flattened:
            split = refi.split_axis(code.name)
            source = by_name.get(split[0].casefold()) if split else None
            if split is not None and source is not None:
                self.meanings[code.guid] = self._axis(source, split[1], code.name)

    def _meaning(self, code: Code) -> Meaning | None:
        """What `code` means; None for a code to read again once every source is known."""
        mapped = self.source_map.get(code.name.casefold())
        if mapped is not None:
            return Meaning(Kind.SOURCE, source=tag_store.source_id_by_name(self.conn, mapped))
        if code.guid == refi.GROUP_GUIDS["statements"] or (
            self.sourcetrack and code.parent is None and refi.is_statements_code(code.name)
        ):
            return Meaning(Kind.STATEMENT)
        parent = self.qdpx.codes.get(code.parent) if code.parent else None
        if parent is not None:
            value = refi.axis_value(code.name, parent.name)
            parent_meaning = self.meanings.get(parent.guid)
            if value is not None and parent_meaning is not None:
                if parent_meaning.kind is Kind.SOURCE and parent_meaning.source is not None:
                    return self._axis(parent_meaning.source, value, code.name)
                if self.sourcetrack and parent_meaning.kind is Kind.UNMAPPED:
                    return Meaning(Kind.UNMAPPED, label=code.name)
        meaning = refi.meaning_of(code.name)
        if meaning.kind == "stance" or code.group == "stances":
            value = meaning.value if meaning.kind == "stance" else code.name.casefold()
            if value not in _STANCES:
                raise InputError(CODE_NAMES_NO_STANCE.format(name=self.name, code=code.name))
            return Meaning(Kind.STANCE, stance=_STANCES[value])
        if meaning.kind == "confidence":
            return Meaning(Kind.LEVEL, level=self._level(code.name, meaning.value))
        if meaning.kind == "claim":
            try:
                label = validate_claim_label(meaning.value)
            except DomainError as error:
                problem = CODE_PROBLEM.format(name=self.name, code=code.name, reason=error.words)
                raise InputError(problem) from error
            self.claim_descriptions.setdefault(label, code.description)
            return Meaning(Kind.CLAIM, label=label)
        if not code.codable or code.guid in refi.GROUP_GUIDS.values():
            return Meaning(Kind.UNMAPPED, label=code.name)
        source_id = tag_store.source_id_by_name(self.conn, code.name)
        if source_id is None and self._in_sources_group(code):
            # A source Sourcetrack wrote is that source, even when its name is another's alias
            # (NIS is an alias of Seoul, and may also be a source of its own).
            source_id = self._add_source(code)
        source_id = source_id or self._by_alias(code.name)
        if source_id is not None:
            return Meaning(Kind.SOURCE, source=source_id)
        return None if refi.split_axis(code.name) else Meaning(Kind.UNMAPPED, label=code.name)

    def _in_sources_group(self, code: Code) -> bool:
        """Under Sourcetrack's Sources group: by its GUID, or by its name where a program gave
        it a new GUID in a file of Sourcetrack's layout."""
        if code.group == "sources":
            return self.qdpx.by_sourcetrack or self.sourcetrack
        top = self.qdpx.codes.get(code.top)
        return (
            self.sourcetrack and top is not None and top is not code and not top.codable
            and refi.GROUP_NAMES["sources"] in (top.name, refi.unnumbered(top.name))
        )  # fmt: skip

    def _axis(self, source_id: int, value: str, code_name: str) -> Meaning:
        """A source's own stance or confidence code."""
        for candidate in (value, refi.unnumbered(value)):
            if candidate is None:
                continue
            if candidate.casefold() in _STANCES:
                return Meaning(Kind.STANCE, source=source_id, stance=_STANCES[candidate.casefold()])
            level = self._level(code_name, candidate, refuse=False)
            if level is not None:
                return Meaning(Kind.LEVEL, source=source_id, level=level)
        raise InputError(CODE_NAMES_NO_AXIS.format(name=self.name, code=code_name))

    def _level(self, code_name: str, value: str, *, refuse: bool = True) -> int | None:
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
        if not refuse:
            return None
        raise InputError(CODE_NAMES_NO_LEVEL.format(name=self.name, code=code_name))

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
            parent_id=parent.source if parent and parent.kind is Kind.SOURCE else None,
        )  # fmt: skip
        self.report.sources_added.append(code.name)
        return source_id

    # --- sources, statements, tags ------------------------------------------------------------

    def _source(self, source: Source) -> None:
        body, to_body = _normal_form(source.text)
        placed: list[tuple[Span, Selection]] = []
        for selection in source.selections:
            start, end = to_body(selection.start), to_body(selection.end)
            if end <= start:
                self.report.empty_selections += 1
                continue
            if to_body is _same:
                placed.append((Span(start, end), selection))
                continue
            written = _LINE_ENDS.sub("\n", source.text[selection.start : selection.end])
            if body[start:end] != written.replace("\ufeff", ""):
                self.report.moved.append(
                    MOVED_SELECTION.format(
                        source=source.name,
                        start=selection.start,
                        end=selection.end,
                        new_start=start,
                        new_end=end,
                    )
                )
            placed.append((Span(start, end), selection))
        if not body.strip():
            if placed:
                raise InputError(CODINGS_WITHOUT_TEXT.format(name=self.name, source=source.name))
            self.report.skipped.append(EMPTY_SOURCE.format(source=source.name))
            return
        spans = sorted({span for span, _ in placed}, key=lambda s: (s.start, s.end))
        language = source.variables.get("language") or detect_language(body)
        article_id, existed = self._article(source, body, language)
        if existed:
            ids = qdpx_store.statement_ids(self.conn, article_id)
            missing = [s for s in spans if (s.start, s.end) not in ids]
            ids = qdpx_store.insert_statements(self.conn, article_id, missing, body, renumber=True)
            self.report.statements_created += len(missing)
        else:
            made = spans if self.sourcetrack else _with_free_sentences(body, language, spans)
            ids = qdpx_store.insert_statements(self.conn, article_id, made, body, renumber=False)
        by_span: dict[Span, list[Coding]] = {span: [] for span in spans}
        for number, (span, selection) in enumerate(placed):
            user = self.qdpx.users.get(selection.user or "") or self.default_annotator
            by_span[span].extend(
                Coding(number, self.meanings[guid], user, selection.created, selection.modified,
                       selection.note)
                for guid in selection.codes
            )  # fmt: skip
        readings = {
            ids[(span.start, span.end)]: read_span(codings, _where(source, span))
            for span, codings in by_span.items()
        }
        self._write_tags(article_id, existed, readings)

    def _article(self, source: Source, body: str, language: str | None) -> tuple[int, bool]:
        """The article of this text: found by its body, or inserted (its statements follow)."""
        digest = body_sha256(body)
        existing = article_store.find_by_body_sha(self.conn, digest)
        if existing is not None:
            self.report.articles_found += 1
            return int(existing), True
        values = source.variables
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
        )
        self.report.articles_added += 1
        return article_store.insert_article(self.conn, draft, digest), False

    def _write_tags(self, article_id: int, existed: bool, readings: dict[int, SpanReading]) -> None:
        existing = qdpx_store.tags_of_article(self.conn, article_id) if existed else {}
        links = qdpx_store.claim_links_of_article(self.conn, article_id) if existed else set()
        new_tags: list[qdpx_store.NewTag] = []
        new_links: list[tuple[int, int]] = []
        now = tag_store.now()
        report = self.report.tags
        for statement_id, reading in readings.items():
            if reading.unmapped:
                self.report.unmapped.update(reading.unmapped)
            for label in reading.claims:
                claim = self._claim(label)
                if (statement_id, claim) not in links:
                    links.add((statement_id, claim))
                    new_links.append((statement_id, claim))
            for tag in reading.tags:
                annotator = self._annotator(tag.user or self.default_annotator)
                key = TagKey(statement_id, tag.source, annotator)
                if tag.note:
                    self.notes_imported.add(tag.note)
                found = existing.get((statement_id, tag.source, annotator))
                if found is None:
                    values = TagValues(tag.stance, tag.level, tag.note, Origin.IMPORTED)
                    made = tag.created or now
                    new_tags.append((key, values, made, tag.modified or made))
                elif (found.stance, found.confidence_level_id, found.note) == (
                    tag.stance, tag.level, tag.note,
                ):  # fmt: skip
                    report.unchanged += 1
                elif file_wins(tag.modified, found.updated_at):
                    values = TagValues(tag.stance, tag.level, tag.note, found.origin)
                    stamp = tag.modified
                    if stamp is None or not stamp > to_the_second(found.updated_at):
                        stamp = now
                    tag_store.update_attribution(self.conn, found.id, values, stamp)
                    report.updated += 1
                else:
                    report.kept += 1
        report.added += qdpx_store.insert_tags(self.conn, new_tags, may_exist=existed)
        report.claims_linked += qdpx_store.insert_claim_links(
            self.conn, new_links, may_exist=existed
        )

    def _claim(self, label: str) -> int:
        if label not in self.claim_ids:
            self.claim_ids[label] = tag_store.ensure_claim(self.conn, label)[0]
        return self.claim_ids[label]

    def _annotator(self, name: str) -> int:
        if name not in self.annotator_ids:
            found = tag_store.annotator_id(self.conn, name)
            assert found is not None
            self.annotator_ids[name] = found
        return self.annotator_ids[name]


def _where(source: Source, span: Span) -> str:
    return WHERE_IN_SOURCE.format(source=source.name, start=span.start, end=span.end)


def _per_source_axes(codes: Mapping[str, Code]) -> bool:
    """Whether the codebook is Sourcetrack's: a source's stance codes under its code."""
    for code in codes.values():
        parent = codes.get(code.parent) if code.parent else None
        if parent is not None and (refi.axis_value(code.name, parent.name) or "") in _STANCES:
            return True
    return False


def _same(offset: int) -> int:
    return offset


def _normal_form(text: str) -> tuple[str, Callable[[int], int]]:
    """The body of a text as written, and where an offset into the text lands in it."""
    body = normalise_body(text)
    if body == text:  # the common case (Sourcetrack's and QualCoder's files): nothing moves
        return body, _same
    normal, origins = normalise_with_origins(text)
    return normal, lambda offset: bisect.bisect_left(origins, offset)


def _with_free_sentences(body: str, language: str | None, coded: list[Span]) -> list[Span]:
    """The coded spans and the sentences of the paragraphs they leave words uncoded in, less
    the sentences that overlap a coded span (their words would show twice). A paragraph coded
    throughout is not segmented at all."""
    covered = _merged(coded)
    starts = [a for a, _ in covered]
    free: list[Span] = []
    for p_start, p_end in paragraphs(body):
        if not _has_uncoded_words(body, p_start, p_end, covered, starts):
            continue
        for sentence in segment(body[p_start:p_end], language):
            found = Span(p_start + sentence.start, p_start + sentence.end)
            if not _overlaps(found, covered, starts):
                free.append(found)
    return sorted({*coded, *free}, key=lambda s: (s.start, s.end))


def _merged(spans: list[Span]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged


def _has_uncoded_words(
    body: str, start: int, end: int, covered: list[tuple[int, int]], starts: list[int]
) -> bool:
    at = bisect.bisect_right(starts, start) - 1
    cursor = start
    for a, b in covered[max(at, 0) :]:
        if a >= end:
            break
        if a > cursor and _WORD.search(body, cursor, min(a, end)):
            return True
        cursor = max(cursor, b)
    return cursor < end and _WORD.search(body, cursor, end) is not None


def _overlaps(span: Span, covered: list[tuple[int, int]], starts: list[int]) -> bool:
    at = bisect.bisect_right(starts, span.start) - 1
    return any(a < span.end and span.start < b for a, b in covered[max(at, 0) : at + 2])


_WORD = re.compile(r"\w")


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
