"""Streamlit glue shared by every page: the loaded corpus, the view state and its URL, the
sidebar filters, and one way to draw a figure. Computation stays in lib/."""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import Corpus, load_corpus
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_frame import article_records, texts_for
from lib.reference.taxonomy import Taxonomy, default_taxonomy
from lib.schema.topic_table import with_topic_columns
from lib.views.aggregate import articles_table, pm_order
from lib.views.charts import chart_config
from lib.views.filters import describe
from lib.views.sources import ArticleSource, Facets, FrameSource, Selection
from lib.views.state import ViewState
from lib.views.warehouse import Warehouse

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "seeds"
STORE_ENV = "ALLIANCE_LENS_STORE"
VIEW_KEY = "view"
OWN_CORPUS_KEY = "own_corpus"  # this visitor's corpus (upload, alone or added to the sample)
EMPTY_RESULT = (
    "No articles match these filters. Widen the date range, clear a topic, prime minister or "
    "outlet, or empty the search box in the sidebar."
)


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


# --- view state: one object in the session, mirrored in the URL ------------------------------


def current_view() -> ViewState:
    """The view, read from the URL on a session's first run, then kept in the session: Streamlit
    clears the query string on page switches, so the session is the source of truth."""
    if VIEW_KEY not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[VIEW_KEY] = ViewState.from_query(params)
    return st.session_state[VIEW_KEY]


def update_view(**changes) -> ViewState:
    """Change the view and mirror it into the URL at once, so every page keeps the link current
    (Streamlit clears the query string when the visitor switches page)."""
    view = replace(current_view(), **changes)
    st.session_state[VIEW_KEY] = view
    write_url(view)
    return view


def write_url(view: ViewState) -> None:
    """Mirror the view into the query string (only when it differs, to avoid extra reruns)."""
    target = view.to_query()
    current = {key: st.query_params.get(key) for key in st.query_params}
    if current != target:
        st.query_params.from_dict(target)


def share_url(view: ViewState) -> str:
    base = (st.context.url or "").split("?", 1)[0]
    query = urlencode(view.to_query())
    return f"{base}?{query}" if query else base


def bound_widget(widget, key: str, field: str, *, to_widget=lambda v: v, from_widget=lambda v: v, **kwargs):
    """Render `widget` keyed `key` showing the view's `field`; a change updates the view.

    The view, not the widget, is the source of truth: the widget is seeded from it on every
    run (Streamlit drops widget state on a page switch), and its on_change callback writes the
    visitor's change into the view before the script reruns.
    """
    return bound_multi_widget(
        widget,
        key,
        to_widget=lambda view: to_widget(getattr(view, field)),
        to_view=lambda value: {field: from_widget(value)},
        **kwargs,
    )


def bound_multi_widget(widget, key: str, *, to_widget, to_view, **kwargs):
    """Like bound_widget, for a widget that carries several fields (`to_view` returns them)."""

    def on_change() -> None:
        changes = to_view(st.session_state[key])
        if changes is not None:
            update_view(**changes)

    st.session_state[key] = to_widget(current_view())
    return widget(key=key, on_change=on_change, **kwargs)


# --- sidebar filters --------------------------------------------------------------------------


def _date_filter(facets: Facets) -> None:
    bounds = facets.date_range
    if bounds is None:
        st.caption("No dated articles: the date filter is off.")
        return
    low, high = bounds
    view = current_view()

    def to_view(picked) -> dict | None:
        # While the visitor is picking, the range has one end only: wait for the second.
        if not isinstance(picked, (tuple, list)) or len(picked) != 2:
            return None
        start, end = picked
        # The corpus's own range is "no filter", so a link stays short and survives new data.
        return {"date_from": None if start <= low else start, "date_to": None if end >= high else end}

    bound_multi_widget(
        st.date_input,
        "f_dates",
        label="Published between",
        to_widget=lambda v: (v.date_from or low, v.date_to or high),
        to_view=to_view,
        min_value=min(low, view.date_from or low),
        max_value=max(high, view.date_to or high),
        format="YYYY-MM-DD",
    )
    if view.date_from or view.date_to:
        bound_widget(
            st.checkbox,
            "f_undated",
            "include_undated",
            label="Keep undated articles",
            help="Articles with no date cannot be placed in a date range; tick to keep them anyway.",
        )


