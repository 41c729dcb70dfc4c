"""Every figure the dashboard shows, built in one place from lib.views.aggregate's outputs.

One palette: a topic keeps its taxonomy colour and a prime minister their colour in
lib/reference/data/palette.toml on every chart. Figures carry plain-English titles, axis labels
and hover text; pages only render them (with `chart_config()`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib.reference.countries import country_name
from lib.reference.taxonomy import Taxonomy
from lib.reference.tenures import JAPAN_PRIME_MINISTERS, US_PRESIDENTS, Term
from lib.stats import THIN_N
from lib.views.aggregate import GRANULARITIES, MEASURES, TONE_MEASURES
from lib.views.palette import neutral_text, pm_colour, president_colour

NEUTRAL = neutral_text()  # bars that stand for no topic or PM, and notes
TEXT_GREY = neutral_text()
THIN_MARK = "†"
THIN_NOTE = f"{THIN_MARK} fewer than {THIN_N} articles: too few to lean on"

# What each timeline point carries in `customdata`, in order; `point_selection` decodes it.
CUSTOMDATA_FIELDS = (
    "period_label",
    "topic",
    "n_tagged",
    "n_articles",
    "n_toned",
    "period",
    "handover_note",
)


def _tone_format(tone_measure: str) -> str:
    """How a tone figure is written: signed on a -1..+1 scale, a percent for a share."""
    return "+.2f" if TONE_MEASURES[tone_measure].diverging else ".0%"


_TIMELINE_TITLES = {
    "count": "Articles tagged with each topic, per {g}",
    "share": "Share of each {g}'s articles tagged with each topic",
    **{key: tone.words + ", per {g}" for key, tone in TONE_MEASURES.items()},
}
# Hover line for the plotted value: (words, plotly number format).
_VALUE_HOVER = {
    "count": ("articles tagged", ".1f"),
    "share": ("share", ".0%"),
    **{key: (tone.axis.lower(), _tone_format(key)) for key, tone in TONE_MEASURES.items()},
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


def _whole_number_ticks(largest: float) -> dict:
    """Axis settings for a count: whole-number ticks, one per number when the counts are small
    (plotly would otherwise tick 0.2, 0.4... on an axis of ones and twos)."""
    settings = {"tickformat": ",d", "rangemode": "tozero"}
    return settings | ({"dtick": 1} if largest <= UNIT_TICKS_UP_TO else {})


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


# --- validated ranges -----------------------------------------------------------------------

VALIDATED_LEGEND = "Corrected for tagging errors (your codings), 95% range"
VALIDATED_GROUP = "validated"  # the legend group of every corrected marker


def draws_validated(table: pd.DataFrame, measure: str = "share", smoothing: int = 1) -> bool:
    """Whether a chart of `table` can carry the validated range: a loaded validation added its
    columns (lib.views.validated), the measure is a count or share of tagged articles, and the
    series is not smoothed (the correction is per period, not of a rolling mean)."""
    return "validated" in table.columns and measure in ("count", "share") and smoothing == 1


def _validated_trace(
    x, rows: pd.DataFrame, *, label: str, colour: str, scale=1.0, number: str = ".0%", **placing
) -> go.Scatter:
    """Markers at the corrected share (times `scale`: a period's articles turn it into a count)
    with their 95% range as error bars, in the topic's colour; hollow where the codings behind
    it are too few. The legend has one entry for them all (`_validated_legend`)."""
    estimate, low, high = (rows[c].astype("float64") * scale for c in ("validated", "validated_low", "validated_high"))
    thin = rows["validated_thin"].astype(bool)
    note = thin.map({True: "<br><i>Too few coded articles: do not lean on it</i>", False: ""})
    return go.Scatter(
        x=x,
        y=estimate,
        mode="markers",
        name=f"{label}: corrected",
        legendgroup=VALIDATED_GROUP,
        showlegend=False,
        marker={
            "symbol": ["diamond-open" if t else "diamond" for t in thin],
            "size": 10,
            "color": colour,
            "line": {"width": 1.5, "color": TEXT_GREY},
        },
        error_y={
            "type": "data",
            "symmetric": False,
            "array": (high - estimate).clip(lower=0),
            "arrayminus": (estimate - low).clip(lower=0),
            "color": colour,
            "thickness": 1.5,
            "width": 5,
        },
        customdata=list(zip(low, high, note, strict=True)),
        hovertemplate=(
            f"<b>{label}</b><br>Corrected for tagging errors: %{{y:{number}}}"
            f"<br>95% range %{{customdata[0]:{number}}} to %{{customdata[1]:{number}}}%{{customdata[2]}}"
            "<extra></extra>"
        ),
        **placing,
    )


def _validated_legend() -> go.Scatter:
    """The legend's one entry for every topic's corrected markers (a click hides them all)."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=VALIDATED_LEGEND,
        legendgroup=VALIDATED_GROUP,
        marker={"symbol": "diamond", "size": 10, "color": "white", "line": {"width": 1.5, "color": TEXT_GREY}},
        hoverinfo="skip",
    )


