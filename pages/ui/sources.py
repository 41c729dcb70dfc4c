"""Where a page's articles come from: the configured store, the bundled sample, or the visitor's
own corpus (kept in their session only), with the caching that belongs to each."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import Corpus, load_corpus
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_frame import article_records, texts_for
from lib.reference.taxonomy import Taxonomy, default_taxonomy
from lib.schema.topic_table import with_topic_columns
from lib.views.sources import ArticleSource, FrameSource, Selection
from lib.views.warehouse import Warehouse

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "seeds"
STORE_ENV = "ALLIANCE_LENS_STORE"
OWN_CORPUS_KEY = "own_corpus"  # this visitor's corpus (upload, alone or added to the sample)


@st.cache_data(show_spinner="Analysing the sample articles…")
def sample_corpus() -> Corpus:
    corpus = load_corpus(SAMPLE_DIR)
    corpus.frame = with_topic_columns(corpus.frame, taxonomy().keys)
    # Show "seeds/000_....txt", not where the server keeps the repository.
    corpus.frame["source"] = corpus.frame["source"].str.replace(str(SAMPLE_DIR.parent) + os.sep, "", regex=False)
    return corpus


def taxonomy() -> Taxonomy:
    return default_taxonomy()


def configured_store() -> ArticleStore | None:
    """The analysis store named by ALLIANCE_LENS_STORE (built with `python -m lib analyze
    ... --store DIR`), or None to show the sample articles."""
    path = os.environ.get(STORE_ENV, "").strip()
    return ArticleStore(path, get_engine()) if path else None


# cache_resource, not cache_data: the warehouse is the same read-only data for every visitor
# (one DuckDB table; each query takes its own cursor). The store holds no visitor's upload.
@st.cache_resource(show_spinner="Opening the analysis store…", max_entries=1)
def _store_warehouse(path: str, fingerprint: str, version: tuple[int, int]) -> Warehouse:
    return Warehouse(ArticleStore(path, get_engine()), taxonomy())


def base_source() -> ArticleSource:
    """What every visitor starts from: the configured store, else the bundled sample."""
    store = configured_store()
    if store is None:
        return FrameSource.of(sample_corpus())
    # The store's version is in the key: a store that grew is opened again.
    fingerprint = taxonomy().fingerprint
    return _store_warehouse(str(store.root), fingerprint, store.version(fingerprint))


def active_source() -> ArticleSource:
    """The visitor's own corpus if they loaded one (kept in their session only), else the base."""
    own = st.session_state.get(OWN_CORPUS_KEY)
    return FrameSource.of(own) if own is not None else base_source()


def full_articles(selection: Selection, article_ids: list[str]) -> pd.DataFrame:
    """The articles with their texts and evidence, from the frame or, when the rows hold no
    texts (a store), from their store parts on demand."""
    rows = selection.with_ids(article_ids)
    if "text" in rows.columns:
        return rows
    return article_records(configured_store(), rows, article_ids, taxonomy())


def article_texts(selection: Selection, limit: int) -> pd.DataFrame:
    """article_id, title and text of up to `limit` of the selected articles (keyword in context)."""
    rows = selection.rows(limit)
    if "text" in rows.columns:
        return rows
    return texts_for(configured_store(), rows, rows["article_id"].tolist(), limit)


def using_sample() -> bool:
    return OWN_CORPUS_KEY not in st.session_state and configured_store() is None
