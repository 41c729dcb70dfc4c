"""Every page loads in a real browser: its title, no exception box, no console errors, and the
charts drawn where the page has charts. Each leaves a screenshot in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from .conftest import CHART_SVG

pytestmark = pytest.mark.browser

# (URL path, title shown, has plotly charts). The paths are Streamlit's v1 multipage URLs, from
# the file names in pages/ without their number prefix; "/" is the entry script, dashboard.py.
PAGES = [
    pytest.param("/", "Alliance Lens: Japan–US coverage", True, id="overview"),
    pytest.param("/Themes_over_time", "Themes over time", True, id="themes"),
    pytest.param("/By_prime_minister", "By prime minister", True, id="by_pm"),
    pytest.param("/Articles", "Articles", False, id="articles"),
    pytest.param("/Data", "Data", False, id="data"),
    pytest.param("/About", "About / method", False, id="about"),
]


@pytest.mark.parametrize(("path", "title", "has_charts"), PAGES)
def test_page_loads(open_page, path, title, has_charts):
    app = open_page().goto(path, charts=has_charts)
    page = app.page
    app.screenshot()

    assert page.url.split("?", 1)[0].rstrip("/") == (app.base_url + path).rstrip("/"), (
        f"{path} did not stay at its own URL: {page.url}"
    )
    heading = page.locator('[data-testid="stMain"] h1').first
    assert heading.is_visible()
    assert heading.inner_text().strip() == title
    assert app.caption() == "All 5 articles"
    app.assert_no_exception()
    if has_charts:
        charts = page.locator('[data-testid="stPlotlyChart"]')
        assert charts.count() >= 1
        assert page.locator(CHART_SVG).count() >= 1
        # Drawn means data on the axes of every chart, not just empty frames.
        assert all(n >= 1 for n in app.chart_traces()), app.chart_traces()
        assert all(n >= 1 for n in app.drawn_marks()), app.drawn_marks()
    # Last, so that a late error (e.g. while a chart draws) is caught too.
    app.assert_no_console_errors()
