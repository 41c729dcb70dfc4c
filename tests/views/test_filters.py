"""lib/views/filters.py: each sidebar filter declared once, its pandas mask and its phrase (its SQL
is checked against pandas in tests/views/test_warehouse.py)."""

from datetime import date

import duckdb
import pytest
from frames import make_frame

from lib.views.filters import FILTERS, describe, filter_articles, where_clause
from lib.views.state import DEFAULTS, ViewState

LABELS = {"tariffs": "Tariffs", "trade": "Trade", "security": "Security"}


def test_every_filtering_field_is_declared_by_one_filter():
    """A field changed from its default sets exactly one filter (or none: a page option)."""
    changed = {
        "date_from": date(2024, 1, 1),
        "date_to": date(2024, 2, 1),
        "topics": ("trade",),
        "pms": ("Ishiba",),
        "outlets": ("Kyodo",),
        "polarity_min": -0.5,
        "polarity_max": 0.5,
        "search": "steel",
    }
    for name, value in changed.items():
        state = ViewState(**{name: value})
        assert [f.name for f in FILTERS if f.is_set(state)] != [], name
        assert sum(f.is_set(state) for f in FILTERS) == 1, name
    assert not any(f.is_set(ViewState()) for f in FILTERS)
    assert set(changed) <= set(DEFAULTS)


# --- filtering ------------------------------------------------------------------------------


@pytest.fixture
def articles():
    return make_frame(
        [
            dict(
                title="Tariff talks",
                text="Tariffs on cars (25%) loom.",
                topics=["tariffs"],
                pm="Ishiba",
                outlet="Nikkei",
                published="2025-01-01",
                polarity=-0.4,
            ),
            dict(
                title="Alliance",
                text="The security treaty holds.",
                topics=["security"],
                pm="Kishida",
                outlet="Kyodo",
                published="2024-06-30 18:00",
                polarity=0.3,
            ),
            dict(
                title="Trade deal",
                text="A trade deal on chips.",
                topics=["trade", "tariffs"],
                pm="Ishiba",
                outlet="",
                published="2025-12-31 23:59",
                polarity=0.1,
            ),
            dict(
                title="Undated",
                text="Ishiba said security matters.",
                topics=["security"],
                pm="Ishiba",
                pm_basis="text",
                published=None,
                polarity=0.0,
            ),
            dict(title="Old", text="Nothing tagged.", topics=[], pm="", published="2019-05-01", polarity=0.9),
        ]
    )


@pytest.mark.parametrize(
    ("state", "expected_ids"),
    [
        (ViewState(), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), ["a0", "a2", "a3"]),
        (
            ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), include_undated=False),
            ["a0", "a2"],
        ),
        (ViewState(date_to=date(2024, 6, 30), include_undated=False), ["a1", "a4"]),
        (ViewState(include_undated=False), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(topics=("tariffs",)), ["a0", "a2"]),
        (ViewState(topics=("trade", "security")), ["a1", "a2", "a3"]),
        (ViewState(topics=("nonexistent",)), []),
        (ViewState(pms=("Ishiba",)), ["a0", "a2", "a3"]),
        (ViewState(outlets=("Kyodo", "Nikkei")), ["a0", "a1"]),
        (ViewState(polarity_min=0.0, polarity_max=0.3), ["a1", "a2", "a3"]),
        (ViewState(search="TREATY"), ["a1"]),
        (ViewState(search="trade deal"), ["a2"]),
        (ViewState(search="(25%)"), ["a0"]),
        (ViewState(search=".*"), []),
        (ViewState(search="   "), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(topics=("security",), pms=("Ishiba",)), ["a3"]),
    ],
)
def test_filter_articles(articles, state, expected_ids):
    assert list(filter_articles(articles, state)["article_id"]) == expected_ids


def test_filter_articles_on_an_empty_frame():
    assert filter_articles(make_frame([]), ViewState(search="x", topics=("trade",))).empty


