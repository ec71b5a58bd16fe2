"""Agreement statistics on reliability data (`app.domain.agreement`): Krippendorff's α from the
`krippendorff` package, Cohen's κ from scikit-learn, percent agreement, and a
bootstrap interval for α.

The interval is the percentile bootstrap over units: `resamples` samples of as many units as the
variable has, drawn with replacement (a unit keeps all its values: the annotators' judgements of
one statement stay together), α computed on each, and the 2.5th and 97.5th percentiles of those
taken; a sample in which α is undefined (every value alike) is left out. The generator is given
by the caller, seeded, so that an interval can be reproduced.

α of a resample, and α of each article, are computed here from coincidence matrices, by the
formula the package computes (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
2011), for a thousand samples at once: the package takes one sample a call, and a thousand
calls for each of a dozen variables of 100,000 units take tens of seconds. A sample is drawn
as the number of times each *pattern* of values (how many annotators gave each value to a
unit) occurs in it — drawing units with replacement is drawing patterns in proportion to their
frequency — so a thousand samples cost a matrix product. On the whole data the two
computations agree to rounding (tests/services/test_reliability.py checks it).

Percent agreement is Krippendorff's observed agreement, 1 - D_o at the nominal level: the share
of the values given to a unit that match another annotator's value there, each unit's m values
weighed 1/(m - 1) per pair as in α's coincidences (so a unit coded by four counts four values,
not six pairs). For two annotators with no value missing, it is the share of units they agree
on. It is given in percent (0–100); α and κ lie between -1 and 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import krippendorff
import numpy as np
import numpy.typing as npt

from app.domain.agreement import MISSING, Level, ReliabilityData, VariableArrays

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_INTERVAL = (0.025, 0.975)  # a 95 % interval


@dataclass(frozen=True)
class Tallies:
    """One variable as the statistics read it. `domain` holds the values that occur, in order;
    `codes` is annotators × units, each value's index in `domain` (its size where there is no
    value); `counts` units × values, how many annotators gave each value to each unit;
    `patterns` the distinct rows of `counts`, `pattern_of` each unit's, `frequency` how many
    units have each, `coincidences` each pattern's coincidence matrix."""

    domain: Floats
    codes: Ints
    counts: Ints
    patterns: Ints
    pattern_of: Ints
    frequency: Ints
    coincidences: Floats

    @property
    def units(self) -> int:
        return int(self.counts.shape[0])


def tallies(data: ReliabilityData | VariableArrays) -> Tallies:
    """The counts of a variable's values, per unit and per pattern."""
    if isinstance(data, VariableArrays) and _small_codes(data.values):
        domain, codes = _small_domain(data.values)
    else:
        if isinstance(data, VariableArrays):
            values: Ints | Floats = data.values
            given = data.values != MISSING
        else:
            shape = (len(data.annotators), data.units)
            values = np.array(data.values, dtype=np.float64).reshape(shape)
            given = ~np.isnan(values)
        domain = np.unique(values[given]).astype(np.float64)
        # Where no value was given, the code one past the last value.
        codes = np.where(given, np.searchsorted(domain, values), domain.size).astype(np.int64)
    counts = _counts(codes, domain.size)
    patterns, inverse, frequency = _patterns(counts, len(data.annotators))
    return Tallies(
        domain=domain,
        codes=codes,
        counts=counts,
        patterns=patterns,
        pattern_of=inverse,
        frequency=frequency,
        coincidences=_pattern_coincidences(patterns.astype(np.float64)),
    )


_SMALL = 1 << 16


def _small_codes(values: Ints) -> bool:
    """Whether every value is `MISSING` or a small natural number (as every value of the
    domain's variables is: a presence, a stance code, a level's rank)."""
    return not values.size or (int(values.min()) >= MISSING and int(values.max()) < _SMALL)


def _small_domain(values: Ints) -> tuple[Floats, Ints]:
    """The values that occur, and each value's index among them (their number where there is
    none): counted rather than sorted, the same as `np.unique` and `np.searchsorted` give."""
    shifted = values - MISSING  # no value: 0
    seen = np.bincount(shifted.reshape(-1), minlength=1)
    present = np.flatnonzero(seen[1:])
    lookup = np.full(seen.size, present.size, dtype=np.int64)
    lookup[present + 1] = np.arange(present.size)
    codes: Ints = lookup[shifted]
    return (present + MISSING + 1).astype(np.float64), codes


def _counts(codes: Ints, v: int) -> Ints:
    """Units × values: how many annotators gave each value to each unit (one bincount over
    every (unit, value) cell; code v, no value, falls in a column then dropped)."""
    units = codes.shape[1]
    cells = (np.arange(units, dtype=np.int64) * (v + 1) + codes).reshape(-1)
    found = np.bincount(cells, minlength=units * (v + 1)).reshape(units, v + 1)
    counts: Ints = found[:, :v].astype(np.int64)
    return counts