# --- timeline -------------------------------------------------------------------------------

# Counts are drawn as bars (a bar per topic, side by side within its period) up to this many
# periods; longer series, rates and smoothed series are lines.
BARS_UP_TO_PERIODS = 60
# The share of a period's width its group of bars takes: the gap shows where periods part.
BAR_GROUP_FILL = 0.8
# Up to this many periods every period gets its own tick, labelled as the hover text names it.
TICK_EVERY_PERIOD_UP_TO = 12
# A count axis whose top is at most this gets a tick at every whole number.
UNIT_TICKS_UP_TO = 8
# Term labels sit above the plot (where no bar can cover them), a row for Japan's PMs and one
# above it for US presidents; a band narrower than its label is left unlabelled.
LABEL_ROW_SHIFT = {"pm": 0, "us": 16}
LABEL_CHARACTER_FRACTION = 0.0075  # of the plot width per character at 11 px, on a ~800 px plot


def period_spans(starts: pd.Series, granularity: str) -> tuple[pd.Series, pd.Series]:
    """Each period's start and the next period's start (its exclusive end)."""
    freq = GRANULARITIES[granularity]
    periods = pd.PeriodIndex([pd.Period(s, freq=freq) for s in starts], freq=freq)
    return pd.Series(periods.start_time, index=starts.index), pd.Series((periods + 1).start_time, index=starts.index)


