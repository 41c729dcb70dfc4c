"""Collect from the web through the Data page in a real browser, and see the articles on the
Overview. The app server fetches from a fixture news site on loopback, which it refuses by design
unless the host trusts that exact host:port (ALLIANCE_LENS_WEB_ALLOW); no test touches the internet."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import ARTIFACTS, VIEWPORT, AppPage
from tests.ingest.web.site import Site, running_site

pytestmark = pytest.mark.browser

SAMPLE_ARTICLES = 5


@pytest.fixture(scope="module")
def fixture_site() -> Iterator[Site]:
    with running_site() as (holder, base):
        holder["site"] = Site(base)
        yield holder["site"]


@pytest.fixture(scope="module")
def web_server(chromium_browser, fixture_site) -> Iterator[str]:
    """An app server with the web panel on, trusting the fixture site's host:port only."""
    from bench.load import serve as serve_app

    env = {"ALLIANCE_LENS_WEB": "1", "ALLIANCE_LENS_WEB_ALLOW": urlsplit(fixture_site.base).netloc}
    with serve_app(env=env, log_path=ARTIFACTS / "streamlit-web-server.log") as server:
        yield server.url


@pytest.fixture
def visitor(chromium_browser, web_server, request) -> Iterator[AppPage]:
    context = chromium_browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    app = AppPage(page=page, base_url=web_server, test_name=request.node.name)
    page.on("pageerror", lambda error: app.errors.append(f"pageerror: {error}"))
    try:
        yield app
    finally:
        context.close()


def web_form(page):
    """The panel's form: the one with the Collect button."""
    return page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Collect"))


def nav_link(page, label: str):
    return page.locator('[data-testid="stSidebar"]').get_by_role("link", name=label, exact=True)


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_collect_from_a_site_and_see_the_articles_on_the_overview(visitor, fixture_site):
    app = visitor.goto("/Data")
    page = app.page
    assert app.caption() == f"All {SAMPLE_ARTICLES} articles"
    panel = web_form(page)
    panel.scroll_into_view_if_needed()
    app.screenshot("panel")

    urls = [fixture_site.url(path) for path in ("/news/berth.html", "/news/tariff.html", "/broken.html")]
    panel.get_by_label("Article URLs, one a line").fill("\n".join(urls))
    panel.get_by_role("button", name="Collect").click()
    added = page.locator('[data-testid="stAlertContentSuccess"]', has_text="from the web")
    added.wait_for(timeout=60_000)
    app.settle()
    web_form(page).scroll_into_view_if_needed()
    app.screenshot("collected")
    assert added.inner_text().startswith("Added 2 article(s) from the web"), added.inner_text()
    assert app.caption() == f"All {SAMPLE_ARTICLES + 2} articles"
    outcomes = page.locator('[data-testid="stDataFrame"]').first
    assert outcomes.is_visible()
    assert fixture_site.hits("/news/berth.html") == 1 and fixture_site.hits("/broken.html") >= 1
    app.assert_no_exception()

    # Through the sidebar (a new URL would start a new session, without the articles).
    nav_link(page, "Overview").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    app.settle(charts=True)
    app.screenshot("overview")
    assert app.caption() == f"All {SAMPLE_ARTICLES + 2} articles"
    assert metric(page, "Articles") == str(SAMPLE_ARTICLES + 2)
    assert "2025" in metric(page, "Date range"), "the fixture site's articles are dated March 2025"
    app.assert_no_exception()
    app.assert_no_console_errors()


def test_a_bad_line_is_named_and_nothing_is_fetched(visitor, fixture_site):
    app = visitor.goto("/Data")
    page = app.page
    before = len(fixture_site.requests)
    panel = web_form(page)
    panel.get_by_label("Article URLs, one a line").fill(
        fixture_site.url("/news/berth.html") + "\nftp://files.example/x"
    )
    panel.get_by_role("button", name="Collect").click()
    error = page.locator('[data-testid="stAlertContentError"]', has_text="Nothing was fetched")
    error.wait_for()
    app.settle()
    error.scroll_into_view_if_needed()
    app.screenshot()
    assert "Article URLs, line 2: ftp://files.example/x is not a web address (ftp:)" in error.inner_text()
    assert error.locator("a").count() == 0, "a visitor's line became a link"
    assert len(fixture_site.requests) == before
    assert app.caption() == f"All {SAMPLE_ARTICLES} articles"
    app.assert_no_exception()
