"""lib/evaluation/tone.py: a sentiment engine against gold tone labels."""

from __future__ import annotations

import numpy as np
import pytest

from lib.annotate.sentiment.interface import ScoredText, Sentiment
from lib.evaluation.tone import (
    accuracy,
    best_band,
    cross_validated,
    headline_polarity,
    labelled,
    macro_f1,
    score_tone,
    spearman,
)


@pytest.mark.parametrize(
    ("polarity", "band", "tones"),
    [
        ([0.3, -0.3, 0.0], 0.0, [1, -1, 0]),
        ([0.1, -0.1, 0.2], 0.1, [0, 0, 1]),  # the band is inclusive
        ([0.05, -0.5], 0.2, [0, -1]),
    ],
)
def test_labelled(polarity, band: float, tones) -> None:
    assert labelled(np.array(polarity), band).tolist() == tones


def test_a_negative_band_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        labelled(np.array([0.1]), -0.1)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected_accuracy", "expected_f1"),
    [
        ([1, 0, -1], [1, 0, -1], 1.0, 1.0),
        ([1, 1, 1], [0, 0, 0], 0.0, 0.0),
        # positive: P 1/2 R 1 F 2/3; neutral: P 1 R 1/2 F 2/3; negative: P 1 R 1 F 1
        ([1, 0, 0, -1], [1, 1, 0, -1], 0.75, (2 / 3 + 2 / 3 + 1) / 3),
    ],
)
def test_accuracy_and_macro_f1(gold, predicted, expected_accuracy: float, expected_f1: float) -> None:
    gold, predicted = np.array(gold), np.array(predicted)
    assert accuracy(gold, predicted) == pytest.approx(expected_accuracy)
    assert macro_f1(gold, predicted) == pytest.approx(expected_f1)


@pytest.mark.parametrize(
    ("x", "y", "rho"),
    [
        ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
        ([1, 2, 3, 4], [4, 3, 2, 1], -1.0),
        ([0.1, 0.5, 0.9], [1, 1, 1], 0.0),  # a constant side
        ([1, 2, 2, 3], [1, 2, 3, 4], pytest.approx(0.9487, abs=1e-4)),  # ties share a rank
    ],
)
def test_spearman(x, y, rho) -> None:
    assert spearman(np.array(x, dtype=float), np.array(y, dtype=float)) == rho


def test_best_band_is_the_smallest_of_the_best() -> None:
    gold = np.array([0, 0, 1, -1])
    polarity = np.array([0.1, -0.2, 0.5, -0.4])
    assert best_band(gold, polarity) == pytest.approx(0.2)


def test_cross_validation_labels_every_item_once() -> None:
    gold = np.array([0, 1, -1] * 10)
    polarity = np.array([0.05, 0.6, -0.6] * 10)
    predicted, bands = cross_validated(gold, polarity, folds=5, seed=1)
    assert predicted.tolist() == gold.tolist()
    assert len(bands) == 5


def test_score_tone_fixed_and_cross_validated() -> None:
    gold = np.array([0, 1, -1, 0, 1, -1] * 5)
    polarity = np.array([0.05, 0.6, -0.6, -0.02, 0.3, -0.2] * 5)
    fixed = score_tone(gold, polarity, band=0.0)
    assert not fixed.cross_validated
    assert fixed.accuracy.value == pytest.approx(2 / 3)
    assert fixed.bands == (0.0, 0.0)
    assert fixed.accuracy.low < fixed.accuracy.value < fixed.accuracy.high
    cv = score_tone(gold, polarity, folds=5, repeats=2)
    assert cv.cross_validated
    assert cv.accuracy.value == pytest.approx(1.0)
    assert cv.rho.value > 0.8
    assert cv.zero_share == 0.0
    assert set(cv.as_dict()) >= {"accuracy", "macro_f1", "rho", "bands"}


@pytest.mark.parametrize(
    ("gold", "polarity", "message"),
    [
        ([1, 0], [0.1], "2 gold labels but 1 polarities"),
        ([], [], "no gold labels"),
        ([2, 0], [0.1, 0.2], "gold tones must be -1, 0 or 1; found 2"),
        ([1, 0], [0.1, float("nan")], "1 polarity value"),
    ],
)
def test_bad_inputs(gold, polarity, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score_tone(gold, polarity, band=0.0)


class Echo:
    """An engine that reads a number in the text: enough to test the plumbing."""

    name = label = version = "echo"

    def score(self, sentences: list[str]) -> ScoredText:
        scores = tuple(Sentiment(float(sentence), 0.0) for sentence in sentences)
        return ScoredText(scores[0], scores)


def test_headline_polarity_scores_each_headline_as_one_sentence() -> None:
    assert headline_polarity(Echo(), ["0.5", "-0.25"]).tolist() == [0.5, -0.25]
