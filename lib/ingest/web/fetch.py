"""One polite, bounded HTTP client: an identifying user agent, timeouts, retries with backoff on
429 and 5xx (honouring Retry-After), a per-host rate limit and concurrency cap (and the site's
Crawl-delay), a size cap per page read as a stream, redirects followed by hand so that the address
guard and robots.txt see every hop, and the on-disk cache."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from lib.ingest.web.cache import CachedPage, PageCache
from lib.ingest.web.guard import AddressGuard, BlockedAddress
from lib.ingest.web.outcomes import BLOCKED, FETCHED, HTTP_ERROR, NETWORK_ERROR, NOT_MODIFIED, OVER_CAP, ROBOTS
from lib.ingest.web.robots import RobotsRules

DEFAULT_USER_AGENT = "AllianceLens-collector/1.0 (news research; honours robots.txt; python-requests)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 500_000  # RFC 9309: parsers must read at least 500 KiB
MAX_CRAWL_DELAY = 30.0  # a site's Crawl-delay above this is read as this: a run must end
PUBLIC_ONLY = AddressGuard()  # the default guard: public addresses only


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3  # further attempts after a 429, a 5xx or no answer
    backoff_seconds: float = 1.0  # the first wait; doubled for each further retry
    max_retry_after: float = 60.0  # a longer Retry-After is cut to this
    host_interval_seconds: float = 1.0  # between the starts of two requests to one host
    host_concurrency: int = 2  # requests in flight to one host
    max_page_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass
class Response:
    url: str  # the URL asked for
    outcome: str  # lib.ingest.web.outcomes
    final_url: str = ""  # after redirects
    status: int = 0
    content_type: str = ""
    body: bytes = b""
    detail: str = ""
    etag: str = ""
    last_modified: str = ""


class _HostGate:
    """At most `concurrency` requests in flight to one host, starts at least `interval` apart."""

    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(concurrency)
        self.lock = threading.Lock()
        self.next_start = 0.0

    @contextmanager
    def turn(self, interval: float, sleep: Callable[[float], None]) -> Iterator[None]:
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + interval
            if start > now:
                sleep(start - now)
            yield


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        *,
        guard: AddressGuard = PUBLIC_ONLY,
        cache: PageCache | None = None,
        obey_robots: bool = True,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy
        self.guard = guard
        self.cache = cache
        self.sleep = sleep
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = policy.user_agent
        self.session.trust_env = False  # no proxy from the environment: the guard must see the real hop
        self.robots = RobotsRules(self._robots_text, policy.user_agent) if obey_robots else None
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()

    def get(self, url: str, *, obey_robots: bool = True) -> Response:
        """Fetch `url` (or take it from the cache); never raises for what a site does.
        `obey_robots=False` is for APIs meant for programs (a news search), never for pages."""
        cached = self.cache.get(url) if self.cache else None
        if cached is not None and self.cache.is_fresh(cached):
            return _from_cache(url, cached, "in the cache")
        validators = cached.validators() if cached else {}
        response = self._follow(url, validators, self.policy.max_page_bytes, obey_robots)
        if response.status == 304 and cached is not None:
            self.cache.touch(cached)
            return _from_cache(url, cached, "the site answered 304 Not Modified")
        if response.outcome == FETCHED and self.cache is not None:
            self.cache.put(_cached(url, response))
        return response

    def _follow(self, url: str, validators: dict[str, str], max_bytes: int, obey_robots: bool) -> Response:
        hop = url
        for _ in range(self.policy.max_redirects + 1):
            try:
                self.guard.check(hop)
            except BlockedAddress as error:
                where = "" if hop == url else f" (redirected to {hop})"
                return Response(url, BLOCKED, hop, detail=f"{error}{where}")
            refusal = self.robots.refusal(hop) if obey_robots and self.robots is not None else ""
            if refusal:
                return Response(url, ROBOTS, hop, detail=refusal)
            response = self._exchange(url, hop, validators if hop == url else {}, max_bytes, obey_robots)
            if response.outcome != "redirect":
                return response
            hop = response.final_url
        return Response(url, HTTP_ERROR, hop, detail=f"more than {self.policy.max_redirects} redirects")

    def _exchange(self, url: str, hop: str, headers: dict[str, str], max_bytes: int, obey_robots: bool) -> Response:
        """One hop, with retries; a redirect comes back as outcome 'redirect' with its target."""
        policy = self.policy
        interval = policy.host_interval_seconds
        if obey_robots and self.robots is not None:
            interval = max(interval, min(self.robots.crawl_delay(hop), MAX_CRAWL_DELAY))
        for attempt in range(policy.retries + 1):
            wait = policy.backoff_seconds * 2**attempt
            with self._gate(hop).turn(interval, self.sleep):
                try:
                    reply = self.session.get(
                        hop,
                        headers=headers,
                        timeout=(policy.connect_timeout, policy.read_timeout),
                        allow_redirects=False,
                        stream=True,
                    )
                except requests.RequestException as error:
                    if attempt == policy.retries:
                        detail = f"{type(error).__name__} after {attempt + 1} tries"
                        return Response(url, NETWORK_ERROR, hop, detail=detail)
                    reply = None
                if reply is not None:
                    with reply:
                        if reply.status_code not in RETRY_STATUSES or attempt == policy.retries:
                            return self._answer(url, hop, reply, max_bytes)
                        wait = _retry_after(reply.headers.get("Retry-After"), wait, policy.max_retry_after)
            self.sleep(wait)  # outside the gate: a waiting retry holds no slot
        raise AssertionError("unreachable: the last attempt always answers")

    def _answer(self, url: str, hop: str, reply: requests.Response, max_bytes: int) -> Response:
        status = reply.status_code
        content_type = reply.headers.get("Content-Type", "")
        if reply.is_redirect and reply.headers.get("Location"):
            return Response(url, "redirect", urljoin(hop, reply.headers["Location"]), status)
        if status == 304:
            return Response(url, NOT_MODIFIED, hop, status, content_type)
        if status >= 400:
            detail = f"HTTP {status} {reply.reason or ''}".strip()
            return Response(url, HTTP_ERROR, hop, status, content_type, detail=detail)
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            return Response(url, OVER_CAP, hop, status, content_type, detail=_too_large(int(declared), max_bytes))
        body = bytearray()
        try:
            for chunk in reply.iter_content(65536):
                body += chunk
                if len(body) > max_bytes:
                    return Response(url, OVER_CAP, hop, status, content_type, detail=_too_large(None, max_bytes))
        except requests.RequestException as error:
            detail = f"{type(error).__name__} while reading"
            return Response(url, NETWORK_ERROR, hop, status, content_type, detail=detail)
        headers = reply.headers
        return Response(
            url,
            FETCHED,
            hop,
            status,
            content_type,
            bytes(body),
            etag=headers.get("ETag", ""),
            last_modified=headers.get("Last-Modified", ""),
        )

    def _gate(self, url: str) -> _HostGate:
        host = urlsplit(url).netloc.lower()
        with self._gates_lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(self.policy.host_concurrency)
            return gate

    def _robots_text(self, robots_url: str) -> tuple[int, str]:
        response = self._follow(robots_url, {}, ROBOTS_MAX_BYTES, obey_robots=False)
        if response.outcome == FETCHED:
            return response.status, response.body.decode("utf-8", "replace")
        if response.outcome == OVER_CAP:  # the first 500 KiB would do; a huge robots.txt is read as absent
            return 404, ""
        return response.status, ""


def _from_cache(url: str, page: CachedPage, why: str) -> Response:
    return Response(url, NOT_MODIFIED, page.final_url, page.status, page.content_type, page.body, why)


def _cached(url: str, response: Response) -> CachedPage:
    return CachedPage(
        url=url,
        final_url=response.final_url,
        status=response.status,
        content_type=response.content_type,
        body=response.body,
        etag=response.etag,
        last_modified=response.last_modified,
        fetched_at=time.time(),
    )


def _too_large(declared: int | None, cap: int) -> str:
    size = f"{declared:,} bytes" if declared is not None else "more"
    return f"the page is {size}; the cap is {cap:,} bytes"


def _retry_after(value: str | None, default: float, cap: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), else `default`."""
    if not value:
        return min(default, cap)
    if value.strip().isdigit():
        return min(float(value), cap)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return min(default, cap)
    return max(0.0, min(moment.timestamp() - time.time(), cap))
