"""Topic tagging by salience: find each topic's mentions cue by cue, drop those that framing
wording, a negation or another topic's sentence vetoes, weigh the rest (the lead counts more) and
apply the topic's rule. Every score keeps its evidence: the terms, the sentences (with their
polarity, for per-topic tone), why the rule tagged it or not, and what was vetoed."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lib.annotate.sentiment import Sentiment
from lib.reference.taxonomy import Cue, Matcher, Negation, Rule, Taxonomy, Topic

_SPACES = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
# How many vetoes a score lists (the evidence panel shows them; a long article can have dozens).
MAX_VETOES = 8


@dataclass(frozen=True)
class TopicScore:
    key: str
    hits: int  # counted mentions
    score: float  # hits per 1,000 words
    tagged: bool
    polarity: float | None  # mean polarity of the sentences with a mention
    terms: tuple[str, ...]  # distinct matched terms, lower-cased, in order of first match
    sentences: tuple[tuple[str, float], ...]  # (sentence, polarity) evidence
    weight: float = 0.0  # the counted mentions' weight, lead counted more (what the rule reads)
    reason: str = ""  # why the rule tagged it, or what it lacked
    vetoes: tuple[str, ...] = ()  # mentions not counted, each with the rule that vetoed it

    def as_record(self) -> dict:
        return {
            "key": self.key,
            "hits": self.hits,
            "score": self.score,
            "tagged": self.tagged,
            "polarity": self.polarity,
            "terms": list(self.terms),
            "sentences": [{"text": text, "polarity": pol} for text, pol in self.sentences],
            "weight": self.weight,
            "reason": self.reason,
            "vetoes": list(self.vetoes),
        }


@dataclass(frozen=True)
class Mention:
    sentence: int  # index into the article's sentences
    text: str  # as matched, lower-cased, spaces normalised
    cue: Cue
    veto: str | None = None  # why it does not count; None when it counts


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
    """ "did not discuss tariffs", "tariffs were not raised", "neither ... nor higher defense
    spending", "tariffs were notably absent": the topic was absent, not present."""
    before, after = _clause(sentence, start, end)
    return bool(
        negation.before.search(before)
        or negation.after.search(after)
        or (negation.in_scope is not None and negation.in_scope.search(before))
        or (negation.absent_after is not None and negation.absent_after.search(after))
    )


def mentions_in(sentence: str, topic: Topic, negation: Negation) -> list[str]:
    """The topic's counted mentions in one sentence (matched text, lower-cased): other senses,
    framing wording and negations left out."""
    found = _candidates(sentence, lowered_for_matching(sentence), [0], [sentence], topic, negation)
    return [m.text for m in found if m.veto is None]


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
    match_in: str | None = None,
) -> list[tuple[int, int]]:
    """`[m.span() for m in pattern.finditer(text)]`. When every match of `pattern` is non-empty
    and begins with one of `starts` (lib.reference.taxonomy.match_starts), only the places where one occurs
    can start a match, so the pattern is tried there alone: the same matches, in a fraction of
    the time a scan of every position takes. `word_start`: the pattern begins with (?<![\\w-])
    (lib.reference.taxonomy's alternations), so a place after a word character or "-" is skipped too.
    `match_in`: the text the pattern is matched on, when `text` (where the starts are found) is its
    lower-cased copy of the same length."""
    subject = text if match_in is None else match_in
    if starts is None:
        return [m.span() for m in pattern.finditer(subject)]
    spans = []
    end = 0
    match = pattern.match
    for position in _occurrences(text, starts, found):
        if word_start and position:
            before = text[position - 1]
            if before.isalnum() or before == "_" or before == "-":  # \w is alphanumeric or _
                continue
        if position >= end:  # finditer resumes where the last match ended
            m = match(subject, position)  # lookbehinds still see the text before `position`
            if m is not None:
                spans.append(m.span())
                end = m.end()
    return spans


