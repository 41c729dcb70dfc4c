"""lib/pipeline/published.py: corpora kept under unguessable ids, in a folder or an S3 bucket."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from lib.pipeline.corpus import load_corpus
from lib.pipeline.published import PublishedCorpora, PublishError, PublishLimits

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_corpus(SEEDS).frame


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def s3_location() -> str:
    """A bucket on a loopback S3 server (moto), as a host's `s3://` setting would name one."""
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ.update(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test")
    boto3.client("s3", endpoint_url=f"http://{host}:{port}", region_name="us-east-1").create_bucket(Bucket="lens")
    yield f"s3://lens/published?endpoint_override={host}:{port}&scheme=http&region=us-east-1"
    server.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(params=["folder", "s3"])
def location(request, tmp_path) -> str:
    return str(tmp_path / "published") if request.param == "folder" else request.getfixturevalue("s3_location")


def test_publish_open_and_delete(location, frame):
    store = PublishedCorpora(location)
    published = store.publish(frame, "pm=Ishiba")
    assert len(published.corpus_id) == 22 and published.corpus_id != published.delete_secret  # 128 bits each
    opened = store.open(published.corpus_id)
    pd.testing.assert_frame_equal(opened.frame, frame)
    assert opened.view_query == "pm=Ishiba"
    assert not store.delete(published.corpus_id, "a wrong secret")
    assert store.open(published.corpus_id) is not None
    assert store.delete(published.corpus_id, published.delete_secret)
    assert store.open(published.corpus_id) is None


def test_two_publications_of_one_corpus_get_different_ids(tmp_path, frame):
    store = PublishedCorpora(str(tmp_path))
    assert store.publish(frame).corpus_id != store.publish(frame).corpus_id


@pytest.mark.parametrize("corpus_id", ["", "../../etc/passwd", "a" * 21, "a" * 23, "aaaaaaaaaaaaaaaaaaaaa/", None])
def test_malformed_ids_open_nothing_and_touch_no_path(tmp_path, corpus_id):
    store = PublishedCorpora(str(tmp_path))
    assert store.open(corpus_id) is None
    assert not store.delete(corpus_id, "x")


def test_a_corpus_expires(tmp_path, frame):
    clock = Clock()
    store = PublishedCorpora(str(tmp_path), limits=PublishLimits(max_age_seconds=60), clock=clock)
    published = store.publish(frame)
    clock.now += 59
    assert store.open(published.corpus_id) is not None
    clock.now += 2
    assert store.open(published.corpus_id) is None
    assert store.purge_expired() == 1
    assert list(tmp_path.iterdir()) == []


def test_caps_on_size_and_count_refuse_with_a_reason(tmp_path, frame):
    with pytest.raises(PublishError, match="over this server's limit of 10 bytes"):
        PublishedCorpora(str(tmp_path / "a"), limits=PublishLimits(max_bytes=10)).publish(frame)
    store = PublishedCorpora(str(tmp_path / "b"), limits=PublishLimits(max_corpora=2))
    store.publish(frame)
    store.publish(frame)
    with pytest.raises(PublishError, match="already holds 2 published corpora"):
        store.publish(frame)


def test_a_damaged_corpus_opens_as_unknown(tmp_path, frame):
    store = PublishedCorpora(str(tmp_path))
    published = store.publish(frame)
    (tmp_path / f"{published.corpus_id}.parquet").write_bytes(b"damaged")
    assert store.open(published.corpus_id) is None
