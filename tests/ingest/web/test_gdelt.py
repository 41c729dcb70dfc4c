"""The GDELT DOC 2.0 client against a fake endpoint on the loopback site."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from lib.ingest.web.collect import Sources, collect_articles
from lib.ingest.web.gdelt import GdeltError, GdeltQuery, parse_articles, search
from lib.schema.report import IngestReport


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (GdeltQuery("tariff"), {"query": "tariff", "mode": "ArtList", "format": "json", "maxrecords": "250"}),
        (
            GdeltQuery(
                '"alliance" (Japan OR Tokyo)',
                start=dt.date(2025, 3, 1),
                end=dt.date(2025, 3, 31),
                source_country="JA",
                source_language="english",
                max_records=50,
            ),
            {
                "query": '"alliance" (Japan OR Tokyo) sourcecountry:JA sourcelang:english',
                "maxrecords": "50",
                "startdatetime": "20250301000000",
                "enddatetime": "20250331235959",
            },
        ),
    ],
)
def test_parameters(query, expected):
    parameters = query.parameters()
    assert {k: parameters[k] for k in expected} == expected
    assert parameters["sort"] == "DateDesc"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"keywords": "  "}, "needs keywords"),
        ({"keywords": "x", "start": dt.date(2025, 2, 1), "end": dt.date(2025, 1, 1)}, "starts .* after it ends"),
        ({"keywords": "x", "max_records": 0}, "1 to 250"),
        ({"keywords": "x", "max_records": 251}, "1 to 250"),
    ],
)
def test_bad_queries(fields, message):
    with pytest.raises(GdeltError, match=message):
        GdeltQuery(**fields)


@pytest.mark.parametrize(
    ("body", "urls"),
    [
        (b'{"articles": [{"url": "https://a.example/1"}, {"url": " "}, {"title": "x"}, 7]}', ["https://a.example/1"]),
        (b"{}", []),
        (b"", []),
    ],
)
def test_parse_articles(body, urls):
    assert [a.url for a in parse_articles(body)] == urls


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"Invalid query: too short", "did not run the search: Invalid query"),
        (b'{"articles": 3}', "without an article list"),
    ],
)
def test_unreadable_answers(body, message):
    with pytest.raises(GdeltError, match=message):
        parse_articles(body)


def test_search_the_fake_endpoint(site, fetcher):
    hits = search(GdeltQuery("harbour", source_country="JA"), fetcher, base_url=site.url("/api/v2/doc/doc"))
    assert [h.url for h in hits] == [site.url("/news/tariff.html"), site.url("/news/berth.html")]
    assert hits[0].seen == "20250304T091500Z"
    [(_, path, _)] = [r for r in site.requests if r[1].startswith("/api/")]
    assert parse_qs(urlsplit(path).query)["query"] == ["harbour sourcecountry:JA"]
    assert site.hits("/robots.txt") == 0  # an API for programs: no robots.txt asked


def test_searches_in_a_collection(site, fetcher):
    report = IngestReport()
    sources = Sources(
        searches=[GdeltQuery("harbour"), GdeltQuery("ab"), GdeltQuery("nothing here")],
        search_url=site.url("/api/v2/doc/doc"),
    )
    articles = list(collect_articles(sources, fetcher, report))
    assert len(articles) == 2
    assert [(e.reason, e.detail[:40]) for e in report.entries] == [
        ("search failed", "GDELT did not run the search: The specif"),
        ("no links", "the search found no articles"),
    ]
    assert report.accounted(2)
