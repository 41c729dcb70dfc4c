"""Every web test talks to a fixture site on 127.0.0.1, with loopback allowed explicitly."""

from __future__ import annotations

import pytest

from lib.ingest.web.fetch import Fetcher, FetchPolicy
from lib.ingest.web.guard import AddressGuard
from tests.ingest.web.site import Site, running_site

# Fast and small: no waiting between requests, tiny backoff, a 100 kB page cap.
TEST_POLICY = FetchPolicy(
    backoff_seconds=0.01, retries=2, host_interval_seconds=0.0, max_page_bytes=100_000, read_timeout=5
)
LOOPBACK_ALLOWED = AddressGuard(allow_loopback=True)


@pytest.fixture(scope="session")
def _server():
    with running_site() as served:
        yield served


@pytest.fixture
def site(_server):
    """The fixture site with a fresh request log (one server for the session)."""
    holder, base = _server
    holder["site"] = Site(base)
    return holder["site"]


@pytest.fixture
def fetcher(tmp_path):
    from lib.ingest.web.cache import PageCache

    return Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, cache=PageCache(tmp_path / "cache"))
