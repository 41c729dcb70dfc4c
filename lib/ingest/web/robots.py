"""What a site allows our user agent to fetch, from its robots.txt (urllib.robotparser), read once
per site and run.

Following RFC 9309: no robots.txt (a 4xx answer) allows everything; a robots.txt that cannot be
read (a 5xx answer or no connection) disallows everything on that site for this run, since its
owner's wishes are unknown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# (robots.txt URL) -> (HTTP status, text); status 0 when the site could not be reached.
TextFetcher = Callable[[str], tuple[int, str]]


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


class RobotsRules:
    def __init__(self, fetch_text: TextFetcher, user_agent: str) -> None:
        self.fetch_text = fetch_text
        self.user_agent = user_agent
        self._sites: dict[str, RobotFileParser] = {}
        self._statuses: dict[str, int] = {}  # robots.txt URL -> the status it was read with
        self._lock = threading.Lock()

    def _parser(self, url: str) -> RobotFileParser:
        site = robots_url(url)
        with self._lock:
            parser = self._sites.get(site)
        if parser is not None:
            return parser
        status, text = self.fetch_text(site)
        parser = RobotFileParser(site)
        if 200 <= status < 300:
            parser.parse(text.splitlines())
        elif 400 <= status < 500:
            parser.allow_all = True
        else:
            parser.disallow_all = True
        with self._lock:
            self._statuses.setdefault(site, status)
            return self._sites.setdefault(site, parser)

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self.user_agent, url)

    def refusal(self, url: str) -> str:
        """Why `url` may not be fetched, in words, or '' if it may."""
        if self.allowed(url):
            return ""
        status = self._statuses.get(robots_url(url), 200)
        if status == 0:
            return "robots.txt could not be read (no answer), so nothing on the site is fetched"
        if status >= 500:
            return f"robots.txt answered HTTP {status}, so nothing on the site is fetched until it can be read"
        return f"robots.txt disallows {urlsplit(url).path or '/'}"

    def crawl_delay(self, url: str) -> float:
        """The site's Crawl-delay for us in seconds (0 when it sets none)."""
        delay = self._parser(url).crawl_delay(self.user_agent)
        return float(delay or 0)

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps the site's robots.txt lists."""
        return list(self._parser(url).site_maps() or [])
