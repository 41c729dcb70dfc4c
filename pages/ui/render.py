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


def show_svg_chart(svg: str) -> None:
    """A chart drawn as SVG by lib.views.svg_charts (every text in it escaped), shown as an image:
    it needs no chart library, so it shows before plotly has loaded, and as an image it cannot
    run or link anything (st.html would strip the SVG)."""
    st.image(svg, width="stretch")


# Column widths in px, chosen so the whole row fits the wide layout's main column on a laptop
# (~900 px): topics and polarity are never cut off, the title gets what is left. The full title
# is the heading of the article opened below the table.
ARTICLE_COLUMN_WIDTHS = {
    "title": 220,
    "published": 88,
    "pm": 80,
    "topics": 210,
    "polarity": 64,
    "outlet": 80,
    "source": 130,
}


def article_list(frame: pd.DataFrame, *, marked: str = "", **kwargs):
    """The one way articles are listed: readable headers, dates as days, "undated" said, the
    source file named, and the article `marked` (opened from a link) shown selected."""
    table = articles_table(frame, taxonomy().labels())
    widths = ARTICLE_COLUMN_WIDTHS
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("undated")
    if marked and kwargs.get("on_select", "ignore") != "ignore":
        rows = table.index[table["article_id"] == marked].tolist()
        kwargs["selection_default"] = {"selection": {"rows": rows[:1]}}
    return st.dataframe(
        table.drop(columns=["article_id"]),
        hide_index=True,
        width="stretch",
        column_config={
            "title": st.column_config.TextColumn("Title", width=widths["title"]),
            "published": st.column_config.TextColumn("Published", width=widths["published"]),
            "pm": st.column_config.TextColumn("PM", width=widths["pm"], help="Prime minister"),
            "topics": st.column_config.TextColumn("Topics", width=widths["topics"]),
            "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f", width=widths["polarity"]),
            "outlet": st.column_config.TextColumn("Outlet", width=widths["outlet"]),
            "source": st.column_config.TextColumn(
                "Source file", width=widths["source"], help="The file (or archive member, or table row) read"
            ),
        },
        **kwargs,
    ), table


KWIC_CONTEXT_WIDTH = 320  # px: both contexts, the keyword and a short title fit the wide layout


def concordance(lines: pd.DataFrame):
    """Keyword in context as a concordance: the left context right-aligned against the keyword
    (bold, centred), the right context after it, the article last. Plain table cells: article text
    is never rendered as markup."""
    table = lines.drop(columns=["article_id"])
    styled = table.style.set_properties(subset=["match"], **{"font-weight": "bold"})
    return st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        column_order=["left", "match", "right", "title"],
        column_config={
            "left": st.column_config.TextColumn("Before", width=KWIC_CONTEXT_WIDTH, alignment="right"),
            "match": st.column_config.TextColumn("Keyword", width="small", alignment="center"),
            "right": st.column_config.TextColumn("After", width=KWIC_CONTEXT_WIDTH, alignment="left"),
            "title": st.column_config.TextColumn("Article", width="small"),
        },
    )


def _number_column(label: str, kind: str):
    config = st.column_config
    return {
        "text": lambda: config.TextColumn(label),
        "count": lambda: config.NumberColumn(label, format="%d"),
        "share": lambda: config.NumberColumn(label, format="percent"),
        "polarity": lambda: config.NumberColumn(label, format="%+.2f"),
        "rate": lambda: config.NumberColumn(label, format="%.1f"),
        "flag": lambda: config.CheckboxColumn(label),
    }[kind]()


def numbers_table(frame: pd.DataFrame, display: tuple[tuple[str, str, str], ...]):
    """A table of figures for people: the columns `display` names (column, label, kind), each
    labelled and written as its kind says (lib.views.aggregate declares the displays)."""
    return st.dataframe(
        frame[[column for column, _label, _kind in display]],
        hide_index=True,
        width="stretch",
        placeholder="–",  # no figure (no tagged article to take a polarity from)
        column_config={column: _number_column(label, kind) for column, label, kind in display},
    )
