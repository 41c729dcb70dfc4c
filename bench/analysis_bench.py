"""Analysis throughput and incremental-store figures (see bench/run.py)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.make_corpus import generate_articles, write_corpus
from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import build_store, load_corpus
from lib.pipeline.parallel import default_jobs

UNTIL = date(2026, 11, 21)  # fixed, so the corpus is the same bytes on any day


@dataclass
class Timing:
    seconds: float
    articles: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def make_files(n: int, root: Path, seed: int = 1) -> Path:
    # A fresh folder: a reused workdir may hold a corpus of another size, laid out differently
    # (sharded above 5,000), whose files would otherwise be analysed too.
    shutil.rmtree(root, ignore_errors=True)
    write_corpus(n, root, seed=seed, formats=("files",), until=UNTIL, progress_every=0)
    return root / "files"


def full_analysis(files: Path, jobs: int) -> Timing:
    corpus, seconds = timed(load_corpus, files, jobs=jobs)
    return Timing(seconds, len(corpus.frame))


def textblob_only(files: Path) -> Timing:
    """TextBlob's `.sentiment` on the same texts, one core: the floor for the chosen engine."""
    from textblob import TextBlob

    texts = [p.read_text(encoding="utf-8") for p in sorted(files.rglob("*.txt"))]
    started = time.perf_counter()
    for text in texts:
        TextBlob(text).sentiment  # noqa: B018 - the property computes the score
    return Timing(time.perf_counter() - started, len(texts))


def incremental(files: Path, workdir: Path, jobs: int = 1) -> dict[str, float]:
    """Full run into an empty store, re-run unchanged, then with 1% new files added; both for
    bringing the store up to date (`analyze --store DIR`, what the dashboard reads) and for a
    run that also returns the whole table (`load_corpus(..., store=DIR)`: every stored row read
    back and decoded)."""
    results = {}
    for label, analyse in (("store", build_store), ("table", load_corpus)):
        store = workdir / f"store-{label}"
        shutil.rmtree(store, ignore_errors=True)

        def run(analyse=analyse, store=store):
            return analyse(files, store=store, jobs=jobs)

        _, full = timed(run)
        _, unchanged = timed(run)
        n_existing = sum(1 for _ in files.rglob("*.txt"))
        extra = files / "added"
        extra.mkdir(exist_ok=True)
        for i, article in enumerate(generate_articles(max(n_existing // 100, 1), seed=99, until=UNTIL)):
            (extra / f"new-{i:05d}.txt").write_text(article["page"], encoding="utf-8")
        _, added = timed(run)
        shutil.rmtree(extra)
        prefix = "" if label == "store" else "table_"
        results.update(
            {
                f"{prefix}full_s": full,
                f"{prefix}unchanged_s": unchanged,
                f"{prefix}added_1pct_s": added,
                f"{prefix}unchanged_ratio": unchanged / full,
                f"{prefix}added_ratio": added / full,
            }
        )
    return results


def run(n: int, workdir: Path) -> dict:
    files = make_files(n, workdir / "corpus")
    get_engine()  # import TextBlob once, outside the timings
    one = full_analysis(files, 1)
    jobs = default_jobs()
    many = full_analysis(files, jobs)
    floor = textblob_only(files)
    return {
        "n": n,
        "jobs": jobs,
        "one_worker_rate": one.rate,
        "all_cores_rate": many.rate,
        "speedup": many.rate / one.rate,
        "textblob_rate": floor.rate,
        "share_of_textblob": one.rate / floor.rate,
        **incremental(files, workdir),
    }
