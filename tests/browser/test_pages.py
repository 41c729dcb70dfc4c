"""Every page loads in a real browser: its title, no exception box, no console errors, and the
charts drawn where the page has charts. Each leaves a screenshot in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from lib import load_articles
from tests.conftest import SEEDS

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


def _bar_widths(page) -> list[float]:
    return page.locator('[data-testid="stPlotlyChart"] g.trace.bars path').evaluate_all(
        "paths => paths.map(p => p.getBoundingClientRect().width)"
    )


def _x_tick_labels(page) -> list[str]:
    return page.locator('[data-testid="stPlotlyChart"] g.xtick text').evaluate_all("ts => ts.map(t => t.textContent)")


@pytest.mark.parametrize("granularity", ["week", "month", "quarter", "year"])
@pytest.mark.parametrize("bands", ["1", "0"])
def test_a_timeline_of_one_prime_ministers_few_articles_is_drawn(open_page, granularity, bands):
    # The sample filtered to one PM: its articles fall in one period or a few.
    app = open_page().goto(f"/Themes_over_time?pm=Ishiba&gran={granularity}&bands={bands}", charts=True)
    app.screenshot()
    app.assert_no_exception()
    widths = _bar_widths(app.page)
    assert widths and min(widths) >= 4, widths  # bars a reader can see, not 0 px slivers
    ticks = _x_tick_labels(app.page)
    assert ticks and not any(":" in tick for tick in ticks), ticks  # periods, never times of day
    app.assert_no_console_errors()


def test_the_timeline_period_is_chosen_for_a_small_corpus(open_page):
    app = open_page().goto("/Themes_over_time", charts=True)
    period = app.page.locator(".st-key-o_granularity input").evaluate_all(
        "inputs => inputs.map(i => i.value + ' ' + (i.getAttribute('aria-label') || ''))"
    )
    assert "Year (automatic)" in " ".join(period), period
    labels = app.page.locator('[data-testid="stPlotlyChart"] g.annotation-text-g').evaluate_all(
        "ts => ts.map(t => t.textContent)"
    )
    app.screenshot()
    assert all(n >= 1 for n in app.drawn_marks()), app.drawn_marks()
    assert "Kishida" in labels and "Ishiba" in labels, labels  # term labels, whole, above the plot


def test_keyword_in_context_is_a_concordance(open_page):
    # Word forms: "tariff" finds "tariffs" in the sample.
    app = open_page().goto("/Articles?kwic=tariff")
    page = app.page
    grid = page.locator('[data-testid="stDataFrame"]').last
    grid.scroll_into_view_if_needed()
    app.settle()
    app.screenshot()
    app.assert_no_exception()
    headers = grid.locator('[role="columnheader"]').all_inner_texts()
    assert [h.strip() for h in headers][:3] == ["Before", "Keyword", "After"], headers
    cells = grid.locator('[role="gridcell"]').all_inner_texts()
    assert any(cell.strip().lower().startswith("tariff") for cell in cells), cells
    app.assert_no_console_errors()


def test_the_articles_table_marks_the_article_opened_from_a_link(open_page):
    frame = load_articles(SEEDS)
    article = frame[frame["source"].str.contains("004")].iloc[0]
    app = open_page().goto(f"/Articles?article={article['article_id']}")
    table = app.page.locator('[data-testid="stDataFrame"]').first
    app.screenshot()
    headers = [h.strip() for h in table.locator('[role="columnheader"]').all_inner_texts()]
    assert {"Topics", "Polarity", "Source file"} <= set(headers), headers
    # The opened article's row is selected (ticked) in the table.
    selected = table.locator('[role="row"][aria-selected="true"]').all_inner_texts()
    assert len(selected) == 1 and article["title"][:20] in selected[0], selected
    app.assert_no_exception()
    app.assert_no_console_errors()


def test_the_numbers_behind_the_charts_are_labelled_and_formatted(open_page):
    app = open_page().goto("/By_prime_minister", charts=True)
    page = app.page
    page.get_by_text("The numbers behind the charts").click()
    app.settle()
    grid = page.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    app.settle()
    grid.screenshot(path=str(app.screenshot().with_name("numbers-table.png")))
    headers = [h.strip() for h in grid.locator('[role="columnheader"]').all_inner_texts()]
    assert "Share tagged" in headers and not any("_" in h for h in headers), headers
    # The grid's accessible cells hold raw values; the drawn, formatted ones are in the screenshot.
    app.assert_no_exception()


def test_a_link_with_unknown_values_says_what_it_ignored(open_page):
    app = open_page().goto("/Themes_over_time?topic=bogus&pm=Nobody", charts=True)
    app.screenshot()
    notice = app.page.locator('[data-testid="stAlert"]', has_text="ignored").first.inner_text()
    assert 'topic "bogus"' in notice and 'prime minister "Nobody"' in notice, notice
    assert app.caption() == "All 5 articles"  # nothing invisible filters the pages
    assert "topic=" not in app.page.url and "pm=" not in app.page.url, app.page.url
    assert all(n >= 1 for n in app.drawn_marks()), app.drawn_marks()
    app.assert_no_exception()


def test_the_share_link_holds_the_article_just_selected(open_page):
    app = open_page().goto("/Articles")
    page = app.page
    grid = page.locator('[data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    # The grid is a canvas: click the selection box of the third data row.
    page.mouse.click(box["x"] + 16, box["y"] + 35 * 3 + 18)
    app.settle()
    assert "article=" in page.url, page.url
    page.get_by_text("Share this view").click()
    shared = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input[aria-label="Link to this view"]')
    shared = shared.first.input_value()
    assert "article=" in shared and shared.split("article=")[1][:16] in page.url, (shared, page.url)
    app.screenshot()
    app.assert_no_exception()