def _patterns(counts: Ints, annotators: int) -> tuple[Ints, Ints, Ints]:
    """The distinct rows of `counts`, each unit's, and how many units have each.

    A row is read as one number in base annotators + 1 (no count exceeds the number of
    annotators): where there are few such numbers they are counted, else sorted, a hundred
    times faster than rows; where a number could overflow, the rows themselves are sorted.
    """
    base, v = annotators + 1, counts.shape[1]
    if not counts.shape[0]:
        nothing = np.zeros(0, dtype=np.int64)
        return counts.astype(np.int64), nothing, nothing
    if v * np.log2(base) < 20:  # few possible patterns: counted, not sorted
        weights = base ** np.arange(v, dtype=np.int64)
        number = counts @ weights
        seen = np.bincount(number, minlength=base**v)
        codes = np.flatnonzero(seen)
        position = np.zeros(base**v, dtype=np.int64)
        position[codes] = np.arange(codes.size)
        inverse, frequency = position[number], seen[codes]
        patterns = (codes[:, np.newaxis] // weights) % base
    elif v * np.log2(base) < 62:
        weights = base ** np.arange(v, dtype=np.int64)
        codes, inverse, frequency = np.unique(
            counts @ weights, return_inverse=True, return_counts=True
        )
        patterns = (codes[:, np.newaxis] // weights) % base
    else:
        patterns, inverse, frequency = np.unique(
            counts, axis=0, return_inverse=True, return_counts=True
        )
    return (
        patterns.astype(np.int64).reshape(-1, v),
        inverse.astype(np.int64).reshape(-1),
        frequency.astype(np.int64),
    )


def _pattern_coincidences(patterns: Floats) -> Floats:
    """o[c, k] of a unit: the pairs of values (c, k) of different annotators, each weighted
    1/(m - 1) for the unit's m values, so that each value counts once."""
    pairs = patterns[:, :, np.newaxis] * patterns[:, np.newaxis, :]
    pairs -= patterns[:, :, np.newaxis] * np.eye(patterns.shape[1])  # a value is no pair of its own
    values = patterns.sum(axis=1)
    result: Floats = pairs / np.maximum(values - 1.0, 1.0)[:, np.newaxis, np.newaxis]
    return result


# --- Krippendorff's α --------------------------------------------------------------------------


def alpha(tally: Tallies, level: Level) -> float | None:
    """α of the whole variable, from the `krippendorff` package; None where it is undefined
    (no unit, or one value throughout: no disagreement can be told from chance)."""
    if tally.domain.size < 2:
        return None
    value = float(
        krippendorff.alpha(
            value_counts=_unanimous_merged(tally),
            value_domain=tally.domain,
            level_of_measurement=level.value,
        )
    )
    return value if np.isfinite(value) else None


def _unanimous_merged(tally: Tallies) -> Ints:
    """The same coincidences in far fewer units, for the package to add up.

    α depends on the data only through the sum of the units' coincidence matrices. A unit whose
    m values (m ≥ 2) are all c adds m to o[c, c] and nothing else; so does a unit of m values
    of c, whatever the number of annotators: all the unanimous units of a value are one unit
    holding all their values, and α is unchanged. A unit of one value adds nothing and is left
    out; the others are each pattern of values as many times as units have it. When annotators
    mostly agree, this leaves the package a few thousand units where there were a hundred
    thousand.
    """
    patterns, frequency = tally.patterns, tally.frequency
    given = patterns.sum(axis=1)
    unanimous = (np.count_nonzero(patterns, axis=1) == 1) & (given >= 2)
    mixed = ~unanimous & (given >= 2)
    merged = (patterns[unanimous] * frequency[unanimous, np.newaxis]).sum(axis=0)
    rows: Ints = np.vstack(
        [np.repeat(patterns[mixed], frequency[mixed], axis=0), np.diag(merged)[merged > 0]]
    )
    return rows


def alphas(coincidences: Floats, level: Level) -> Floats:
    """α of each of K coincidence matrices (K × V × V) at once; nan where undefined."""
    totals = coincidences.sum(axis=2)  # K × V: how often each value was given, pairably
    n = totals.sum(axis=1)
    distances = _distances(totals, level)
    observed = (coincidences * distances).sum(axis=(1, 2))
    expected = (totals[:, :, np.newaxis] * totals[:, np.newaxis, :] * distances).sum(axis=(1, 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        result: Floats = np.where(expected > 0, 1.0 - (n - 1.0) * observed / expected, np.nan)
    return result


def _distances(totals: Floats, level: Level) -> Floats:
    """δ²(c, k) for each matrix: nominal, 1 between different values; ordinal, the squared
    number of values given between c and k, the two ends counted half (Krippendorff's rank
    metric, which depends on how often each value was given)."""
    v = totals.shape[1]
    if level is Level.NOMINAL:
        nominal: Floats = (1.0 - np.eye(v))[np.newaxis, :, :]
        return nominal
    index = np.arange(v)
    low, high = np.minimum.outer(index, index), np.maximum.outer(index, index)
    cumulative = np.cumsum(totals, axis=1)
    between = cumulative[:, high] - cumulative[:, low] + totals[:, low]
    ordinal: Floats = (between - (totals[:, low] + totals[:, high]) / 2.0) ** 2
    return ordinal


def interval(
    tally: Tallies, level: Level, resamples: int, generator: np.random.Generator
) -> tuple[float | None, float | None]:
    """The 95 % percentile bootstrap interval of α over resampled units (see the module)."""
    if tally.domain.size < 2 or resamples < 1:
        return None, None
    draws = generator.multinomial(tally.units, tally.frequency / tally.units, size=resamples)
    v = tally.domain.size
    matrices = (draws @ tally.coincidences.reshape(-1, v * v)).reshape(resamples, v, v)
    found = alphas(matrices, level)
    found = found[np.isfinite(found)]
    if not found.size:
        return None, None
    low, high = np.quantile(found, _INTERVAL)
    return float(low), float(high)


# --- percent agreement and Cohen's κ ------------------------------------------------------------


def percent_agreement(tally: Tallies) -> float | None:
    """Observed agreement in percent: matching values over values, weighed as in α."""
    matching, values = _agreement(tally.patterns)
    total = (values * tally.frequency).sum()
    return float(100.0 * (matching * tally.frequency).sum() / total) if total else None


def _agreement(patterns: Ints) -> tuple[Floats, Ints]:
    """Per pattern: its coincidences of a value with the same value (n_c(n_c - 1)/(m - 1) for
    each value c given n_c times of m), and its m values; a lone value pairs with none, and
    counts for nothing."""
    given = patterns.sum(axis=1)
    matching: Floats = (patterns * (patterns - 1)).sum(axis=1) / np.maximum(given - 1, 1)
    pairable: Ints = np.where(given >= 2, given, 0)
    return matching, pairable


def pair_table(tally: Tallies, first: int, second: int) -> Ints:
    """The contingency table (V × V) of two annotators over the units both gave a value."""
    v = tally.domain.size
    # Codes run to v (no value): count every combination, then keep those of two values.
    both = np.bincount(tally.codes[first] * (v + 1) + tally.codes[second], minlength=(v + 1) ** 2)
    table: Ints = both.reshape(v + 1, v + 1)[:v, :v].astype(np.int64)
    return table


def table_percent(table: Ints) -> float | None:
    total = int(table.sum())
    return float(100.0 * np.trace(table) / total) if total else None


def kappa(table: Ints) -> float | None:
    """Cohen's κ of a contingency table, from scikit-learn (each cell given as one pair of
    labels, weighted by its count); None where no unit is shared, or where chance agreement is
    certain (both gave one same value throughout), which leaves κ undefined."""
    total = table.sum()
    if not total:
        return None
    expected = float((table.sum(axis=1) / total) @ (table.sum(axis=0) / total))
    if expected >= 1.0 - 1e-12:
        return None
    # Imported here: scikit-learn takes about a second to load, and only this needs it.
    from sklearn.metrics import cohen_kappa_score

    v = table.shape[0]
    rows, columns = np.divmod(np.arange(v * v), v)
    weights = table.reshape(-1)
    kept = weights > 0
    return float(
        cohen_kappa_score(
            rows[kept], columns[kept], labels=np.arange(v), sample_weight=weights[kept]
        )
    )


# --- per group (article) -----------------------------------------------------------------------


@dataclass(frozen=True)
class Groups:
    """A variable's statistics per group of its units (an article's): `ids` the groups in
    order; per group, its units, its α (nan: undefined) and its percent agreement (nan: none)."""

    ids: Ints
    units: Ints
    alpha: dict[Level, Floats]
    percent: Floats


def by_group(tally: Tallies, group_of: Ints, levels: tuple[Level, ...]) -> Groups:
    """α and percent agreement of each group of units, all groups at once."""
    ids, group = np.unique(group_of, return_inverse=True)
    group = group.reshape(-1)
    g, v, p = ids.size, tally.domain.size, tally.patterns.shape[0]
    units = np.bincount(group, minlength=g).astype(np.int64)
    # How many units of each pattern each group has, then the groups' coincidence matrices.
    key, frequency = np.unique(group * p + tally.pattern_of, return_counts=True)
    matrices = np.zeros((g, v * v))
    np.add.at(
        matrices,
        key // p,
        frequency[:, np.newaxis] * tally.coincidences.reshape(p, v * v)[key % p],
    )
    found = {
        level: (alphas(matrices.reshape(g, v, v), level) if v >= 2 else np.full(g, np.nan))
        for level in levels
    }
    matching, values = _agreement(tally.patterns)
    matching_sum = np.bincount(group, weights=matching[tally.pattern_of], minlength=g)
    value_sum = np.bincount(group, weights=values[tally.pattern_of], minlength=g)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(value_sum > 0, 100.0 * matching_sum / value_sum, np.nan)
    return Groups(ids.astype(np.int64), units, found, percent)
