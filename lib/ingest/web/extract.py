"""A fetched page to a RawArticle: the same trafilatura reading as an HTML file
(lib.ingest.pages.read_html: main text, title, date, site name, canonical URL as `metadata`
basis), plus what only the web gives: the address it was fetched from and the author."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from lib.ingest.formats import input_key, too_long
from lib.ingest.pages import read_html
from lib.ingest.web.fetch import Response
from lib.schema.limits import Limits
from lib.schema.records import Known, RawArticle
from lib.schema.report import IngestReport

HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
_HTML_STARTS = (b"<!doctype html", b"<html")


def is_html(content_type: str, body: bytes) -> bool:
    """An HTML page by its declared media type, or by its first bytes when none is declared."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type:
        return media_type in HTML_MEDIA_TYPES
    return body.lstrip()[:20].lower().startswith(_HTML_STARTS)


def article_from_page(
    response: Response, report: IngestReport, limits: Limits, known: Known | None = None
) -> Iterator[RawArticle]:
    """The page's article (counted in `report` once), or its report entry."""
    key = input_key(".html", response.url, response.body)
    if known is not None and known(key):
        report.admit()
        yield RawArticle(source=response.url, text="", input_key=key, stored=True)
        return
    for article in read_html(response.url, response.body, report):
        if len(article.text) > limits.max_article_chars:
            report.add(response.url, *too_long(article.text, limits))
            continue
        extra = dict(article.extra)
        author = page_author(response.body)
        if author:
            extra["author"] = author
        # The page's own canonical address (trafilatura's metadata) wins; else where we found it.
        yield replace(article, url=article.url or response.final_url or response.url, extra=extra, input_key=key)


def page_author(body: bytes) -> str:
    """The author the page's metadata names, or ''."""
    import trafilatura

    try:
        metadata = trafilatura.extract_metadata(body.decode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 (an author is a nicety: a parser failure only loses it)
        return ""
    return (getattr(metadata, "author", None) or "").strip() if metadata else ""
