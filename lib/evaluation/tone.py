"""Score a sentiment engine against gold tone labels (-1 negative, 0 neutral, +1 positive).

An engine gives continuous polarity; three classes need a neutral band (|polarity| <= band is 0).
With a band fixed in advance (the one an engine ships with) the labels are scored as they are.
A band chosen on the same gold data would flatter the engine, so without one the band is fitted
on k-1 folds and labels the held-out fold (repeated k-fold: one split on a few hundred items moves
accuracy by a few items), and only those out-of-fold labels are scored.

Intervals are 95%: Wilson for accuracy (a share of items), a percentile bootstrap over items for
macro-F1 and Spearman's rho. Rho compares polarity with gold directly and needs no band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.annotate.sentiment.interface import SentimentEngine
from lib.evaluation.measures import Interval, Share, bootstrap

TONES = (-1, 0, 1)
DEFAULT_FOLDS = 10
DEFAULT_REPEATS = 5


@dataclass(frozen=True)
class ToneScore:
    n: int
    accuracy: Interval  # Wilson
    macro_f1: Interval  # bootstrap
    rho: Interval  # Spearman, bootstrap
    cross_validated: bool  # the band was fitted on other folds of the same gold data
    bands: tuple[float, float]  # the band used; under cross-validation the lowest and highest chosen
    accuracy_range: tuple[float, float]  # one split's lowest and highest accuracy (the same value if fixed)
    zero_share: float  # items scored exactly 0: an engine that knows no word of them

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "accuracy": self.accuracy.as_dict(),
            "macro_f1": self.macro_f1.as_dict(),
            "rho": self.rho.as_dict(),
            "cross_validated": self.cross_validated,
            "bands": list(self.bands),
            "accuracy_range": [round(v, 4) for v in self.accuracy_range],
            "zero_share": round(self.zero_share, 4),
        }


def score_tone(
    gold: Sequence[int],
    polarity: Sequence[float],
    *,
    band: float | None = None,
    folds: int = DEFAULT_FOLDS,
    repeats: int = DEFAULT_REPEATS,
    seed: int = 0,
) -> ToneScore:
    """How far `polarity` agrees with `gold`: with the fixed `band`, or cross-validated if None."""
    gold, polarity = _checked(gold, polarity)
    if band is not None:
        predicted = labelled(polarity, band)[:, None]
        bands = [band]
    else:
        predicted, bands = repeated_cross_validated(gold, polarity, folds=folds, repeats=repeats, seed=seed)
    split_accuracies = [accuracy(gold, column) for column in predicted.T]
    mean_accuracy = float(np.mean(split_accuracies))
    share = Share(round(mean_accuracy * len(gold)), len(gold)).interval
    return ToneScore(
        n=len(gold),
        # Wilson's interval on the item count, centred on the mean over splits.
        accuracy=Interval(mean_accuracy, share.low, share.high),
        macro_f1=bootstrap(_mean_over_columns(macro_f1), (gold, predicted), seed=seed),
        rho=bootstrap(spearman, (polarity, gold.astype(float)), seed=seed),
        cross_validated=band is None,
        bands=(min(bands), max(bands)),
        accuracy_range=(min(split_accuracies), max(split_accuracies)),
        zero_share=float(np.mean(polarity == 0)),
    )


def labelled(polarity: np.ndarray, band: float) -> np.ndarray:
    """-1/0/+1 from polarity: neutral within `band` of zero (inclusive)."""
    if band < 0:
        raise ValueError(f"the neutral band must be 0 or more, not {band}")
    return np.where(polarity > band, 1, np.where(polarity < -band, -1, 0))


def accuracy(gold: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.mean(gold == predicted))


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Mean F1 over the three tones; a tone neither labelled nor predicted scores 0."""
    scores = []
    for tone in TONES:
        true_positive = np.sum((predicted == tone) & (gold == tone))
        predicted_count, gold_count = np.sum(predicted == tone), np.sum(gold == tone)
        precision = true_positive / predicted_count if predicted_count else 0.0
        recall = true_positive / gold_count if gold_count else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return float(np.mean(scores))


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rho: Pearson's r of average ranks (ties share a rank); 0 when one side is constant."""
    rank_x = pd.Series(x).rank().to_numpy()
    rank_y = pd.Series(y).rank().to_numpy()
    if rank_x.std() == 0 or rank_y.std() == 0:
        return 0.0
    return float(np.corrcoef(rank_x, rank_y)[0, 1])


def best_band(gold: np.ndarray, polarity: np.ndarray) -> float:
    """The band with the highest accuracy (the smallest on a tie), among 0 and every |polarity|."""
    candidates = np.unique(np.concatenate([[0.0], np.abs(polarity)]))
    scores = [accuracy(gold, labelled(polarity, band)) for band in candidates]
    return float(candidates[int(np.argmax(scores))])


def cross_validated(gold: np.ndarray, polarity: np.ndarray, *, folds: int, seed: int) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold labels (each fold labelled with the band chosen on the others) and the bands."""
    if not 2 <= folds <= len(gold):
        raise ValueError(f"need 2 to {len(gold)} folds for {len(gold)} items, got {folds}")
    order = np.random.default_rng(seed).permutation(len(gold))
    predicted = np.zeros(len(gold), dtype=int)
    bands = []
    for held_out in np.array_split(order, folds):
        training = np.setdiff1d(order, held_out)
        band = best_band(gold[training], polarity[training])
        bands.append(band)
        predicted[held_out] = labelled(polarity[held_out], band)
    return predicted, bands


def repeated_cross_validated(
    gold: np.ndarray, polarity: np.ndarray, *, folds: int, repeats: int, seed: int
) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold labels of `repeats` fold splits (seeds seed, seed+1...), one column each, and
    every band chosen."""
    runs = [cross_validated(gold, polarity, folds=folds, seed=seed + repeat) for repeat in range(repeats)]
    return np.column_stack([predicted for predicted, _ in runs]), [band for _, bands in runs for band in bands]


def _mean_over_columns(statistic):
    """`statistic(gold, predicted)` averaged over the columns of a 2-D `predicted`."""
    return lambda gold, predicted: float(np.mean([statistic(gold, column) for column in predicted.T]))


def _checked(gold: Sequence[int], polarity: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    gold = np.asarray(gold, dtype=int)
    polarity = np.asarray(polarity, dtype=float)
    if len(gold) != len(polarity):
        raise ValueError(f"{len(gold)} gold labels but {len(polarity)} polarities")
    if len(gold) == 0:
        raise ValueError("no gold labels to score against")
    unknown = sorted(set(np.unique(gold)) - set(TONES))
    if unknown:
        raise ValueError(f"gold tones must be -1, 0 or 1; found {', '.join(map(str, unknown))}")
    if np.isnan(polarity).any():
        raise ValueError(f"{int(np.isnan(polarity).sum())} polarity value(s) are missing (NaN)")
    return gold, polarity


def headline_polarity(engine: SentimentEngine, headlines: Sequence[str]) -> np.ndarray:
    """Each headline's polarity, the headline scored as one sentence."""
    return np.array([engine.score([headline]).document.polarity for headline in headlines], dtype=float)
