"""VADER (Hutto & Gilbert 2014): a valence lexicon with rules for negation, intensifiers, "but",
capitals and exclamation marks. Built for social media, it reads news better than TextBlob
because its lexicon holds nouns and verbs of events (crisis, collapse, gain), not only opinion
adjectives. The package ships its lexicon and never downloads anything."""

from __future__ import annotations

from importlib.metadata import version

from lib.annotate.sentiment.interface import ScoredText, Sentiment, sentence_mean


def vader_analyzer():
    """A fresh `SentimentIntensityAnalyzer`: its lexicon is a plain dict per instance, so an
    engine that adds words to its own copy leaves every other engine's VADER as published."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_sentiment(scores: dict[str, float]) -> Sentiment:
    """VADER's compound score as polarity; the share of the text's valence that is not neutral
    (positive plus negative) as subjectivity."""
    return Sentiment(scores["compound"], scores["pos"] + scores["neg"])


class VaderEngine:
    """VADER as published, sentence by sentence; a document is the mean of its sentences."""

    name = "vader"
    label = "VADER"  # how charts and the sidebar name it
    # VADER's authors' own threshold for a neutral compound score.
    neutral_band = 0.05

    def __init__(self) -> None:
        self._analyzer = vader_analyzer()
        self.version = version("vaderSentiment")

    def score(self, sentences: list[str]) -> ScoredText:
        per_sentence = [vader_sentiment(self._analyzer.polarity_scores(s)) for s in sentences]
        return ScoredText(sentence_mean(per_sentence), tuple(per_sentence))
