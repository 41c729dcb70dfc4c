"""Where article addresses come from besides a list: RSS/Atom feeds (feedparser, which reads
every dialect and many broken ones), and a site's feeds and sitemaps found the way trafilatura
finds them (its helpers, given pages we fetched ourselves, so the guard and robots.txt apply)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import feedparser
from trafilatura.feeds import FeedParameters, determine_feed
from trafilatura.sitemaps import SitemapObject

SITEMAP_GUESSES = ("sitemap.xml", "sitemap_index.xml", "sitemap_news.xml")


def feed_links(body: bytes, feed_url: str) -> list[str]:
    """The entry links of an RSS or Atom feed, absolute, in feed order, each once; [] if the
    bytes are not a feed."""
    parsed = feedparser.parse(body)  # bytes: feedparser parses, never fetches
    links = []
    for entry in parsed.entries:
        link = entry.get("link") or next((li.get("href") for li in entry.get("links", []) if li.get("href")), "")
        if link:
            links.append(urljoin(feed_url, link.strip()))
    return list(dict.fromkeys(links))


def _site(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}", parts.hostname or ""


def discovered_feeds(html: str, page_url: str) -> list[str]:
    """The feeds a page (a site's home page) links to in its head or body."""
    base, domain = _site(page_url)
    return determine_feed(html, FeedParameters(base, domain, page_url, external=False))


def sitemap_guesses(site_url: str) -> list[str]:
    """Where sitemaps usually are, when robots.txt names none."""
    base, _ = _site(site_url)
    return [f"{base}/{name}" for name in SITEMAP_GUESSES]


def sitemap_links(content: str, sitemap_url: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) listed in a sitemap (XML or plain text), same site only."""
    base, domain = _site(sitemap_url)
    sitemap = SitemapObject(base, domain, [])
    sitemap.current_url = sitemap_url
    sitemap.content = content
    sitemap.process()
    return list(dict.fromkeys(sitemap.urls)), list(dict.fromkeys(sitemap.sitemap_urls))
