"""How well each sentiment engine agrees with expert tone labels of economic news headlines.

    .venv/bin/python -m bench.sentiment [--folds 10] [--repeats 5] [--seed 0]

The gold standard is ecosent (van Atteveldt, van der Velden & Boukes 2021; ../shared/benchmarks/
ecosent, read its README): 284 Dutch headlines coded -1/0/+1 for the tone of the economic news,
with English machine translations. Each headline is given to an engine as one sentence, and
scored by lib.evaluation.tone (read its docstring for the method).

Columns: accuracy and macro-F1 with the neutral band cross-validated (the mean over several fold
splits; "per split" gives the lowest and highest single split), then with the band each engine
ships with ("fixed band": VADER's authors' 0.05, TextBlob's 0). An engine whose band was itself
picked on these headlines (FITTED_ON_ECOSENT) is reported cross-validated only. Spearman's rho
(polarity against gold) needs no band. Intervals are 95%: Wilson for accuracy, percentile bootstrap
(2,000 resamples of headlines) for macro-F1 and rho.

Rows: every engine on the `translation` column, then the same on the DeepL and Google
translations in gold_sentences.csv (joined on id), a robustness check that a result does not hinge
on one translation. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from lib.annotate.sentiment import ENGINES, get_engine
from lib.evaluation.tone import DEFAULT_FOLDS, DEFAULT_REPEATS, ToneScore, accuracy, headline_polarity, score_tone

ECOSENT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "ecosent"
MAIN_TEXT = "translation"  # the README's English column; deepl and google are the robustness rows

# Engines with something chosen on the ecosent headlines: their fixed-band figures are in-sample.
FITTED_ON_ECOSENT = {"economy": "its neutral band 0.18 was picked by cross-validation on these headlines"}


@dataclass(frozen=True)
class Row:
    engine: str
    text: str
    cross_validated: ToneScore
    fixed_band: ToneScore | None  # None when the band was fitted on these headlines


def available() -> bool:
    return (ECOSENT / "gold_en.csv").exists() and (ECOSENT / "gold_sentences.csv").exists()


def read_gold() -> dict[str, tuple[list[str], np.ndarray]]:
    """Headlines and gold labels per translation: the translation column, then DeepL and Google."""
    gold_en = pd.read_csv(ECOSENT / "gold_en.csv")
    texts = {MAIN_TEXT: (gold_en[MAIN_TEXT].fillna("").tolist(), gold_en["value"].to_numpy(int))}
    variants = pd.read_csv(ECOSENT / "gold_sentences.csv").merge(gold_en[["id", "value"]], on="id")
    for column in ("deepl", "google"):
        texts[column] = (variants[column].fillna("").tolist(), variants["value"].to_numpy(int))
    return texts


def engine_rows(
    *, folds: int = DEFAULT_FOLDS, repeats: int = DEFAULT_REPEATS, seed: int = 0
) -> tuple[list[Row], list[str]]:
    """One row per engine and text, and one note per text (its size and the always-neutral baseline)."""
    rows, notes = [], []
    for text, (headlines, gold) in read_gold().items():
        for name in ENGINES:
            engine = get_engine(name)
            polarity = headline_polarity(engine, headlines)
            fixed = None
            if name not in FITTED_ON_ECOSENT:
                fixed = score_tone(gold, polarity, band=getattr(engine, "neutral_band", 0.0), seed=seed)
            cv = score_tone(gold, polarity, folds=folds, repeats=repeats, seed=seed)
            rows.append(Row(name, text, cv, fixed))
        notes.append(
            f"{text}: {len(gold)} headlines; always-neutral accuracy {accuracy(gold, np.zeros_like(gold)):.3f}"
        )
    notes += [f"{name}: fixed-band figures not shown, {why}" for name, why in FITTED_ON_ECOSENT.items()]
    return rows, notes


def table(rows: list[Row]) -> str:
    header = (
        f"{'engine':<9} {'text':<11} {'n':>3}  {'accuracy (CV) [95%]':<22} {'per split':<11} "
        f"{'macro-F1 (CV) [95%]':<22} {'acc@fixed':>9} {'F1@fixed':>8}  {'Spearman rho [95%]':<22} "
        f"{'CV bands':<11} {'zero':>5}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        cv = row.cross_validated
        low, high = cv.bands
        worst, best = cv.accuracy_range
        fixed_accuracy = f"{row.fixed_band.accuracy.value:.3f}" if row.fixed_band else "fitted"
        fixed_f1 = f"{row.fixed_band.macro_f1.value:.3f}" if row.fixed_band else "fitted"
        lines.append(
            f"{row.engine:<9} {row.text:<11} {cv.n:>3}  {cv.accuracy!s:<22} {worst:.3f}-{best:.3f} "
            f"{cv.macro_f1!s:<22} {fixed_accuracy:>9} {fixed_f1:>8}  "
            f"{cv.rho!s:<22} {low:.2f}-{high:.2f}   {cv.zero_share:>5.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sentiment", description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS, help="cross-validation folds (default 10)")
    parser.add_argument(
        "--repeats", type=int, default=DEFAULT_REPEATS, help="fold splits, each with its own seed (default 5)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the first fold split and of the bootstrap")
    args = parser.parse_args(argv)
    if not available():
        print(f"skipped: no ecosent benchmark at {ECOSENT} (the shared folder is absent)", file=sys.stderr)
        return 0
    rows, notes = engine_rows(folds=args.folds, repeats=args.repeats, seed=args.seed)
    print(table(rows))
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
