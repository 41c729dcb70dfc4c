"""A visitor's files analysed in a separate process, one file at a time, each within a budget.

The hosted app is shared: analysis is pure-Python work that holds the interpreter lock, so run on
the page's own thread it slows every other visitor's rerun. In a worker process it costs them
nothing but a core. The worker also bounds what one hostile file can do: a file that runs past
its time budget, or past the worker's memory cap, is stopped and becomes an ingest-report entry
naming the file and the limit; the files after it are analysed by a fresh worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import Corpus, combine, load_blobs
from lib.pipeline.parallel import AnalysisSettings
from lib.reference.taxonomy import parse_taxonomy
from lib.schema.columns import empty_frame
from lib.schema.report import IngestReport

STARTUP_SECONDS = 120.0  # a worker that cannot load the libraries in this long is broken, not slow
logger = logging.getLogger("alliance_lens")
POLL_SECONDS = 0.2  # how often the parent checks the clock and reports progress while it waits
TIMED_OUT, WORKER_FAILED = "too slow", "analysis failed"

# (files done, articles done in the current file, current source, seconds spent on the current file)
FileProgress = Callable[[int, int, str, float], None]


@dataclass(frozen=True)
class Budget:
    """What one uploaded file may cost before it is stopped and reported."""

    seconds_per_file: float = 60.0
    worker_memory_bytes: int | None = 4 * 1024**3  # address space of the worker (None: no cap)


def _limit_memory(limit: int | None) -> None:
    if limit is None or os.name != "posix":
        return
    import resource  # POSIX only

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(connection, settings: AnalysisSettings, memory_limit: int | None) -> None:
    """The worker: analyse each (name, bytes) it is sent, answer with a Corpus or a failure."""
    _limit_memory(memory_limit)
    taxonomy = parse_taxonomy(settings.taxonomy_text, name=settings.taxonomy_name)
    engine = get_engine(settings.engine)
    connection.send(("ready",))  # the file's clock starts now, not while libraries load

    def progress(done: int, source: str) -> None:
        connection.send(("progress", done, source))

    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        name, data = job
        try:
            connection.send(("done", load_blobs([(name, data)], taxonomy=taxonomy, engine=engine, progress=progress)))
        except Exception as error:  # reported for this file; the worker serves the next one
            connection.send(("failed", failure_detail(error, memory_limit)))


def failure_detail(error: BaseException, memory_limit: int | None = None) -> str:
    """Why a file's analysis failed, in words for the visitor: a ValueError is written for people;
    anything else is named by kind only, as its text may show the server's internals (it goes to
    the server log)."""
    if isinstance(error, MemoryError):
        cap = f" the {memory_limit / 1024**3:.0f} GB" if memory_limit else ""
        return f"it needed more memory than{cap} an uploaded file may use"
    if isinstance(error, ValueError) and str(error).strip():
        return str(error)[:300]
    logger.error("analysing an uploaded file failed", exc_info=error)
    return f"an unexpected error ({type(error).__name__}) on our side"


class _Worker:
    def __init__(self, settings: AnalysisSettings, budget: Budget) -> None:
        # forkserver: the worker does not inherit the server's threads (Streamlit, Tornado).
        context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, settings, budget.worker_memory_bytes), daemon=True, name="upload-analysis"
        )
        self.process.start()
        child.close()
        self.ready = self.connection.poll(STARTUP_SECONDS) and self._receive() == ("ready",)

    def _receive(self):
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            return None

    def analyse(self, name: str, data: bytes, budget: Budget, on_progress: Callable[[int, str, float], None]):
        """("done", Corpus) or (reason, detail); the worker is dead after any answer but "done"."""
        if not self.ready:
            return WORKER_FAILED, f"the analysis could not start (exit code {self.process.exitcode})"
        self.connection.send((name, data))
        started = time.monotonic()
        while True:
            elapsed = time.monotonic() - started
            if elapsed > budget.seconds_per_file:
                return TIMED_OUT, f"its analysis ran past the {budget.seconds_per_file:g} s an uploaded file may take"
            if not self.connection.poll(POLL_SECONDS):
                if not self.process.is_alive():
                    return WORKER_FAILED, f"the analysis stopped unexpectedly (exit code {self.process.exitcode})"
                on_progress(0, name, elapsed)
                continue
            message = self._receive()
            if message is None:
                return WORKER_FAILED, f"the analysis stopped unexpectedly (exit code {self.process.exitcode})"
            if message[0] == "progress":
                on_progress(message[1], message[2], time.monotonic() - started)
            elif message[0] == "done":
                return message
            else:
                return WORKER_FAILED, message[1]

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def analyse_files_isolated(
    blobs: Sequence[tuple[str, bytes]],
    settings: AnalysisSettings,
    *,
    budget: Budget = Budget(),
    progress: FileProgress | None = None,
) -> Corpus:
    """The files analysed as `load_blobs` would, each in a worker process within `budget`; a file
    that fails or runs over is one report entry, and the others are analysed all the same."""
    corpus = Corpus(empty_frame())
    worker: _Worker | None = None
    try:
        for index, (name, data) in enumerate(blobs):
            worker = worker or _Worker(settings, budget)

            def on_progress(done: int, source: str, elapsed: float, index=index) -> None:
                if progress is not None:
                    progress(index, done, source, elapsed)

            answer = worker.analyse(name, data, budget, on_progress)
            if answer[0] == "done":
                corpus = combine(corpus, answer[1])
                continue
            worker.stop()  # stuck or broken: the next file gets a fresh worker
            worker = None
            refused = IngestReport()
            refused.refuse(name, *answer)
            corpus = combine(corpus, Corpus(empty_frame(), refused))
    finally:
        if worker is not None:
            worker.stop()
    return corpus
