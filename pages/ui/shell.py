"""What every page starts with and runs inside: config, navigation, filters, title, the sentence
saying what is shown, and the guard that turns a failure into a message."""

from __future__ import annotations

import logging
from contextlib import contextmanager

import streamlit as st

from lib.views.filters import describe
from lib.views.sources import ArticleSource, Selection
from lib.views.state import ViewState
from pages.ui.links import check_link_corpus, link_notices
from pages.ui.render import markdown_safe
from pages.ui.sidebar import ignored_link_notice, sidebar_filters
from pages.ui.sources import active_source, taxonomy, tone_label
from pages.ui.view import current_view, write_url

EMPTY_RESULT = (
    "No articles match these filters. Widen the date range, clear a topic, prime minister or "
    "outlet, or empty the search box in the sidebar."
)


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


def describe_view(view: ViewState, shown: int, total: int, *, reprints: int = 0, stories: bool = True) -> str:
    return markdown_safe(describe(view, shown, total, taxonomy().labels(), reprints=reprints, stories=stories))


def page_header(
    title: str, view: ViewState, shown: int, total: int, *, reprints: int = 0, stories: bool = True
) -> None:
    st.title(title)
    # Every figure of tone depends on the engine: the header always names it.
    caption = describe_view(view, shown, total, reprints=reprints, stories=stories)
    st.caption(caption + markdown_safe(f" · tone by {tone_label()}"))


NAVIGATION = (
    ("dashboard.py", "Overview"),
    ("pages/1_Themes_over_time.py", "Themes over time"),
    ("pages/2_By_prime_minister.py", "By prime minister"),
    ("pages/3_Articles.py", "Articles"),
    ("pages/4_Data.py", "Data"),
    ("pages/6_Validate.py", "Validate"),
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
    check_link_corpus(current_view(), source)
    view = sidebar_filters(source.facets())
    write_url(view)  # a page switch cleared the query string: put the view back
    shown = source.select(view)
    page_header(title, view, len(shown), source.n_total, reprints=shown.reprints, stories=source.facets().stories)
    link_notices(view, source.n_total)
    ignored_link_notice()  # values of the link these articles do not have, named
    if source.store_problems:
        # On every page, before any early return for an empty view: a store whose parts are all
        # damaged shows no articles, and this says why.
        st.warning(
            f"{len(source.store_problems)} part(s) of the analysis store could not be read; their articles "
            "are left out until `python -m lib analyze SOURCES --store DIR` analyses them again."
        )
    return source, shown


def nothing_to_show(selection: Selection) -> bool:
    """Say so plainly when the filters leave no articles. Pages return early rather than
    st.stop(), so the entry script still writes the view to the URL."""
    if len(selection) == 0:
        st.info(EMPTY_RESULT)
        return True
    return False
