"""lib/pipeline/bundle.py: a corpus and its view as one Parquet file, read back exactly."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from lib.pipeline.bundle import BundleError, corpus_fingerprint, is_bundle, read_bundle, to_bundle_bytes
from lib.pipeline.corpus import load_corpus
from lib.pipeline.export import to_parquet_bytes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_corpus(SEEDS).frame


def test_the_frame_and_view_come_back_exactly(frame):
    bundle = read_bundle(to_bundle_bytes(frame, "topic=tariffs&pm=Ishiba"))
    pd.testing.assert_frame_equal(bundle.frame, frame)
    assert bundle.view_query == "topic=tariffs&pm=Ishiba"
    assert bundle.fingerprint == corpus_fingerprint(frame)


def test_the_fingerprint_is_the_corpus_not_its_row_order(frame):
    shuffled = frame.iloc[::-1].reset_index(drop=True)
    assert corpus_fingerprint(shuffled) == corpus_fingerprint(frame)
    assert corpus_fingerprint(frame.iloc[1:]) != corpus_fingerprint(frame)
    retagged = frame.copy()
    retagged.at[0, "topics"] = []
    assert corpus_fingerprint(retagged) != corpus_fingerprint(frame)


def test_only_our_bundles_are_recognised(frame):
    assert is_bundle(to_bundle_bytes(frame))
    assert not is_bundle(to_parquet_bytes(frame))  # the plain table download
    assert not is_bundle(b"text,title\nhello,world\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PAR1 not really", "not a readable Parquet file"),
        (None, "not a view saved by Alliance Lens"),
    ],
)
def test_files_that_are_not_bundles_are_refused_with_a_reason(frame, data, reason):
    data = to_parquet_bytes(frame) if data is None else data
    with pytest.raises(BundleError, match=reason) as raised:
        read_bundle(data, name="view.parquet")
    assert str(raised.value).startswith("view.parquet: ")


def test_an_altered_bundle_is_refused(frame):
    table = pq.read_table(io.BytesIO(to_bundle_bytes(frame)))
    altered = table.slice(1)  # a row removed, the saved fingerprint kept
    buffer = io.BytesIO()
    pq.write_table(altered.replace_schema_metadata(table.schema.metadata), buffer)
    with pytest.raises(BundleError, match="do not match the fingerprint"):
        read_bundle(buffer.getvalue())
