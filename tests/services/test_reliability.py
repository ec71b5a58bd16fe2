"""The statistics of agreement: the bulk α of resamples and articles is the package's α."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from app.domain.agreement import MISSING, Axis, Level, ReliabilityData, VariableArrays
from app.services import reliability

LEVELS = (Level.NOMINAL, Level.ORDINAL)

# Krippendorff (2011), four observers, twelve units, missing values.
PAPER = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def data(values: list[list[int | None]], articles: list[int] | None = None) -> ReliabilityData:
    units = len(values[0])
    return ReliabilityData(
        Axis.CONFIDENCE,
        "Seoul",
        tuple(f"coder {i}" for i in range(len(values))),
        tuple(range(units)),
        tuple(articles or [1] * units),
        tuple(tuple(row) for row in values),
    )


def package_alpha(values: list[list[int | None]], level: Level) -> float:
    matrix = np.array([[np.nan if v is None else v for v in row] for row in values], dtype=float)
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement=level.value))


def random_values(
    seed: int, coders: int = 3, units: int = 80, values: int = 4
) -> list[list[int | None]]:
    """Values 1..`values`, a share missing, every unit keeping two values or more."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, values + 1, units)
    rows = []
    for _ in range(coders):
        noisy = np.where(rng.random(units) < 0.3, rng.integers(1, values + 1, units), truth)
        rows.append([int(v) for v in noisy])
    for unit in range(units):
        for coder in rng.permutation(coders)[: rng.integers(0, coders - 1)]:
            rows[coder][unit] = None
    return rows


@pytest.mark.parametrize("level", LEVELS)
def test_the_bulk_alpha_is_the_packages_on_the_published_data(level: Level) -> None:
    tally = reliability.tallies(data(PAPER))
    whole = tally.frequency[np.newaxis, :] @ tally.coincidences.reshape(tally.patterns.shape[0], -1)
    v = tally.domain.size
    bulk = reliability.alphas(whole.reshape(1, v, v), level)[0]
    assert bulk == pytest.approx(package_alpha(PAPER, level), abs=1e-12)
    assert reliability.alpha(tally, level) == pytest.approx(package_alpha(PAPER, level), abs=1e-12)
    assert round(bulk, 3) == {Level.NOMINAL: 0.743, Level.ORDINAL: 0.815}[level]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("level", LEVELS)
def test_alpha_is_the_packages_on_every_unit(seed: int, level: Level) -> None:
    """`alpha` hands the package the unanimous units merged: the same α."""
    values = random_values(seed, coders=2 + seed % 3)
    tally = reliability.tallies(data(values))
    assert reliability.alpha(tally, level) == pytest.approx(package_alpha(values, level), abs=1e-12)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("level", LEVELS)
def test_alpha_per_article_is_the_packages_alpha_of_that_articles_units(
    seed: int, level: Level
) -> None:
    values = random_values(seed)
    articles = [1 + unit % 3 for unit in range(len(values[0]))]
    groups = reliability.by_group(
        reliability.tallies(data(values, articles)), np.array(articles), (level,)
    )
    assert groups.ids.tolist() == [1, 2, 3]
    for k, article in enumerate(groups.ids.tolist()):
        own = [[row[u] for u in range(len(articles)) if articles[u] == article] for row in values]
        assert groups.alpha[level][k] == pytest.approx(package_alpha(own, level), abs=1e-12)
        assert groups.units[k] == len(own[0])


def test_the_interval_is_reproducible_from_its_seed_and_surrounds_alpha() -> None:
    tally = reliability.tallies(data(random_values(3, units=300)))
    first = reliability.interval(tally, Level.ORDINAL, 500, np.random.default_rng(7))
    again = reliability.interval(tally, Level.ORDINAL, 500, np.random.default_rng(7))
    other = reliability.interval(tally, Level.ORDINAL, 500, np.random.default_rng(8))
    assert first == again != other
    low, high = first
    assert low is not None and high is not None
    assert low < reliability.alpha(tally, Level.ORDINAL) < high


def test_no_interval_and_no_alpha_where_every_value_is_alike() -> None:
    tally = reliability.tallies(data([[2, 2, 2], [2, 2, None]]))
    assert reliability.alpha(tally, Level.NOMINAL) is None
    assert reliability.interval(tally, Level.NOMINAL, 100, np.random.default_rng(1)) == (None, None)
    assert reliability.percent_agreement(tally) == 100.0
    assert reliability.kappa(reliability.pair_table(tally, 0, 1)) is None


def test_percent_agreement_is_observed_agreement_as_alpha_weighs_it() -> None:
    # Unit 1: three values alike (each matches: 3 of 3); unit 2: two of three alike (the two
    # match each other, weighed 1/(m - 1) = 1/2 per pair: 1 of 3). 4 of 6 values.
    tally = reliability.tallies(data([[1, 1], [1, 1], [1, 2]]))
    assert reliability.percent_agreement(tally) == pytest.approx(100 * 4 / 6)
    # Krippendorff's four observers: observed disagreement D_o = 0.200 (Krippendorff 2004,
    # p. 230), so 80 % (the share of agreeing pairs would be 43 of 55, 78 %).
    assert reliability.percent_agreement(reliability.tallies(data(PAPER))) == pytest.approx(80.0)


@pytest.mark.parametrize("seed", range(5))
def test_kappa_of_a_pair_is_scikit_learns_on_the_units_both_judged(seed: int) -> None:
    values = random_values(seed, coders=3)
    tally = reliability.tallies(data(values))
    both = [
        (a, b) for a, b in zip(values[0], values[2], strict=True) if a is not None and b is not None
    ]
    table = reliability.pair_table(tally, 0, 2)
    assert table.sum() == len(both)
    expected = cohen_kappa_score([a for a, _ in both], [b for _, b in both])
    assert reliability.kappa(table) == pytest.approx(expected, abs=1e-12)
    assert reliability.table_percent(table) == pytest.approx(
        100 * sum(a == b for a, b in both) / len(both)
    )


def test_a_variable_with_no_unit_has_no_figures() -> None:
    tally = reliability.tallies(data([[], []]))
    assert tally.units == 0
    assert reliability.alpha(tally, Level.NOMINAL) is None
    assert reliability.percent_agreement(tally) is None
    assert reliability.kappa(reliability.pair_table(tally, 0, 1)) is None


def arrays(values: list[list[int | None]]) -> VariableArrays:
    """The same variable as `data(values)`, as the domain builds it for a project."""
    units = len(values[0])
    return VariableArrays(
        Axis.CONFIDENCE,
        "Seoul",
        tuple(f"coder {i}" for i in range(len(values))),
        np.arange(units, dtype=np.int64),
        np.ones(units, dtype=np.int64),
        np.array(
            [[MISSING if v is None else v for v in row] for row in values], dtype=np.int64
        ).reshape(len(values), units),
    )


@pytest.mark.parametrize(
    "values",
    [PAPER, random_values(3, units=200, values=6), [[0, 70000, 2], [70000, None, 2]], [[], []]],
)
def test_a_variable_as_arrays_is_tallied_as_its_tuples(values: list[list[int | None]]) -> None:
    """Small values are counted rather than sorted (and large ones sorted): the same tallies."""
    by_tuples, by_arrays = reliability.tallies(data(values)), reliability.tallies(arrays(values))
    for field in (
        "domain",
        "codes",
        "counts",
        "patterns",
        "pattern_of",
        "frequency",
        "coincidences",
    ):
        assert np.array_equal(getattr(by_tuples, field), getattr(by_arrays, field)), field
    assert arrays(values).data() == data(values)
