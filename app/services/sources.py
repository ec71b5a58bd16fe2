"""Managing sources: list, add, rename, recolour, describe, aliases. Renaming keeps every tag."""

from __future__ import annotations

import re
from typing import Any

from app.domain.model import RELIABILITY_RATINGS, DomainError, validate_source_name
from app.services.project import Project
from app.store import tags as tag_store

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_PALETTE = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")


def list_sources(project: Project) -> list[dict[str, Any]]:
    with project.read() as conn:
        return tag_store.list_sources(conn)


def add_source(
    project: Project,
    name: str,
    *,
    colour: str | None = None,
    description: str = "",
    parent: str | None = None,
    reliability: str | None = None,
) -> int:
    name = validate_source_name(name)
    if colour is not None and not _COLOUR.match(colour):
        raise DomainError(f"colour must look like #1f77b4, not {colour!r}")
    if reliability is not None and reliability.upper() not in RELIABILITY_RATINGS:
        raise DomainError("reliability must be one of A, B, C, D, E, F")
    with project.write() as conn:
        if tag_store.source_id_by_name(conn, name) is not None:
            raise DomainError(f"a source named {name!r} exists already")
        parent_id = None
        if parent:
            parent_id = tag_store.source_id_by_name(conn, parent)
            if parent_id is None:
                raise DomainError(f"unknown parent source {parent!r}")
        count = len(tag_store.list_sources(conn))
        return tag_store.add_source(
            conn,
            name,
            colour or _PALETTE[count % len(_PALETTE)],
            description,
            parent_id,
            reliability.upper() if reliability else None,
        )


def rename_source(project: Project, old: str, new: str) -> None:
    new = validate_source_name(new)
    with project.write() as conn:
        source_id = tag_store.source_id_by_name(conn, old)
        if source_id is None:
            raise DomainError(f"unknown source {old!r}")
        other = tag_store.source_id_by_name(conn, new)
        if other is not None and other != source_id:
            raise DomainError(f"a source named {new!r} exists already")
        tag_store.update_source(conn, source_id, name=new)


def add_aliases(project: Project, source: str, language: str, aliases: list[str]) -> int:
    cleaned = [" ".join(a.split()) for a in aliases if a.strip()]
    if not cleaned:
        raise DomainError("give at least one alias")
    with project.write() as conn:
        source_id = tag_store.source_id_by_name(conn, source)
        if source_id is None:
            raise DomainError(f"unknown source {source!r}")
        return tag_store.add_aliases(conn, source_id, language, cleaned)


def remove_alias(project: Project, source: str, language: str, alias: str) -> bool:
    with project.write() as conn:
        source_id = tag_store.source_id_by_name(conn, source)
        if source_id is None:
            raise DomainError(f"unknown source {source!r}")
        return bool(tag_store.remove_alias(conn, source_id, language, alias))


def update_source(
    project: Project,
    source_id: int,
    *,
    colour: str | None = None,
    description: str | None = None,
    reliability: str | None = "",
    parent_id: int | None | str = "",
    aliases: dict[str, list[str]] | None = None,
) -> None:
    """Change a source's colour, description, reliability, parent and aliases (not its name:
    renaming is its own, undoable, edit). Arguments left at their defaults are not changed."""
    values: dict[str, object] = {}
    if colour is not None:
        if not _COLOUR.match(colour):
            raise DomainError(f"colour must look like #1f77b4, not {colour!r}")
        values["colour"] = colour
    if description is not None:
        values["description"] = description
    if reliability != "":
        if reliability is not None and reliability.upper() not in RELIABILITY_RATINGS:
            raise DomainError("reliability must be one of A, B, C, D, E, F")
        values["reliability"] = reliability.upper() if reliability else None
    if parent_id != "":
        if parent_id == source_id:
            raise DomainError("a source cannot be its own parent")
        values["parent_id"] = parent_id
    with project.write() as conn:
        if values:
            tag_store.update_source(conn, source_id, **values)
        for language, items in (aliases or {}).items():
            tag_store.set_aliases(
                conn, source_id, language, [" ".join(a.split()) for a in items if a.strip()]
            )


def list_scales(project: Project) -> list[dict[str, Any]]:
    """Every confidence scale of the project with its levels; one is active."""
    with project.read() as conn:
        return tag_store.list_scales(conn)


def is_preset(scale: dict[str, Any]) -> bool:
    """A published scale (default, Admiralty, ICD 203), which stays as published."""
    from app.domain.defaults import SCALE_PRESETS

    return scale["name"] in {preset.name for preset in SCALE_PRESETS}


def activate_scale(project: Project, scale_id: int) -> None:
    with project.write() as conn:
        tag_store.activate_scale(conn, scale_id)


def _checked_levels(levels: list[tuple[str, str]]) -> list[str]:
    labels = [" ".join(label.split()) for label, _d in levels]
    if not labels or any(not label for label in labels):
        raise DomainError("a scale needs at least one level, each with a label")
    if len(set(labels)) != len(labels):
        raise DomainError("the levels of a scale need distinct labels")
    return labels


def add_custom_scale(project: Project, name: str, levels: list[tuple[str, str]]) -> int:
    """A scale of the user's own: (label, description) pairs, firmest first."""
    from app.domain.defaults import LevelSeed, ScaleSeed

    name = " ".join(name.split())
    if not name:
        raise DomainError("a scale needs a name")
    labels = _checked_levels(levels)
    seed = ScaleSeed(
        name,
        tuple(
            LevelSeed(i, label, d)
            for i, (label, (_l, d)) in enumerate(zip(labels, levels, strict=True), start=1)
        ),
    )
    with project.write() as conn:
        if any(s["name"] == name for s in tag_store.list_scales(conn)):
            raise DomainError(f"a scale named {name!r} exists already")
        return tag_store.add_scale(conn, seed, active=False)


def edit_custom_scale(project: Project, scale_id: int, levels: list[tuple[str, str]]) -> None:
    """Relabel, redescribe, add or remove the levels of a scale of the user's own, firmest
    first. The presets stay as published; a level that tags still use cannot be removed."""
    labels = _checked_levels(levels)
    with project.write() as conn:
        scale = next((s for s in tag_store.list_scales(conn) if s["id"] == scale_id), None)
        if scale is None:
            raise DomainError("no such confidence scale")
        if is_preset(scale):
            raise DomainError("the preset scales cannot be edited; make a custom one")
        tag_store.replace_levels(
            conn,
            scale_id,
            [(label, d.strip()) for label, (_l, d) in zip(labels, levels, strict=True)],
        )
