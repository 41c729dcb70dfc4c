"""The store's slim frame equals the in-memory frame on every column it keeps, and texts come
back on demand."""

from __future__ import annotations

import pandas as pd

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import load_corpus
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_frame import HEAVY_COLUMNS, article_records, open_store_frame, search_store, texts_for
from lib.reference.taxonomy import default_taxonomy
from lib.schema.topic_table import with_topic_columns
from tests.conftest import SEEDS


def _store(tmp_path):
    load_corpus(SEEDS, store=tmp_path / "store")
    return ArticleStore(tmp_path / "store", get_engine())


def test_the_slim_frame_matches_the_full_frame_without_texts(tmp_path):
    store = _store(tmp_path)
    taxonomy = default_taxonomy()
    slim = open_store_frame(store, taxonomy)
    full = with_topic_columns(load_corpus(SEEDS).frame, taxonomy.keys)
    assert not set(HEAVY_COLUMNS) & set(slim.columns)
    shared = [c for c in full.columns if c in slim.columns]
    pd.testing.assert_frame_equal(slim[shared].reset_index(drop=True), full[shared].reset_index(drop=True))


def test_an_article_text_is_read_on_demand(tmp_path):
    store = _store(tmp_path)
    taxonomy = default_taxonomy()
    slim = open_store_frame(store, taxonomy)
    wanted = slim[slim["source"].str.contains("004")]["article_id"].tolist()
    full = article_records(store, slim, wanted, taxonomy)
    assert len(full) == 1
    assert full.iloc[0]["text"].startswith("Tokyo, Nov. 6 (Jiji Press)")
    assert {s["key"] for s in full.iloc[0]["topic_scores"]} == set(taxonomy.keys)


def test_search_and_texts_read_part_by_part(tmp_path):
    store = _store(tmp_path)
    slim = open_store_frame(store, default_taxonomy())
    hits = search_store(store, "tomahawk")
    assert len(hits) == 1
    texts = texts_for(store, slim, list(hits), limit=10)
    assert "Tomahawk" in texts.iloc[0]["text"]


def test_a_new_taxonomy_is_applied_from_stored_sentences(tmp_path):
    from lib.reference.taxonomy import DEFAULT_TAXONOMY_PATH, load_taxonomy

    store = _store(tmp_path)
    edited = tmp_path / "t.toml"
    edited.write_text(
        DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8") + '\n[[topic]]\nkey = "chips"\nterms = ["semiconductor*"]\n',
        encoding="utf-8",
    )
    slim = open_store_frame(store, load_taxonomy(edited))
    assert slim["topic:chips"].sum() == 1
