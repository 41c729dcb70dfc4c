"""The incremental store: unchanged inputs are read back, new ones analysed, a taxonomy edit
re-tags without scoring sentiment again, and a damaged part costs only a re-analysis."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from lib.pipeline.corpus import load_corpus
from lib.reference.taxonomy import DEFAULT_TAXONOMY_PATH
from tests.conftest import SEEDS
from tests.pipeline.engines import CountingEngine


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def _frame(corpus):
    # Sources differ only by the folder; compare everything else.
    return corpus.frame.drop(columns=["source"]).reset_index(drop=True)


def test_an_unchanged_corpus_is_read_back_without_analysis(corpus_dir, tmp_path):
    store = tmp_path / "store"
    first_engine, second_engine = CountingEngine(), CountingEngine()
    first = load_corpus(corpus_dir, store=store, engine=first_engine)
    second = load_corpus(corpus_dir, store=store, engine=second_engine)
    assert first_engine.scored == 5
    assert second_engine.scored == 0
    pd.testing.assert_frame_equal(_frame(first), _frame(second))
    pd.testing.assert_frame_equal(_frame(first), _frame(load_corpus(corpus_dir)))


def test_only_new_files_are_analysed(corpus_dir, tmp_path):
    store = tmp_path / "store"
    load_corpus(corpus_dir, store=store)
    (corpus_dir / "new.txt").write_text(
        "Japan and the United States agreed on Monday to cut tariffs on cars, officials said.", encoding="utf-8"
    )
    engine = CountingEngine()
    corpus = load_corpus(corpus_dir, store=store, engine=engine)
    assert engine.scored == 1
    assert len(corpus.frame) == 6


def test_a_taxonomy_edit_retags_without_scoring_sentiment(corpus_dir, tmp_path):
    store = tmp_path / "store"
    load_corpus(corpus_dir, store=store)
    edited = tmp_path / "taxonomy.toml"
    edited.write_text(
        DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8")
        + '\n[[topic]]\nkey = "semiconductors"\nlabel = "Semiconductors"\nterms = ["semiconductor*"]\nmin_hits = 1\n',
        encoding="utf-8",
    )
    engine = CountingEngine()
    corpus = load_corpus(corpus_dir, store=store, engine=engine, taxonomy=edited)
    assert engine.scored == 0
    tagged = corpus.frame.set_index(corpus.frame["source"].str[-24:])["topics"]
    assert "semiconductors" in tagged["003_7f0ce9717cede5be.txt"]
    assert "semiconductors" not in tagged["000_728d9931de4b2b1d.txt"]
    fresh = load_corpus(corpus_dir, taxonomy=edited)
    pd.testing.assert_frame_equal(_frame(corpus), _frame(fresh))


def test_a_damaged_store_part_is_reported_and_re_analysed(corpus_dir, tmp_path):
    store = tmp_path / "store"
    load_corpus(corpus_dir, store=store)
    for part in (store / "base").glob("part-*.parquet"):
        part.write_bytes(part.read_bytes()[: len(part.read_bytes()) // 2])  # truncated on disk
    engine = CountingEngine()
    corpus = load_corpus(corpus_dir, store=store, engine=engine)
    assert engine.scored == 5
    assert corpus.store_problems and "unreadable" in corpus.store_problems[0]
    assert len(corpus.frame) == 5


def test_a_killed_run_leaves_no_half_written_part(corpus_dir, tmp_path):
    store = tmp_path / "store"
    load_corpus(corpus_dir, store=store)
    (store / "base" / ".part-123.parquet.tmp").write_bytes(b"half a file")
    engine = CountingEngine()
    load_corpus(corpus_dir, store=store, engine=engine)
    assert engine.scored == 0


def test_a_run_killed_midway_leaves_a_readable_store_and_the_next_run_resumes(tmp_path):
    """A real kill (SIGKILL) of `python -m lib analyze --store` after its first part is written."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from lib.pipeline.corpus import STORE_BATCH

    # Short distinct articles: the run must pass one store part (STORE_BATCH) before the kill,
    # and full-length generated ones took three minutes of the suite to get there.
    files, store = tmp_path / "corpus" / "files", tmp_path / "store"
    files.mkdir(parents=True)
    for n in range(STORE_BATCH + 600):
        day = 1 + n % 28
        (files / f"{n:05d}.txt").write_text(
            f"Tariff talks, round {n}\n\nTOKYO, May {day}, 2024 - Negotiators met for round {n} of tariff talks "
            f"on steel and cars; item {n * 7919 % 10007} of the agenda was settled.\n",
            encoding="utf-8",
        )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lib",
            "analyze",
            str(files),
            "-o",
            str(tmp_path / "o.csv"),
            "--store",
            str(store),
            "--quiet",
        ],
        cwd=root,
    )
    deadline = time.monotonic() + 240
    while not list((store / "base").glob("part-*.parquet")) and time.monotonic() < deadline:
        if run.poll() is not None:
            break
        time.sleep(0.2)
    killed_midway = run.poll() is None
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert killed_midway, "the run finished before it could be killed"
    stored = ArticleStoreProbe(store).count()
    assert 0 < stored < STORE_BATCH + 600  # some analysed, not all

    engine = CountingEngine()
    corpus = load_corpus(files, store=store, engine=engine)
    assert len(corpus.frame) + len(corpus.report.entries) == STORE_BATCH + 600
    assert engine.scored == STORE_BATCH + 600 - stored  # only what the killed run had not stored
    assert not corpus.store_problems


