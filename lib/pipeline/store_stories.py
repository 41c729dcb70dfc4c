"""Stories of an analysis store: each stored article's story_id, kept beside the store's parts.

Grouping needs every text at once (lib.pipeline.stories), so it runs once at the end of a run
that analysed new articles, not when the dashboard opens the store. Texts are streamed part by
part and only their shingles are kept. The result is one Parquet file of (article_id, story_id)
written atomically; the dashboard uses it when it covers every stored article (a run killed
before grouping leaves it short, and the next run groups again).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from lib.pipeline.store import ArticleStore
from lib.pipeline.stories import originals, story_groups

STORIES_FILE = "stories.parquet"
_COLUMNS = ["input_key", "article_id", "published", "source"]


def stories_path(store: ArticleStore):
    return store.root / STORIES_FILE


def group_store_stories(store: ArticleStore) -> int:
    """Group every article the store holds into stories and write their ids; returns how many
    articles were grouped. One row per article_id (a text stored twice is one article)."""
    slim = _slim_rows(store)
    order: list[str] = []  # the article_ids in the order their texts were read

    def texts() -> Iterator[str]:
        seen: set[str] = set()
        for part in store.parts(store.base_dir):
            table = store.read_part(part, ["article_id", "text"])
            if table is None:
                continue
            for article_id, text in zip(table["article_id"].to_pylist(), table["text"].to_pylist(), strict=True):
                if article_id in slim.index and article_id not in seen:
                    seen.add(article_id)
                    order.append(article_id)
                    yield text or ""

    groups = story_groups(texts())  # part by part: only shingles are kept, never every text
    if not order:
        return 0
    # Ties between copies published the same day go to the first in source order, as listed.
    rows = pd.DataFrame({"group": groups}, index=order).join(slim, how="inner").sort_values("source", kind="stable")
    ids = originals(rows["group"].tolist(), pd.Series(rows.index, index=rows.index), rows["published"])
    table = pa.table(
        {"article_id": pa.array(list(ids.index), pa.string()), "story_id": pa.array(ids.tolist(), pa.string())}
    )
    partial = stories_path(store).with_name(STORIES_FILE + ".partial")
    pq.write_table(table, partial)
    os.replace(partial, stories_path(store))
    return len(ids)


def read_store_stories(store: ArticleStore) -> pd.Series | None:
    """article_id -> story_id as last grouped, or None when the store was never grouped or the
    file cannot be read."""
    try:
        table = pq.read_table(stories_path(store), columns=["article_id", "story_id"])
    except Exception:  # absent or damaged: the dashboard counts every copy until a run groups again
        return None
    frame = table.to_pandas()
    return pd.Series(frame["story_id"].to_numpy(), index=frame["article_id"].to_numpy())


def _slim_rows(store: ArticleStore) -> pd.DataFrame:
    """One row per current article_id (published, source), in source order: the order the
    dashboard lists them, which breaks ties between copies published the same day. As in
    lib.pipeline.store_frame, a later part wins for an input analysed again (an edited file's
    old text is no longer an article, so it must not be a story's original)."""
    frames = []
    for part in store.parts(store.base_dir):
        table = store.read_part(part, _COLUMNS)
        if table is not None:
            frames.append(table.to_pandas())
    if not frames:
        return pd.DataFrame(columns=_COLUMNS).set_index("article_id")
    rows = pd.concat(frames, ignore_index=True).drop_duplicates("input_key", keep="last")
    rows = rows.sort_values("source", kind="stable")
    return rows.drop_duplicates("article_id").set_index("article_id")


def covering_story_ids(store: ArticleStore, article_ids: pd.Series) -> pd.Series | None:
    """The story_id of each of `article_ids` (indexed like it), or None unless the store's last
    grouping covers every one of them: half-grouped articles would count some reprints twice."""
    stored = read_store_stories(store)
    if stored is None or len(article_ids) == 0:
        return None
    found = article_ids.map(stored)
    return None if found.isna().any() else found.astype("string")


def stories_stamp(store: ArticleStore) -> int:
    """Changes whenever the store is grouped again (0 when it never was): part of what a cached
    view of the store is keyed by."""
    try:
        return stories_path(store).stat().st_mtime_ns
    except OSError:
        return 0
