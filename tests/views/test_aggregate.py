import math
from datetime import date

import pandas as pd
import pytest
from frames import make_frame, score

from lib.views.aggregate import (
    ARTICLE_TABLE_COLUMNS,
    PM_TOPIC_COLUMNS,
    TIMELINE_COLUMNS,
    TONE_MEASURES,
    articles_in_period,
    articles_per_period,
    articles_table,
    choose_granularity,
    corpus_summary,
    period_label,
    pm_counts,
    pm_order,
    pm_topic_display,
    pm_topic_table,
    source_name,
    timeline,
    undated_summary,
    undated_summary_from,
)

TODAY = date(2026, 1, 1)


@pytest.fixture
def corpus():
    return make_frame(
        [
            dict(
                published="2025-01-05",
                pm="Ishiba",
                topics=["trade"],
                topic_scores=[score("trade", 0.5)],
                outlet="Nikkei",
            ),
            dict(
                published="2025-01-20",
                pm="Ishiba",
                topics=["trade", "tariffs"],
                topic_scores=[score("trade", -0.1), score("tariffs", 0.2)],
                outlet="Nikkei",
            ),
            dict(published="2025-04-02", pm="Ishiba", topics=[], outlet="Kyodo"),
            dict(
                published="2025-04-30",
                pm="Ishiba",
                topics=["tariffs"],
                topic_scores=[score("tariffs", None)],
                date_basis="text",
            ),
            dict(
                published=None,
                pm="Kishida",
                pm_basis="text",
                topics=["trade"],
                topic_scores=[score("trade", 0.3)],
                warnings=["no date"],
            ),
            dict(published=None, pm="", topics=["security"]),
        ]
    )


def _values(table, topic, column="value"):
    return list(table.loc[table["topic"] == topic, column])


# --- timeline -------------------------------------------------------------------------------


def test_timeline_counts_fill_empty_periods_with_zero(corpus):
    table = timeline(corpus, ["trade", "tariffs"], "month", "count")
    assert list(table.columns) == list(TIMELINE_COLUMNS)
    assert _values(table, "trade") == [2, 0, 0, 0]
    assert _values(table, "tariffs") == [1, 0, 0, 1]
    assert _values(table, "trade", "n_articles") == [2, 0, 0, 2]
    assert _values(table, "trade", "period_label") == ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"]
    january = articles_in_period(corpus, "trade", table["period"].iloc[0], "month")
    assert sorted(january["article_id"]) == ["a0", "a1"]
    assert articles_in_period(corpus, "trade", table["period"].iloc[1], "month").empty


def test_timeline_leaves_out_undated_articles(corpus):
    table = timeline(corpus, ["security"], "month", "count")
    assert _values(table, "security", "n_tagged") == [0, 0, 0, 0]


def test_timeline_share_is_nan_where_a_period_has_no_articles(corpus):
    shares = _values(timeline(corpus, ["tariffs"], "month", "share"), "tariffs")
    assert shares[0] == 0.5 and shares[3] == 0.5
    assert math.isnan(shares[1]) and math.isnan(shares[2])


def test_timeline_polarity_is_the_mean_over_tagged_articles(corpus):
    table = timeline(corpus, ["trade", "tariffs"], "quarter", "polarity")
    assert _values(table, "trade") == pytest.approx([0.2, math.nan], nan_ok=True)
    assert _values(table, "tariffs") == pytest.approx([0.2, math.nan], nan_ok=True)
    assert _values(table, "tariffs", "n_toned") == [1, 0]
    assert _values(table, "tariffs", "n_tagged") == [1, 1]


@pytest.mark.parametrize(
    ("granularity", "starts"),
    [
        ("week", ["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20"]),
        ("quarter", ["2025-01-01"]),
        ("year", ["2025-01-01"]),
    ],
)
def test_timeline_periods_start_on_the_period_start(granularity, starts):
    frame = make_frame([dict(published="2025-01-05", topics=["trade"]), dict(published="2025-01-21", topics=["trade"])])
    table = timeline(frame, ["trade"], granularity, "count")
    assert list(table["period"]) == [pd.Timestamp(s) for s in starts]


