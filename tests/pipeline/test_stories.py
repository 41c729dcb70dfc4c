"""Near-duplicate grouping: reprints of one story share a story_id, other stories do not."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.pipeline.stories import normalised_words, story_groups, with_stories

# Invented stories, all on one invented event, written for these tests.
HARBOUR_WIRE = (
    "Officials from Tokyo and Washington met on Tuesday in the port city of Yokosuka to settle how the two"
    " allies will share the cost of dredging a new berth for supply ships. The talks ran for six hours and"
    " ended with a draft that both delegations called workable but unfinished. A spokesperson for the"
    " Japanese defence ministry said the berth would let larger vessels dock without waiting for the tide,"
    " which has delayed deliveries twice this winter. The American side asked for the work to begin before"
    " the rainy season, while Japanese negotiators pressed for an environmental survey of the bay first."
    " Local fishing cooperatives have warned that dredging could disturb the spawning grounds of several"
    " species, and the mayor has asked both governments to publish the survey in full. Analysts said the"
    " compromise reflects a wider pattern in which Tokyo accepts a larger share of costs in exchange for a"
    " say in the timetable. A second round of talks is expected next month, when the budget committee of"
    " the Diet will also review the spending plan line by line."
)
HARBOUR_OTHER_PAPER = (
    "Negotiators for Japan and the United States spent Tuesday in Yokosuka arguing over a berth. The mayor"
    " of the port city, who has sided with fishermen worried about the bay, told reporters she had not been"
    " consulted about the timetable. Her office released a letter asking for an independent review of any"
    " dredging plan. Ministry officials in Tokyo declined to say how much the berth would cost, but a person"
    " familiar with the budget said the figure had doubled since last year. Supply ships have been waiting"
    " offshore for high tide, a problem sailors describe as routine. The defence ministry said the tide"
    " delays had not affected readiness. Opposition lawmakers plan to question the minister about the"
    " agreement when the Diet committee meets, and some have called for the talks to be held in public."
)
MARKETS_STORY = (
    "Shares of Japanese shipbuilders rose on Wednesday after investors bet that a new naval supply berth"
    " would bring maintenance contracts to yards along the coast. Traders in Tokyo said the gains were"
    " modest and could fade if the budget committee trims the plan. The yen was little changed against the"
    " dollar, and government bond yields edged higher ahead of an auction later in the week. One fund"
    " manager said the market had already priced in most of the spending announced this year."
)


def _trimmed(text: str, keep: float) -> str:
    words = text.split()
    return " ".join(words[: int(len(words) * keep)])


BOILERPLATE_TOP = "Sign up for our morning briefing. Follow us on social media for the latest updates."
BOILERPLATE_BOTTOM = (
    "Copyright 2025 the news service. All rights reserved. This material may not be published, broadcast,"
    " rewritten or redistributed. Read more stories like this in our world section."
)

REPRINTS = {
    "other headline line": "Allies haggle over berth costs\n\n" + HARBOUR_WIRE,
    "trimmed ending": _trimmed(HARBOUR_WIRE, 0.6),
    "heavily trimmed": _trimmed(HARBOUR_WIRE, 0.45),
    "added boilerplate": f"{BOILERPLATE_TOP}\n\n{HARBOUR_WIRE}\n\n{BOILERPLATE_BOTTOM}",
    "trimmed and boilerplate": f"{BOILERPLATE_TOP}\n\n{_trimmed(HARBOUR_WIRE, 0.6)}\n\n{BOILERPLATE_BOTTOM}",
    "case and punctuation": HARBOUR_WIRE.upper().replace(",", "").replace(".", " —"),
    "typographic quotes and a dateline": "YOKOSUKA, Japan (Wire) — " + HARBOUR_WIRE.replace("'", "\u2019"),
}


@pytest.mark.parametrize("variant", list(REPRINTS))
def test_a_reprint_joins_its_original(variant):
    assert story_groups([HARBOUR_WIRE, REPRINTS[variant]]) == [0, 0]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (HARBOUR_WIRE, HARBOUR_OTHER_PAPER),  # same event, own reporting: names and places shared
        (HARBOUR_WIRE, MARKETS_STORY),  # a related story on another angle
        (HARBOUR_OTHER_PAPER, MARKETS_STORY),
        (HARBOUR_WIRE, "Tokyo and Washington met on Tuesday."),  # too short to judge: its own story
        (HARBOUR_WIRE, ""),
    ],
)
def test_different_stories_stay_apart(first, second):
    assert story_groups([first, second]) == [0, 1]


def test_groups_are_transitive_and_rooted_at_the_first_input():
    texts = [
        MARKETS_STORY,
        REPRINTS["trimmed ending"],
        HARBOUR_OTHER_PAPER,
        HARBOUR_WIRE,
        REPRINTS["added boilerplate"],
    ]
    assert story_groups(texts) == [0, 1, 2, 1, 1]


def test_no_texts():
    assert story_groups([]) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Japan's BERTH, dredged.", ["japan", "s", "berth", "dredged"]),
        ("日米首脳", ["日", "米", "首", "脳"]),  # no spaces between words: one character each
        ("G7 in 2025_x", ["g7", "in", "2025", "x"]),
    ],
)
def test_normalised_words(text, words):
    assert normalised_words(text) == words


def _frame(rows):
    return pd.DataFrame(
        {
            "article_id": pd.Series([r[0] for r in rows], dtype="string"),
            "published": pd.to_datetime([r[1] for r in rows]),
            "text": pd.Series([r[2] for r in rows], dtype="string"),
        }
    )


def test_the_first_published_copy_is_the_original():
    frame = _frame(
        [
            ("reprint", "2025-03-05", REPRINTS["added boilerplate"]),
            ("undated", None, REPRINTS["trimmed ending"]),
            ("wire", "2025-03-04", HARBOUR_WIRE),
            ("markets", "2025-03-05", MARKETS_STORY),
        ]
    )
    assert with_stories(frame)["story_id"].tolist() == ["wire", "wire", "wire", "markets"]


def test_undated_copies_take_the_first_in_input_order():
    frame = _frame([("b", None, REPRINTS["trimmed ending"]), ("a", None, HARBOUR_WIRE)])
    assert with_stories(frame)["story_id"].tolist() == ["b", "b"]


def test_a_frame_without_texts_makes_each_article_its_own_story():
    frame = pd.DataFrame({"article_id": pd.Series(["x", "y"], dtype="string")})
    assert with_stories(frame)["story_id"].tolist() == ["x", "y"]


def _invented_story(rng, words: list[str], n_words: int = 45) -> str:
    return " ".join(rng.choice(words) for _ in range(n_words)) + "."


LONG_BOILERPLATE = " ".join([BOILERPLATE_TOP, BOILERPLATE_BOTTOM] * 2)


def test_boilerplate_many_texts_share_does_not_join_their_stories():
    """Sixty short pieces from one outlet, each half boilerplate: they share more boilerplate than
    story with one another, yet stay apart; a reprint among them still joins its original."""
    import random

    rng = random.Random(11)
    words = [f"{a}{b}" for a in ("ka", "to", "mi", "re", "su", "no", "ha", "yu") for b in ("ra", "te", "so", "lo")]
    pieces = [f"{_invented_story(rng, words)}\n\n{LONG_BOILERPLATE}" for _ in range(60)]
    texts = [HARBOUR_WIRE, *pieces, REPRINTS["trimmed and boilerplate"]]
    groups = story_groups(texts)
    assert groups[1:61] == list(range(1, 61))
    assert groups[61] == 0


def test_a_story_reprinted_more_widely_than_the_boilerplate_bar_is_still_one_story():
    copies = [f"Edition {n}\n\n{HARBOUR_WIRE}" for n in range(70)]
    assert set(story_groups([*copies, MARKETS_STORY])) == {0, 70}