class ArticleStoreProbe:
    def __init__(self, root):
        self.root = root

    def count(self) -> int:
        import pyarrow.parquet as pq

        return sum(pq.read_metadata(p).num_rows for p in (self.root / "base").glob("part-*.parquet"))


def test_stored_json_reads_back_the_same_values_with_or_without_orjson():
    import json
    import math

    from lib.pipeline.store import _loads

    record = [
        {
            "key": "trade",
            "score": 1.25,
            "polarity": None,
            "terms": ["関税", "tariff"],
            "sentences": [{"text": "Ünïcode “quotes”", "polarity": -0.1}],
        }
    ]
    assert _loads(json.dumps(record, ensure_ascii=False)) == record
    assert math.isnan(_loads(json.dumps({"x": float("nan")}))["x"])  # orjson refuses NaN: json reads it


def test_unchanged_files_are_not_even_read_again(corpus_dir, tmp_path, monkeypatch):
    """Path, size and modification time as stored: the file is passed on without reading or
    hashing it. A file edited since (new mtime) is read and analysed again."""
    import os

    import lib.ingest.files

    store = tmp_path / "store"
    first = load_corpus(corpus_dir, store=store)
    reads = []
    real_read_bytes = lib.ingest.files.read_bytes
    monkeypatch.setattr(
        lib.ingest.files, "read_bytes", lambda name, *a, **k: reads.append(name) or real_read_bytes(name, *a, **k)
    )
    again = load_corpus(corpus_dir, store=store)
    assert reads == []
    pd.testing.assert_frame_equal(_frame(first), _frame(again))
    edited = sorted(corpus_dir.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nTariffs on steel were raised.\n", encoding="utf-8")
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    engine = CountingEngine()
    third = load_corpus(corpus_dir, store=store, engine=engine)
    assert reads == [str(edited)]
    assert engine.scored == 1
    assert len(third.frame) == 5 and third.report.inputs == 5


def test_the_file_index_never_vouches_for_another_engine(corpus_dir, tmp_path, monkeypatch):
    """A stored file analysed under another analysis version is read and analysed again."""
    import lib.pipeline.store

    store = tmp_path / "store"
    load_corpus(corpus_dir, store=store)
    monkeypatch.setattr(lib.pipeline.store, "ANALYSIS_VERSION", "some-later-version")
    engine = CountingEngine()
    load_corpus(corpus_dir, store=store, engine=engine)
    assert engine.scored == 5


def test_the_store_version_changes_when_a_run_adds_parts(corpus_dir, tmp_path):
    from lib.annotate.sentiment import get_engine
    from lib.pipeline.store import ArticleStore
    from lib.reference.taxonomy import default_taxonomy

    store = ArticleStore(tmp_path / "store", get_engine())
    fingerprint = default_taxonomy().fingerprint
    assert store.version(fingerprint) == (0, 0)
    load_corpus(corpus_dir, store=store.root)
    first = store.version(fingerprint)
    assert first != (0, 0)
    assert store.version(fingerprint) == first  # reading changes nothing
    (corpus_dir / "new.txt").write_text("Japan and the United States discussed tariffs on cars.", encoding="utf-8")
    load_corpus(corpus_dir, store=store.root)
    assert store.version(fingerprint) != first


def test_a_store_says_which_engines_it_holds_scores_by(corpus_dir, tmp_path, monkeypatch):
    import lib.pipeline.store
    from lib.annotate.sentiment import get_engine
    from lib.pipeline.store import ArticleStore

    store = tmp_path / "store"
    assert ArticleStore(store, get_engine()).engines_stored() == set()
    load_corpus(corpus_dir, store=store)
    load_corpus(corpus_dir, store=store, engine=get_engine("vader"))
    assert ArticleStore(store, get_engine()).engines_stored() == {"textblob", "vader"}
    # Scores by an older analysis version are not offered: they would be re-analysed.
    monkeypatch.setattr(lib.pipeline.store, "ANALYSIS_VERSION", "some-later-version")
    assert ArticleStore(store, get_engine()).engines_stored() == set()
