"""Article text with topic mentions marked, as HTML that is safe to render.

Every piece of article text is escaped before any markup is added; the only tags in the output
are our own <mark> and <br>, so a hostile article cannot inject markup or script.
"""

from __future__ import annotations

import html

from lib.annotate.topics import lowered_for_matching, topic_spans
from lib.reference.taxonomy import Taxonomy


def highlight_spans(text: str, taxonomy: Taxonomy) -> list[tuple[int, int, str]]:
    """(start, end, topic_key) of every topic mention, sorted and non-overlapping.

    Excluded phrases ("security deposit") never count. Where mentions of two topics overlap the
    longer one wins ("defense spending" over "defense"), then the earlier topic in the taxonomy.
    Negated mentions ("did not discuss tariffs") are still highlighted: they are mentions.
    """
    lowered = lowered_for_matching(text)
    candidates = [
        (start, -(end - start), rank, topic.key)
        for rank, topic in enumerate(taxonomy.topics)
        for start, end in topic_spans(text, lowered, topic)
        if end > start
    ]
    spans: list[tuple[int, int, str]] = []
    for start, negative_length, _rank, key in sorted(candidates):
        if not spans or start >= spans[-1][1]:
            spans.append((start, start - negative_length, key))
    return spans


def highlight_segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The text cut into (segment, topic_key or None) pieces that join back to `text`.

    Plain strings, never HTML: the page escapes each segment before marking it up.
    Overlapping or out-of-range spans are skipped.
    """
    segments: list[tuple[str, str | None]] = []
    position = 0
    for start, end, key in sorted(spans):
        if start < position or end > len(text) or end <= start:
            continue
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], key))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def highlight_html(text: str, taxonomy: Taxonomy) -> str:
    colours, labels = taxonomy.colours(), taxonomy.labels()
    parts = []
    for segment, key in highlight_segments(text, highlight_spans(text, taxonomy)):
        escaped = html.escape(segment).replace("\n", "<br>")
        if key is None:
            parts.append(escaped)
        else:
            parts.append(
                f'<mark title="{html.escape(labels[key])}" style="background:{colours[key]}33;'
                f'border-bottom:2px solid {colours[key]}">{escaped}</mark>'
            )
    return '<div style="line-height:1.6;max-width:60rem">' + "".join(parts) + "</div>"
