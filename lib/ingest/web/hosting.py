"""The web collector in a hosted app: off unless the host turns it on, and capped per session.

A server that fetches what visitors ask for is a server-side request feature. The host enables
it with ALLIANCE_LENS_WEB=1; a visitor's session may then fetch at most
ALLIANCE_LENS_WEB_MAX_URLS pages (default 50) per run, one at a time per host at the default
rate, public addresses only. There is no switch that opens loopback or private networks; a host
that trusts particular servers (an intranet news source, a test's fixture site) names each exact
host:port in ALLIANCE_LENS_WEB_ALLOW (comma or space separated: `intranet.example:80,
127.0.0.1:8765`, `[::1]:8765` for IPv6). Only URLs naming one of those pairs skip the address
check; a redirect from one to anywhere else is checked as usual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lib.ingest.web.collect import CollectLimits
from lib.ingest.web.fetch import Fetcher, FetchPolicy
from lib.ingest.web.guard import AddressGuard, HostPort

ENABLE_VARIABLE = "ALLIANCE_LENS_WEB"
MAX_URLS_VARIABLE = "ALLIANCE_LENS_WEB_MAX_URLS"
ALLOW_VARIABLE = "ALLIANCE_LENS_WEB_ALLOW"
DEFAULT_SESSION_URLS = 50
# The hosted collector's page cache is one folder for every visitor of a server process: bounded,
# so visitors asking for large pages cannot fill the server's disk (oldest pages go first).
CACHE_BYTES = 200 * 1024 * 1024
_TRUE = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class HostedWeb:
    enabled: bool = False
    max_urls: int = DEFAULT_SESSION_URLS
    trusted: frozenset[HostPort] = frozenset()  # from ALLIANCE_LENS_WEB_ALLOW

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> HostedWeb:
        """The host's choice, from its environment (pass os.environ); a bad value is an error naming
        its variable."""
        enabled = environment.get(ENABLE_VARIABLE, "").strip().lower() in _TRUE
        trusted = trusted_pairs(environment.get(ALLOW_VARIABLE, ""))
        raw = environment.get(MAX_URLS_VARIABLE, "").strip()
        if not raw:
            return cls(enabled, trusted=trusted)
        if not raw.isdigit() or int(raw) < 1:
            raise ValueError(f"{MAX_URLS_VARIABLE}={raw!r}: expected a whole number of pages above 0")
        return cls(enabled, int(raw), trusted)

    def limits(self) -> CollectLimits:
        return CollectLimits(max_urls=self.max_urls, workers=2)

    def fetcher(self, cache=None) -> Fetcher:
        """A public-addresses-only fetcher with the default polite policy (`cache`: a PageCache)."""
        guard = AddressGuard(allow_loopback=False, trusted=self.trusted)
        return Fetcher(FetchPolicy(), guard=guard, cache=cache)


def trusted_pairs(value: str) -> frozenset[HostPort]:
    """The exact host:port pairs of ALLIANCE_LENS_WEB_ALLOW; an entry without a port, with a
    scheme or a path, is an error naming it (a pair must say exactly which server is trusted)."""
    pairs = set()
    for entry in value.replace(",", " ").split():
        host, _, port = entry.rpartition(":")
        bracketed = host.startswith("[") and host.endswith("]")
        host = host[1:-1] if bracketed else host  # [::1]:8080
        unclear = any(c in host for c in "/@[]?#") or (":" in host and not bracketed)  # a scheme, a path, bare IPv6
        if not host or unclear or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(
                f"{ALLOW_VARIABLE}: {entry!r} is not a host:port pair (e.g. intranet.example:80, "
                "127.0.0.1:8765, [::1]:8765)"
            )
        pairs.add((host.lower(), int(port)))
    return frozenset(pairs)
