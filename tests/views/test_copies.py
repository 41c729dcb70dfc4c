"""lib/views/copies.py: the copies of an opened article's story, original first."""

from __future__ import annotations

import pytest
from frames import make_frame

from lib.views.copies import COPY_COLUMNS, story_copies, story_rows


@pytest.fixture
def articles():
    """A wire story (w0) with two reprints, one undated; a story of its own; a row without a story_id."""
    return make_frame(
        [
            dict(article_id="w1", title="Berth deal near", outlet="Harbour Post", published="2025-03-04",
                 source="post/1.html", story_id="w0"),
            dict(article_id="own", title="Fishing co-ops object", outlet="Harbour Post", published="2025-03-05",
                 source="post/2.html", story_id="own"),
            dict(article_id="w0", title="Allies agree berth costs", outlet="Pacific Wire", published="2025-03-02",
                 source="wire/9.txt", story_id="w0"),
            dict(article_id="w2", title="Berth costs shared", outlet="Gazette", source="gazette.csv", story_id="w0"),
            dict(article_id="loose", title="Yen steady", outlet="Gazette", published="2025-03-01"),
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("opened", "expected"),
    [
        ("w1", ["w1", "w0", "w2"]),  # frame order
        ("w2", ["w1", "w0", "w2"]),
        ("own", ["own"]),
        ("loose", ["loose"]),  # no story_id: a story of its own
        ("missing", []),
    ],
)
def test_story_rows_are_the_same_storys_rows(articles, opened, expected):
    assert list(story_rows(articles, opened)["article_id"]) == expected


def test_without_a_story_column_each_article_is_alone(articles):
    assert list(story_rows(articles.drop(columns="story_id"), "w1")["article_id"]) == ["w1"]


def test_copies_list_the_original_first_then_reprints_by_date(articles):
    copies = story_copies(story_rows(articles, "w2"), "w2")
    assert list(copies.columns) == list(COPY_COLUMNS)
    assert copies[["article_id", "role", "outlet", "opened"]].values.tolist() == [
        ["w0", "original", "Pacific Wire", False],
        ["w1", "reprint", "Harbour Post", False],
        ["w2", "reprint", "Gazette", True],  # undated: last
    ]
    assert copies["title"].tolist()[0] == "Allies agree berth costs"
    assert copies["source"].tolist() == ["wire/9.txt", "post/1.html", "gazette.csv"]


@pytest.mark.parametrize("opened", ["own", "loose", "missing"])
def test_an_article_without_copies_lists_none(articles, opened):
    copies = story_copies(story_rows(articles, opened), opened)
    assert copies.empty and list(copies.columns) == list(COPY_COLUMNS)


def test_a_story_whose_original_was_left_out_still_lists_its_copies(articles):
    """Rows of a story whose original is not among them (not loaded): no row is called original."""
    rows = story_rows(articles, "w1")
    copies = story_copies(rows[rows["article_id"] != "w0"], "w1")
    assert copies["role"].tolist() == ["reprint", "reprint"]
