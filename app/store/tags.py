"""Sources, annotators, confidence levels, claims and attributions: the tagging tables.

Reads return the typed rows of `app.domain.rows`, built here from SQL rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import sqlalchemy as sa

from app.domain.defaults import ScaleSeed, SourceSeed
from app.domain.edits import UNCHANGED, TagKey, TagValues, Unchanged
from app.domain.model import DomainError, Origin, Stance
from app.domain.rows import AttributionRow, ClaimRow, LevelRow, ScaleRow, SourceRow, TagRow
from app.domain.wording import QT_TRANSLATE_NOOP
from app.store.engine import new_id
from app.store.schema import (
    annotators,
    attributions,
    claims,
    confidence_levels,
    confidence_scales,
    source_aliases,
    sources,
    statement_claims,
)
from app.store.upsert import insert_link, insert_missing


def now() -> datetime:
    return datetime.now(UTC)


# --- sources ---


def _aliases(conn: sa.Connection, source_id: int | None = None) -> dict[int, dict[str, list[str]]]:
    query = sa.select(source_aliases).order_by(source_aliases.c.language, source_aliases.c.id)
    if source_id is not None:
        query = query.where(source_aliases.c.source_id == source_id)
    found: dict[int, dict[str, list[str]]] = {}
    for row in conn.execute(query).mappings():
        found.setdefault(row["source_id"], {}).setdefault(row["language"], []).append(row["alias"])
    return found


def _source(row: sa.RowMapping, aliases: dict[str, list[str]]) -> SourceRow:
    return SourceRow(
        id=row["id"],
        name=row["name"],
        colour=row["colour"],
        description=row["description"] or "",
        parent_id=row["parent_id"],
        reliability=row["reliability"],
        position=row["position"],
        aliases={language: tuple(items) for language, items in aliases.items()},
    )


def list_sources(conn: sa.Connection) -> list[SourceRow]:
    rows = conn.execute(sa.select(sources).order_by(sources.c.position, sources.c.id)).mappings()
    aliases = _aliases(conn)
    return [_source(row, aliases.get(row["id"], {})) for row in rows]


def get_source(conn: sa.Connection, source_id: int) -> SourceRow | None:
    row = conn.execute(sa.select(sources).where(sources.c.id == source_id)).mappings().first()
    return None if row is None else _source(row, _aliases(conn, source_id).get(source_id, {}))


def source_id_by_name(conn: sa.Connection, name: str) -> int | None:
    """Exact name first, then case-insensitive (so `--source kremlin` works)."""
    found = conn.scalar(sa.select(sources.c.id).where(sources.c.name == name))
    if found is None:
        found = conn.scalar(
            sa.select(sources.c.id).where(sa.func.lower(sources.c.name) == name.lower())
        )
    return None if found is None else int(found)


def add_source(
    conn: sa.Connection,
    name: str,
    colour: str,
    description: str = "",
    parent_id: int | None = None,
    reliability: str | None = None,
) -> int:
    position = conn.scalar(sa.select(sa.func.coalesce(sa.func.max(sources.c.position), 0))) or 0
    return int(
        new_id(
            conn.execute(
                sa.insert(sources).values(
                    name=name,
                    colour=colour,
                    description=description,
                    parent_id=parent_id,
                    reliability=reliability,
                    position=position + 1,
                )
            )
        )
    )


def update_source(
    conn: sa.Connection,
    source_id: int,
    *,
    name: str | Unchanged = UNCHANGED,
    colour: str | Unchanged = UNCHANGED,
    description: str | Unchanged = UNCHANGED,
    reliability: str | None | Unchanged = UNCHANGED,
    parent_id: int | None | Unchanged = UNCHANGED,
) -> None:
    """Set the columns given; those left UNCHANGED stay."""
    given = {
        "name": name,
        "colour": colour,
        "description": description,
        "reliability": reliability,
        "parent_id": parent_id,
    }
    values = {k: v for k, v in given.items() if not isinstance(v, Unchanged)}
    if values:
        conn.execute(sa.update(sources).where(sources.c.id == source_id).values(**values))


def add_aliases(conn: sa.Connection, source_id: int, language: str, aliases: Iterable[str]) -> int:
    existing = set(
        conn.execute(
            sa.select(source_aliases.c.alias).where(
                source_aliases.c.source_id == source_id, source_aliases.c.language == language
            )
        ).scalars()
    )
    new = [a for a in dict.fromkeys(aliases) if a not in existing]
    if new:
        conn.execute(
            sa.insert(source_aliases),
            [{"source_id": source_id, "language": language, "alias": a} for a in new],
        )
    return len(new)


def remove_alias(conn: sa.Connection, source_id: int, language: str, alias: str) -> int:
    return conn.execute(
        sa.delete(source_aliases).where(
            source_aliases.c.source_id == source_id,
            source_aliases.c.language == language,
            source_aliases.c.alias == alias,
        )
    ).rowcount


def set_aliases(conn: sa.Connection, source_id: int, language: str, aliases: Iterable[str]) -> None:
    """Replace a source's aliases in one language."""
    conn.execute(
        sa.delete(source_aliases).where(
            source_aliases.c.source_id == source_id, source_aliases.c.language == language
        )
    )
    add_aliases(conn, source_id, language, aliases)


