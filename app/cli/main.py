"""`sourcetrack COMMAND PROJECT …`: every use case from a terminal or a script.

Exit status: 0 on success; 1 when the input or the project is refused (one line on standard
error, nothing changed); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import judgements as judgement_cli
from app.cli import matrix as matrix_cli
from app.cli import merging, output
from app.cli.errors import CliError
from app.cli.parser import ArgumentRefused, build_parser, join_dash_values
from app.domain.edits import UNCHANGED, NewSource, Unchanged
from app.domain.model import DomainError
from app.domain.rows import TagSummary
from app.services import (
    article_details,
    browse,
    export_job,
    exporting,
    sources,
    tag_import,
    tagging,
)
from app.services import compare as compare_service
from app.services import errors as service_errors
from app.services import location as location_service
from app.services import merge as merge_service
from app.services import suggest as suggest_service
from app.services.demo import build_demo
from app.services.importing import (
    ARTICLE_SUFFIXES,
    ArticleMeta,
    ImportReport,
    Outcome,
    import_paths,
)
from app.services.project import Project, ProjectError, default_annotator
from app.services.reading import InputError


def _code_map(pairs: Sequence[str]) -> dict[str, str]:
    """`--map CODE=SOURCE` options as a dict (the code name may itself hold '=')."""
    mapping = {}
    for pair in pairs:
        code, sep, source = pair.rpartition("=")
        if not sep or not code.strip() or not source.strip():
            raise CliError(f"--map wants CODE=SOURCE, not {pair!r}")
        mapping[code.strip()] = source.strip()
    return mapping


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = sys.argv[1:] if argv is None else argv
    try:
        args = parser.parse_args(join_dash_values(parser, words))  # `--note -x` is a value
        return HANDLERS[args.command](args)
    except (CliError, ProjectError, DomainError, InputError, ArgumentRefused) as error:
        print(f"sourcetrack: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as error:
        message = service_errors.database_message(error)
        if message is None:
            raise
        print(f"sourcetrack: database error: {message}", file=sys.stderr)
        return 1


def _open(location: str, *, create: bool = False) -> Project:
    project = Project.open(location, create=create)
    warning = location_service.storage_warning(location)
    if warning is not None:
        print(f"sourcetrack: warning: {warning}", file=sys.stderr)
    if project.backup_path is not None:
        print(
            f"upgraded the project; the previous version is kept at {project.backup_path}",
            file=sys.stderr,
        )
    return project


def cmd_demo(args: argparse.Namespace) -> int:
    with build_demo(args.project) as project:
        counts = browse.project_counts(project)
    print(
        f"wrote {args.project}: {counts['articles']} articles, {counts['statements']} statements, "
        f"{counts['attributions']} tags, {counts['claims']} claims"
    )
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    # Safe when two people run it at once: making and seeding a project are serialised.
    with _open(args.project, create=True) as project:
        counts = browse.project_counts(project)
        sources = len(browse.source_names(project))
    state = "holds" if counts["articles"] else "is ready, with"
    print(f"{project.display_name} {state} {counts['articles']} articles and {sources} sources")
    return 0


def _skipped(report: ImportReport) -> str:
    skipped = report.count(Outcome.SKIPPED)
    return f", {skipped} skipped" if skipped else ""


def cmd_import(args: argparse.Namespace) -> int:
    meta = ArticleMeta(
        title=args.title,
        outlet=args.outlet,
        published=args.published,
        url=args.url,
        author=args.author,
        language=args.language,
    )
    source_map = _code_map(args.map)
    existed = Path(args.project).exists() or "://" in args.project
    with _open(args.project, create=True) as project:
        report = import_paths(project, args.paths, meta, source_map=source_map)
    if not existed and not report.count(Outcome.IMPORTED):
        # Nothing came in: do not leave an empty project behind for a failed first import.
        for suffix in ("", "-wal", "-shm"):
            Path(args.project + suffix).unlink(missing_ok=True)
    for result in report.results:
        stream = sys.stderr if result.outcome is Outcome.REFUSED else sys.stdout
        print(f"{result.outcome.value}: {result.name}: {result.message}", file=stream)
    if len(report.results) == report.count(Outcome.SKIPPED):
        raise CliError(f"no article files found to import ({', '.join(ARTICLE_SUFFIXES)})")
    print(
        f"{report.count(Outcome.IMPORTED)} imported, {report.count(Outcome.DUPLICATE)} duplicate"
        f"{'s' if report.count(Outcome.DUPLICATE) != 1 else ''}, "
        f"{report.count(Outcome.REFUSED)} refused" + _skipped(report)
    )
    return 1 if report.count(Outcome.REFUSED) else 0


def cmd_articles(args: argparse.Namespace) -> int:
    if args.action == "edit":
        return _edit_article(args)
    with _open(args.project) as project:
        rows = judgement_cli.article_rows(project, args)  # progress, reviews, their filters
    columns = judgement_cli.ARTICLE_COLUMNS
    output.write_rows(rows, columns, args.format, limits={"title": 50, "url": 40})
    return 0


def _edit_article(args: argparse.Namespace) -> int:
    published = UNCHANGED if args.published is None else (args.published or None)  # "": cleared
    change = article_details.DetailsChange(
        args.article_id,
        title=_given(args.title),
        outlet=_given(args.outlet),
        author=_given(args.author),
        published=published,
        url=_given(args.url),
        language=_given(args.language),
    )
    if not change.named:
        raise CliError("say what to change: --title, --outlet, --author, --published, --url or "
                       "--language")  # fmt: skip
    with _open(args.project) as project:
        edit = article_details.edit_article_details(project, change)
    if not edit.changed:
        print(f"article {edit.article_id}: nothing changed")
    for name in edit.changed:
        before, after = getattr(edit.before, name), getattr(edit.after, name)
        print(f"article {edit.article_id}: {name}: {_shown(before)} → {_shown(after)}")
    return 0


def _given(value: str | None) -> str | Unchanged:
    """An option's text, or UNCHANGED where it was not given."""
    return UNCHANGED if value is None else value


