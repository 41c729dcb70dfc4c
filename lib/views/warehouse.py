"""An analysis store answered by SQL: DuckDB, embedded, over the store's Parquet parts.

At a million articles a pandas frame of even the slim columns costs gigabytes and a filter
change seconds; here the slim rows live in one DuckDB table (columnar, in this process) and
every figure a page draws is one GROUP BY over it. Only the rows a page lists come back to
pandas, and texts are still read on demand from their parts (lib.pipeline.store_frame).

The table holds exactly the rows lib.pipeline.store_frame.open_store_frame gives, in the same order
(later parts win for an input, one row per article id, by source); tests/test_warehouse.py
checks every answer against the pandas one (lib.views.sources.FrameSelection).

One Warehouse is shared by every session of a dashboard (read-only after opening); each query
runs on its own cursor, as DuckDB connections are not to be shared between threads.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from threading import Lock
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from lib.pipeline.store import BASE_SCHEMA, TAG_SCHEMA, ArticleStore
from lib.pipeline.store_frame import (
    PART_COLUMN,
    SLIM_BASE_COLUMNS,
    TAG_PART_COLUMN,
    retag_missing,
    search_store,
    with_slim_dtypes,
)
from lib.pipeline.store_stories import covering_story_ids
from lib.reference.taxonomy import Taxonomy
from lib.schema.report import IngestReport
from lib.schema.topic_table import polarity_column, tagged_column
from lib.views.aggregate import (
    GRANULARITIES,
    PM_TOPIC_STATS_COLUMNS,
    TIMELINE_COLUMNS,
    TONE_MEASURES,
    check_choice,
    check_timeline_options,
    empty_frame,
    per_period_from_counts,
    pm_counts_from,
    pm_order,
    pm_topic_table_from_stats,
    timeline_from_stats,
    tone_of,
    undated_summary_from,
)
from lib.views.filters import where_clause
from lib.views.matching import word_form_pattern
from lib.views.sources import Facets
from lib.views.state import ViewState

# DuckDB's date_trunc unit per granularity (weeks start on Monday, as pandas' W-SUN periods).
PERIOD_UNITS = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}
SEARCHES_KEPT = 16  # recent text searches remembered (ids of matching articles)


# count(*) FILTER (WHERE ...) rather than count_if: over no rows the first is 0, the second NULL.


def _latest_rows(table: str) -> str:
    """The rows of `table`, one per input_key: the latest written (highest order_key)."""
    return f"""WITH repeated AS (SELECT input_key FROM {table} GROUP BY input_key HAVING count(*) > 1)
               SELECT * FROM {table} ANTI JOIN repeated USING (input_key)
               UNION ALL
               SELECT * FROM {table} SEMI JOIN repeated USING (input_key)
               QUALIFY row_number() OVER (PARTITION BY input_key ORDER BY order_key DESC) = 1"""


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _no_nan(column: str) -> str:
    """A float column with NaN read as missing (pandas skips both in means and counts)."""
    quoted = _identifier(column)
    return f"CASE WHEN isnan({quoted}) THEN NULL ELSE {quoted} END"


class Warehouse:
    """The slim rows of a store, tagged with `taxonomy`, in an in-process DuckDB table."""

    def __init__(self, store: ArticleStore, taxonomy: Taxonomy, *, threads: int = 2, memory_limit: str = "1GB") -> None:
        self.store = store
        self.taxonomy = taxonomy
        self.report = IngestReport()  # a store keeps no ingest report: its runs printed theirs
        self._con = duckdb.connect(":memory:", config={"threads": threads, "memory_limit": memory_limit})
        self._load(store, taxonomy)
        self.store_problems = list(store.problems)
        self.columns = [row[0] for row in self._query("DESCRIBE articles").fetchall()]
        self.n_total = self._scalar("SELECT count(*) FROM articles")
        # Order-free and one streaming pass: the XOR of the rows' hashes (ids and tags), with the count.
        mixed = self._scalar("SELECT coalesce(bit_xor(hash(article_id, topics::VARCHAR)), 0) FROM articles")
        self.fingerprint = f"{(mixed ^ self.n_total) & 0xFFFFFFFFFFFFFFFF:016x}"
        self._searches: OrderedDict[str, pa.Table] = OrderedDict()
        self._search_lock = Lock()
        self._facets = self._read_facets()
        article_ids = self._query("SELECT article_id FROM articles").df()["article_id"]
        story_ids = covering_story_ids(store, article_ids)
        if story_ids is not None:  # grouped by the run that wrote the store (lib.pipeline.store_stories)
            self.add_story_ids(pd.Series(story_ids.to_numpy(), index=article_ids.to_numpy()))

    # --- opening ----------------------------------------------------------------------------

    def _stage(self, table_name: str, folder: Path, columns: list[str], part_column: str) -> bool:
        """Copy `columns` of the parts in `folder` into `table_name`, with each row's part name
        and `order_key` (part index, row number: where it sits in the store, for the store's
        "later wins" and "first by source" rules). DuckDB reads the Parquet itself, in parallel;
        if a part is damaged, the parts are checked one by one (lib.pipeline.store reports the damaged
        ones) and the readable ones read. False when no part can be read."""
        parts = self.store.parts(folder)
        readable = parts
        for attempt in range(2):
            if not readable:
                return False
            names = pa.table(
                {
                    "file": [str(p) for p in readable],
                    part_column: [p.name for p in readable],
                    "part_index": pa.array(range(len(readable)), pa.int64()),
                }
            )
            self._con.register("names", names)
            select = ", ".join(_identifier(c) for c in columns)
            try:
                self._con.execute(
                    f"""
                    CREATE OR REPLACE TABLE {table_name} AS
                    SELECT {select}, names.{part_column}, names.part_index * 4294967296 + file_row_number AS order_key
                    FROM read_parquet(?, filename = true, file_row_number = true) AS rows
                    JOIN names ON rows.filename = names.file""",
                    [[str(p) for p in readable]],
                )
                return True
            except duckdb.Error:
                if attempt:
                    raise
                readable = [p for p in parts if self.store.read_part(p, ["input_key"]) is not None]
        return False

    def _stage_empty(self, table_name: str, columns: list[str], part_column: str) -> None:
        """`table_name` as `_stage` makes it, with no rows (a store whose parts are all damaged)."""
        declared = {f.name: f.type for f in [*BASE_SCHEMA, *TAG_SCHEMA]}
        types = [declared.get(c, pa.bool_() if c.startswith("topic:") else pa.float64()) for c in columns]
        empty = pa.table(
            {
                **{c: pa.array([], t) for c, t in zip(columns, types, strict=True)},
                part_column: pa.array([], pa.string()),
                "order_key": pa.array([], pa.int64()),
            }
        )
        self._con.register("empty_stage", empty)
        self._con.execute(f"CREATE OR REPLACE TABLE {table_name} AS SELECT * FROM empty_stage")
        self._con.unregister("empty_stage")

    def _load(self, store: ArticleStore, taxonomy: Taxonomy) -> None:
        flags = [tagged_column(k) for k in taxonomy.keys] + [polarity_column(k) for k in taxonomy.keys]
        tags_dir = store.tags_dir(taxonomy.fingerprint)
        base_columns = ["input_key", "engine_key", *SLIM_BASE_COLUMNS]
        has_base = self._stage("base", store.base_dir, base_columns, PART_COLUMN)
        if not has_base and not store.problems:
            raise ValueError(
                f"{store.root}: the store holds no readable analysis; "
                f"run `python -m lib analyze ... --store {store.root}`"
            )
        if not has_base:  # every part damaged: the pages draw no articles, with the warning
            self._stage_empty("base", base_columns, PART_COLUMN)
        self._con.execute("DELETE FROM base WHERE engine_key IS DISTINCT FROM ?", [store.engine_key])
        has_tags = self._stage("tags", tags_dir, ["input_key", "topics", *flags], TAG_PART_COLUMN)
        untagged = self._scalar("SELECT count(*) FROM base ANTI JOIN tags USING (input_key)") if has_tags else 1
        if untagged:
            # A taxonomy edit (or a run killed between writing base and tags): tag from stored
            # sentences, without scoring sentiment again, then read the tags again.
            retag_missing(store, taxonomy)
            if not self._stage("tags", tags_dir, ["input_key", "topics", *flags], TAG_PART_COLUMN):
                self._stage_empty("tags", ["input_key", "topics", *flags], TAG_PART_COLUMN)
        slim = ", ".join(f"b.{_identifier(c)}" for c in SLIM_BASE_COLUMNS)
        tag_columns = ", ".join(f"t.{_identifier(c)}" for c in ["topics", *flags, TAG_PART_COLUMN])
        # The rules of open_store_frame: the latest row of each input (base and tags), then one
        # row per article id, the first by source; `position` is that order. Duplicates are rare
        # (a re-analysed input, one text in two files), so only they go through a window.
        self._con.execute(f"""
            CREATE TABLE articles AS
            WITH b AS ({_latest_rows("base")}),
                 t AS ({_latest_rows("tags")}),
                 joined AS (SELECT b.input_key, {slim}, b.{PART_COLUMN}, b.order_key, {tag_columns}
                            FROM b JOIN t USING (input_key)),
                 repeated AS (SELECT article_id FROM joined GROUP BY article_id HAVING count(*) > 1),
                 later_copies AS (SELECT order_key FROM joined SEMI JOIN repeated USING (article_id)
                                  QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY source, order_key) > 1)
            SELECT row_number() OVER (ORDER BY source, order_key) AS position, * EXCLUDE (order_key)
            FROM joined ANTI JOIN later_copies USING (order_key)
        """)
        self._con.execute("DROP TABLE base")
        self._con.execute("DROP TABLE tags")

    def _scalar(self, sql: str, params: list | None = None):
        return self._query(sql, params).fetchone()[0]

    def _read_facets(self) -> Facets:
        low, high = self._query("SELECT min(published), max(published) FROM articles").fetchone()
        pms = [r[0] for r in self._query("SELECT DISTINCT pm FROM articles WHERE coalesce(pm, '') <> ''").fetchall()]
        outlets = [
            r[0]
            for r in self._query(
                "SELECT DISTINCT outlet FROM articles WHERE coalesce(outlet, '') <> '' ORDER BY outlet"
            ).fetchall()
        ]
        return Facets((low, high) if low is not None else None, pm_order(pms), sorted(outlets), self.has_stories)

    def add_story_ids(self, story_ids: pd.Series) -> None:
        """Group the articles into stories: `story_ids` maps article_id (index) to story_id
        (lib.pipeline.stories over the store's texts); articles it lacks are stories of their own."""
        ids = pa.table(
            {
                "article_id": pa.array(story_ids.index.astype(str), pa.string()),
                "story_id": pa.array(story_ids.astype(str), pa.string()),
            }
        )
        self._con.register("story_ids", ids)
        self._con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id VARCHAR")
        self._con.execute(
            "UPDATE articles SET story_id = s.story_id FROM story_ids AS s WHERE articles.article_id = s.article_id"
        )
        self._con.unregister("story_ids")
        self.columns = [row[0] for row in self._query("DESCRIBE articles").fetchall()]
        self._facets = replace(self._facets, stories=True)

    @property
    def has_stories(self) -> bool:
        """Whether the table groups articles into stories: the run that analysed into the store
        grouped it (lib.pipeline.store_stories) and that grouping covers every stored article; a
        store never grouped, or added to by a run killed before grouping, counts every copy."""
        return "story_id" in self.columns

    # --- the source interface ----------------------------------------------------------------

    def facets(self) -> Facets:
        return self._facets

    def select(self, view: ViewState) -> SqlSelection:
        where, params = where_clause(view, stories=self.has_stories)
        passing, _ = where_clause(view)  # the same parameters, every copy of a story counted
        hits = self._search_hits(view.search.strip()) if view.search.strip() else None
        return SqlSelection(self, where, params, hits, passing)

    def story_of(self, article_id: str) -> pd.DataFrame:
        story = "coalesce(story_id, article_id)" if self.has_stories else "article_id"
        sql = f"""SELECT * EXCLUDE (position) FROM articles
                  WHERE {story} = (SELECT {story} FROM articles WHERE article_id = ?) ORDER BY position"""
        return with_slim_dtypes(self._query(sql, [article_id]).df())

    # --- helpers -----------------------------------------------------------------------------

    def _query(self, sql: str, params: list | None = None, hits: pa.Table | None = None):
        cursor = self._con.cursor()
        if hits is not None:
            cursor.register("search_hits", hits)
        return cursor.execute(sql, params or [])

    def _search_hits(self, term: str) -> pa.Table:
        """Ids of the articles whose title or text holds `term`: the texts are not in the
        table, so the parts are scanned (lib.pipeline.store_frame.search_store), once per term."""
        with self._search_lock:
            if term in self._searches:
                self._searches.move_to_end(term)
                return self._searches[term]
        # The same word-form pattern the pandas filter uses (lib.views.matching), read by RE2.
        found = search_store(self.store, word_form_pattern(term, capture=False), regex=True)
        hits = pa.table({"article_id": pa.array(sorted(found), pa.string())})
        with self._search_lock:
            self._searches[term] = hits
            while len(self._searches) > SEARCHES_KEPT:
                self._searches.popitem(last=False)
        return hits

    def tagged_expression(self, key: str) -> str:
        column = tagged_column(key)
        return _identifier(column) if column in self.columns else "false"

    def polarity_expression(self, key: str) -> str:
        column = polarity_column(key)
        return _no_nan(column) if column in self.columns else "CAST(NULL AS DOUBLE)"

    def tone_expression(self, key: str, tone_measure: str) -> str:
        """The SQL of lib.views.aggregate.tagged_tone's figure (before the tagged filter)."""
        column = TONE_MEASURES[tone_measure].article_column
        if not column:
            return self.polarity_expression(key)
        return _no_nan(column) if column in self.columns else "CAST(NULL AS DOUBLE)"


@dataclass
class SqlSelection:
    """The articles a view lets through, as a WHERE clause over the warehouse's table."""

    warehouse: Warehouse
    where: str
    params: list[Any]
    hits: pa.Table | None = None
    passing_where: str = ""  # `where` with every copy of a story counted ("" = the same as `where`)

    def _query(self, sql: str, params: list | None = None):
        return self.warehouse._query(sql, [*self.params, *(params or [])], self.hits)

    def _frame(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self._query(sql, params).df()

    @cached_property
    def _count(self) -> int:
        return self._query(f"SELECT count(*) FROM articles WHERE {self.where}").fetchone()[0]

    def __len__(self) -> int:
        return self._count

    @cached_property
    def reprints(self) -> int:
        if not self.passing_where or self.passing_where == self.where:
            return 0
        return self._query(f"SELECT count(*) FROM articles WHERE {self.passing_where}").fetchone()[0] - self._count

    # --- summaries ---------------------------------------------------------------------------

    def summary(self, topic_keys: tuple[str, ...]) -> dict:
        n, n_dated, low, high, undated, from_text, from_meta, pm_text, warned = self._query(f"""
            SELECT count(*), count(published), min(published), max(published),
                   count(*) FILTER (WHERE published IS NULL), count(*) FILTER (WHERE date_basis = 'text'),
                   count(*) FILTER (WHERE date_basis = 'metadata'), count(*) FILTER (WHERE pm_basis = 'text'),
                   count(*) FILTER (WHERE len(coalesce(warnings, [])) > 0)
            FROM articles WHERE {self.where}""").fetchone()
        outlets = self._query(f"""
            SELECT outlet, count(*) AS n FROM articles WHERE {self.where} AND coalesce(outlet, '') <> ''
            GROUP BY outlet ORDER BY n DESC, min(position)""").fetchall()
        countries = self._query(f"""
            SELECT outlet_country, count(*) AS n FROM articles
            WHERE {self.where} AND coalesce(outlet_country, '') <> ''
            GROUP BY outlet_country ORDER BY n DESC, min(position)""").fetchall()
        pms = dict(
            self._query(f"""
            SELECT pm, count(*) FROM articles WHERE {self.where} AND coalesce(pm, '') <> ''
            GROUP BY pm""").fetchall()
        )
        prevalence = dict.fromkeys(topic_keys, 0)
        for key, count in self._query(f"""
                SELECT key, count(*) FROM (SELECT unnest(topics) AS key, position FROM articles
                WHERE {self.where}) GROUP BY key ORDER BY min(position)""").fetchall():
            prevalence[key] = prevalence.get(key, 0) + count
        return {
            "n_articles": n,
            "n_dated": n_dated,
            "date_min": low,
            "date_max": high,
            "outlets": {str(k): int(v) for k, v in outlets},
            "outlet_countries": {str(k): int(v) for k, v in countries},
            "pms": {pm: int(pms[pm]) for pm in pm_order(pms)},
            "topic_prevalence": prevalence,
            "quality": {
                "undated": undated,
                "date_from_text": from_text,
                "date_from_metadata": from_meta,
                "pm_from_text": pm_text,
                "with_warnings": warned,
            },
        }

    def _period_counts(self, granularity: str, extra: str = "") -> pd.DataFrame:
        check_choice(granularity, GRANULARITIES, "granularity")
        frame = self._frame(f"""
            SELECT date_trunc('{PERIOD_UNITS[granularity]}', published)::TIMESTAMP AS start,
                   count(*) AS n_articles{extra}
            FROM articles WHERE {self.where} AND published IS NOT NULL GROUP BY start ORDER BY start""")
        frame.index = pd.PeriodIndex(
            [pd.Period(s, GRANULARITIES[granularity]) for s in frame["start"]], freq=GRANULARITIES[granularity]
        )
        return frame

    def per_period(self, granularity: str) -> pd.DataFrame:
        counts = self._period_counts(granularity)["n_articles"].astype("int64")
        return per_period_from_counts(counts, granularity)

    def undated(self) -> dict:
        n_undated, n_total, with_pm = self._query(f"""
            SELECT count(*) FILTER (WHERE published IS NULL), count(*),
                   count(*) FILTER (WHERE published IS NULL AND coalesce(pm, '') <> '')
            FROM articles WHERE {self.where}""").fetchone()
        return undated_summary_from(n_undated, n_total, with_pm)

    def timeline(self, topic_keys: list[str], granularity: str, measure: str, smoothing: int) -> pd.DataFrame:
        check_timeline_options(granularity, measure, smoothing)
        if not topic_keys:
            return _empty_timeline()
        w = self.warehouse
        tone = tone_of(measure)
        extra = "".join(
            f", count(*) FILTER (WHERE {w.tagged_expression(k)}) AS t{i}"
            f", avg({w.tone_expression(k, tone)}) FILTER (WHERE {w.tagged_expression(k)}) AS m{i}"
            f", count({w.tone_expression(k, tone)}) FILTER (WHERE {w.tagged_expression(k)}) AS c{i}"
            for i, k in enumerate(topic_keys)
        )
        counts = self._period_counts(granularity, extra)
        if counts.empty:
            return _empty_timeline()
        stats = {
            key: pd.DataFrame({"n_tagged": counts[f"t{i}"], "tone_mean": counts[f"m{i}"], "n_toned": counts[f"c{i}"]})
            for i, key in enumerate(topic_keys)
        }
        return timeline_from_stats(counts["n_articles"].astype("int64"), stats, granularity, measure, smoothing)

    def in_period(self, topic_key: str, period_start: str | pd.Timestamp, granularity: str) -> pd.DataFrame:
        check_choice(granularity, GRANULARITIES, "granularity")
        start = pd.Period(pd.Timestamp(period_start), freq=GRANULARITIES[granularity]).start_time
        return self._rows(
            f"AND published IS NOT NULL AND {self.warehouse.tagged_expression(topic_key)} "
            f"AND date_trunc('{PERIOD_UNITS[granularity]}', published)::TIMESTAMP = ?",
            [start.to_pydatetime()],
        )

    # --- prime ministers ---------------------------------------------------------------------

    def pm_topic_table(self, topic_keys: list[str], today: date, tone_measure: str = "polarity") -> pd.DataFrame:
        check_choice(tone_measure, TONE_MEASURES, "tone measure")
        w = self.warehouse
        per_key = "".join(
            f", count(*) FILTER (WHERE {tagged}), count({tone}) FILTER (WHERE {tagged})"
            f", avg({tone}) FILTER (WHERE {tagged}), stddev_samp({tone}) FILTER (WHERE {tagged})"
            for tagged, tone in ((w.tagged_expression(k), w.tone_expression(k, tone_measure)) for k in topic_keys)
        )
        found = {
            row[0]: row[1:]
            for row in self._query(f"""
            SELECT pm, count(*){per_key} FROM articles WHERE {self.where} AND coalesce(pm, '') <> ''
            GROUP BY pm""").fetchall()
        }
        rows = []
        for pm in pm_order(found):
            n_articles, *figures = found[pm]
            for i, key in enumerate(topic_keys):
                n_tagged, n_toned, mean, sd = figures[4 * i : 4 * i + 4]
                rows.append((pm, key, n_articles, n_tagged, n_toned, _float(mean), _float(sd)))
        return pm_topic_table_from_stats(pd.DataFrame(rows, columns=list(PM_TOPIC_STATS_COLUMNS)), today, tone_measure)

    def pm_counts(self, today: date) -> pd.DataFrame:
        found = {
            pm: (n, undated)
            for pm, n, undated in self._query(f"""
            SELECT pm, count(*), count(*) FILTER (WHERE published IS NULL) FROM articles
            WHERE {self.where} AND coalesce(pm, '') <> '' GROUP BY pm""").fetchall()
        }
        return pm_counts_from([(pm, *found[pm]) for pm in pm_order(found)], today)

    def n_without_pm(self) -> int:
        sql = f"SELECT count(*) FILTER (WHERE coalesce(pm, '') = '') FROM articles WHERE {self.where}"
        return self._query(sql).fetchone()[0]

    # --- rows --------------------------------------------------------------------------------

    def _rows(self, condition: str = "", params: list | None = None, limit: int | None = None) -> pd.DataFrame:
        sql = f"SELECT * EXCLUDE (position) FROM articles WHERE {self.where} {condition} ORDER BY position"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return with_slim_dtypes(self._query(sql, params).df())

    def rows(self, limit: int | None = None) -> pd.DataFrame:
        return self._rows(limit=limit)

    def with_ids(self, article_ids: list[str]) -> pd.DataFrame:
        return self._rows("AND list_contains(?::VARCHAR[], article_id)", [list(article_ids)])


def _float(value) -> float:
    return float("nan") if value is None else float(value)


def _empty_timeline() -> pd.DataFrame:
    return empty_frame(TIMELINE_COLUMNS)
