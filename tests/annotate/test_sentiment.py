"""lib/annotate/sentiment: the engine interface, the registry, and what every engine promises."""

from __future__ import annotations

import pytest

from lib.annotate.sentences import split_sentences
from lib.annotate.sentiment import (
    DEFAULT_ENGINE,
    ENGINES,
    EconomyEngine,
    ScoredText,
    Sentiment,
    TextBlobEngine,
    VaderEngine,
    get_engine,
)
from lib.pipeline.corpus import load_blobs


def test_the_default_engine_is_textblob() -> None:
    engine = get_engine()
    assert DEFAULT_ENGINE == "textblob"
    assert isinstance(engine, TextBlobEngine)
    assert engine.name == "textblob"
    assert engine.version
    assert get_engine("textblob") is engine  # one engine, however it is asked for


@pytest.mark.parametrize(
    ("name", "engine_class"),
    [("textblob", TextBlobEngine), ("vader", VaderEngine), ("economy", EconomyEngine)],
)
def test_registry_builds_each_engine_once(name: str, engine_class: type) -> None:
    engine = get_engine(name)
    assert isinstance(engine, engine_class)
    assert engine.name == name
    assert engine.version  # the store keys results by name and version
    assert get_engine(name) is engine


def test_engine_versions_differ_so_the_store_keeps_them_apart() -> None:
    keys = {(get_engine(name).name, get_engine(name).version) for name in ENGINES}
    assert len(keys) == len(ENGINES)


@pytest.mark.parametrize("name", ["vaderr", "TextBlob", "", "lm"])
def test_unknown_engine_is_a_plain_value_error_naming_the_choices(name: str) -> None:
    with pytest.raises(ValueError, match=rf"unknown sentiment engine '{name}'; available: economy, textblob, vader$"):
        get_engine(name)


@pytest.mark.parametrize("name", list(ENGINES))
def test_no_sentences_is_neutral(name: str) -> None:
    assert get_engine(name).score([]) == ScoredText(Sentiment(0.0, 0.0), ())


@pytest.mark.parametrize("name", list(ENGINES))
def test_one_score_per_sentence_within_range(name: str) -> None:
    sentences = ["The talks ended in a bitter failure.", "", "Japan is an island.", "A wonderful, happy result!"]
    scored = get_engine(name).score(sentences)
    assert len(scored.sentences) == len(sentences)
    for score in (scored.document, *scored.sentences):
        assert isinstance(score, Sentiment)
        assert -1.0 <= score.polarity <= 1.0
        assert 0.0 <= score.subjectivity <= 1.0


# Plain positive, negative and neutral news sentences every engine reads the same way.
@pytest.mark.parametrize("name", list(ENGINES))
@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The summit was a great success.", 1),
        ("Both leaders praised the excellent cooperation.", 1),
        ("The tariff threat is terrible.", -1),
        ("The minister called the decision a terrible mistake.", -1),
        ("Japan is an island.", 0),
        ("The delegation arrived in Washington on Tuesday.", 0),
    ],
)
def test_clear_news_sentences(name: str, sentence: str, sign: int) -> None:
    (score,) = get_engine(name).score([sentence]).sentences
    assert (score.polarity > 0) - (score.polarity < 0) == sign


@pytest.mark.parametrize("name", ["vader", "economy"])
def test_a_document_is_the_mean_of_its_sentences(name: str) -> None:
    sentences = ["A great success.", "Japan is an island.", "A terrible failure followed."]
    scored = get_engine(name).score(sentences)
    assert scored.document.polarity == pytest.approx(sum(s.polarity for s in scored.sentences) / 3)
    assert scored.document.subjectivity == pytest.approx(sum(s.subjectivity for s in scored.sentences) / 3)


def test_an_engine_is_anything_with_a_score_method() -> None:
    """The interface is small enough that a test double satisfies it."""

    class Constant:
        name, version, neutral_band = "constant", "1", 0.0

        def score(self, sentences: list[str]) -> ScoredText:
            return ScoredText(Sentiment(0.5, 0.5), tuple(Sentiment(0.5, 0.5) for _ in sentences))

    text = b"The two governments discussed the alliance at length in Tokyo on Friday afternoon."
    frame = load_blobs([("a.txt", text)], engine=Constant()).frame
    assert frame.loc[0, "polarity"] == 0.5
    assert frame.loc[0, "subjectivity"] == 0.5
    assert (frame.loc[0, "positive_share"], frame.loc[0, "negative_share"], frame.loc[0, "net_tone"]) == (1, 0, 1)


@pytest.mark.parametrize("engine", ["textblob", "vader", "economy"])
def test_tone_shares_count_sentences_by_the_engines_own_neutral_band(engine: str) -> None:
    text = (
        b"Officials praised the excellent, successful and warmly welcomed agreement on Monday.\n\n"
        b"Critics called the terrible deal a disastrous failure that hurt exporters badly.\n\n"
        b"The delegation arrived in Tokyo on Friday and will leave next week."
    )
    chosen = get_engine(engine)
    [row] = load_blobs([("a.txt", text)], engine=chosen).frame.to_dict("records")
    polarities = [s.polarity for s in chosen.score(split_sentences(text.decode())).sentences]
    positive = sum(p > chosen.neutral_band for p in polarities) / len(polarities)
    negative = sum(p < -chosen.neutral_band for p in polarities) / len(polarities)
    assert row["positive_share"] == pytest.approx(positive) and row["negative_share"] == pytest.approx(negative)
    assert row["net_tone"] == pytest.approx(positive - negative)
    assert positive > 0 and negative > 0, polarities  # the text has one sentence of each


# A table of short headlines alone: each row is its own text, however short.
HEADLINES = [
    ("Jobless rate drops to a five-year low", 1),
    ("Exports rise", 1),
    ("Stocks plunge", -1),
    ("Carmaker to cut 3000 jobs", -1),
    ("Tax cuts for families", 1),
    ("Finance ministers meet in Brussels", 0),
]


def test_every_headline_of_a_headline_only_table_gets_a_score() -> None:
    table = "headline\n" + "\n".join(headline for headline, _ in HEADLINES) + "\n"
    frame = load_blobs([("headlines.csv", table.encode())], engine=get_engine("economy")).frame
    assert frame["title"].tolist() == [headline for headline, _ in HEADLINES]
    assert frame["language"].eq("en").all()  # scored, not skipped as another language
    signs = [(p > 0) - (p < 0) for p in frame["polarity"]]
    assert signs == [sign for _, sign in HEADLINES]
