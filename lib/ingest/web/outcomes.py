"""What became of each URL, declared once: the ingest report's reasons for URLs that gave no
article, and the outcomes of those that did. The CLI counts them; the README lists them."""

from __future__ import annotations

# Outcomes that give a page to read.
FETCHED = "fetched"
NOT_MODIFIED = "not modified"
# Reasons a URL gives no article (ingest report entries).
ROBOTS = "refused by robots.txt"
HTTP_ERROR = "HTTP error"
NETWORK_ERROR = "network error"
NOT_HTML = "not HTML"
NO_TEXT = "no article text"  # the same words lib.ingest.pages uses for an HTML page without main text
DUPLICATE_URL = "duplicate URL"
OVER_CAP = "over a cap"
BLOCKED = "blocked address"
NO_LINKS = "no links"  # a feed, a site or a search that leads to no article address
SEARCH_FAILED = "search failed"  # a news search (GDELT) that could not be run

URL_OUTCOMES: dict[str, str] = {
    FETCHED: "downloaded now (and kept in the cache)",
    NOT_MODIFIED: "taken from the cache: fresh, or the site answered 304 Not Modified",
    ROBOTS: "the site's robots.txt does not allow our user agent to fetch it (or could not be read)",
    HTTP_ERROR: "the site answered with an error status (404, 500... after retries), or redirected too often",
    NETWORK_ERROR: "no answer: connection refused, timed out or reset, after retries",
    NOT_HTML: "the page is not an HTML (or XHTML) document",
    NO_TEXT: "an HTML page without main text that could be extracted",
    DUPLICATE_URL: "the same address (after normalising it) was already in this run",
    OVER_CAP: "past a cap: the page size, or the number of URLs a run may fetch",
    BLOCKED: "not http(s), or the host resolves to a private, loopback, link-local or reserved address",
    NO_LINKS: "a feed without entry links, a site with no feed or sitemap listing pages, a search without hits",
    SEARCH_FAILED: "a GDELT search that could not be run (its reason is given)",
}
GIVES_A_PAGE = (FETCHED, NOT_MODIFIED)


def outcomes_markdown() -> str:
    """The README's table of what becomes of a URL."""
    lines = ["| outcome | meaning |", "| --- | --- |"]
    lines += [f"| {name} | {meaning} |" for name, meaning in URL_OUTCOMES.items()]
    return "\n".join(lines)
