"""The dashboard's read model of an analysis store: a slim article frame without texts, and the
texts fetched on demand (one article, a search, keyword-in-context).

A store of 100,000 articles holds about half a gigabyte of text; the slim frame keeps only what
filters and charts need (tens of megabytes), so the app fits a small hosted instance.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.pipeline.store import TAG_SCHEMA, ArticleStore, base_to_record
from lib.pipeline.store_stories import covering_story_ids
from lib.reference.taxonomy import Taxonomy
from lib.schema.columns import COLUMNS
from lib.schema.topic_table import polarity_column, tagged_column

# Frame columns the slim frame leaves out: long texts and per-article evidence.
HEAVY_COLUMNS = ("text", "topic_scores", "furniture_removed")
SLIM_BASE_COLUMNS = [c.name for c in COLUMNS if c.stage == "base" and c.name not in HEAVY_COLUMNS]
PART_COLUMN = "store_part"  # which base part holds the article's text
TAG_PART_COLUMN = "store_tag_part"  # which tags part holds its topic evidence


def retag_missing(store: ArticleStore, taxonomy: Taxonomy) -> int:
    """Tag, from stored sentences and their polarity, every base row that has no tags for this
    taxonomy yet (a taxonomy edit re-tags without scoring sentiment again). Returns how many."""
    keys = store.known_keys()
    tagged = set()
    for part in store.parts(store.tags_dir(taxonomy.fingerprint)):
        table = store.read_part(part, ["input_key"])
        if table is not None:
            tagged.update(table.column("input_key").to_pylist())
    missing = keys - tagged
    if missing:
        store.retag(store.read_base(missing), taxonomy)
    return len(missing)


def _read_parts(store: ArticleStore, folder: Path, columns: list[str], part_column: str) -> pa.Table | None:
    tables = []
    for part in store.parts(folder):
        table = store.read_part(part, columns)
        if table is not None:
            tables.append(table.append_column(part_column, pa.array([part.name] * len(table), pa.string())))
    return pa.concat_tables(tables, promote_options="default") if tables else None


def open_store_frame(store: ArticleStore, taxonomy: Taxonomy) -> pd.DataFrame:
    """The slim article frame of a store, tagged with `taxonomy` (re-tagging if needed)."""
    retag_missing(store, taxonomy)
    base = _read_parts(store, store.base_dir, ["input_key", "engine_key", *SLIM_BASE_COLUMNS], PART_COLUMN)
    flags = [tagged_column(k) for k in taxonomy.keys] + [polarity_column(k) for k in taxonomy.keys]
    tags = _read_parts(store, store.tags_dir(taxonomy.fingerprint), ["input_key", "topics", *flags], TAG_PART_COLUMN)
    if base is None or tags is None:
        raise ValueError(
            f"{store.root}: the store holds no readable analysis; run `python -m lib analyze ... --store {store.root}`"
        )
    base = base.filter(pc.equal(base.column("engine_key"), store.engine_key))
    frame = base.to_pandas().merge(
        tags.to_pandas().drop_duplicates("input_key", keep="last"),
        on="input_key",
        how="inner",
    )
    # Later parts win for a re-analysed input; then one row per article, in source order.
    frame = frame.drop_duplicates("input_key", keep="last").sort_values("source", kind="stable")
    frame = frame.drop_duplicates("article_id", keep="first").reset_index(drop=True)
    story_ids = covering_story_ids(store, frame["article_id"])
    if story_ids is not None:
        frame["story_id"] = story_ids
    return with_slim_dtypes(frame.drop(columns=["engine_key"]))


def with_slim_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Slim rows as read from Parquet (here or by lib.views.warehouse) with the frame's declared
    dtypes: dates as datetime64, lists as lists, text as pandas strings."""
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    for column in ("topics", "pms_mentioned", "warnings"):
        frame[column] = frame[column].map(lambda v: list(v) if v is not None else [])
    for column in SLIM_BASE_COLUMNS:
        dtype = next(c.dtype for c in COLUMNS if c.name == column)
        if dtype in ("string", "int64", "float64"):
            frame[column] = frame[column].astype(dtype)
    return frame


def article_records(
    store: ArticleStore, slim: pd.DataFrame, article_ids: list[str], taxonomy: Taxonomy
) -> pd.DataFrame:
    """Full rows (text, topic evidence, furniture) for a few articles, read from their own parts."""
    wanted = slim[slim["article_id"].isin(article_ids)]
    bases: dict[str, dict] = {}
    for part, rows in wanted.groupby(PART_COLUMN):
        table = store.read_part(store.base_dir / part)
        if table is not None:
            hits = table.filter(pc.is_in(table.column("input_key"), pa.array(rows["input_key"].tolist())))
            bases.update((row["input_key"], base_to_record(row)) for row in hits.to_pylist())
    tags: dict[str, dict] = {}
    for part, rows in wanted.groupby(TAG_PART_COLUMN):
        table = store.read_part(store.tags_dir(taxonomy.fingerprint) / part, list(TAG_SCHEMA.names))
        if table is not None:
            hits = table.filter(pc.is_in(table.column("input_key"), pa.array(rows["input_key"].tolist())))
            tags.update(
                (row["input_key"], {"topics": list(row["topics"]), "topic_scores": json.loads(row["topic_scores"])})
                for row in hits.to_pylist()
            )
    records = [
        {**bases[k], **tags.get(k, {"topics": [], "topic_scores": []})} for k in wanted["input_key"] if k in bases
    ]
    if not records:
        return pd.DataFrame(columns=[c.name for c in COLUMNS])
    full = pd.DataFrame(records)
    full["published"] = pd.to_datetime(full["published"]).astype("datetime64[ns]")
    return full


def search_store(store: ArticleStore, term: str, *, regex: bool = False) -> set[str]:
    """Ids of the articles whose title or text contains `term` (case-insensitive, literally),
    or with `regex`, matches the RE2 pattern `term` (which carries its own flags), scanning one
    part at a time so memory stays at one part's texts."""
    found: set[str] = set()
    for part in store.parts(store.base_dir):
        table = store.read_part(part, ["article_id", "title", "text"])
        if table is None:
            continue
        if regex:
            hit = pc.or_(
                pc.match_substring_regex(table.column("title"), term),
                pc.match_substring_regex(table.column("text"), term),
            )
        else:
            hit = pc.or_(
                pc.match_substring(table.column("title"), term, ignore_case=True),
                pc.match_substring(table.column("text"), term, ignore_case=True),
            )
        found.update(table.filter(hit).column("article_id").to_pylist())
    return found


def texts_for(store: ArticleStore, slim: pd.DataFrame, article_ids: list[str], limit: int) -> pd.DataFrame:
    """article_id, title, text for up to `limit` of the given articles (for keyword in context)."""
    wanted = slim[slim["article_id"].isin(article_ids)].head(limit)
    frames = []
    for part, rows in wanted.groupby(PART_COLUMN):
        table = store.read_part(store.base_dir / part, ["article_id", "title", "text"])
        if table is not None:
            wanted_here = pc.is_in(table.column("article_id"), pa.array(rows["article_id"].tolist()))
            frames.append(table.filter(wanted_here).to_pandas())
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "title", "text"])