def test_timeline_smoothing_is_centred_and_keeps_gaps():
    frame = make_frame(
        [
            dict(
                published=f"2025-{m:02d}-10",
                topics=["trade"] * (m != 3),
                topic_scores=[score("trade", 0.1 * m)] if m != 3 else [],
            )
            for m in range(1, 6)
        ]
        + [dict(published="2025-03-11", topics=["trade"]), dict(published="2025-03-12")]
    )
    counts = timeline(frame, ["trade"], "month", "count", smoothing=3)
    assert list(counts["raw_value"]) == [1, 1, 1, 1, 1]
    assert list(counts["value"]) == pytest.approx([1, 1, 1, 1, 1])
    polarity = timeline(frame, ["trade"], "month", "polarity", smoothing=3)
    assert list(polarity["value"]) == pytest.approx([0.15, 0.15, math.nan, 0.45, 0.45], nan_ok=True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"granularity": "day"}, "granularity"),
        ({"measure": "sum"}, "measure"),
        ({"smoothing": 0}, "smoothing"),
    ],
)
def test_timeline_rejects_unknown_options(corpus, kwargs, message):
    with pytest.raises(ValueError, match=message):
        timeline(corpus, ["trade"], **kwargs)


@pytest.mark.parametrize("keys", [[], ["trade"]])
def test_timeline_of_nothing_is_an_empty_table(keys):
    frame = make_frame([dict(published=None, topics=["trade"])])
    assert list(timeline(frame, keys).columns) == list(TIMELINE_COLUMNS)
    assert timeline(frame, keys).empty


@pytest.mark.parametrize(
    ("day", "granularity", "label"),
    [
        ("2025-01-06", "week", "Week of 6 Jan 2025"),
        ("2025-01-01", "month", "Jan 2025"),
        ("2025-04-01", "quarter", "Q2 2025"),
        ("2025-01-01", "year", "2025"),
    ],
)
def test_period_label(day, granularity, label):
    assert period_label(pd.Timestamp(day), granularity) == label


def test_articles_per_period(corpus):
    table = articles_per_period(corpus)
    assert list(table["n_articles"]) == [2, 0, 0, 2]
    assert articles_per_period(make_frame([])).empty


def test_undated_summary(corpus):
    summary = undated_summary(corpus)
    assert (summary["n_undated"], summary["n_total"], summary["n_undated_with_pm"]) == (2, 6, 1)
    assert summary["reason"].startswith("2 of 6 articles had no trustworthy publication date")
    everything_dated = undated_summary(make_frame([dict(published="2025-01-01")]))
    assert everything_dated["n_undated"] == 0
    assert "Every article" in everything_dated["reason"]


# --- prime ministers ------------------------------------------------------------------------


def test_pm_order_follows_office_then_unknown_names():
    assert pm_order(["Ishiba", "Abe", "Zzz", "Koizumi", "Abe"]) == ["Koizumi", "Abe", "Ishiba", "Zzz"]


