"""Agreement between annotators (`sourcetrack agreement`): Krippendorff's α, Cohen's κ and
percent agreement on each source's presence, stance and confidence.

The units and the variables are the domain's (`app.domain.agreement`), the statistics
`app.services.reliability`'s. The report is one list of figures, each a metric of one variable
(an axis, of one source or of all sources together) over the whole selection or one article:

- for each axis, each compared source, then all of them together ("source" None): α at the
  axis's levels (presence and stance nominal; confidence ordinal, then nominal), each with its
  95 % bootstrap interval; percent agreement over all the annotators; then for each pair of
  annotators, Cohen's κ and their percent agreement, over the units both gave a value;
- when the units lie in two articles or more, for each article, for each axis, over all
  sources together: α at the axis's levels and percent agreement (no interval, no pairs: an
  article's dozens of units make a wide interval of little use; `--article` gives one article
  every figure).

`units` is the number of units the figure stands on; `annotators` the annotators it compares:
all those compared, or a pair. With two annotators compared, their pair's percent agreement is
the percent agreement over all, given once. A value is None where it is undefined: α and κ when
every value is alike, anything on no unit.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import math
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import sqlalchemy as sa

from app.domain.agreement import (
    LEVELS,
    Axis,
    Judgements,
    Level,
    VariableArrays,
    reliability_arrays,
)
from app.domain.layers import is_reserved
from app.domain.model import DomainError
from app.domain.wording import QT_TRANSLATE_NOOP
from app.services import reliability
from app.services.project import Project
from app.services.refusals import NO_SUCH_ARTICLES
from app.store import agreement as agreement_store
from app.store import queries
from app.store import tags as tag_store

RESAMPLES = 1000
SEED = 20110525  # any fixed number: the same project gives the same intervals


class Metric(enum.StrEnum):
    ALPHA_NOMINAL = "alpha_nominal"
    ALPHA_ORDINAL = "alpha_ordinal"
    KAPPA = "kappa"
    PERCENT_AGREEMENT = "percent_agreement"


ALPHA = {Level.NOMINAL: Metric.ALPHA_NOMINAL, Level.ORDINAL: Metric.ALPHA_ORDINAL}


@dataclass(frozen=True)
class Figure:
    """One metric of one variable, over the whole selection (`article_id` None) or one
    article; `source` None stands for all the compared sources together."""

    axis: Axis
    source: str | None
    metric: Metric
    value: float | None
    ci_low: float | None
    ci_high: float | None
    units: int
    annotators: tuple[str, ...]
    article_id: int | None = None


@dataclass(frozen=True)
class AgreementReport:
    annotators: tuple[str, ...]  # the annotators compared
    sources: tuple[str, ...]
    units: int  # statements judged by two or more of them
    articles: int  # articles holding those statements
    resamples: int
    seed: int
    figures: tuple[Figure, ...]


def agreement(
    project: Project,
    *,
    annotators: Sequence[str] = (),
    article_ids: Sequence[int] = (),
    sources: Sequence[str] = (),
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> AgreementReport:
    """Agreement of `annotators` (by default everyone who judged a statement of the selection,
    tagged it or marked it "no source", but the consensus annotator, which is compared only
    when named) on the statements of `article_ids` (default: all) for
    `sources` (default: all, in the project's order). An unknown annotator, article or source
    is refused with DomainError, as are fewer than two annotators and a selection no two of
    them have judged."""
    given = tuple(dict.fromkeys(annotators))
    with _collector_paused():
        with project.read() as conn:
            compared_sources = _sources(conn, sources)
            annotator_ids = _annotator_ids(conn, given)
            _check_articles(conn, article_ids)
            table = agreement_store.judgement_table(
                conn, annotator_ids=annotator_ids, article_ids=article_ids
            )
        judgements = Judgements.of_table(table)
        del table
        compared = given or _coders(judgements)
        data = reliability_arrays(judgements, compared, compared_sources)
        del judgements
    if not data.units:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "no statement here has been judged by two or more of {names}"
            ).format(names=", ".join(repr(name) for name in compared))
        )
    figures: list[Figure] = []
    everything: dict[Axis, tuple[VariableArrays, reliability.Tallies]] = {}
    for variable in data.variables:
        tally = reliability.tallies(variable)
        figures.extend(_figures(variable, tally, resamples, seed))
        if variable.source is None:
            everything[variable.axis] = (variable, tally)
    articles = int(np.unique(everything[Axis.PRESENCE][0].article_ids).size)
    if articles > 1:
        figures.extend(_article_figures(everything))
    return AgreementReport(
        annotators=data.annotators,
        sources=tuple(compared_sources),
        units=data.units,
        articles=articles,
        resamples=resamples,
        seed=seed,
        figures=tuple(figures),
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the judgements are read and tallied: it would walk
    the hundreds of thousands of new rows again and again, doubling the time, and they hold no
    cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _coders(judgements: Judgements) -> tuple[str, ...]:
    """Everyone who judged a statement of the selection, but the consensus: its tags are the
    adjudication of the coders' disagreements, not one more coder's reading (it is compared
    only when named)."""
    return tuple(name for name in judgements.annotators() if not is_reserved(name))


def _figures(
    variable: VariableArrays, tally: reliability.Tallies, resamples: int, seed: int
) -> list[Figure]:
    axis, source, units = variable.axis, variable.source, variable.units
    names = variable.annotators
    figures = []
    for level in LEVELS[axis]:
        low, high = reliability.interval(
            tally, level, resamples, _generator(seed, axis, level, source)
        )
        value = reliability.alpha(tally, level)
        figures.append(Figure(axis, source, ALPHA[level], value, low, high, units, names))
    percent = reliability.percent_agreement(tally)
    figures.append(
        Figure(axis, source, Metric.PERCENT_AGREEMENT, percent, None, None, units, names)
    )
    for first, second in combinations(range(len(names)), 2):
        table = reliability.pair_table(tally, first, second)
        pair, shared = (names[first], names[second]), int(table.sum())
        figures.append(
            Figure(axis, source, Metric.KAPPA, reliability.kappa(table), None, None, shared, pair)
        )
        if len(names) > 2:
            percent = reliability.table_percent(table)
            figures.append(
                Figure(axis, source, Metric.PERCENT_AGREEMENT, percent, None, None, shared, pair)
            )
    return figures


def _generator(seed: int, axis: Axis, level: Level, source: str | None) -> np.random.Generator:
    """A generator of its own for each variable and level, so that an interval depends only on
    the seed and its own data, not on what else is computed beside it."""
    axes, levels = list(Axis), list(Level)
    key = zlib.crc32((source or "").encode("utf-8"))
    return np.random.default_rng([seed, axes.index(axis), levels.index(level), key])


def _article_figures(
    everything: dict[Axis, tuple[VariableArrays, reliability.Tallies]],
) -> list[Figure]:
    figures: dict[int, list[Figure]] = {}
    for axis, (variable, tally) in everything.items():
        if not variable.units:
            continue
        groups = reliability.by_group(tally, variable.article_ids, LEVELS[axis])
        names = variable.annotators
        # Plain lists: read a value at a time, numpy's scalars cost more than the arithmetic.
        alphas = {level: groups.alpha[level].tolist() for level in LEVELS[axis]}
        percents = groups.percent.tolist()
        for k, (article_id, units) in enumerate(
            zip(groups.ids.tolist(), groups.units.tolist(), strict=True)
        ):
            found = figures.setdefault(article_id, [])
            for level in LEVELS[axis]:
                found.append(
                    Figure(
                        axis, None, ALPHA[level], _number(alphas[level][k]), None, None, units,
                        names, article_id,
                    )
                )  # fmt: skip
            found.append(
                Figure(
                    axis, None, Metric.PERCENT_AGREEMENT, _number(percents[k]), None, None,
                    units, names, article_id,
                )
            )  # fmt: skip
    return [figure for article_id in sorted(figures) for figure in figures[article_id]]


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None


# --- what the selection names -----------------------------------------------------------------


def _sources(conn: sa.Connection, names: Sequence[str]) -> list[str]:
    """The sources compared: those named (any case, in the order given), or all of them."""
    known = [source.name for source in tag_store.list_sources(conn)]
    if not names:
        return known
    by_lower = {name.lower(): name for name in known}
    found = [name if name in known else by_lower.get(name.lower()) for name in names]
    unknown = [name for name, match in zip(names, found, strict=True) if match is None]
    if unknown:
        raise DomainError(
            QT_TRANSLATE_NOOP("Refusals", "unknown source(s): {names} (known: {known})").format(
                names=", ".join(unknown), known=", ".join(sorted(known))
            )
        )
    return list(dict.fromkeys(name for name in found if name is not None))


def _annotator_ids(conn: sa.Connection, names: Sequence[str]) -> list[int]:
    """The ids of the annotators named; an unknown name is refused, not taken for one who
    agrees with nobody."""
    if not names:
        return []
    ids = {name: i for i, name in agreement_store.annotator_names(conn).items()}
    unknown = [name for name in names if name not in ids]
    if unknown:
        known = ", ".join(repr(name) for name in sorted(ids)) or "—"
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Refusals", "no annotator called {names} in this project (its annotators: {known})"
            ).format(names=" | ".join(repr(n) for n in unknown), known=known)
        )
    return [ids[name] for name in names]


def _check_articles(conn: sa.Connection, article_ids: Sequence[int]) -> None:
    present = queries.existing_references(conn, article_ids, (), ()).articles
    missing = [i for i in dict.fromkeys(article_ids) if i not in present]
    if missing:
        raise DomainError(NO_SUCH_ARTICLES.format(ids=", ".join(str(i) for i in missing)))
