"""lib/evaluation/measures.py: shares, confusion counts and the bootstrap."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lib.evaluation.measures import Confusion, Interval, Share, bootstrap, f1_from_counts


def test_share_has_a_wilson_interval() -> None:
    share = Share(8, 10)
    assert share.value == pytest.approx(0.8)
    assert share.interval.low == pytest.approx(0.4902, abs=1e-4)
    assert share.interval.high == pytest.approx(0.9433, abs=1e-4)
    assert str(share) == "0.800 [0.490, 0.943] (8/10)"
    assert share.as_dict() == {"hits": 8, "n": 10, "value": 0.8, "low": 0.4902, "high": 0.9433}


def test_an_empty_share_is_not_a_number_and_null_in_json() -> None:
    assert math.isnan(Share(0, 0).value)
    assert str(Share(0, 0)) == "n/a (0/0)"
    assert Share(0, 0).as_dict()["value"] is None


@pytest.mark.parametrize(
    ("counts", "f1"),
    [((5, 0, 0), 1.0), ((0, 3, 2), 0.0), ((6, 2, 4), 12 / 18), ((0, 0, 0), math.nan)],
)
def test_f1_from_counts(counts, f1: float) -> None:
    got = f1_from_counts(*counts)
    assert (math.isnan(got) and math.isnan(f1)) or got == pytest.approx(f1)


def test_confusion_precision_and_recall() -> None:
    confusion = Confusion(true_positive=6, false_positive=2, false_negative=4)
    assert (confusion.precision.hits, confusion.precision.n) == (6, 8)
    assert (confusion.recall.hits, confusion.recall.n) == (6, 10)
    assert confusion.f1 == pytest.approx(2 / 3)


def test_bootstrap_is_seeded_and_brackets_the_value() -> None:
    values = np.arange(50, dtype=float)
    first = bootstrap(lambda v: float(np.mean(v)), (values,), seed=3, resamples=300)
    again = bootstrap(lambda v: float(np.mean(v)), (values,), seed=3, resamples=300)
    assert first == again
    assert first.low < first.value == 24.5 < first.high


def test_bootstrap_of_nothing() -> None:
    assert math.isnan(bootstrap(lambda v: 0.0, (np.array([]),)).value)


def test_interval_text() -> None:
    assert str(Interval(0.5, 0.25, 0.75)) == "0.500 [0.250, 0.750]"
    assert str(Interval(0.5, math.nan, math.nan)) == "0.500"
    assert str(Interval(math.nan, math.nan, math.nan)) == "n/a"
