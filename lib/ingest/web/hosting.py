"""The web collector in a hosted app: off unless the host turns it on, and capped per session.

A server that fetches what visitors ask for is a server-side request feature. The host enables
it with ALLIANCE_LENS_WEB=1; a visitor's session may then fetch at most
ALLIANCE_LENS_WEB_MAX_URLS pages (default 50) per run, one at a time per host at the default
rate, public addresses only (no loopback switch in the app, whatever the environment says).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lib.ingest.web.collect import CollectLimits
from lib.ingest.web.fetch import Fetcher, FetchPolicy
from lib.ingest.web.guard import AddressGuard

ENABLE_VARIABLE = "ALLIANCE_LENS_WEB"
MAX_URLS_VARIABLE = "ALLIANCE_LENS_WEB_MAX_URLS"
DEFAULT_SESSION_URLS = 50
_TRUE = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class HostedWeb:
    enabled: bool = False
    max_urls: int = DEFAULT_SESSION_URLS

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> HostedWeb:
        """The host's choice, from its environment (pass os.environ); a bad cap is an error naming it."""
        enabled = environment.get(ENABLE_VARIABLE, "").strip().lower() in _TRUE
        raw = environment.get(MAX_URLS_VARIABLE, "").strip()
        if not raw:
            return cls(enabled)
        if not raw.isdigit() or int(raw) < 1:
            raise ValueError(f"{MAX_URLS_VARIABLE}={raw!r}: expected a whole number of pages above 0")
        return cls(enabled, int(raw))

    def limits(self) -> CollectLimits:
        return CollectLimits(max_urls=self.max_urls, workers=2)

    def fetcher(self, cache=None) -> Fetcher:
        """A public-addresses-only fetcher with the default polite policy (`cache`: a PageCache)."""
        return Fetcher(FetchPolicy(), guard=AddressGuard(allow_loopback=False), cache=cache)
