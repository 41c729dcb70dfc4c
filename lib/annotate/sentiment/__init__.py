"""Sentiment engines behind one small interface.

An engine has a `name`, a `version` (the store keys results by both) and
`score(sentences) -> ScoredText`: one `Sentiment(polarity, subjectivity)` per sentence and one for
the document, from the same pass, so no text is scored twice. Engines are picked by name with
`get_engine` (`python -m lib analyze --sentiment NAME`); `bench/sentiment.py` measures each one
against expert tone labels of economic news headlines.

    textblob  TextBlob's pattern lexicon (the default; textblob_engine.py)
    vader     VADER as published (vader_engine.py)
    economy   VADER with economic-direction rules ("unemployment falls" is good news;
              economy_engine.py, vocabulary in economy_lexicon.py)
"""

from __future__ import annotations

from functools import cache

from lib.annotate.sentiment.economy_engine import EconomyEngine
from lib.annotate.sentiment.interface import ScoredText, Sentiment, SentimentEngine, sentence_mean
from lib.annotate.sentiment.textblob_engine import TextBlobEngine
from lib.annotate.sentiment.tone import ToneShares, tone_shares
from lib.annotate.sentiment.vader_engine import VaderEngine

DEFAULT_ENGINE = "textblob"
ENGINES: dict[str, type[SentimentEngine]] = {
    "textblob": TextBlobEngine,
    "vader": VaderEngine,
    "economy": EconomyEngine,
}


ENGINE_LABELS: dict[str, str] = {name: engine.label for name, engine in ENGINES.items()}


def get_engine(name: str = DEFAULT_ENGINE) -> SentimentEngine:
    """The engine called `name`, built once per process (engines hold no per-call state), so a
    dashboard rerun or a worker chunk does not rebuild it."""
    if name not in ENGINES:
        raise ValueError(f"unknown sentiment engine {name!r}; available: {', '.join(sorted(ENGINES))}")
    return _built(name)


@cache
def _built(name: str) -> SentimentEngine:
    return ENGINES[name]()


__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "ENGINE_LABELS",
    "EconomyEngine",
    "ScoredText",
    "Sentiment",
    "SentimentEngine",
    "TextBlobEngine",
    "ToneShares",
    "VaderEngine",
    "get_engine",
    "sentence_mean",
    "tone_shares",
]
