"""lib/evaluation/validation.py: a coded sample scored with lib.evaluation's own scorers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.annotate.sentiment import ScoredText, Sentiment
from lib.evaluation.articles import score_articles
from lib.evaluation.codings import Coding, codings_csv, parse_codings
from lib.evaluation.prevalence import rogan_gladen
from lib.evaluation.tone import score_tone
from lib.evaluation.validation import THIN_CODED, TOO_THIN, field_table, tone_table, topic_table, validate

TOPICS = ("harbour", "grain")


class WordEngine:
    """A toy engine: +0.5 per 'calm', -0.5 per 'storm', per sentence."""

    name, label, version, neutral_band = "word", "Word", "1", 0.1

    def score(self, sentences: list[str]) -> ScoredText:
        scored = tuple(Sentiment(0.5 * s.count("calm") - 0.5 * s.count("storm"), 0.0) for s in sentences)
        mean = sum(s.polarity for s in scored) / len(scored) if scored else 0.0
        return ScoredText(Sentiment(mean, 0.0), scored)


def rows() -> pd.DataFrame:
    return pd.DataFrame(
        [
            dict(
                source=f"in/{i}.txt",
                article_id=f"id{i}",
                topics=["harbour"] if i % 2 else [],
                published=pd.Timestamp(2024, 1, 1 + i),
                pm="Kishida",
                title="",
                text="A calm day at the port." if i % 3 else "A storm hit the port.",
            )
            for i in range(6)
        ]
    )


def codings():
    # Coded: harbour present on 1, 2, 3 (tool tags 1, 3, 5): TP 2, FP 1, FN 1.
    made = [
        Coding(
            f"in/{i}.txt",
            f"id{i}",
            {"harbour": i in (1, 2, 3), "grain": False},
            -1 if i % 3 == 0 else 1,
            dt.date(2024, 1, 1 + i) if i != 4 else dt.date(2024, 3, 1),
            "Kishida",
            i != 4,
            True,
        )
        for i in range(6)
    ]
    return parse_codings(codings_csv(made, TOPICS), TOPICS)


def test_figures_are_lib_evaluations_own():
    result = validate(rows(), codings(), {"harbour": (30, 100), "grain": (0, 100)}, engines={"word": WordEngine()})
    expected = score_articles(rows(), codings().labels)
    assert result.scorecard == expected
    harbour = result.scorecard.topics[0]
    assert (harbour.confusion.true_positive, harbour.confusion.false_positive) == (2, 1)
    assert result.scorecard.dates.hits == 5 and result.scorecard.dates.n == 6
    gold = [-1, 1, 1, -1, 1, 1]
    assert result.tone["word"] == score_tone(gold, [-0.5, 0.5, 0.5, -0.5, 0.5, 0.5], band=0.1)
    prevalence = result.prevalence[0]
    assert prevalence.sensitivity.share == pytest.approx(2 / 3)
    assert prevalence.specificity.share == pytest.approx(2 / 3)
    assert prevalence.corrected.value == pytest.approx(rogan_gladen(0.3, 2 / 3, 2 / 3))
    assert prevalence.thin  # 3 coded present: far under THIN_CODED


def test_sampling_weights_enter_sensitivity_and_specificity():
    # id3 (a hit among the coded-present) stands for 5 articles: sensitivity rises.
    weights = {f"id{i}": 1.0 for i in range(6)} | {"id3": 5.0}
    result = validate(rows(), codings(), {"harbour": (30, 100)}, engines={}, weights=weights)
    assert result.prevalence[0].sensitivity.share == pytest.approx(6 / 7)
    assert result.prevalence[0].sensitivity.trials == 3


def test_tables_say_when_a_figure_is_too_thin():
    result = validate(rows(), codings(), {"harbour": (30, 100)}, engines={"word": WordEngine()})
    topics = topic_table(result, {"harbour": "Harbour"})
    assert topics.loc[0, "topic"] == "Harbour"
    assert TOO_THIN in topics.loc[0, "note"] and str(THIN_CODED) in TOO_THIN
    assert tone_table(result, {"word": "Word"}).loc[0, "note"] == TOO_THIN
    fields = field_table(result)
    assert fields.loc[0, "articles"] == 6 and fields.loc[0, "note"] == TOO_THIN


def test_no_tone_coded_means_no_tone_scores():
    text = codings_csv([Coding("in/1.txt", "id1", {}, None, None, "", False, False)], TOPICS)
    result = validate(rows(), parse_codings(text, TOPICS), {}, engines={"word": WordEngine()})
    assert result.tone == {} and result.coded == 1
