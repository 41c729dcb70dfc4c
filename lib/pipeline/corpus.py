"""Raw articles to the article frame and its ingest report: the library's front door."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd

from lib.annotate.sentiment import SentimentEngine, get_engine
from lib.ingest.readers import RawArticle, read_bytes, walk_paths
from lib.pipeline.parallel import Outcome, analyze_stream
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_stories import group_store_stories, stories_path
from lib.pipeline.stories import with_stories
from lib.reference.taxonomy import Taxonomy, default_taxonomy, load_taxonomy
from lib.schema.columns import COLUMN_NAMES, EXTRA_PREFIX, build_frame
from lib.schema.limits import DEFAULT_LIMITS, Limits
from lib.schema.report import IngestReport
from lib.schema.topic_table import polarity_column, tagged_column, with_topic_columns

if TYPE_CHECKING:  # the web collector (requests, feedparser, trafilatura) is imported by load_web only
    from lib.ingest.web.collect import CollectLimits, Sources
    from lib.ingest.web.fetch import Fetcher

STORE_BATCH = 2000  # new records per store part: a killed run loses at most this many
Progress = Callable[[int, str], None]  # (articles done so far, current source)
# How raw articles become outcomes, in input order: lib.pipeline.parallel.analyze_stream (this machine) by
# default; lib.pipeline.dask_engine.dask_stream(client) runs the same per-chunk function on a Dask cluster.
OutcomeStream = Callable[..., Iterator[Outcome]]  # (raws, taxonomy, engine, *, jobs) -> outcomes


@dataclass
class Corpus:
    frame: pd.DataFrame
    report: IngestReport = field(default_factory=IngestReport)
    store_problems: list[str] = field(default_factory=list)  # damaged store parts, re-analysed


def resolve_taxonomy(taxonomy: Taxonomy | str | os.PathLike | None) -> Taxonomy:
    if taxonomy is None:
        return default_taxonomy()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    return load_taxonomy(taxonomy)


def _frame_with_extras(records: list[dict]) -> pd.DataFrame:
    """The declared columns, then any unknown input columns carried through as text."""
    frame = build_frame(records)
    extras = list(dict.fromkeys(k for r in records for k in r if k.startswith(EXTRA_PREFIX)))
    if not extras:
        return frame
    columns: dict[str, pd.Series] = {}
    for key in extras:
        name = key[len(EXTRA_PREFIX) :]
        # An input column never takes the place of a computed one (topic:*, topic_polarity:*
        # included): it is carried under input_<name>.
        while name in COLUMN_NAMES or name in frame.columns or name in columns or _computed(name):
            name = f"input_{name}"
        columns[name] = pd.Series([r.get(key, "") for r in records], dtype="string", index=frame.index)
    # One concat, not one insert per column: a table of 20,000 columns took minutes that way.
    return pd.concat([frame, pd.DataFrame(columns, index=frame.index)], axis=1)


def _computed(name: str) -> bool:
    """Names the analysis adds after this frame is built (flat per-topic columns)."""
    return name.startswith((tagged_column(""), polarity_column("")))


@dataclass(frozen=True)
class RunSettings:
    """How a corpus is analysed, shared by every entry point (load_corpus, load_blobs,
    build_store, analyze_raw). Each takes `settings=` and/or these fields as keywords."""

    taxonomy: Taxonomy | str | os.PathLike | None = None  # None: the bundled taxonomy
    engine: SentimentEngine | None = None  # None: the default sentiment engine
    limits: Limits = DEFAULT_LIMITS
    progress: Progress | None = None
    jobs: int = 1
    analyze_outcomes: OutcomeStream = analyze_stream

    @classmethod
    def of(cls, settings: RunSettings | None, **overrides) -> RunSettings:
        return replace(settings or cls(), **overrides)

    def rules(self) -> Taxonomy:
        return resolve_taxonomy(self.taxonomy)

    def scorer(self) -> SentimentEngine:
        return self.engine or get_engine()


def analyze_raw(
    raws: Iterable[RawArticle],
    report: IngestReport,
    *,
    settings: RunSettings | None = None,
    store: ArticleStore | None = None,
    **overrides,
) -> Corpus:
    """Analyse raw articles; failures and exact duplicates go to the report, never lost.

    With a store, inputs it already holds are read back instead of analysed, and new results
    are written to it in batches as the run goes (a killed run keeps what it finished).
    """
    run = RunSettings.of(settings, **overrides)
    rules = run.rules()
    slots: list[tuple[str, dict | str]] = []  # ("record", record) or ("stored", input_key)
    for outcome in _stored_outcomes(raws, report, rules, run.scorer(), run, store):
        slots.append(("stored", outcome.input_key) if outcome.stored else ("record", outcome.record))
    if store is not None:
        records = _with_stored(slots, store, rules)
    else:
        records = [record for _, record in slots]
    return Corpus(with_stories(_frame_with_extras(_deduplicated(records, report))), report)


def _stored_outcomes(
    raws: Iterable[RawArticle],
    report: IngestReport,
    rules: Taxonomy,
    scorer: SentimentEngine,
    run: RunSettings,
    store: ArticleStore | None,
) -> Iterator[Outcome]:
    """The outcomes that hold an article (new or already stored), in input order; failures go
    to the report, and new results are written to the store in batches as the run goes."""
    pending: list[tuple[str, dict]] = []
    files: list[tuple[str, int, int, str]] = []  # whole-file inputs in `pending`, for the file index
    analysed = 0
    for done, outcome in enumerate(run.analyze_outcomes(raws, rules, scorer, jobs=run.jobs), start=1):
        if run.progress:
            run.progress(done, outcome.source)
        if not outcome.stored and outcome.record is None:
            report.add(outcome.source, outcome.reason, outcome.detail)
            continue
        if store is not None and not outcome.stored and outcome.input_key:
            analysed += 1
            pending.append((outcome.input_key, outcome.record))
            if outcome.file_signature is not None:
                files.append((outcome.source, *outcome.file_signature, outcome.input_key))
            if len(pending) >= STORE_BATCH:
                store.write(pending, rules.fingerprint, files)
                pending, files = [], []
        yield outcome
    if store is not None:
        store.write(pending, rules.fingerprint, files)
        # New articles may be reprints of stored ones: the whole store is grouped again.
        if analysed or not stories_path(store).exists():
            group_store_stories(store)


@dataclass
class StoreRun:
    """What `build_store` did: articles analysed now, articles already in the store."""

    analysed: int
    reused: int
    report: IngestReport
    store_problems: list[str] = field(default_factory=list)


def build_store(
    *paths: str | os.PathLike, store: str | os.PathLike, settings: RunSettings | None = None, **overrides
) -> StoreRun:
    """Analyse files and folders into a store only, holding no frame: memory stays at a batch
    of records whatever the corpus size (a million articles would not fit as one frame). The
    dashboard opens the store directly (ALLIANCE_LENS_STORE); duplicates of one text are kept
    once when the store is read."""
    run = RunSettings.of(settings, **overrides)
    report = IngestReport()
    scorer = run.scorer()
    article_store = ArticleStore(store, scorer)
    raws = walk_paths(list(paths), report, run.limits, **_store_lookups(article_store))
    analysed = reused = 0
    for outcome in _stored_outcomes(raws, report, run.rules(), scorer, run, article_store):
        reused += outcome.stored
        analysed += not outcome.stored
    return StoreRun(analysed, reused, report, list(article_store.problems))


def _with_stored(slots: list[tuple[str, dict | str]], store: ArticleStore, rules: Taxonomy) -> list[dict]:
    """Fill the stored slots from the store; re-tag those without tags for this taxonomy."""
    keys = {value for kind, value in slots if kind == "stored"}
    if not keys:
        return [value for _, value in slots]
    tags = store.read_tags(keys, rules.fingerprint)
    untagged = keys - tags.keys()
    bases = store.read_base(keys - untagged, with_sentences=False)
    # Only articles without tags for this taxonomy need their sentences (to be re-tagged).
    bases.update(store.read_base(untagged) if untagged else {})
    tags.update(store.retag({key: bases[key] for key in untagged if key in bases}, rules))
    records = []
    for kind, value in slots:
        if kind == "record":
            records.append(value)
        elif value in bases:
            records.append({**bases[value], **tags[value]})
    return records


def _deduplicated(records: list[dict], report: IngestReport) -> list[dict]:
    first_source: dict[str, str] = {}
    kept = []
    for record in records:
        original = first_source.get(record["article_id"])
        if original is not None:
            report.add(record["source"], "duplicate", f"same text as {original}; kept once")
            continue
        first_source[record["article_id"]] = record["source"]
        kept.append(record)
    return kept


def _store_lookups(store: ArticleStore | None) -> dict:
    """walk_paths' `known` (input keys stored) and `seen` (files stored, by path, size and
    modification time) for a store."""
    if store is None:
        return {}
    known = store.known_keys()
    return {"known": known.__contains__, "seen": store.file_lookup(known)}


def load_corpus(
    *paths: str | os.PathLike,
    store: str | os.PathLike | None = None,
    settings: RunSettings | None = None,
    **overrides,
) -> Corpus:
    """Files and folders to a Corpus (frame + ingest report), optionally through a store."""
    run = RunSettings.of(settings, **overrides)
    run = replace(run, engine=run.scorer())
    report = IngestReport()
    article_store = ArticleStore(store, run.engine) if store is not None else None
    raws = walk_paths(list(paths), report, run.limits, **_store_lookups(article_store))
    corpus = analyze_raw(raws, report, settings=run, store=article_store)
    if article_store is not None:
        corpus.store_problems = list(article_store.problems)
    return corpus


def load_blobs(blobs: Iterable[tuple[str, bytes]], *, settings: RunSettings | None = None, **overrides) -> Corpus:
    """Named byte strings (uploads) to a Corpus; nothing touches the disk."""
    run = RunSettings.of(settings, **overrides)
    report = IngestReport()

    def raws() -> Iterable[RawArticle]:
        for name, data in blobs:
            yield from read_bytes(name, data, report, run.limits)

    return analyze_raw(raws(), report, settings=run)


def load_web(
    sources: Sources,
    *,
    fetcher: Fetcher | None = None,
    limits: CollectLimits | None = None,
    store: str | os.PathLike | None = None,
    outcomes: Counter | None = None,
    fetch_progress: Progress | None = None,
    planned: Callable[[int], None] | None = None,
    settings: RunSettings | None = None,
    **overrides,
) -> Corpus:
    """Web pages (URLs, feeds' entries, sites' feeds and sitemaps) to a Corpus: every URL is a row
    or an ingest-report entry. The default fetcher fetches public addresses only and caches
    nothing; pass one with a PageCache (and, for a local test site, a loopback-allowing guard).
    `outcomes` counts what became of each URL; `fetch_progress` hears (URLs done, URL) and
    `planned` the number of pages to fetch, once known."""
    from lib.ingest.web.collect import DEFAULT_COLLECT_LIMITS, collect_articles
    from lib.ingest.web.fetch import Fetcher

    run = RunSettings.of(settings, **overrides)
    run = replace(run, engine=run.scorer())
    report = IngestReport()
    article_store = ArticleStore(store, run.engine) if store is not None else None
    known = _store_lookups(article_store).get("known")
    raws = collect_articles(
        sources,
        fetcher or Fetcher(),
        report,
        limits=limits or DEFAULT_COLLECT_LIMITS,
        article_limits=run.limits,
        known=known,
        progress=fetch_progress,
        planned=planned,
        outcomes=outcomes,
    )
    corpus = analyze_raw(raws, report, settings=run, store=article_store)
    if article_store is not None:
        corpus.store_problems = list(article_store.problems)
    return corpus


def load_articles(*paths: str | os.PathLike, taxonomy: Taxonomy | str | os.PathLike | None = None) -> pd.DataFrame:
    """The article frame for files and folders; the ingest report is in `frame.attrs["report"]`
    as a list of {input, reason, detail} dicts."""
    corpus = load_corpus(*paths, taxonomy=taxonomy)
    corpus.frame.attrs["report"] = corpus.report.to_frame().to_dict("records")
    return corpus.frame


def combine(first: Corpus, second: Corpus) -> Corpus:
    """Two corpora as one (e.g. the sample plus an upload); duplicates across them are reported."""
    report = IngestReport(list(first.report.entries), first.report.inputs)
    report.extend(second.report)
    # Flat per-topic columns on one side must be on both, or the other side's rows read as NaN.
    keys = sorted(
        {c.split(":", 1)[1] for f in (first.frame, second.frame) for c in f.columns if c.startswith("topic:")}
    )
    if keys:
        first = Corpus(with_topic_columns(first.frame, keys), first.report, first.store_problems)
        second = Corpus(with_topic_columns(second.frame, keys), second.report, second.store_problems)
    seen = dict(zip(first.frame["article_id"], first.frame["source"], strict=True))
    duplicate = second.frame["article_id"].isin(seen)
    for article, source in zip(
        second.frame.loc[duplicate, "article_id"], second.frame.loc[duplicate, "source"], strict=True
    ):
        report.add(source, "duplicate", f"same text as {seen[article]}; kept once")
    frame = pd.concat([first.frame, second.frame[~duplicate]], ignore_index=True)
    # A story may have copies on both sides: stories are grouped again over the whole.
    return Corpus(with_stories(frame), report)
