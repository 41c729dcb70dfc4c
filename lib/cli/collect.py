"""`python -m lib collect URL... [--urls-file F] [--feed URL] [--site URL] -o OUT | --store DIR`:
articles from the web, fetched politely, analysed like files, every URL accounted for."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from lib.annotate.sentiment import DEFAULT_ENGINE, get_engine
from lib.annotate.sentiment import ENGINES as SENTIMENT_ENGINES
from lib.cli.outputs import output_path, output_problems
from lib.cli.progress import ProgressLine
from lib.cli.summary import corpus_summary_text
from lib.ingest.web.cache import PageCache
from lib.ingest.web.collect import CollectLimits, Sources
from lib.ingest.web.fetch import Fetcher, FetchPolicy
from lib.ingest.web.gdelt import GDELT_DOC_URL, GdeltError, GdeltQuery
from lib.ingest.web.guard import AddressGuard
from lib.ingest.web.outcomes import URL_OUTCOMES
from lib.pipeline.corpus import Corpus, load_web, resolve_taxonomy
from lib.pipeline.export import EXPORT_SUFFIXES, write_frame
from lib.reference.taxonomy import Taxonomy, TaxonomyError


def default_cache_dir() -> Path:
    """Where fetched pages are kept between runs: $XDG_CACHE_HOME (or ~/.cache)/alliance-lens/web."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "alliance-lens" / "web"


def _positive(kind: type):
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
        if number <= 0:
            raise argparse.ArgumentTypeError(f"'{value}': must be above 0")
        return number

    return parse


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}': expected a day as YYYY-MM-DD") from None


def add_parser(commands) -> argparse.ArgumentParser:
    collect = commands.add_parser(
        "collect",
        help="collect articles from the web and analyse them",
        description="Fetch article pages (listed, from RSS/Atom feeds, or found through a site's feeds and "
        "sitemaps), politely: robots.txt honoured, one request per host per --delay seconds, retries with "
        "backoff, a size cap per page, a cache so a re-run fetches nothing twice. Then the same analysis "
        "as files. Every URL is a row or an ingest-report entry.",
    )
    collect.add_argument("urls", nargs="*", metavar="URL", help="article pages")
    collect.add_argument("--urls-file", metavar="FILE", help="a text file of URLs, one a line (# starts a comment)")
    collect.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed (repeatable)")
    collect.add_argument(
        "--site", action="append", default=[], metavar="URL", help="a site: its feeds, else its sitemaps (repeatable)"
    )
    collect.add_argument(
        "--gdelt",
        action="append",
        default=[],
        metavar="KEYWORDS",
        help='a GDELT DOC 2.0 article search, in its syntax: words, "phrases", (a OR b) (repeatable)',
    )
    collect.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="GDELT: published from this day")
    collect.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="GDELT: published up to this day")
    collect.add_argument("--country", default="", metavar="CODE", help="GDELT: source country (FIPS: JA, US, UK...)")
    collect.add_argument("--language", default="", metavar="LANG", help="GDELT: source language (english, japanese...)")
    collect.add_argument("--gdelt-url", default=GDELT_DOC_URL, metavar="URL", help="GDELT: the DOC API's address")
    collect.add_argument(
        "-o", "--output", type=output_path, metavar="OUT", help=f"a table ({', '.join(EXPORT_SUFFIXES)})"
    )
    collect.add_argument("--store", metavar="DIR", help="an analysis store the dashboard opens (created if missing)")
    collect.add_argument(
        "--cache", metavar="DIR", help=f"the page cache (default {default_cache_dir()}); see also --no-cache"
    )
    collect.add_argument("--no-cache", action="store_true", help="fetch everything again and keep nothing")
    collect.add_argument(
        "--max-urls", type=_positive(int), default=500, metavar="N", help="pages per run (default 500)"
    )
    collect.add_argument(
        "--delay",
        type=_positive(float),
        default=1.0,
        metavar="SECONDS",
        help="between two requests to one host (default 1)",
    )
    collect.add_argument(
        "--workers", type=_positive(int), default=4, metavar="N", help="pages fetched at once (default 4)"
    )
    collect.add_argument("--user-agent", metavar="TEXT", help="who is asking, as sites see it (default: ours)")
    collect.add_argument(
        "--allow-loopback",
        action="store_true",
        help="also fetch from this machine (127.0.0.1, a site you serve locally); private networks stay refused",
    )
    collect.add_argument("--taxonomy", metavar="FILE", help="a topic taxonomy TOML file (default: bundled)")
    collect.add_argument("--sentiment", choices=list(SENTIMENT_ENGINES), default=DEFAULT_ENGINE, metavar="ENGINE")
    collect.add_argument("--strict", action="store_true", help="exit with status 1 if any URL gave no article")
    collect.add_argument("--quiet", action="store_true", help="no progress line")
    return collect


