"""A fixture news site on a loopback HTTP server: pages, a feed, robots.txt, redirects, failing,
slow and oversized endpoints. All texts are invented for these tests."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PARAGRAPHS = {
    "berth": [
        "Officials from Tokyo and Washington met on Tuesday in a harbour town to settle who pays for"
        " dredging a new berth for supply ships, and ended the day with a draft both sides called workable.",
        "A defence ministry spokesperson said the berth would let larger vessels dock without waiting for"
        " the tide, which has delayed deliveries twice this winter and worried the crews who wait offshore.",
        "The American delegation asked for work to begin before the rainy season, while the Japanese side"
        " pressed for a survey of the bay first, citing the fishing cooperatives that depend on its waters.",
        "A second round of talks is planned for next month, when a parliamentary committee will also review"
        " the spending plan line by line before any contract is signed with the dredging companies.",
    ],
    "tariff": [
        "Exporters of machine tools in central Japan said on Monday that a proposed American tariff would"
        " cut their orders by a fifth, and several asked the trade ministry for help finding new buyers.",
        "Trade officials in both capitals have exchanged letters on the matter but have not set a date for"
        " talks, according to two people briefed on the correspondence who asked not to be named.",
        "Economists at a Tokyo research institute estimated that the measure would shave a tenth of a point"
        " from growth next year, though they said currency moves could soften the blow to exporters.",
    ],
}


def article_html(
    key: str,
    title: str,
    *,
    date: str = "2025-03-04",
    author: str = "Aiko Tanabe",
    extra: str = "",
    paragraphs: int | None = None,
) -> str:
    """A news page; `paragraphs` keeps only the first few (a trimmed reprint)."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[key][:paragraphs])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Times</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T09:00:00+09:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{body}{extra}</article>
<footer>Harbour Times, all rights reserved.</footer></body></html>"""


ROBOTS = "User-agent: *\nDisallow: /private/\n"
FEED_PATHS = ("/news/berth.html", "/news/tariff.html", "/news/berth.html#comments")


def feed_xml(base: str) -> str:
    items = "".join(f"<item><title>Item</title><link>{base}{path}</link></item>" for path in FEED_PATHS)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>{items}</channel></rss>'


@dataclass
class Site:
    base: str
    requests: list[tuple[float, str, dict]] = field(default_factory=list)  # (time, path, headers)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    flaky_calls: int = 0

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for _, p, _ in self.requests if p == path)


def static_routes(base: str) -> dict[str, tuple]:
    """path -> (status, body, content type, extra headers)."""
    html = "text/html; charset=utf-8"
    partner_note = (
        "<p>This report first ran on a partner wire and is shared with member newspapers across the region"
        " under a content agreement between the publishers.</p>"
    )
    home = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Front</body></html>'
    )
    return {
        "/robots.txt": (200, ROBOTS, "text/plain", {}),
        "/": (200, home, html, {}),
        "/feed.xml": (200, feed_xml(base), "application/rss+xml", {}),
        "/news/berth.html": (200, article_html("berth", "Allies settle berth costs"), html, {}),
        "/news/berth-reprint.html": (
            200,
            article_html(
                "berth", "Deal reached on harbour dredging", date="2025-03-05", extra=partner_note, paragraphs=3
            ),
            html,
            {},
        ),
        "/news/tariff.html": (200, article_html("tariff", "Toolmakers brace for tariff"), html, {}),
        "/private/secret.html": (200, article_html("tariff", "Not for robots"), html, {}),
        "/broken.html": (503, "down", "text/plain", {}),
        "/redirect-private": (302, "", html, {"Location": "http://10.1.2.3/admin"}),
        "/redirect-ok": (301, "", html, {"Location": "/news/tariff.html"}),
        "/redirect-robots": (302, "", html, {"Location": "/private/secret.html"}),
        "/redirect-loop": (302, "", html, {"Location": "/redirect-loop"}),
        "/big.html": (200, "<html><body>" + "<p>filler words here</p>" * 20000 + "</body></html>", html, {}),
        "/data.json": (200, '{"a": 1}', "application/json", {}),
        "/empty.html": (200, "<html><head><title>Soon</title></head><body></body></html>", html, {}),
    }


def fake_gdelt(base: str, path: str) -> tuple:
    """GDELT DOC 2.0 as it answers: JSON for a search, a plain sentence for a query it refuses,
    an empty body for no hits."""
    query = parse_qs(urlsplit(path).query).get("query", [""])[0]
    if "ab" in query.split():
        return 200, "The specified phrase is too short.", "text/html; charset=utf-8", {}
    if "nothing" in query:
        return 200, "", "application/json", {}
    articles = [
        {"url": f"{base}/news/tariff.html", "title": "Toolmakers", "seendate": "20250304T091500Z", "domain": "x"},
        {"url": f"{base}/news/berth.html", "title": "Berth", "seendate": "20250304T101500Z", "language": "English"},
        {"title": "no url"},
    ]
    return 200, json.dumps({"articles": articles}), "application/json; charset=utf-8", {}


def serve(site_holder: dict) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet test output
            pass

        def do_GET(self):  # noqa: N802 (http.server's name)
            site: Site = site_holder["site"]
            with site.lock:
                site.requests.append((time.monotonic(), self.path, dict(self.headers)))
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            try:
                self.route(site)
            finally:
                with site.lock:
                    site.in_flight -= 1

        def send(self, status: int, body: str | bytes, content_type: str, headers: dict) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def route(self, site: Site) -> None:
            html = "text/html; charset=utf-8"
            api = self.path.startswith("/api/v2/doc/doc?")
            static = fake_gdelt(site.base, self.path) if api else static_routes(site.base).get(self.path)
            if static is not None:
                self.send(*static)
            elif self.path == "/flaky.html":  # 429 once, then the page
                with site.lock:
                    site.flaky_calls += 1
                    first = site.flaky_calls == 1
                if first:
                    self.send(429, "slow down", "text/plain", {"Retry-After": "0"})
                else:
                    self.send(200, article_html("tariff", "Toolmakers brace for tariff, again"), html, {})
            elif self.path == "/etag.html":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send(304, b"", html, {"ETag": '"v1"'})
                else:
                    self.send(200, article_html("tariff", "Toolmakers brace for tariff"), html, {"ETag": '"v1"'})
            elif self.path.startswith("/slow"):
                time.sleep(0.15)
                self.send(200, article_html("berth", "Slow page " + self.path), html, {})
            else:
                self.send(404, "not found", "text/plain", {})

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@contextlib.contextmanager
def running_site() -> Iterator[tuple[dict, str]]:
    """The fixture site served on a free loopback port in a thread: yields the holder its
    handler reads the current Site from, and the base URL; shut down on the way out."""
    holder: dict = {}
    server = serve(holder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield holder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