def sidebar_filters(facets: Facets) -> ViewState:
    """The filters every page shares; returns the updated view."""
    labels = taxonomy().labels()
    with st.sidebar:
        st.header("Filters")
        _date_filter(facets)
        bound_widget(
            st.multiselect,
            "f_topics",
            "topics",
            label="Topics (any of)",
            options=list(labels),
            format_func=labels.get,
            to_widget=list,
            from_widget=tuple,
            placeholder="All topics",
        )
        pms = pm_order(set(facets.pms) | set(current_view().pms))
        bound_widget(
            st.multiselect,
            "f_pms",
            "pms",
            label="Prime ministers",
            options=pms,
            to_widget=list,
            from_widget=tuple,
            placeholder="All prime ministers",
        )
        outlets = sorted(set(facets.outlets) | set(current_view().outlets))
        bound_widget(
            st.multiselect,
            "f_outlets",
            "outlets",
            label="Outlets",
            options=outlets,
            to_widget=list,
            from_widget=tuple,
            placeholder="All outlets",
        )
        bound_multi_widget(
            st.slider,
            "f_polarity",
            label="Article polarity",
            min_value=-1.0,
            max_value=1.0,
            step=0.05,
            help="TextBlob polarity of the whole article: -1 negative, +1 positive.",
            to_widget=lambda v: (v.polarity_min, v.polarity_max),
            to_view=lambda value: {"polarity_min": value[0], "polarity_max": value[1]},
        )
        bound_widget(st.text_input, "f_search", "search", label="Search titles and text", placeholder="e.g. Tomahawk")
        with st.expander("Share this view"):
            st.caption("Copy this link: it opens the dashboard with these filters and options.")
            st.code(share_url(current_view()), language=None, wrap_lines=True)
    return current_view()


# --- page furniture ---------------------------------------------------------------------------

_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]()<>#|~!])")


def markdown_safe(text: str) -> str:
    """Text that may hold visitor input (a search term from a shared link, an outlet, a title)
    made inert for st.caption / st.warning: markdown characters escaped, and an invisible word
    joiner put inside "://" and "www." so the renderer does not turn addresses into links."""
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", str(text))
    return escaped.replace("://", ":\u2060//").replace("www.", "www\u2060.")


PAGE_FAILED = (
    "Something went wrong while drawing this page ({error}). Your data and filters are unchanged: "
    "try clearing a filter in the sidebar or opening another page; if it keeps happening, reload "
    "the page. The details are in the server log."
)


@contextmanager
def friendly_errors():
    """Every page body runs inside this: a failure becomes a message saying what to do, logged
    with its traceback for the operator, never shown to the visitor. (st.stop and st.rerun are
    BaseExceptions and pass through.)"""
    try:
        yield
    except Exception as error:
        logging.getLogger("alliance_lens").exception("page failed")
        st.error(PAGE_FAILED.format(error=type(error).__name__))


def describe_view(view: ViewState, shown: int, total: int) -> str:
    return markdown_safe(describe(view, shown, total, taxonomy().labels()))


def page_header(title: str, view: ViewState, shown: int, total: int) -> None:
    st.title(title)
    st.caption(describe_view(view, shown, total))


NAVIGATION = (
    ("dashboard.py", "Overview"),
    ("pages/1_Themes_over_time.py", "Themes over time"),
    ("pages/2_By_prime_minister.py", "By prime minister"),
    ("pages/3_Articles.py", "Articles"),
    ("pages/4_Data.py", "Data"),
    ("pages/5_About.py", "About / method"),
)


def navigation() -> None:
    """Our own page list: Streamlit's would name the overview after its file, "dashboard"."""
    with st.sidebar:
        for page, label in NAVIGATION:
            st.page_link(page, label=label)
        st.divider()


def begin_page(title: str, *, browser_title: str | None = None) -> tuple[ArticleSource, Selection]:
    """What every page starts with: config, the shared filters, the URL, the title and the
    sentence saying what is shown. Returns the articles loaded and those the view selects."""
    st.set_page_config(page_title=f"{browser_title or title} · Alliance Lens", layout="wide")
    navigation()
    source = active_source()
    view = sidebar_filters(source.facets())
    write_url(view)  # a page switch cleared the query string: put the view back
    shown = source.select(view)
    page_header(title, view, len(shown), source.n_total)
    return source, shown


def show_figure(fig: go.Figure, *, key: str | None = None, selectable: bool = False, filename: str = "alliance-lens"):
    """Every chart goes through here: same config, PNG download, optional click selection."""
    return st.plotly_chart(
        fig,
        config=chart_config(filename),
        key=key,
        width="stretch",
        on_select="rerun" if selectable else "ignore",
        selection_mode=("points",) if selectable else ("points", "box", "lasso"),
    )


def article_list(frame: pd.DataFrame, **kwargs):
    """The one way articles are listed: readable headers, dates as days, "undated" said."""
    table = articles_table(frame, taxonomy().labels())
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("undated")
    return st.dataframe(
        table.drop(columns=["article_id"]),
        hide_index=True,
        width="stretch",
        column_config={
            "title": st.column_config.TextColumn("Title", width="large"),
            "outlet": st.column_config.TextColumn("Outlet"),
            "published": st.column_config.TextColumn("Published"),
            "pm": st.column_config.TextColumn("Prime minister"),
            "topics": st.column_config.TextColumn("Topics", width="medium"),
            "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"),
        },
        **kwargs,
    ), table


def nothing_to_show(selection: Selection) -> bool:
    """Say so plainly when the filters leave no articles. Pages return early rather than
    st.stop(), so the entry script still writes the view to the URL."""
    if len(selection) == 0:
        st.info(EMPTY_RESULT)
        return True
    return False
