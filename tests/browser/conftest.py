"""Fixtures for the real-browser suite: a live `streamlit run dashboard.py` server, Debian chromium
driven by Playwright's sync API, and a page wrapper that waits for Streamlit to settle, collects
console errors and takes screenshots.

Plain Playwright on purpose (no pytest-playwright fixtures): the fixture names below do not clash
with the plugin's `browser`/`page`, so the plugin never starts a second Playwright or tries to
parametrise the tests by browser.
"""

from __future__ import annotations

import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOG = ARTIFACTS / "streamlit-server.log"

CHROMIUM = Path("/usr/bin/chromium")
# See ../shared/TOOLCHAIN.md, "Real browser". Never `playwright install` here: it downloads a browser.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Streamlit scrolls inside its own container, so full_page screenshots only show the viewport:
# a tall viewport gets the whole page into the picture.
VIEWPORT = {"width": 1400, "height": 2200}

SETTLE_TIMEOUT_MS = 30_000
QUIET_PERIOD_S = 0.6  # the app must look idle this long before it counts as settled

CHART_SVG = '[data-testid="stPlotlyChart"] .main-svg'


# --- the Streamlit server ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    # Only /_stcore/health answers "ok"; every other path answers 200 with the app's HTML.
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """`streamlit run dashboard.py` on a free loopback port; yields its base URL (no trailing /).
    The server is bench.load's, so the suite and the load script start it the same way."""
    from bench.load import serve  # here, not at the top: bench.load imports this module

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with serve(log_path=SERVER_LOG) as server:
        yield server.url


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian chromium under Playwright. Missing chromium fails in CI and skips elsewhere."""
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} not found: the browser tests need Debian's chromium. Install it with "
            f"`apt-get install -y chromium` (never `playwright install`)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def _is_base_path_probe(message, base_url: str) -> bool:
    """Streamlit's own base-path discovery, not an app error.

    Opened at a page URL such as /Themes_over_time, Streamlit's frontend (static/js/index.*.js,
    the function listing "possible base URIs") first tries the page path itself as the server's
    base path, requesting /Themes_over_time/_stcore/health and /Themes_over_time/_stcore/host-config,
    and then falls back to /. The first two answer 404 and chromium logs, exactly:
      "Failed to load resource: the server responded with a status of 404 (Not Found)"
    with the probe's URL as the message location. Only those two URLs under a page path are ignored.
    """
    if message.text != "Failed to load resource: the server responded with a status of 404 (Not Found)":
        return False
    url = (message.location or {}).get("url", "")
    return re.fullmatch(re.escape(base_url) + r"/[A-Za-z0-9_]+/_stcore/(health|host-config)", url) is not None


@dataclass
class AppPage:
    """One browser tab (in its own browser context, hence its own Streamlit session)."""

    page: object  # playwright.sync_api.Page
    base_url: str
    test_name: str
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str = "/", *, charts: bool = False) -> AppPage:
        self.page.goto(self.base_url + path)
        return self.settle(charts=charts)

    def settle(self, *, charts: bool = False, timeout_ms: int = SETTLE_TIMEOUT_MS) -> AppPage:
        """Wait for the app shell, for the script run to finish (no running indicator, no stale
        elements, no loading skeletons, every visible dataframe grid drawn, for a short quiet
        period), then for the charts' SVG when charts are expected."""
        page = self.page
        page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)
        deadline = time.monotonic() + timeout_ms / 1000
        quiet_since = None
        while True:
            busy = page.evaluate(
                """() => {
                    // checkVisibility() is false inside a closed <details> (a collapsed expander).
                    const visible = el => el.checkVisibility({visibilityProperty: true});
                    const status = [...document.querySelectorAll('[data-testid="stStatusWidget"]')].some(visible);
                    const stale = document.querySelector('[data-stale="true"]') !== null;
                    // st.dataframe loads its grid lazily: a grey placeholder until it has rows.
                    // Grids in a collapsed expander are never drawn: only visible ones count.
                    const grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')]
                        .some(grid => visible(grid) && grid.querySelector('[role="row"]') === null);
                    // Element code is loaded on first use; until then a React Suspense
                    // fallback (a grey skeleton) stands in for the widget or the table.
                    const skeletons = [...document.querySelectorAll(
                        '[data-testid="stSkeleton"], [data-testid="stSkeletonElement"], [data-testid="stAppSkeleton"]'
                    )].some(visible);
                    return status || stale || grids || skeletons;
                }"""
            )
            now = time.monotonic()
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= QUIET_PERIOD_S:
                break
            if now > deadline:
                raise AssertionError(f"the app was still running after {timeout_ms} ms at {page.url}")
            page.wait_for_timeout(100)
        if charts:
            page.wait_for_selector(CHART_SVG, timeout=timeout_ms)
        return self

    # --- reading the page ---

    def header(self) -> str:
        """The line under the page title: what is shown, then the tone engine."""
        return self.page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text().strip()

    def caption(self) -> str:
        """The sentence under the page title saying what is shown."""
        return self.header().split(" · tone by ")[0]

    def tone(self) -> str:
        """The tone engine the page header names."""
        return self.header().split(" · tone by ")[-1]

    def chart_traces(self) -> list[int]:
        """Number of plotly traces in each chart on the page, in page order."""
        return self.page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').evaluate_all(
            "plots => plots.map(p => (p.data || []).length)"
        )

    def drawn_marks(self) -> list[int]:
        """Marks plotly drew in each chart (bars, lines, points, heatmap images): 0 = empty chart."""
        return self.page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').evaluate_all(
            "plots => plots.map(p => p.querySelectorAll("
            "'g.trace path, g.point, .heatmaplayer image, .hm image').length)"
        )

    def assert_no_exception(self) -> None:
        boxes = self.page.locator('[data-testid="stException"]')
        assert boxes.count() == 0, f"exception box(es) on {self.page.url}: {boxes.all_inner_texts()}"

    def assert_no_console_errors(self) -> None:
        assert self.errors == [], f"console errors / page errors on {self.page.url}:\n" + "\n".join(self.errors)

    def screenshot(self, step: str | None = None) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = self.test_name if step is None else f"{self.test_name}-{step}"
        path = SCREENSHOTS / (re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") + ".png")
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def open_page(chromium_browser, app_server, request) -> Iterator[Callable[[], AppPage]]:
    """A factory: each call opens a tab in a FRESH browser context (a new Streamlit session, as
    for a visitor who was sent a link). Contexts are closed after the test."""
    contexts = []

    def new_app_page() -> AppPage:
        context = chromium_browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(SETTLE_TIMEOUT_MS)
        app_page = AppPage(page=page, base_url=app_server, test_name=request.node.name)

        def on_console(message) -> None:
            if message.type == "error" and not _is_base_path_probe(message, app_server):
                where = (message.location or {}).get("url", "")
                app_page.errors.append(f"console: {message.text} ({where})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: app_page.errors.append(f"pageerror: {error}"))
        return app_page

    yield new_app_page
    for context in contexts:
        context.close()
