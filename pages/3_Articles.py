"""Articles: a searchable, sortable table; one article read with its evidence; KWIC."""

from dataclasses import replace

import streamlit as st

from lib.views.copies import story_copies
from lib.views.evidence import selected_id
from lib.views.kwic import kwic
from lib.views.matching import MATCHING_RULE
from pages import ui

KWIC_ARTICLES = 5_000  # texts read for keyword in context: bounded, for very large corpora
LISTED_ARTICLES = 5_000  # rows sent to the browser's table: a million would stall the page
TABLE_KEY = "articles_table"


def occurrences(n: int) -> str:
    return "1 occurrence" if n == 1 else f"{n:,} occurrences"


with ui.friendly_errors():
    corpus, shown = ui.begin_page("Articles")

    if not ui.nothing_to_show(shown):
        if len(shown) > LISTED_ARTICLES:
            st.caption(
                f"Listing the first {LISTED_ARTICLES:,} of {len(shown):,} articles (in source order); "
                "narrow the filters or search to see others."
            )
        listed = shown.rows(LISTED_ARTICLES)
        listed_ids = list(listed["article_id"])
        # One table per listing: a row ticked in another listing (before a search) must not show
        # as ticked here, where row 0 is another article (a click would untick it).
        table_key = f"{TABLE_KEY}_{hash(tuple(listed_ids)) & 0xFFFFFFFF:08x}"

        def open_selected() -> None:
            # Runs before the next script run, so the sidebar's share link already holds the
            # article (read after the run, it was one step behind).
            rows = st.session_state[table_key]["selection"]["rows"]
            picked = selected_id(listed_ids, rows)
            if picked:
                ui.update_view(article=picked)

        ui.article_list(
            listed,
            marked=ui.current_view().article,
            on_select=open_selected,
            selection_mode="single-row",
            key=table_key,
        )
        article_id = ui.current_view().article
        selected = ui.full_articles(shown, [article_id]) if article_id else None
        if selected is not None and selected.empty and ui.current_view().dedup:
            # A reprint (from a link, or counted under its story's earlier copy) still opens.
            selected = ui.full_articles(corpus.select(replace(ui.current_view(), dedup=False)), [article_id])
        if selected is None or selected.empty:
            st.caption("Select a row to read the article with its topic terms highlighted.")
        else:
            ui.show_article(selected.iloc[0])
            ui.show_copies(story_copies(corpus.story_of(article_id), article_id), grouped=corpus.facets().stories)

        st.divider()
        st.subheader("Keyword in context")
        term = ui.bound_widget(
            st.text_input, "o_kwic", "kwic", label="Term", placeholder="e.g. alliance", help=MATCHING_RULE
        )
        if term.strip():
            lines = kwic(ui.article_texts(shown, KWIC_ARTICLES), term.strip())
            st.caption(
                ui.markdown_safe(f"{occurrences(len(lines))} of “{term.strip()}” in the filtered articles. ")
                + "Word forms count: “tariff” also finds tariffs."
            )
            if not lines.empty:
                ui.concordance(lines)
