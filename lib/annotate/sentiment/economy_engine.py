"""VADER with economic-direction rules: tone read from which way an economic quantity moves.

General lexicons score "unemployment falls" as bad news (unemployment is a negative word) and
"cut taxes" as bad news (cut is one). This engine first finds each direction word (rise, fall,
cut, boost, higher, fewer...) and the quantity it moves (exports, jobs, unemployment, taxes...,
economy_lexicon.py), within a few content words and the same clause. A direction times the
quantity's valence (more is good / more is bad) gives a cue of fixed strength that replaces the
direction word; the quantity itself is masked so it is not counted twice. VADER then scores the
rewritten sentence, so its own rules apply to the cues too: "did not fall" negates, "considerably"
boosts, the clause after "but" weighs more. Economic tone words VADER lacks ("recovery",
"bankruptcy") are added to this engine's copy of its lexicon.

A document is the mean of its sentences.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from importlib.metadata import version

from lib.annotate.sentiment.economy_lexicon import (
    BAD_WHEN_MORE,
    DIRECTIONS,
    FILLERS,
    GOOD_WHEN_MORE,
    MEASURES,
    RULE_VALENCE,
    TONE_WORDS,
)
from lib.annotate.sentiment.interface import ScoredText, sentence_mean
from lib.annotate.sentiment.vader_engine import vader_analyzer, vader_sentiment

# Words no text holds, given VADER valences: what a direction rule puts in place of its word.
GOOD_NEWS_CUE = "econgoodnewscue"
BAD_NEWS_CUE = "econbadnewscue"
QUANTITY_MASK = "econquantitymask"  # in place of a quantity a rule has read (no valence)

_CLAUSE_ENDS = frozenset(",;:()")
# Bumped whenever the rules or the vocabulary change (the store keys results by version).
RULES_VERSION = "1"


@dataclass(frozen=True)
class DirectionCue:
    """One rule firing: the direction word at `direction`, the quantity's words at
    `quantity_start` .. `quantity` (token positions; two for "share prices"), and the tone they
    make (+1 good news, -1 bad news)."""

    direction: int
    quantity_start: int
    quantity: int
    tone: int


def _normalised(token: str) -> str:
    return token.strip(string.punctuation + "“”‘’").lower()


def _quantity_valence(words: list[str], at: int) -> int:
    """+1 (more is good), -1 (more is bad) or 0 (not a quantity) for the word at `at`."""
    word = words[at]
    if word in MEASURES and at > 0:
        named = _quantity_valence(words, at - 1) if words[at - 1] not in MEASURES else 0
        if named:
            return named  # "share prices" move with shares
    if word in GOOD_WHEN_MORE:
        return 1
    if word in BAD_WHEN_MORE:
        return -1
    return 0


def _quantity_start(words: list[str], at: int) -> int:
    """Where the quantity whose head word is at `at` starts: the quantity words just before it
    modify it ("income taxes", "share prices")."""
    start = at
    while start > 0 and _quantity_valence(words, start - 1):
        start -= 1
    return start


def _ends_clause(token: str) -> bool:
    return bool(token) and token[-1] in _CLAUSE_ENDS


def _nearest_quantity(tokens: list[str], words: list[str], at: int, step: int, reach: int) -> tuple[int, int] | None:
    """(content-word distance, position of the head word) of the first quantity from `at` in
    direction `step`, within `reach` content words and the same clause.

    English noun compounds put the head last: read forward, a quantity followed by more quantity
    words is the last of them ("cuts income taxes" is about taxes). A direction word of the same
    sign on the way counts as a content word ("unemployment falls to its lowest level" reads
    "lowest" with unemployment); one of the other sign ends the search ("exports fell and imports
    rose": "rose" is not about exports)."""
    sign = DIRECTIONS[words[at]][0]
    distance = 0
    position = at
    while True:
        if step < 0 and _ends_clause(tokens[position - 1] if position > 0 else ""):
            return None
        if step > 0 and _ends_clause(tokens[position]):
            return None
        position += step
        if not 0 <= position < len(words):
            return None
        word = words[position]
        if not word or word in FILLERS:
            continue
        other = DIRECTIONS.get(word)
        if other is not None and other[0] != sign:
            return None
        distance += 1
        if _quantity_valence(words, position):
            if step > 0:
                while (
                    position + 1 < len(words)
                    and not _ends_clause(tokens[position])
                    and _quantity_valence(words, position + 1)
                ):
                    position += 1
            return distance, position
        if distance == reach:
            return None


def direction_cues(tokens: list[str]) -> list[DirectionCue]:
    """Every direction rule that fires in a sentence split on whitespace."""
    words = [_normalised(t) for t in tokens]
    cues = []
    for at, word in enumerate(words):
        rule = DIRECTIONS.get(word)
        if rule is None:
            continue
        sign, before, after = rule
        found = [
            hit
            for hit in (
                _nearest_quantity(tokens, words, at, -1, before) if before else None,
                _nearest_quantity(tokens, words, at, +1, after) if after else None,
            )
            if hit is not None
        ]
        if found:
            _, quantity = min(found)  # the nearer; on a tie the one before (the subject)
            start = _quantity_start(words, quantity)
            cues.append(DirectionCue(at, start, quantity, sign * _quantity_valence(words, quantity)))
    return cues


def _with_ending(replacement: str, token: str) -> str:
    """`replacement` with the punctuation that ended `token` (VADER reads "!" and "?")."""
    stripped = token.rstrip(string.punctuation)
    return replacement + token[len(stripped) :]


def rewrite(sentence: str) -> str:
    """The sentence as VADER is given it: each fired rule's direction word replaced by a good or
    bad news cue, its quantity masked."""
    tokens = sentence.split()
    cues = direction_cues(tokens)
    if not cues:
        return sentence
    for cue in cues:
        for at in range(cue.quantity_start, cue.quantity + 1):
            tokens[at] = _with_ending(QUANTITY_MASK, tokens[at])
    for cue in cues:
        tokens[cue.direction] = _with_ending(GOOD_NEWS_CUE if cue.tone > 0 else BAD_NEWS_CUE, tokens[cue.direction])
    return " ".join(tokens)


class EconomyEngine:
    """VADER with economic-direction rules and economic tone words, sentence by sentence."""

    name = "economy"
    label = "Economy (VADER + economic direction)"  # how charts and the sidebar name it
    # A sentence is neutral when |polarity| is at most this. Repeated 10-fold cross-validation
    # against expert tone labels of economic news headlines (bench/sentiment.py) picked 0.178 in
    # 48 of 50 folds; fixed here, rounded up (no headline scored in between). One rule cue alone
    # (0.46) is past it; a single mildly toned word (VADER valence 0.7 or less) is not.
    neutral_band = 0.18

    def __init__(self) -> None:
        self._analyzer = vader_analyzer()
        lexicon = self._analyzer.lexicon
        for word, valence in TONE_WORDS.items():
            lexicon.setdefault(word, valence)
        lexicon[GOOD_NEWS_CUE] = RULE_VALENCE
        lexicon[BAD_NEWS_CUE] = -RULE_VALENCE
        self.version = f"{RULES_VERSION}+vader{version('vaderSentiment')}"

    def score(self, sentences: list[str]) -> ScoredText:
        polarity_scores = self._analyzer.polarity_scores
        per_sentence = [vader_sentiment(polarity_scores(rewrite(s))) for s in sentences]
        return ScoredText(sentence_mean(per_sentence), tuple(per_sentence))
