"""A hosted link is public: hostile articles must render as inert text, and two visitors uploading
at the same time must each see only their own articles, with nothing written to disk."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
SEARCH_INPUT = '.st-key-f_search input'
MAIN = '[data-testid="stMain"]'

# Every way an article could try to run script or link out, as a plain-text article...
HOSTILE_TXT = """Hostile <b>tag</b> title [link](javascript:alert(1)) **bold** zyxhostiletxt

Tokyo and Washington discussed tariffs and the alliance on Monday. <script>alert(1)</script>
The defense minister said <img src=x onerror=alert(1)> that security cooperation would deepen.
<a href="javascript:alert(1)">click</a> and [link](javascript:alert(1)) and **bold** and <b>bold tag</b>.
Officials also talked about trade, investment and the alliance in the Indo-Pacific. zyxhostiletxt
$x^2$ :red[red] :material/home: <iframe src="javascript:alert(1)"></iframe> <svg onload=alert(1)>
"""

# ...and as an HTML page (its own <script> is dropped by the reader; the escaped one is text).
HOSTILE_HTML = """<!doctype html><html><head><title>Hostile page [t](javascript:alert(1)) zyxhostilehtml</title>
<script>alert(1)</script></head><body onload="alert(1)"><article><h1>Hostile page about tariffs</h1>
<p>Tokyo and Washington discussed tariffs and the alliance on Monday, officials said. zyxhostilehtml</p>
<p>Visible text: &lt;script&gt;alert(1)&lt;/script&gt; and a <a href="javascript:alert(1)">javascript
link</a>, an <img src=x onerror=alert(1)> image and [md](javascript:alert(1)) **bold** <b>b</b>.</p>
<p onclick="alert(1)">The defense minister said that security cooperation with the United States would
deepen further this year in the Indo-Pacific.</p><script>alert(2)</script></article></body></html>
"""

# Run in the page (and every frame): anything from an article that could run or link out.
DANGEROUS_NODES = """() => {
    const found = [];
    for (const el of document.querySelectorAll('script')) {
        if (el.textContent.includes('alert')) found.push('script: ' + el.outerHTML.slice(0, 80));
    }
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on') && attr.value.includes('alert')) {
                found.push(el.tagName + '[' + attr.name + ']');
            }
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
                    && /^\\s*javascript:/i.test(attr.value)) {
                found.push(el.tagName + '[' + attr.name + '=' + attr.value + ']');
            }
        }
    }
    for (const el of document.querySelectorAll('iframe, object, embed')) {
        found.push('frame: ' + el.outerHTML.slice(0, 80));
    }
    return found;
}"""


def nav_link(page, label: str):
    return page.locator('[data-testid="stSidebar"]').get_by_role("link", name=label, exact=True)


def go_to(app, label: str, path: str, *, charts: bool = False) -> None:
    """Switch page through the sidebar: a new URL would start a new session, without the upload."""
    nav_link(app.page, label).click()
    app.page.wait_for_url(lambda url: urlsplit(url).path == path)
    app.settle(charts=charts)


def upload(app, *files: Path) -> None:
    app.page.locator(UPLOAD_INPUT).set_input_files([str(f) for f in files])
    app.page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded").wait_for()
    app.settle()


def search(app, term: str) -> None:
    box = app.page.locator(SEARCH_INPUT)
    box.fill(term)
    box.press("Enter")
    app.page.wait_for_url(lambda url: term in url)
    app.settle()


def select_first_row(app) -> None:
    """Tick the first row of the articles table. The grid is a canvas: click the row marker's
    position (left edge, first row under the header)."""
    grid = app.page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    header = grid.locator('[role="row"]').first
    row_height = 35  # glide-data-grid's default row height, header included
    assert header.count() == 1
    app.page.mouse.click(box["x"] + 18, box["y"] + row_height * 1.5)
    app.page.locator(f'{MAIN} [data-testid="stHtml"]').first.wait_for()
    app.settle()


def dangerous_nodes(page) -> list[str]:
    found = []
    for frame in page.frames:
        found += [f"{frame.url}: {node}" for node in frame.evaluate(DANGEROUS_NODES)]
    return found


def test_hostile_articles_render_as_inert_text(open_page, tmp_path):
    txt = tmp_path / "hostile.txt"
    txt.write_text(HOSTILE_TXT, encoding="utf-8")
    page_file = tmp_path / "hostile.html"
    page_file.write_text(HOSTILE_HTML, encoding="utf-8")

    app = open_page().goto("/Data")
    page = app.page
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    upload(app, txt, page_file)
    assert app.caption() == "All 7 articles"
    app.screenshot("data")
    assert dangerous_nodes(page) == []

    go_to(app, "Articles", "/Articles")
    for marker, literal in (("zyxhostiletxt", "<script>alert(1)</script>"),
                            ("zyxhostilehtml", "<script>alert(1)</script>")):
        search(app, marker)
        assert app.caption().startswith("1 of 7 articles"), app.caption()
        select_first_row(app)
        app.screenshot(marker)
        view = page.locator(f'{MAIN} [data-testid="stHtml"]').first
        assert literal in view.inner_text(), view.inner_text()
        heading = page.locator(f"{MAIN} h3").first
        assert marker in heading.inner_text()
        assert dangerous_nodes(page) == []
        assert page.locator(f'{MAIN} a[href^="javascript" i]').count() == 0
        assert page.locator(f"{MAIN} img[onerror], {MAIN} svg[onload]").count() == 0
        app.assert_no_exception()

    txt_heading = None  # filled below for the report
    search(app, "zyxhostiletxt")
    select_first_row(app)
    txt_heading = page.locator(f"{MAIN} h3").first.inner_text()
    # The title is shown as typed: no markdown link, no bold, no tag turned into markup.
    assert "[link](javascript:alert(1))" in txt_heading, txt_heading
    assert "<b>tag</b>" in txt_heading, txt_heading
    assert page.wait_for_timeout(500) is None and dialogs == [], dialogs
    app.assert_no_console_errors()
