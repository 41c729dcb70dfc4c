"""By prime minister: topic shares and tone per PM, with the n and an interval behind each."""

from datetime import date

import streamlit as st

from lib.stats import THIN_N
from lib.views.aggregate import TONE_MEASURES, pm_topic_display
from lib.views.charts import pm_counts_bar, pm_share_bars, pm_topic_heatmap
from lib.views.validated import with_validated_range
from pages import ui

with ui.friendly_errors():
    corpus, shown = ui.begin_page("By prime minister")

    options = st.columns(2)
    with options[0]:
        ui.bound_widget(
            st.toggle,
            "o_per100",
            "pm_normalise",
            label="Counts per 100 days in office",
            help="Terms differ in length (Suga one year, Abe nearly eight): normalise counts "
            "by the days each PM was in office.",
        )
    with options[1]:
        ui.bound_widget(
            st.selectbox,
            "o_pm_tone",
            "pm_tone",
            label="Tone measure",
            options=list(TONE_MEASURES),
            format_func=lambda key: TONE_MEASURES[key].axis,
            help="Mean polarity of the topic's sentences, or over the articles tagged with the topic: net tone "
            "(share of positive minus negative sentences), the share of positive or of negative sentences.",
        )

    if not ui.nothing_to_show(shown):
        view = ui.current_view()
        keys = list(view.topics) or list(ui.taxonomy().keys)
        today = date.today()
        # Shares over the articles the other filters keep: the topic filter picks the topics.
        table = corpus.select(view.across_topics()).pm_topic_table(keys, today, view.pm_tone)
        counts = shown.pm_counts(today)
        n_without_pm = shown.n_without_pm()
        st.caption(
            f"Undated articles count here when the text names the sitting PM. Figures from fewer than "
            f"{THIN_N} articles are marked † (thin). Intervals are 95%: Wilson for shares, Student t "
            f"for mean tone." + (f" {n_without_pm} article(s) have no PM and are left out." if n_without_pm else "")
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
                    pm_topic_heatmap(table, ui.taxonomy(), measure=view.pm_tone, tone=ui.tone_label()),
                    filename=f"pm-topic-{view.pm_tone.replace('_', '-')}",
                )
            validation = ui.loaded_validation()
            ui.show_figure(
                pm_share_bars(with_validated_range(table, validation) if validation else table, ui.taxonomy()),
                filename="pm-topic-share-intervals",
            )
            if validation:
                ui.validated_note(validation)
            with st.expander("The numbers behind the charts"):
                labels = ui.taxonomy().labels()
                display = table.assign(topic=table["topic"].map(labels))
                ui.numbers_table(display, pm_topic_display(view.pm_tone))
