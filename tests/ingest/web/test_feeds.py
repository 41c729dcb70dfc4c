"""Feed entry links (feedparser), feed discovery and sitemap links (trafilatura's helpers)."""

from __future__ import annotations

import pytest

from lib.ingest.web.feeds import discovered_feeds, feed_links, sitemap_guesses, sitemap_links

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>
<item><title>One</title><link>https://port.example/news/one.html</link></item>
<item><title>Two</title><link>/news/two.html</link></item>
<item><title>One again</title><link>https://port.example/news/one.html</link></item>
<item><title>No link</title></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port</title>
<entry><title>Three</title><link rel="alternate" href="https://port.example/news/three.html"/></entry></feed>"""


@pytest.mark.parametrize(
    ("body", "links"),
    [
        (RSS, ["https://port.example/news/one.html", "https://port.example/news/two.html"]),
        (ATOM, ["https://port.example/news/three.html"]),
        (b"<html><body>a page, not a feed</body></html>", []),
        (b"", []),
        (  # not well-formed XML (a bare ampersand): read anyway
            b'<rss version="2.0"><channel><item><title>A & B</title><link>https://port.example/x</link></item></channel></rss>',
            ["https://port.example/x"],
        ),
    ],
)
def test_feed_links(body, links):
    assert feed_links(body, "https://port.example/feed.xml") == links


def test_discovered_feeds():
    html = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body></body></html>'
    assert discovered_feeds(html, "https://port.example/") == ["https://port.example/rss.xml"]


def test_sitemap_links_same_site_only():
    content = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://port.example/news/one.html</loc></url>
<url><loc>https://elsewhere.example/news/two.html</loc></url>
<url><loc>https://port.example/sitemap-2025.xml</loc></url>
</urlset>"""
    pages, nested = sitemap_links(content, "https://port.example/sitemap.xml")
    assert pages == ["https://port.example/news/one.html"]
    assert nested == ["https://port.example/sitemap-2025.xml"]


def test_sitemap_guesses():
    assert sitemap_guesses("https://port.example/news/")[0] == "https://port.example/sitemap.xml"
