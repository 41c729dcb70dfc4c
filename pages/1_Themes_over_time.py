"""Themes over time: per topic, per period, with PM and US-president terms as bands."""

import streamlit as st

from lib.views.aggregate import GRANULARITIES, MEASURES, choose_granularity
from lib.views.charts import point_selection, timeline_figure
from lib.views.state import MAX_SMOOTHING
from lib.views.validated import with_validated_range
from pages import ui

with ui.friendly_errors():
    corpus, shown = ui.begin_page("Themes over time")
    # Over the articles the other filters keep: the topic filter picks the lines drawn.
    across_topics = corpus.select(ui.current_view().across_topics())
    span = across_topics.summary(())
    automatic = choose_granularity(span["date_min"], span["date_max"], span["n_dated"])

    options = st.columns([2, 5, 2, 2])
    with options[0]:
        ui.bound_widget(
            st.selectbox,
            "o_granularity",
            "granularity",
            label="Period",
            options=["", *GRANULARITIES],
            format_func=lambda g: g.capitalize() if g else f"{automatic.capitalize()} (automatic)",
            help="Automatic picks the finest period that holds a few articles on average, "
            "so a small corpus is not drawn as a row of spikes.",
        )
    with options[1]:
        ui.bound_widget(
            st.selectbox,
            "o_measure",
            "measure",
            label="Measure",
            options=list(MEASURES),
            format_func=MEASURES.get,
            help="Counts and shares of tagged articles, or their tone as the chosen engine scores it: mean "
            "polarity of the topic's sentences, net tone (share of positive minus negative sentences), or the "
            "share of positive or of negative sentences.",
        )
    with options[2]:
        ui.bound_widget(
            st.number_input,
            "o_smoothing",
            "smoothing",
            label="Smoothing (periods)",
            min_value=1,
            max_value=MAX_SMOOTHING,
            step=1,
            help="Centred rolling mean over this many periods; 1 = none.",
        )
    with options[3]:
        ui.bound_widget(
            st.toggle,
            "o_bands",
            "show_terms",
            label="Terms",
            help="Shade the terms of Japan's prime ministers and of US presidents.",
        )

    if not ui.nothing_to_show(shown):
        view = ui.current_view()
        undated = shown.undated()
        if undated["n_undated"]:
            st.warning(undated["reason"])
        keys = list(view.topics) or list(ui.taxonomy().keys)
        granularity = view.granularity or automatic
        table = across_topics.timeline(keys, granularity, view.measure, view.smoothing)
        validation = ui.loaded_validation() if view.measure in ("count", "share") else None
        if validation:
            table = with_validated_range(table, validation)
        figure = timeline_figure(
            table,
            ui.taxonomy(),
            measure=view.measure,
            granularity=granularity,
            smoothing=view.smoothing,
            show_terms=view.show_terms,
            tone=ui.tone_label(),
        )
        event = ui.show_figure(figure, key="timeline_chart", selectable=True, filename="themes-over-time")
        if validation:
            ui.validated_note(validation, smoothed=view.smoothing > 1)
        points = (event or {}).get("selection", {}).get("points", []) if event else []
        if points:
            picked = point_selection(points[0].get("customdata", []))
            behind = shown.in_period(picked.get("topic", ""), picked.get("period", ""), granularity)
            st.subheader(f"Articles behind this point: {len(behind)}")
            label = ui.taxonomy().labels().get(picked.get("topic", ""), picked.get("topic", ""))
            st.caption(f"{label}, {picked.get('period_label', '')}")
            ui.article_list(behind)
        else:
            st.caption("Click a bar or point to list the articles behind it.")
