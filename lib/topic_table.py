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
        {"article_id": "string", "topic": "string", "hits": "int64", "score": "float64",
         "tagged": "bool", "polarity": "float64", "n_sentences": "int64"}
    )