def seed_sources(conn: sa.Connection, seeds: Iterable[SourceSeed]) -> None:
    for seed in seeds:
        source_id = add_source(conn, seed.name, seed.colour, seed.description)
        for language, aliases in seed.aliases.items():
            add_aliases(conn, source_id, language, aliases)


# --- confidence scales ---


def _level(row: sa.RowMapping) -> LevelRow:
    return LevelRow(
        id=row["id"],
        scale_id=row["scale_id"],
        rank=row["rank"],
        label=row["label"],
        description=row["description"] or "",
    )


def add_scale(conn: sa.Connection, seed: ScaleSeed, *, active: bool) -> int:
    scale_id = int(
        new_id(conn.execute(sa.insert(confidence_scales).values(name=seed.name, active=active)))
    )
    conn.execute(
        sa.insert(confidence_levels),
        [
            {
                "scale_id": scale_id,
                "rank": lv.rank,
                "label": lv.label,
                "description": lv.description,
            }
            for lv in seed.levels
        ],
    )
    return scale_id


def active_levels(conn: sa.Connection) -> list[LevelRow]:
    """Levels of the project's active scale, firmest (rank 1) first."""
    query = (
        sa.select(confidence_levels)
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(confidence_scales.c.active.is_(True))
        .order_by(confidence_levels.c.rank)
    )
    return [_level(row) for row in conn.execute(query).mappings()]


def active_scale_id(conn: sa.Connection) -> int | None:
    found = conn.scalar(
        sa.select(confidence_scales.c.id).where(confidence_scales.c.active.is_(True))
    )
    return None if found is None else int(found)


def all_levels(conn: sa.Connection) -> dict[int, LevelRow]:
    """Every confidence level of every scale by id: a tag keeps the level it was given when
    another scale is made active."""
    return {row["id"]: _level(row) for row in conn.execute(sa.select(confidence_levels)).mappings()}


def level_by_id(conn: sa.Connection, level_id: int) -> LevelRow | None:
    row = (
        conn.execute(sa.select(confidence_levels).where(confidence_levels.c.id == level_id))
        .mappings()
        .first()
    )
    return _level(row) if row else None


def list_scales(conn: sa.Connection) -> list[ScaleRow]:
    levels = conn.execute(
        sa.select(confidence_levels).order_by(confidence_levels.c.rank)
    ).mappings()
    by_scale: dict[int, list[LevelRow]] = {}
    for level in levels:
        by_scale.setdefault(level["scale_id"], []).append(_level(level))
    return [
        ScaleRow(r["id"], r["name"], bool(r["active"]), tuple(by_scale.get(r["id"], [])))
        for r in conn.execute(
            sa.select(confidence_scales).order_by(confidence_scales.c.id)
        ).mappings()
    ]


def activate_scale(conn: sa.Connection, scale_id: int) -> None:
    conn.execute(sa.update(confidence_scales).values(active=confidence_scales.c.id == scale_id))


