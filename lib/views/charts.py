"""Every figure the dashboard shows, built in one place from lib.views.aggregate's outputs.

One palette: a topic keeps its taxonomy colour and a prime minister the colour of their tenure
on every chart. Figures carry plain-English titles, axis labels and hover text; pages only
render them (with `chart_config()`).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from lib.reference.countries import country_name
from lib.reference.taxonomy import Taxonomy
from lib.reference.tenures import JAPAN_PRIME_MINISTERS, US_PRESIDENTS, Term, pm_colour
from lib.stats import THIN_N
from lib.views.aggregate import GRANULARITIES, MEASURES

NEUTRAL = "#7f7f7f"
THIN_MARK = "†"
THIN_NOTE = f"{THIN_MARK} fewer than {THIN_N} articles: too few to lean on"

# What each timeline point carries in `customdata`, in order; `point_selection` decodes it.
CUSTOMDATA_FIELDS = (
    "period_label",
    "topic",
    "n_tagged",
    "n_articles",
    "n_polarity",
    "period",
)

_TIMELINE_TITLES = {
    "count": "Articles tagged with each topic, per {g}",
    "share": "Share of each {g}'s articles tagged with each topic",
    "polarity": "Mean polarity of each topic's sentences, per {g}",
}
# Hover line for the plotted value: (words, plotly number format).
_VALUE_HOVER = {
    "count": ("articles tagged", ".1f"),
    "share": ("share", ".0%"),
    "polarity": ("mean polarity", "+.2f"),
}


def chart_config(filename: str = "alliance-lens") -> dict:
    """The plotly config every page passes to st.plotly_chart."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def _style(fig: go.Figure, title: str, x_title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "x": 0, "xanchor": "left"},
        xaxis_title=x_title,
        yaxis_title=y_title,
        margin={"l": 70, "r": 30, "t": 80, "b": 70},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
        hoverlabel={"align": "left"},
    )
    return fig


def _scored_by(tone: str) -> str:
    """A title's second line naming the sentiment engine behind a polarity figure (its own line:
    a half-width chart would cut a longer first one)."""
    return f"<br><sup>tone: {tone}</sup>" if tone else ""


