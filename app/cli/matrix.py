"""`compare`'s layer options and its rows: one per (claim, source) of the layer shown.

`--annotator NAME` shows that annotator's tags, `--layer agreed` where every annotator who
judged a statement tagged it alike, `--layer consensus` the adjudicated tags; without either,
the only annotator's tags when one has judged the project, else `--layer agreed` (see
`app.domain.layers`). Coders who differ are counted apart, in `coder_disagreements`.
"""

from __future__ import annotations

import argparse

from app.cli.errors import CliError
from app.domain.layers import Layer, LayerKind
from app.services import compare as compare_service

COLUMNS = [
    "claim_id",
    "claim",
    "source",
    "stance",
    "confidence_rank",
    "confidence_label",
    "statements",
    "articles",
    "contested",
    "coder_disagreements",
    "layer",
]


def layer_of(args: argparse.Namespace) -> Layer | None:
    """The layer `--annotator` or `--layer` names; None for the default."""
    if args.annotator and args.layer:
        raise CliError("give --annotator or --layer, not both")
    if args.layer == "agreed":
        return Layer.agreed()
    if args.layer == "consensus":
        return Layer.consensus()
    return Layer.of(args.annotator) if args.annotator else None


def layer_name(layer: Layer | None) -> str:
    """The layer as the options name it: an annotator's name, or "agreed"."""
    if layer is None or layer.kind is LayerKind.AGREED:
        return "agreed"
    return layer.annotator or ""


def records(matrix: compare_service.Matrix) -> list[dict[str, object]]:
    """One record per (claim, source) cell of the layer, and one per (claim, source) the coders
    disagree on that the layer has no cell for (no stance, no statements)."""
    rows: list[dict[str, object]] = []
    layer = layer_name(matrix.layer)
    for row in matrix.rows:
        for source in matrix.sources:
            cell = row.cells.get(source)
            differ = row.disagreements.get(source, 0)
            if cell is None and not differ:
                continue
            rows.append(
                {
                    "claim_id": row.claim_id,
                    "claim": row.claim,
                    "source": source,
                    "stance": cell.stance if cell else None,
                    "confidence_rank": cell.confidence_rank if cell else None,
                    "confidence_label": cell.confidence_label if cell else None,
                    "statements": cell.statements if cell else 0,
                    "articles": cell.articles if cell else 0,
                    "contested": row.contradiction,
                    "coder_disagreements": differ,
                    "layer": layer,
                }
            )
    return rows


def differ_text(row: compare_service.MatrixRow) -> str:
    """ "Seoul: 1 statement; Kremlin: 2 statements": where the coders differ, on how many."""
    return "; ".join(
        f"{source}: {n} statement{'s' if n != 1 else ''}" for source, n in row.disagreements.items()
    )
