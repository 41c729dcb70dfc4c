"""The long (article, topic) view of the frame's nested `topic_scores` column."""

from __future__ import annotations

import math

import pandas as pd

TOPIC_TABLE_COLUMNS = ("article_id", "topic", "hits", "score", "tagged", "polarity", "n_sentences")


def topic_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, topic): hits, score per 1,000 words, tagged, and the mean polarity of
    the sentences that mention the topic (NaN when none do)."""
    rows = [
        (
            article_id,
            score["key"],
            int(score["hits"]),
            float(score["score"]),
            bool(score["tagged"]),
            math.nan if score.get("polarity") is None else float(score["polarity"]),
            len(score.get("sentences") or ()),
        )
        for article_id, scores in zip(frame["article_id"], frame["topic_scores"], strict=True)
        for score in scores
    ]
    table = pd.DataFrame(rows, columns=list(TOPIC_TABLE_COLUMNS))
    return table.astype(
        {
            "article_id": "string",
            "topic": "string",
            "hits": "int64",
            "score": "float64",
            "tagged": "bool",
            "polarity": "float64",
            "n_sentences": "int64",
        }
    )


# Flat per-topic columns: what the dashboard's aggregations read, so they never walk the nested
# topic_scores records (slow at 100k articles; the store-backed frame does not even load them).
def tagged_column(key: str) -> str:
    return f"topic:{key}"


def polarity_column(key: str) -> str:
    return f"topic_polarity:{key}"


def with_topic_columns(frame: pd.DataFrame, keys: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """`frame` plus, for each topic key, a bool column (tagged) and a float column (mean polarity
    of the sentences mentioning the topic, NaN when none). Columns already there are kept."""
    missing = [k for k in keys if tagged_column(k) not in frame.columns or polarity_column(k) not in frame.columns]
    if not missing:
        return frame
    frame = frame.copy()
    for key in missing:
        frame[tagged_column(key)] = frame["topics"].map(lambda topics, key=key: key in topics).astype(bool)
        frame[polarity_column(key)] = (
            frame["topic_scores"]
            .map(
                lambda scores, key=key: next(
                    (
                        math.nan if s.get("polarity") is None else float(s["polarity"])
                        for s in scores
                        if s["key"] == key
                    ),
                    math.nan,
                )
            )
            .astype("float64")
        )
    return frame
