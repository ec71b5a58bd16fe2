"""Sources, annotators, confidence levels, claims and attributions: the tagging tables."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from app.domain.defaults import ScaleSeed, SourceSeed
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


def now() -> datetime:
    return datetime.now(UTC)


# --- sources ---


def list_sources(conn: sa.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(sources).order_by(sources.c.position, sources.c.id)).mappings()
    result = [dict(row) for row in rows]
    aliases: dict[int, dict[str, list[str]]] = {}
    for row in conn.execute(
        sa.select(source_aliases).order_by(source_aliases.c.language, source_aliases.c.id)
    ).mappings():
        aliases.setdefault(row["source_id"], {}).setdefault(row["language"], []).append(
            row["alias"]
        )
    for source in result:
        source["aliases"] = aliases.get(source["id"], {})
    return result


def source_id_by_name(conn: sa.Connection, name: str) -> int | None:
    """Exact name first, then case-insensitive (so `--source kremlin` works)."""
    found = conn.scalar(sa.select(sources.c.id).where(sources.c.name == name))
    if found is None:
        found = conn.scalar(
            sa.select(sources.c.id).where(sa.func.lower(sources.c.name) == name.lower())
        )
    return found


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
        conn.execute(
            sa.insert(sources).values(
                name=name,
                colour=colour,
                description=description,
                parent_id=parent_id,
                reliability=reliability,
                position=position + 1,
            )
        ).inserted_primary_key[0]
    )


def update_source(conn: sa.Connection, source_id: int, **values: Any) -> None:
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


def seed_sources(conn: sa.Connection, seeds: Iterable[SourceSeed]) -> None:
    for seed in seeds:
        source_id = add_source(conn, seed.name, seed.colour, seed.description)
        for language, aliases in seed.aliases.items():
            add_aliases(conn, source_id, language, aliases)


# --- confidence scales ---


def add_scale(conn: sa.Connection, seed: ScaleSeed, *, active: bool) -> int:
    scale_id = int(
        conn.execute(
            sa.insert(confidence_scales).values(name=seed.name, active=active)
        ).inserted_primary_key[0]
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


def active_levels(conn: sa.Connection) -> list[dict[str, Any]]:
    """Levels of the project's active scale, firmest (rank 1) first."""
    query = (
        sa.select(confidence_levels)
        .join(confidence_scales, confidence_scales.c.id == confidence_levels.c.scale_id)
        .where(confidence_scales.c.active.is_(True))
        .order_by(confidence_levels.c.rank)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def all_levels(conn: sa.Connection) -> dict[int, dict[str, Any]]:
    """Every confidence level of every scale by id (rank, label, scale_id): a tag keeps the
    level it was given when another scale is made active."""
    query = sa.select(
        confidence_levels.c.id,
        confidence_levels.c.rank,
        confidence_levels.c.label,
        confidence_levels.c.scale_id,
    )
    return {row["id"]: dict(row) for row in conn.execute(query).mappings()}


def level_by_id(conn: sa.Connection, level_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(sa.select(confidence_levels).where(confidence_levels.c.id == level_id))
        .mappings()
        .first()
    )
    return dict(row) if row else None


# --- annotators ---


def annotator_id(conn: sa.Connection, name: str, *, create: bool = True) -> int | None:
    found = conn.scalar(sa.select(annotators.c.id).where(annotators.c.name == name))
    if found is None and create:
        found = conn.execute(sa.insert(annotators).values(name=name)).inserted_primary_key[0]
    return None if found is None else int(found)


# --- attributions ---


def get_attribution(
    conn: sa.Connection, statement_id: int, source_id: int, annotator: int
) -> dict[str, Any] | None:
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
    return dict(row) if row else None


def insert_attribution(conn: sa.Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(sa.insert(attributions).values(**values)).inserted_primary_key[0])


def update_attribution(conn: sa.Connection, attribution_id: int, values: dict[str, Any]) -> None:
    conn.execute(
        sa.update(attributions).where(attributions.c.id == attribution_id).values(**values)
    )


def delete_attribution(conn: sa.Connection, attribution_id: int) -> int:
    return conn.execute(sa.delete(attributions).where(attributions.c.id == attribution_id)).rowcount


def attributions_of_statement(conn: sa.Connection, statement_id: int) -> list[dict[str, Any]]:
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
    return [dict(row) for row in conn.execute(query).mappings()]


# --- claims ---


def claim_id(
    conn: sa.Connection, label: str, *, create: bool = True, description: str = ""
) -> int | None:
    found = conn.scalar(sa.select(claims.c.id).where(claims.c.label == label))
    if found is None and create:
        found = conn.execute(
            sa.insert(claims).values(label=label, description=description, created_at=now())
        ).inserted_primary_key[0]
    return None if found is None else int(found)


def link_claim(conn: sa.Connection, statement_id: int, claim: int) -> bool:
    exists = conn.scalar(
        sa.select(sa.func.count())
        .select_from(statement_claims)
        .where(
            statement_claims.c.statement_id == statement_id, statement_claims.c.claim_id == claim
        )
    )
    if exists:
        return False
    conn.execute(sa.insert(statement_claims).values(statement_id=statement_id, claim_id=claim))
    return True


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
    return list(
        conn.execute(
            sa.select(claims.c.label)
            .join(statement_claims, statement_claims.c.claim_id == claims.c.id)
            .where(statement_claims.c.statement_id == statement_id)
            .order_by(claims.c.label)
        ).scalars()
    )


def list_claims(conn: sa.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sa.select(claims).order_by(claims.c.label)).mappings()]


def claim_rows_of_statement(conn: sa.Connection, statement_id: int) -> list[dict[str, Any]]:
    query = (
        sa.select(claims.c.id, claims.c.label)
        .join(statement_claims, statement_claims.c.claim_id == claims.c.id)
        .where(statement_claims.c.statement_id == statement_id)
        .order_by(claims.c.label)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def set_aliases(conn: sa.Connection, source_id: int, language: str, aliases: Iterable[str]) -> None:
    """Replace a source's aliases in one language."""
    conn.execute(
        sa.delete(source_aliases).where(
            source_aliases.c.source_id == source_id, source_aliases.c.language == language
        )
    )
    add_aliases(conn, source_id, language, aliases)


def list_scales(conn: sa.Connection) -> list[dict[str, Any]]:
    scales = [
        dict(r)
        for r in conn.execute(
            sa.select(confidence_scales).order_by(confidence_scales.c.id)
        ).mappings()
    ]
    levels = conn.execute(
        sa.select(confidence_levels).order_by(confidence_levels.c.rank)
    ).mappings()
    by_scale: dict[int, list[dict[str, Any]]] = {}
    for level in levels:
        by_scale.setdefault(level["scale_id"], []).append(dict(level))
    for scale in scales:
        scale["levels"] = by_scale.get(scale["id"], [])
    return scales


def activate_scale(conn: sa.Connection, scale_id: int) -> None:
    conn.execute(sa.update(confidence_scales).values(active=confidence_scales.c.id == scale_id))


def replace_levels(conn: sa.Connection, scale_id: int, levels: list[tuple[str, str]]) -> None:
    """Make a scale's levels exactly `levels` (label, description), firmest first.

    Existing levels keep their ids by position, so the tags that use them keep their level;
    a level beyond the new count is removed only if no tag uses it.
    """
    from app.domain.model import DomainError

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
        raise DomainError("a level that tags use cannot be removed")
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