def visible_range(periods: pd.Series, granularity: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first period's start to the last period's end: every mark lies inside it, and
    a single period fills the axis instead of collapsing it to a point."""
    starts, ends = period_spans(periods, granularity)
    return starts.min(), ends.max()


def _clipped(term: Term, start: pd.Timestamp, end: pd.Timestamp):
    term_start = pd.Timestamp(term.start)
    term_end = pd.Timestamp(term.end) if term.end else end
    if term_end <= start or term_start >= end:
        return None
    return max(term_start, start), min(term_end, end)


def handovers_within(start: pd.Timestamp, end: pd.Timestamp) -> list[tuple[Term, Term]]:
    """(outgoing, incoming) prime ministers whose handover falls strictly inside [start, end)."""
    terms = JAPAN_PRIME_MINISTERS
    return [(old, new) for old, new in zip(terms, terms[1:], strict=False) if start < pd.Timestamp(new.start) < end]


def _handover_note(start: pd.Timestamp, end: pd.Timestamp) -> str:
    notes = [f"{old.surname} until {new.start:%-d %b}, then {new.surname}" for old, new in handovers_within(start, end)]
    return "<br>Spans a change of prime minister: " + "; ".join(notes) if notes else ""


@dataclass(frozen=True)
class BandLabel:
    office: str  # "pm" or "us"
    surname: str
    x: pd.Timestamp  # the middle of the band's visible part


def band_labels(start: pd.Timestamp, end: pd.Timestamp) -> list[BandLabel]:
    """The term labels worth printing over [start, end): one per visible band wide enough for
    its name, centred on it (a label wider than its band would run into its neighbour's)."""
    labels = []
    total = (end - start).total_seconds()
    for office, terms in (("pm", JAPAN_PRIME_MINISTERS), ("us", US_PRESIDENTS)):
        for term in terms:
            span = _clipped(term, start, end)
            if span is None:
                continue
            fraction = (span[1] - span[0]).total_seconds() / total
            if fraction >= LABEL_CHARACTER_FRACTION * (len(term.surname) + 1):  # + a space between
                labels.append(BandLabel(office, term.surname, span[0] + (span[1] - span[0]) / 2))
    return labels


def add_term_bands(fig: go.Figure, start: pd.Timestamp, end: pd.Timestamp) -> go.Figure:
    """Shade PM terms (full height) and US presidential terms (a strip along the top), only
    where they overlap [start, end), and name them above the plot. Shapes are named
    'pm:<surname>' / 'us:<surname>', handovers inside the range 'handover:<surname>', label
    annotations 'label:pm:<surname>'."""
    rows = ((JAPAN_PRIME_MINISTERS, "pm", 0.0, 1.0, 0.10), (US_PRESIDENTS, "us", 0.96, 1.0, 0.35))
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
                fillcolor=pm_colour(term.surname) if office == "pm" else president_colour(term.surname),
                opacity=opacity,
                line_width=0,
                layer="below",
                name=f"{office}:{term.surname}",
            )
    for _old, new in handovers_within(start, end):
        fig.add_vline(
            x=pd.Timestamp(new.start),
            line={"color": TEXT_GREY, "width": 1, "dash": "dot"},
            name=f"handover:{new.surname}",
        )
    for label in band_labels(start, end):
        fig.add_annotation(
            text=label.surname,
            name=f"label:{label.office}:{label.surname}",
            x=label.x,
            y=1,
            xref="x",
            yref="paper",
            yanchor="bottom",
            yshift=LABEL_ROW_SHIFT[label.office],
            showarrow=False,
            font={"size": 11, "color": pm_colour(label.surname) if label.office == "pm" else TEXT_GREY},
        )
    return fig


def _timeline_customdata(rows: pd.DataFrame, ends: pd.Series) -> list[list]:
    return [
        [
            r.period_label,
            r.topic,
            int(r.n_tagged),
            int(r.n_articles),
            int(r.n_toned),
            pd.Timestamp(r.period).date().isoformat(),
            _handover_note(pd.Timestamp(r.period), end),
        ]
        for r, end in zip(rows.itertuples(index=False), ends, strict=True)
    ]


def _timeline_hover(label: str, measure: str, smoothing: int, granularity: str) -> str:
    hover = f"<b>{label}</b> · %{{customdata[0]}}"
    hover += "<br>%{customdata[2]} of %{customdata[3]} articles tagged"
    words, number = _VALUE_HOVER[measure]
    if smoothing > 1:
        hover += f"<br>{smoothing}-{granularity} average {words}: %{{y:{number}}}"
    elif measure != "count":
        hover += f"<br>{words.capitalize()}: %{{y:{number}}}"
    if measure in TONE_MEASURES:
        hover += " (from %{customdata[4]} articles)"
    return hover + "%{customdata[6]}<br><i>Click to list the articles</i><extra></extra>"


def draws_bars(measure: str, smoothing: int, n_periods: int) -> bool:
    """Counts are bars (each period's own number); rates, smoothed series and long series are
    lines (a trend read across periods)."""
    return measure == "count" and smoothing == 1 and n_periods <= BARS_UP_TO_PERIODS


def _bar_geometry(starts: pd.Series, ends: pd.Series, slot: int, n_slots: int) -> tuple[list[float], list[float]]:
    """Offset from the period start and width, in milliseconds, of the bar in `slot` of a group
    of `n_slots` centred in its period (periods differ in length: months of 28 to 31 days)."""
    lengths = (ends - starts).dt.total_seconds() * 1000
    width = lengths * BAR_GROUP_FILL / n_slots
    offset = lengths * (1 - BAR_GROUP_FILL) / 2 + width * slot
    return offset.tolist(), width.tolist()


def _period_ticks(table: pd.DataFrame, granularity: str) -> dict:
    """Few periods: a tick in the middle of each, named as the period. Many: dates plotly spaces
    out, printed at the period's precision (never a time of day)."""
    periods = table.drop_duplicates("period").sort_values("period")
    if len(periods) <= TICK_EVERY_PERIOD_UP_TO:
        starts, ends = period_spans(periods["period"], granularity)
        return {"tickvals": (starts + (ends - starts) / 2).tolist(), "ticktext": periods["period_label"].tolist()}
    return {"tickformat": "%Y" if granularity == "year" else "%b %Y"}


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
    """Bars or lines per topic from `lib.views.aggregate.timeline`, in taxonomy colours, with
    PM / US-president bands over the visible range. Each point's customdata follows
    CUSTOMDATA_FIELDS, so a click can list its articles.

    `bars=None` chooses with `draws_bars`. Bars sit inside their period (a group centred in
    it), so a period's mark lies within the term bands of its own dates; a period that spans a
    change of PM says so in its hover text, and the handover is drawn as a dotted line. The
    axis always spans whole periods, so one period, one article or one topic still shows.
    `tone` names the sentiment engine behind a tone measure."""
    g = granularity
    title = _TIMELINE_TITLES[measure].format(g=g) + (_scored_by(tone) if measure in TONE_MEASURES else "")
    if smoothing > 1:
        title += f" ({smoothing}-{g} centred average)"
    if table.empty:
        return _empty_figure(title, "No dated articles match this view.")
    if bars is None:
        bars = draws_bars(measure, smoothing, table["period"].nunique())
    drawn = [topic for topic in taxonomy.topics if (table["topic"] == topic.key).any()]
    fig = go.Figure()
    for slot, topic in enumerate(drawn):
        rows = table[table["topic"] == topic.key]
        starts, ends = period_spans(rows["period"], g)
        common = {
            "name": topic.label,
            "y": rows["value"],
            "customdata": _timeline_customdata(rows, ends),
            "hovertemplate": _timeline_hover(topic.label, measure, smoothing, g),
        }
        # A topic's slot in its period: where its bar stands, and its validated marker (on a line
        # chart too, so the topics' ranges in one period stand side by side, not on one another).
        offset, width = _bar_geometry(starts, ends, slot, len(drawn))
        slots = [s + pd.Timedelta(milliseconds=o + w / 2) for s, o, w in zip(starts, offset, width, strict=True)]
        if bars:
            fig.add_trace(go.Bar(x=starts, offset=offset, width=width, marker_color=topic.colour, **common))
        else:
            middles = starts + (ends - starts) / 2
            fig.add_trace(go.Scatter(x=middles, mode="lines+markers", line_color=topic.colour, **common))
        if draws_validated(table, measure, smoothing):
            scale = rows["n_articles"].to_numpy() if measure == "count" else 1.0
            fig.add_trace(
                _validated_trace(
                    slots,
                    rows,
                    label=topic.label,
                    colour=topic.colour,
                    scale=scale,
                    number=".1f" if measure == "count" else ".0%",
                )
            )
    if draws_validated(table, measure, smoothing) and drawn:
        fig.add_trace(_validated_legend())
    start, end = visible_range(table["period"], g)
    if show_terms:
        add_term_bands(fig, start, end)
    _style(fig, title, "Publication date", MEASURES[measure])
    fig.update_xaxes(type="date", range=[start, end], **_period_ticks(table, g))
    if show_terms:
        # Room above the plot for the two rows of term labels.
        fig.update_layout(margin={"t": 115})
    fig.update_yaxes(**_timeline_y_axis(table, measure, smoothing))
    return fig.update_layout(hovermode="closest", barmode="overlay")


def _timeline_y_axis(table: pd.DataFrame, measure: str, smoothing: int) -> dict:
    """Percent for shares, whole numbers for unsmoothed counts, a zero line for signed tones."""
    if measure == "share" or (measure in TONE_MEASURES and not TONE_MEASURES[measure].diverging):
        return {"tickformat": ".0%", "rangemode": "tozero"}
    if measure == "count":
        return _whole_number_ticks(table["value"].max()) if smoothing == 1 else {"rangemode": "tozero"}
    return {"zeroline": True, "zerolinecolor": "#999"}


def point_selection(customdata: list | dict) -> dict:
    """Decode one clicked point's customdata into a dict of CUSTOMDATA_FIELDS.

    The browser sends customdata as a dict keyed by string index ({"0": ..., "1": ...}).
    """
    if isinstance(customdata, dict):
        customdata = [customdata[k] for k in sorted(customdata, key=int)]
    return dict(zip(CUSTOMDATA_FIELDS, customdata, strict=False))


# --- prime ministers ------------------------------------------------------------------------


def _cell_text(value: float, thin: bool, number: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    shown = format(value, number)
    return f"{shown} {THIN_MARK}" if thin else shown


def _heatmap_grid(table: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    grid = table.pivot(index="pm", columns="topic", values=column)
    return grid.reindex(index=list(dict.fromkeys(table["pm"])), columns=keys)


def pm_topic_heatmap(table: pd.DataFrame, taxonomy: Taxonomy, *, measure: str = "share", tone: str = "") -> go.Figure:
    """PM x topic grid from `lib.views.aggregate.pm_topic_table`: share tagged (measure "share")
    or the tone measure the table was computed with (a TONE_MEASURES key).

    Cells resting on fewer than THIN_N articles carry a † and a footnote says why.
    """
    if measure == "share":
        title = "Share of each prime minister's articles tagged with each topic"
        value_column, thin_column, number = "share", "thin", ".0%"
    else:
        title = TONE_MEASURES[measure].words + ", by prime minister" + _scored_by(tone)
        value_column, thin_column, number = "tone_mean", "thin_tone", _tone_format(measure)
    if table.empty:
        return _empty_figure(title, "No articles with a known prime minister match this view.")
    keys = [k for k in taxonomy.keys if k in set(table["topic"])]
    z = _heatmap_grid(table, keys, value_column)
    thin = _heatmap_grid(table, keys, thin_column).astype(bool)
    details = [_heatmap_grid(table, keys, c) for c in ("n_tagged", "n_articles", "n_toned")]
    customdata = [[[d.iat[i, j] for d in details] for j in range(len(keys))] for i in range(len(z))]
    text = [[_cell_text(z.iat[i, j], thin.iat[i, j], number) for j in range(len(keys))] for i in range(len(z))]
    labels = taxonomy.labels()
    hover = "<b>%{y}</b> · %{x}<br>%{customdata[0]} of %{customdata[1]} articles tagged"
    if measure == "share":
        hover += "<br>Share: %{z:.0%}"
        colour_scale = {"colorscale": "Blues", "zmin": 0, "zmax": 1}
    else:
        hover += f"<br>{TONE_MEASURES[measure].axis}: %{{z:{number}}} over %{{customdata[2]}} articles"
        diverging = TONE_MEASURES[measure].diverging
        colour_scale = {"colorscale": "RdBu", "zmid": 0} if diverging else {"colorscale": "Purples", "zmin": 0}
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
    """Share of each PM's articles tagged with each topic, with 95% Wilson intervals; with a
    loaded validation's columns (lib.views.validated), the share corrected for tagging errors
    beside each bar.

    Bars resting on fewer than THIN_N articles are hatched."""
    title = "Share of each prime minister's articles tagged, with 95% intervals"
    if table.empty:
        return _empty_figure(title, "No articles with a known prime minister match this view.")
    fig = go.Figure()
    validated = draws_validated(table)
    for topic in taxonomy.topics:
        rows = table[table["topic"] == topic.key]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                offsetgroup=topic.key,
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
        if validated:
            fig.add_trace(
                # Its own offset group: the corrected share stands beside the topic's bar and its
                # interval, not on top of them.
                _validated_trace(
                    rows["pm"], rows, label=topic.label, colour=topic.colour, offsetgroup=f"{topic.key}:validated"
                )
            )
    if validated:
        fig.add_trace(_validated_legend())
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
    # scattermode "group": a topic's validated marker sits on its own bar, not between the bars.
    return fig.update_layout(barmode="group", scattermode="group").update_yaxes(tickformat=".0%", rangemode="tozero")


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
            width=0.6 if len(names) == 1 else None,  # one country: a bar, not a wall
            y=names,
            x=list(countries.values()),
            orientation="h",
            marker_color=NEUTRAL,
            hovertemplate=f"<b>%{{y}}</b><br>%{{x}} of {n_articles} articles<extra></extra>",
            showlegend=False,
        )
    )
    _style(fig, title, "Articles", "")
    fig.update_xaxes(**_whole_number_ticks(max(countries.values())))
    return fig.update_yaxes(autorange="reversed")


def small_timeline(per_period: pd.DataFrame, granularity: str = "month") -> go.Figure:
    """Dated articles per period (`lib.views.aggregate.articles_per_period`), as a compact bar strip."""
    title = f"Articles per {granularity}"
    if per_period.empty:
        return _empty_figure(title, "No dated articles.")
    starts, ends = period_spans(per_period["period"], granularity)
    offset, width = _bar_geometry(starts, ends, 0, 1)
    fig = go.Figure(
        go.Bar(
            x=starts,
            offset=offset,
            width=width,
            y=per_period["n_articles"],
            marker_color=NEUTRAL,
            customdata=per_period[["period_label"]].to_numpy(),
            hovertemplate="%{customdata[0]}: %{y} articles<extra></extra>",
            showlegend=False,
        )
    )
    _style(fig, title, "Publication date", "Articles")
    # Like the timeline: whole periods on the axis, so one period still shows; whole numbers.
    fig.update_xaxes(type="date", range=list(visible_range(per_period["period"], granularity)))
    fig.update_xaxes(**_period_ticks(per_period, granularity))
    fig.update_yaxes(**_whole_number_ticks(per_period["n_articles"].max()))
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
