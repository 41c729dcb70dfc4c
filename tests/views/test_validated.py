"""Validated ranges: a loaded validation's tagging errors applied to the charts' shares."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
from frames import make_frame

from lib.evaluation.prevalence import Counts, corrected_prevalence
from lib.reference.taxonomy import default_taxonomy
from lib.views.aggregate import pm_topic_table, timeline
from lib.views.charts import VALIDATED_GROUP, VALIDATED_LEGEND, pm_share_bars, timeline_figure
from lib.views.validated import (
    VALIDATED_COLUMNS,
    LoadedValidation,
    TaggingErrors,
    validated_share,
    with_validated_range,
)

TAXONOMY = default_taxonomy()
# The tagger finds 18 of 20 trade articles and wrongly tags 3 of 60 others.
TRADE = TaggingErrors(Counts(18, 20), Counts(57, 60), thin=False)
LOADED = LoadedValidation(80, {"trade": TRADE, "tariffs": TaggingErrors(Counts(4, 5), Counts(9, 10), thin=True)})


def test_the_estimate_is_rogan_gladen_on_the_measured_rates():
    estimate, low, high = validated_share(20, 100, TRADE)
    assert estimate == pytest.approx((0.2 + 0.95 - 1) / (0.9 + 0.95 - 1))
    assert low < estimate < high
    interval = corrected_prevalence(Counts(20, 100), TRADE.sensitivity, TRADE.specificity)
    assert (low, high) == (interval.low, interval.high)


@pytest.mark.parametrize(("n_tagged", "n_articles"), [(0, 0), (5, 3), (-1, 4)])
def test_no_articles_or_impossible_counts_give_no_range(n_tagged, n_articles):
    assert all(math.isnan(v) for v in validated_share(n_tagged, n_articles, TRADE))


def test_a_tagger_no_better_than_chance_gives_no_range():
    coin = TaggingErrors(Counts(5, 10), Counts(5, 10), thin=False)
    assert math.isnan(validated_share(20, 100, coin)[0])


def test_ranges_are_added_per_row_and_topics_not_coded_stay_empty():
    table = pd.DataFrame(
        {"topic": ["trade", "tariffs", "security"], "n_tagged": [20, 10, 30], "n_articles": [100, 100, 100]}
    )
    ranged = with_validated_range(table, LOADED)
    assert list(ranged.columns) == [*table.columns, *VALIDATED_COLUMNS]
    assert ranged.loc[0, "validated"] == pytest.approx(validated_share(20, 100, TRADE)[0])
    assert list(ranged["validated_thin"]) == [False, True, False]
    assert math.isnan(ranged.loc[2, "validated"])


def _validated(fig) -> list:
    """The corrected markers (the legend's entry, which draws nothing, left out)."""
    return [trace for trace in fig.data if trace.legendgroup == VALIDATED_GROUP and trace.name != VALIDATED_LEGEND]


@pytest.fixture
def corpus():
    rows = [
        ("2025-01-05", ["trade"]),
        ("2025-01-20", ["trade", "tariffs"]),
        ("2025-01-25", []),
        ("2025-02-03", ["trade"]),
        ("2025-02-14", []),
    ]
    return make_frame([dict(published=day, pm="Ishiba", topics=topics) for day, topics in rows])


def test_the_timeline_draws_corrected_counts_per_period_and_one_legend_entry(corpus):
    table = with_validated_range(timeline(corpus, ["trade", "tariffs"], "month", "count"), LOADED)
    fig = timeline_figure(table, TAXONOMY, measure="count", show_terms=False)
    trade, tariffs = _validated(fig)
    january = validated_share(2, 3, TRADE)[0] * 3
    assert list(trade.y)[0] == pytest.approx(january)
    assert [trace.name for trace in fig.data if trace.showlegend is not False].count(VALIDATED_LEGEND) == 1
    assert list(tariffs.marker.symbol) == ["diamond-open", "diamond-open"]  # thin: hollow
    # Each diamond sits on its own bar, inside the period.
    bars = [trace for trace in fig.data if trace.type == "bar"]
    centre = pd.Timestamp(bars[0].x[0]) + pd.Timedelta(milliseconds=bars[0].offset[0] + bars[0].width[0] / 2)
    assert pd.Timestamp(trade.x[0]) == centre


@pytest.mark.parametrize(("measure", "smoothing"), [("polarity", 1), ("share", 3)])
def test_no_range_on_a_tone_or_a_smoothed_series(corpus, measure, smoothing):
    table = with_validated_range(timeline(corpus, ["trade"], "month", measure, smoothing), LOADED)
    assert not _validated(timeline_figure(table, TAXONOMY, measure=measure, smoothing=smoothing))


def test_pm_bars_carry_the_range_beside_their_own_bars(corpus):
    table = with_validated_range(pm_topic_table(corpus, ["trade", "tariffs"], date(2026, 1, 1)), LOADED)
    fig = pm_share_bars(table, TAXONOMY)
    markers = _validated(fig)
    assert [m.offsetgroup for m in markers] == ["trade:validated", "tariffs:validated"]
    assert fig.layout.scattermode == "group"
    assert not _validated(pm_share_bars(pm_topic_table(corpus, ["trade"], date(2026, 1, 1)), TAXONOMY))
