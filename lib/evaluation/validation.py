"""A hand-coded sample scored: how far each of the dashboard's figures can be trusted.

Topics, dates and PMs are scored by `score_articles` (the same scorer as `python -m lib
evaluate`); tone by `score_tone` for every engine, each with its own neutral band; corrected
prevalence by `corrected_prevalence`, with the tagger's sensitivity and specificity measured on
the sample and weighted by the sampling weights (the sample over-represents rare strata).
A figure resting on fewer than THIN_CODED coded articles is flagged as too thin to use.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.annotate.sentences import split_sentences
from lib.annotate.sentiment import SentimentEngine
from lib.evaluation.articles import Scorecard, match_rows, score_articles
from lib.evaluation.codings import Codings
from lib.evaluation.measures import Interval, Share
from lib.evaluation.prevalence import Counts, corrected_prevalence
from lib.evaluation.tone import ToneScore, score_tone

# Below this many coded articles a figure is shown but called too thin to use: a share of 19
# has a 95% interval some 40 points wide.
THIN_CODED = 20
TOO_THIN = f"too thin to use (under {THIN_CODED} coded)"


@dataclass(frozen=True)
class TopicPrevalence:
    key: str
    raw: Share  # tagged, of the articles in the view
    corrected: Interval  # Rogan–Gladen with the Lang & Reiczigel interval
    sensitivity: Counts  # weighted: tagged, of the coded-present
    specificity: Counts  # weighted: untagged, of the coded-absent

    @property
    def thin(self) -> bool:
        return min(self.sensitivity.trials, self.specificity.trials) < THIN_CODED


@dataclass(frozen=True)
class Validation:
    coded: int  # articles in the codings that are in the sample's rows
    scorecard: Scorecard
    tone: dict[str, ToneScore]  # engine name -> score; empty when no tone was coded
    prevalence: tuple[TopicPrevalence, ...]


def is_thin(n: float) -> bool:
    return n < THIN_CODED


def validate(
    rows: pd.DataFrame,
    codings: Codings,
    corpus_tagged: Mapping[str, tuple[int, int]],
    *,
    engines: Mapping[str, SentimentEngine],
    weights: Mapping[str, float] | None = None,
    seed: int = 0,
) -> Validation:
    """Score the tool's `rows` (the sampled articles: source, article_id, topics, published, pm,
    title, text) against `codings`. `corpus_tagged` is each topic's (tagged, articles) in the
    view; `weights` maps article_id to its sampling weight (all 1 when missing)."""
    scorecard = score_articles(rows, codings.labels, seed=seed)
    pairs, _ = match_rows(rows, codings.labels)
    weight = [float((weights or {}).get(row.get("article_id"), 1.0)) for _, row in pairs]
    expected = np.array([[label.topics[key] for key in codings.labels.topic_keys] for label, _ in pairs], dtype=bool)
    tagged = np.array(
        [[key in _topics(row) for key in codings.labels.topic_keys] for _, row in pairs], dtype=bool
    ).reshape(expected.shape)
    prevalence = tuple(
        _prevalence(key, expected[:, i], tagged[:, i], np.array(weight), corpus_tagged.get(key, (0, 0)))
        for i, key in enumerate(codings.labels.topic_keys)
    )
    toned = [(label, row) for label, row in pairs if label.file in codings.tones]
    tone = {}
    if toned:
        gold = [codings.tones[label.file] for label, _ in toned]
        for name, engine in engines.items():
            polarity = [article_polarity(row, engine) for _, row in toned]
            tone[name] = score_tone(gold, polarity, band=engine.neutral_band, seed=seed)
    return Validation(len(pairs), scorecard, tone, prevalence)


def article_polarity(row: Mapping, engine: SentimentEngine) -> float:
    """The article's polarity by `engine`: the mean over its headline and sentences, as the
    analysis scores it (re-scored here so every engine is measured on the same articles)."""
    title = str(row.get("title") or "").strip()
    sentences = split_sentences(str(row.get("text") or ""))
    if title and (not sentences or sentences[0] != title):
        sentences = [title, *sentences]
    return engine.score(sentences).document.polarity if sentences else 0.0


def _prevalence(key, expected, tagged, weight, corpus: tuple[int, int]) -> TopicPrevalence:
    present, absent = expected, ~expected
    sensitivity = _weighted(tagged[present], weight[present])
    specificity = _weighted(~tagged[absent], weight[absent])
    raw = Share(*corpus)
    corrected = corrected_prevalence(Counts(*corpus), sensitivity, specificity)
    return TopicPrevalence(key, raw, corrected, sensitivity, specificity)


def _weighted(hit: np.ndarray, weight: np.ndarray) -> Counts:
    """The weighted share of hits, as counts over the number of articles it rests on: the
    share is the corpus-wide estimate, the trials say how much evidence there is."""
    if len(hit) == 0 or weight.sum() == 0:
        return Counts(0.0, float(len(hit)))
    share = float(np.sum(weight * hit) / weight.sum())
    return Counts(min(share * len(hit), float(len(hit))), float(len(hit)))


def _topics(row: Mapping) -> set[str]:
    value = row.get("topics")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return set()
    if isinstance(value, str):
        return {part.strip() for part in value.split(";") if part.strip()}
    return {str(part) for part in value}


def topic_table(validation: Validation, labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per topic: precision, recall, F1 (95% intervals), raw and corrected share, and
    whether the figures are too thin to use."""
    prevalence = {p.key: p for p in validation.prevalence}
    rows = []
    for score in validation.scorecard.topics:
        p = prevalence[score.key]
        thin = [name for name, n in (("precision", score.precision.n), ("recall", score.recall.n)) if is_thin(n)]
        if p.thin:
            thin.append("corrected share")
        rows.append(
            {
                "topic": labels.get(score.key, score.key),
                "coded present": score.recall.n,
                "tagged": score.precision.n,
                "precision": str(score.precision.interval),
                "recall": str(score.recall.interval),
                "F1": str(score.f1),
                "raw share": str(p.raw.interval),
                "corrected share": str(p.corrected),
                "note": f"{', '.join(thin)}: {TOO_THIN}" if thin else "",
            }
        )
    return pd.DataFrame(rows)


def tone_table(validation: Validation, engine_labels: Mapping[str, str]) -> pd.DataFrame:
    rows = [
        {
            "engine": engine_labels.get(name, name),
            "articles": score.n,
            "accuracy": str(score.accuracy),
            "macro-F1": str(score.macro_f1),
            "neutral band": f"±{score.bands[0]:g}",
            "note": TOO_THIN if is_thin(score.n) else "",
        }
        for name, score in validation.tone.items()
    ]
    return pd.DataFrame(rows)


def field_table(validation: Validation) -> pd.DataFrame:
    """Date and PM: right, of the articles with one; invented, of those with none."""
    card = validation.scorecard
    rows = [
        ("date right (±1 day)", card.dates),
        ("date given where none is visible", card.invented_dates),
        ("PM right", card.pm),
        ("PM given where none sits", card.invented_pms),
    ]
    return pd.DataFrame(
        [
            {
                "measure": name,
                "articles": share.n,
                "share": str(share.interval),
                "note": TOO_THIN if share.n and is_thin(share.n) else "",
            }
            for name, share in rows
        ]
    )
