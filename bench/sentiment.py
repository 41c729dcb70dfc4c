"""How well each sentiment engine agrees with expert tone labels of economic news headlines.

    .venv/bin/python -m bench.sentiment [--folds 10] [--repeats 5] [--seed 0]

The gold standard is ecosent (van Atteveldt, van der Velden & Boukes 2021; ../shared/benchmarks/
ecosent, read its README): 284 Dutch headlines coded -1/0/+1 for the tone of the economic news,
with English machine translations. Each headline is given to an engine as one sentence.

Polarity is continuous; a 3-class label needs a neutral band (|polarity| <= band is 0). The band
is the one thing tuned, so accuracy and macro-F1 are reported cross-validated: for each of k folds
the band that maximises accuracy on the other folds labels that fold. One split's accuracy moves
by a few headlines with the split, so the figure is the mean over several splits (repeated k-fold;
"per split" gives the lowest and highest single split). The "default band" columns
use the band each engine ships with (VADER's authors' 0.05, TextBlob's 0); the economy engine's
default is itself the band this cross-validation picks, so only its CV figures are unbiased.
Spearman's rho (polarity against gold) needs no band. Intervals are 95%: Wilson for accuracy,
percentile bootstrap (2,000 resamples of headlines) for macro-F1 and rho.

Rows: every engine on the `translation` column, then the same on the DeepL and Google
translations in gold_sentences.csv (joined on id) to check a result does not hinge on one
translation. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from lib.annotate.sentiment import ENGINES, get_engine

ECOSENT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "ecosent"
LABELS = (-1, 0, 1)
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def labelled(polarity: np.ndarray, band: float) -> np.ndarray:
    """-1/0/+1 from polarity: neutral within `band` of zero (inclusive)."""
    return np.where(polarity > band, 1, np.where(polarity < -band, -1, 0))


def accuracy(gold: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.mean(gold == predicted))


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for label in LABELS:
        true_positive = np.sum((predicted == label) & (gold == label))
        predicted_count, gold_count = np.sum(predicted == label), np.sum(gold == label)
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


def wilson(successes: int, trials: int) -> Interval:
    share = successes / trials
    centre = (share + Z95**2 / (2 * trials)) / (1 + Z95**2 / trials)
    half = Z95 * math.sqrt(share * (1 - share) / trials + Z95**2 / (4 * trials**2)) / (1 + Z95**2 / trials)
    return Interval(share, centre - half, centre + half)


def bootstrap(statistic, columns: tuple[np.ndarray, ...], *, seed: int, resamples: int = 2000) -> Interval:
    rng = np.random.default_rng(seed)
    size = len(columns[0])
    draws = [statistic(*(c[picks] for c in columns)) for picks in rng.integers(0, size, (resamples, size))]
    low, high = np.percentile(draws, [2.5, 97.5])
    return Interval(statistic(*columns), float(low), float(high))


def best_band(gold: np.ndarray, polarity: np.ndarray) -> float:
    """The band with the highest accuracy (the smallest on a tie), among 0 and every |polarity|."""
    candidates = np.unique(np.concatenate([[0.0], np.abs(polarity)]))
    scores = [accuracy(gold, labelled(polarity, band)) for band in candidates]
    return float(candidates[int(np.argmax(scores))])


def cross_validated(gold: np.ndarray, polarity: np.ndarray, *, folds: int, seed: int) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold labels (each fold labelled with the band chosen on the others) and the bands."""
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
    """Out-of-fold labels of `repeats` different fold splits, one column each, and every band
    chosen. On 284 headlines one split's accuracy moves by a few headlines with the split."""
    runs = [cross_validated(gold, polarity, folds=folds, seed=seed + repeat) for repeat in range(repeats)]
    return np.column_stack([predicted for predicted, _ in runs]), [band for _, bands in runs for band in bands]


def mean_over_columns(statistic):
    """`statistic(gold, predicted)` averaged over the columns of a 2-D `predicted`."""
    return lambda gold, predicted: float(np.mean([statistic(gold, column) for column in predicted.T]))


