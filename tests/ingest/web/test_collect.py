"""Collecting from the loopback site: every URL accounted for in the ingest report."""

from __future__ import annotations

from collections import Counter

import pytest

from lib.ingest.web.collect import CollectLimits, Sources, collect_articles, normalised_url
from lib.ingest.web.outcomes import URL_OUTCOMES
from lib.schema.report import IngestReport

PAGES = [
    "/news/berth.html",
    "/news/tariff.html",
    "/private/secret.html",
    "/missing.html",
    "/broken.html",
    "/redirect-private",
    "/big.html",
    "/data.json",
    "/empty.html",
    "/flaky.html",
    "/news/berth.html#top",
]
EXPECTED_REASONS = {
    "/private/secret.html": "refused by robots.txt",
    "/missing.html": "HTTP error",
    "/broken.html": "HTTP error",
    "/redirect-private": "blocked address",
    "/big.html": "over a cap",
    "/data.json": "not HTML",
    "/empty.html": "no article text",
    "/news/berth.html#top": "duplicate URL",
}


def test_every_url_is_accounted_for(site, fetcher):
    report, outcomes = IngestReport(), Counter()
    urls = [site.url(p) for p in PAGES]
    articles = list(collect_articles(Sources(urls=urls), fetcher, report, outcomes=outcomes))
    assert [a.source for a in articles] == [
        site.url(p) for p in ("/news/berth.html", "/news/tariff.html", "/flaky.html")
    ]
    assert {e.input: e.reason for e in report.entries} == {site.url(p): r for p, r in EXPECTED_REASONS.items()}
    assert report.accounted(len(articles))
    assert report.inputs == len(PAGES)
    assert outcomes == Counter(
        {
            "fetched": 3,
            "HTTP error": 2,
            "refused by robots.txt": 1,
            "blocked address": 1,
            "over a cap": 1,
            "not HTML": 1,
            "no article text": 1,
            "duplicate URL": 1,
        }
    )
    assert set(outcomes) <= set(URL_OUTCOMES)


def test_a_rerun_is_served_by_the_cache(site, fetcher):
    urls = [site.url("/news/berth.html"), site.url("/news/tariff.html")]
    list(collect_articles(Sources(urls=urls), fetcher, IngestReport()))
    outcomes = Counter()
    again = list(collect_articles(Sources(urls=urls), fetcher, IngestReport(), outcomes=outcomes))
    assert len(again) == 2 and outcomes == Counter({"not modified": 2})
    assert site.hits("/news/berth.html") == 1


def test_a_feed_gives_its_entries_once(site, fetcher):
    report = IngestReport()
    articles = list(collect_articles(Sources(feeds=[site.url("/feed.xml")]), fetcher, report))
    assert [a.title for a in articles] == ["Allies settle berth costs", "Toolmakers brace for tariff"]
    assert [e.reason for e in report.entries] == ["duplicate URL"]  # the entry linking to #comments
    assert report.accounted(len(articles))


def test_a_feed_that_is_not_one(site, fetcher):
    report = IngestReport()
    assert list(collect_articles(Sources(feeds=[site.url("/news/berth.html")]), fetcher, report)) == []
    assert [e.reason for e in report.entries] == ["no links"]
    assert report.accounted(0)


def test_a_site_is_discovered_through_its_feed(site, fetcher):
    report = IngestReport()
    articles = list(collect_articles(Sources(sites=[site.url("/")]), fetcher, report))
    assert len(articles) == 2 and report.accounted(2)


def test_the_url_cap(site, fetcher):
    report = IngestReport()
    urls = [site.url("/news/berth.html"), site.url("/news/tariff.html"), site.url("/flaky.html")]
    articles = list(collect_articles(Sources(urls=urls), fetcher, report, limits=CollectLimits(max_urls=2)))
    assert len(articles) == 2
    assert [(e.input, e.reason) for e in report.entries] == [(site.url("/flaky.html"), "over a cap")]
    assert report.accounted(2)


def test_progress_is_reported_per_url(site, fetcher):
    seen = []
    urls = [site.url("/news/berth.html"), site.url("/missing.html"), site.url("/missing.html")]
    articles = collect_articles(
        Sources(urls=urls), fetcher, IngestReport(), progress=lambda n, url: seen.append((n, url)), planned=seen.append
    )
    list(articles)
    assert seen == [2, (1, urls[0]), (2, urls[1])]  # the total first: the duplicate is not fetched


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://Port.Example/news/a.html#top", "https://port.example/news/a.html"),
        ("https://port.example/news/a.html?utm_source=feed", "https://port.example/news/a.html"),
        ("  https://port.example/a  ", "https://port.example/a"),
        ("not a url", "not a url"),
    ],
)
def test_normalised_url(url, normalised):
    assert normalised_url(url) == normalised


def test_readme_lists_every_url_outcome():
    from lib.ingest.web.outcomes import outcomes_markdown
    from tests.conftest import ROOT

    assert outcomes_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")