def read_urls_file(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and # comments skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def run_collect(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    sources = _sources(args, parser)
    if args.output is None and args.store is None:
        parser.error("say where the results go: -o OUT (a table), --store DIR, or both")
    for problem in output_problems([], args.output, args.store):
        parser.error(problem)
    try:
        taxonomy = resolve_taxonomy(args.taxonomy)
    except TaxonomyError as error:
        parser.error(str(error))
    progress = None if args.quiet else ProgressLine(verb="Fetched")
    outcomes: Counter = Counter()
    try:
        corpus = load_web(
            sources,
            fetcher=_fetcher(args),
            limits=CollectLimits(max_urls=args.max_urls, workers=args.workers),
            store=args.store,
            outcomes=outcomes,
            fetch_progress=progress,
            taxonomy=taxonomy,
            engine=get_engine(args.sentiment),
        )
    finally:
        if progress:
            progress.close()
    for problem in corpus.store_problems:
        print(f"warning: store: {problem}", file=sys.stderr)
    print(outcome_line(outcomes), file=sys.stderr)
    if args.output is not None:
        try:
            write_frame(corpus.frame, args.output)
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
    return _finish(corpus, taxonomy, args)


def _sources(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Sources:
    urls = list(args.urls)
    if args.urls_file:
        try:
            urls += read_urls_file(args.urls_file)
        except (OSError, UnicodeDecodeError) as error:
            parser.error(f"cannot read --urls-file {args.urls_file}: {error}")
    if not (urls or args.feed or args.site or args.gdelt):
        parser.error("give at least one URL, --urls-file, --feed, --site or --gdelt")
    try:
        searches = [
            GdeltQuery(keywords, args.since, args.until, args.country, args.language) for keywords in args.gdelt
        ]
    except GdeltError as error:
        parser.error(str(error))
    return Sources(urls=urls, feeds=args.feed, sites=args.site, searches=searches, search_url=args.gdelt_url)


def _fetcher(args: argparse.Namespace) -> Fetcher:
    policy = replace(FetchPolicy(), host_interval_seconds=args.delay)
    if args.user_agent:
        policy = replace(policy, user_agent=args.user_agent)
    cache = None if args.no_cache else PageCache(args.cache or default_cache_dir())
    return Fetcher(policy, guard=AddressGuard(allow_loopback=args.allow_loopback), cache=cache)


def _finish(corpus: Corpus, taxonomy: Taxonomy, args: argparse.Namespace) -> int:
    print(corpus_summary_text(corpus.frame, corpus.report, taxonomy), file=sys.stderr)  # ingest report included
    where = " and ".join(str(p) for p in (args.output, args.store) if p is not None)
    print(f"Wrote {len(corpus.frame)} article(s) to {where}", file=sys.stderr)
    if not corpus.report.accounted(len(corpus.frame)):
        print("error: some URL is neither an article nor an ingest-report entry", file=sys.stderr)
        return 1
    return 1 if args.strict and corpus.report.entries else 0


def outcome_line(outcomes: Counter) -> str:
    """'URLs: 3 fetched, 1 not modified, 1 refused by robots.txt' in the declared order."""
    parts = [f"{outcomes[name]:,} {name}" for name in URL_OUTCOMES if outcomes[name]]
    return "URLs: " + (", ".join(parts) if parts else "none")
