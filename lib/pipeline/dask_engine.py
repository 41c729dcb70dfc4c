"""The Dask engine: the same per-chunk analysis (lib.pipeline.parallel.analyze_chunk) on a Dask cluster.

The client reads the inputs (walk_paths, as the local engine does), sends chunks of raw articles
to the cluster with a bounded number in flight, and hands the outcomes back in input order, so
lib.pipeline.corpus builds the frame and writes the store exactly as it does for the local engine:

    with dask_client(scheduler=None, workers=2) as client:     # a LocalCluster, or "tcp://host:8786"
        corpus = load_corpus("articles/", store="store/", analyze_outcomes=dask_stream(client))

Workers need this package installed (same version as the client: every task checks the analysis
and sentiment-engine version it would store under). Dask is an optional extra: `pip install
'alliance-lens[scale]'`; nothing here imports it until a cluster is asked for.
"""

from __future__ import annotations

import functools
import gc
import logging
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lib.annotate.sentiment import SentimentEngine, get_engine
from lib.ingest.readers import RawArticle
from lib.pipeline.corpus import load_corpus
from lib.pipeline.parallel import AnalysisSettings, Outcome, analyze_chunk, chunked, default_jobs
from lib.pipeline.store import engine_key
from lib.reference.taxonomy import Taxonomy, default_taxonomy, parse_taxonomy

if TYPE_CHECKING:
    from distributed import Client

# Articles per task: a task costs the scheduler about a millisecond, a chunk of this size a few
# seconds of analysis and a megabyte or two on the wire.
DASK_CHUNK_SIZE = 256
IN_FLIGHT_PER_WORKER = 3  # running or queued chunks per worker: enough to hide the round trip
BUFFERED_PER_IN_FLIGHT = 4  # finished chunks held back while an earlier one is still running
WAIT_FOR_WORKERS_S = 30  # a scheduler with no workers would otherwise wait forever
INSTALL_HINT = "pip install 'alliance-lens[scale]'"


class DaskEngineError(RuntimeError):
    """A run on the cluster failed; the message says where and why."""


class ClusterUnavailable(DaskEngineError):
    """No cluster to run on: Dask missing, scheduler unreachable, or no workers."""


class WorkerMismatch(RuntimeError):
    """A worker would analyse under another analysis version or engine than the client stores."""


# --- on the worker ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _worker_tools(settings: AnalysisSettings) -> tuple[Taxonomy, SentimentEngine, str]:
    """Taxonomy and sentiment engine, built once per worker process and settings, not per chunk."""
    engine = get_engine(settings.engine)
    taxonomy = parse_taxonomy(settings.taxonomy_text, name=settings.taxonomy_name)
    return taxonomy, engine, engine_key(engine)


def analyze_on_worker(chunk: list[RawArticle], settings: AnalysisSettings, expected_engine_key: str) -> list[Outcome]:
    taxonomy, engine, worker_engine_key = _worker_tools(settings)
    if worker_engine_key != expected_engine_key:
        # Stored rows carry the client's key: rows from another version would be mislabelled.
        raise WorkerMismatch(
            f"this worker analyses as {worker_engine_key}, the client as {expected_engine_key}; "
            "install the same alliance-lens and textblob versions on every worker"
        )
    return analyze_chunk(chunk, taxonomy, engine)


def _warm_worker(settings: AnalysisSettings) -> str:
    return _worker_tools(settings)[2]


