"""Managing sources and confidence scales. Renaming keeps every tag.

Each mutation is one transaction, takes ids and typed values (the command line finds a source
by name first, `find_source`) and returns an edit with the `Changes` it made.
"""

from __future__ import annotations

import functools
import re

import sqlalchemy as sa

from app.domain.aliases import SourceAliases
from app.domain.changes import Changes, ids
from app.domain.defaults import SCALE_PRESETS, LevelSeed, ScaleSeed
from app.domain.edits import (
    AliasEdit,
    ConflictError,
    NewSource,
    RenameEdit,
    ScaleEdit,
    SourceChange,
    SourceEdit,
    Unchanged,
)
from app.domain.knowledge import KnowledgeBase, parse_knowledge
from app.domain.model import RELIABILITY_RATINGS, DomainError, validate_source_name
from app.domain.rows import ScaleRow, SourceRow
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services.project import Project
from app.store import tags as tag_store

__all__ = [
    "NewSource",
    "SourceChange",
    "activate_scale",
    "add_aliases",
    "adopt_known_aliases",
    "add_custom_scale",
    "add_source",
    "edit_custom_scale",
    "find_source",
    "is_preset",
    "knowledge_base",
    "known_aliases",
    "list_scales",
    "list_sources",
    "remove_alias",
    "rename_source",
    "tags_keeping_other_levels",
    "update_source",
]

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_PALETTE = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")

UNKNOWN_SOURCE = QT_TRANSLATE_NOOP("Refusals", "unknown source '{name}'")
# `find_source`'s refusal for each `what` it is asked for (one sentence each, for translation).
_UNKNOWN = {
    "source": UNKNOWN_SOURCE,
    "parent source": QT_TRANSLATE_NOOP("Refusals", "unknown parent source '{name}'"),
}
SOURCE_EXISTS = QT_TRANSLATE_NOOP("Refusals", "a source named '{name}' exists already")
NO_SOURCE_WITH_ID = QT_TRANSLATE_NOOP("Refusals", "no source with id {id}")


def list_sources(project: Project) -> list[SourceRow]:
    with project.read() as conn:
        return tag_store.list_sources(conn)


def find_source(project: Project, name: str, *, what: str = "source") -> SourceRow:
    """A source by name (exact, else in any case); DomainError when there is none."""
    with project.read() as conn:
        source_id = tag_store.source_id_by_name(conn, name)
        found = None if source_id is None else tag_store.get_source(conn, source_id)
    if found is None:
        raise DomainError(_UNKNOWN.get(what, UNKNOWN_SOURCE).format(name=name))
    return found


def add_source(project: Project, new: NewSource) -> SourceEdit:
    """Add a source (in the next colour of a palette unless given)."""
    name = validate_source_name(new.name)
    if new.colour is not None:
        _check_colour(new.colour)
    reliability = _reliability(new.reliability)
    with project.write() as conn:
        if tag_store.source_id_by_name(conn, name) is not None:
            raise DomainError(SOURCE_EXISTS.format(name=name))
        if new.parent_id is not None and tag_store.get_source(conn, new.parent_id) is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "no source with id {id} to be part of").format(
                    id=new.parent_id
                )
            )
        count = len(tag_store.list_sources(conn))
        source_id = tag_store.add_source(
            conn,
            name,
            new.colour or _PALETTE[count % len(_PALETTE)],
            new.description,
            new.parent_id,
            reliability,
        )
        after = _source(conn, source_id)
    return SourceEdit(source_id, None, after, Changes(sources=ids([source_id])))


def rename_source(project: Project, source_id: int, expected: str, new: str) -> RenameEdit:
    """Rename a source if it is still called `expected` (a rename, and its undo: the same
    call with the names swapped); its tags follow."""
    new = validate_source_name(new)
    with project.write() as conn:
        current = tag_store.get_source(conn, source_id)
        if current is None or current.name != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Refusals", "the source was renamed in another window or process")
            )
        clash = tag_store.source_id_by_name(conn, new)
        if clash is not None and clash != source_id:
            raise DomainError(SOURCE_EXISTS.format(name=new))
        tag_store.update_source(conn, source_id, name=new)
    return RenameEdit(source_id, expected, new, Changes(sources=ids([source_id])))