def _shown(value: object) -> str:
    return "(none)" if value is None else repr(str(value))


def cmd_statements(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        browse.check_filter(
            project,
            article_ids=[args.article] if args.article is not None else None,
            source_names=[args.source] if args.source else None,
        )
        # `--annotator` alone: that annotator's tags, on the statements they tagged (an unknown
        # one refused); with --untagged or --no-source, whose judgements those count.
        tags_of = None if args.untagged or args.no_source else args.annotator
        judged_by = None if tags_of else judgement_cli.judged_by(project, args)
        found = browse.statements_with_tags(
            project,
            args.article,
            args.source,
            args.search,
            untagged=args.untagged,
            no_source=args.no_source,
            judged_by=judged_by,
            annotator=tags_of,
        )
        marks = judgement_cli.no_source_of(project, [s.id for s, _ in found], judged_by)
        # Whose each tag is, said where it could be anyone's: several annotators have judged.
        whose = tags_of is None and len(browse.judging_annotators(project)) > 1
    rows: list[dict[str, object]] = []
    for statement, tags in found:
        row: dict[str, object] = {
            "id": statement.id,
            "article_id": statement.article_id,
            "ordinal": statement.ordinal,
            "start": statement.start,
            "end": statement.end,
            "text": statement.text,
        }
        if args.format == "jsonl":
            row["tags"] = [
                {
                    "source": t.source,
                    "stance": t.stance.value,
                    "confidence": t.confidence,
                    "annotator": t.annotator,
                }
                for t in tags
            ]
            row["claims"] = list(statement.claims)
            row["no_source"] = list(marks.get(statement.id, ()))
        else:
            row["tags"] = "; ".join(_tag_text(t, whose) for t in tags)
            row["claims"] = "; ".join(statement.claims)
            row["no_source"] = "; ".join(marks.get(statement.id, ()))
        rows.append(row)
    columns = ["id", "article_id", "ordinal", "start", "end", "text", "tags", "claims", "no_source"]
    limits = {"text": 70, "tags": 80 if whose else 50, "claims": 40}
    output.write_rows(rows, columns, args.format, limits=limits)
    return 0


def _tag_text(tag: TagSummary, whose: bool) -> str:
    """ "Seoul asserts (Probable)"; with `whose`, "Seoul asserts (Probable) by ana"."""
    text = f"{tag.source} {tag.stance}" + (f" ({tag.confidence})" if tag.confidence else "")
    return f"{text} by {tag.annotator}" if whose else text


def cmd_tag(args: argparse.Namespace) -> int:
    """Names become ids (`resolve_tag`, `find_tag`); the edit itself is `tagging.tag` or
    `tagging.untag`, the very functions the window's tag command calls."""
    with _open(args.project) as project:
        if args.remove:
            key = tagging.find_tag(project, args.statement_id, args.source, args.annotator)
            if key is None or not tagging.untag(project, key).removed:
                others = tagging.annotators_with_tag(project, args.statement_id, args.source)
                whose = args.annotator or default_annotator()
                hint = (
                    f" (its {args.source} tags are by {', '.join(others)}; give --annotator)"
                    if others
                    else ""
                )
                raise CliError(
                    f"statement {args.statement_id} has no {args.source} tag by {whose} to "
                    f"remove{hint}"
                )
            print(f"removed the {args.source} tag from statement {args.statement_id}")
            return 0
        change = tagging.resolve_tag(
            project,
            args.statement_id,
            args.source,
            stance=args.stance,
            confidence=args.confidence,
            claims=args.claim,
            note=args.note,
            annotator=args.annotator,
        )
        edit = tagging.tag(project, change)
    assert edit.after is not None
    verb = "tagged" if edit.created else "changed the tag of"
    linked = f"; linked to {', '.join(edit.linked_claims)}" if edit.linked_claims else ""
    print(f"{verb} statement {args.statement_id}: {args.source} {edit.after.stance}{linked}")
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        return judgement_cli.mark(project, args)


def cmd_review(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        return judgement_cli.review(project, args)


def _suggestion_row(s: suggest_service.Suggestion) -> dict[str, object]:
    """The documented suggestion row (JSON Lines): snake_case, evidence as text+offsets."""
    return {
        "statement_id": s.statement_id,
        "source": s.source,
        "stance": s.stance.value,
        "confidence": s.confidence,
        "score": s.score,
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in s.evidence],
    }


def cmd_suggest(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        found = suggest_service.suggest(
            project, article_id=args.article, annotator=args.annotator, include_dismissed=True
        )
        report = (
            suggest_service.apply(project, annotator=args.annotator, suggestions=found)
            if args.apply
            else None
        )
    shown = [s for s in found if s.status is not suggest_service.Status.DISMISSED]
    columns = ["statement_id", "source", "stance", "confidence", "score", "evidence"]
    rows = [_suggestion_row(s) for s in shown]
    if args.format == "table":
        for row, s in zip(rows, shown, strict=True):
            row["status"] = s.status.value
            row["evidence"] = " · ".join(e.text for e in s.evidence)
        columns.insert(5, "status")
    output.write_rows(rows, columns, args.format, limits={"evidence": 70})
    if report is not None:
        stream = sys.stderr if args.format == "jsonl" else sys.stdout
        print(f"applied: {report.summary()}", file=stream)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    layer = matrix_cli.layer_of(args)
    with _open(args.project) as project:
        matrix = compare_service.compare(
            project, args.source, contradictions_only=args.contradictions, layer=layer
        )
    if args.format in ("csv", "json"):
        output.write_rows(matrix_cli.records(matrix), matrix_cli.COLUMNS, args.format)
        return 0
    several = len(matrix.annotators) > 1
    if several and matrix.layer is not None:
        # Said first: with several annotators, whose tags (or whose agreement) these are.
        print(f"layer: {matrix.layer.describe(matrix.annotators)}")
    rows = []
    for row in matrix.rows:
        record: dict[str, object] = {
            "claim": row.claim,
            "contested": "yes" if row.contradiction else "",
            "coders differ": matrix_cli.differ_text(row),
        }
        for source in matrix.sources:
            cell = row.cells.get(source)
            record[source] = exporting.describe_cell(cell) if cell else "—"
        rows.append(record)
    columns = ["claim", "contested", *(["coders differ"] if several else []), *matrix.sources]
    output.write_rows(rows, columns, "table", limits={"claim": 45, "coders differ": 40})
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    # The same job as the window's File ▸ Export…, so both write the same file and report.
    request = export_job.ExportRequest(
        output=args.output,
        format=args.format,
        excel=args.excel,
        article_ids=args.article,
        source_names=args.source,
        annotator=args.annotator,
        stance=args.stance,
        outlet=args.outlet,
        published_from=args.published_from,
        published_to=args.published_to,
    )
    if not args.output.parent.is_dir():  # before the project is opened (or made)
        raise CliError(f"the folder {args.output.parent} does not exist")
    with _open(args.project) as project:
        text = export_job.write_export(project, request)
    # Written to a pipe or a terminal (`-o /dev/stdout | …`): the report must not join the data.
    report = sys.stdout if exporting.is_plain_file(args.output) else sys.stderr
    print(text, file=report)
    return 0


def cmd_import_tags(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        print(export_job.tags_report(tag_import.import_tags(project, args.file)))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        action = args.action or "list"
        if action == "add":
            parent = (
                sources.find_source(project, args.parent, what="parent source").id
                if args.parent
                else None
            )
            sources.add_source(
                project,
                NewSource(
                    args.name,
                    colour=args.colour,
                    description=args.description,
                    parent_id=parent,
                    reliability=args.reliability,
                ),
            )
            print(f"added source {args.name}")
        elif action == "rename":
            source = sources.find_source(project, args.old)
            sources.rename_source(project, source.id, source.name, args.new)
            print(f"renamed {args.old} to {args.new}; its tags follow")
        elif action == "alias":
            source_id = sources.find_source(project, args.source).id
            if args.remove:
                removed = sum(
                    sources.remove_alias(project, source_id, args.language, a).count
                    for a in args.aliases
                )
                print(f"removed {removed} alias(es) from {args.source}")
            else:
                edit = sources.add_aliases(project, source_id, args.language, args.aliases)
                print(f"added {edit.count} alias(es) to {args.source} ({args.language})")
        elif action == "known":
            source_id = sources.find_source(project, args.source).id
            offered = sources.known_aliases(project, source_id)
            if args.add:
                added = sum(e.count for e in sources.adopt_known_aliases(project, source_id))
                print(f"added {added} alias(es) from the knowledge base to {args.source}")
            else:
                for language, items in sorted(offered.items()):
                    print(f"{language}: {'; '.join(items)}")
                if not offered:
                    print(f"the knowledge base offers no new alias for {args.source}")
        elif action == "learn":
            offers = suggest_service.alias_offers(
                project, args.statement_id, annotator=args.annotator
            )
            for offer in offers:
                if args.add:
                    suggest_service.learn_alias(project, offer)
                    print(
                        f"learnt {offer.phrase!r} as an alias of {offer.source} ({offer.language})"
                    )
                else:
                    print(f"{offer.source} ({offer.language}): {offer.phrase}")
            if not offers:
                print(f"statement {args.statement_id} teaches no new alias")
        else:
            found = sources.list_sources(project)
            names = {s.id: s.name for s in found}
            rows = [
                {
                    "id": s.id,
                    "name": s.name,
                    "colour": s.colour,
                    "parent": names.get(s.parent_id, "") if s.parent_id is not None else "",
                    "reliability": s.reliability,
                    "aliases": "; ".join(
                        f"{lang}: {', '.join(items)}" for lang, items in sorted(s.aliases.items())
                    ),
                }
                for s in found
            ]
            output.write_rows(
                rows,
                ["id", "name", "colour", "parent", "reliability", "aliases"],
                "table",
                limits={"aliases": 80},
            )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        report = merge_service.merge(
            project, args.copies, annotators=args.annotator, dry_run=args.dry_run
        )
    merging.print_report(report, args.format, dry_run=args.dry_run)
    return 0


AGREEMENT_COLUMNS = [
    "axis",
    "source",
    "metric",
    "value",
    "ci_low",
    "ci_high",
    "units",
    "annotators",
    "article_id",
]


def cmd_agreement(args: argparse.Namespace) -> int:
    """One row per figure: see `services.agreement` for what the rows are."""
    # Imported here: numpy, krippendorff and scikit-learn take a second to load, and no other
    # command needs them.
    from app.services import agreement as agreement_service

    with _open(args.project) as project:
        report = agreement_service.agreement(
            project,
            annotators=args.annotator,
            article_ids=args.article or (),
            sources=args.source,
        )
    table = args.format == "table"
    rows: list[dict[str, object]] = []
    for figure in report.figures:
        row: dict[str, object] = {
            "axis": figure.axis.value,
            "source": figure.source,
            "metric": figure.metric.value,
            "value": figure.value,
            "ci_low": figure.ci_low,
            "ci_high": figure.ci_high,
            "units": figure.units,
            "annotators": list(figure.annotators),
            "article_id": figure.article_id,
        }
        if args.format != "json":
            row["annotators"] = "; ".join(figure.annotators)
        if table:
            row["source"] = "(all sources)" if figure.source is None else figure.source
            percent = figure.metric is agreement_service.Metric.PERCENT_AGREEMENT
            for column in ("value", "ci_low", "ci_high"):
                row[column] = _figure_text(getattr(figure, column), percent)
        rows.append(row)
    if table:
        print(
            f"{len(report.annotators)} annotators ({', '.join(report.annotators)}); "
            f"{report.units} statements judged by two or more, in {report.articles} "
            f"article{'s' if report.articles != 1 else ''}; 95 % intervals: percentile "
            f"bootstrap over units, {report.resamples} resamples, seed {report.seed}"
        )
    output.write_rows(rows, AGREEMENT_COLUMNS, args.format, limits={"annotators": 40})
    return 0


def _figure_text(value: float | None, percent: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.1f} %" if percent else f"{value:.3f}"


HANDLERS = {
    "demo": cmd_demo,
    "init": cmd_init,
    "import": cmd_import,
    "articles": cmd_articles,
    "statements": cmd_statements,
    "tag": cmd_tag,
    "mark": cmd_mark,
    "review": cmd_review,
    "suggest": cmd_suggest,
    "compare": cmd_compare,
    "export": cmd_export,
    "import-tags": cmd_import_tags,
    "sources": cmd_sources,
    "agreement": cmd_agreement,
    "merge": cmd_merge,
}
