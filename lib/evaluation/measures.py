"""The numbers a scorecard reports, each with its 95% interval: shares (Wilson), precision,
recall and F1 from counts, and a percentile bootstrap for statistics no formula covers."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from lib.stats import wilson_interval

CONFIDENCE = 0.95
BOOTSTRAP_RESAMPLES = 2000


@dataclass(frozen=True)
class Interval:
    """A value and its 95% interval; all NaN when nothing was measured."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        if math.isnan(self.value):
            return "n/a"
        if math.isnan(self.low):
            return f"{self.value:.3f}"
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"

    def as_dict(self) -> dict:
        return {"value": _finite(self.value), "low": _finite(self.low), "high": _finite(self.high)}


@dataclass(frozen=True)
class Share:
    """`hits` of `n` with a Wilson interval: chosen because the counts here are small (a topic
    tagged on 30 pages) and Wilson stays inside [0, 1] at 0 of 3 or 3 of 3."""

    hits: int
    n: int

    @property
    def interval(self) -> Interval:
        if self.n == 0:
            return Interval(math.nan, math.nan, math.nan)
        low, high = wilson_interval(self.hits, self.n, CONFIDENCE)
        return Interval(self.hits / self.n, low, high)

    @property
    def value(self) -> float:
        return self.interval.value

    def __str__(self) -> str:
        return f"{self.interval} ({self.hits}/{self.n})" if self.n else "n/a (0/0)"

    def as_dict(self) -> dict:
        return {"hits": self.hits, "n": self.n, **self.interval.as_dict()}


@dataclass(frozen=True)
class Confusion:
    """Counts of one yes/no decision against the labels."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> Share:
        return Share(self.true_positive, self.true_positive + self.false_positive)

    @property
    def recall(self) -> Share:
        return Share(self.true_positive, self.true_positive + self.false_negative)

    @property
    def f1(self) -> float:
        return f1_from_counts(self.true_positive, self.false_positive, self.false_negative)


def f1_from_counts(true_positive: int, false_positive: int, false_negative: int) -> float:
    """F1 = 2TP / (2TP + FP + FN); 0 when the tag is neither given nor expected anywhere is
    not a success, so it is NaN there (nothing to measure)."""
    denominator = 2 * true_positive + false_positive + false_negative
    return 2 * true_positive / denominator if denominator else math.nan


def bootstrap(
    statistic: Callable[..., float],
    columns: Sequence[np.ndarray],
    *,
    seed: int = 0,
    resamples: int = BOOTSTRAP_RESAMPLES,
) -> Interval:
    """`statistic(*columns)` with a percentile bootstrap interval: rows (articles, headlines)
    are resampled with replacement, the columns of one row staying together. Seeded, so a
    report is reproducible."""
    columns = [np.asarray(column) for column in columns]
    size = len(columns[0])
    if size == 0:
        return Interval(math.nan, math.nan, math.nan)
    rng = np.random.default_rng(seed)
    draws = np.array([statistic(*(c[picks] for c in columns)) for picks in rng.integers(0, size, (resamples, size))])
    draws = draws[~np.isnan(draws)]
    value = float(statistic(*columns))
    if len(draws) == 0:
        return Interval(value, math.nan, math.nan)
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(draws, [tail, 100 - tail])
    return Interval(value, float(low), float(high))


def _finite(value: float) -> float | None:
    """JSON has no NaN: an unmeasured value is null."""
    return None if value is None or math.isnan(value) else round(float(value), 4)