def _empty_figure(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _style(fig, title, "", "")


def _coloured(text: str, colour: str) -> str:
    return f"<span style='color:{colour}'>{text}</span>"


def _pm_ticks(surnames: list[str]) -> dict:
    """Axis tick settings that print each PM's name in their tenure colour."""
    return {"tickvals": surnames, "ticktext": [_coloured(s, pm_colour(s)) for s in surnames]}


# --- timeline -------------------------------------------------------------------------------


def _visible_range(periods: pd.Series, granularity: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    last = pd.Timestamp(periods.max()).to_period(GRANULARITIES[granularity]).end_time
    return pd.Timestamp(periods.min()), last.normalize() + pd.Timedelta(days=1)


def _clipped(term: Term, start: pd.Timestamp, end: pd.Timestamp):
    term_start = pd.Timestamp(term.start)
    term_end = pd.Timestamp(term.end) if term.end else end
    if term_end <= start or term_start >= end:
        return None
    return max(term_start, start), min(term_end, end)


def add_term_bands(fig: go.Figure, start: pd.Timestamp, end: pd.Timestamp) -> go.Figure:
    """Shade PM terms (full height) and US presidential terms (a strip along the top), only
    where they overlap [start, end]. Shapes are named 'pm:<surname>' / 'us:<surname>'."""
    rows = ((JAPAN_PRIME_MINISTERS, "pm", 0.0, 0.92, 0.10), (US_PRESIDENTS, "us", 0.93, 1.0, 0.35))
    for terms, office, y0, y1, opacity in rows:
        for term in terms:
            span = _clipped(term, start, end)
            if span is None:
                continue
            fig.add_vrect(
                x0=span[0],
                x1=span[1],
                y0=y0,
                y1=y1,
                fillcolor=term.colour,
                opacity=opacity,
                line_width=0,
                layer="below",
                name=f"{office}:{term.surname}",
                label={"text": term.surname, "textposition": "top left", "font": {"size": 10}},
            )
    return fig


def _timeline_customdata(rows: pd.DataFrame) -> list[list]:
    return [
        [
            r.period_label,
            r.topic,
            int(r.n_tagged),
            int(r.n_articles),
            int(r.n_polarity),
            pd.Timestamp(r.period).date().isoformat(),
        ]
        for r in rows.itertuples(index=False)
    ]


def _timeline_hover(label: str, measure: str, smoothing: int, granularity: str) -> str:
    hover = f"<b>{label}</b> · %{{customdata[0]}}"
    hover += "<br>%{customdata[2]} of %{customdata[3]} articles tagged"
    words, number = _VALUE_HOVER[measure]
    if smoothing > 1:
        hover += f"<br>{smoothing}-{granularity} average {words}: %{{y:{number}}}"
    elif measure != "count":
        hover += f"<br>{words.capitalize()}: %{{y:{number}}}"
    if measure == "polarity":
        hover += " (from %{customdata[4]} articles)"
    return hover + "<br><i>Click to list the articles</i><extra></extra>"


BARS_UP_TO_PERIODS = 24


def timeline_figure(
    table: pd.DataFrame,
    taxonomy: Taxonomy,
    *,
    measure: str = "count",
    granularity: str = "month",
    smoothing: int = 1,
    show_terms: bool = True,
    bars: bool | None = None,
    tone: str = "",
) -> go.Figure:
    """Lines (or grouped bars) per topic from `lib.views.aggregate.timeline`, in taxonomy colours,
    with PM / US-president bands over the visible range. Each point's customdata follows
    CUSTOMDATA_FIELDS, so a click can list its articles.

    `bars=None` chooses: grouped bars for a few periods, where topics with equal counts would
    hide each other's lines, and lines for longer series. `tone` names the sentiment engine
    behind a polarity measure, so the chart says who scored it."""
    g = granularity
    title = _TIMELINE_TITLES[measure].format(g=g) + (_scored_by(tone) if measure == "polarity" else "")
    if smoothing > 1:
        title += f" ({smoothing}-{g} centred average)"
    if table.empty:
        return _empty_figure(title, "No dated articles match this view.")
    if bars is None:
        bars = table["period"].nunique() <= BARS_UP_TO_PERIODS
    fig = go.Figure()
    for topic in taxonomy.topics:
        rows = table[table["topic"] == topic.key]
        if rows.empty:
            continue
        common = {
            "x": rows["period"],
            "y": rows["value"],
            "name": topic.label,
            "customdata": _timeline_customdata(rows),
            "hovertemplate": _timeline_hover(topic.label, measure, smoothing, g),
        }
        if bars:
            fig.add_trace(go.Bar(marker_color=topic.colour, **common))
        else:
            fig.add_trace(go.Scatter(mode="lines+markers", line_color=topic.colour, **common))
    if show_terms:
        add_term_bands(fig, *_visible_range(table["period"], g))
    _style(fig, title, "Publication date", MEASURES[measure])
    if measure == "share":
        fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    elif measure == "count":
        fig.update_yaxes(rangemode="tozero")
    else:
        fig.update_yaxes(zeroline=True, zerolinecolor="#999")
    return fig.update_layout(hovermode="closest", barmode="group")


def point_selection(customdata: list | dict) -> dict:
    """Decode one clicked point's customdata into a dict of CUSTOMDATA_FIELDS.

    The browser sends customdata as a dict keyed by string index ({"0": ..., "1": ...}).
    """
    if isinstance(customdata, dict):
        customdata = [customdata[k] for k in sorted(customdata, key=int)]
    return dict(zip(CUSTOMDATA_FIELDS, customdata, strict=False))


# --- prime ministers ------------------------------------------------------------------------


def _cell_text(value: float, thin: bool, measure: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    shown = f"{value:.0%}" if measure == "share" else f"{value:+.2f}"
    return f"{shown} {THIN_MARK}" if thin else shown


def _heatmap_grid(table: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    grid = table.pivot(index="pm", columns="topic", values=column)
    return grid.reindex(index=list(dict.fromkeys(table["pm"])), columns=keys)


def pm_topic_heatmap(table: pd.DataFrame, taxonomy: Taxonomy, *, measure: str = "share", tone: str = "") -> go.Figure:
    """PM x topic grid from `lib.views.aggregate.pm_topic_table`: share tagged or mean polarity.

    Cells resting on fewer than THIN_N articles carry a † and a footnote says why.
    """
    title = {
        "share": "Share of each prime minister's articles tagged with each topic",
        "polarity": "Mean polarity of each topic's sentences, by prime minister" + _scored_by(tone),
    }[measure]
    if table.empty:
        return _empty_figure(title, "No articles with a known prime minister match this view.")
    keys = [k for k in taxonomy.keys if k in set(table["topic"])]
    value_column, thin_column = ("share", "thin") if measure == "share" else ("mean_polarity", "thin_polarity")
    z = _heatmap_grid(table, keys, value_column)
    thin = _heatmap_grid(table, keys, thin_column).astype(bool)
    details = [_heatmap_grid(table, keys, c) for c in ("n_tagged", "n_articles", "n_polarity")]
    customdata = [[[d.iat[i, j] for d in details] for j in range(len(keys))] for i in range(len(z))]
    text = [[_cell_text(z.iat[i, j], thin.iat[i, j], measure) for j in range(len(keys))] for i in range(len(z))]
    labels = taxonomy.labels()
    hover = "<b>%{y}</b> · %{x}<br>%{customdata[0]} of %{customdata[1]} articles tagged"
    hover += (
        "<br>Share: %{z:.0%}" if measure == "share" else ("<br>Mean polarity: %{z:+.2f} over %{customdata[2]} articles")
    )
    colour_scale = (
        {"colorscale": "Blues", "zmin": 0, "zmax": 1} if measure == "share" else {"colorscale": "RdBu", "zmid": 0}
    )
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(dtype=float),
            x=[labels[k] for k in keys],
            y=list(z.index),
            customdata=customdata,
            text=text,
            texttemplate="%{text}",
            hovertemplate=hover + "<extra></extra>",
            xgap=2,
            ygap=2,
            **colour_scale,
        )
    )
    if thin.to_numpy().any():
        fig.add_annotation(
            text=THIN_NOTE,
            x=0,
            y=-0.32,
            xref="paper",
            yref="paper",
            showarrow=False,
            xanchor="left",
            font={"size": 11},
        )
    _style(fig, title, "Topic", "Prime minister")
    fig.update_yaxes(autorange="reversed", **_pm_ticks(list(z.index)))
    # Room under the axis title for the thin-figure footnote.
    return fig.update_layout(margin={"b": 110})


def pm_share_bars(table: pd.DataFrame, taxonomy: Taxonomy) -> go.Figure:
    """Share of each PM's articles tagged with each topic, with 95% Wilson intervals.

    Bars resting on fewer than THIN_N articles are hatched."""
    title = "Share of each prime minister's articles tagged, with 95% intervals"
    if table.empty:
        return _empty_figure(title, "No articles with a known prime minister match this view.")
    fig = go.Figure()
    for topic in taxonomy.topics:
        rows = table[table["topic"] == topic.key]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=rows["pm"],
                y=rows["share"],
                name=topic.label,
                marker={"color": topic.colour, "pattern": {"shape": ["/" if t else "" for t in rows["thin"]]}},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": rows["share_high"] - rows["share"],
                    "arrayminus": rows["share"] - rows["share_low"],
                },
                customdata=rows[["n_tagged", "n_articles", "share_low", "share_high"]].to_numpy(),
                hovertemplate=(
                    f"<b>%{{x}}</b> · {topic.label}<br>%{{customdata[0]}} of %{{customdata[1]}}"
                    " articles (%{y:.0%})<br>95% interval %{customdata[2]:.0%} to "
                    "%{customdata[3]:.0%}<extra></extra>"
                ),
            )
        )
    _style(fig, title, "Prime minister", "Share of the PM's articles")
    fig.add_annotation(
        text=f"Hatched: fewer than {THIN_N} articles",
        x=1,
        y=1.02,
        xref="paper",
        yref="paper",
        showarrow=False,
        xanchor="right",
        yanchor="bottom",
        font={"size": 11},
    )
    fig.update_xaxes(**_pm_ticks(list(dict.fromkeys(table["pm"]))))
    return fig.update_layout(barmode="group").update_yaxes(tickformat=".0%", rangemode="tozero")


