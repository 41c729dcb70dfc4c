"""Topic tagging: count non-negated, non-excluded mentions per sentence, apply each topic's rule,
keep the evidence (terms and sentences) and the polarity of the sentences on the topic."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lib.annotate.sentiment import Sentiment
from lib.reference.taxonomy import Negation, Taxonomy, Topic

_SPACES = re.compile(r"\s+")
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
            "key": self.key,
            "hits": self.hits,
            "score": self.score,
            "tagged": self.tagged,
            "polarity": self.polarity,
            "terms": list(self.terms),
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
    """ "did not discuss tariffs", "tariffs were not raised": the topic was absent, not present."""
    before, after = _clause(sentence, start, end)
    return bool(negation.before.search(before) or negation.after.search(after))


def mentions_in(sentence: str, topic: Topic, negation: Negation) -> list[str]:
    """The topic's counted mentions in one sentence (matched text, lower-cased)."""
    return [text for _, text in _mentions(sentence, lowered_for_matching(sentence), [0], [sentence], topic, negation)]


def lowered_for_matching(text: str) -> str | None:
    """`text` lower-cased for the fast matchers, or None when lower-casing would move
    positions (a few characters, like 'İ', lower-case to two)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _occurrences(text: str, literals: tuple[str, ...], found: dict[str, list[int]]) -> list[int]:
    """Every position where one of `literals` occurs in `text`, in order (`found` caches each
    literal's positions for the other matchers run over the same text)."""
    positions: set[int] = set()
    find = text.find
    for literal in literals:
        at = found.get(literal)
        if at is None:
            at = []
            i = find(literal)
            while i != -1:
                at.append(i)
                i = find(literal, i + 1)
            found[literal] = at
        positions.update(at)
    return sorted(positions)


def _spans(
    pattern: re.Pattern,
    text: str,
    starts: tuple[str, ...] | None,
    found: dict[str, list[int]],
    word_start: bool = False,
) -> list[tuple[int, int]]:
    """`[m.span() for m in pattern.finditer(text)]`. When every match of `pattern` is non-empty
    and begins with one of `starts` (lib.reference.taxonomy.match_starts), only the places where one occurs
    can start a match, so the pattern is tried there alone: the same matches, in a fraction of
    the time a scan of every position takes. `word_start`: the pattern begins with (?<![\\w-])
    (lib.reference.taxonomy's alternations), so a place after a word character or "-" is skipped too."""
    if starts is None:
        return [m.span() for m in pattern.finditer(text)]
    spans = []
    end = 0
    match = pattern.match
    for position in _occurrences(text, starts, found):
        if word_start and position:
            before = text[position - 1]
            if before.isalnum() or before == "_" or before == "-":  # \w is alphanumeric or _
                continue
        if position >= end:  # finditer resumes where the last match ended
            m = match(text, position)  # lookbehinds still see the text before `position`
            if m is not None:
                spans.append(m.span())
                end = m.end()
    return spans


def topic_spans(
    text: str, lowered: str | None, topic: Topic, literals: dict[str, list[int]] | None = None
) -> list[tuple[int, int]]:
    """Where `topic` is mentioned in `text`, exclusions removed, non-overlapping, in order.
    `literals`: where literals occur in `lowered`, shared by the calls for one text."""
    if lowered is None or topic.word_matcher is None and topic.pattern_matcher is None:
        found = [m.span() for m in topic.matcher.finditer(text)]
        excluded = [m.span() for m in topic.excluder.finditer(text)] if topic.excluder else []
    else:
        cache = {} if literals is None else literals
        found = (
            _spans(topic.word_matcher, lowered, topic.word_starts, cache, word_start=True) if topic.word_matcher else []
        )
        if topic.pattern_matcher is not None:
            found = sorted(found + [m.span() for m in topic.pattern_matcher.finditer(text)])
        excluded = (
            _spans(topic.word_excluder, lowered, topic.excluder_starts, cache, word_start=True)
            if topic.word_excluder
            else []
        )
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue  # overlaps a mention already counted (a term inside a pattern's match)
        if excluded and any(s < end and start < e for s, e in excluded):
            continue
        spans.append((start, end))
    return spans


def _mentions(
    joined: str,
    lowered: str | None,
    starts: list[int],
    sentences: list[str],
    topic: Topic,
    negation: Negation,
    with_negator: set[int] | None = None,
    literals: dict[str, list[int]] | None = None,
) -> list[tuple[int, str]]:
    """(sentence index, matched text) of every counted mention in `joined`.

    One regex pass over the whole text per topic, not one per sentence: this is the hot loop of
    the analysis. A newline separates sentences, so no match spans two of them.
    """
    found = []
    for start, end in topic_spans(joined, lowered, topic, literals):
        index = bisect_right(starts, start) - 1
        offset = starts[index]
        # Most sentences hold no negator at all: only those need the clause-level check.
        if (with_negator is None or index in with_negator) and is_negated(
            sentences[index], start - offset, end - offset, negation
        ):
            continue
        found.append((index, _SPACES.sub(" ", joined[start:end].lower())))
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
    lowered = lowered_for_matching(joined)
    literals: dict[str, list[int]] = {}
    with_negator = (
        {
            bisect_right(starts, start) - 1
            for start, _ in _spans(taxonomy.negation.any_negator, lowered, taxonomy.negation.negator_starts, literals)
        }
        if lowered is not None
        else None
    )
    scores = []
    for topic in taxonomy.topics:
        found = _mentions(joined, lowered, starts, sentences, topic, taxonomy.negation, with_negator, literals)
        terms = [text for _, text in found]
        indices = list(dict.fromkeys(index for index, _ in found))
        evidence = [(sentences[i], sentiments[i].polarity) for i in indices]
        hits = len(found)
        polarity = sum(p for _, p in evidence) / len(evidence) if evidence else None
        scores.append(
            TopicScore(
                key=topic.key,
                hits=hits,
                score=round(1000 * hits / n_words, 3) if n_words else 0.0,
                tagged=hits >= topic.min_hits,
                polarity=polarity,
                terms=tuple(dict.fromkeys(terms)),
                sentences=tuple(evidence),
            )
        )
    return scores
