"""The Data page's "Add from the web" panel: article URLs, feeds, sites and a GDELT news search,
fetched by this server for one visitor and added to their own articles like an upload.

A server that fetches what visitors ask for is a server-side request feature, so the panel is off
unless the host turns it on (lib.ingest.web.hosting: ALLIANCE_LENS_WEB=1); then only public
addresses (or the exact host:port pairs the host trusts) are fetched, at most the host's number of
pages per run and RUNS_PER_SESSION runs per session. Fetched pages are kept in a cache folder of
this server process only (deleted when it exits), so a re-run fetches nothing twice.

Nothing fetched is rendered as HTML: URLs are shown as code spans, the outcome table is our own
words, and the articles reach the pages as the frame's plain text.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from lib.annotate.sentiment import get_engine
from lib.ingest.readers import RawArticle
from lib.ingest.web.cache import PageCache
from lib.ingest.web.collect import Sources
from lib.ingest.web.gdelt import GDELT_DOC_URL, GdeltError, GdeltQuery
from lib.ingest.web.hosting import CACHE_BYTES, ENABLE_VARIABLE, HostedWeb
from lib.ingest.web.outcomes import URL_OUTCOMES
from lib.pipeline.corpus import Corpus, OutcomeStream, analyze_raw, combine, load_web
from lib.pipeline.parallel import analyze_stream
from lib.schema.report import IngestReport
from pages.ui import links
from pages.ui.errors import literal, reason
from pages.ui.sources import taxonomy, tone_engine
from pages.ui.upload import UploadSession
from pages.ui.view import update_view

logger = logging.getLogger("alliance_lens")

RUNS_PER_SESSION = 3  # collection runs one visitor session may start
URL_BOX_CHARACTERS = 20_000  # per text box: a few hundred URLs, more than a run may fetch
URL_FILE_MB = 1  # an uploaded list of URLs: tens of thousands of lines, far more than a run fetches
URL_FILE_BYTES = URL_FILE_MB * 1024 * 1024
GDELT_URL = GDELT_DOC_URL  # where the news search is asked (a test points it at a fake)
RUNS_KEY = "web_runs"  # runs started in this session
LAST_RUN_KEY = "web_last_run"  # what the last run did, shown until the next
WEB_SCHEMES = ("http", "https")


# --- the visitor's input, read and checked (pure: tested without Streamlit) ----------------------


def address_lines(text: str, where: str) -> tuple[list[str], list[str]]:
    """The web addresses in `text`, one a line (blank lines and # comments skipped), and a
    message naming each line that is not one. `where` names the box or file in the message."""
    addresses, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        problem = address_problem(address)
        if problem:
            problems.append(f"{where}, line {number}: {literal(address)} {problem}.")
        else:
            addresses.append(address)
    return addresses, problems


def address_problem(address: str) -> str:
    """Why `address` is not a web address we would fetch, or ''."""
    if any(char.isspace() for char in address):
        return "holds a space: put one address on each line"
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        return "is not a well-formed address"
    if parts.scheme.lower() not in WEB_SCHEMES:
        if not parts.scheme:
            return "has no http:// or https:// in front"
        return f"is not a web address ({parts.scheme}:); only http:// and https:// addresses are fetched"
    if not parts.hostname:
        return "names no site after the //"
    return ""


def url_file_lines(name: str, data: bytes) -> tuple[list[str], list[str]]:
    """The addresses of an uploaded .txt list, or a message saying why it cannot be read."""
    if len(data) > URL_FILE_BYTES:
        return [], [f"{literal(name)} is {len(data):,} bytes; a list of URLs may be {URL_FILE_BYTES:,} bytes."]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [f"{literal(name)} is not a UTF-8 text file: save it as plain text, one URL a line."]
    return address_lines(text, literal(name))


def gdelt_query(keywords: str, days: tuple, country: str, language: str) -> GdeltQuery | None:
    """The news search the visitor filled in, None if they left it empty; GdeltError if it
    cannot be run. `days`: the date picker's value, () or (start,) or (start, end)."""
    if not (keywords.strip() or country.strip() or language.strip()):
        return None
    start, end = (tuple(days) + (None, None))[:2]
    return GdeltQuery(keywords, start, end, country.strip(), language.strip())


@dataclass
class Request:
    sources: Sources
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        s = self.sources
        return not (s.urls or s.feeds or s.sites or s.searches)


def read_request(urls: str, url_file: tuple[str, bytes] | None, feeds: str, sites: str, search: tuple) -> Request:
    """Everything the form holds, as Sources and the messages for what is wrong with it."""
    problems: list[str] = []
    found: dict[str, list[str]] = {}
    for key, text, where in (("urls", urls, "Article URLs"), ("feeds", feeds, "Feeds"), ("sites", sites, "Sites")):
        found[key], wrong = address_lines(text, where)
        problems += wrong
        if key == "urls" and url_file is not None:  # its messages next to the box's, as on the form
            more, wrong = url_file_lines(*url_file)
            found["urls"] += more
            problems += wrong
    searches = []
    try:
        query = gdelt_query(*search)
        searches = [query] if query else []
    except GdeltError as error:
        problems.append(f"News search: {error}.")
    sources = Sources(urls=found["urls"], feeds=found["feeds"], sites=found["sites"], searches=searches)
    return Request(sources, problems)


def outcome_table(outcomes: Counter) -> pd.DataFrame:
    """What became of the run's URLs, in the declared order, with each outcome's meaning."""
    rows = [(name, outcomes[name], meaning) for name, meaning in URL_OUTCOMES.items() if outcomes[name]]
    return pd.DataFrame(rows, columns=["outcome", "URLs", "meaning"])


# --- the collected articles, kept in the visitor's session --------------------------------------


@dataclass
class CollectedArticles:
    """Every article this session collected from the web: the raw articles, so that another tone
    engine scores them again without fetching anything, and per engine the analysed corpus.
    Called with an engine's name, it is UploadSession.collected."""

    raws: list[RawArticle]
    report: IngestReport  # every run's URLs that gave no article, and why
    by_engine: dict[str, Corpus]

    def __call__(self, engine: str) -> Corpus:
        if engine not in self.by_engine:
            # The articles kept and dropped do not depend on the engine: the runs' report stands.
            scored = analyze_raw(list(self.raws), IngestReport(), taxonomy=taxonomy(), engine=get_engine(engine))
            self.by_engine[engine] = Corpus(scored.frame, self.report)
        return self.by_engine[engine]

    def with_run(self, raws: list[RawArticle], corpus: Corpus, engine: str) -> CollectedArticles:
        merged = combine(self(engine), corpus)  # a page collected twice is reported once as a duplicate
        return CollectedArticles(self.raws + raws, merged.report, {engine: merged})


def recording(into: list[RawArticle]) -> OutcomeStream:
    """The usual analysis, keeping each raw article it is given in `into`."""

    def stream(raws, rules, engine, *, jobs: int = 1):
        return analyze_stream((into.append(raw) or raw for raw in raws), rules, engine, jobs=jobs)

    return stream


@dataclass(frozen=True)
class RunSummary:
    articles: int
    outcomes: Counter
    problem: str = ""  # why the run failed, if it did


@st.cache_resource(show_spinner=False)
def page_cache() -> PageCache:
    """Fetched pages, for this server process only: a fresh temporary folder, deleted at exit."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-lens-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return PageCache(folder, max_bytes=CACHE_BYTES)


def run_collection(request: Request, hosted: HostedWeb, session: UploadSession) -> RunSummary:
    """Fetch and analyse, with a progress bar; the articles join the visitor's own."""
    bar = st.progress(0.0, text="Finding the pages to fetch…")
    total = 0

    def planned(pages: int) -> None:
        nonlocal total
        total = pages
        bar.progress(0.0, text=f"Fetching {pages} page(s), one per second per site…")

    def fetched(done: int, url: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"Fetched {done} of {total}: {literal(url)}")

    raws: list[RawArticle] = []
    outcomes: Counter = Counter()
    engine = tone_engine()
    sources = request.sources
    sources.search_url = GDELT_URL
    try:
        corpus = load_web(
            sources,
            fetcher=hosted.fetcher(page_cache()),
            limits=hosted.limits(),
            outcomes=outcomes,
            planned=planned,
            fetch_progress=fetched,
            taxonomy=taxonomy(),
            engine=get_engine(engine),
            analyze_outcomes=recording(raws),
        )
    except Exception as error:  # st.rerun / st.stop are BaseExceptions and pass through
        logger.error("collecting from the web failed", exc_info=error)
        return RunSummary(0, outcomes, f"The collection failed: {reason(error)}. Your articles so far are unchanged.")
    finally:
        bar.empty()
    previous = session.collected
    if isinstance(previous, CollectedArticles):
        collected = previous.with_run(raws, corpus, engine)
    else:
        collected = CollectedArticles(raws, corpus.report, {engine: corpus})
    session.use_collected(collected)
    links.forget_link_corpus()
    update_view(published="", **({"article": ""} if session.mode == "replace" else {}))
    return RunSummary(len(corpus.frame), outcomes)


# --- the panel -----------------------------------------------------------------------------------


def web_panel() -> None:
    """The panel, or one line saying the host has not turned it on."""
    st.subheader("Add from the web")
    try:
        hosted = HostedWeb.from_environment(os.environ)
    except ValueError as error:
        st.caption(f"Collecting from the web is unavailable: this server's setting is not valid ({literal(error)}).")
        return
    if not hosted.enabled:
        st.caption(
            "This server has not enabled collecting articles from the web. A host turns it on by setting the "
            f"environment variable {ENABLE_VARIABLE}=1 (see the README, Share a hosted link); on your own "
            "computer, `python -m lib collect` does the same."
        )
        return
    runs = st.session_state.get(RUNS_KEY, 0)
    pages = f"{hosted.max_urls} page" + ("s" if hosted.max_urls > 1 else "")
    st.caption(
        f"This server fetches article pages for you, politely (robots.txt honoured, one request per site per "
        f"second) and from public addresses only: at most {pages} per run, {RUNS_PER_SESSION} runs per session."
        " The articles join yours, with the sample or in its place as chosen above, in this "
        "browser session only."
    )
    with st.form("web_collect"):
        urls = st.text_area(
            "Article URLs, one a line",
            key="web_urls",
            max_chars=URL_BOX_CHARACTERS,
            placeholder="https://news.example/2025/03/talks.html",
        )
        url_file = st.file_uploader(
            "or a .txt list of URLs, one a line", type=["txt"], key="web_url_file", max_upload_size=URL_FILE_MB
        )
        left, right = st.columns(2)
        feeds = left.text_area(
            "RSS or Atom feeds, one a line",
            key="web_feeds",
            max_chars=URL_BOX_CHARACTERS,
            help="Each entry of the feed is fetched as an article page.",
        )
        sites = right.text_area(
            "Sites, one a line",
            key="web_sites",
            max_chars=URL_BOX_CHARACTERS,
            help="The feeds a site's home page links to are read, else the pages its sitemaps list.",
        )
        with st.expander("News search (GDELT)"):
            keywords = st.text_input(
                "Keywords",
                key="web_gdelt_keywords",
                help='GDELT\'s syntax: words, "quoted phrases", (a OR b). It covers about the last three months.',
            )
            days = st.date_input(
                "Published between (optional)", value=(), max_value=dt.date.today(), key="web_gdelt_days"
            )
            country_box, language_box = st.columns(2)
            country = country_box.text_input("Source country (FIPS code: JA, US, UK…)", key="web_gdelt_country")
            language = language_box.text_input("Source language (english, japanese…)", key="web_gdelt_language")
        left_runs = RUNS_PER_SESSION - runs
        submitted = st.form_submit_button("Collect", type="primary", disabled=left_runs <= 0)
    if left_runs <= 0:
        st.caption(f"This session has used its {RUNS_PER_SESSION} collection runs.")
    if submitted and left_runs > 0:
        upload = (url_file.name, url_file.getvalue()) if url_file is not None else None
        request = read_request(urls, upload, feeds, sites, (keywords, days, country, language))
        if request.problems:
            st.error("\n".join(["Nothing was fetched:", *(f"- {problem}" for problem in request.problems)]))
        elif request.empty:
            st.error("Nothing to collect: give article URLs, a .txt list of them, a feed, a site or a news search.")
        else:
            st.session_state[RUNS_KEY] = runs + 1
            st.session_state[LAST_RUN_KEY] = run_collection(request, hosted, UploadSession.current())
            st.rerun()  # the sidebar, the title and the ingest report were drawn for the previous articles
    last = st.session_state.get(LAST_RUN_KEY)
    if last is not None:
        show_run(last)
    if UploadSession.current().collected is not None:
        st.button("Remove the articles collected from the web", on_click=forget_collected)


def forget_collected() -> None:
    """The visitor's own articles without those from the web (their files, if any, stay)."""
    UploadSession.current().use_collected(None)
    st.session_state.pop(LAST_RUN_KEY, None)
    links.forget_link_corpus()
    update_view(published="", article="")  # they may name a collected article


def show_run(summary: RunSummary) -> None:
    if summary.problem:
        st.error(summary.problem)
    elif summary.articles:
        st.success(f"Added {summary.articles} article(s) from the web. Every page now shows them.")
    else:
        st.warning("No article came of the last run: the table says why for each URL.")
    table = outcome_table(summary.outcomes)
    if not table.empty:
        st.caption(
            f"What became of the last run's {summary.outcomes.total():,} URL(s); each one that gave no article is "
            "named in the ingest report below."
        )
        st.dataframe(table, hide_index=True, width="stretch")
