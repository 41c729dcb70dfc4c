"""By prime minister: topic shares and tone per PM, with the n and an interval behind each."""

from datetime import date

import streamlit as st

from lib.stats import THIN_N
from lib.views.aggregate import PM_TOPIC_DISPLAY
from lib.views.charts import pm_counts_bar, pm_share_bars, pm_topic_heatmap
from pages import ui

with ui.friendly_errors():
    corpus, shown = ui.begin_page("By prime minister")

    ui.bound_widget(
        st.toggle,
        "o_per100",
        "pm_normalise",
        label="Counts per 100 days in office",
        help="Terms differ in length (Suga one year, Abe nearly eight): normalise counts "
        "by the days each PM was in office.",
    )

    if not ui.nothing_to_show(shown):
        view = ui.current_view()
        keys = list(view.topics) or list(ui.taxonomy().keys)
        today = date.today()
        # Shares over the articles the other filters keep: the topic filter picks the topics.
        table = corpus.select(view.across_topics()).pm_topic_table(keys, today)
        counts = shown.pm_counts(today)
        n_without_pm = shown.n_without_pm()
        st.caption(
            f"Undated articles count here when the text names the sitting PM. Figures from fewer than "
            f"{THIN_N} articles are marked † (thin). Intervals are 95%: Wilson for shares, Student t "
            f"for mean polarity." + (f" {n_without_pm} article(s) have no PM and are left out." if n_without_pm else "")
        )
        if table.empty:
            st.info("None of these articles can be placed under a prime minister.")
        else:
            ui.show_figure(pm_counts_bar(counts, per_100_days=view.pm_normalise), filename="articles-per-pm")
            left, right = st.columns(2)
            with left:
                ui.show_figure(pm_topic_heatmap(table, ui.taxonomy(), measure="share"), filename="pm-topic-share")
            with right:
                ui.show_figure(
                    pm_topic_heatmap(table, ui.taxonomy(), measure="polarity", tone=ui.tone_label()),
                    filename="pm-topic-polarity",
                )
            ui.show_figure(pm_share_bars(table, ui.taxonomy()), filename="pm-topic-share-intervals")
            with st.expander("The numbers behind the charts"):
                labels = ui.taxonomy().labels()
                display = table.assign(topic=table["topic"].map(labels))
                ui.numbers_table(display, PM_TOPIC_DISPLAY)
