"""Writing rows to standard output as an aligned table, CSV, JSON or JSON Lines."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import IO, Any

from app.domain.spreadsheet import csv_writer, neutralise


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any, limit: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_rows(
    rows: Sequence[Mapping[str, object]],
    columns: Sequence[str],
    fmt: str,
    out: IO[str] | None = None,
    *,
    limits: dict[str, int] | None = None,
) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(
            [{c: _jsonable(r.get(c)) for c in columns} for r in rows],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(
                json.dumps({c: _jsonable(r.get(c)) for c in columns}, ensure_ascii=False) + "\n"
            )
    elif fmt == "csv":
        writer = csv_writer(out)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(
                [
                    neutralise(v) if isinstance(v, str) else ("" if v is None else _jsonable(v))
                    for v in (r.get(c) for c in columns)
                ]
            )
    else:
        limits = limits or {}
        table = [[_cell(r.get(c), limits.get(c, 60)) for c in columns] for r in rows]
        widths = [
            max([_width(c)] + [_width(row[i]) for row in table]) for i, c in enumerate(columns)
        ]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths, strict=True)
            ).rstrip()

        out.write(line(columns) + "\n")
        out.write(line(["-" * w for w in widths]) + "\n")
        for row in table:
            out.write(line(row) + "\n")
