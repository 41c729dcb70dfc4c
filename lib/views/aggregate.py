"""The numbers the pages show: timelines, prime-minister-by-topic tables, summaries.

Every function takes the article frame (see lib/schema/columns.py) and returns a plain DataFrame or
dict; nothing here draws, renders HTML or knows about Streamlit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib.reference.tenures import PM_SURNAMES, pm_days_in_office
from lib.schema.topic_table import polarity_column, tagged_column, topic_table
from lib.stats import THIN_N, interval_from_moments, moments, wilson_interval

# Time buckets the timeline offers, each with its pandas period alias. Weeks run Monday-Sunday.
GRANULARITIES: dict[str, str] = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}

# Without a period in the link, the timeline takes the finest one whose periods hold on average
# at least this many dated articles (empty periods included): 40 articles over two years read as
# quarters, not as a row of monthly spikes of 0, 1 and 2.
MIN_ARTICLES_PER_PERIOD = 3
MAX_PERIODS = 150  # and no more periods than a chart can show side by side


def choose_granularity(first: date | None, last: date | None, n_dated: int) -> str:
    """The timeline's period for dated articles spanning [first, last]: the finest granularity
    with at most MAX_PERIODS periods holding MIN_ARTICLES_PER_PERIOD articles on average, else
    a year."""
    if not n_dated or first is None or last is None:
        return "month"
    for granularity, alias in GRANULARITIES.items():
        n_periods = len(pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq=alias))
        if n_periods <= MAX_PERIODS and n_dated / n_periods >= MIN_ARTICLES_PER_PERIOD:
            return granularity
    return "year"


@dataclass(frozen=True)
class ToneMeasure:
    """A tone figure a chart can draw per topic, averaged over the articles tagged with it."""

    axis: str  # the axis title
    words: str  # how a chart's title names it, before ", per month" or ", by prime minister"
    article_column: str  # the per-article column averaged; "" = the topic's own sentences' polarity
    diverging: bool  # True: -1 to +1 around a neutral 0; False: a share from 0 to 1


# Mean polarity says how warm the topic's sentences are on average; the sentence shares say how
# many toned sentences there are at all (many strong ones of both signs average out to 0).
TONE_MEASURES: dict[str, ToneMeasure] = {
    "polarity": ToneMeasure(
        "Mean polarity of the topic's sentences", "Mean polarity of each topic's sentences", "", True
    ),
    "net_tone": ToneMeasure(
        "Net tone (positive minus negative sentences)",
        "Net tone of the articles tagged with each topic (share of positive minus negative sentences)",
        "net_tone",
        True,
    ),
    "positive_share": ToneMeasure(
        "Share of positive sentences",
        "Share of positive sentences in the articles tagged with each topic",
        "positive_share",
        False,
    ),
    "negative_share": ToneMeasure(
        "Share of negative sentences",
        "Share of negative sentences in the articles tagged with each topic",
        "negative_share",
        False,
    ),
}

# What the timeline can plot, with the axis title each measure gets.
MEASURES: dict[str, str] = {
    "count": "Articles tagged",
    "share": "Share of the period's articles",
    **{key: measure.axis for key, measure in TONE_MEASURES.items()},
}

TIMELINE_COLUMNS = (
    "period",
    "period_label",
    "topic",
    "value",
    "raw_value",
    "n_articles",
    "n_tagged",
    "n_toned",
)
PM_TOPIC_COLUMNS = (
    "pm",
    "topic",
    "n_articles",
    "n_tagged",
    "share",
    "share_low",
    "share_high",
    "tone_mean",
    "tone_low",
    "tone_high",
    "n_toned",
    "thin",
    "thin_tone",
    "per_100_days",
)


def pm_topic_display(tone_measure: str = "polarity") -> tuple[tuple[str, str, str], ...]:
    """How "The numbers behind the charts" shows pm_topic_table: (column, label, kind), in order.
    kind says how a number is written: count (whole), share (percent), polarity (signed, 2
    places), rate (1 place), flag (yes/no), text. The tone columns are named by the measure."""
    check_choice(tone_measure, TONE_MEASURES, "tone measure")
    tone = TONE_MEASURES[tone_measure]
    kind = "polarity" if tone.diverging else "share"
    return (
        ("pm", "Prime minister", "text"),
        ("topic", "Topic", "text"),
        ("n_articles", "Articles", "count"),
        ("n_tagged", "Tagged with the topic", "count"),
        ("share", "Share tagged", "share"),
        ("share_low", "Share: 95% interval from", "share"),
        ("share_high", "Share: 95% interval to", "share"),
        ("tone_mean", tone.axis, kind),
        ("tone_low", f"{tone.axis}: 95% interval from", kind),
        ("tone_high", f"{tone.axis}: 95% interval to", kind),
        ("n_toned", "Tagged articles with a tone figure", "count"),
        ("thin", "Few articles (share)", "flag"),
        ("thin_tone", "Few articles (tone)", "flag"),
        ("per_100_days", "Tagged per 100 days in office", "rate"),
    )


PM_COUNT_COLUMNS = ("pm", "n_articles", "n_undated", "days_in_office", "per_100_days")
ARTICLE_TABLE_COLUMNS = ("article_id", "title", "published", "pm", "topics", "polarity", "outlet", "source")


def check_choice(value: str, choices: dict, name: str) -> None:
    if value not in choices:
        raise ValueError(f"unknown {name} {value!r}; choose one of {', '.join(choices)}")


def period_label(start: pd.Timestamp, granularity: str) -> str:
    """How a period reads in hover text: 'Week of 6 Jan 2025', 'Jan 2025', 'Q1 2025', '2025'."""
    if granularity == "week":
        return f"Week of {start.day} {start:%b %Y}"
    if granularity == "quarter":
        return f"Q{start.quarter} {start.year}"
    if granularity == "year":
        return str(start.year)
    return f"{start:%b %Y}"


def tagged_mask(frame: pd.DataFrame, key: str) -> pd.Series:
    """True for articles tagged with topic `key` (the `topics` column is the tagging verdict;
    the flat `topic:<key>` column, when the frame has it, says the same faster)."""
    if tagged_column(key) in frame.columns:
        return frame[tagged_column(key)].astype(bool)
    return frame["topics"].map(lambda keys: key in keys).astype(bool)


def tagged_tone(frame: pd.DataFrame, key: str, tone_measure: str) -> pd.Series:
    """Per article, its `tone_measure` figure when tagged with `key`, else NaN (indexed like
    `frame`): the topic's sentences' polarity, or an article-level tone column."""
    column = TONE_MEASURES[tone_measure].article_column
    if not column:
        return tagged_polarity(frame, key)
    return frame[column].astype("float64").where(tagged_mask(frame, key))


def tone_of(measure: str) -> str:
    """The tone measure a timeline measure's tone figures come from (count and share carry the
    topic polarity alongside, for the hover text)."""
    return measure if measure in TONE_MEASURES else "polarity"


def tagged_polarity(frame: pd.DataFrame, key: str) -> pd.Series:
    """Per article, the polarity of its `key` sentences when tagged with `key`, else NaN.

    Indexed like `frame`. Read from the flat `topic_polarity:<key>` column when the frame has
    it, else from topic_scores through lib.schema.topic_table.
    """
    if polarity_column(key) in frame.columns:
        return frame[polarity_column(key)].astype("float64").where(tagged_mask(frame, key))
    long = topic_table(frame)
    long = long[long["topic"] == key].drop_duplicates("article_id").set_index("article_id")
    polarity = frame["article_id"].map(long["polarity"]).astype("float64")
    return polarity.where(tagged_mask(frame, key))


# --- timeline -------------------------------------------------------------------------------


def empty_frame(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype="object") for name in columns})


def timeline(
    frame: pd.DataFrame,
    topic_keys: list[str] | tuple[str, ...],
    granularity: str = "month",
    measure: str = "count",
    smoothing: int = 1,
) -> pd.DataFrame:
    """Long frame, one row per (period, topic), over dated articles only.

    Columns: period (start Timestamp), period_label, topic, value (smoothed), raw_value,
    n_articles (all dated articles in the period), n_tagged, n_toned (tagged articles with a
    figure for the measure's tone, see tone_of). The articles behind a point come from
    `articles_in_period`: carrying their ids in every point would send megabytes to the
    browser on each rerun of a large corpus.

    Every period between the first and last dated article is present, so an empty month shows
    as 0 articles (count, share) or a gap (polarity) instead of being skipped. Smoothing is a
    *centred* rolling mean over `smoothing` periods (it does not shift peaks later in time);
    periods with no value of their own stay empty after smoothing.
    """
    check_timeline_options(granularity, measure, smoothing)
    dated = frame[frame["published"].notna()]
    if dated.empty or not topic_keys:
        return empty_frame(TIMELINE_COLUMNS)
    periods = dated["published"].dt.to_period(GRANULARITIES[granularity])
    stats = {key: _period_topic_stats(dated, periods, key, tone_of(measure)) for key in topic_keys}
    return timeline_from_stats(periods.value_counts(), stats, granularity, measure, smoothing)


def check_timeline_options(granularity: str, measure: str, smoothing: int) -> None:
    check_choice(granularity, GRANULARITIES, "granularity")
    check_choice(measure, MEASURES, "measure")
    if smoothing < 1:
        raise ValueError(f"smoothing must be at least 1 period, got {smoothing}")


def _period_topic_stats(dated: pd.DataFrame, periods: pd.Series, key: str, tone_measure: str) -> pd.DataFrame:
    tagged = tagged_mask(dated, key)
    tone = tagged_tone(dated, key, tone_measure).groupby(periods).agg(["mean", "count"])
    return pd.DataFrame(
        {"n_tagged": periods[tagged].value_counts(), "tone_mean": tone["mean"], "n_toned": tone["count"]}
    )


def timeline_from_stats(
    n_articles: pd.Series,
    topic_stats: dict[str, pd.DataFrame],
    granularity: str,
    measure: str,
    smoothing: int,
) -> pd.DataFrame:
    """The timeline from per-period figures, however they were counted (pandas here, SQL in
    lib.views.warehouse): `n_articles` dated articles per period and, per topic, a frame with
    n_tagged, tone_mean and n_toned (of the measure's tone, see tone_of), all indexed by pandas
    Period (missing = none)."""
    every_period = pd.period_range(n_articles.index.min(), n_articles.index.max(), freq=GRANULARITIES[granularity])
    n_articles = n_articles.reindex(every_period, fill_value=0)
    parts = []
    for key, stats in topic_stats.items():
        stats = stats.reindex(every_period)
        n_tagged = stats["n_tagged"].fillna(0).astype("int64")
        if measure == "count":
            raw = n_tagged.astype("float64")
        elif measure == "share":
            raw = n_tagged / n_articles.where(n_articles > 0)
        else:
            raw = stats["tone_mean"].astype("float64")
        parts.append(
            pd.DataFrame(
                {
                    "period": every_period.start_time,
                    "topic": key,
                    "value": _smooth(raw, smoothing).to_numpy(),
                    "raw_value": raw.to_numpy(),
                    "n_articles": n_articles.to_numpy(),
                    "n_tagged": n_tagged.to_numpy(),
                    "n_toned": stats["n_toned"].fillna(0).astype("int64").to_numpy(),
                }
            )
        )
    result = pd.concat(parts, ignore_index=True)
    result["period_label"] = result["period"].map(lambda p: period_label(p, granularity))
    return result[list(TIMELINE_COLUMNS)]


def articles_in_period(
    frame: pd.DataFrame, topic_key: str, period_start: str | pd.Timestamp, granularity: str
) -> pd.DataFrame:
    """The dated articles tagged with `topic_key` in the period starting at `period_start`:
    what a click on a timeline point lists."""
    check_choice(granularity, GRANULARITIES, "granularity")
    dated = frame[frame["published"].notna()]
    wanted = pd.Period(pd.Timestamp(period_start), freq=GRANULARITIES[granularity])
    in_period = dated["published"].dt.to_period(GRANULARITIES[granularity]) == wanted
    return dated[in_period & tagged_mask(dated, topic_key)]


def _smooth(values: pd.Series, window: int) -> pd.Series:
    if window <= 1:
        return values
    smoothed = values.rolling(window, center=True, min_periods=1).mean()
    return smoothed.where(values.notna())


def articles_per_period(frame: pd.DataFrame, granularity: str = "month") -> pd.DataFrame:
    """Dated articles per period (period, period_label, n_articles), empty periods included."""
    check_choice(granularity, GRANULARITIES, "granularity")
    dated = frame.loc[frame["published"].notna(), "published"]
    return per_period_from_counts(dated.dt.to_period(GRANULARITIES[granularity]).value_counts(), granularity)


def per_period_from_counts(counts: pd.Series, granularity: str) -> pd.DataFrame:
    """articles_per_period from counts indexed by pandas Period (pandas or SQL counted)."""
    if counts.empty:
        return empty_frame(("period", "period_label", "n_articles"))
    every_period = pd.period_range(counts.index.min(), counts.index.max(), freq=GRANULARITIES[granularity])
    counts = counts.reindex(every_period, fill_value=0)
    starts = counts.index.start_time
    return pd.DataFrame(
        {
            "period": starts,
            "period_label": [period_label(s, granularity) for s in starts],
            "n_articles": counts.to_numpy(),
        }
    )


def undated_summary(frame: pd.DataFrame) -> dict:
    """{'n_undated', 'n_total', 'n_undated_with_pm', 'reason'}: why some articles are off the
    timeline, in words a reader can act on."""
    undated = frame["published"].isna()
    with_pm = int((undated & (frame["pm"].fillna("") != "")).sum())
    return undated_summary_from(int(undated.sum()), len(frame), with_pm)


def undated_summary_from(n_undated: int, n_total: int, with_pm: int) -> dict:
    if n_undated == 0:
        reason = "Every article has a publication date, so all of them are on the timeline."
    else:
        reason = (
            f"{n_undated} of {n_total} {_articles(n_total)} had no trustworthy publication date "
            "in their metadata or text, so they cannot be placed on the timeline. They still "
            f"count in topic totals; {with_pm} of them {'is' if with_pm == 1 else 'are'} credited to a "
            "prime minister named as sitting in the text."
        )
    return {
        "n_undated": n_undated,
        "n_total": n_total,
        "n_undated_with_pm": with_pm,
        "reason": reason,
    }


def _articles(n: int) -> str:
    return "article" if n == 1 else "articles"


# --- prime ministers ------------------------------------------------------------------------


def pm_order(surnames) -> list[str]:
    """Surnames in order of first taking office; names the tenure table lacks go last, A-Z."""
    rank = {name: i for i, name in enumerate(PM_SURNAMES)}
    return sorted(set(surnames), key=lambda s: (rank.get(s, len(rank)), s))


def _with_pm(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["pm"].fillna("") != ""]


def _per_100_days(n: int, days: int) -> float:
    return n * 100 / days if days > 0 else math.nan


PM_TOPIC_STATS_COLUMNS = ("pm", "topic", "n_articles", "n_tagged", "n_toned", "tone_mean", "tone_sd")


def pm_topic_table(
    frame: pd.DataFrame, topic_keys: list[str] | tuple[str, ...], today: date, tone_measure: str = "polarity"
) -> pd.DataFrame:
    """One row per (pm, topic), PMs in order of first taking office, topics as given.

    n_articles counts every article with that PM, undated ones whose PM came from the text
    included. share = n_tagged / n_articles with a Wilson interval; tone_mean is the mean of
    the tagged articles' `tone_measure` (TONE_MEASURES) with a t interval clipped to its scale
    (n_toned articles).
    thin / thin_tone flag n_articles / n_toned below THIN_N. per_100_days = n_tagged per
    100 days the PM was in office up to `today`.
    """
    check_choice(tone_measure, TONE_MEASURES, "tone measure")
    known = _with_pm(frame)
    polarity = {key: tagged_tone(known, key, tone_measure) for key in topic_keys}
    rows = []
    for pm in pm_order(known["pm"]):
        mine = known["pm"] == pm
        for key in topic_keys:
            tagged = tagged_mask(known, key) & mine
            rows.append((pm, key, int(mine.sum()), int(tagged.sum()), *moments(polarity[key][tagged])))
    return pm_topic_table_from_stats(pd.DataFrame(rows, columns=list(PM_TOPIC_STATS_COLUMNS)), today, tone_measure)


def pm_topic_table_from_stats(stats: pd.DataFrame, today: date, tone_measure: str = "polarity") -> pd.DataFrame:
    """pm_topic_table from one row of PM_TOPIC_STATS_COLUMNS per (pm, topic), in display order
    (pandas or SQL counted): the intervals and flags are computed here for both."""
    floor = -1.0 if TONE_MEASURES[tone_measure].diverging else 0.0
    rows = []
    for pm, key, n_articles, n_tagged, n_toned, mean, sd in stats[list(PM_TOPIC_STATS_COLUMNS)].itertuples(index=False):
        n_articles, n_tagged, n_toned = int(n_articles), int(n_tagged), int(n_toned)
        share_low, share_high = wilson_interval(n_tagged, n_articles)
        mean, low, high = interval_from_moments(n_toned, float(mean), float(sd))
        # A tone cannot leave its scale; a t interval on two articles happily would.
        low, high = max(low, floor), min(high, 1.0)
        rows.append(
            (
                pm,
                key,
                n_articles,
                n_tagged,
                n_tagged / n_articles,
                share_low,
                share_high,
                mean,
                low,
                high,
                n_toned,
                n_articles < THIN_N,
                n_toned < THIN_N,
                _per_100_days(n_tagged, pm_days_in_office(pm, today)),
            )
        )
    if not rows:
        return empty_frame(PM_TOPIC_COLUMNS)
    return pd.DataFrame(rows, columns=list(PM_TOPIC_COLUMNS))


def pm_counts(frame: pd.DataFrame, today: date) -> pd.DataFrame:
    """Articles per PM (pm, n_articles, n_undated, days_in_office, per_100_days).

    Long-serving PMs naturally collect more coverage; per_100_days puts Suga's one year and
    Abe's eight on the same footing.
    """
    known = _with_pm(frame)
    counts = [
        (pm, int((known["pm"] == pm).sum()), int(known.loc[known["pm"] == pm, "published"].isna().sum()))
        for pm in pm_order(known["pm"])
    ]
    return pm_counts_from(counts, today)


def pm_counts_from(counts: list[tuple[str, int, int]], today: date) -> pd.DataFrame:
    """pm_counts from (pm, n_articles, n_undated) triples in display order."""
    rows = []
    for pm, n, n_undated in counts:
        days = pm_days_in_office(pm, today)
        rows.append((pm, int(n), int(n_undated), days, _per_100_days(int(n), days)))
    if not rows:
        return empty_frame(PM_COUNT_COLUMNS)
    return pd.DataFrame(rows, columns=list(PM_COUNT_COLUMNS))


# --- tables and summaries -------------------------------------------------------------------


def source_name(source: str) -> str:
    """The file an article came from, without its folders: 'in/2024/a.txt' -> 'a.txt',
    'batch.zip!news/b.html' -> 'b.html', 'feed.csv#row=3' stays (the row tells rows apart)."""
    return "" if pd.isna(source) else re.split(r"[/\\!]", str(source))[-1]


def articles_table(frame: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The sortable article list: article_id, title, published, pm, topics, polarity, outlet,
    source (the file's name: pages with poor titles are told apart by it).

    topics is one string, "Security, Trade" with `labels` (key -> label), else the keys.
    """
    labels = labels or {}
    table = frame[list(ARTICLE_TABLE_COLUMNS)].copy()
    table["topics"] = frame["topics"].map(lambda keys: ", ".join(labels.get(k, k) for k in keys))
    table["source"] = frame["source"].map(source_name)
    return table.reset_index(drop=True)


def corpus_summary(frame: pd.DataFrame, topic_keys: tuple[str, ...] = ()) -> dict:
    """What the loaded corpus holds, for the overview page.

    Shape: {n_articles, n_dated, date_min, date_max (datetime.date or None),
    outlets {outlet: n} most first, outlet_countries {country code: n} most first (articles whose
    outlet is in the gazetteer), pms {surname: n} in office order,
    topic_prevalence {key: n tagged} (every key in `topic_keys`, then any others seen),
    quality {undated, date_from_text, date_from_metadata, pm_from_text, with_warnings}}.
    """
    dated = frame["published"].dropna()
    outlets = frame["outlet"].fillna("")
    countries = frame["outlet_country"].fillna("") if "outlet_country" in frame else pd.Series([], dtype=str)
    pm_names = _with_pm(frame)["pm"]
    prevalence = dict.fromkeys(topic_keys, 0)
    for keys in frame["topics"]:
        for key in keys:
            prevalence[key] = prevalence.get(key, 0) + 1
    return {
        "n_articles": len(frame),
        "n_dated": len(dated),
        "date_min": dated.min().date() if len(dated) else None,
        "date_max": dated.max().date() if len(dated) else None,
        "outlets": {str(k): int(v) for k, v in outlets[outlets != ""].value_counts().items()},
        "outlet_countries": {str(k): int(v) for k, v in countries[countries != ""].value_counts().items()},
        "pms": {pm: int((pm_names == pm).sum()) for pm in pm_order(pm_names)},
        "topic_prevalence": prevalence,
        "quality": {
            "undated": int(frame["published"].isna().sum()),
            "date_from_text": int((frame["date_basis"] == "text").sum()),
            "date_from_metadata": int((frame["date_basis"] == "metadata").sum()),
            "pm_from_text": int((frame["pm_basis"] == "text").sum()),
            "with_warnings": int(frame["warnings"].map(len).gt(0).sum()),
        },
    }
