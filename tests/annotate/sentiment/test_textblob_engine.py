"""lib/annotate/sentiment/textblob_engine.py: TextBlob per sentence; the document pools the
sentences' assessments. (tests/annotate/test_sentiment_exact.py checks the bits.)"""

from __future__ import annotations

import pytest
from textblob import TextBlob

from lib.annotate.sentiment import Sentiment, get_engine


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The summit was a great success.", 1),
        ("The tariff threat is terrible.", -1),
        ("The talks were not good.", -1),  # negation
        ("The outcome was not bad.", 1),
        ("Japan is an island.", 0),
        ("Unemployment fell to a record low.", 0),  # trap: good economic news, no opinion word for TextBlob
    ],
)
def test_sentence_polarity_sign(sentence: str, sign: int) -> None:
    (score,) = get_engine("textblob").score([sentence]).sentences
    assert (score.polarity > 0) - (score.polarity < 0) == sign
    assert tuple(score) == tuple(TextBlob(sentence).sentiment)


def test_sentences_without_assessed_words_do_not_dilute_the_document() -> None:
    """The document pools assessments: a sentence with none adds nothing (unlike a mean of sentences)."""
    scored = get_engine("textblob").score(["The summit was a great success.", "Japan is an island."])
    assert scored.sentences[1] == Sentiment(0.0, 0.0)
    assert scored.document == scored.sentences[0]


@pytest.mark.parametrize(
    "sentences",
    [
        ["The summit was a great success.", "The tariff threat is terrible.", "Japan is an island."],
        ["Good talks.", "Bad weather.", "A happy ending."],
    ],
)
def test_document_equals_textblob_on_the_whole_text_when_nothing_crosses_a_sentence(sentences: list[str]) -> None:
    whole = TextBlob(" ".join(sentences)).sentiment
    document = get_engine("textblob").score(sentences).document
    assert document.polarity == pytest.approx(whole.polarity)
    assert document.subjectivity == pytest.approx(whole.subjectivity)


@pytest.mark.parametrize(
    ("sentences", "ours", "whole_text"),
    [
        # Whole-text TextBlob lets "!" boost the last assessed word, sentences earlier.
        (["The results were good.", "Tokyo!"], 0.7, 0.875),
        # ... and carries a negation over a sentence end ("not." then "good").
        (["It was not.", "Good news came later."], 0.35, -0.175),
    ],
)
def test_document_resets_at_each_sentence_where_whole_text_textblob_does_not(
    sentences: list[str], ours: float, whole_text: float
) -> None:
    assert get_engine("textblob").score(sentences).document.polarity == pytest.approx(ours)
    assert TextBlob(" ".join(sentences)).sentiment.polarity == pytest.approx(whole_text)