def test_pm_topic_table(corpus):
    table = pm_topic_table(corpus, ["trade", "tariffs"], TODAY)
    assert list(table.columns) == list(PM_TOPIC_COLUMNS)
    assert list(zip(table["pm"], table["topic"], strict=True)) == [
        ("Kishida", "trade"),
        ("Kishida", "tariffs"),
        ("Ishiba", "trade"),
        ("Ishiba", "tariffs"),
    ]
    ishiba_trade = table.iloc[2]
    assert (ishiba_trade["n_articles"], ishiba_trade["n_tagged"]) == (4, 2)
    assert ishiba_trade["share"] == 0.5
    assert (ishiba_trade["share_low"], ishiba_trade["share_high"]) == pytest.approx((0.1500, 0.8500), abs=1e-4)
    assert ishiba_trade["tone_mean"] == pytest.approx(0.2)
    # Two values, t(0.975, 1) = 12.706: the interval is clipped to the polarity scale.
    assert (ishiba_trade["tone_low"], ishiba_trade["tone_high"]) == (-1.0, 1.0)
    assert ishiba_trade["n_toned"] == 2
    assert ishiba_trade["thin"] and ishiba_trade["thin_tone"]
    ishiba_days = (TODAY - date(2024, 10, 1)).days - (TODAY - date(2025, 10, 21)).days
    assert ishiba_trade["per_100_days"] == pytest.approx(2 * 100 / ishiba_days)
    kishida_trade = table.iloc[0]
    # The undated article counts: its PM came from the text.
    assert (kishida_trade["n_articles"], kishida_trade["n_tagged"]) == (1, 1)
    assert kishida_trade["tone_mean"] == 0.3 and math.isnan(kishida_trade["tone_low"])


def test_pm_topic_table_thin_flag_turns_off_at_five_articles():
    frame = make_frame([dict(pm="Suga", published="2021-01-01", topics=["trade"])] * 5)
    row = pm_topic_table(frame, ["trade"], TODAY).iloc[0]
    assert not row["thin"] and row["n_articles"] == 5


def test_pm_topic_table_without_known_pms_is_empty():
    frame = make_frame([dict(pm="", topics=["trade"])])
    assert pm_topic_table(frame, ["trade"], TODAY).empty


def test_pm_counts(corpus):
    table = pm_counts(corpus, TODAY)
    assert list(table["pm"]) == ["Kishida", "Ishiba"]
    assert list(table["n_articles"]) == [1, 4]
    assert list(table["n_undated"]) == [1, 0]
    assert list(table["days_in_office"]) == [1093, 385]
    assert table["per_100_days"].tolist() == pytest.approx([100 / 1093, 400 / 385])


# --- text views -----------------------------------------------------------------------------


# --- tables and summaries -------------------------------------------------------------------


def test_articles_table(corpus):
    table = articles_table(corpus, {"trade": "Trade", "tariffs": "Tariffs"})
    assert list(table.columns) == list(ARTICLE_TABLE_COLUMNS)
    assert list(table["topics"])[:3] == ["Trade", "Trade, Tariffs", ""]
    assert list(articles_table(corpus)["topics"])[1] == "trade, tariffs"


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("in/2024/a.txt", "a.txt"),
        ("C:\\news\\b.html", "b.html"),
        ("batch.zip!news/c.md", "c.md"),
        ("feed.csv#row=3", "feed.csv#row=3"),
        ("", ""),
        (None, ""),
    ],
)
def test_the_articles_table_names_each_source_file(source, name):
    assert source_name(source) == name


def test_corpus_summary(corpus):
    summary = corpus_summary(corpus, ("security", "trade", "tariffs", "defense_spending"))
    assert summary["n_articles"] == 6 and summary["n_dated"] == 4
    assert (summary["date_min"], summary["date_max"]) == (date(2025, 1, 5), date(2025, 4, 30))
    assert summary["outlets"] == {"Nikkei": 2, "Kyodo": 1}
    assert summary["pms"] == {"Kishida": 1, "Ishiba": 4}
    assert summary["topic_prevalence"] == {
        "security": 1,
        "trade": 3,
        "tariffs": 2,
        "defense_spending": 0,
    }
    assert summary["quality"] == {
        "undated": 2,
        "date_from_text": 1,
        "date_from_metadata": 3,
        "pm_from_text": 1,
        "with_warnings": 1,
    }


def test_corpus_summary_of_an_empty_frame():
    summary = corpus_summary(make_frame([]))
    assert summary["n_articles"] == 0 and summary["date_min"] is None


