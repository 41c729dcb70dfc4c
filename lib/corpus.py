"""Raw articles to the article frame and its ingest report: the library's front door."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from lib.analysis import EmptyArticle, analyze_article
from lib.columns import COLUMN_NAMES, build_frame
from lib.limits import DEFAULT_LIMITS, Limits
from lib.readers import RawArticle, read_bytes, walk_paths
from lib.report import IngestReport
from lib.sentiment import SentimentEngine, get_engine
from lib.taxonomy import Taxonomy, default_taxonomy, load_taxonomy

EXTRA_PREFIX = "extra:"
Progress = Callable[[int, str], None]  # (articles done so far, current source)


@dataclass
class Corpus:
    frame: pd.DataFrame
    report: IngestReport = field(default_factory=IngestReport)


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
    for key in extras:
        name = key[len(EXTRA_PREFIX):]
        if name in COLUMN_NAMES or name in frame.columns:
            name = f"input_{name}"
        frame[name] = pd.Series([r.get(key, "") for r in records], dtype="string")
    return frame


def analyze_raw(
    raws: Iterable[RawArticle],
    report: IngestReport,
    *,
    taxonomy: Taxonomy | str | os.PathLike | None = None,
    engine: SentimentEngine | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Analyse raw articles; failures and exact duplicates go to the report, never lost."""
    rules = resolve_taxonomy(taxonomy)
    scorer = engine or get_engine()
    records: list[dict] = []
    first_source: dict[str, str] = {}
    for done, raw in enumerate(raws, start=1):
        if progress:
            progress(done, raw.source)
        try:
            record = analyze_article(raw, rules, scorer)
        except EmptyArticle as error:
            report.add(raw.source, "empty", str(error))
            continue
        except Exception as error:  # one bad article must not sink a corpus: report it, go on
            report.add(raw.source, "analysis failed", f"{type(error).__name__}: {error}")
            continue
        original = first_source.get(record["article_id"])
        if original is not None:
            report.add(raw.source, "duplicate", f"same text as {original}; kept once")
            continue
        first_source[record["article_id"]] = raw.source
        records.append(record)
    return Corpus(_frame_with_extras(records), report)


def load_corpus(
    *paths: str | os.PathLike,
    taxonomy: Taxonomy | str | os.PathLike | None = None,
    engine: SentimentEngine | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Corpus:
    """Files and folders to a Corpus (frame + ingest report)."""
    report = IngestReport()
    raws = walk_paths(list(paths), report, limits)
    return analyze_raw(raws, report, taxonomy=taxonomy, engine=engine, progress=progress)


def load_blobs(
    blobs: Iterable[tuple[str, bytes]],
    *,
    taxonomy: Taxonomy | str | os.PathLike | None = None,
    engine: SentimentEngine | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Corpus:
    """Named byte strings (uploads) to a Corpus; nothing touches the disk."""
    report = IngestReport()

    def raws() -> Iterable[RawArticle]:
        for name, data in blobs:
            yield from read_bytes(name, data, report, limits)

    return analyze_raw(raws(), report, taxonomy=taxonomy, engine=engine, progress=progress)


def load_articles(
    *paths: str | os.PathLike, taxonomy: Taxonomy | str | os.PathLike | None = None
) -> pd.DataFrame:
    """The article frame for files and folders; the ingest report is in `frame.attrs["report"]`
    as a list of {input, reason, detail} dicts."""
    corpus = load_corpus(*paths, taxonomy=taxonomy)
    corpus.frame.attrs["report"] = [entry.__dict__ for entry in corpus.report.entries]
    return corpus.frame


def combine(first: Corpus, second: Corpus) -> Corpus:
    """Two corpora as one (e.g. the sample plus an upload); duplicates across them are reported."""
    report = IngestReport(list(first.report.entries), first.report.inputs)
    report.extend(second.report)
    seen = dict(zip(first.frame["article_id"], first.frame["source"], strict=True))
    duplicate = second.frame["article_id"].isin(seen)
    for article, source in zip(second.frame.loc[duplicate, "article_id"],
                               second.frame.loc[duplicate, "source"], strict=True):
        report.add(source, "duplicate", f"same text as {seen[article]}; kept once")
    frame = pd.concat([first.frame, second.frame[~duplicate]], ignore_index=True)
    return Corpus(frame, report)
