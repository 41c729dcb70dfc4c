"""Small synthetic article frames for tests: name only the columns a test cares about."""

from __future__ import annotations

import pandas as pd

from lib.schema.columns import build_frame

DEFAULTS: dict = {
    "source": "test.txt",
    "title": "",
    "title_basis": "metadata",
    "outlet": "",
    "url": "",
    "published": None,
    "date_basis": "none",
    "date_evidence": "",
    "pm": "",
    "pm_basis": "none",
    "pms_mentioned": [],
    "us_president": "",
    "language": "en",
    "n_words": 0,
    "polarity": 0.0,
    "subjectivity": 0.0,
    "topics": [],
    "topic_scores": [],
    "furniture_removed": [],
    "warnings": [],
    "text": "",
}


def score(key: str, polarity: float | None = None, *, tagged: bool = True, hits: int = 1) -> dict:
    """One topic_scores entry."""
    return {
        "key": key,
        "hits": hits,
        "score": float(hits),
        "tagged": tagged,
        "polarity": polarity,
        "terms": [],
        "sentences": [],
    }


def make_frame(rows: list[dict]) -> pd.DataFrame:
    """A valid article frame; ids default to a0, a1, ..., and a row's `published` string sets
    date_basis to metadata unless given. `topic_scores` defaults to one tagged entry (no
    polarity) per listed topic."""
    records = []
    for index, row in enumerate(rows):
        record = {**DEFAULTS, "article_id": f"a{index}", **row}
        if row.get("published"):
            record["published"] = pd.Timestamp(row["published"])
            if "date_basis" not in row:
                record["date_basis"] = "metadata"
        if "topic_scores" not in row:
            record["topic_scores"] = [score(key) for key in record["topics"]]
        records.append(record)
    return build_frame(records)
