"""Running the per-article analysis over many articles: in this process or in a process pool.

Both paths call the same `analyze_chunk`, and results come back in input order, so the frame
is identical whatever the number of workers. The Dask engine (lib/pipeline/dask_engine.py) calls the same
function per partition.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from lib.annotate.article import EmptyArticle, analyze_article
from lib.annotate.sentiment import SentimentEngine, get_engine
from lib.ingest.readers import RawArticle
from lib.reference.taxonomy import Taxonomy, parse_taxonomy

CHUNK_SIZE = 32  # articles per task: large enough to amortise pickling, small for a smooth bar


@dataclass(frozen=True)
class Outcome:
    """What became of one raw article: a record, a report entry, or "already in the store"."""

    source: str
    input_key: str
    record: dict | None = None
    reason: str = ""
    detail: str = ""
    stored: bool = False
    file_signature: tuple[int, int] | None = None  # (size, mtime_ns) of a whole-file input


@dataclass(frozen=True)
class AnalysisSettings:
    """Everything a worker needs to analyse like the parent: plain data, cheap to pickle."""

    taxonomy_text: str
    taxonomy_name: str = "taxonomy"
    engine: str = "textblob"

    @classmethod
    def of(cls, taxonomy: Taxonomy, engine: SentimentEngine) -> AnalysisSettings:
        return cls(taxonomy.source_text, "taxonomy", engine.name)


def analyze_one(raw: RawArticle, taxonomy: Taxonomy, engine: SentimentEngine) -> Outcome:
    if raw.stored:
        return Outcome(raw.source, raw.input_key, stored=True)
    try:
        return Outcome(
            raw.source, raw.input_key, analyze_article(raw, taxonomy, engine), file_signature=raw.file_signature
        )
    except EmptyArticle as error:
        return Outcome(raw.source, raw.input_key, reason="empty", detail=str(error))
    except Exception as error:  # one bad article must not sink a corpus: report it, go on
        return Outcome(raw.source, raw.input_key, reason="analysis failed", detail=f"{type(error).__name__}: {error}")


def analyze_chunk(chunk: list[RawArticle], taxonomy: Taxonomy, engine: SentimentEngine) -> list[Outcome]:
    return [analyze_one(raw, taxonomy, engine) for raw in chunk]


# Per worker process: built once by the pool initializer, then reused for every chunk.
_worker_state: tuple[Taxonomy, SentimentEngine] | None = None


def _start_worker(settings: AnalysisSettings) -> None:
    global _worker_state
    _worker_state = (parse_taxonomy(settings.taxonomy_text, name=settings.taxonomy_name), get_engine(settings.engine))


def _analyze_in_worker(chunk: list[RawArticle]) -> list[Outcome]:
    assert _worker_state is not None, "worker started without settings"
    return analyze_chunk(chunk, *_worker_state)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def analyze_stream(
    raws: Iterable[RawArticle],
    taxonomy: Taxonomy,
    engine: SentimentEngine,
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1 a process pool analyses chunks while the reader
    keeps a bounded number in flight, so memory stays flat on a million articles."""
    if jobs <= 1:
        for chunk in chunked(raws, chunk_size):
            yield from analyze_chunk(chunk, taxonomy, engine)
        return
    settings = AnalysisSettings.of(taxonomy, engine)
    # forkserver: workers do not inherit the parent's threads (Streamlit, Dask) or open files.
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
        in_flight: deque = deque()
        for chunk in chunked(raws, chunk_size):
            in_flight.append(pool.submit(_analyze_in_worker, chunk))
            if len(in_flight) >= jobs * 4:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
