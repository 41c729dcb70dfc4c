import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from frames import make_frame, score

from lib.reference.taxonomy import default_taxonomy
from lib.views.aggregate import (
    articles_per_period,
    pm_counts,
    pm_topic_table,
    timeline,
)
from lib.views.charts import (
    CUSTOMDATA_FIELDS,
    THIN_MARK,
    band_labels,
    chart_config,
    draws_bars,
    outlet_country_bar,
    pm_counts_bar,
    pm_share_bars,
    pm_topic_heatmap,
    point_selection,
    polarity_histogram,
    small_timeline,
    timeline_figure,
    visible_range,
)
from lib.views.palette import pm_colour

TAXONOMY = default_taxonomy()
TODAY = date(2026, 1, 1)


@pytest.fixture
def corpus():
    rows = [
        dict(published="2024-08-05", pm="Kishida", topics=["trade"], topic_scores=[score("trade", 0.4)], polarity=0.2),
        dict(
            published="2025-01-20",
            pm="Ishiba",
            topics=["trade", "tariffs"],
            topic_scores=[score("trade", -0.1), score("tariffs", -0.3)],
            polarity=-0.1,
        ),
        dict(published="2025-03-02", pm="Ishiba", topics=["security"], polarity=0.0),
    ]
    rows += [dict(published="2025-02-01", pm="Ishiba", topics=["tariffs"])] * 5
    return make_frame(rows)


def _shape_names(fig: go.Figure) -> list[str]:
    return [shape.name for shape in fig.layout.shapes]


def test_timeline_has_one_trace_per_topic_in_taxonomy_colours(corpus):
    table = timeline(corpus, ["tariffs", "trade"], "month", "count")
    fig = timeline_figure(table, TAXONOMY, bars=False)
    colours = TAXONOMY.colours()
    assert [trace.name for trace in fig.data] == ["Trade", "Tariffs"]  # taxonomy order
    assert [trace.line.color for trace in fig.data] == [colours["trade"], colours["tariffs"]]
    assert fig.layout.template.layout.paper_bgcolor is not None
    assert fig.layout.title.text == "Articles tagged with each topic, per month"
    assert fig.layout.xaxis.title.text == "Publication date"


def test_timeline_customdata_lets_a_click_list_articles(corpus):
    table = timeline(corpus, ["trade"], "month", "count")
    trace = timeline_figure(table, TAXONOMY).data[0]
    first = point_selection(list(trace.customdata[0]))
    assert set(first) == set(CUSTOMDATA_FIELDS)
    assert first["period"] == "2024-08-01" and first["topic"] == "trade"
    assert first["n_tagged"] == 1
    assert "%{customdata[0]}" in trace.hovertemplate


def test_timeline_bands_cover_only_the_visible_range(corpus):
    fig = timeline_figure(timeline(corpus, ["trade"], "month", "count"), TAXONOMY)
    assert _shape_names(fig) == ["pm:Kishida", "pm:Ishiba", "us:Biden", "us:Trump", "handover:Ishiba"]
    kishida, ishiba = fig.layout.shapes[0], fig.layout.shapes[1]
    assert kishida.fillcolor == pm_colour("Kishida") and ishiba.fillcolor == pm_colour("Ishiba")
    assert pd.Timestamp(kishida.x0) == pd.Timestamp("2024-08-01")
    assert pd.Timestamp(ishiba.x1) == pd.Timestamp("2025-04-01")  # end of the last month
    labels = {a.name: a for a in fig.layout.annotations if (a.name or "").startswith("label:")}
    assert labels["label:pm:Ishiba"].text == "Ishiba"
    # Above the plot area, where no bar can cover it, in the PM's colour.
    assert labels["label:pm:Ishiba"].y == 1 and labels["label:pm:Ishiba"].yanchor == "bottom"
    assert labels["label:pm:Ishiba"].font.color == pm_colour("Ishiba")


def test_timeline_bands_can_be_switched_off(corpus):
    table = timeline(corpus, ["trade"], "month", "count")
    assert _shape_names(timeline_figure(table, TAXONOMY, show_terms=False)) == []


