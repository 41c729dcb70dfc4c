"""robots.txt as RFC 9309 reads it: missing allows all, unreadable disallows all."""

from __future__ import annotations

import pytest

from lib.ingest.web.robots import RobotsRules, robots_url

RULES = "User-agent: *\nDisallow: /private/\nCrawl-delay: 3\nSitemap: https://port.example/sitemap.xml\n"


def rules(status: int, text: str = "") -> RobotsRules:
    return RobotsRules(lambda url: (status, text), "AllianceLens-collector/1.0")


@pytest.mark.parametrize(
    ("status", "text", "path", "refusal"),
    [
        (200, RULES, "/news/a.html", ""),
        (200, RULES, "/private/a.html", "robots.txt disallows /private/a.html"),
        (404, "", "/private/a.html", ""),  # no robots.txt: everything allowed
        (403, "", "/news/a.html", ""),
        (503, "", "/news/a.html", "robots.txt answered HTTP 503, so nothing on the site is fetched"),
        (0, "", "/news/a.html", "robots.txt could not be read (no answer)"),
        (200, "User-agent: AllianceLens-collector\nDisallow: /\n", "/news/a.html", "robots.txt disallows"),
        (200, "User-agent: OtherBot\nDisallow: /\n", "/news/a.html", ""),
    ],
)
def test_refusal(status, text, path, refusal):
    found = rules(status, text).refusal("https://port.example" + path)
    assert found.startswith(refusal) if refusal else found == ""


def test_read_once_per_site_and_its_extras():
    asked = []
    robots = RobotsRules(lambda url: (asked.append(url), (200, RULES))[1], "AllianceLens-collector/1.0")
    for path in ("/a", "/b", "/private/c"):
        robots.allowed("https://port.example" + path)
    assert asked == ["https://port.example/robots.txt"]
    assert robots.crawl_delay("https://port.example/a") == 3.0
    assert robots.sitemaps("https://port.example/") == ["https://port.example/sitemap.xml"]


def test_robots_url():
    assert robots_url("https://Port.example:8443/news/a.html?x=1") == "https://Port.example:8443/robots.txt"
