"""The engine interface: what every sentiment engine returns and the one method it has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol


class Sentiment(NamedTuple):
    polarity: float  # -1 (negative) .. +1 (positive)
    subjectivity: float  # 0 (factual) .. 1 (opinion)


@dataclass(frozen=True)
class ScoredText:
    document: Sentiment
    sentences: tuple[Sentiment, ...]  # aligned with the sentences given


class SentimentEngine(Protocol):
    name: str
    label: str  # how charts and the sidebar name it
    version: str  # the store keys results by (name, version): change it when scores change
    neutral_band: float  # |polarity| at or below this is a neutral sentence (tone shares, labels)

    def score(self, sentences: list[str]) -> ScoredText: ...


def sentence_mean(per_sentence: list[Sentiment]) -> Sentiment:
    """A document's score as the mean of its sentences' (0, 0 for no sentence)."""
    if not per_sentence:
        return Sentiment(0.0, 0.0)
    count = len(per_sentence)
    return Sentiment(sum(s.polarity for s in per_sentence) / count, sum(s.subjectivity for s in per_sentence) / count)