def pm_counts_bar(counts: pd.DataFrame, *, per_100_days: bool = False) -> go.Figure:
    """Articles per PM from `lib.views.aggregate.pm_counts`, optionally per 100 days in office."""
    column = "per_100_days" if per_100_days else "n_articles"
    title = "Articles per 100 days in office" if per_100_days else "Articles per prime minister"
    if counts.empty:
        return _empty_figure(title, "No articles with a known prime minister match this view.")
    fig = go.Figure(
        go.Bar(
            x=counts["pm"],
            y=counts[column],
            marker_color=[pm_colour(p) for p in counts["pm"]],
            customdata=counts[["n_articles", "days_in_office", "n_undated"]].to_numpy(),
            hovertemplate=(
                "<b>%{x}</b><br>%{customdata[0]} articles (%{customdata[2]} undated)"
                "<br>%{customdata[1]} days in office<extra></extra>"
            ),
            showlegend=False,
        )
    )
    _style(fig, title, "Prime minister", "Articles per 100 days" if per_100_days else "Articles")
    return fig.update_xaxes(**_pm_ticks(list(counts["pm"])))


# --- corpus overview ------------------------------------------------------------------------


def topic_prevalence_bar(prevalence: dict[str, int], taxonomy: Taxonomy, n_articles: int) -> go.Figure:
    """How many articles each topic is tagged in (`corpus_summary()['topic_prevalence']`)."""
    title = "Articles tagged with each topic"
    topics = [t for t in taxonomy.topics if t.key in prevalence]
    if not topics or n_articles == 0:
        return _empty_figure(title, "No articles loaded.")
    counts = [prevalence[t.key] for t in topics]
    fig = go.Figure(
        go.Bar(
            y=[t.label for t in topics],
            x=counts,
            orientation="h",
            marker_color=[t.colour for t in topics],
            customdata=[[c / n_articles] for c in counts],
            hovertemplate=(f"<b>%{{y}}</b><br>%{{x}} of {n_articles} articles (%{{customdata[0]:.0%}})<extra></extra>"),
            showlegend=False,
        )
    )
    _style(fig, title, "Articles", "")
    return fig.update_yaxes(autorange="reversed")


