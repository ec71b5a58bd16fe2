"""`merge`'s report: per copy, what it brought, what conflicted and why.

The status is 0 also with conflicts: they are what a merge finds (the target's side kept), and
the report names each; a refused merge (a copy that is missing, no project, the target itself)
is the usual one line and status 1, with nothing written.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from app.services import merge as merge_service


def print_report(report: merge_service.MergeReport, fmt: str, *, dry_run: bool) -> None:
    if fmt == "json":
        print(json.dumps(_json(report, dry_run), ensure_ascii=False, indent=2, default=str))
        return
    for copy in report.copies:
        whose = f" ({', '.join(copy.annotators)})" if copy.annotators else ""
        print(
            f"{copy.copy}{whose}: {copy.articles_matched} of {copy.articles} articles matched; "
            f"{_count(copy.tags_added, 'tag')} added, {copy.tags_unchanged} unchanged, "
            f"{copy.tags_conflicting} conflicting; {_count(copy.links_added, 'claim link')}, "
            f"{_count(copy.marks_added, 'no-source mark')}, {_count(copy.reviews_added, 'review')}"
            " added"
        )
        for what, names in (
            ("sources", copy.sources_added),
            ("annotators", copy.annotators_added),
            ("claims", copy.claims_added),
        ):
            if names:
                print(f"  new {what}: {', '.join(names)}")
        for conflict in copy.conflicts:
            print(f"  {conflict.kind}: {_where(conflict)}: {conflict.reason}")
    if dry_run:
        print(f"dry run: nothing was written to {report.target}")
    elif report.written:
        print(f"merged into {report.target}")
    else:
        print(f"nothing to add to {report.target}")


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def _where(conflict: merge_service.Conflict) -> str:
    where = repr(conflict.article)
    if conflict.start is not None:
        where += f" {conflict.start}..{conflict.end}"
    return where + "".join(f", {x}" for x in (conflict.annotator, conflict.source) if x)


def _json(report: merge_service.MergeReport, dry_run: bool) -> dict[str, object]:
    return {
        "target": report.target,
        "written": report.written,
        "dry_run": dry_run,
        "copies": [
            {
                **{k: v for k, v in asdict(copy).items() if k != "conflicts"},
                "tags_conflicting": copy.tags_conflicting,
                "conflicts": [{**asdict(c), "kind": c.kind.value} for c in copy.conflicts],
            }
            for copy in report.copies
        ],
    }
