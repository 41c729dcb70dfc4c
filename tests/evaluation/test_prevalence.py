"""lib/evaluation/prevalence.py: Rogan–Gladen with the Lang & Reiczigel interval, against worked
examples from the literature and a coverage simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lib.evaluation.prevalence import Counts, corrected_prevalence, rogan_gladen


@pytest.mark.parametrize(
    ("apparent", "sensitivity", "specificity", "expected"),
    [
        # epiR's epi.prev documentation (Stevenson et al.): 23 of 150 cows test positive with a
        # test of sensitivity 0.96 and specificity 0.89: "5.1 cases per 100 cows".
        (23 / 150, 0.96, 0.89, 0.051),
        # Gelman & Carpenter (2020), "Bayesian analysis of tests with unknown specificity and
        # sensitivity", JRSS C: 50 of 3,330 positive, specificity 399/401, sensitivity 103/122.
        # The classical correction takes 1.5% down to 1.2%.
        (50 / 3330, 103 / 122, 399 / 401, 0.0119),
        # A perfect test changes nothing.
        (0.3, 1.0, 1.0, 0.3),
        # TRAP: fewer positives than the false-positive rate alone explains -> clipped to 0.
        (0.05, 0.9, 0.9, 0.0),
        # TRAP: more positives than possible -> clipped to 1.
        (0.97, 0.9, 0.95, 1.0),
    ],
)
def test_rogan_gladen_golden(apparent, sensitivity, specificity, expected):
    assert rogan_gladen(apparent, sensitivity, specificity) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(("sensitivity", "specificity"), [(0.5, 0.5), (0.3, 0.6), (0.0, 0.0)])
def test_a_tagger_no_better_than_chance_gives_no_estimate(sensitivity, specificity):
    assert math.isnan(rogan_gladen(0.4, sensitivity, specificity))
    interval = corrected_prevalence(Counts(40, 100), Counts(sensitivity * 20, 20), Counts(specificity * 20, 20))
    assert math.isnan(interval.value)


def test_santa_clara_interval_brackets_the_estimate_and_stays_in_range():
    # Gelman & Carpenter's counts again: with 401 and 122 validation samples the interval is
    # narrow but its low end reaches 0 (they stress a true share near 0 cannot be ruled out,
    # because 2 false positives in 401 could explain all 50 positives).
    interval = corrected_prevalence(Counts(50, 3330), Counts(103, 122), Counts(399, 401))
    assert interval.value == pytest.approx(0.0119, abs=5e-4)
    assert interval.low == pytest.approx(0.0, abs=2e-3)
    assert interval.value < interval.high < 0.03


def test_interval_step_by_step():
    """Lang & Reiczigel (2014), section 2, written out for one case: 30 of 100 tagged, Se 18/20,
    Sp 70/80. Adjusted shares: AP~ = (30 + z²/2)/(100 + z²), Se~ = 19/22, Sp~ = 71/82."""
    z = 1.959963984540054
    ap = (30 + z * z / 2) / (100 + z * z)
    se, sp = 19 / 22, 71 / 82
    youden = se + sp - 1
    p = (ap + sp - 1) / youden
    spread = math.sqrt(ap * (1 - ap) / (100 + z * z) + se * (1 - se) / 22 * p**2 + sp * (1 - sp) / 82 * (1 - p) ** 2)
    spread /= youden
    shift = 2 * z * z * (p * se * (1 - se) / 22 - (1 - p) * sp * (1 - sp) / 82)
    interval = corrected_prevalence(Counts(30, 100), Counts(18, 20), Counts(70, 80))
    assert interval.value == pytest.approx((0.3 + 0.875 - 1) / (0.9 + 0.875 - 1))
    assert interval.low == pytest.approx(p + shift - z * spread)
    assert interval.high == pytest.approx(p + shift + z * spread)


def test_coverage_is_close_to_95_percent():
    """Lang & Reiczigel's claim, checked by simulation: a true share of 0.2, a tagger of
    sensitivity 0.8 and specificity 0.9, 40 coded present and 60 coded absent."""
    rng = np.random.default_rng(7)
    truth, sensitivity, specificity = 0.2, 0.8, 0.9
    apparent = truth * sensitivity + (1 - truth) * (1 - specificity)
    covered, runs = 0, 1000
    for _ in range(runs):
        interval = corrected_prevalence(
            Counts(rng.binomial(2000, apparent), 2000),
            Counts(rng.binomial(40, sensitivity), 40),
            Counts(rng.binomial(60, specificity), 60),
        )
        covered += interval.low <= truth <= interval.high
    assert 0.92 <= covered / runs <= 0.99


def test_weighted_counts_may_be_fractional():
    interval = corrected_prevalence(Counts(30, 100), Counts(17.5, 20), Counts(70.25, 80))
    assert 0 <= interval.low <= interval.value <= interval.high <= 1


@pytest.mark.parametrize(("hits", "trials"), [(-1, 10), (11, 10), (0, -1)])
def test_impossible_counts_are_refused(hits, trials):
    with pytest.raises(ValueError, match="hits"):
        Counts(hits, trials)


def test_an_empty_sample_gives_nothing():
    assert math.isnan(corrected_prevalence(Counts(3, 10), Counts(0, 0), Counts(5, 5)).value)
