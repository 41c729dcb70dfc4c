"""A one-screen plain-text summary of an analysed corpus, for the CLI."""

from __future__ import annotations

import pandas as pd

from lib.reference.taxonomy import Taxonomy
from lib.schema.report import IngestReport


def corpus_summary_text(frame: pd.DataFrame, report: IngestReport, taxonomy: Taxonomy) -> str:
    n = len(frame)
    dated = frame["published"].dropna()
    lines = [f"{n} article(s) from {report.inputs} input(s); {report.n_unused} not used."]
    if n:
        if len(dated):
            lines.append(
                f"Dated: {len(dated)} ({dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}); undated: {n - len(dated)}."
            )
        else:
            lines.append(f"Dated: 0; undated: {n}.")
        pms = frame.loc[frame["pm"] != "", "pm"].value_counts()
        lines.append("Prime ministers: " + (", ".join(f"{k} {v}" for k, v in pms.items()) or "none"))
        counts = frame["topics"].explode().value_counts()
        lines.append("Topics: " + ", ".join(f"{t.label} {int(counts.get(t.key, 0))}" for t in taxonomy.topics))
        lines.append(f"Mean polarity: {frame['polarity'].mean():+.3f}")
        warned = int(frame["warnings"].map(bool).sum())
        if warned:
            lines.append(f"Articles with warnings: {warned}")
    lines += ingest_report_lines(report)
    return "\n".join(lines)


def ingest_report_lines(report: IngestReport) -> list[str]:
    """The inputs that were not used, each with its reason, under a heading (none: no lines)."""
    if not report.entries:
        return []
    return ["Ingest report:", *(f"  - {line}" for line in report.lines())]
