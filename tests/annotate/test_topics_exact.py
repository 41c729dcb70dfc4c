"""lib/annotate/topics.py tries its matchers only where a match can start (where a literal that every
match begins with occurs): the spans are exactly those of a scan of the whole text."""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lib.annotate.topics import _spans, lowered_for_matching, topic_spans
from lib.reference.taxonomy import Topic, default_taxonomy, match_starts, parse_taxonomy

ODD = parse_taxonomy(
    """
[[language]]
code = "ja"
spaced = false
letters = "\\u3040-\\u30ff\\u4e00-\\u9fff"

[negation]
negators = ["not", "n't", "no", "nor", "..", "n'"]
verbs = ["discuss*"]

[[topic]]
key = "odd"
terms = ["U.S.", "F-35*", "a", "aa", "ab*", "..", "x-", "-x", "*", "İstanbul", "straße", "関税", "*zoll", "*zöll*"]
phrases = ["a a", "u.s. forces", "self-defense forces"]
patterns = ['\\bpay(?:s|ing)?\\s+more\\b', 'a+']
exclude = ["a ab", "u.s. forces*", "-s-", "非関税", "*tzoll"]

[[topic]]
key = "plain"
terms = ["alliance*", "ally", "allies", "deter", "deterrence", "defend", "defending"]
exclude = ["defending champion*"]
""",
    name="odd",
)
TAXONOMIES = [default_taxonomy(), ODD]


def reference_spans(text: str, lowered: str | None, topic: Topic) -> list[tuple[int, int]]:
    """topic_spans as it was: every matcher scans the whole text."""
    if lowered is None or topic.word_matcher is None and topic.pattern_matcher is None and topic.free_matcher is None:
        found = [m.span() for m in topic.matcher.finditer(text)]
        excluded = [m.span() for m in topic.excluder.finditer(text)] if topic.excluder else []
    else:
        found = [m.span() for m in topic.word_matcher.finditer(lowered)] if topic.word_matcher else []
        if topic.free_matcher is not None:
            found = sorted(found + [m.span() for m in topic.free_matcher.finditer(lowered)])
        if topic.pattern_matcher is not None:
            found = sorted(found + [m.span() for m in topic.pattern_matcher.finditer(text)])
        excluded = [m.span() for m in topic.word_excluder.finditer(lowered)] if topic.word_excluder else []
        if topic.free_excluder is not None:
            excluded += [m.span() for m in topic.free_excluder.finditer(lowered)]
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue
        if excluded and any(s < end and start < e for s, e in excluded):
            continue
        spans.append((start, end))
    return spans


PIECES = [
    "関税",
    "非関税",
    "非",
    "Zoll",
    "Strafzölle",
    "schutzzoll",
    " ",
    " ",
    "  ",
    "\n",
    "-",
    "--",
    ".",
    "..",
    "...",
    ",",
    "'",
    "’",
    "(",
    ")",
    "_",
    "a",
    "aa",
    "ab",
    "x",
    "U.S.",
    "u.s.",
    "US",
    "F-35",
    "f-35A",
    "F 35",
    "f",
    "of",
    "if",
    "self-defense",
    "Self Defense forces",
    "non-security",
    "security",
    "Security",
    "securities",
    "social security",
    "alliance",
    "alliances",
    "ally",
    "really",
    "allied",
    "allies",
    "deter",
    "deterrence",
    "defend",
    "defended",
    "defending champion",
    "defense",
    "defence",
    "defense spending",
    "trade",
    "trade-off",
    "trade deficit",
    "tariff",
    "tariffs",
    "feed-in tariff",
    "import duties",
    "anti-dumping",
    "Section 232",
    "no",
    "not",
    "nor",
    "know",
    "now",
    "n't",
    "don't",
    "never",
    "without",
    "neither",
    "2 percent of GDP",
    "costs of U.S. forces",
    "pay more",
    "İstanbul",
    "istanbul",
    "STRASSE",
    "straße",
    "Tomahawk",
    "Indo-Pacific",
    "Taiwan Strait",
    "ß",
    "é",
    "_",
    "ǅ",
    "٣",
    "²",
]
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_word_start_test_is_the_lookbehind() -> None:
    """lib.annotate.topics skips places after a character the matchers' (?<![\\w-]) rejects."""
    word = re.compile(r"\w")
    assert all(
        bool(word.fullmatch(chr(cp))) == (chr(cp).isalnum() or chr(cp) == "_") for cp in range(sys.maxunicode + 1)
    )
    for taxonomy in TAXONOMIES:
        for topic in taxonomy.topics:
            for matcher in (topic.word_matcher, topic.word_excluder):
                assert matcher is None or matcher.pattern.startswith(r"(?<![\w-])")


def test_match_starts_keeps_the_shortest() -> None:
    assert match_starts(["defense", "def", "deter", "no", "not", "nor"]) == ("no", "def", "deter")
    assert match_starts(["a", ""]) is None
    assert ODD.topic("odd").word_starts is None  # "*" matches from anywhere


@FUZZ
@given(texts)
@example("really allied deterrence, self-defense forces.")
@example("...u.s. forces aa a a ab")
@example("İstanbul no-not")
def test_spans_are_the_scans(text: str) -> None:
    lowered = lowered_for_matching(text)
    for taxonomy in TAXONOMIES:
        literals: dict[str, list[int]] = {}
        if lowered is not None:
            negation = taxonomy.negation
            assert _spans(negation.any_negator, lowered, negation.negator_starts, literals) == [
                m.span() for m in negation.any_negator.finditer(lowered)
            ]
        for topic in taxonomy.topics:
            if lowered is not None:
                for matcher, starts in (
                    (topic.word_matcher, topic.word_starts),
                    (topic.word_excluder, topic.excluder_starts),
                    (topic.free_matcher, topic.free_starts),
                    (topic.free_excluder, topic.free_excluder_starts),
                ):
                    if matcher is not None:
                        assert _spans(matcher, lowered, starts, literals) == [
                            m.span() for m in matcher.finditer(lowered)
                        ]
            expected = reference_spans(text, lowered, topic)
            assert topic_spans(text, lowered, topic, literals) == expected
            assert topic_spans(text, lowered, topic) == expected
