"""One way to draw each kind of thing: figures, article lists, text that may hold visitor input."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.views.aggregate import articles_table
from lib.views.charts import chart_config
from pages.ui.sources import taxonomy

_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]()<>#|~!$])")  # $ starts LaTeX in Streamlit
# ":name:" and ":material/name:" render as emoji and icons: a word joiner after the colon stops it.
_SHORTCODE_START = re.compile(r":(?=[\w/-])")


def markdown_safe(text: str) -> str:
    """Text that may hold visitor input (a search term from a shared link, an outlet, a title)
    made inert for st.caption / st.warning: markdown and LaTeX characters escaped, and an
    invisible word joiner put after a colon that could open an emoji or icon code and inside
    "www." so the renderer turns neither into icons nor links."""
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", str(text))
    return _SHORTCODE_START.sub(":\u2060", escaped).replace("www.", "www\u2060.")


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
