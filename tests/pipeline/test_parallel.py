"""The process pool gives the same frame as one worker, in the same order."""

from __future__ import annotations

import pandas as pd

from bench.make_corpus import generate_articles
from lib.pipeline.corpus import load_blobs, load_corpus
from tests.conftest import SEEDS


def _generated_csv(n: int) -> bytes:
    rows = [{k: a[k] for k in ("text", "title", "date", "source", "url")} for a in generate_articles(n, 7)]
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8")


def test_two_workers_give_the_one_worker_frame_row_for_row():
    blobs = [("generated.csv", _generated_csv(80))] + [(p.name, p.read_bytes()) for p in sorted(SEEDS.iterdir())]
    one = load_blobs(blobs, jobs=1)
    two = load_blobs(blobs, jobs=2)
    pd.testing.assert_frame_equal(one.frame, two.frame)
    assert one.report.entries == two.report.entries
    assert len(one.frame) == 85


def test_files_through_the_pool_keep_their_order(tmp_path):
    corpus = load_corpus(SEEDS, jobs=2)
    assert list(corpus.frame["source"]) == sorted(str(p) for p in SEEDS.iterdir())
