"""lib/annotate/sentiment/tone.py: shares of positive and negative sentences, and net tone."""

from __future__ import annotations

import pytest

from lib.annotate.sentiment import ToneShares, tone_shares


@pytest.mark.parametrize(
    ("polarities", "band", "expected"),
    [
        ([], 0.0, ToneShares(0.0, 0.0, 0.0)),
        ([0.0, 0.0], 0.0, ToneShares(0.0, 0.0, 0.0)),
        ([0.5, -0.5, 0.0, 0.2], 0.0, ToneShares(0.5, 0.25, 0.25)),
        ([0.5, -0.5, 0.0, 0.2], 0.2, ToneShares(0.25, 0.25, 0.0)),  # the band is inclusive
        ([-0.1, -0.9, -0.3], 0.05, ToneShares(0.0, 1.0, -1.0)),
        ((p for p in (1.0, 1.0)), 0.0, ToneShares(1.0, 0.0, 1.0)),  # any iterable
    ],
)
def test_tone_shares(polarities, band: float, expected: ToneShares) -> None:
    assert tone_shares(polarities, neutral_band=band) == pytest.approx(expected)


def test_neutral_share_is_what_is_left() -> None:
    assert tone_shares([0.5, -0.5, 0.0, 0.0]).neutral == pytest.approx(0.5)


def test_a_negative_band_is_refused() -> None:
    with pytest.raises(ValueError, match="neutral_band must be 0 or more, not -0.1"):
        tone_shares([0.1], neutral_band=-0.1)
