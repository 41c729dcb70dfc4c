"""Many URLs (a list, feeds, sites) to raw articles, every URL accounted for in the ingest
report: a row (fetched or not modified, with article text) or an entry saying why not (see
lib.ingest.web.outcomes)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from lib.ingest.web.extract import article_from_page, is_html
from lib.ingest.web.feeds import discovered_feeds, feed_links, sitemap_guesses, sitemap_links
from lib.ingest.web.fetch import Fetcher, Response
from lib.ingest.web.gdelt import GDELT_DOC_URL, GdeltError, GdeltQuery, search
from lib.ingest.web.outcomes import (
    DUPLICATE_URL,
    GIVES_A_PAGE,
    NETWORK_ERROR,
    NO_LINKS,
    NOT_HTML,
    OVER_CAP,
    SEARCH_FAILED,
)
from lib.schema.limits import DEFAULT_LIMITS, Limits
from lib.schema.records import Known, RawArticle
from lib.schema.report import IngestReport

Progress = Callable[[int, str], None]  # (URLs done so far, current URL)


@dataclass(frozen=True)
class CollectLimits:
    """Caps of one run (the hosted app sets them per session)."""

    max_urls: int = 500  # article pages fetched; the rest are reported as over a cap
    max_sitemaps: int = 10  # per site, nested ones included
    workers: int = 4  # pages fetched at once, over all hosts (each host has its own cap too)


DEFAULT_COLLECT_LIMITS = CollectLimits()


@dataclass
class Sources:
    """What to collect: article URLs, feeds whose entries are articles, sites to discover."""

    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    searches: list[GdeltQuery] = field(default_factory=list)  # GDELT DOC 2.0 article searches
    search_url: str = GDELT_DOC_URL  # the DOC API's address (a test or a mirror sets its own)


def normalised_url(url: str) -> str:
    """The address used to spot duplicates: no fragment, no tracking parameters, lower-case host
    (courlan's normalisation); the URL as given when it cannot be normalised."""
    from courlan import normalize_url

    url = urldefrag(url.strip()).url
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return url  # not a web address: the guard refuses it by name
    try:
        return normalize_url(url)
    except (ValueError, TypeError):
        return url


def collect_articles(
    sources: Sources,
    fetcher: Fetcher,
    report: IngestReport,
    *,
    limits: CollectLimits = DEFAULT_COLLECT_LIMITS,
    article_limits: Limits = DEFAULT_LIMITS,
    known: Known | None = None,
    progress: Progress | None = None,
    planned: Callable[[int], None] | None = None,
    outcomes: Counter | None = None,
) -> Iterator[RawArticle]:
    """Raw articles of every page the sources lead to, in order; `outcomes` counts what became
    of each URL (fetched, not modified, and each report reason). `planned` hears how many pages
    will be fetched once feeds, sites and searches are expanded (a progress bar's total)."""
    outcomes = outcomes if outcomes is not None else Counter()
    urls = [*sources.urls]
    for feed in sources.feeds:
        urls += _feed_entries(feed, fetcher, report, outcomes)
    for site in sources.sites:
        urls += _site_pages(site, fetcher, report, outcomes, limits)
    for query in sources.searches:
        urls += _search_hits(query, sources.search_url, fetcher, report, outcomes)
    wanted = _admissible(urls, report, limits, outcomes)
    if planned:
        planned(len(wanted))
    with ThreadPoolExecutor(max_workers=max(1, limits.workers), thread_name_prefix="collect") as pool:
        for done, response in enumerate(pool.map(_safe_getter(fetcher), wanted), start=1):
            if progress:
                progress(done, response.url)
            yield from _articles(response, report, article_limits, known, outcomes)


def _safe_getter(fetcher: Fetcher) -> Callable[[str], Response]:
    """fetcher.get, with anything unexpected (a full disk under the cache) as that URL's entry."""

    def get(url: str) -> Response:
        try:
            return fetcher.get(url)
        except Exception as error:  # noqa: BLE001 (one URL's failure is its entry, not the run's)
            return Response(url, NETWORK_ERROR, url, detail=f"{type(error).__name__}: {error}")

    return get


def _admissible(urls: list[str], report: IngestReport, limits: CollectLimits, outcomes: Counter) -> list[str]:
    first_seen: dict[str, str] = {}
    wanted = []
    for url in urls:
        key = normalised_url(url)
        if key in first_seen:
            _refuse(report, outcomes, url, DUPLICATE_URL, f"same address as {first_seen[key]}")
        elif len(wanted) >= limits.max_urls:
            _refuse(report, outcomes, url, OVER_CAP, f"a run fetches at most {limits.max_urls:,} pages")
        else:
            first_seen[key] = url
            wanted.append(url)
    return wanted


def _articles(
    response: Response, report: IngestReport, article_limits: Limits, known: Known | None, outcomes: Counter
) -> Iterator[RawArticle]:
    if response.outcome not in GIVES_A_PAGE:
        _refuse(report, outcomes, response.url, response.outcome, response.detail)
        return
    if not is_html(response.content_type, response.body):
        _refuse(report, outcomes, response.url, NOT_HTML, response.content_type or "no content type, not HTML")
        return
    before = len(report.entries)
    articles = list(article_from_page(response, report, article_limits, known))
    if len(report.entries) > before:  # read_html recorded why the page gave nothing
        outcomes[report.entries[-1].reason] += 1
    else:
        outcomes[response.outcome] += 1
    yield from articles


def _refuse(report: IngestReport, outcomes: Counter, url: str, reason: str, detail: str) -> None:
    report.refuse(url, reason, detail)
    outcomes[reason] += 1


def _feed_entries(feed: str, fetcher: Fetcher, report: IngestReport, outcomes: Counter) -> list[str]:
    """A feed's entry links; a feed that cannot be read is an entry of its own."""
    response = fetcher.get(feed)
    if response.outcome not in GIVES_A_PAGE:
        _refuse(report, outcomes, feed, response.outcome, response.detail)
        return []
    links = feed_links(response.body, response.final_url or feed)
    if not links:
        _refuse(report, outcomes, feed, NO_LINKS, "not an RSS or Atom feed, or a feed without entry links")
    return links


def _search_hits(
    query: GdeltQuery, base_url: str, fetcher: Fetcher, report: IngestReport, outcomes: Counter
) -> list[str]:
    """The article URLs a GDELT search lists; a failed or empty search is an entry of its own."""
    try:
        hits = search(query, fetcher, base_url=base_url)
    except GdeltError as error:
        _refuse(report, outcomes, query.url(base_url), SEARCH_FAILED, str(error))
        return []
    if not hits:
        _refuse(report, outcomes, query.url(base_url), NO_LINKS, "the search found no articles")
    return [hit.url for hit in hits]


def _site_pages(
    site: str, fetcher: Fetcher, report: IngestReport, outcomes: Counter, limits: CollectLimits
) -> list[str]:
    """Article addresses a site offers: its feeds' entries, else its sitemaps' pages."""
    home = fetcher.get(site)
    if home.outcome not in GIVES_A_PAGE:
        _refuse(report, outcomes, site, home.outcome, home.detail)
        return []
    feeds = discovered_feeds(home.body.decode("utf-8", "replace"), home.final_url or site)
    pages = [link for feed in feeds for link in _quiet_links(fetcher, feed)]
    if not pages:
        pages = _sitemap_pages(site, fetcher, limits)
    if not pages:
        _refuse(report, outcomes, site, NO_LINKS, "the site links no feed and lists no sitemap with pages")
    return pages


def _quiet_links(fetcher: Fetcher, feed: str) -> list[str]:
    response = fetcher.get(feed)
    return feed_links(response.body, response.final_url or feed) if response.outcome in GIVES_A_PAGE else []


def _sitemap_pages(site: str, fetcher: Fetcher, limits: CollectLimits) -> list[str]:
    queue = list(reversed((fetcher.robots.sitemaps(site) if fetcher.robots else []) or sitemap_guesses(site)))
    seen: set[str] = set()
    pages: list[str] = []
    while queue and len(seen) < limits.max_sitemaps:
        sitemap = queue.pop()
        if sitemap in seen:
            continue
        seen.add(sitemap)
        response = fetcher.get(sitemap)
        if response.outcome not in GIVES_A_PAGE:
            continue
        found, nested = sitemap_links(response.body.decode("utf-8", "replace"), response.final_url or sitemap)
        pages += found
        queue += [n for n in reversed(nested) if n not in seen]
    return list(dict.fromkeys(pages))
