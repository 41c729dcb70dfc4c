"""lib/annotate/sentiment/economy_engine.py: tone from which way an economic quantity moves."""

from __future__ import annotations

import pytest

from lib.annotate.sentiment import get_engine
from lib.annotate.sentiment.economy_engine import BAD_NEWS_CUE, GOOD_NEWS_CUE, QUANTITY_MASK, direction_cues, rewrite
from lib.annotate.sentiment.economy_lexicon import BAD_WHEN_MORE, DIRECTIONS, GOOD_WHEN_MORE, TONE_WORDS


def cue_words(sentence: str) -> list[tuple[str, str, int]]:
    """(direction word, quantity words, tone) for each rule that fires."""
    tokens = sentence.split()
    return [
        (tokens[c.direction], " ".join(tokens[c.quantity_start : c.quantity + 1]), c.tone)
        for c in direction_cues(tokens)
    ]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # quantity before its direction (the subject) ...
        ("Unemployment falls again", [("falls", "Unemployment", 1)]),
        ("Exports to Asia rose sharply", [("rose", "Exports", 1)]),
        ("Household debt climbed in spring", [("climbed", "debt", -1)]),
        # ... or after it (the object, or "a rise in")
        ("The cabinet cuts taxes for pensioners", [("cuts", "taxes", 1)]),
        ("The airline cuts 400 jobs", [("cuts", "jobs", -1)]),
        ("A sharp rise in the number of bankruptcies", [("rise", "bankruptcies", -1)]),
        ("Central bank lowers interest rates", [("lowers", "interest", 1)]),
        # comparatives and determiners reach a short way
        ("Higher prices hit shoppers", [("Higher", "prices", -1)]),
        ("More jobs for young people", [("More", "jobs", 1)]),
        ("Fewer customers in the shops", [("Fewer", "customers", -1)]),
        # a price named after an asset moves with the asset
        ("Share prices rise", [("rise", "Share prices", 1)]),
        ("Food prices rise", [("rise", "prices", -1)]),
        # two quantities, each with its own direction, the nearer one wins
        ("Exports fell and imports rose", [("fell", "Exports", -1)]),
        ("Wages rise as unemployment falls", [("rise", "Wages", 1), ("falls", "unemployment", 1)]),
        # a direction word on the way counts as a word, so a superlative reaches past it
        ("Unemployment falls to its lowest level", [("falls", "Unemployment", 1), ("lowest", "Unemployment", 1)]),
        # traps: no quantity, a quantity too far away, or across a clause boundary
        ("Temperatures rise across the country", []),
        ("Taxes were a topic when the committee finally rose", []),
        ("Inflation was high, then the river rose", []),
        ("Exports fell, imports rose", [("fell,", "Exports", -1)]),
        # a compound's head is its last word
        ("The cabinet cuts income taxes", [("cuts", "income taxes", 1)]),
        ("Tax revenue grew", [("grew", "Tax revenue", 1)]),
        # a known limit: "price" alone is what people pay, so a rising one is bad news, whatever it buys
        ("The price of the painting rose", [("rose", "price", -1)]),
    ],
)
def test_direction_cues(sentence: str, cues: list[tuple[str, str, int]]) -> None:
    assert cue_words(sentence) == cues


def test_rewrite_replaces_directions_with_cues_and_masks_quantities() -> None:
    assert rewrite("Unemployment falls!") == f"{QUANTITY_MASK} {GOOD_NEWS_CUE}!"
    assert rewrite("Factories shed jobs.") == f"Factories {BAD_NEWS_CUE} {QUANTITY_MASK}."
    assert rewrite("The weather was fine.") == "The weather was fine."


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Unemployment falls for the third month in a row", 1),
        ("Exports fell sharply in March", -1),
        ("The government cuts income taxes", 1),
        ("The steelmaker cuts 500 jobs", -1),
        ("Consumer confidence improves", 1),
        ("Growth slows down", -1),
        ("Fears of a recession ease", 1),
        ("Budget deficit narrows", 1),
        ("Inflation rises, but wages rise faster", 1),  # VADER's "but": the end weighs more
        # negation: VADER's rules apply to the cues
        ("Unemployment did not fall last year", -1),
        ("No further cuts to pensions", 1),
        # economic tone words VADER lacks
        ("Economy in recovery", 1),
        ("Wave of bankruptcies in retail", -1),
        # neutral reports
        ("The finance minister meets his counterparts in Brussels", 0),
        ("Parliament debates the budget on Thursday", 0),
    ],
)
def test_sentence_polarity_sign(sentence: str, sign: int) -> None:
    (score,) = get_engine("economy").score([sentence]).sentences
    assert (score.polarity > 0) - (score.polarity < 0) == sign


@pytest.mark.parametrize(
    ("sentence", "vader_sign"),
    [
        ("Unemployment falls", -1),  # VADER: "unemployment" is a bad word
        ("The government cuts taxes", -1),  # VADER: "cuts" is a bad word
        ("Growth slows down", 1),  # VADER: "growth" is a good word
    ],
)
def test_it_reads_direction_where_vader_reads_words(sentence: str, vader_sign: int) -> None:
    (vader,) = get_engine("vader").score([sentence]).sentences
    (economy,) = get_engine("economy").score([sentence]).sentences
    assert (vader.polarity > 0) - (vader.polarity < 0) == vader_sign
    assert (economy.polarity > 0) - (economy.polarity < 0) == -vader_sign


def test_the_vocabulary_is_consistent() -> None:
    assert not GOOD_WHEN_MORE & BAD_WHEN_MORE  # a quantity is good or bad when it grows, not both
    assert not set(DIRECTIONS) & (GOOD_WHEN_MORE | BAD_WHEN_MORE)  # a word is a direction or a quantity
    assert all(word == word.lower() for word in [*DIRECTIONS, *GOOD_WHEN_MORE, *BAD_WHEN_MORE, *TONE_WORDS])
    assert all(-4 <= valence <= 4 and valence for valence in TONE_WORDS.values())  # VADER's scale


def test_neutral_band_keeps_one_rule_cue_and_drops_one_mild_word() -> None:
    engine = get_engine("economy")
    (cue,) = engine.score(["Exports rise"]).sentences
    (mild,) = engine.score(["The plan is fine"]).sentences  # VADER: "fine" 0.8
    assert abs(cue.polarity) > engine.neutral_band
    assert 0 < mild.polarity  # (a toned word, just over the band: the band is close to it)
