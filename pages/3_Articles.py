"""Articles: a searchable, sortable table; one article read with its evidence; KWIC."""

import html

import streamlit as st

from lib.views.highlight import highlight_html
from lib.views.kwic import kwic
from pages import ui

KWIC_ARTICLES = 5_000  # texts read for keyword in context: bounded, for very large corpora
LISTED_ARTICLES = 5_000  # rows sent to the browser's table: a million would stall the page

with ui.friendly_errors():
    corpus, shown = ui.begin_page("Articles")

    def show_article(article) -> None:
        # Titles and outlets are the visitor's (or a scraped page's) text: never markdown.
        st.html(f'<h3 class="article-title">{html.escape(article["title"])}</h3>')
        published = article["published"]
        facts = st.columns(4)
        facts[0].metric("Published", f"{published:%Y-%m-%d}" if published == published else "undated")
        facts[1].metric("Prime minister", article["pm"] or "unknown")
        facts[2].metric("Polarity", f"{article['polarity']:+.2f}")
        facts[3].metric("Words", int(article["n_words"]))
        st.caption(
            ui.markdown_safe(
                f"Outlet: {article['outlet'] or 'unknown'} · Source: {article['source']} · "
                f"Date from: {article['date_basis']}"
                + (f" ({article['date_evidence']})" if article["date_evidence"] else "")
                + f" · PM from: {article['pm_basis']} · PMs named in the text: "
                + (", ".join(article["pms_mentioned"]) or "none")
            )
        )
        for warning in article["warnings"]:
            st.warning(ui.markdown_safe(warning))
        text_tab, evidence_tab, furniture_tab = st.tabs(["Text", "Topic evidence", "Removed furniture"])
        with text_tab:
            st.html(highlight_html(article["text"], ui.taxonomy()))
        with evidence_tab:
            labels = ui.taxonomy().labels()
            for score in article["topic_scores"]:
                verdict = "tagged" if score["tagged"] else "not tagged"
                polarity = "" if score["polarity"] is None else f", sentence polarity {score['polarity']:+.2f}"
                with st.expander(
                    f"{labels.get(score['key'], score['key'])}: {score['hits']} mention(s), {verdict}{polarity}"
                ):
                    st.caption("Terms: " + (", ".join(score["terms"]) or "none"))
                    if score["sentences"]:
                        st.dataframe(
                            [{"sentence": s["text"], "polarity": round(s["polarity"], 3)} for s in score["sentences"]],
                            hide_index=True,
                            width="stretch",
                        )
        with furniture_tab:
            if article["furniture_removed"]:
                st.dataframe({"removed line": list(article["furniture_removed"])}, hide_index=True, width="stretch")
            else:
                st.caption("Nothing was removed.")

    if not ui.nothing_to_show(shown):
        if len(shown) > LISTED_ARTICLES:
            st.caption(
                f"Listing the first {LISTED_ARTICLES:,} of {len(shown):,} articles (in source order); "
                "narrow the filters or search to see others."
            )
        event, table = ui.article_list(
            shown.rows(LISTED_ARTICLES), on_select="rerun", selection_mode="single-row", key="articles_table"
        )
        rows = event.selection.rows if event else []
        if rows:
            ui.update_view(article=str(table.iloc[rows[0]]["article_id"]))
        article_id = ui.current_view().article
        selected = ui.full_articles(shown, [article_id]) if article_id else None
        if selected is None or selected.empty:
            st.caption("Select a row to read the article with its topic terms highlighted.")
        else:
            show_article(selected.iloc[0])

        st.divider()
        st.subheader("Keyword in context")
        term = ui.bound_widget(st.text_input, "o_kwic", "kwic", label="Term", placeholder="e.g. alliance")
        if term.strip():
            lines = kwic(ui.article_texts(shown, KWIC_ARTICLES), term.strip())
            st.caption(ui.markdown_safe(f"{len(lines)} occurrence(s) of “{term.strip()}” in the filtered articles."))
            st.dataframe(
                lines.drop(columns=["article_id"]),
                hide_index=True,
                width="stretch",
                column_config={
                    "left": st.column_config.TextColumn(width="large"),
                    "right": st.column_config.TextColumn(width="large"),
                },
            )
