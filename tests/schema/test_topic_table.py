"""lib/schema/topic_table.py: the long (article, topic) view and the flat per-topic columns."""

import math

from frames import make_frame, score

from lib.schema.topic_table import TOPIC_TABLE_COLUMNS, polarity_column, tagged_column, topic_table, with_topic_columns


def frame():
    return make_frame(
        [
            dict(topics=["trade"], topic_scores=[score("trade", 0.25, hits=3), score("tariffs", None, tagged=False)]),
            dict(topics=[], topic_scores=[score("trade", None, tagged=False, hits=0)]),
        ]
    )


def test_topic_table_has_one_row_per_article_and_topic() -> None:
    table = topic_table(frame())
    assert list(table.columns) == list(TOPIC_TABLE_COLUMNS)
    assert list(zip(table["article_id"], table["topic"], table["hits"], table["tagged"], strict=True)) == [
        ("a0", "trade", 3, True),
        ("a0", "tariffs", 1, False),
        ("a1", "trade", 0, False),
    ]
    assert table["polarity"].iloc[0] == 0.25 and math.isnan(table["polarity"].iloc[1])


def test_with_topic_columns_adds_a_flag_and_a_polarity_per_topic() -> None:
    flat = with_topic_columns(frame(), ("trade", "tariffs"))
    assert list(flat[tagged_column("trade")]) == [True, False]
    assert list(flat[tagged_column("tariffs")]) == [False, False]
    assert flat[polarity_column("trade")].iloc[0] == 0.25
    assert math.isnan(flat[polarity_column("tariffs")].iloc[0])
    assert with_topic_columns(flat, ("trade",)) is flat  # nothing missing: the same frame back
