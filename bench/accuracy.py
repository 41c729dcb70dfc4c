"""The library's accuracy, measured: the dev-set scorecard and every sentiment engine on ecosent.

    .venv/bin/python -m bench.accuracy [--misses] [--field security] [--no-sentiment] [-o report.json]

1. ../shared/devset (92 hand-labelled real pages; read its README): `python -m lib evaluate`'s
   scorecard (lib/evaluation): dates, prime ministers, titles, outlets, topics, with 95% intervals.
2. ../shared/benchmarks/ecosent: each sentiment engine against expert tone labels of headlines
   (bench/sentiment.py, which says how the neutral band is cross-validated).
3. The issues' targets, each met or not.

The dev set is small and trap-heavy: it is for finding classes of error, and its intervals are
wide. Each part skips with a message (exit 0) when its data is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import sentiment
from lib.evaluation.articles import Scorecard
from lib.evaluation.evaluate import evaluate_articles
from lib.evaluation.report import scorecard_dict, scorecard_text

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: Callable[[Scorecard], float]
    met: Callable[[float], bool]


# Issue 10 (dates, PMs, titles, outlets) and issue 11 (topics) on the dev set.
TARGETS = (
    Target("date within ±1 day", ">= 0.95", lambda card: card.dates.value, lambda v: v >= 0.95),
    Target("dates invented", "0", lambda card: card.invented_dates.hits, lambda v: v == 0),
    Target("PM in office", ">= 0.97", lambda card: card.pm.value, lambda v: v >= 0.97),
    Target("title", ">= 0.90", lambda card: card.titles.value, lambda v: v >= 0.90),
    Target("outlet named", ">= 0.60", lambda card: card.outlets_named.value, lambda v: v >= 0.60),
    Target("outlet right when named", ">= 0.95", lambda card: card.outlet_precision.value, lambda v: v >= 0.95),
    Target("topic macro-F1", ">= 0.92", lambda card: card.macro_f1.value, lambda v: v >= 0.92),
    Target("weakest topic F1", ">= 0.88", lambda card: _weakest_topic(card), lambda v: v >= 0.88),
)


def _weakest_topic(card: Scorecard) -> float:
    measured = [topic.f1.value for topic in card.topics if not math.isnan(topic.f1.value)]
    return min(measured, default=math.nan)


BEST_ENGINE_GOAL = 0.55  # issue 11: the best engine's accuracy on ecosent's translation column


def devset_part(*, misses: bool, fields: list[str] | None = None) -> Scorecard | None:
    labels = DEVSET / "labels.csv"
    if not labels.exists():
        print(f"skipped the dev set: no {labels} (the shared folder is absent)", file=sys.stderr)
        return None
    card = evaluate_articles([DEVSET / "articles"], labels).scorecard
    print(f"== Dev set: {DEVSET} ==")
    print(scorecard_text(card, disagreements=misses or bool(fields), fields=fields))
    return card


def sentiment_part() -> list[sentiment.Row] | None:
    if not sentiment.available():
        print(f"skipped sentiment: no ecosent benchmark at {sentiment.ECOSENT}", file=sys.stderr)
        return None
    rows, notes = sentiment.engine_rows()
    print(f"\n== Sentiment engines on ecosent: {sentiment.ECOSENT} ==")
    print(sentiment.table(rows))
    print("\n".join(notes))
    return rows


def targets_text(card: Scorecard | None, rows: list[sentiment.Row] | None) -> str:
    lines = ["", "== Targets ==", f"{'measure':<26} {'goal':<8} {'measured':>8}  met"]
    if card is not None:
        for target in TARGETS:
            value = target.measured(card)
            lines.append(f"{target.name:<26} {target.goal:<8} {value:>8.3f}  {'yes' if target.met(value) else 'no'}")
    if rows is not None:
        main = [row for row in rows if row.text == sentiment.MAIN_TEXT]
        best = max(main, key=lambda row: row.cross_validated.accuracy.value)
        value = best.cross_validated.accuracy.value
        met = "yes" if value >= BEST_ENGINE_GOAL else "no"
        lines.append(f"{'best engine (' + best.engine + ', CV)':<26} {'>= 0.55':<8} {value:>8.3f}  {met}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every dev-set disagreement with its evidence")
    parser.add_argument(
        "--field", action="append", metavar="NAME", help="list the disagreements about this field only (repeatable)"
    )
    parser.add_argument("--no-sentiment", action="store_true", help="the dev set only (the engines take ~20 s)")
    parser.add_argument("-o", "--output", metavar="REPORT.json", help="also write every figure as JSON")
    args = parser.parse_args(argv)
    card = devset_part(misses=args.misses, fields=args.field)
    rows = None if args.no_sentiment else sentiment_part()
    if card is None and rows is None:
        return 0
    print(targets_text(card, rows))
    if args.output:
        report = {
            "devset": scorecard_dict(card) if card is not None else None,
            "sentiment": [
                {
                    "engine": row.engine,
                    "text": row.text,
                    "cross_validated": row.cross_validated.as_dict(),
                    "fixed_band": row.fixed_band.as_dict() if row.fixed_band else None,
                }
                for row in rows or ()
            ],
        }
        Path(args.output).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
