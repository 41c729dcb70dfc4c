"""The polite fetcher against the loopback fixture site."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from lib.ingest.web.cache import PageCache
from lib.ingest.web.fetch import DEFAULT_USER_AGENT, Fetcher, _retry_after
from lib.ingest.web.guard import AddressGuard
from lib.ingest.web.outcomes import BLOCKED, FETCHED, HTTP_ERROR, NETWORK_ERROR, NOT_MODIFIED, OVER_CAP, ROBOTS
from tests.ingest.web.conftest import LOOPBACK_ALLOWED, TEST_POLICY


@pytest.mark.parametrize(
    ("path", "outcome", "detail"),
    [
        ("/news/berth.html", FETCHED, ""),
        ("/private/secret.html", ROBOTS, "robots.txt disallows /private/secret.html"),
        ("/missing.html", HTTP_ERROR, "HTTP 404"),
        ("/broken.html", HTTP_ERROR, "HTTP 503"),  # after retries
        ("/redirect-private", BLOCKED, "10.1.2.3, a private address (redirected to http://10.1.2.3/admin)"),
        ("/redirect-loop", HTTP_ERROR, "more than 5 redirects"),
        ("/redirect-robots", ROBOTS, "robots.txt disallows /private/secret.html"),  # checked on each hop
        ("/big.html", OVER_CAP, "the cap is 100,000 bytes"),
    ],
)
def test_outcomes(site, fetcher, path, outcome, detail):
    response = fetcher.get(site.url(path))
    assert response.outcome == outcome
    assert detail in response.detail


def test_a_redirect_is_followed_to_its_page(site, fetcher):
    response = fetcher.get(site.url("/redirect-ok"))
    assert (response.outcome, response.final_url) == (FETCHED, site.url("/news/tariff.html"))
    assert b"Toolmakers" in response.body


def test_429_is_retried_and_then_answers(site, fetcher):
    response = fetcher.get(site.url("/flaky.html"))
    assert response.outcome == FETCHED
    assert site.hits("/flaky.html") == 2


def test_5xx_is_retried_as_often_as_the_policy_says(site, fetcher):
    fetcher.get(site.url("/broken.html"))
    assert site.hits("/broken.html") == TEST_POLICY.retries + 1


def test_loopback_is_refused_unless_allowed(site, tmp_path):
    response = Fetcher(TEST_POLICY).get(site.url("/news/berth.html"))
    assert response.outcome == BLOCKED
    assert "loopback" in response.detail
    assert site.requests == []  # refused before any request, robots.txt included


def test_no_server_is_a_network_error(fetcher):
    response = fetcher.get("http://127.0.0.1:9/")  # the discard port: nothing listens
    assert response.outcome == ROBOTS  # RFC 9309: an unreachable robots.txt disallows all
    assert "could not be read (no answer)" in response.detail
    assert Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, obey_robots=False).get(response.url).outcome == NETWORK_ERROR


def test_identifying_user_agent(site, fetcher):
    fetcher.get(site.url("/news/berth.html"))
    assert {headers["User-Agent"] for _, _, headers in site.requests} == {DEFAULT_USER_AGENT}


def test_robots_txt_is_read_once_per_site(site, fetcher):
    for path in ("/news/berth.html", "/news/tariff.html", "/private/secret.html"):
        fetcher.get(site.url(path))
    assert site.hits("/robots.txt") == 1
    assert site.hits("/private/secret.html") == 0


def test_a_rerun_fetches_nothing_twice(site, tmp_path):
    first = Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, cache=PageCache(tmp_path))
    assert first.get(site.url("/news/berth.html")).outcome == FETCHED
    again = Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, cache=PageCache(tmp_path))
    response = again.get(site.url("/news/berth.html"))
    assert response.outcome == NOT_MODIFIED
    assert b"berth" in response.body
    assert site.hits("/news/berth.html") == 1


def test_a_stale_cached_page_is_revalidated_with_its_etag(site, tmp_path):
    Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, cache=PageCache(tmp_path)).get(site.url("/etag.html"))
    stale = Fetcher(TEST_POLICY, guard=LOOPBACK_ALLOWED, cache=PageCache(tmp_path, fresh_seconds=0))
    response = stale.get(site.url("/etag.html"))
    assert response.outcome == NOT_MODIFIED
    assert "304" in response.detail
    assert b"Toolmakers" in response.body
    assert site.requests[-1][2].get("If-None-Match") == '"v1"'


def test_per_host_interval(site):
    fetcher = Fetcher(replace(TEST_POLICY, host_interval_seconds=0.2), guard=LOOPBACK_ALLOWED)
    for path in ("/news/berth.html", "/news/tariff.html"):
        fetcher.get(site.url(path))
    starts = [moment for moment, _, _ in site.requests]  # robots.txt, then two pages
    # Measured at the server: arrival times jitter by a few milliseconds on a busy machine.
    assert all(later - earlier >= 0.15 for earlier, later in zip(starts, starts[1:], strict=False))
    assert starts[-1] - starts[0] >= 0.38


def test_per_host_concurrency_cap(site):
    fetcher = Fetcher(replace(TEST_POLICY, host_concurrency=2), guard=LOOPBACK_ALLOWED, obey_robots=False)
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(fetcher.get, [site.url(f"/slow/{n}") for n in range(6)]))
    assert site.most_in_flight == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 1.0), ("", 1.0), ("3", 3.0), ("600", 60.0), ("not a date", 1.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after(value, expected):
    assert _retry_after(value, 1.0, 60.0) == expected


def test_guard_is_checked_with_the_resolver_it_is_given(site):
    guard = AddressGuard(allow_loopback=False, resolver=lambda host, port: ["8.8.8.8"])
    # The guard sees a public address, so the request goes out (to the real loopback server).
    response = Fetcher(TEST_POLICY, guard=guard).get(site.url("/news/berth.html"))
    assert response.outcome == FETCHED
