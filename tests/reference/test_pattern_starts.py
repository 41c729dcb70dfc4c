"""What every match of a taxonomy pattern begins with, and that matching only there finds the
same spans as scanning the whole text."""

from __future__ import annotations

import random

import pytest

from lib.annotate.topics import _spans
from lib.reference.pattern_starts import pattern_starts
from lib.reference.taxonomy import default_taxonomy


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\btariffs?\b", ("tariff",)),
        (r"\b(?:Buy|purchas(?:e|ed))\s+jets", ("buy", "purchase")),
        (r"(?<!\w)[Tt]he\s+alliance", ("t",)),
        (r"\b\d+\s*%", tuple("0123456789")),
        (r"\b(?:one|\d+(?:\.\d+)?)\s*percent", (*"0123456789", "one")),
        (r"市場[^\n。]{0,8}開放", ("市場",)),
        (r"(?:allies)+ and", ("allies",)),
        # Unknown starts: scanned as before.
        (r"\W*see\s+also", None),  # any non-word character
        (r"(?:the\s+)?alliance", None),  # an optional start
        (r"(?:a|)b", None),  # an empty branch
        (r"\w+ing", None),
        (r"[a-z]ing", None),  # a class too wide to spell out
        (r"(unclosed", None),  # not a pattern at all
    ],
)
def test_the_literals_a_match_begins_with(pattern, starts):
    assert pattern_starts(pattern) == starts


def _texts() -> list[str]:
    rng = random.Random(5)
    words = (
        "Tokyo Washington tariffs on steel 25% percent of GDP Japan will buy F-35 fighters Taiwan military "
        "Alliance cornerstone allies strengthen economic and security ties 2+2 talks host U.S. troops "
        "pay $2 billion costs of the US forces spending on defense budgets for defence 市場 開放 "
        "TARIFFS ALLIANCE Buys Purchased national-security CFIUS acquisition bid"
    ).split()
    return [" ".join(rng.choice(words) for _ in range(rng.randint(5, 120))) for _ in range(400)]


def test_matching_at_the_starts_finds_what_a_scan_finds():
    matchers = [
        cue
        for topic in default_taxonomy().topics
        for cue in topic.cues
        if cue.pattern_matcher is not None and cue.pattern_starts is not None
    ]
    assert matchers, "the default taxonomy's patterns have readable starts"
    for text in _texts():
        lowered = text.lower()
        assert len(lowered) == len(text)
        for cue in matchers:
            scanned = [m.span() for m in cue.pattern_matcher.finditer(text)]
            assert _spans(cue.pattern_matcher, lowered, cue.pattern_starts, {}, match_in=text) == scanned
