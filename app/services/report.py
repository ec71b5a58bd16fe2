"""The side by side comparison as a report: HTML (for the window and for a report) and CSV."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.language import quoted
from app.domain.spreadsheet import csv_writer, neutralise
from app.services.compare import SideBySide
from app.services.exporting import atomic_text_file

GLYPHS = {"asserts": "▲", "denies": "▼", "neutral": "●"}
STANCE_COLOURS = {"asserts": "#1e7b1e", "denies": "#b3202c", "neutral": "#555555"}
CSV_COLUMNS = (
    "claim_id",
    "claim",
    "source",
    "stance",
    "confidence_rank",
    "confidence_label",
    "statement_id",
    "statement_text",
    "article_id",
    "article_title",
    "outlet",
    "published",
)


def claim_anchor(claim_id: int) -> str:
    """The name of a claim's row in the window's side-by-side table."""
    return f"claim-{claim_id}"


def _later_statements(hidden: int) -> str:
    return f"… and {hidden:,} later statement(s)"


@dataclass(frozen=True)
class TableWords:
    """The words of the side-by-side table: English here (the exports), the interface's own
    in the window, which passes its translations."""

    claim: str = "Claim"
    stances: Mapping[str, str] = field(default_factory=dict)  # a stance's word; none: itself
    later: Callable[[int], str] = _later_statements  # "… and 3 later statements"
    day: Callable[[date], str] = date.isoformat  # a publication date: 2024-11-20, 20/11/2024


def side_by_side_html(
    view: SideBySide,
    *,
    links: bool = True,
    standalone: bool = False,
    stance_colours: Mapping[str, str] | None = None,
    language: str = "en",
    words: TableWords | None = None,
) -> str:
    """A table: one row per claim, one column per source, each cell the source's quotes.

    With `links`, each quote links to `statement:ARTICLE:STATEMENT` (the window opens it).
    `stance_colours` colour the stances (the window's theme gives colours that read on its
    background); quotes are in the quotation marks of `language`."""
    colours = stance_colours or STANCE_COLOURS
    words = words or TableWords()
    esc = html.escape
    head = "".join(f"<th>{esc(s)}</th>" for s in view.sources)
    rows = []
    for claim_id, label in view.claims:
        cells = []
        for source in view.sources:
            quotes = view.quotes.get((claim_id, source), [])
            parts = []
            for q in quotes:
                colour = colours.get(q.stance, "#333")
                published = words.day(q.published) if q.published else None
                meta = " · ".join(v for v in (q.outlet, published, q.confidence) if v)
                text = quoted(esc(q.text), language)
                if links:
                    text = f"<a href='statement:{q.article_id}:{q.statement_id}'>{text}</a>"
                stance = f"{GLYPHS.get(q.stance, '')} {esc(words.stances.get(q.stance, q.stance))}"
                where = esc(q.title) + (" — " + esc(meta) if meta else "")
                badge = f"<b style='color:{colour}'>{stance}</b>"
                parts.append(f"<p>{badge} {text}<br><small>{where}</small></p>")
            hidden = (quotes[0].cell_total - len(quotes)) if quotes else 0
            if hidden > 0:
                parts.append(f"<p><small>{esc(words.later(hidden))}</small></p>")
            cells.append(f"<td valign='top'>{''.join(parts) or '<small>—</small>'}</td>")
        # An anchor per claim, so the window can open the table at one claim (Compare's
        # double-click); the standalone export has no use for it.
        anchor = f"<a name='{claim_anchor(claim_id)}'></a>" if links else ""
        rows.append(f"<tr><td valign='top'>{anchor}<b>{esc(label)}</b></td>{''.join(cells)}</tr>")
    table = (
        "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        f"<tr><th>{esc(words.claim)}</th>{head}</tr>{''.join(rows)}</table>"
    )
    if not standalone:
        return table
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Side by side</title>"
        "<style>body{font-family:sans-serif} th{background:#eee;text-align:left} "
        "td{vertical-align:top} small{color:#555}</style></head><body>"
        f"<h1>Side by side: {esc(' | '.join(view.sources))}</h1>{table}</body></html>"
    )


def export_side_by_side_html(view: SideBySide, path: Path) -> None:
    with atomic_text_file(path) as handle:
        handle.write(side_by_side_html(view, links=False, standalone=True))


def export_side_by_side_csv(view: SideBySide, path: Path, *, excel: bool = False) -> int:
    """One row per quote (claim, source, statement), formula-neutralised like every export."""
    count = 0
    with atomic_text_file(path, bom=excel) as handle:
        writer = csv_writer(handle, "\r\n" if excel else "\n")
        writer.writerow(CSV_COLUMNS)
        for claim_id, label in view.claims:
            for source in view.sources:
                for q in view.quotes.get((claim_id, source), []):
                    row = [
                        claim_id,
                        label,
                        source,
                        q.stance,
                        q.confidence_rank,
                        q.confidence,
                        q.statement_id,
                        q.text,
                        q.article_id,
                        q.title,
                        q.outlet,
                        q.published.isoformat() if q.published else "",
                    ]
                    writer.writerow(
                        [
                            neutralise(v) if isinstance(v, str) else ("" if v is None else v)
                            for v in row
                        ]
                    )
                    count += 1
    return count
