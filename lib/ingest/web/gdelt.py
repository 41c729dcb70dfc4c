"""The GDELT DOC 2.0 article search as a source of article URLs: a small client of our own over
the polite fetcher (so the address guard, rate limit, retries and cache apply).

    https://api.gdeltproject.org/api/v2/doc/doc?query=...&mode=ArtList&format=json
    -> {"articles": [{"url", "title", "seendate": "20250304T091500Z", "domain", "language",
        "sourcecountry"}, ...]}

GDELT answers a query it cannot run with a sentence in plain text (status 200), not JSON: that
sentence becomes the error. Its search covers roughly the last three months.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from urllib.parse import urlencode

from lib.ingest.web.fetch import Fetcher
from lib.ingest.web.outcomes import GIVES_A_PAGE

GDELT_DOC_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
MAX_RECORDS = 250  # the most the DOC API returns for one query


class GdeltError(ValueError):
    """A search that gave no result list, with GDELT's reason or ours."""


@dataclass(frozen=True)
class GdeltQuery:
    keywords: str  # GDELT query syntax: words, "quoted phrases", OR inside (parentheses)
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    source_country: str = ""  # GDELT's FIPS country code: JA Japan, US United States, UK...
    source_language: str = ""  # a language name or ISO 639 code, e.g. english, japanese, eng
    max_records: int = MAX_RECORDS

    def __post_init__(self) -> None:
        if not self.keywords.strip():
            raise GdeltError("the GDELT search needs keywords")
        if self.start and self.end and self.start > self.end:
            raise GdeltError(f"the GDELT date range starts ({self.start}) after it ends ({self.end})")
        if not 1 <= self.max_records <= MAX_RECORDS:
            raise GdeltError(f"GDELT returns 1 to {MAX_RECORDS} records per search, not {self.max_records}")

    def parameters(self) -> dict[str, str]:
        query = self.keywords.strip()
        if self.source_country:
            query += f" sourcecountry:{self.source_country.strip()}"
        if self.source_language:
            query += f" sourcelang:{self.source_language.strip()}"
        parameters = {"query": query, "mode": "ArtList", "format": "json", "maxrecords": str(self.max_records)}
        parameters["sort"] = "DateDesc"
        if self.start:
            parameters["startdatetime"] = self.start.strftime("%Y%m%d000000")
        if self.end:
            parameters["enddatetime"] = self.end.strftime("%Y%m%d235959")
        return parameters

    def url(self, base_url: str = GDELT_DOC_URL) -> str:
        return f"{base_url}?{urlencode(self.parameters())}"


@dataclass(frozen=True)
class GdeltArticle:
    url: str
    title: str = ""
    seen: str = ""  # when GDELT first saw it, as given (20250304T091500Z)
    domain: str = ""
    language: str = ""
    source_country: str = ""


def search(query: GdeltQuery, fetcher: Fetcher, *, base_url: str = GDELT_DOC_URL) -> list[GdeltArticle]:
    """The articles GDELT lists for `query`; GdeltError when it lists none it could read."""
    response = fetcher.get(query.url(base_url), obey_robots=False)  # an API for programs
    if response.outcome not in GIVES_A_PAGE:
        raise GdeltError(f"the GDELT search failed: {response.outcome} ({response.detail})")
    return parse_articles(response.body)


def parse_articles(body: bytes) -> list[GdeltArticle]:
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return []  # GDELT's answer to a search with no hits
    try:
        payload = json.loads(text)
    except ValueError:
        raise GdeltError(f"GDELT did not run the search: {text[:300]}") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("articles", []), list):
        raise GdeltError("GDELT answered JSON without an article list")
    articles = []
    for item in payload.get("articles", []):
        if isinstance(item, dict) and isinstance(item.get("url"), str) and item["url"].strip():
            articles.append(
                GdeltArticle(
                    url=item["url"].strip(),
                    title=str(item.get("title", "")),
                    seen=str(item.get("seendate", "")),
                    domain=str(item.get("domain", "")),
                    language=str(item.get("language", "")),
                    source_country=str(item.get("sourcecountry", "")),
                )
            )
    return articles
