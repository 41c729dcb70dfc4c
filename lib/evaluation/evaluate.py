"""Analyse labelled articles with the library and score the result: what
`python -m lib evaluate` and bench/accuracy.py both run."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from lib.evaluation.articles import Scorecard, score_articles
from lib.evaluation.labels import read_labels
from lib.pipeline.corpus import Corpus, RunSettings, load_corpus


@dataclass(frozen=True)
class Evaluation:
    scorecard: Scorecard
    corpus: Corpus  # the analysed articles and the ingest report (files that could not be read)


def evaluate_articles(
    paths: Sequence[str | os.PathLike],
    labels: str | os.PathLike,
    *,
    settings: RunSettings | None = None,
    seed: int = 0,
    **overrides,
) -> Evaluation:
    """Read the labels first (a bad labels file fails before minutes of analysis), analyse
    `paths` with the settings' taxonomy, and score. Raises LabelError for a bad labels file."""
    run = RunSettings.of(settings, **overrides)
    taxonomy = run.rules()
    labelled = read_labels(labels, taxonomy.keys)
    corpus = load_corpus(*paths, settings=run, taxonomy=taxonomy)
    return Evaluation(score_articles(corpus.frame, labelled, seed=seed), corpus)