@pytest.mark.parametrize(
    ("measure", "smoothing", "title", "tick_format"),
    [
        ("share", 1, "Share of each month's articles tagged with each topic", ".0%"),
        ("polarity", 3, "Mean polarity of each topic's sentences, per month (3-month centred average)", None),
        ("negative_share", 1, "Share of negative sentences in the articles tagged with each topic, per month", ".0%"),
        (
            "net_tone",
            1,
            "Net tone of the articles tagged with each topic (share of positive minus negative sentences), per month",
            None,
        ),
    ],
)
def test_timeline_titles_follow_the_measure(corpus, measure, smoothing, title, tick_format):
    table = timeline(corpus, ["trade"], "month", measure, smoothing)
    fig = timeline_figure(table, TAXONOMY, measure=measure, smoothing=smoothing)
    assert fig.layout.title.text == title
    assert fig.layout.yaxis.tickformat == tick_format


def test_timeline_bars(corpus):
    table = timeline(corpus, ["trade", "tariffs"], "quarter", "count")
    fig = timeline_figure(table, TAXONOMY, granularity="quarter")
    assert all(isinstance(trace, go.Bar) for trace in fig.data)
    assert fig.data[1].marker.color == TAXONOMY.colours()["tariffs"]


def test_empty_timeline_says_so():
    fig = timeline_figure(timeline(make_frame([]), ["trade"]), TAXONOMY)
    assert not fig.data and "No dated articles" in fig.layout.annotations[0].text


def test_heatmap_marks_thin_cells(corpus):
    table = pm_topic_table(corpus, list(TAXONOMY.keys), TODAY)
    fig = pm_topic_heatmap(table, TAXONOMY)
    heatmap = fig.data[0]
    assert list(heatmap.y) == ["Kishida", "Ishiba"]
    assert list(heatmap.x) == list(TAXONOMY.labels().values())
    assert heatmap.text[0][1] == f"100% {THIN_MARK}"  # Kishida: 1 article
    assert heatmap.text[1][2] == "86%"  # Ishiba: 6 of 7, not thin
    assert THIN_MARK in fig.layout.annotations[0].text
    assert pm_colour("Ishiba") in fig.layout.yaxis.ticktext[1]
    assert "customdata[1]" in heatmap.hovertemplate


def test_heatmap_of_polarity(corpus):
    table = pm_topic_table(corpus, ["trade", "tariffs"], TODAY)
    heatmap = pm_topic_heatmap(table, TAXONOMY, measure="polarity").data[0]
    assert heatmap.text[1][0] == f"-0.10 {THIN_MARK}"
    assert heatmap.text[0][1] == "–"
    assert heatmap.zmid == 0


def test_heatmap_of_a_sentence_share_reads_as_a_percent_from_zero():
    frame = make_frame(
        [
            dict(published="2025-01-05", pm="Ishiba", topics=["trade"], negative_share=0.25),
            dict(published="2025-01-06", pm="Ishiba", topics=["trade"], negative_share=0.5),
        ]
    )
    table = pm_topic_table(frame, ["trade"], TODAY, "negative_share")
    fig = pm_topic_heatmap(table, TAXONOMY, measure="negative_share", tone="VADER")
    assert fig.data[0].text[0][0] == f"38% {THIN_MARK}"
    assert fig.data[0].zmin == 0 and fig.data[0].zmid is None
    assert fig.layout.title.text.startswith("Share of negative sentences in the articles tagged with each topic, by")
    assert fig.layout.title.text.endswith("tone: VADER</sup>")


def test_share_bars_have_wilson_error_bars(corpus):
    table = pm_topic_table(corpus, ["trade", "tariffs"], TODAY)
    fig = pm_share_bars(table, TAXONOMY)
    assert [trace.marker.color for trace in fig.data] == [
        TAXONOMY.colours()["trade"],
        TAXONOMY.colours()["tariffs"],
    ]
    tariffs = fig.data[1]
    ishiba = table[(table["pm"] == "Ishiba") & (table["topic"] == "tariffs")].iloc[0]
    assert tariffs.error_y.array[1] == pytest.approx(ishiba["share_high"] - ishiba["share"])
    assert tariffs.error_y.arrayminus[1] == pytest.approx(ishiba["share"] - ishiba["share_low"])
    assert list(tariffs.marker.pattern.shape) == ["/", ""]


def test_pm_counts_bar_uses_tenure_colours(corpus):
    fig = pm_counts_bar(pm_counts(corpus, TODAY), per_100_days=True)
    assert list(fig.data[0].marker.color) == [pm_colour("Kishida"), pm_colour("Ishiba")]
    assert fig.layout.title.text == "Articles per 100 days in office"


def test_small_timeline_and_histogram(corpus):
    strip = small_timeline(articles_per_period(corpus))
    assert list(strip.data[0].y) == [1, 0, 0, 0, 0, 1, 5, 1]
    histogram = polarity_histogram(corpus["polarity"])
    assert histogram.data[0].xbins.size == 0.1
    assert not polarity_histogram(pd.Series([], dtype=float)).data


