"""lib/views/matching.py: a search term matches its words' forms, the same in pandas (the
sidebar filter), in pyarrow's RE2 (the analysis store) and in keyword in context."""

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from frames import make_frame

from lib.views.filters import filter_articles
from lib.views.kwic import kwic
from lib.views.matching import MATCHING_RULE, stem, word_form_pattern
from lib.views.state import ViewState


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("tariff", "tariff"),
        ("Tariffs", "tariff"),
        ("imposed", "impos"),
        ("imposing", "impos"),
        ("taxes", "tax"),
        ("batches", "batch"),
        ("alliances", "alliance"),
        ("policies", "polic"),
        ("security", "security"),
        ("press", "press"),  # -ss is not a plural
        ("bus", "bus"),  # too short to lose an ending
        ("is", "is"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected


# (term, text, matches?): the golden table every engine must answer alike.
CASES = [
    ("tariff", "New tariffs were announced.", True),  # the case
    ("tariffs", "A tariff was announced.", True),
    ("Tariff", "TARIFFED goods", True),
    ("tariff", "Antitariff protests", False),  # a match starts a word
    ("war", "The software update", False),
    ("war", "Wars and rumours", True),
    ("impose", "They imposed duties", True),
    ("trade deal", "a trade-deal draft", True),
    ("trade deal", "trade deals signed", True),
    ("trade deal", "a deal on trade", False),  # words in order
    ("U.S.", "The U.S. side", True),
    ("U.S.", "USA Today", False),
    ("US", "US aid", True),
    ("US", "USA aid", False),  # a short word is matched whole
    ("石破", "首相の石破茂は", True),  # another script: the characters themselves
    ("(a+b)", "rates (a+b) rose", True),  # punctuation is not a pattern
    ("a.*b", "a long b", False),
    (".*", "anything", False),  # no words: looked for as typed
    ("--", "this -- that", True),
    ("steel", "Steel\nimports", True),  # a text's first word, after a line break
]


@pytest.mark.parametrize(("term", "text", "hit"), CASES)
def test_pandas_filter_store_regex_and_kwic_agree(term, text, hit):
    frame = make_frame([dict(title="A title", text=text)])
    by_pandas = len(filter_articles(frame, ViewState(search=term))) == 1
    pattern = word_form_pattern(term, capture=False)
    by_re2 = pc.match_substring_regex(pa.array([text]), pattern).to_pylist()[0]
    by_kwic = len(kwic(frame, term)) > 0
    assert (by_pandas, by_re2, by_kwic) == (hit, hit, hit)


def test_kwic_marks_the_words_found_not_the_character_before():
    frame = make_frame([dict(title="T", text="Two tariffs, one tariff.")])
    assert list(kwic(frame, "tariff")["match"]) == ["tariffs", "tariff"]


def test_a_term_of_punctuation_only_is_looked_for_as_typed():
    frame = make_frame([dict(title="T", text="before -- after")])
    assert list(kwic(frame, "--")["match"]) == ["--"]
    assert filter_articles(frame, ViewState(search=".*")).empty
    assert word_form_pattern("   ") == ""


def test_the_rule_is_said_in_words_with_an_example():
    assert "tariff" in MATCHING_RULE and "start" in MATCHING_RULE
