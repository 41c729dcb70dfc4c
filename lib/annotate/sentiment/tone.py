"""Tone measures over sentence polarities that say more than a mean: how much of a text is
positive, how much negative, and the balance of the two."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class ToneShares(NamedTuple):
    positive: float  # share of sentences above the neutral band, 0..1
    negative: float  # share of sentences below it, 0..1
    net: float  # positive - negative, -1..+1

    @property
    def neutral(self) -> float:
        return 1.0 - self.positive - self.negative


def tone_shares(polarities: Iterable[float], *, neutral_band: float = 0.0) -> ToneShares:
    """Shares of positive and of negative sentences, and net tone. A polarity within
    `neutral_band` of zero (inclusive) is neutral; no sentences give (0, 0, 0)."""
    if neutral_band < 0:
        raise ValueError(f"neutral_band must be 0 or more, not {neutral_band}")
    positive = negative = count = 0
    for polarity in polarities:
        count += 1
        if polarity > neutral_band:
            positive += 1
        elif polarity < -neutral_band:
            negative += 1
    if not count:
        return ToneShares(0.0, 0.0, 0.0)
    return ToneShares(positive / count, negative / count, (positive - negative) / count)
