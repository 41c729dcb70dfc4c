"""Topic tagging: count non-negated, non-excluded mentions per sentence, apply each topic's rule,
keep the evidence (terms and sentences) and the polarity of the sentences on the topic."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lib.sentiment import Sentiment
from lib.taxonomy import Negation, Taxonomy, Topic

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


@dataclass(frozen=True)
class TopicScore:
    key: str
    hits: int
    score: float  # hits per 1,000 words
    tagged: bool
    polarity: float | None  # mean polarity of the sentences with a mention
    terms: tuple[str, ...]  # distinct matched terms, lower-cased, in order of first match
    sentences: tuple[tuple[str, float], ...]  # (sentence, polarity) evidence

    def as_record(self) -> dict:
        return {
            "key": self.key, "hits": self.hits, "score": self.score, "tagged": self.tagged,
            "polarity": self.polarity, "terms": list(self.terms),
            "sentences": [{"text": text, "polarity": pol} for text, pol in self.sentences],
        }


def _clause(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a mention, cut at the nearest clause break on each side."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = sentence[end:]
    next_break = _CLAUSE_BREAK.search(after)
    if next_break:
        after = after[: next_break.start()]
    return before, after


def is_negated(sentence: str, start: int, end: int, negation: Negation) -> bool:
    """"did not discuss tariffs", "tariffs were not raised": the topic was absent, not present."""
    before, after = _clause(sentence, start, end)
    return bool(negation.before.search(before) or negation.after.search(after))


def mentions_in(sentence: str, topic: Topic, negation: Negation) -> list[str]:
    """The topic's counted mentions in one sentence (matched text, lower-cased)."""
    return [text for _, text in _mentions(sentence, [0], [sentence], topic, negation)]


def _mentions(joined: str, starts: list[int], sentences: list[str], topic: Topic,
              negation: Negation) -> list[tuple[int, str]]:
    """(sentence index, matched text) of every counted mention in `joined`.

    One regex pass over the whole text per topic, not one per sentence: this is the hot loop of
    the analysis. A newline separates sentences, so no match spans two of them.
    """
    excluded = [(m.start(), m.end()) for m in topic.excluder.finditer(joined)] if topic.excluder else []
    found = []
    for match in topic.matcher.finditer(joined):
        if excluded and any(s < match.end() and match.start() < e for s, e in excluded):
            continue
        index = bisect_right(starts, match.start()) - 1
        offset = starts[index]
        if is_negated(sentences[index], match.start() - offset, match.end() - offset, negation):
            continue
        found.append((index, re.sub(r"\s+", " ", match.group(0).lower())))
    return found


def score_topics(
    sentences: list[str], sentiments: tuple[Sentiment, ...], n_words: int, taxonomy: Taxonomy
) -> list[TopicScore]:
    # Sentences never contain newlines (they are split within lines), so "\n" keeps them apart.
    joined = "\n".join(sentences)
    starts, position = [], 0
    for sentence in sentences:
        starts.append(position)
        position += len(sentence) + 1
    scores = []
    for topic in taxonomy.topics:
        found = _mentions(joined, starts, sentences, topic, taxonomy.negation)
        terms = [text for _, text in found]
        indices = list(dict.fromkeys(index for index, _ in found))
        evidence = [(sentences[i], sentiments[i].polarity) for i in indices]
        hits = len(found)
        polarity = sum(p for _, p in evidence) / len(evidence) if evidence else None
        scores.append(TopicScore(
            key=topic.key,
            hits=hits,
            score=round(1000 * hits / n_words, 3) if n_words else 0.0,
            tagged=hits >= topic.min_hits,
            polarity=polarity,
            terms=tuple(dict.fromkeys(terms)),
            sentences=tuple(evidence),
        ))
    return scores
