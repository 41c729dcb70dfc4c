"""Scorecards of the library against hand labels: articles (dates, PMs, titles, outlets,
topics; issue 10) and sentiment engines against gold tone labels (issue 11).

    labels     the labels CSV (the dev set's format) -> Labels, with clear errors
    compare    when an answer and a label agree (±1 day, normalised titles, outlet names)
    measures   shares with Wilson intervals, precision/recall/F1, the bootstrap
    articles   score_articles(frame, labels) -> Scorecard, with every disagreement's evidence
    report     a scorecard as text and as JSON
    evaluate   analyse labelled files, then score them (imports the pipeline; not loaded here)
    tone       score_tone(gold, polarity) -> ToneScore: accuracy, macro-F1, Spearman rho

Used by `python -m lib evaluate`, bench/accuracy.py and bench/sentiment.py.
"""

from __future__ import annotations

from lib.evaluation.articles import Disagreement, Scorecard, TopicScore, match_rows, score_articles
from lib.evaluation.labels import ArticleLabel, LabelError, Labels, parse_labels, read_labels
from lib.evaluation.measures import Interval, Share
from lib.evaluation.report import scorecard_dict, scorecard_text
from lib.evaluation.tone import ToneScore, score_tone

__all__ = [
    "ArticleLabel",
    "Disagreement",
    "Interval",
    "LabelError",
    "Labels",
    "Scorecard",
    "Share",
    "ToneScore",
    "TopicScore",
    "match_rows",
    "parse_labels",
    "read_labels",
    "score_articles",
    "scorecard_dict",
    "scorecard_text",
    "score_tone",
]
