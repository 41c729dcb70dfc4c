"""The sidebar's filters, each declared once: when it is set, its pandas mask, its SQL clause and
its plain-English phrase (as Datasette's filters.py gives each operator its SQL and its
description). filter_articles (pandas), where_clause (DuckDB) and describe (the sentence under
every title) are all derived from FILTERS, so a new filter is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.schema.topic_table import tagged_column
from lib.views.matching import word_form_pattern
from lib.views.state import DEFAULTS, ViewState, write_number

TextSearch = Callable[[str], set[str]]  # term -> ids of the articles whose title or text holds it
Labels = Mapping[str, str]  # topic key -> label


@dataclass(frozen=True)
class Filter:
    name: str
    is_set: Callable[[ViewState], bool]
    # The rows it keeps. `search` answers a text search where the frame holds no texts.
    mask: Callable[[pd.DataFrame, ViewState, TextSearch | None], pd.Series]
    # The same rows as a SQL condition with ? parameters, over the warehouse's table (where a
    # text search is a semi-join on `search_hits`, registered with each query).
    sql: Callable[[ViewState], tuple[str, list[Any]]]
    phrase: Callable[[ViewState, Labels], str]


def polarity_filtered(state: ViewState) -> bool:
    return (state.polarity_min, state.polarity_max) != (DEFAULTS["polarity_min"], DEFAULTS["polarity_max"])


def _either(names) -> str:
    return " or ".join(names)


def _is_among(column: str, values: tuple[str, ...], frame: pd.DataFrame) -> pd.Series:
    return frame[column].isin(values).fillna(False).astype(bool)


def _tagged_with_any(frame: pd.DataFrame, state: ViewState, _search: TextSearch | None) -> pd.Series:
    flags = [tagged_column(k) for k in state.topics]
    if all(flag in frame.columns for flag in flags):
        return frame[flags].any(axis=1)
    wanted = set(state.topics)
    return frame["topics"].map(lambda topics: bool(wanted.intersection(topics))).astype(bool)


def _in_date_range(frame: pd.DataFrame, state: ViewState, _search: TextSearch | None) -> pd.Series:
    published = frame["published"]
    keep = pd.Series(True, index=frame.index)
    if state.date_from:
        keep &= published >= pd.Timestamp(state.date_from)
    if state.date_to:
        # Inclusive of the whole last day, whatever time of day a timestamp carries.
        keep &= published < pd.Timestamp(state.date_to) + pd.Timedelta(days=1)
    keep &= published.notna()
    return keep | (published.isna() & state.include_undated)


def _date_sql(state: ViewState) -> tuple[str, list[Any]]:
    dated, params = ["published IS NOT NULL"], []
    if state.date_from:
        dated.append("published >= ?")
        params.append(state.date_from)
    if state.date_to:
        dated.append("published <= ?")  # dates are days: inclusive of the whole last day
        params.append(state.date_to)
    return f"(({' AND '.join(dated)}) OR (published IS NULL AND ?))", [*params, bool(state.include_undated)]


def _date_phrase(state: ViewState, _labels: Labels) -> str:
    if state.date_from and state.date_to:
        phrase = f"{state.date_from.isoformat()} to {state.date_to.isoformat()}"
    elif state.date_from:
        phrase = f"from {state.date_from.isoformat()}"
    else:
        phrase = f"up to {state.date_to.isoformat()}"
    undated = "undated articles included" if state.include_undated else "undated articles left out"
    return f"{phrase} ({undated})"


def _polarity_mask(frame: pd.DataFrame, state: ViewState, _search: TextSearch | None) -> pd.Series:
    polarity = frame["polarity"]
    return (polarity >= state.polarity_min) & (polarity <= state.polarity_max)


def _polarity_phrase(state: ViewState, _labels: Labels) -> str:
    low, high = (write_number(v) for v in (state.polarity_min, state.polarity_max))
    return f"polarity {low} to {high}"


def _contains(frame: pd.DataFrame, state: ViewState, search: TextSearch | None) -> pd.Series:
    """Articles whose title or text holds a form of the term's words (lib.views.matching). A
    frame without texts (the store-backed one) asks `search` for the matching article ids."""
    term = state.search.strip()
    if "text" not in frame.columns and search is not None:
        return frame["article_id"].isin(search(term))
    pattern = word_form_pattern(term, capture=False)
    if not pattern:  # blank: nothing to look for, nothing filtered out
        return pd.Series(True, index=frame.index)
    haystack = frame["title"].fillna("")
    if "text" in frame.columns:
        haystack = haystack + "\n" + frame["text"].fillna("")
    return haystack.str.contains(pattern, regex=True).fillna(False).astype(bool)


# In the order their phrases are read in the describing sentence.
FILTERS: tuple[Filter, ...] = (
    Filter(
        "topics",
        lambda s: bool(s.topics),
        _tagged_with_any,
        lambda s: ("list_has_any(topics, ?::VARCHAR[])", [list(s.topics)]),
        lambda s, labels: _either(labels.get(k, k) for k in s.topics),
    ),
    Filter(
        "pms",
        lambda s: bool(s.pms),
        lambda frame, s, _: _is_among("pm", s.pms, frame),
        lambda s: ("coalesce(list_contains(?::VARCHAR[], pm), false)", [list(s.pms)]),
        lambda s, _: _either(s.pms),
    ),
    Filter(
        "outlets",
        lambda s: bool(s.outlets),
        lambda frame, s, _: _is_among("outlet", s.outlets, frame),
        lambda s: ("coalesce(list_contains(?::VARCHAR[], outlet), false)", [list(s.outlets)]),
        lambda s, _: _either(s.outlets),
    ),
    Filter(
        "dates",
        lambda s: bool(s.date_from or s.date_to),
        _in_date_range,
        _date_sql,
        _date_phrase,
    ),
    Filter(
        "polarity",
        polarity_filtered,
        _polarity_mask,
        lambda s: ("polarity >= ? AND polarity <= ?", [s.polarity_min, s.polarity_max]),
        _polarity_phrase,
    ),
    Filter(
        "search",
        lambda s: bool(s.search.strip()),
        _contains,
        lambda s: ("article_id IN (SELECT article_id FROM search_hits)", []),
        lambda s, _: f'containing "{s.search.strip()}"',
    ),
)


def active_filters(state: ViewState) -> list[Filter]:
    return [f for f in FILTERS if f.is_set(state)]


def filter_articles(frame: pd.DataFrame, state: ViewState, search: TextSearch | None = None) -> pd.DataFrame:
    """The articles the view state lets through, in frame order."""
    keep = pd.Series(True, index=frame.index)
    for active in active_filters(state):
        keep &= active.mask(frame, state, search)
    return frame[keep]


def where_clause(state: ViewState) -> tuple[str, list[Any]]:
    """The WHERE clause (with ? parameters) that keeps what filter_articles keeps, for SQL."""
    clauses, params = ["true"], []
    for active in active_filters(state):
        clause, values = active.sql(state)
        clauses.append(clause)
        params += values
    return " AND ".join(clauses), params


def describe(state: ViewState, shown: int, total: int, taxonomy_labels: Labels) -> str:
    """What the view shows, in one sentence: '38 of 412 articles: Tariffs, Ishiba, 2025-01-01 to
    2025-12-31 (undated articles included)', or 'All 5 articles' when nothing is filtered."""
    noun = "article" if total == 1 else "articles"
    phrases = [active.phrase(state, taxonomy_labels) for active in active_filters(state)]
    if total == 0:
        return "No articles loaded"
    if not phrases and shown == total:
        return f"All {total} {noun}" if total != 1 else "The only article"
    head = f"{shown} of {total} {noun}"
    return f"{head}: {', '.join(phrases)}" if phrases else head
