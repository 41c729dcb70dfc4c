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


def passing_articles(frame: pd.DataFrame, state: ViewState, search: TextSearch | None = None) -> pd.DataFrame:
    """The articles the filters let through, every copy of a story included, in frame order."""
    keep = pd.Series(True, index=frame.index)
    for active in active_filters(state):
        keep &= active.mask(frame, state, search)
    return frame[keep]


# Counting each story once comes after the filters, not as one of them: a story counts once if
# ANY of its copies passes the other filters, represented by its earliest-published passing copy
# (undated copies last, then source order). Keeping only the story's original instead would lose
# a story from an outlet filter whenever the original ran elsewhere, and would count it on a date
# its passing copies do not have.
STORY_COLUMN = "story_id"


def counts_stories_once(state: ViewState, columns) -> bool:
    """Whether the view counts each story once over data with these columns (data without
    `story_id`, such as an analysis store never grouped into stories, counts every copy)."""
    return state.dedup and STORY_COLUMN in columns


def one_copy_per_story(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per story_id: its earliest-published row (undated last, ties in frame order),
    returned in frame order."""
    if frame.empty:
        return frame
    rows = pd.DataFrame(
        {
            "story": frame[STORY_COLUMN].astype("string").fillna(frame["article_id"].astype("string")).to_numpy(),
            "published": frame["published"].to_numpy(),
            "position": range(len(frame)),
        }
    )
    rows = rows.sort_values(["published", "position"], na_position="last", kind="stable")
    return frame.iloc[sorted(rows.drop_duplicates("story")["position"])]


def filter_articles(frame: pd.DataFrame, state: ViewState, search: TextSearch | None = None) -> pd.DataFrame:
    """The articles the view state lets through, in frame order: those passing the filters,
    one per story when the view counts each story once."""
    passing = passing_articles(frame, state, search)
    return one_copy_per_story(passing) if counts_stories_once(state, frame.columns) else passing


def where_clause(state: ViewState, *, stories: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause (with ? parameters) that keeps what filter_articles keeps, for SQL over
    a table whose `position` is its frame order; `stories`: the table has a story_id column."""
    clauses, params = ["true"], []
    for active in active_filters(state):
        clause, values = active.sql(state)
        clauses.append(clause)
        params += values
    passing = " AND ".join(clauses)
    if not counts_stories_once(state, [STORY_COLUMN] if stories else []):
        return passing, params
    # The same choice as one_copy_per_story, among the passing rows.
    first_copies = f"""position IN (SELECT position FROM articles WHERE {passing}
        QUALIFY row_number() OVER (PARTITION BY coalesce(story_id, article_id)
                                   ORDER BY published ASC NULLS LAST, position) = 1)"""
    return first_copies, params


def stories_phrase(state: ViewState, reprints: int, stories: bool) -> str:
    """How copies of one story are counted, when it matters: 'each story counted once (37
    reprints set aside)'; 'every copy of a story counted' when switched off; '' otherwise, and
    for articles not grouped into stories (a store: the sidebar's switch says why, once)."""
    if not stories:
        return ""
    if not state.dedup:
        return "every copy of a story counted"
    if not reprints:
        return ""
    return f"each story counted once ({reprints} reprint{'' if reprints == 1 else 's'} set aside)"


def describe(
    state: ViewState, shown: int, total: int, taxonomy_labels: Labels, *, reprints: int = 0, stories: bool = True
) -> str:
    """What the view shows, in one sentence: '38 of 412 articles: Tariffs, Ishiba, 2025-01-01 to
    2025-12-31 (undated articles included), each story counted once (3 reprints set aside)', or
    'All 5 articles' when nothing is filtered. `reprints`: copies of the shown stories left out;
    `stories`: whether the articles are grouped into stories at all."""
    noun = "article" if total == 1 else "articles"
    phrases = [active.phrase(state, taxonomy_labels) for active in active_filters(state)]
    story = stories_phrase(state, reprints, stories)
    if total == 0:
        return "No articles loaded"
    if not phrases and shown + reprints == total:
        head = f"All {total} {noun}" if total != 1 else "The only article"
        return f"{head}, {story}" if story else head
    head = f"{shown} of {total} {noun}"
    phrases += [story] if story else []
    return f"{head}: {', '.join(phrases)}" if phrases else head