@pytest.mark.parametrize(
    "figure",
    [
        lambda: pm_topic_heatmap(pm_topic_table(make_frame([]), ["trade"], TODAY), TAXONOMY),
        lambda: pm_share_bars(pm_topic_table(make_frame([]), ["trade"], TODAY), TAXONOMY),
        lambda: pm_counts_bar(pm_counts(make_frame([]), TODAY)),
        lambda: small_timeline(articles_per_period(make_frame([]))),
    ],
)
def test_empty_inputs_give_a_message_not_an_error(figure):
    fig = figure()
    assert not fig.data and fig.layout.annotations[0].text


def test_every_figure_uses_the_house_template(corpus):
    fig = timeline_figure(timeline(corpus, ["trade"]), TAXONOMY)
    assert fig.layout.template == go.Figure(layout={"template": "plotly_white"}).layout.template


def test_chart_config():
    config = chart_config("timeline")
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "timeline", "scale": 2}


@pytest.mark.parametrize(
    ("measure", "smoothing", "n_periods", "bars"),
    [
        ("count", 1, 1, True),
        ("count", 1, 60, True),
        ("count", 1, 61, False),  # too many to draw side by side
        ("count", 3, 5, False),  # a smoothed series is a trend: a line
        ("share", 1, 5, False),  # a rate: a line
        ("polarity", 1, 1, False),
    ],
)
def test_counts_are_bars_and_rates_or_smoothed_series_are_lines(measure, smoothing, n_periods, bars):
    assert draws_bars(measure, smoothing, n_periods) is bars


def test_a_click_from_the_browser_arrives_as_a_dict_keyed_by_index(corpus):
    trace = timeline_figure(timeline(corpus, ["trade"], "month", "count"), TAXONOMY).data[0]
    as_list = list(trace.customdata[0])
    from_browser = {str(i): value for i, value in enumerate(as_list)}
    assert point_selection(from_browser) == point_selection(as_list)


def test_polarity_figures_name_the_engine_that_scored_them(corpus):
    polarity = timeline(corpus, ["trade"], "month", "polarity")
    assert timeline_figure(polarity, TAXONOMY, measure="polarity", tone="VADER").layout.title.text.endswith(
        "<br><sup>tone: VADER</sup>"
    )
    # A count owes nothing to the engine: its title does not name one.
    counts = timeline(corpus, ["trade"], "month", "count")
    assert "tone" not in timeline_figure(counts, TAXONOMY, tone="VADER").layout.title.text
    table = pm_topic_table(corpus, list(TAXONOMY.keys), TODAY)
    assert pm_topic_heatmap(table, TAXONOMY, measure="polarity", tone="VADER").layout.title.text.endswith(
        "<br><sup>tone: VADER</sup>"
    )
    assert "tone" not in pm_topic_heatmap(table, TAXONOMY, measure="share", tone="VADER").layout.title.text


# --- a chart with data always shows it ------------------------------------------------------

GRANULARITY_NAMES = ["week", "month", "quarter", "year"]
SPARSE_CASES = {
    "one article": [dict(published="2024-05-15", topics=["trade"], topic_scores=[score("trade", 0.3)], polarity=0.3)],
    "one period": [
        dict(published="2024-05-14", topics=["trade"], topic_scores=[score("trade", 0.3)], polarity=0.3),
        dict(published="2024-05-15", topics=["tariffs"], topic_scores=[score("tariffs", -0.2)], polarity=-0.2),
    ],
    "one topic": [
        dict(published="2023-02-10", topics=["trade"], topic_scores=[score("trade", 0.1)], polarity=0.1),
        dict(published="2024-05-15", topics=["trade"], topic_scores=[score("trade", 0.3)], polarity=0.3),
    ],
}


def _ms(value) -> float:
    return pd.Timestamp(value).value / 1e6


