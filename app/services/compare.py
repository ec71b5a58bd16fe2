"""The claims × sources comparison: who asserts, who denies, how firmly, on each claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.compare import CellCounts, cell_stance, is_contradiction
from app.domain.model import DomainError
from app.services.project import Project
from app.store import queries
from app.store import tags as tag_store


@dataclass(frozen=True)
class Cell:
    stance: str  # asserts, denies, neutral or mixed
    confidence_rank: int | None
    confidence_label: str | None
    statements: int
    articles: int


@dataclass(frozen=True)
class MatrixRow:
    claim_id: int
    claim: str
    cells: dict[str, Cell]  # by source name; a missing source never mentions the claim
    contradiction: bool


@dataclass(frozen=True)
class Matrix:
    sources: list[str]
    rows: list[MatrixRow]


def compare(
    project: Project,
    source_names: Sequence[str] | None = None,
    *,
    contradictions_only: bool = False,
    annotator: str | None = None,
) -> Matrix:
    """Compute the matrix; `source_names` chooses and orders the columns."""
    with project.read() as conn:
        all_sources = tag_store.list_sources(conn)
        by_name = {s["name"].lower(): s for s in all_sources}
        if source_names:
            missing = [n for n in source_names if n.lower() not in by_name]
            if missing:
                raise DomainError(f"unknown source(s): {', '.join(missing)}")
            chosen = [by_name[n.lower()] for n in source_names]
        else:
            chosen = all_sources
        # Contradictions are judged over every source, even those not shown as columns.
        counts = queries.claim_cells(conn, None, annotator)
        labels = queries.claim_labels(conn)
        level_labels = {lv["rank"]: lv["label"] for lv in tag_store.active_levels(conn)}

    names = {s["id"]: s["name"] for s in all_sources}
    shown = {s["id"] for s in chosen}
    per_claim: dict[int, list[CellCounts]] = {}
    for cell in counts:
        per_claim.setdefault(cell.claim_id, []).append(cell)
    rows = []
    for claim_id, cells in sorted(per_claim.items(), key=lambda item: labels[item[0]].lower()):
        contradiction = is_contradiction(cells)
        if contradictions_only and not contradiction:
            continue
        row_cells = {
            names[c.source_id]: Cell(
                cell_stance(c),
                c.best_rank,
                level_labels.get(c.best_rank) if c.best_rank is not None else None,
                c.statements,
                c.articles,
            )
            for c in cells
            if c.source_id in shown
        }
        rows.append(MatrixRow(claim_id, labels[claim_id], row_cells, contradiction))
    return Matrix([s["name"] for s in chosen], rows)