def outlet_country_bar(countries: dict[str, int], n_articles: int) -> go.Figure:
    """Articles by the home country of their outlet (`summary()['outlet_countries']`), naming
    how many have no known outlet, so the bars are not read as the whole corpus."""
    known = sum(countries.values())
    title = "Articles by outlet country" + (
        f" ({n_articles - known} of {n_articles} with no known outlet)" if n_articles > known else ""
    )
    if not countries:
        return _empty_figure(title, "No article's outlet is in the outlet list.")
    names = [country_name(code) for code in countries]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=list(countries.values()),
            orientation="h",
            marker_color=NEUTRAL,
            hovertemplate=f"<b>%{{y}}</b><br>%{{x}} of {n_articles} articles<extra></extra>",
            showlegend=False,
        )
    )
    _style(fig, title, "Articles", "")
    return fig.update_yaxes(autorange="reversed")


def small_timeline(per_period: pd.DataFrame, granularity: str = "month") -> go.Figure:
    """Dated articles per period (`lib.views.aggregate.articles_per_period`), as a compact bar strip."""
    title = f"Articles per {granularity}"
    if per_period.empty:
        return _empty_figure(title, "No dated articles.")
    fig = go.Figure(
        go.Bar(
            x=per_period["period"],
            y=per_period["n_articles"],
            marker_color=NEUTRAL,
            customdata=per_period[["period_label"]].to_numpy(),
            hovertemplate="%{customdata[0]}: %{y} articles<extra></extra>",
            showlegend=False,
        )
    )
    _style(fig, title, "Publication date", "Articles")
    return fig.update_layout(height=240, margin={"t": 50, "b": 40})


def polarity_histogram(polarities: pd.Series, *, tone: str = "") -> go.Figure:
    """Distribution of article polarity, in fixed 0.1-wide bins from -1 to +1."""
    title = "How negative or positive the articles read" + _scored_by(tone)
    values = polarities.dropna()
    if values.empty:
        return _empty_figure(title, "No articles.")
    fig = go.Figure(
        go.Histogram(
            x=values,
            xbins={"start": -1, "end": 1.0001, "size": 0.1},
            marker_color=NEUTRAL,
            hovertemplate="Polarity %{x}<br>%{y} articles<extra></extra>",
            showlegend=False,
        )
    )
    _style(fig, title, "Polarity (-1 negative, 0 neutral, +1 positive)", "Articles")
    return fig.update_xaxes(range=[-1, 1])
