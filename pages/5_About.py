"""About / method: how the figures are made and where they fall short."""

import pandas as pd
import streamlit as st

from lib.annotate.sentiment import ENGINE_LABELS
from lib.reference.tone_validity import tone_validity
from lib.reference.topic_validity import topic_validity
from lib.schema.columns import COLUMNS
from lib.stats import THIN_N
from lib.views.state import docs_table
from pages import ui

with ui.friendly_errors():
    ui.begin_page("About / method")
    st.write("How Alliance Lens reads articles, and what its figures can and cannot tell you.")

    st.markdown(
        f"""
    **Cleaning.** Text is decoded (the encoding is detected), mis-decoded characters (mojibake) are
    repaired, and site furniture is removed: menus and breadcrumbs, ad and share lines, comment
    widgets, form residue. Real sentences are never removed; every removed line is listed with the
    article.

    **Dates.** A date from the source's metadata (CSV/JSON field, HTML markup) comes first. Otherwise
    every date in the text is gathered and chosen by evidence: a labelled date ("Published on…"), a
    date at the top of the page, or a wire dateline ("Tokyo, Nov. 6 (Jiji Press)") with the year of a
    date nearby. A date at the top of a page that disagrees with the dateline is treated as a crawl
    date. An ambiguous numeric date (11/07/2024) is resolved by evidence in the same article (a
    dateline, the sitting prime minister named) and never by guessing a locale. **No date is ever
    invented**: articles without one stay undated and are left off time axes (each page says how many).

    **Prime ministers.** The PM in office on the publication date, from a tenure table (Mori to
    Takaichi). For undated articles, the sitting PM the text names ("Prime Minister Shigeru
    Ishiba"); former PMs, deputy PMs ("Taro Aso, Japan's Deputy Prime Minister") and other countries'
    leaders are never taken for the sitting one. When the date and the text disagree, the reading
    that other dates in the text support is chosen and the conflict is shown as a warning.

    **Topics.** Each topic is a list of terms, phrases and patterns in a taxonomy file (British and
    American spellings included), with exclusions ("security deposit", "defending champion") and a
    rule: the number of mentions needed. Mentions in a clause that says the topic was *not* discussed
    ("did not discuss tariffs") do not count. The score is mentions per 1,000 words.

    **Sentiment.** Polarity (−1 to +1) per article and per sentence, by the tone engine chosen in
    the sidebar (TextBlob by default; VADER; or Economy, VADER with economic-direction rules such
    as "unemployment falls" being good news). A topic's polarity is the mean over the sentences that
    mention it, so "tariff threat, warm summit" is not averaged away. Every tone figure names its engine.

    **Intervals.** Shares carry 95% Wilson intervals; mean polarities 95% Student t intervals.
    Figures from fewer than {THIN_N} articles are marked as thin.

    **Validate.** The **Validate** page lets you measure all this on your own articles: draw a
    sample stratified by topic tag and prime minister (seed and sample in the link), code it by hand,
    and see precision, recall and F1 per topic, tone accuracy per engine, date and PM accuracy, and
    each topic's share corrected for the measured errors (Rogan–Gladen) beside the raw share.
    """
    )

    st.subheader("How far to trust the topic tags")
    tagging = topic_validity()
    st.caption(
        f"Agreement with trained coders on {tagging.benchmark}: macro-F1 {tagging.macro_f1:.3f} "
        f"[{tagging.macro_f1_low:.3f}, {tagging.macro_f1_high:.3f}]. Measured with `{tagging.measured_with}`; "
        "intervals are 95%. Your own corpus may differ: measure it on the Validate page."
    )
    st.dataframe(pd.DataFrame(tagging.rows(ui.taxonomy().labels())), hide_index=True, width="stretch")

    st.subheader("How far to trust tone")
    validity = tone_validity()
    st.caption(
        f"Agreement with expert labels on {validity.benchmark}. Calling every headline neutral scores "
        f"{validity.baseline_accuracy:.3f}. Measured with `{validity.measured_with}`; intervals are 95%."
    )
    st.dataframe(pd.DataFrame(validity.rows(ENGINE_LABELS)), hide_index=True, width="stretch")

    st.subheader("Known limits")
    st.markdown(
        """
    - **No engine reads news tone well** (the table above): TextBlob, the default, is no better
      than calling everything neutral on news headlines; the best engine agrees with experts on
      about half. Read polarity as a rough relative signal between groups of articles, never as a
      verdict on one article.
    - Topic rules are keyword rules (English, with Japanese, Spanish, French and German terms):
      irony, metaphor and topics discussed without their usual words are missed. Articles in other
      languages are flagged and not tagged, and tone is scored in English only.
    - Dates from text are only as good as the page: a page with no date stays undated.
    - Per-100-days figures divide by whole days in office, not by how much of each term the corpus
      covers.
    """
    )

    st.subheader("Taxonomy in use")
    taxonomy = ui.taxonomy()
    st.caption(
        f"Version {taxonomy.version}. Download it from the Data page, edit it, and pass it to "
        "`python -m lib analyze --taxonomy FILE`."
    )
    for topic in taxonomy.topics:
        with st.expander(f"{topic.label} (`{topic.key}`): tagged at {topic.min_hits}+ mention(s)"):
            st.write(topic.description)
            st.markdown("**Terms and phrases:** " + ", ".join(f"`{t}`" for t in topic.terms + topic.phrases))
            if topic.patterns:
                st.markdown("**Patterns:** " + ", ".join(f"`{p}`" for p in topic.patterns))
            if topic.exclude:
                st.markdown("**Never counted:** " + ", ".join(f"`{e}`" for e in topic.exclude))

    with st.expander("Link parameters (what a shared link carries)"):
        st.dataframe(docs_table(), hide_index=True, width="stretch")
    with st.expander("Data dictionary (columns of the exported table)"):
        st.dataframe(
            pd.DataFrame([{"column": c.name, "type": c.dtype, "meaning": c.meaning} for c in COLUMNS]),
            hide_index=True,
            width="stretch",
        )