# --- describing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "shown", "total", "sentence"),
    [
        (ViewState(), 5, 5, "All 5 articles"),
        (ViewState(granularity="year", smoothing=3), 5, 5, "All 5 articles"),
        (ViewState(), 1, 1, "The only article"),
        (ViewState(), 0, 0, "No articles loaded"),
        (
            ViewState(
                topics=("tariffs",),
                pms=("Ishiba",),
                date_from=date(2025, 1, 1),
                date_to=date(2025, 12, 31),
                include_undated=False,
            ),
            38,
            412,
            "38 of 412 articles: Tariffs, Ishiba, 2025-01-01 to 2025-12-31 (undated articles left out)",
        ),
        (
            ViewState(topics=("tariffs", "trade", "custom")),
            7,
            10,
            "7 of 10 articles: Tariffs or Trade or custom",
        ),
        (
            ViewState(date_from=date(2024, 1, 1)),
            3,
            10,
            "3 of 10 articles: from 2024-01-01 (undated articles included)",
        ),
        (
            ViewState(date_to=date(2024, 1, 1), include_undated=False),
            3,
            10,
            "3 of 10 articles: up to 2024-01-01 (undated articles left out)",
        ),
        (
            ViewState(search=" deal ", polarity_min=-0.25, polarity_max=0.5),
            2,
            10,
            '2 of 10 articles: polarity -0.25 to 0.5, containing "deal"',
        ),
        (ViewState(outlets=("Kyodo", "Nikkei")), 4, 10, "4 of 10 articles: Kyodo or Nikkei"),
        (ViewState(), 4, 10, "4 of 10 articles"),
    ],
)
def test_describe(state, shown, total, sentence):
    assert describe(state, shown, total, LABELS) == sentence


# --- counting each story once -----------------------------------------------------------------


@pytest.fixture
def syndicated():
    """One wire story (w0) reprinted twice (w1 by another outlet earlier in the frame but later in
    time, w2 undated), a story of its own (own), and an article with no story_id (loose)."""
    return make_frame(
        [
            dict(article_id="w1", outlet="Harbour Post", published="2025-03-04", story_id="w0", polarity=0.2),
            dict(article_id="own", outlet="Harbour Post", published="2025-03-05", story_id="own"),
            dict(article_id="w0", outlet="Pacific Wire", published="2025-03-02", story_id="w0", polarity=-0.2),
            dict(article_id="w2", outlet="Gazette", story_id="w0"),
            dict(article_id="loose", outlet="Gazette", published="2025-03-01"),
        ]
    )


@pytest.mark.parametrize(
    ("state", "expected_ids"),
    [
        (ViewState(), ["own", "w0", "loose"]),  # frame order; the wire story by its original
        (ViewState(dedup=False), ["w1", "own", "w0", "w2", "loose"]),
        # The original ran elsewhere: the story still counts once, by its copy that passes.
        (ViewState(outlets=("Harbour Post",)), ["w1", "own"]),
        (ViewState(outlets=("Gazette",)), ["w2", "loose"]),
        # Dated copies before undated ones; the earliest passing date represents the story.
        (ViewState(date_from=date(2025, 3, 3)), ["w1", "own"]),
        (ViewState(date_from=date(2025, 3, 3), include_undated=False), ["w1", "own"]),
        (ViewState(polarity_min=0.1), ["w1"]),
    ],
)
def test_each_story_counts_once_by_its_earliest_passing_copy(syndicated, state, expected_ids):
    assert list(filter_articles(syndicated, state)["article_id"]) == expected_ids


def test_without_story_ids_every_copy_counts(syndicated):
    assert len(filter_articles(syndicated.drop(columns="story_id"), ViewState())) == 5


@pytest.mark.parametrize("state", [ViewState(), ViewState(outlets=("Gazette",)), ViewState(pms=("Abe",))])
def test_sql_counts_each_story_once_as_pandas_does(syndicated, state):
    """where_clause over a table with the frame's rows in `position` order keeps the same rows."""
    table = syndicated[["article_id", "outlet", "published", "story_id", "polarity", "pm"]].assign(
        position=range(len(syndicated)), published=syndicated["published"].dt.date
    )
    where, params = where_clause(state, stories=True)
    connection = duckdb.connect()
    connection.register("frame", table)
    connection.execute("CREATE TABLE articles AS SELECT * FROM frame")
    kept = connection.execute(f"SELECT article_id FROM articles WHERE {where} ORDER BY position", params).fetchall()
    assert [row[0] for row in kept] == list(filter_articles(syndicated, state)["article_id"])


@pytest.mark.parametrize(
    ("state", "shown", "reprints", "stories", "expected"),
    [
        (ViewState(), 3, 2, True, "All 5 articles, each story counted once (2 reprints set aside)"),
        (ViewState(), 5, 0, True, "All 5 articles"),  # no copies: nothing to say
        (ViewState(dedup=False), 5, 0, True, "All 5 articles, every copy of a story counted"),
        (
            ViewState(outlets=("Gazette",)),
            1,
            1,
            True,
            "1 of 5 articles: Gazette, each story counted once (1 reprint set aside)",
        ),
        (ViewState(), 5, 0, False, "All 5 articles"),  # not grouped: the sidebar says so, not every caption
        (ViewState(dedup=False), 5, 0, False, "All 5 articles"),
    ],
)
def test_the_sentence_says_how_copies_are_counted(state, shown, reprints, stories, expected):
    assert describe(state, shown, 5, LABELS, reprints=reprints, stories=stories) == expected
