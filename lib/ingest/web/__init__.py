"""The web as an input: URLs, feeds and sitemaps fetched politely and turned into raw articles.

One concept per module: `guard` (which addresses may be fetched at all), `robots` (what a site
allows), `cache` (what was fetched before), `fetch` (one polite, bounded HTTP client), `feeds`
(RSS/Atom and sitemap links), `extract` (a page to a RawArticle), `collect` (many URLs, each
one accounted for in the ingest report), `gdelt` (a news search as a source of URLs).
"""
