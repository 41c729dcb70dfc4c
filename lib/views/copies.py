"""The copies of one story: which articles are near copies of the one a reader opened, and which
of them is the original (the first-published copy, whose article_id is the story's story_id)."""

from __future__ import annotations

import pandas as pd

from lib.views.filters import STORY_COLUMN

# What the Articles page lists for each copy, in this order.
COPY_COLUMNS = ("role", "title", "outlet", "published", "source", "article_id", "opened")
ORIGINAL, REPRINT = "original", "reprint"


def _story_of_each(frame: pd.DataFrame) -> pd.Series:
    """Each row's story: its story_id, or itself when it has none (ungrouped data)."""
    ids = frame["article_id"].astype("string")
    if STORY_COLUMN not in frame.columns:
        return ids
    return frame[STORY_COLUMN].astype("string").fillna(ids)


def story_rows(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The rows of `frame` in the same story as `article_id` (it included), in frame order; no
    rows when `frame` does not hold it."""
    stories = _story_of_each(frame)
    story = stories[frame["article_id"] == article_id]
    if story.empty:
        return frame.iloc[:0]
    return frame[(stories == story.iloc[0]).fillna(False).to_numpy()]


def story_copies(rows: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """Every copy of the story `article_id` belongs to, given that story's rows: original first,
    then reprints by publication (undated last, ties in row order), with `opened` marking the
    article being read. Empty when the article has no other copy.

    role      title               outlet        published   source          article_id  opened
    original  Allies agree ...    Pacific Wire  2025-03-02  wire/12.txt     9f3c...     False
    reprint   Deal on berths ...  Harbour Post  2025-03-03  post/7.html     41aa...     True
    """
    if len(rows) < 2 or article_id not in set(rows["article_id"]):
        return pd.DataFrame({column: pd.Series(dtype="object") for column in COPY_COLUMNS})
    stories = _story_of_each(rows)
    copies = pd.DataFrame(
        {
            "role": (rows["article_id"].astype("string") == stories).map({True: ORIGINAL, False: REPRINT}),
            "title": rows["title"].fillna(""),
            "outlet": rows["outlet"].fillna(""),
            "published": rows["published"],
            "source": rows["source"].fillna(""),
            "article_id": rows["article_id"],
            "opened": rows["article_id"] == article_id,
            "_original_last": (rows["article_id"].astype("string") != stories).to_numpy(),
            "_position": range(len(rows)),
        }
    )
    copies = copies.sort_values(["_original_last", "published", "_position"], na_position="last", kind="stable")
    return copies[list(COPY_COLUMNS)].reset_index(drop=True)
