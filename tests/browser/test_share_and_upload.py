"""What only a real browser can check: a filter change is written to the URL and that URL
reproduces the view for someone else; a file upload through the page; a click on a chart point."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

TOPICS_INPUT = '.st-key-f_topics input[role="combobox"]'


def nav_link(page, label: str):
    """A page link in the sidebar, by its visible label (the app lists its pages with
    st.page_link; Streamlit's own [data-testid="stSidebarNav"] is switched off)."""
    return page.locator('[data-testid="stSidebar"]').get_by_role("link", name=label, exact=True)


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def has_topic(topic: str):
    return lambda url: query(url).get("topic") == [topic]


def test_filter_is_shared_through_the_url(open_page):
    # 1. A visitor picks the topic Defense spending in the sidebar.
    sender = open_page().goto("/Themes_over_time", charts=True)
    page = sender.page
    assert sender.caption() == "All 5 articles"
    assert "topic" not in query(page.url)
    traces_all = sender.chart_traces()

    page.locator(TOPICS_INPUT).click()
    page.get_by_role("option", name="Defense spending", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_url(has_topic("defense_spending"))
    sender.settle(charts=True)
    sender.screenshot("sender")

    caption = sender.caption()
    traces = sender.chart_traces()
    assert re.fullmatch(r"[1-4] of 5 articles: Defense spending", caption), caption
    assert page.get_by_role("button", name="Remove Defense spending").is_visible()
    assert traces != traces_all, "the timeline did not change with the topic filter"
    shared_url = page.url
    sender.assert_no_exception()
    sender.assert_no_console_errors()

    # 2. Someone else opens that link: a fresh browser context, so a new Streamlit session.
    receiver = open_page()
    receiver.page.goto(shared_url)
    receiver.settle(charts=True)
    receiver.screenshot("receiver")
    tags = receiver.page.locator(".st-key-f_topics [data-tag]")
    assert tags.all_inner_texts() == ["Defense spending"]
    assert receiver.page.get_by_role("button", name="Remove Defense spending").is_visible()
    assert receiver.caption() == caption
    assert receiver.chart_traces() == traces
    assert has_topic("defense_spending")(receiver.page.url)

    # 3. A page switch through the sidebar keeps the filter, in the view and in the URL.
    nav_link(receiver.page, "By prime minister").click()
    receiver.page.wait_for_url(re.compile(r"/By_prime_minister\?"))
    receiver.settle(charts=True)
    receiver.screenshot("after-page-switch")
    assert has_topic("defense_spending")(receiver.page.url), receiver.page.url
    assert receiver.page.locator('[data-testid="stMain"] h1').first.inner_text() == "By prime minister"
    assert receiver.caption() == caption
    assert receiver.page.get_by_role("button", name="Remove Defense spending").is_visible()

    # 4. Removing the chip clears the filter from the URL again.
    receiver.page.get_by_role("button", name="Remove Defense spending").click()
    receiver.page.wait_for_url(lambda url: "topic" not in query(url))
    receiver.settle(charts=True)
    assert receiver.caption() == "All 5 articles"
    receiver.assert_no_exception()
    receiver.assert_no_console_errors()


def test_upload_adds_articles_everywhere(open_page, tmp_path):
    upload = tmp_path / "tariff-article.csv"
    upload.write_text(
        "text,title,date\n"
        '"Washington announced new tariffs on Japanese steel and cars. Tokyo said it would seek '
        'an exemption from the tariffs in the next round of trade talks with the United States.",'
        "US tariffs on Japanese steel,2025-03-10\n",
        encoding="utf-8",
    )
    app = open_page().goto("/Data")
    page = app.page
    assert app.caption() == "All 5 articles"

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    success = page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded")
    success.wait_for()
    app.settle()
    app.screenshot("data")
    assert re.match(r"Loaded 1 article\(s\) from 1 file\(s\)", success.inner_text()), success.inner_text()
    assert app.caption() == "All 6 articles"
    app.assert_no_exception()

    # Through the sidebar (a new URL would start a new session, without the upload).
    nav_link(page, "Overview").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    app.settle(charts=True)
    app.screenshot("overview")
    assert app.caption() == "All 6 articles"
    articles = page.locator('[data-testid="stMetric"]', has_text="Articles").first
    assert articles.locator('[data-testid="stMetricValue"]').inner_text().strip() == "6"
    # The sample ends in 2024: the upload (2025-03-10) stretches the date range, whatever its format.
    date_range = page.locator('[data-testid="stMetric"]', has_text="Date range").first
    assert "2025" in date_range.locator('[data-testid="stMetricValue"]').inner_text()
    app.assert_no_exception()

    # Streamlit empties the file box on a page switch: coming back must not drop the upload.
    nav_link(page, "Data").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/Data")
    app.settle()
    app.screenshot("data-again")
    assert app.caption() == "All 6 articles"
    assert page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded 1 article").count() == 1
    app.assert_no_exception()
    app.assert_no_console_errors()


def test_chart_click_lists_articles(open_page):
    app = open_page().goto("/Themes_over_time", charts=True)
    page = app.page
    # Every mark of the timeline: a line's markers or a bar (the chart draws bars for short series).
    marks = page.locator(".st-key-timeline_chart .scatterlayer .point, .st-key-timeline_chart .barlayer .point")
    boxes = [
        box
        for box in (marks.nth(i).bounding_box() for i in range(marks.count()))
        if box and box["width"] > 0 and box["height"] > 0
    ]
    assert boxes, "the timeline has no points or bars to click"
    # The highest mark (smallest y on screen) has at least one article behind it.
    top = min(boxes, key=lambda box: box["y"])
    # locator.click() would be intercepted by plotly's drag layer: click the screen position.
    page.mouse.click(top["x"] + top["width"] / 2, top["y"] + top["height"] / 2)

    heading = page.locator('[data-testid="stMain"] h3', has_text="Articles behind this point")
    heading.wait_for()
    app.settle(charts=True)
    app.screenshot()
    n = int(re.search(r"Articles behind this point: (\d+)", heading.inner_text()).group(1))
    assert n >= 1
    table = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    assert table.count() == 1 and table.is_visible()
    # The grid is a canvas; its accessible twin has a header row plus one row per article.
    rows = table.locator('[role="row"]')
    assert rows.count() == n + 1, f"{rows.count()} rows for {n} article(s)"
    app.assert_no_exception()
    app.assert_no_console_errors()


def test_the_tone_engine_switches_in_the_browser_and_travels_in_the_link(open_page):
    sender = open_page().goto("/By_prime_minister", charts=True)
    page = sender.page
    assert sender.tone() == "TextBlob"
    page.locator(".st-key-f_tone").click()
    page.get_by_role("option", name="VADER", exact=True).click()
    page.wait_for_url(lambda url: query(url).get("tone") == ["vader"])
    sender.settle(charts=True)
    sender.screenshot("tone-vader")
    assert sender.tone() == "VADER"
    assert page.get_by_text("tone: VADER").first.is_visible()
    sender.assert_no_exception()

    receiver = open_page()
    receiver.page.goto(page.url)
    receiver.settle(charts=True)
    assert receiver.tone() == "VADER"
