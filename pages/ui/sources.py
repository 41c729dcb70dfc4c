"""Where a page's articles come from: the configured store, the bundled sample, or the visitor's
own corpus (kept in their session only), with the caching that belongs to each. Each is read as
scored by the sentiment engine the view names (`tone`)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.annotate.sentiment import DEFAULT_ENGINE, ENGINE_LABELS, get_engine
from lib.pipeline.corpus import Corpus, load_corpus
from lib.pipeline.isolated import Budget, analyse_files_isolated
from lib.pipeline.parallel import AnalysisSettings
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_frame import article_records, texts_for
from lib.pipeline.store_stories import stories_stamp
from lib.reference.taxonomy import Taxonomy, default_taxonomy
from lib.schema.topic_table import with_topic_columns
from lib.views.sources import ArticleSource, FrameSource, Selection
from lib.views.warehouse import Warehouse
from pages.ui.errors import literal, upload_seconds_per_file
from pages.ui.links import published_corpus
from pages.ui.upload import UploadSession
from pages.ui.view import current_view

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "seeds"
STORE_ENV = "ALLIANCE_LENS_STORE"


@st.cache_data(show_spinner="Analysing the sample articles…")
def sample_corpus(engine: str = DEFAULT_ENGINE) -> Corpus:
    corpus = load_corpus(SAMPLE_DIR, engine=get_engine(engine))
    corpus.frame = with_topic_columns(corpus.frame, taxonomy().keys)
    # Show "seeds/000_....txt", not where the server keeps the repository.
    corpus.frame["source"] = corpus.frame["source"].str.replace(str(SAMPLE_DIR.parent) + os.sep, "", regex=False)
    return corpus


def taxonomy() -> Taxonomy:
    return default_taxonomy()


def tone_engine() -> str:
    """The sentiment engine the view asks for, if the articles can be scored by it: an analysis
    store holds only the engines it was built with, so it falls back to one it has."""
    wanted = current_view().tone
    path = os.environ.get(STORE_ENV, "").strip()
    if not path or UploadSession.existing() is not None:
        return wanted
    stored = store_engines(path)
    if wanted in stored or not stored:
        return wanted
    return DEFAULT_ENGINE if DEFAULT_ENGINE in stored else sorted(stored)[0]


def missing_tone_note() -> str | None:
    """Why the view's engine is not the one in use, with the command that would add it."""
    wanted, used = current_view().tone, tone_engine()
    if wanted == used:
        return None
    return (
        f"The analysis store holds no scores by {ENGINE_LABELS[wanted]}, so tone is shown by "
        f"{ENGINE_LABELS[used]}. To add them: `python -m lib analyze SOURCES --store DIR --sentiment {wanted}`."
    )


def tone_label() -> str:
    """How charts name the engine behind their polarity figures."""
    return ENGINE_LABELS[tone_engine()]


def configured_store(engine: str | None = None) -> ArticleStore | None:
    """The analysis store named by ALLIANCE_LENS_STORE (built with `python -m lib analyze
    ... --store DIR`), read as scored by `engine` (the view's), or None to show the sample."""
    path = os.environ.get(STORE_ENV, "").strip()
    return ArticleStore(path, get_engine(engine or tone_engine())) if path else None


@st.cache_data(ttl=60, show_spinner=False)
def store_engines(path: str) -> set[str]:
    """Engines the store holds scores by; re-read every minute, as an analyse run may add one."""
    return ArticleStore(path, get_engine()).engines_stored()


# cache_resource, not cache_data: the warehouse is the same read-only data for every visitor
# (one DuckDB table; each query takes its own cursor). The store holds no visitor's upload.
@st.cache_resource(show_spinner="Opening the analysis store…", max_entries=3)
def _store_warehouse(path: str, engine: str, fingerprint: str, version: tuple[int, int], stories: int) -> Warehouse:
    return Warehouse(ArticleStore(path, get_engine(engine)), taxonomy())


def base_source() -> ArticleSource:
    """What every visitor starts from: the configured store, else the bundled sample."""
    store = configured_store()
    if store is None:
        return FrameSource.of(sample_corpus(tone_engine()))
    # The store's version and grouping are in the key: a store that grew or was grouped again is
    # opened again.
    fingerprint = taxonomy().fingerprint
    return _store_warehouse(
        str(store.root), tone_engine(), fingerprint, store.version(fingerprint), stories_stamp(store)
    )


def analyse_upload(blobs: list[tuple[str, bytes]], engine: str) -> Corpus:
    """The visitor's files analysed in memory (never written to disk), in a worker process so the
    other visitors' pages stay quick, each file within the host's time budget; with a progress bar."""
    bar = st.progress(0.0, text=f"Scoring your articles with {ENGINE_LABELS[engine]}…")

    def progress(files_done: int, articles: int, source: str, seconds: float) -> None:
        bar.progress(
            files_done / len(blobs),
            text=f"Analysing {literal(source)}: {articles} article(s) so far, {seconds:.0f} s "
            f"(file {files_done + 1} of {len(blobs)})",
        )

    budget = Budget(seconds_per_file=upload_seconds_per_file())
    corpus = analyse_files_isolated(
        blobs, AnalysisSettings.of(taxonomy(), get_engine(engine)), budget=budget, progress=progress
    )
    bar.empty()
    return corpus


def own_corpus() -> Corpus | None:
    """The visitor's upload, alone or added to the sample, scored by the view's engine; None
    when they loaded nothing. Kept in their session only."""
    session = UploadSession.existing()
    if session is None:
        return None
    return session.own_corpus(tone_engine(), analyse_upload, sample_corpus)


def active_source() -> ArticleSource:
    """The visitor's own corpus if they loaded one (kept in their session only), else the
    published corpus the link names, else the base."""
    own = own_corpus()
    if own is not None:
        return FrameSource.of(own)
    published = published_corpus(current_view())
    return FrameSource.of(published) if published is not None else base_source()


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
    return UploadSession.existing() is None and configured_store() is None