@pytest.mark.parametrize("granularity", GRANULARITY_NAMES)
@pytest.mark.parametrize("case", list(SPARSE_CASES))
@pytest.mark.parametrize("measure", ["count", "share", "polarity"])
def test_a_chart_with_data_always_shows_it(granularity, case, measure):
    table = timeline(make_frame(SPARSE_CASES[case]), ["trade", "tariffs"], granularity, measure)
    fig = timeline_figure(table, TAXONOMY, measure=measure, granularity=granularity)
    low, high = (_ms(x) for x in fig.layout.xaxis.range)
    assert high - low >= 6 * 86_400_000  # at least most of a week: never a sliver of a day
    shown = 0
    for trace in fig.data:
        for i, x in enumerate(trace.x):
            if trace.y[i] is None or math.isnan(trace.y[i]):
                continue
            shown += 1
            if trace.type == "bar":
                left = _ms(x) + trace.offset[i]
                # A bar takes a visible part of the axis and lies wholly on it.
                share_of_period = trace.width[i] * table["period"].nunique() / (high - low)
                assert share_of_period >= 0.5 / len(fig.data)
                assert low <= left and left + trace.width[i] <= high
            else:
                assert "markers" in trace.mode  # one point alone still shows
                assert low < _ms(x) < high
    assert shown > 0
    if table["period"].nunique() == 1:
        # The axis names the period, not a time of day.
        assert list(fig.layout.xaxis.ticktext) == [table["period_label"].iloc[0]]


def test_count_axes_have_whole_number_ticks(corpus):
    table = timeline(make_frame(SPARSE_CASES["one period"]), ["trade"], "month", "count")
    axis = timeline_figure(table, TAXONOMY).layout.yaxis
    assert axis.dtick == 1 and axis.tickformat == ",d"
    countries = outlet_country_bar({"JP": 1}, 5)
    assert countries.layout.xaxis.tickformat == ",d" and countries.layout.xaxis.dtick == 1


def test_bars_sit_inside_their_period_and_so_inside_its_term_bands():
    # January 2024: Kishida and Biden both in office all month.
    frame = make_frame([dict(published="2024-01-20", pm="Kishida", topics=["trade"])])
    fig = timeline_figure(timeline(frame, ["trade"], "month", "count"), TAXONOMY)
    bar = fig.data[0]
    left = _ms(bar.x[0]) + bar.offset[0]
    right = left + bar.width[0]
    for name in ("pm:Kishida", "us:Biden"):
        band = next(s for s in fig.layout.shapes if s.name == name)
        assert _ms(band.x0) <= left and right <= _ms(band.x1)
    assert [s.name for s in fig.layout.shapes if s.name.startswith("handover")] == []


def test_a_period_spanning_a_change_of_prime_minister_says_so():
    # Takaichi took over on 21 Oct 2025, inside Q4.
    frame = make_frame([dict(published="2025-11-03", pm="Takaichi", topics=["trade"])])
    fig = timeline_figure(timeline(frame, ["trade"], "quarter", "count"), TAXONOMY, granularity="quarter")
    assert "handover:Takaichi" in _shape_names(fig)
    note = point_selection(list(fig.data[0].customdata[0]))["handover_note"]
    assert "Ishiba until 21 Oct, then Takaichi" in note


def test_band_labels_skip_bands_too_narrow_for_their_name():
    start, end = pd.Timestamp("1990-01-01"), pd.Timestamp("2025-01-01")
    names = {(label.office, label.surname) for label in band_labels(start, end)}
    assert ("pm", "Koizumi") in names and ("pm", "Abe") in names
    assert ("pm", "Hata") not in names  # two months of 35 years: its name would spill over
    recent = {label.surname for label in band_labels(pd.Timestamp("2012-01-01"), pd.Timestamp("2027-01-01"))}
    assert {"Suga", "Ishiba", "Takaichi"} <= recent  # a year of fifteen is room enough
    narrow = band_labels(pd.Timestamp("2024-09-01"), pd.Timestamp("2024-11-01"))
    assert {label.surname for label in narrow} == {"Kishida", "Ishiba", "Biden"}


def test_the_visible_range_covers_whole_periods():
    periods = pd.Series([pd.Timestamp("2024-05-01")])
    assert visible_range(periods, "month") == (pd.Timestamp("2024-05-01"), pd.Timestamp("2024-06-01"))
    assert visible_range(periods, "year") == (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))


@pytest.mark.parametrize("granularity", GRANULARITY_NAMES)
def test_the_overview_strip_shows_a_single_period(granularity):
    frame = make_frame(SPARSE_CASES["one article"])
    fig = small_timeline(articles_per_period(frame, granularity), granularity)
    bar = fig.data[0]
    low, high = (_ms(x) for x in fig.layout.xaxis.range)
    assert bar.width[0] / (high - low) >= 0.5
    assert list(fig.layout.xaxis.ticktext) == [articles_per_period(frame, granularity)["period_label"].iloc[0]]
