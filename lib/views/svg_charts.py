"""The Overview's first chart as plain SVG, drawn by the browser without any chart library.

A new visitor's first plotly chart waits for plotly's 4.6 MB of JavaScript to load and compile
(about 1.5 s of the 2.4 s before it shows: bench/browser_speed.py). The topic counts are a
handful of bars: as SVG they show as soon as the page's first message arrives. Every text is
escaped here and the SVG carries no script, link or style sheet; the page shows it as an image,
so each bar's count and share are written beside it (an image has no hover text; the <title>
of each bar names its figures for anyone who opens the SVG itself, and for the tests).
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd

from lib.reference.taxonomy import Taxonomy
from lib.views.palette import neutral_text

TITLE = "Articles tagged with each topic"
CORRECTED_NOTE = "◆ corrected for tagging errors (your codings), 95% range"

# Geometry, in SVG units (the chart scales to its column's width; text keeps its proportion).
WIDTH = 520
LABEL_WIDTH = 130  # the topic names' column
VALUE_ROOM = 90  # right of the longest bar: its count and share
ROW = 34
BAR = 22
TOP = 40  # the title's room
AXIS_ROOM = 34
FONT = "'Source Sans Pro', 'Source Sans 3', sans-serif"
GRID = "#e5e5e5"
MAX_TICKS = 6


def nice_ticks(largest: float) -> list[int]:
    """Whole-number axis ticks from 0 covering `largest`, at most MAX_TICKS of them, at steps of
    1, 2 or 5 times a power of ten."""
    if largest <= 0:
        return [0, 1]
    raw_step = largest / (MAX_TICKS - 1)
    power = 10 ** math.floor(math.log10(raw_step)) if raw_step >= 1 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw_step)
    step = max(1, int(step))
    top = math.ceil(largest / step) * step
    return list(range(0, top + 1, step))


def prevalence_svg(
    prevalence: dict[str, int], taxonomy: Taxonomy, n_articles: int, validated: pd.DataFrame | None = None
) -> str:
    """Horizontal bars: how many of `n_articles` each topic is tagged in, in taxonomy order and
    colours, each with its count and share; with `validated` (lib.views.validated's table of the
    same counts) a ◆ at the corrected count with its 95% range, hollow when the codings are thin."""
    topics = [t for t in taxonomy.topics if t.key in prevalence]
    grey = neutral_text()
    if not topics or n_articles <= 0:
        return _svg(
            WIDTH,
            TOP + ROW,
            [_text(WIDTH / 2, TOP + ROW / 2, "No articles loaded.", grey, anchor="middle")],
            "No articles loaded.",
        )
    corrected = _corrected(validated, n_articles)
    largest = max([prevalence[t.key] for t in topics] + [high for _, _, high, _ in corrected.values()])
    ticks = nice_ticks(largest)
    plot_left, plot_width = LABEL_WIDTH, WIDTH - LABEL_WIDTH - VALUE_ROOM

    def x(value: float) -> float:
        return plot_left + plot_width * value / ticks[-1]

    height = TOP + ROW * len(topics) + AXIS_ROOM + (18 if corrected else 0)
    axis_y = TOP + ROW * len(topics)
    parts = [_text(0, 18, TITLE, grey, size=16, weight="600")]
    for tick in ticks:
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOP - 4}" y2="{axis_y}" stroke="{GRID}"/>')
        parts.append(_text(x(tick), axis_y + 16, f"{tick:,}", grey, size=12, anchor="middle"))
    parts.append(_text(plot_left + plot_width / 2, axis_y + 31, "Articles", grey, size=12, anchor="middle"))
    for row, topic in enumerate(topics):
        count = prevalence[topic.key]
        middle = TOP + ROW * row + ROW / 2
        share = count / n_articles
        tooltip = f"{topic.label}: {count:,} of {n_articles:,} articles ({share:.0%})"
        parts.append(
            f'<g data-topic="{escape(topic.key)}"><title>{escape(tooltip)}</title>'
            f'<rect x="{plot_left}" y="{middle - BAR / 2:.1f}" width="{x(count) - plot_left:.1f}" height="{BAR}"'
            f' fill="{escape(topic.colour)}"/></g>'
        )
        parts.append(_text(plot_left - 8, middle + 4, topic.label, grey, size=13, anchor="end"))
        parts.append(_text(x(count) + 6, middle + 4, f"{count:,} ({share:.0%})", grey, size=12))
        if topic.key in corrected:
            parts.append(_corrected_mark(x, middle, topic.label, *corrected[topic.key]))
    if corrected:
        parts.append(_text(plot_left, height - 4, CORRECTED_NOTE, grey, size=12))
    return _svg(WIDTH, height, parts, f"{TITLE}, of {n_articles:,} articles")


def _corrected(validated: pd.DataFrame | None, n_articles: int) -> dict[str, tuple[float, float, float, bool]]:
    """topic -> (corrected count, low, high, thin) where the validation gives a figure."""
    if validated is None or "validated" not in validated.columns:
        return {}
    found = {}
    for row in validated.itertuples(index=False):
        if not math.isnan(row.validated):
            scaled = (row.validated * n_articles, row.validated_low * n_articles, row.validated_high * n_articles)
            found[row.topic] = (*scaled, bool(row.validated_thin))
    return found


def _corrected_mark(x, middle: float, label: str, estimate: float, low: float, high: float, thin: bool) -> str:
    grey = neutral_text()
    size = 6
    centre = x(estimate)
    corners = ((centre, middle - size), (centre + size, middle), (centre, middle + size), (centre - size, middle))
    diamond = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
    tooltip = f"{label}: corrected for tagging errors {estimate:,.0f} (95% range {low:,.0f} to {high:,.0f})"
    if thin:
        tooltip += "; too few coded articles to lean on"
    return (
        f'<g data-corrected="{escape(label)}"><title>{escape(tooltip)}</title>'
        f'<line x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{middle:.1f}" y2="{middle:.1f}"'
        f' stroke="{grey}" stroke-width="1.5"/>'
        f'<polygon points="{diamond}" fill="{"white" if thin else grey}" stroke="{grey}" stroke-width="1.5"/></g>'
    )


def _text(
    x: float, y: float, text: str, colour: str, *, size: int = 13, anchor: str = "start", weight: str = "400"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{colour}" font-size="{size}" font-weight="{weight}"'
        f' text-anchor="{anchor}" font-family="{FONT}">{escape(text)}</text>'
    )


def _svg(width: int, height: float, parts: list[str], label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="{width}"'
        f' height="{height:.0f}"'
        f' role="img" aria-label="{escape(label)}" data-chart="topic-prevalence">' + "".join(parts) + "</svg>"
    )