def update_source(project: Project, change: SourceChange) -> SourceEdit:
    """Change a source's colour, description, reliability, parent and aliases (not its name:
    renaming is its own, undoable, edit). Settings left UNCHANGED stay."""
    source_id = change.source_id
    if not isinstance(change.colour, Unchanged):
        _check_colour(change.colour)
    reliability = (
        change.reliability
        if isinstance(change.reliability, Unchanged)
        else _reliability(change.reliability)
    )
    if change.parent_id == source_id:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a source cannot be its own parent"))
    with project.write() as conn:
        before = _source(conn, source_id)
        tag_store.update_source(
            conn,
            source_id,
            colour=change.colour,
            description=change.description,
            reliability=reliability,
            parent_id=change.parent_id,
        )
        for language, items in change.aliases:
            tag_store.set_aliases(conn, source_id, language, _cleaned(items))
        after = _source(conn, source_id)
    changes = Changes(sources=ids([source_id])) if after != before else Changes()
    return SourceEdit(source_id, before, after, changes)


def add_aliases(
    project: Project, source_id: int, language: str, aliases: list[str] | tuple[str, ...]
) -> AliasEdit:
    """Add aliases in one language (those it has already are not added twice)."""
    cleaned = _cleaned(aliases)
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "give at least one alias"))
    with project.write() as conn:
        _source(conn, source_id)
        added = tag_store.add_aliases(conn, source_id, language, cleaned)
    changes = Changes(sources=ids([source_id])) if added else Changes()
    return AliasEdit(source_id, language, added, changes)


def remove_alias(project: Project, source_id: int, language: str, alias: str) -> AliasEdit:
    with project.write() as conn:
        _source(conn, source_id)
        removed = tag_store.remove_alias(conn, source_id, language, alias)
    changes = Changes(sources=ids([source_id])) if removed else Changes()
    return AliasEdit(source_id, language, removed, changes)


# --- confidence scales ---


def list_scales(project: Project) -> list[ScaleRow]:
    """Every confidence scale of the project with its levels; one is active."""
    with project.read() as conn:
        return tag_store.list_scales(conn)


def is_preset(scale: ScaleRow) -> bool:
    """A published scale (default, Admiralty, ICD 203), which stays as published."""
    return scale.name in {preset.name for preset in SCALE_PRESETS}


def activate_scale(project: Project, scale_id: int, *, expected: int | None = None) -> ScaleEdit:
    """Make a scale the one new tags are rated on. Every tag keeps the level it has, and every
    view names it by that level's own label: nothing is relabelled by rank, so the switch
    loses nothing and its undo is switching back. With `expected` (an undo or redo), refuse
    when another window or process made another scale active in between."""
    with project.write() as conn:
        scale = _scale(conn, scale_id)
        active_before = tag_store.active_scale_id(conn)
        if expected is not None and active_before != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "the confidence scale was changed in another window or process"
                )
            )
        tag_store.activate_scale(conn, scale_id)
    return ScaleEdit(
        scale_id, scale.levels, scale.levels, active_before, scale_id, Changes(scales=True)
    )


def tags_keeping_other_levels(project: Project, scale_id: int) -> int:
    """How many tags would stay on levels of another scale once `scale_id` is active."""
    with project.read() as conn:
        return tag_store.tags_off_scale(conn, scale_id)


