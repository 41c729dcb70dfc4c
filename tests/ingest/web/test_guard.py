"""The address guard: only http(s) to public addresses, checked after resolving the name."""

from __future__ import annotations

import pytest

from lib.ingest.web.guard import AddressGuard, BlockedAddress


def resolver_to(*addresses):
    return lambda host, port: list(addresses)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("93.184.216.34", ""),
        ("2606:4700::1111", ""),
        ("127.0.0.1", "a loopback address (this machine)"),
        ("::1", "a loopback address (this machine)"),
        ("10.0.0.5", "a private address"),
        ("192.168.1.1", "a private address"),
        ("172.16.0.1", "a private address"),
        ("169.254.169.254", "a private address"),  # cloud metadata: link-local, private by Python's table
        ("fe80::1%eth0", "a private address"),
        ("::ffff:10.0.0.1", "a private address"),  # IPv4-mapped IPv6 is the IPv4 address
        ("0.0.0.0", "a private address"),
        ("224.0.0.1", "a multicast address"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("240.0.0.1", "a private address"),
    ],
)
def test_address_problem(address, problem):
    assert AddressGuard().address_problem(address) == problem


def test_loopback_only_when_asked_for():
    assert AddressGuard(allow_loopback=True).address_problem("127.0.0.1") == ""
    assert AddressGuard(allow_loopback=True).address_problem("10.0.0.1") == "a private address"


@pytest.mark.parametrize(
    ("url", "addresses", "message"),
    [
        ("ftp://example.org/file", ["93.184.216.34"], "only http and https"),
        ("file:///etc/passwd", [], "only http and https"),
        ("javascript:alert(1)", [], "only http and https"),
        ("example.org/page", [], "only http and https"),
        ("http:///nohost", [], "names no host"),
        ("http://example.org:99999/", [], "bad port"),
        ("http://intranet.example/", ["93.184.216.34", "10.0.0.9"], "10.0.0.9, a private address"),
        ("http://metadata.example/", ["169.254.169.254"], "169.254.169.254"),
    ],
)
def test_refused_urls(url, addresses, message):
    with pytest.raises(BlockedAddress, match=message):
        AddressGuard(resolver=resolver_to(*addresses)).check(url)


def test_a_public_url_passes():
    AddressGuard(resolver=resolver_to("93.184.216.34")).check("https://news.example/story")


def test_a_name_that_does_not_resolve():
    def no_such_host(host, port):
        raise OSError("Name or service not known")

    with pytest.raises(BlockedAddress, match="does not resolve"):
        AddressGuard(resolver=no_such_host).check("http://no-such-host.invalid/")


TRUSTED = AddressGuard(
    trusted=frozenset({("127.0.0.1", 8765), ("intranet.example", 80)}), resolver=resolver_to("10.0.0.9")
)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/news/a.html",
        "https://127.0.0.1:8765/",  # the pair is host and port, whatever the scheme
        "http://intranet.example/story",  # port 80 by default
        "http://INTRANET.example:80/story",
    ],
)
def test_a_trusted_pair_is_fetched_whatever_it_resolves_to(url):
    TRUSTED.check(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:8766/", "loopback"),  # another port of the same machine
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8765/", "10.0.0.9, a private address"),  # another name for it is not the pair
        ("https://intranet.example/", "10.0.0.9, a private address"),  # port 443, not 80
        ("http://other.example:80/", "10.0.0.9, a private address"),
        ("ftp://127.0.0.1:8765/", "only http and https"),
    ],
)
def test_everything_else_is_still_checked(url, message):
    guard = AddressGuard(
        trusted=TRUSTED.trusted, resolver=lambda host, port: ["127.0.0.1"] if "127" in host else ["10.0.0.9"]
    )
    with pytest.raises(BlockedAddress, match=message):
        guard.check(url)


def test_a_redirect_from_a_trusted_pair_to_a_private_address_is_refused(site):
    from lib.ingest.web.fetch import Fetcher
    from lib.ingest.web.outcomes import BLOCKED
    from tests.ingest.web.conftest import TEST_POLICY

    port = int(site.base.rsplit(":", 1)[1])
    fetcher = Fetcher(TEST_POLICY, guard=AddressGuard(trusted=frozenset({("127.0.0.1", port)})))
    assert fetcher.get(site.url("/news/tariff.html")).outcome == "fetched"
    response = fetcher.get(site.url("/redirect-private"))
    assert response.outcome == BLOCKED and "10.1.2.3" in response.detail