@dataclass(frozen=True)
class Row:
    engine: str
    text: str
    n: int
    cv_accuracy: Interval
    cv_accuracy_range: tuple[float, float]  # the lowest and highest accuracy of one split
    cv_macro_f1: Interval
    default_accuracy: float
    default_macro_f1: float
    rho: Interval
    cv_bands: tuple[float, float]  # the lowest and highest band the folds chose
    zero_share: float  # headlines scored exactly 0


def evaluate(
    engine_name: str, text: str, headlines: list[str], gold: np.ndarray, *, folds: int, repeats: int, seed: int
) -> Row:
    engine = get_engine(engine_name)
    polarity = np.array([engine.score([headline]).document.polarity for headline in headlines])
    predicted, bands = repeated_cross_validated(gold, polarity, folds=folds, repeats=repeats, seed=seed)
    split_accuracies = [accuracy(gold, column) for column in predicted.T]
    default = labelled(polarity, getattr(engine, "neutral_band", 0.0))
    return Row(
        engine=engine_name,
        text=text,
        n=len(gold),
        # Wilson's interval for the mean share right over the splits, on the headlines' count.
        cv_accuracy=wilson(round(float(np.mean(split_accuracies)) * len(gold)), len(gold)),
        cv_accuracy_range=(min(split_accuracies), max(split_accuracies)),
        cv_macro_f1=bootstrap(mean_over_columns(macro_f1), (gold, predicted), seed=seed),
        default_accuracy=accuracy(gold, default),
        default_macro_f1=macro_f1(gold, default),
        rho=bootstrap(spearman, (polarity, gold.astype(float)), seed=seed),
        cv_bands=(min(bands), max(bands)),
        zero_share=float(np.mean(polarity == 0)),
    )


def read_gold() -> dict[str, tuple[list[str], np.ndarray]]:
    """Headlines and gold labels per translation: the translation column, then DeepL and Google."""
    gold_en = pd.read_csv(ECOSENT / "gold_en.csv")
    texts = {"translation": (gold_en["translation"].fillna("").tolist(), gold_en["value"].to_numpy(int))}
    variants = pd.read_csv(ECOSENT / "gold_sentences.csv").merge(gold_en[["id", "value"]], on="id")
    for column in ("deepl", "google"):
        texts[column] = (variants[column].fillna("").tolist(), variants["value"].to_numpy(int))
    return texts


def table(rows: list[Row]) -> str:
    header = (
        f"{'engine':<9} {'text':<11} {'n':>3}  {'accuracy (CV) [95%]':<22} {'per split':<11} "
        f"{'macro-F1 (CV) [95%]':<22} {'acc@default':>11} {'F1@default':>10}  {'Spearman rho [95%]':<22} "
        f"{'CV bands':<11} {'zero':>5}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        low, high = row.cv_bands
        worst, best = row.cv_accuracy_range
        lines.append(
            f"{row.engine:<9} {row.text:<11} {row.n:>3}  {row.cv_accuracy!s:<22} {worst:.3f}-{best:.3f} "
            f"{row.cv_macro_f1!s:<22} {row.default_accuracy:>11.3f} {row.default_macro_f1:>10.3f}  "
            f"{row.rho!s:<22} {low:.2f}-{high:.2f}   {row.zero_share:>5.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sentiment", description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=10, help="cross-validation folds (default 10)")
    parser.add_argument("--repeats", type=int, default=5, help="fold splits, each with its own seed (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first fold split and of the bootstrap")
    args = parser.parse_args(argv)
    if not (ECOSENT / "gold_en.csv").exists():
        print(f"skipped: no ecosent benchmark at {ECOSENT} (the shared folder is absent)", file=sys.stderr)
        return 0
    rows, notes = [], []
    for text, (headlines, gold) in read_gold().items():
        for engine_name in ENGINES:
            row = evaluate(engine_name, text, headlines, gold, folds=args.folds, repeats=args.repeats, seed=args.seed)
            rows.append(row)
        always_neutral = accuracy(gold, np.zeros_like(gold))
        notes.append(f"{text}: {len(gold)} headlines; always-neutral accuracy {always_neutral:.3f}")
    print(table(rows))
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
