"""Small-sample honesty: confidence intervals for shares and means, without scipy.

Coverage per prime minister is often a handful of articles, so every share and mean the
dashboard shows comes with an interval, and cells built on fewer than THIN_N articles are marked.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from statistics import NormalDist

# Fewer than this many articles is "thin": shown, but marked as not to be leaned on.
THIN_N = 5

# Above this many degrees of freedom the Cornish-Fisher expansion is accurate to better than 1e-6
# and avoids summing hundreds of series terms.
_SERIES_MAX_DF = 200


def normal_critical(confidence: float) -> float:
    """Two-sided critical value of the standard normal: 1.96 for 0.95."""
    _check_confidence(confidence)
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion; (nan, nan) when n is 0.

    Chosen over the textbook normal interval because it stays inside [0, 1] and behaves
    sensibly for 0 of 3 or 3 of 3, which is what thin PM-by-topic cells look like.
    """
    if n == 0:
        return (math.nan, math.nan)
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n, got successes={successes}, n={n}")
    z = normal_critical(confidence)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def mean_interval(values: Iterable[float], confidence: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high) with a Student t interval; NaNs are ignored.

    No values gives (nan, nan, nan); a single value gives (value, nan, nan) because its
    spread is unknown.
    """
    return interval_from_moments(*moments(values), confidence)


def moments(values: Iterable[float]) -> tuple[int, float, float]:
    """(n, mean, sample standard deviation) of the non-NaN values; NaN where undefined."""
    kept = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    n = len(kept)
    if n == 0:
        return (0, math.nan, math.nan)
    mean = math.fsum(kept) / n
    if n < 2:
        return (n, mean, math.nan)
    return (n, mean, math.sqrt(math.fsum((v - mean) ** 2 for v in kept) / (n - 1)))


def interval_from_moments(n: int, mean: float, sd: float, confidence: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high), a Student t interval from n, mean and sample sd: what an embedded
    database returns (count, avg, stddev_samp), so it and pandas share this arithmetic."""
    if n == 0:
        return (math.nan, math.nan, math.nan)
    if n < 2 or sd != sd:
        return (mean, math.nan, math.nan)
    half = t_critical(confidence, n - 1) * math.sqrt(sd * sd / n)
    return (mean, mean - half, mean + half)


def t_critical(confidence: float, df: int) -> float:
    """Two-sided critical value of Student's t: 12.706 for 0.95 with 1 degree of freedom."""
    _check_confidence(confidence)
    if df < 1 or int(df) != df:
        raise ValueError(f"degrees of freedom must be a whole number >= 1, got {df}")
    if df > _SERIES_MAX_DF:
        return _cornish_fisher(normal_critical(confidence), df)
    return _bisect(lambda t: _t_central_probability(t, int(df)), confidence)


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")


def _t_central_probability(t: float, df: int) -> float:
    """P(|T| < t) for integer df: the exact finite series (Abramowitz & Stegun 26.7.3-4)."""
    theta = math.atan(t / math.sqrt(df))
    cos2 = math.cos(theta) ** 2
    if df % 2 == 1:
        term, total = 1.0, 1.0 if df > 1 else 0.0
        for k in range(3, df - 1, 2):
            term *= cos2 * (k - 1) / k
            total += term
        return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)
    term, total = 1.0, 1.0
    for k in range(2, df - 1, 2):
        term *= cos2 * (k - 1) / k
        total += term
    return math.sin(theta) * total


def _bisect(probability, target: float) -> float:
    low, high = 0.0, 1.0
    while probability(high) < target:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if probability(middle) < target:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2


def _cornish_fisher(z: float, df: int) -> float:
    """t quantile from the normal quantile z, by the Cornish-Fisher expansion in 1/df."""
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )
