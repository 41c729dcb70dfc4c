"""What the pages ask of the loaded articles, behind one interface with two answers:

- FrameSource: a pandas frame in memory (the sample, a visitor's upload), answered by
  lib.views.aggregate;
- lib.views.warehouse.Warehouse: an analysis store of any size, answered by SQL in DuckDB without
  loading the articles into pandas.

A source gives the facets the filters offer and, for a view, a Selection: the articles the view
lets through, with the figures the pages draw. Both answers share the arithmetic that turns
counts into charts (lib.views.aggregate's *_from_* functions), and a test checks they agree.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

import pandas as pd

from lib.pipeline.bundle import corpus_fingerprint
from lib.pipeline.corpus import Corpus
from lib.schema.report import IngestReport
from lib.views import aggregate
from lib.views.copies import story_rows
from lib.views.filters import TextSearch, counts_stories_once, one_copy_per_story, passing_articles
from lib.views.state import ViewState


@dataclass(frozen=True)
class Facets:
    """What the sidebar filters offer: the corpus's date range, its PMs (office order) and outlets."""

    date_range: tuple[date, date] | None
    pms: list[str]
    outlets: list[str]
    stories: bool = True  # the articles are grouped into stories, so each can be counted once


class Selection(Protocol):
    """The articles a view lets through (in corpus order) and the figures drawn from them."""

    def __len__(self) -> int: ...

    @property
    def reprints(self) -> int: ...  # copies of the selected stories left out (counting each story once)

    def summary(self, topic_keys: tuple[str, ...]) -> dict: ...

    def per_period(self, granularity: str) -> pd.DataFrame: ...

    def undated(self) -> dict: ...

    def timeline(self, topic_keys: list[str], granularity: str, measure: str, smoothing: int) -> pd.DataFrame: ...

    def in_period(self, topic_key: str, period_start: str | pd.Timestamp, granularity: str) -> pd.DataFrame: ...

    def pm_topic_table(self, topic_keys: list[str], today: date, tone_measure: str = "polarity") -> pd.DataFrame: ...

    def pm_counts(self, today: date) -> pd.DataFrame: ...

    def n_without_pm(self) -> int: ...

    def rows(self, limit: int | None = None) -> pd.DataFrame: ...

    def with_ids(self, article_ids: list[str]) -> pd.DataFrame: ...


class ArticleSource(Protocol):
    report: IngestReport
    store_problems: list[str]

    @property
    def fingerprint(self) -> str: ...  # the articles' identity, written into every link

    @property
    def n_total(self) -> int: ...

    def facets(self) -> Facets: ...

    def select(self, view: ViewState) -> Selection: ...

    def story_of(self, article_id: str) -> pd.DataFrame: ...  # every copy of the article's story


# A page builds its FrameSource anew on every rerun, over the same frame (an upload kept in the
# session, a published corpus in the resource cache): the fingerprint sorts every row, so it is
# kept per frame object for as long as the frame lives, not recomputed per rerun.
_FINGERPRINTS: dict[int, str] = {}


def _fingerprint_of(frame: pd.DataFrame) -> str:
    key = id(frame)
    if key not in _FINGERPRINTS:
        _FINGERPRINTS[key] = corpus_fingerprint(frame)
        weakref.finalize(frame, _FINGERPRINTS.pop, key, None)
    return _FINGERPRINTS[key]


@dataclass
class FrameSelection:
    frame: pd.DataFrame
    reprints: int = 0

    def __len__(self) -> int:
        return len(self.frame)

    def summary(self, topic_keys: tuple[str, ...]) -> dict:
        return aggregate.corpus_summary(self.frame, topic_keys)

    def per_period(self, granularity: str) -> pd.DataFrame:
        return aggregate.articles_per_period(self.frame, granularity)

    def undated(self) -> dict:
        return aggregate.undated_summary(self.frame)

    def timeline(self, topic_keys: list[str], granularity: str, measure: str, smoothing: int) -> pd.DataFrame:
        return aggregate.timeline(self.frame, topic_keys, granularity, measure, smoothing)

    def in_period(self, topic_key: str, period_start: str | pd.Timestamp, granularity: str) -> pd.DataFrame:
        return aggregate.articles_in_period(self.frame, topic_key, period_start, granularity)

    def pm_topic_table(self, topic_keys: list[str], today: date, tone_measure: str = "polarity") -> pd.DataFrame:
        return aggregate.pm_topic_table(self.frame, topic_keys, today, tone_measure)

    def pm_counts(self, today: date) -> pd.DataFrame:
        return aggregate.pm_counts(self.frame, today)

    def n_without_pm(self) -> int:
        return int((self.frame["pm"].fillna("") == "").sum())

    def rows(self, limit: int | None = None) -> pd.DataFrame:
        return self.frame if limit is None else self.frame.head(limit)

    def with_ids(self, article_ids: list[str]) -> pd.DataFrame:
        return self.frame[self.frame["article_id"].isin(article_ids)]


@dataclass
class FrameSource:
    """Articles held as one pandas frame (with texts, or the slim frame of a store plus a
    `search` that scans the store's texts)."""

    frame: pd.DataFrame
    report: IngestReport = field(default_factory=IngestReport)
    store_problems: list[str] = field(default_factory=list)
    search: TextSearch | None = None

    @classmethod
    def of(cls, corpus: Corpus, search: TextSearch | None = None) -> FrameSource:
        return cls(corpus.frame, corpus.report, list(corpus.store_problems), search)

    @cached_property
    def fingerprint(self) -> str:
        return _fingerprint_of(self.frame)

    @property
    def n_total(self) -> int:
        return len(self.frame)

    def facets(self) -> Facets:
        dated = self.frame["published"].dropna()
        date_range = (dated.min().date(), dated.max().date()) if len(dated) else None
        return Facets(
            date_range,
            aggregate.pm_order(set(self.frame["pm"].fillna("")) - {""}),
            sorted(set(self.frame["outlet"].fillna("")) - {""}),
            "story_id" in self.frame.columns,
        )

    def select(self, view: ViewState) -> FrameSelection:
        # Not cached: filtering is vectorised and fast, and caching would hash (pickle) the
        # whole frame on every rerun and keep visitors' uploads in a cache shared by sessions.
        passing = passing_articles(self.frame, view, self.search)
        if not counts_stories_once(view, self.frame.columns):
            return FrameSelection(passing)
        shown = one_copy_per_story(passing)
        return FrameSelection(shown, len(passing) - len(shown))

    def story_of(self, article_id: str) -> pd.DataFrame:
        return story_rows(self.frame, article_id)