def tags_off_scale(conn: sa.Connection, scale_id: int) -> int:
    """How many tags are rated on a level of a scale other than `scale_id` (they keep it)."""
    query = (
        sa.select(sa.func.count())
        .select_from(attributions)
        .join(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .where(confidence_levels.c.scale_id != scale_id)
    )
    return int(conn.scalar(query) or 0)


def replace_levels(conn: sa.Connection, scale_id: int, levels: list[tuple[str, str]]) -> None:
    """Make a scale's levels exactly `levels` (label, description), firmest first.

    Existing levels keep their ids by position, so the tags that use them keep their level;
    a level beyond the new count is removed only if no tag uses it.
    """
    current = (
        conn.execute(
            sa.select(confidence_levels.c.id)
            .where(confidence_levels.c.scale_id == scale_id)
            .order_by(confidence_levels.c.rank)
        )
        .scalars()
        .all()
    )
    extra = current[len(levels) :]
    if extra and conn.scalar(
        sa.select(sa.func.count())
        .select_from(attributions)
        .where(attributions.c.confidence_level_id.in_(extra))
    ):
        raise DomainError(QT_TRANSLATE_NOOP("Refusals", "a level that tags use cannot be removed"))
    if extra:
        conn.execute(sa.delete(confidence_levels).where(confidence_levels.c.id.in_(extra)))
    # Ranks and labels are unique per scale: move the kept levels out of the way first.
    for position, level_id in enumerate(current[: len(levels)]):
        conn.execute(
            sa.update(confidence_levels)
            .where(confidence_levels.c.id == level_id)
            .values(rank=-1 - position, label=f" renumbering {position}")
        )
    for position, (label, description) in enumerate(levels):
        values = {"rank": position + 1, "label": label, "description": description}
        if position < len(current):
            conn.execute(
                sa.update(confidence_levels)
                .where(confidence_levels.c.id == current[position])
                .values(**values)
            )
        else:
            conn.execute(sa.insert(confidence_levels).values(scale_id=scale_id, **values))


# --- annotators ---


def annotator_id(conn: sa.Connection, name: str, *, create: bool = True) -> int | None:
    found = conn.scalar(sa.select(annotators.c.id).where(annotators.c.name == name))
    if found is None and create:
        # Another writer may be making the same annotator right now (see store/upsert).
        insert_missing(conn, annotators, {"name": name}, ["name"])
        found = conn.scalar(sa.select(annotators.c.id).where(annotators.c.name == name))
    return None if found is None else int(found)


# --- attributions ---


def attribution(row: sa.RowMapping) -> AttributionRow:
    """An attribution row from its SQL row."""
    return AttributionRow(
        id=row["id"],
        statement_id=row["statement_id"],
        source_id=row["source_id"],
        annotator_id=row["annotator_id"],
        stance=Stance(row["stance"]),
        confidence_level_id=row["confidence_level_id"],
        note=row["note"] or "",
        origin=Origin(row["origin"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def attribution_columns(row: AttributionRow) -> dict[str, object]:
    """The columns of an attribution row, to insert it again exactly (undo)."""
    return {
        "id": row.id,
        "statement_id": row.statement_id,
        "source_id": row.source_id,
        "annotator_id": row.annotator_id,
        "stance": row.stance.value,
        "confidence_level_id": row.confidence_level_id,
        "note": row.note,
        "origin": row.origin.value,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def get_attribution(
    conn: sa.Connection, statement_id: int, source_id: int, annotator: int
) -> AttributionRow | None:
    row = (
        conn.execute(
            sa.select(attributions).where(
                attributions.c.statement_id == statement_id,
                attributions.c.source_id == source_id,
                attributions.c.annotator_id == annotator,
            )
        )
        .mappings()
        .first()
    )
    return attribution(row) if row else None


def _values(values: TagValues) -> dict[str, object]:
    return {
        "stance": Stance(values.stance).value,
        "confidence_level_id": values.confidence_level_id,
        "note": values.note,
        "origin": Origin(values.origin).value,
    }


def insert_attribution(
    conn: sa.Connection,
    key: TagKey,
    values: TagValues,
    created_at: datetime,
    updated_at: datetime | None = None,
) -> int | None:
    """The new tag's id; None when a tag with this key was made meanwhile by another writer
    (the caller reads it and changes it instead)."""
    row = {
        "statement_id": key.statement_id,
        "source_id": key.source_id,
        "annotator_id": key.annotator_id,
        **_values(values),
        "created_at": created_at,
        "updated_at": updated_at or created_at,
    }
    return insert_missing(conn, attributions, row, ["statement_id", "source_id", "annotator_id"])


def update_attribution(
    conn: sa.Connection, attribution_id: int, values: TagValues, updated_at: datetime
) -> None:
    conn.execute(
        sa.update(attributions)
        .where(attributions.c.id == attribution_id)
        .values(**_values(values), updated_at=updated_at)
    )


def delete_attribution(conn: sa.Connection, attribution_id: int) -> int:
    return conn.execute(sa.delete(attributions).where(attributions.c.id == attribution_id)).rowcount


def put_attribution_row(
    conn: sa.Connection, current: AttributionRow | None, wanted: AttributionRow | None
) -> None:
    """Turn `current` into `wanted` exactly (ids and times included): insert, update, delete."""
    if current is not None and (wanted is None or current.id != wanted.id):
        conn.execute(sa.delete(attributions).where(attributions.c.id == current.id))
        current = None
    if wanted is None:
        return
    columns = attribution_columns(wanted)
    if current is None:
        conn.execute(sa.insert(attributions).values(**columns))
    else:
        del columns["id"]
        conn.execute(
            sa.update(attributions).where(attributions.c.id == wanted.id).values(**columns)
        )


def attributions_of_statement(conn: sa.Connection, statement_id: int) -> list[TagRow]:
    query = (
        sa.select(
            attributions,
            sources.c.name.label("source"),
            annotators.c.name.label("annotator"),
            confidence_levels.c.label.label("confidence_label"),
            confidence_levels.c.rank.label("confidence_rank"),
        )
        .join(sources, sources.c.id == attributions.c.source_id)
        .join(annotators, annotators.c.id == attributions.c.annotator_id)
        .outerjoin(confidence_levels, confidence_levels.c.id == attributions.c.confidence_level_id)
        .where(attributions.c.statement_id == statement_id)
        .order_by(sources.c.position, attributions.c.id)
    )
    return [
        TagRow(
            **vars(attribution(row)),
            source=row["source"],
            annotator=row["annotator"],
            confidence_label=row["confidence_label"],
            confidence_rank=row["confidence_rank"],
        )
        for row in conn.execute(query).mappings()
    ]


# --- claims ---


def _claim(row: sa.RowMapping) -> ClaimRow:
    return ClaimRow(row["id"], row["label"], row["description"] or "", row["created_at"])


def claim_id(
    conn: sa.Connection, label: str, *, create: bool = True, description: str = ""
) -> int | None:
    if create:
        return ensure_claim(conn, label, description)[0]
    found = conn.scalar(sa.select(claims.c.id).where(claims.c.label == label))
    return None if found is None else int(found)


def ensure_claim(conn: sa.Connection, label: str, description: str = "") -> tuple[int, bool]:
    """The claim's id, and whether this call made it (not another writer, meanwhile)."""
    found = conn.scalar(sa.select(claims.c.id).where(claims.c.label == label))
    if found is not None:
        return int(found), False
    made = insert_missing(
        conn, claims, {"label": label, "description": description, "created_at": now()}, ["label"]
    )
    if made is not None:
        return made, True
    found = conn.scalar(sa.select(claims.c.id).where(claims.c.label == label))
    assert found is not None  # the other writer committed it: that is why ours was skipped
    return int(found), False


def get_claim(conn: sa.Connection, claim: int) -> ClaimRow | None:
    row = conn.execute(sa.select(claims).where(claims.c.id == claim)).mappings().first()
    return _claim(row) if row else None


def insert_claim(conn: sa.Connection, row: ClaimRow) -> None:
    """Make a claim again exactly as it was (its id included): redo of a link that made it."""
    conn.execute(
        sa.insert(claims).values(
            id=row.id, label=row.label, description=row.description, created_at=row.created_at
        )
    )


def delete_claim_if_unused(conn: sa.Connection, claim: int) -> bool:
    used = conn.scalar(
        sa.select(sa.func.count())
        .select_from(statement_claims)
        .where(statement_claims.c.claim_id == claim)
    )
    if used:
        return False
    conn.execute(sa.delete(claims).where(claims.c.id == claim))
    return True


def claim_linked(conn: sa.Connection, statement_id: int, claim: int) -> bool:
    return bool(
        conn.scalar(
            sa.select(sa.func.count())
            .select_from(statement_claims)
            .where(
                statement_claims.c.statement_id == statement_id,
                statement_claims.c.claim_id == claim,
            )
        )
    )


def link_claim(conn: sa.Connection, statement_id: int, claim: int) -> bool:
    """Link a statement to a claim; False if it was linked (also by a concurrent writer)."""
    return insert_link(conn, statement_claims, {"statement_id": statement_id, "claim_id": claim})


def unlink_claim(conn: sa.Connection, statement_id: int, claim: int) -> bool:
    return bool(
        conn.execute(
            sa.delete(statement_claims).where(
                statement_claims.c.statement_id == statement_id,
                statement_claims.c.claim_id == claim,
            )
        ).rowcount
    )


def claims_of_statement(conn: sa.Connection, statement_id: int) -> list[str]:
    return [claim.label for claim in claim_rows_of_statement(conn, statement_id)]


def list_claims(conn: sa.Connection) -> list[ClaimRow]:
    return [_claim(r) for r in conn.execute(sa.select(claims).order_by(claims.c.label)).mappings()]


def claim_rows_of_statement(conn: sa.Connection, statement_id: int) -> list[ClaimRow]:
    query = (
        sa.select(claims)
        .join(statement_claims, statement_claims.c.claim_id == claims.c.id)
        .where(statement_claims.c.statement_id == statement_id)
        .order_by(claims.c.label)
    )
    return [_claim(r) for r in conn.execute(query).mappings()]
