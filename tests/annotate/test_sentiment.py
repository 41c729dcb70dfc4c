"""lib/annotate/sentiment.py: the engine interface and TextBlob behind it, with no NLTK data needed."""

from __future__ import annotations

import pytest
from textblob import TextBlob

from lib.annotate.sentiment import ScoredText, Sentiment, TextBlobEngine, get_engine
from lib.pipeline.corpus import load_blobs

SENTENCES = [
    "The summit was a great success.",
    "The tariff threat is terrible.",
    "Japan is an island.",
]


def test_get_engine_returns_textblob_by_default() -> None:
    engine = get_engine()
    assert isinstance(engine, TextBlobEngine)
    assert engine.name == "textblob"
    assert engine.version


def test_unknown_engine_is_a_plain_value_error() -> None:
    with pytest.raises(ValueError, match="unknown sentiment engine 'vader'; available: textblob"):
        get_engine("vader")


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The summit was a great success.", 1),
        ("The tariff threat is terrible.", -1),
        ("Japan is an island.", 0),
    ],
)
def test_sentence_polarity_sign(sentence: str, sign: int) -> None:
    (score,) = get_engine().score([sentence]).sentences
    assert (score.polarity > 0) - (score.polarity < 0) == sign
    assert 0.0 <= score.subjectivity <= 1.0


def test_document_score_equals_textblob_on_the_whole_text() -> None:
    scored = get_engine().score(SENTENCES)
    whole = TextBlob(" ".join(SENTENCES)).sentiment
    assert scored.document.polarity == pytest.approx(whole.polarity)
    assert scored.document.subjectivity == pytest.approx(whole.subjectivity)
    assert len(scored.sentences) == len(SENTENCES)
    assert all(isinstance(s, Sentiment) for s in scored.sentences)


def test_no_assessed_words_is_neutral() -> None:
    assert get_engine().score([]) == ScoredText(Sentiment(0.0, 0.0), ())
    assert get_engine().score(["Japan is an island."]).document == Sentiment(0.0, 0.0)


def test_an_engine_is_anything_with_a_score_method() -> None:
    """The interface is small enough that a test double satisfies it."""

    class Constant:
        name, version = "constant", "1"

        def score(self, sentences: list[str]) -> ScoredText:
            return ScoredText(Sentiment(0.5, 0.5), tuple(Sentiment(0.5, 0.5) for _ in sentences))

    text = b"The two governments discussed the alliance at length in Tokyo on Friday afternoon."
    frame = load_blobs([("a.txt", text)], engine=Constant()).frame
    assert frame.loc[0, "polarity"] == 0.5
    assert frame.loc[0, "subjectivity"] == 0.5
