"""Keyword in context: every occurrence of a term across articles, with its left and right context."""

from __future__ import annotations

import re

import pandas as pd

from lib.views.aggregate import empty_frame

KWIC_COLUMNS = ("article_id", "title", "left", "match", "right")


def kwic_pattern(term: str) -> re.Pattern:
    """`term` matched literally, case-insensitively, not inside a longer word."""
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def _flatten(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def kwic(frame: pd.DataFrame, term: str, width: int = 60, limit: int = 200) -> pd.DataFrame:
    """Keyword in context: one row per occurrence (article_id, title, left, match, right).

    `left` and `right` hold up to `width` characters either side, line breaks flattened to
    spaces; at most `limit` rows, in frame order.
    """
    term = term.strip()
    if not term:
        return empty_frame(KWIC_COLUMNS)
    pattern = kwic_pattern(term)
    rows: list[tuple[str, ...]] = []
    columns = (frame["article_id"], frame["title"], frame["text"].fillna(""))
    for article_id, title, text in zip(*columns, strict=True):
        for match in pattern.finditer(text):
            left = text[max(0, match.start() - width) : match.start()]
            right = text[match.end() : match.end() + width]
            rows.append((article_id, title, _flatten(left), match.group(0), _flatten(right)))
            if len(rows) >= limit:
                return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    if not rows:
        return empty_frame(KWIC_COLUMNS)
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