# --- on the client ---------------------------------------------------------------------------


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler` (e.g. "tcp://host:8786"), or of a LocalCluster of
    `workers` single-threaded processes (default: one per core) closed on exit.

    Raises ClusterUnavailable with a readable message when there is nothing to run on. The connect
    timeout is Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, default 30s).
    """
    try:
        from distributed import Client, LocalCluster  # noqa: F401 - Client: is Dask installed?
    except ImportError:
        raise ClusterUnavailable(f"the dask engine needs Dask and distributed: {INSTALL_HINT}") from None
    if scheduler:
        client = _connect(scheduler)
        with client:
            try:
                client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
            except TimeoutError:
                raise ClusterUnavailable(
                    f"the Dask scheduler at {scheduler} has no workers (waited {WAIT_FOR_WORKERS_S} s)"
                ) from None
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers or default_jobs(),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster, set_as_default=False) as client:
        yield client


def _connect(scheduler: str) -> Client:
    from distributed import Client
    from distributed.comm import get_address_host_port

    problem = ""
    try:
        get_address_host_port(scheduler)  # a malformed address, said before any connection is tried
        return Client(scheduler, set_as_default=False)
    except (OSError, ValueError, TypeError) as error:  # TimeoutError is an OSError
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
    # A half-made Client sits in a reference cycle; collected at exit, when its event loop is
    # gone, it prints a traceback of its own. Collect it now, outside the except block.
    gc.collect()
    raise ClusterUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {problem}")


def worker_count(client: Client) -> int:
    """Worker threads on the cluster now: the number of chunks it can analyse at once."""
    return sum(client.nthreads().values())


def warm_up(client: Client, taxonomy: Taxonomy, engine: SentimentEngine) -> None:
    """Build taxonomy and engine on every current worker now (benchmarks time analysis only)."""
    client.run(_warm_worker, AnalysisSettings.of(taxonomy, engine))


def analyze_on_cluster(
    client: Client,
    raws: Iterable[RawArticle],
    taxonomy: Taxonomy,
    engine: SentimentEngine,
    *,
    chunk_size: int = DASK_CHUNK_SIZE,
    in_flight: int | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order, analysed on the cluster chunk by chunk.

    At most `in_flight` chunks are on the cluster at once (default: IN_FLIGHT_PER_WORKER per
    worker thread) and a bounded number of finished ones wait for an earlier one, so memory stays
    flat however long `raws` is. Inputs are read here, in the client; workers only see chunks.
    """
    from distributed import as_completed

    settings = AnalysisSettings.of(taxonomy, engine)
    expected = engine_key(engine)
    limit = in_flight or max(2, IN_FLIGHT_PER_WORKER * worker_count(client))
    run_id = uuid.uuid4().hex[:8]
    running = as_completed(loop=client.loop)
    chunk_of: dict = {}  # future -> (chunk index, first source), to order results and name failures
    finished: dict[int, list[Outcome]] = {}
    next_index = 0

    def collect(future) -> None:
        index, first_source = chunk_of.pop(future)
        try:
            finished[index] = future.result()
        except Exception as error:
            raise _run_error(error, index, first_source) from None

    def in_order() -> Iterator[Outcome]:
        nonlocal next_index
        while next_index in finished:
            yield from finished.pop(next_index)
            next_index += 1

    try:
        for index, chunk in enumerate(chunked(raws, chunk_size)):
            future = client.submit(analyze_on_worker, chunk, settings, expected, key=f"alliance-lens-{run_id}-{index}")
            chunk_of[future] = (index, chunk[0].source)
            running.add(future)
            while running.count() >= limit or len(finished) >= limit * BUFFERED_PER_IN_FLIGHT:
                collect(next(running))
                yield from in_order()
        for future in running:
            collect(future)
            yield from in_order()
    finally:
        if chunk_of:  # stopped early (an error, or the caller stopped reading): free the cluster
            client.cancel(list(chunk_of))


def _run_error(error: Exception, index: int, first_source: str) -> DaskEngineError:
    hint = ""
    if isinstance(error, ImportError):
        hint = f"; is alliance-lens installed on every worker ({INSTALL_HINT})?"
    return DaskEngineError(
        f"chunk {index} (from {first_source}) failed on the cluster: {type(error).__name__}: {error}{hint}"
    )


def dask_stream(client: Client, *, chunk_size: int = DASK_CHUNK_SIZE, in_flight: int | None = None):
    """An `analyze_outcomes` for lib.pipeline.corpus.analyze_raw / load_corpus that runs on `client`'s
    cluster. `jobs` is ignored: the cluster's workers are the jobs."""

    def stream(
        raws: Iterable[RawArticle], taxonomy: Taxonomy, engine: SentimentEngine, *, jobs: int = 1
    ) -> Iterator[Outcome]:
        return analyze_on_cluster(client, raws, taxonomy, engine, chunk_size=chunk_size, in_flight=in_flight)

    return stream


def benchmark_dask(files_dir: str | Path, workers: int) -> float:
    """Articles per second for the full analysis of `files_dir` on a LocalCluster of `workers`
    single-threaded processes. Cluster start-up and building each worker's taxonomy and engine
    are not timed (a cluster is long-lived); reading the files in the client is."""
    taxonomy, engine = default_taxonomy(), get_engine()
    with dask_client(workers=workers) as client:
        warm_up(client, taxonomy, engine)
        started = time.perf_counter()
        corpus = load_corpus(files_dir, taxonomy=taxonomy, engine=engine, analyze_outcomes=dask_stream(client))
        seconds = time.perf_counter() - started
    return len(corpus.frame) / seconds
