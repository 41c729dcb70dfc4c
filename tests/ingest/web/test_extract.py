"""A fetched page to a RawArticle, keeping trafilatura's metadata."""

from __future__ import annotations

import pytest

from lib.ingest.web.extract import article_from_page, is_html
from lib.ingest.web.fetch import Response
from lib.ingest.web.outcomes import FETCHED
from lib.schema.limits import DEFAULT_LIMITS
from lib.schema.report import IngestReport
from tests.ingest.web.site import article_html


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("text/html; charset=utf-8", b"", True),
        ("application/xhtml+xml", b"", True),
        ("TEXT/HTML", b"", True),
        ("application/json", b"<html>", False),
        ("application/pdf", b"%PDF", False),
        ("", b"  <!DOCTYPE html><html>", True),
        ("", b"<html><body>", True),
        ("", b"%PDF-1.7", False),
    ],
)
def test_is_html(content_type, body, expected):
    assert is_html(content_type, body) is expected


def _response(html: str, url="https://port.example/news/berth.html", final_url="") -> Response:
    return Response(url, FETCHED, final_url or url, 200, "text/html", html.encode("utf-8"))


def test_metadata_is_kept():
    report = IngestReport()
    [article] = article_from_page(_response(article_html("berth", "Allies settle berth costs")), report, DEFAULT_LIMITS)
    assert article.source == "https://port.example/news/berth.html"
    assert article.title == "Allies settle berth costs"
    assert article.date.startswith("2025-03-04")
    assert article.outlet == "Harbour Times"
    assert article.extra == {"author": "Aiko Tanabe"}
    assert article.url == "https://port.example/news/berth.html"  # no canonical link: where it was fetched
    assert article.from_html and article.input_key
    assert "dredging" in article.text and "all rights reserved" not in article.text
    assert (report.inputs, report.entries) == (1, [])


def test_the_address_after_redirects_is_the_url():
    html = article_html("berth", "Allies settle berth costs")
    [article] = article_from_page(
        _response(html, url="https://port.example/r", final_url="https://port.example/news/b.html"),
        IngestReport(),
        DEFAULT_LIMITS,
    )
    assert (article.source, article.url) == ("https://port.example/r", "https://port.example/news/b.html")


def test_a_page_without_text_is_its_report_entry():
    report = IngestReport()
    assert (
        list(
            article_from_page(
                _response("<html><head><title>Soon</title></head><body></body></html>"), report, DEFAULT_LIMITS
            )
        )
        == []
    )
    assert [(e.reason, report.inputs) for e in report.entries] == [("no article text", 1)]


def test_a_stored_page_is_not_read_again():
    report = IngestReport()
    [article] = article_from_page(_response(article_html("berth", "x")), report, DEFAULT_LIMITS, known=lambda key: True)
    assert article.stored and article.text == ""