def topic_spans(
    text: str, lowered: str | None, topic: Matcher, literals: dict[str, list[int]] | None = None
) -> list[tuple[int, int]]:
    """Where `topic` (a topic, one of its cues or a framing) matches in `text`, exclusions
    removed, non-overlapping, in order. `literals`: where literals occur in `lowered`, shared by
    the calls for one text."""
    if lowered is None or topic.word_matcher is None and topic.pattern_matcher is None and topic.free_matcher is None:
        found = [m.span() for m in topic.matcher.finditer(text)]
        excluded = [m.span() for m in topic.excluder.finditer(text)] if topic.excluder else []
    else:
        cache = {} if literals is None else literals
        found = (
            _spans(topic.word_matcher, lowered, topic.word_starts, cache, word_start=True) if topic.word_matcher else []
        )
        if topic.free_matcher is not None:
            found = sorted(found + _spans(topic.free_matcher, lowered, topic.free_starts, cache))
        if topic.pattern_matcher is not None:
            # Tried where the patterns' starting literals stand in the lower-cased text, matched
            # on the text itself (the patterns are case-insensitive and see its real letters).
            found = sorted(found + _spans(topic.pattern_matcher, lowered, topic.pattern_starts, cache, match_in=text))
        excluded = (
            _spans(topic.word_excluder, lowered, topic.excluder_starts, cache, word_start=True)
            if topic.word_excluder
            else []
        )
        if topic.free_excluder is not None:
            excluded += _spans(topic.free_excluder, lowered, topic.free_excluder_starts, cache)
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue  # overlaps a mention already counted (a term inside a pattern's match)
        if excluded and any(s < end and start < e for s, e in excluded):
            continue
        spans.append((start, end))
    return spans


def _candidates(
    joined: str,
    lowered: str | None,
    starts: list[int],
    sentences: list[str],
    topic: Topic,
    negation: Negation,
    with_negator: set[int] | None = None,
    literals: dict[str, list[int]] | None = None,
) -> list[Mention]:
    """Every mention of `topic` in `joined`, each with its cue and its veto (framing or negation;
    None when it counts), in text order.

    One regex pass over the whole text per cue, not one per sentence: this is the hot loop of
    the analysis. A newline separates sentences, so no match spans two of them. Where the
    matches of two cues overlap, the longer wins ("trade deal" over "trade").
    """
    found = sorted(
        (start, start - end, -cue.weight, index, cue)
        for index, cue in enumerate(topic.cues)
        for start, end in topic_spans(joined, lowered, cue, literals)
    )
    framed = [
        (start, end, framing.reason)
        for framing in topic.framing
        for start, end in topic_spans(joined, lowered, framing, literals)
    ]
    mentions: list[Mention] = []
    last_end = -1
    for start, negative_length, _weight, _index, cue in found:
        end = start - negative_length
        if start < last_end:
            continue  # overlaps a mention already taken
        last_end = end
        index = bisect_right(starts, start) - 1
        offset = starts[index]
        text = _SPACES.sub(" ", joined[start:end].lower())
        veto = next((f"framing, {reason}" for s, e, reason in framed if s < end and start < e), None)
        # Most sentences hold no negator at all: only those need the clause-level check.
        if (
            veto is None
            and (with_negator is None or index in with_negator)
            and is_negated(sentences[index], start - offset, end - offset, negation)
        ):
            veto = "negated"
        mentions.append(Mention(index, text, cue, veto))
    return mentions


def _distinct_key(text: str) -> tuple[str, str]:
    """Mentions that differ only in their endings count as one term ("tariff", "tariffs"); a
    phrase with a gap is known by its first and last word."""
    words = text.replace("-", " ").split()
    return (words[0][:5], words[-1][:5])


