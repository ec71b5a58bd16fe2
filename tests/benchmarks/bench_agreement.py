"""Inter-coder agreement over 100,000 units tagged by three annotators, against the bare
`krippendorff.alpha`.

    python -m tests.benchmarks.bench_agreement --statements 100000

The project is generated once (and kept in the work directory): 100 statements per article,
every statement judged by the three annotators `ana`, `bob` and `cleo`, each of whom tags it
with one or two of the three default sources, mostly as a shared "true" reading has it and
sometimes otherwise (another stance, another confidence level, a source left out or added), so
that every axis has both agreement and disagreement in it: about 3.75 tags a statement.

Figures, each the best of several runs in this process:

- the whole use case, `services.agreement.agreement` on the open project: the read of every
  tag, the reliability data of every source and axis, Krippendorff's α (nominal, and ordinal for
  confidence) with its bootstrap interval, Cohen's κ and percent agreement for every pair, and
  the rows per article — against the target of 2 s, with its ratio to the floor;
- the floor: the bare `krippendorff.alpha` (nominal) on the same presence matrix of one source,
  3 annotators × every unit, already in memory.

Measured on the two-core development machine (best of five, the floor in the same run): 0.56 to
0.70 s idle, the floor 0.012 to 0.014 s (47 to 52 times it); with `stress-ng --cpu 2` busy on
both cores beside it, 0.95 to 1.46 s (the floor 0.013 to 0.031 s), the spread being what other
work took of the machine as well. The command itself in a process of its own, imports
included: 1.5 to 2.1 s idle. Before the tags were read as packed integers by the driver's own
cursor and the variables built with whole arrays, the use case took 1.64 s idle and 2.6 s
loaded: 0.9 s reading and typing the 375,000 tag rows, 0.6 s tallying them in dicts.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ROOT, best

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANNOTATORS = ("ana", "bob", "cleo")
STATEMENTS_PER_ARTICLE = 100
STANCES = ("asserts", "asserts", "denies", "neutral")
TARGET_S = 2.0


def _true_reading(rng: random.Random, source_ids: list[int], level_ids: list[int]) -> dict:
    chosen = rng.sample(source_ids, 2 if rng.random() < 0.25 else 1)
    return {s: (rng.choice(STANCES), rng.choice(level_ids)) for s in chosen}


def _as_read_by(
    rng: random.Random, truth: dict, source_ids: list[int], level_ids: list[int]
) -> dict:
    """One annotator's tags of a statement: the true reading, sometimes departed from."""
    tags = {}
    for source, (stance, level) in truth.items():
        if rng.random() < 0.06:
            continue  # left out
        if rng.random() < 0.1:
            stance = rng.choice(STANCES)
        if rng.random() < 0.25:
            level = rng.choice(level_ids)
        tags[source] = (stance, level)
    if rng.random() < 0.05:
        extra = rng.choice(source_ids)
        tags.setdefault(extra, (rng.choice(STANCES), rng.choice(level_ids)))
    if not tags:  # every annotator judges every statement: each one has a tag of theirs
        source, value = next(iter(truth.items()))
        tags[source] = value
    return tags


