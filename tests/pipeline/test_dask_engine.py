"""lib/pipeline/dask_engine.py: a Dask cluster gives the local engine's frame, report and store, row for row."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from bench.make_corpus import generate_articles
from lib.annotate.sentiment import get_engine
from lib.ingest.readers import RawArticle
from lib.pipeline.corpus import load_corpus
from lib.pipeline.dask_engine import DaskEngineError, WorkerMismatch, analyze_on_cluster, analyze_on_worker, dask_client
from lib.pipeline.dask_engine import dask_stream as on_cluster
from lib.pipeline.parallel import AnalysisSettings, analyze_stream
from lib.pipeline.store import engine_key
from lib.reference.taxonomy import default_taxonomy
from tests.conftest import ROOT, SEEDS

pytest.importorskip("distributed")

SMALL_CHUNKS = 8  # many chunks from a small corpus, so the re-ordering is exercised


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 single-threaded worker processes, quiet, shared by this module."""
    with dask_client(workers=2) as cluster_client:
        yield cluster_client


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """Seeds, 60 generated articles as one CSV, a duplicate and an empty file (for the report)."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = [{k: a[k] for k in ("text", "title", "date", "source", "url")} for a in generate_articles(60, 7)]
    pd.DataFrame(rows).to_csv(folder / "generated.csv", index=False)
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    first_seed = sorted(SEEDS.iterdir())[0]
    (folder / "zz_copy.txt").write_bytes(first_seed.read_bytes())
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


def test_cluster_gives_the_local_frame_and_report(client, corpus_dir: Path) -> None:
    local = load_corpus(corpus_dir)
    dask = load_corpus(corpus_dir, analyze_outcomes=on_cluster(client, chunk_size=SMALL_CHUNKS))
    pd.testing.assert_frame_equal(dask.frame, local.frame)
    assert dask.report.entries == local.report.entries
    assert len(local.frame) == 65
    assert {entry.reason for entry in local.report.entries} == {"duplicate", "empty"}


def test_a_store_written_on_the_cluster_is_read_back_by_the_local_engine(client, corpus_dir, tmp_path):
    store = tmp_path / "store"
    dask = load_corpus(corpus_dir, store=store, analyze_outcomes=on_cluster(client, chunk_size=SMALL_CHUNKS))
    assert list((store / "base").glob("part-*.parquet"))
    stored_flags: list[bool] = []

    def local_engine_watched(raws, taxonomy, engine, *, jobs):
        raws = list(raws)
        stored_flags.extend(raw.stored for raw in raws)
        return analyze_stream(raws, taxonomy, engine, jobs=jobs)

    local = load_corpus(corpus_dir, store=store, analyze_outcomes=local_engine_watched)
    assert stored_flags and all(stored_flags)  # nothing analysed again: the store is the local one's
    pd.testing.assert_frame_equal(local.frame, dask.frame)
    assert local.report.entries == dask.report.entries


def test_outcomes_come_back_in_input_order_with_one_chunk_in_flight(client) -> None:
    raws = [RawArticle(source=f"article-{i}", text=f"Tokyo and Washington talked on day {i}. " * 3) for i in range(7)]
    outcomes = list(analyze_on_cluster(client, raws, default_taxonomy(), get_engine(), chunk_size=2, in_flight=1))
    assert [o.source for o in outcomes] == [r.source for r in raws]


class _OtherVersion:
    """The client's engine at another version: a worker with the real one must refuse."""

    name = "textblob"
    version = "0.0-not-installed"


def test_a_worker_with_another_engine_version_fails_the_run_naming_the_chunk(client) -> None:
    raws = [RawArticle(source="first.txt", text="The alliance is strong, officials said in Tokyo.")]
    with pytest.raises(DaskEngineError, match=r"chunk 0 \(from first.txt\).*WorkerMismatch.*same alliance-lens"):
        list(analyze_on_cluster(client, raws, default_taxonomy(), _OtherVersion()))


def test_the_worker_function_checks_the_engine_key_before_analysing() -> None:
    taxonomy, engine = default_taxonomy(), get_engine()
    settings = AnalysisSettings.of(taxonomy, engine)
    raws = [RawArticle(source="a.txt", text="Officials in Tokyo met their counterparts in Washington.")]
    assert [o.source for o in analyze_on_worker(raws, settings, engine_key(engine))] == ["a.txt"]
    with pytest.raises(WorkerMismatch):
        analyze_on_worker(raws, settings, "another/version")


# --- the command line ------------------------------------------------------------------------


def run_cli(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib", "analyze", *map(str, args), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_cli_dask_engine_writes_the_one_worker_parquet(corpus_dir: Path, tmp_path: Path) -> None:
    local, dask = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert run_cli(corpus_dir, "-o", local, "-j", "1").returncode == 0
    result = run_cli(corpus_dir, "-o", dask, "--engine", "dask", "-j", "2", "--store", tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(dask), pd.read_parquet(local))
    assert list((tmp_path / "store" / "base").glob("part-*.parquet"))


def test_cli_scheduler_of_a_running_cluster(client, tmp_path: Path) -> None:
    local, dask = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert run_cli(SEEDS, "-o", local).returncode == 0
    result = run_cli(SEEDS, "-o", dask, "--engine", "dask", "--scheduler", client.scheduler.address)
    assert result.returncode == 0, result.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(dask), pd.read_parquet(local))


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        pytest.param(f"tcp://127.0.0.1:{_unused_port()}", "Timed out trying to connect", id="nothing listening"),
        pytest.param("no-port-here", "missing port number", id="malformed"),
    ],
)
def test_cli_unreachable_scheduler_exits_2_with_a_message(tmp_path: Path, address: str, message: str) -> None:
    out = tmp_path / "out.parquet"
    result = run_cli(
        SEEDS,
        "-o",
        out,
        "--engine",
        "dask",
        "--scheduler",
        address,
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )
    assert result.returncode == 2
    assert f"error: cannot reach the Dask scheduler at {address}: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_cli_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(SEEDS, "-o", tmp_path / "out.csv", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.returncode == 2
    assert "--scheduler needs --engine dask" in result.stderr
