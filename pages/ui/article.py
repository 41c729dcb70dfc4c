"""One article, read with its evidence: the facts and where each came from, the text with topic
terms highlighted, why each topic was or was not tagged, and what cleaning removed."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from lib.views.copies import ORIGINAL
from lib.views.evidence import article_facts, topic_evidence
from lib.views.highlight import highlight_html
from pages.ui.render import markdown_safe
from pages.ui.sources import taxonomy


def show_article(article: pd.Series) -> None:
    # Titles and outlets are the visitor's (or a scraped page's) text: never markdown.
    st.html(f'<h3 class="article-title">{html.escape(article["title"])}</h3>')
    _facts(article)
    for warning in article["warnings"]:
        st.warning(markdown_safe(warning))
    text_tab, evidence_tab, furniture_tab = st.tabs(["Text", "Topic evidence", "Removed furniture"])
    with text_tab:
        st.html(highlight_html(article["text"], taxonomy()))
    with evidence_tab:
        _topic_evidence(article)
    with furniture_tab:
        _removed_furniture(article)


def _facts(article: pd.Series) -> None:
    facts = article_facts(article)
    columns = st.columns(len(facts.headline))
    for column, (label, value) in zip(columns, facts.headline, strict=True):
        column.metric(label, value)
    st.caption(markdown_safe(" · ".join(facts.provenance)))


def _topic_evidence(article: pd.Series) -> None:
    for block in topic_evidence(article["topic_scores"], taxonomy().labels()):
        with st.expander(block.heading):
            for note in block.notes:
                st.caption(markdown_safe(note))
            if block.sentences:
                st.dataframe(block.sentences, hide_index=True, width="stretch")


def _removed_furniture(article: pd.Series) -> None:
    if article["furniture_removed"]:
        st.dataframe({"removed line": list(article["furniture_removed"])}, hide_index=True, width="stretch")
    else:
        st.caption("Nothing was removed.")


def show_copies(copies: pd.DataFrame, *, grouped: bool) -> None:
    """The copies of the opened article's story (lib.views.copies.story_copies), original first."""
    st.subheader("Copies of this story")
    if not grouped:
        st.caption("These articles are not grouped into stories (an analysis store), so copies are not listed.")
        return
    if copies.empty:
        st.caption("No other loaded article is a copy of this one: it is a story of its own.")
        return
    reprints = int((copies["role"] != ORIGINAL).sum())
    st.caption(
        f"{reprints} reprint{'' if reprints == 1 else 's'} of one story: near copies of its text, under another "
        "headline, trimmed or with boilerplate added. The original is the first-published copy; counting each "
        "story once counts all of them as one article."
    )
    st.dataframe(
        copies,
        hide_index=True,
        width="stretch",
        column_order=["opened", "role", "title", "outlet", "published", "source"],
        column_config={
            "opened": st.column_config.CheckboxColumn("reading", help="The article open above."),
            "published": st.column_config.DateColumn("published", format="YYYY-MM-DD"),
        },
    )
