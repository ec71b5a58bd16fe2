"""Export safety: every formula trigger in titles, statements and notes, exported and read back.

Each of `=`, `+`, `-`, `@`, tab, CR and LF opens a text after no, one and three spaces (and a
text opening with an apostrophe, which neutralisation must double). Articles are titled with
them, their statements are them, their tags carry them as notes. The harness exports CSV (plain
and for Excel) and JSON Lines, reads the files back as a spreadsheet would, and checks:

- no cell would be evaluated: after any spaces it does not start with a trigger (checked here
  with a rule of its own, not with the app's `would_run`);
- every title, statement text and note reads back exactly once the documented neutralisation
  (one leading apostrophe) is removed; JSON Lines carries them unchanged;
- `import-tags` of the CSV into the same project finds every tag already there, unchanged.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from app.domain.model import ArticleDraft, Span
from app.domain.spreadsheet import restore
from app.services import exporting, tag_import, tagging
from app.services.importing import store_draft
from app.services.project import Project

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
PADS = ("", " ", "   ")
HOSTILE = [
    *(f'{pad}{t}HYPERLINK("http://x.example","clic") é' for t in TRIGGERS for pad in PADS),
    "'=1+1 déjà une apostrophe",
    "''@deux apostrophes",
    "texte ordinaire « sûr »",
]
TEXT_COLUMNS = ("article_title", "statement_text", "note")


def would_be_evaluated(cell: str) -> bool:
    """What a spreadsheet evaluates: a cell opening, after spaces, with a trigger."""
    return cell.lstrip(" ")[:1] in set(TRIGGERS)


def build(path: Path) -> dict[tuple[int, str], dict[str, str]]:
    """A project whose titles, statements and notes are the hostile texts.

    Returns what each tag's row must read back as: {(statement_id, source): {column: text}}.
    """
    expected: dict[tuple[int, str], dict[str, str]] = {}
    separator = " | "
    with Project.open(path, create=True) as project:
        for number, title in enumerate(HOSTILE):
            texts = HOSTILE[number:] + HOSTILE[:number]  # a different text first each time
            body = separator.join(texts)
            spans, cursor = [], 0
            for text in texts:
                spans.append(Span(cursor, cursor + len(text)))
                cursor += len(text) + len(separator)
            draft = ArticleDraft(title=title, body=body, language="fr", spans=spans)
            article_id = store_draft(project, draft, f"hostile-{number}.txt").article_id
            with project.read() as conn:
                ids = [
                    row[0]
                    for row in conn.exec_driver_sql(
                        "SELECT id FROM statements WHERE article_id = ? ORDER BY ordinal",
                        (article_id,),
                    )
                ]
            for index, (statement_id, text) in enumerate(zip(ids, texts, strict=True)):
                note = HOSTILE[(index + 3 * number) % len(HOSTILE)]
                tagging.tag_statement(project, statement_id, "Kremlin", stance="denies",
                                      confidence="Certain", note=note)  # fmt: skip
                expected[(statement_id, "Kremlin")] = {
                    "article_title": title, "statement_text": text, "note": note,
                }  # fmt: skip
    return expected


def check(workdir: Path) -> dict[str, Any]:
    """Build, export, read back; returns the figures and the failures."""
    workdir.mkdir(parents=True, exist_ok=True)
    project_path = workdir / "hostile-text.sourcetrack"
    expected = build(project_path)
    failures: list[str] = []
    cells = evaluated = 0
    with Project.open(project_path) as project:
        for excel in (False, True):
            out = workdir / f"tags{'-excel' if excel else ''}.csv"
            exporting.export_csv(project, out, excel=excel)
            with out.open(encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
                records = list(csv.DictReader(handle, strict=True))
            if len(records) != len(expected):
                failures.append(f"{out.name}: {len(records)} rows for {len(expected)} tags")
            for record in records:
                for value in record.values():
                    cells += 1
                    if would_be_evaluated(value):
                        evaluated += 1
                        failures.append(f"{out.name}: a cell would run: {value!r}")
                key = (int(record["statement_id"]), record["source"])
                read = {c: restore(record[c]) for c in TEXT_COLUMNS}
                if read != expected.get(key):
                    failures.append(f"{out.name}: {key} reads back as {read!r}")
            report = tag_import.import_tags(project, out)
            if (report.added, report.updated, report.unchanged) != (0, 0, len(expected)):
                failures.append(f"import-tags of {out.name} changed the project: {report}")
        jsonl = workdir / "tags.jsonl"
        exporting.export_jsonl(project, jsonl)
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            key = (record["statement_id"], record["source"])
            if {c: record[c] for c in TEXT_COLUMNS} != expected.get(key):
                failures.append(f"tags.jsonl: {key} differs")
    return {
        "texts": len(HOSTILE),
        "tags": len(expected),
        "cells_checked": cells,
        "cells_that_would_run": evaluated,
        "failures": failures[:20],
    }