def generate(path: Path, statements: int, *, seed: int = 15) -> None:
    """A project of `statements` statements, each tagged by the three annotators."""
    import sqlalchemy as sa

    from app.domain.text import body_sha256
    from app.services.project import Project
    from app.store import tags as tag_store
    from app.store.schema import articles, attributions
    from app.store.schema import statements as statement_table

    rng = random.Random(seed)
    now = datetime.now(UTC)
    with Project.open(path, create=True) as project:
        with project.write() as conn:
            source_ids = [s.id for s in tag_store.list_sources(conn)]
            level_ids = [level.id for level in tag_store.active_levels(conn)]
            annotator_ids = [tag_store.annotator_id(conn, name) for name in ANNOTATORS]
        n_articles = max(1, statements // STATEMENTS_PER_ARTICLE)
        next_statement = 1
        for article_id in range(1, n_articles + 1):
            per_article = min(STATEMENTS_PER_ARTICLE, statements - next_statement + 1)
            sentence = f"Statement of article {article_id}."
            body = " ".join([sentence] * per_article)
            statement_rows, tag_rows = [], []
            for ordinal in range(per_article):
                start = ordinal * (len(sentence) + 1)
                statement_rows.append(
                    {
                        "id": next_statement,
                        "article_id": article_id,
                        "ordinal": ordinal + 1,
                        "start": start,
                        "end": start + len(sentence),
                    }
                )
                truth = _true_reading(rng, source_ids, level_ids)
                for annotator_id in annotator_ids:
                    tags = _as_read_by(rng, truth, source_ids, level_ids)
                    for source_id, (stance, level_id) in tags.items():
                        tag_rows.append(
                            {
                                "statement_id": next_statement,
                                "source_id": source_id,
                                "annotator_id": annotator_id,
                                "stance": stance,
                                "confidence_level_id": level_id,
                                "note": "",
                                "origin": "manual",
                                "created_at": now,
                                "updated_at": now,
                            }
                        )
                next_statement += 1
            with project.write() as conn:
                conn.execute(
                    sa.insert(articles),
                    [
                        {
                            "id": article_id,
                            "title": f"Article {article_id}",
                            "body": body,
                            "body_sha256": body_sha256(body),
                            "imported_at": now,
                        }
                    ],
                )
                conn.execute(sa.insert(statement_table), statement_rows)
                conn.execute(sa.insert(attributions), tag_rows)
        with project.write() as conn:
            conn.exec_driver_sql("ANALYZE")


def project(workdir: Path, statements: int) -> Path:
    """The generated project of `statements` units, made once and kept."""
    path = workdir / f"bench-agreement-{statements}.sourcetrack"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        generate(partial, statements)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def _floor_matrix(path: Path) -> Any:
    """The presence matrix of the first source, annotators × units, as the statistics get it."""
    import numpy as np

    from app.domain.agreement import MISSING, Axis, Judgements, reliability_arrays
    from app.services.project import Project
    from app.store import agreement as agreement_store

    with Project.open(path) as opened, opened.read() as conn:
        table = agreement_store.judgement_table(conn)
    data = reliability_arrays(Judgements.of_table(table), ANNOTATORS, ["Seoul", "Kyiv", "Kremlin"])
    (presence,) = [v for v in data.variables if v.axis is Axis.PRESENCE and v.source == "Seoul"]
    return np.where(presence.values == MISSING, np.nan, presence.values.astype(float))


def _command(path: Path) -> float:
    """One run of the command itself in a process of its own, imports included."""
    import os
    import subprocess
    import time

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app", "agreement", str(path), "--format", "csv"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def run(statements: int, workdir: Path, runs: int = 5) -> list[dict[str, Any]]:
    import krippendorff

    from app.services.agreement import agreement
    from app.services.project import Project

    path = project(workdir, statements)
    matrix = _floor_matrix(path)
    floor_s = best(
        lambda: krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"), runs
    )
    with Project.open(path) as opened:
        report = agreement(opened)  # the first run also loads scikit-learn: not counted
        figure_s = best(lambda: agreement(opened), runs)
    return [
        {
            "scenario": (
                f"agreement of {len(report.annotators)} annotators over {report.units:,} units "
                "vs bare krippendorff.alpha"
            ),
            "figure_s": round(figure_s, 4),
            "floor_s": round(floor_s, 4),
            "ratio": round(figure_s / floor_s, 1),
            "target": f"≤ {TARGET_S:g} s",
            "passed": figure_s <= TARGET_S,
            "figures": len(report.figures),
            "resamples": report.resamples,
            "command_s": round(_command(path), 2),
        }
    ]


if __name__ == "__main__":
    from tests.benchmarks.common import command_line

    sys.exit(command_line(run, __doc__.splitlines()[0]))
