"""Article text with topic mentions marked, as HTML that is safe to render.

Every piece of article text is escaped before any markup is added; the only tags in the output
are our own <mark> and <br>, so a hostile article cannot inject markup or script.
"""

from __future__ import annotations

import html

from lib.reference.taxonomy import Taxonomy
from lib.views.aggregate import highlight_segments, highlight_spans


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
