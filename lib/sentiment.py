"""Sentiment engines behind one small interface.

An engine scores sentences; the document score is derived from the same pass, so no text is
scored twice. TextBlob's polarity of a text is the mean over its assessed words and phrases,
so pooling every sentence's assessments gives exactly the whole-text figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
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
    version: str

    def score(self, sentences: list[str]) -> ScoredText: ...


# A token TextBlob's tokenizer keeps whole and no article contains.
_SENTENCE_BREAK = "qqsentencebreakqq"


class TextBlobEngine:
    """TextBlob's pattern-based lexicon. General-purpose: weak on the tone of news reporting."""

    name = "textblob"

    def __init__(self) -> None:
        from importlib.metadata import version

        from textblob.en import sentiment as pattern_sentiment

        self._score = pattern_sentiment
        self.version = version("textblob")

    def _tokens_per_sentence(self, sentences: list[str]) -> list[list[str]]:
        """TextBlob's own tokenizer, run once over the article rather than once per sentence
        (its fixed cost per call dominated the analysis); a marker word keeps sentences apart."""
        if not sentences:
            return []
        joined = f" {_SENTENCE_BREAK} ".join(sentences)
        groups: list[list[str]] = [[]]
        for token in " ".join(self._score.tokenizer(joined)).split():
            if token == _SENTENCE_BREAK:
                groups.append([])
            else:
                groups[-1].append(token.lower())
        return groups

    def score(self, sentences: list[str]) -> ScoredText:
        per_sentence = []
        polarity_sum = subjectivity_sum = 0.0
        assessments = 0
        for tokens in self._tokens_per_sentence(sentences):
            found = self._score.assessments(((w, None) for w in tokens), True)
            if found:
                polarity = sum(a[1] for a in found)
                subjectivity = sum(a[2] for a in found)
                per_sentence.append(Sentiment(polarity / len(found), subjectivity / len(found)))
                polarity_sum += polarity
                subjectivity_sum += subjectivity
                assessments += len(found)
            else:
                per_sentence.append(Sentiment(0.0, 0.0))
        if assessments:
            document = Sentiment(polarity_sum / assessments, subjectivity_sum / assessments)
        else:
            document = Sentiment(0.0, 0.0)
        return ScoredText(document, tuple(per_sentence))


ENGINES = {"textblob": TextBlobEngine}


@cache
def get_engine(name: str = "textblob") -> SentimentEngine:
    """The engine called `name`, built once per process (engines hold no per-call state), so a
    dashboard rerun or a worker chunk does not rebuild it."""
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(
            f"unknown sentiment engine {name!r}; available: {', '.join(sorted(ENGINES))}"
        ) from None