def add_custom_scale(project: Project, name: str, levels: list[tuple[str, str]]) -> ScaleEdit:
    """A scale of the user's own: (label, description) pairs, firmest first; not active."""
    name = " ".join(name.split())
    if not name:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a scale needs a name"))
    labels = _checked_levels(levels)
    seed = ScaleSeed(
        name,
        tuple(
            LevelSeed(i, label, d)
            for i, (label, (_l, d)) in enumerate(zip(labels, levels, strict=True), start=1)
        ),
    )
    with project.write() as conn:
        if any(s.name == name for s in tag_store.list_scales(conn)):
            raise DomainError(
                QT_TRANSLATE_NOOP("Refusals", "a scale named '{name}' exists already").format(
                    name=name
                )
            )
        active = tag_store.active_scale_id(conn)
        scale_id = tag_store.add_scale(conn, seed, active=False)
        after = _scale(conn, scale_id)
    return ScaleEdit(scale_id, (), after.levels, active, active, Changes(scales=True))


def edit_custom_scale(project: Project, scale_id: int, levels: list[tuple[str, str]]) -> ScaleEdit:
    """Relabel, redescribe, add or remove the levels of a scale of the user's own, firmest
    first. The presets stay as published; a level that tags still use cannot be removed."""
    labels = _checked_levels(levels)
    with project.write() as conn:
        scale = _scale(conn, scale_id)
        if is_preset(scale):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "Refusals", "the preset scales cannot be edited; make a custom one"
                )
            )
        tag_store.replace_levels(
            conn,
            scale_id,
            [(label, d.strip()) for label, (_l, d) in zip(labels, levels, strict=True)],
        )
        after = _scale(conn, scale_id)
        active = tag_store.active_scale_id(conn)
    return ScaleEdit(scale_id, scale.levels, after.levels, active, active, Changes(scales=True))


# --- internals ---


def _source(conn: sa.Connection, source_id: int) -> SourceRow:
    found = tag_store.get_source(conn, source_id)
    if found is None:
        raise DomainError(NO_SOURCE_WITH_ID.format(id=source_id))
    return found


def _scale(conn: sa.Connection, scale_id: int) -> ScaleRow:
    found = next((s for s in tag_store.list_scales(conn) if s.id == scale_id), None)
    if found is None:
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "no such confidence scale"))
    return found


def _check_colour(colour: str) -> None:
    if not _COLOUR.match(colour):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "colour must look like #1f77b4, not '{colour}'").format(
                colour=colour
            )
        )


def _reliability(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in RELIABILITY_RATINGS:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "reliability must be one of A, B, C, D, E, F")
        )
    return value.upper()


def _cleaned(aliases: list[str] | tuple[str, ...]) -> list[str]:
    return [" ".join(a.split()) for a in aliases if a.strip()]


def _checked_levels(levels: list[tuple[str, str]]) -> list[str]:
    labels = [" ".join(label.split()) for label, _d in levels]
    if not labels or any(not label for label in labels):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "a scale needs at least one level, each with a label")
        )
    if len(set(labels)) != len(labels):
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "the levels of a scale need distinct labels")
        )
    return labels


# --- the source knowledge base ---


@functools.cache
def knowledge_base() -> KnowledgeBase:
    """The knowledge base that ships in resources/knowledge (read once per process)."""
    from app.services.demo import resources_dir

    path = resources_dir() / "knowledge" / "sources.json"
    return parse_knowledge(path.read_text(encoding="utf-8"))


def known_aliases(project: Project, source_id: int) -> dict[str, tuple[str, ...]]:
    """The aliases the knowledge base offers for a source and the source does not have yet,
    per language (empty when the base does not know the source)."""
    with project.read() as conn:
        source = _source(conn, source_id)
    base = knowledge_base()
    identity = base.identify(SourceAliases(source.name, source.aliases))
    offered = base.aliases_for(identity) if identity else {}
    own = {lang: {a.casefold() for a in items} for lang, items in source.aliases.items()}
    missing = {
        lang: tuple(a for a in items if a.casefold() not in own.get(lang, set()))
        for lang, items in offered.items()
    }
    return {lang: items for lang, items in missing.items() if items}


def adopt_known_aliases(project: Project, source_id: int) -> list[AliasEdit]:
    """Add every alias the knowledge base offers for a source (one edit per language)."""
    return [
        add_aliases(project, source_id, language, list(items))
        for language, items in known_aliases(project, source_id).items()
    ]