def _yield_vetoes(mentions: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A mention whose cue yields to another topic is vetoed in a sentence that counts for that
    topic: "imports" in a sentence about a tariff, "troops" in one about their cost."""
    counting = {key: {m.sentence for m in found if m.veto is None} for key, found in mentions.items()}

    def vetoed(mention: Mention) -> Mention:
        if mention.veto is not None:
            return mention
        other = next((k for k in mention.cue.yields_to if mention.sentence in counting.get(k, ())), None)
        return (
            mention
            if other is None
            else Mention(mention.sentence, mention.text, mention.cue, f"in a sentence about {other}")
        )

    return {key: [vetoed(m) for m in found] for key, found in mentions.items()}


def apply_rule(rule: Rule, counted: list[Mention], n_words: int) -> tuple[bool, float, str]:
    """(tagged, weight, reason) for the counted mentions of one topic."""
    if not counted:
        return False, 0.0, "no mention"
    weight = round(
        sum(m.cue.weight * (rule.lead_factor if m.sentence < rule.lead_sentences else 1.0) for m in counted), 3
    )
    distinct = len({_distinct_key(m.text) for m in counted})
    density = 1000 * weight / n_words if n_words else 0.0
    lacks = []
    if weight < rule.min_weight:
        lacks.append(f"weight {weight:g} < {rule.min_weight:g}")
    if distinct < rule.min_distinct:
        lacks.append(f"{distinct} distinct term(s) < {rule.min_distinct}")
    if n_words and density < rule.min_weight_per_1000_words:
        lacks.append(f"{density:.1f} per 1,000 words < {rule.min_weight_per_1000_words:g}")
    if lacks:
        return False, weight, "too slight: " + ", ".join(lacks)
    in_lead = sum(m.sentence < rule.lead_sentences for m in counted)
    lead = f", {in_lead} in the lead" if rule.lead_sentences and in_lead else ""
    return True, weight, f"weight {weight:g} from {distinct} distinct term(s){lead}, {density:.1f} per 1,000 words"


def raise_the_bar(rule: Rule, ruled: tuple[bool, float, str], tagged: dict[str, float]) -> tuple[bool, float, str]:
    """(tagged, weight, reason) once the rule's `beside` bars are applied. `tagged`: the weight of
    each topic its own rule tagged. A topic tagged too, in a text where a `beside` topic is
    tagged, needs that bar's weight, or (with `or_share`) that share of the other's weight."""
    is_tagged, weight, _reason = ruled
    if not is_tagged:
        return ruled
    for other in rule.beside:
        if other.topic not in tagged or weight >= other.min_weight:
            continue
        if other.or_share and weight >= other.or_share * tagged[other.topic]:
            continue
        share = f" and < {other.or_share:g} × its {tagged[other.topic]:g}" if other.or_share else ""
        return False, weight, f"beside {other.topic}: weight {weight:g} < {other.min_weight:g}{share} ({other.reason})"
    return ruled


def _vetoes(found: list[Mention]) -> tuple[str, ...]:
    listed = dict.fromkeys(f"'{m.text}': {m.veto}" for m in found if m.veto is not None)
    vetoes = list(listed)
    if len(vetoes) > MAX_VETOES:
        vetoes = vetoes[:MAX_VETOES] + [f"and {len(vetoes) - MAX_VETOES} more"]
    return tuple(vetoes)


def without_links(sentence: str, taxonomy: Taxonomy) -> str:
    """The sentence, or "" when it points to another story ("See also: ..."): the headline it
    quotes is not this article's content."""
    return "" if taxonomy.links is not None and taxonomy.links.match(sentence) else sentence


# Topics are read from this much of a text (about 50,000 words: a long report, far past any news
# article). The taxonomy's patterns scan every character, so past it a 2 MB hostile text cost
# seconds; what a book is "about" is settled long before.
TOPIC_SCAN_CHARS = 300_000


def topic_scan(sentences: list[str], n_words: int) -> tuple[list[str], int]:
    """The sentences topics are read from (the text's first TOPIC_SCAN_CHARS characters: the
    sentence that crosses the limit is cut there) and their word count (pro rata by characters),
    so rates per 1,000 words stay rates."""
    total = sum(len(sentence) + 1 for sentence in sentences)
    if total <= TOPIC_SCAN_CHARS:
        return sentences, n_words
    kept: list[str] = []
    room = TOPIC_SCAN_CHARS
    for sentence in sentences:
        if room <= 0:
            break
        kept.append(sentence[:room])
        room -= len(sentence) + 1
    return kept, max(1, round(n_words * TOPIC_SCAN_CHARS / total))


def score_topics(
    sentences: list[str], sentiments: tuple[Sentiment, ...], n_words: int, taxonomy: Taxonomy
) -> list[TopicScore]:
    # A link to another story counts for no topic: its sentence is matched as empty, so every
    # index (and the evidence, which quotes `sentences`) stays in place.
    matched = [without_links(sentence, taxonomy) for sentence in sentences]
    # Sentences never contain newlines (they are split within lines), so "\n" keeps them apart.
    joined = "\n".join(matched)
    starts, position = [], 0
    for sentence in matched:
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
    mentions = _yield_vetoes(
        {
            topic.key: _candidates(joined, lowered, starts, matched, topic, taxonomy.negation, with_negator, literals)
            for topic in taxonomy.topics
        }
    )
    ruled = {
        topic.key: apply_rule(topic.rule, [m for m in mentions[topic.key] if m.veto is None], n_words)
        for topic in taxonomy.topics
    }
    scores = []
    for topic in taxonomy.topics:
        found = mentions[topic.key]
        counted = [m for m in found if m.veto is None]
        tagged, weight, reason = raise_the_bar(
            topic.rule, ruled[topic.key], {k: r[1] for k, r in ruled.items() if r[0]}
        )
        indices = list(dict.fromkeys(m.sentence for m in counted))
        evidence = [(sentences[i], sentiments[i].polarity) for i in indices]
        polarity = sum(p for _, p in evidence) / len(evidence) if evidence else None
        scores.append(
            TopicScore(
                key=topic.key,
                hits=len(counted),
                score=round(1000 * len(counted) / n_words, 3) if n_words else 0.0,
                tagged=tagged,
                polarity=polarity,
                terms=tuple(dict.fromkeys(m.text for m in counted)),
                sentences=tuple(evidence),
                weight=weight,
                reason=reason,
                vetoes=_vetoes(found),
            )
        )
    return scores
