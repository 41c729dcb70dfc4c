"""Keyword in context: every occurrence of a term across articles, with its left and right context,
in the classic concordance layout (left context ending at the keyword, the keyword, right
context starting after it). Occurrences are found as the search box finds them
(lib.views.matching: word forms, ignoring case)."""

from __future__ import annotations

import re

import pandas as pd

from lib.views.aggregate import empty_frame
from lib.views.matching import compiled

KWIC_COLUMNS = ("article_id", "title", "left", "match", "right")
CONTEXT_CHARACTERS = 60  # either side: a line of the table holds both at the page's width
_SPACES = re.compile(r"\s+")


def _flatten(text: str) -> str:
    return _SPACES.sub(" ", text)


def left_context(text: str, end: int, width: int) -> str:
    """Up to `width` characters before `end`, starting at a whole word, line breaks as spaces."""
    start = max(0, end - width)
    window = text[start:end]
    first_break = _SPACES.search(window)
    if start > 0 and not text[start - 1].isspace() and first_break:
        window = window[first_break.end() :]  # a cut word is noise: begin at the next one
    return _flatten(window).strip()


def right_context(text: str, start: int, width: int) -> str:
    """Up to `width` characters from `start`, ending at a whole word, line breaks as spaces."""
    end = start + width
    window = text[start:end]
    breaks = list(_SPACES.finditer(window))
    if end < len(text) and not text[end].isspace() and breaks:
        window = window[: breaks[-1].start()]
    return _flatten(window).strip()


def kwic(frame: pd.DataFrame, term: str, width: int = CONTEXT_CHARACTERS, limit: int = 200) -> pd.DataFrame:
    """Keyword in context: one row per occurrence (article_id, title, left, match, right).

    `left` and `right` hold up to `width` characters either side, cut at whole words, line
    breaks flattened to spaces; at most `limit` rows, in frame order. Plain text: the page shows
    it in table cells, never as markup.
    """
    pattern = compiled(term)  # group 1 is the occurrence itself
    if pattern is None:
        return empty_frame(KWIC_COLUMNS)
    rows: list[tuple[str, ...]] = []
    columns = (frame["article_id"], frame["title"], frame["text"].fillna(""))
    for article_id, title, text in zip(*columns, strict=True):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            rows.append(
                (article_id, title, left_context(text, start, width), match.group(1), right_context(text, end, width))
            )
            if len(rows) >= limit:
                return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    if not rows:
        return empty_frame(KWIC_COLUMNS)
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
