"""lib/annotate/sentiment/vader_engine.py: VADER as published, sentence by sentence."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from lib.annotate.sentiment import get_engine


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The summit was a great success.", 1),
        ("Markets fear a long crisis.", -1),  # event nouns TextBlob does not know
        ("The deal was not good for farmers.", -1),  # negation
        ("The company avoided a collapse, but the outlook is not great.", -1),  # "but" weighs the end
        ("The delegation arrived in Washington on Tuesday.", 0),
    ],
)
def test_sentence_polarity_sign(sentence: str, sign: int) -> None:
    (score,) = get_engine("vader").score([sentence]).sentences
    assert (score.polarity > 0) - (score.polarity < 0) == sign


def test_polarity_is_vaders_compound_and_subjectivity_its_non_neutral_share() -> None:
    sentence = "Investors cheered the strong results, though some worried about costs."
    published = SentimentIntensityAnalyzer().polarity_scores(sentence)
    (score,) = get_engine("vader").score([sentence]).sentences
    assert score.polarity == published["compound"]
    assert score.subjectivity == pytest.approx(published["pos"] + published["neg"])


def test_the_economy_engine_does_not_change_vaders_lexicon() -> None:
    """The economy engine adds words to its own copy: VADER stays as published."""
    get_engine("economy")
    (score,) = get_engine("vader").score(["The economy is in recovery."]).sentences
    assert score.polarity == 0.0  # "recovery" is not in VADER's lexicon