@pytest.mark.parametrize(
    ("first", "last", "n_dated", "expected"),
    [
        (None, None, 0, "month"),  # nothing dated: the chart says so whatever the period
        (date(2024, 5, 15), date(2024, 5, 15), 1, "year"),  # one article: one whole period
        (date(2024, 5, 13), date(2024, 5, 15), 3, "week"),  # a few articles in one week
        (date(2023, 1, 1), date(2024, 12, 31), 40, "quarter"),  # 40 over two years: not monthly spikes
        (date(2023, 1, 1), date(2024, 12, 31), 400, "week"),  # ~4 a week
        (date(2015, 1, 1), date(2024, 12, 31), 100_000, "month"),  # 522 weeks: too many to draw
        (date(2000, 1, 1), date(2024, 12, 31), 30, "year"),  # sparse everywhere: years
    ],
)
def test_the_timeline_period_is_chosen_from_the_span_and_number_of_articles(first, last, n_dated, expected):
    assert choose_granularity(first, last, n_dated) == expected


@pytest.mark.parametrize("tone_measure", list(TONE_MEASURES))
def test_the_numbers_behind_the_charts_label_every_column_for_people(tone_measure):
    display = pm_topic_display(tone_measure)
    assert [column for column, _label, _kind in display] == list(PM_TOPIC_COLUMNS)
    for column, label, kind in display:
        assert "_" not in label and label[0].isupper(), (column, label)
        assert kind in {"text", "count", "share", "polarity", "rate", "flag"}
    assert TONE_MEASURES[tone_measure].axis in dict((c, label) for c, label, _ in display)["tone_mean"]


def test_an_unknown_tone_measure_is_refused_by_name(corpus):
    with pytest.raises(ValueError, match="unknown tone measure 'warmth'"):
        pm_topic_table(corpus, ["trade"], TODAY, "warmth")


@pytest.mark.parametrize(
    ("n_undated", "with_pm", "wording"),
    [(2, 1, "1 of them is credited"), (3, 2, "2 of them are credited"), (1, 0, "0 of them are credited")],
)
def test_the_undated_sentence_agrees_in_number(n_undated, with_pm, wording):
    assert wording in undated_summary_from(n_undated, 10, with_pm)["reason"]


@pytest.fixture
def toned():
    """Three trade articles with sentence shares; an untagged one whose tone must not count."""
    rows = [
        ("2025-01-05", ["trade"], 0.6, 0.1),
        ("2025-01-20", ["trade"], 0.2, 0.4),
        ("2025-02-03", ["trade"], 0.0, 0.5),
        ("2025-01-25", [], 1.0, 0.0),
    ]
    return make_frame(
        [
            dict(published=day, pm="Ishiba", topics=topics, positive_share=pos, negative_share=neg, net_tone=pos - neg)
            for day, topics, pos, neg in rows
        ]
    )


@pytest.mark.parametrize(
    ("measure", "january", "february"),
    [
        ("net_tone", (0.5 + -0.2) / 2, -0.5),
        ("positive_share", (0.6 + 0.2) / 2, 0.0),
        ("negative_share", (0.1 + 0.4) / 2, 0.5),
    ],
)
def test_sentence_share_measures_average_the_tagged_articles_only(toned, measure, january, february):
    table = timeline(toned, ["trade"], "month", measure)
    assert _values(table, "trade") == pytest.approx([january, february])
    assert _values(table, "trade", "n_toned") == [2, 1]


def test_a_share_tone_interval_stays_between_0_and_1(toned):
    row = pm_topic_table(toned, ["trade"], TODAY, "positive_share").iloc[0]
    assert row["tone_mean"] == pytest.approx(0.8 / 3)
    assert row["n_toned"] == 3
    # Three values with sd 0.31: a t interval would reach below 0.
    assert row["tone_low"] == 0.0 and 0 < row["tone_high"] <= 1.0
    net = pm_topic_table(toned, ["trade"], TODAY, "net_tone").iloc[0]
    assert net["tone_mean"] == pytest.approx((0.5 - 0.2 - 0.5) / 3)
    assert net["tone_low"] >= -1.0
