import math

import pytest

from lib.stats import THIN_N, mean_interval, normal_critical, t_critical, wilson_interval


@pytest.mark.parametrize(
    ("successes", "n", "confidence", "low", "high"),
    [
        (5, 10, 0.95, 0.2366, 0.7634),
        (0, 10, 0.95, 0.0, 0.2775),
        (10, 10, 0.95, 0.7225, 1.0),
        (1, 1, 0.95, 0.2065, 1.0),
        (50, 100, 0.95, 0.4038, 0.5962),
        (3, 20, 0.90, 0.0616, 0.3218),
    ],
)
def test_wilson_interval_golden(successes, n, confidence, low, high):
    assert wilson_interval(successes, n, confidence) == pytest.approx((low, high), abs=1e-4)


def test_wilson_interval_of_nothing_is_nan():
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


@pytest.mark.parametrize(("successes", "n"), [(3, 2), (-1, 5)])
def test_wilson_interval_rejects_impossible_counts(successes, n):
    with pytest.raises(ValueError, match="successes"):
        wilson_interval(successes, n)


# Published two-sided critical values of Student's t.
@pytest.mark.parametrize(
    ("confidence", "df", "expected"),
    [
        (0.95, 1, 12.7062),
        (0.95, 2, 4.3027),
        (0.95, 3, 3.1824),
        (0.95, 4, 2.7764),
        (0.95, 5, 2.5706),
        (0.95, 10, 2.2281),
        (0.95, 30, 2.0423),
        (0.95, 120, 1.9799),
        (0.95, 1000, 1.9623),
        (0.99, 1, 63.6567),
        (0.99, 10, 3.1693),
        (0.90, 7, 1.8946),
        (0.90, 500, 1.6479),
    ],
)
def test_t_critical_golden(confidence, df, expected):
    assert t_critical(confidence, df) == pytest.approx(expected, abs=1e-3)


def test_t_critical_is_continuous_where_the_method_changes():
    assert t_critical(0.95, 200) == pytest.approx(t_critical(0.95, 201), abs=1e-4)


def test_normal_critical():
    assert normal_critical(0.95) == pytest.approx(1.95996, abs=1e-5)


@pytest.mark.parametrize("confidence", [0, 1, 1.5, -0.2])
def test_confidence_must_be_a_probability(confidence):
    with pytest.raises(ValueError, match="confidence"):
        t_critical(confidence, 5)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3, 4, 5], (3.0, 1.0368, 4.9632)),
        ([0.2, 0.4], (0.3, -0.9706, 1.5706)),
        ([0.5, 0.5, 0.5], (0.5, 0.5, 0.5)),
        ([1.0, float("nan"), 3.0], (2.0, -10.7062, 14.7062)),
    ],
)
def test_mean_interval_golden(values, expected):
    assert mean_interval(values) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(("values", "mean"), [([], math.nan), ([0.4], 0.4), ([None, 0.4], 0.4)])
def test_mean_interval_without_spread_has_nan_bounds(values, mean):
    centre, low, high = mean_interval(values)
    assert (math.isnan(centre) and math.isnan(mean)) or centre == mean
    assert math.isnan(low) and math.isnan(high)


def test_thin_threshold():
    assert THIN_N == 5
