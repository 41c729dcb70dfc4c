"""A hosted link is public: hostile articles must render as inert text, and two visitors uploading
at the same time must each see only their own articles, with nothing written to disk."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pages.ui import errors
from tests.browser.conftest import REPO_ROOT, VIEWPORT, AppPage

pytestmark = pytest.mark.browser

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
SEARCH_INPUT = ".st-key-f_search input"
MAIN = '[data-testid="stMain"]'

# Every way an article could try to run script or link out, as a plain-text article...
HOSTILE_TXT = """Hostile <b>tag</b> title [link](javascript:alert(1)) **bold** zyxhostiletxt

Tokyo and Washington discussed tariffs and the alliance on Monday. <script>alert(1)</script>
The defense minister said <img src=x onerror=alert(1)> that security cooperation would deepen.
<a href="javascript:alert(1)">click</a> and [link](javascript:alert(1)) and **bold** and <b>bold tag</b>.
Officials also talked about trade, investment and the alliance in the Indo-Pacific. zyxhostiletxt
$x^2$ :red[red] :material/home: <iframe src="javascript:alert(1)"></iframe> <svg onload=alert(1)>
"""

# ...as an HTML page (its own <script> is dropped by the reader; the escaped one is text)...
HOSTILE_HTML = """<!doctype html><html><head><title>Hostile page [t](javascript:alert(1)) zyxhostilehtml</title>
<script>alert(1)</script></head><body onload="alert(1)"><article><h1>Hostile page about tariffs</h1>
<p>Tokyo and Washington discussed tariffs and the alliance on Monday, officials said. zyxhostilehtml</p>
<p>Visible text: &lt;script&gt;alert(1)&lt;/script&gt; and a <a href="javascript:alert(1)">javascript
link</a>, an <img src=x onerror=alert(1)> image and [md](javascript:alert(1)) **bold** <b>b</b>.</p>
<p onclick="alert(1)">The defense minister said that security cooperation with the United States would
deepen further this year in the Indo-Pacific.</p><script>alert(2)</script></article></body></html>
"""

# ...and as a CSV row whose title and outlet are markdown links out of the app.
HOSTILE_CSV = (
    "text,title,source,date\n"
    '"Tokyo and Washington discussed tariffs on cars and steel. <script>alert(1)</script> '
    'zyxhostilecsv. New duties on imports would follow, and the tariff rate would rise to 25%.",'
    '"[Read more](https://evil.example/phish) <b>b</b> zyxhostilecsv",'
    '"[Publisher](https://evil.example/outlet)",2025-02-01\n'
)
HOSTILE_FILES = {"hostile.txt": HOSTILE_TXT, "hostile.html": HOSTILE_HTML, "hostile.csv": HOSTILE_CSV}
SCRIPT_TEXT = "<script>alert(1)</script>"

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

# Links in the main area that leave the app (Streamlit's own heading anchors are "#...").
OFFSITE_LINKS = """els => els.filter(a => a.getAttribute('href') && !a.getAttribute('href').startsWith('#')
    && new URL(a.href, location.href).origin !== location.origin).map(a => a.outerHTML.slice(0, 120))"""


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
    """Tick the first row of the articles table. The grid is a canvas: click where the first
    row's checkbox is drawn (the left edge, one row below the header)."""
    grid = app.page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    row_height = 35  # glide-data-grid's default, for the header and each row
    app.page.mouse.click(box["x"] + 18, box["y"] + row_height * 1.5)
    app.page.locator(f'{MAIN} [data-testid="stHtml"]', has=app.page.locator("mark")).first.wait_for()
    app.settle()


def dangerous_nodes(page) -> list[str]:
    found = []
    for frame in page.frames:
        found += [f"{frame.url}: {node}" for node in frame.evaluate(DANGEROUS_NODES)]
    return found


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def open_hostile_article(app, marker: str) -> None:
    search(app, marker)
    assert app.caption() == f'1 of 8 articles: containing "{marker}"', app.caption()
    select_first_row(app)


@pytest.fixture
def hostile_upload(open_page, tmp_path):
    """A visitor who uploaded the three hostile files and is on the Articles page."""
    paths = []
    for name, text in HOSTILE_FILES.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    app = open_page().goto("/Data")
    dialogs = watch_dialogs(app.page)
    upload(app, *paths)
    assert app.caption() == "All 8 articles"
    app.screenshot("data")
    assert dangerous_nodes(app.page) == []
    go_to(app, "Articles", "/Articles")
    return app, dialogs


@pytest.mark.parametrize("marker", ["zyxhostiletxt", "zyxhostilehtml", "zyxhostilecsv"])
def test_hostile_article_text_is_inert(hostile_upload, marker):
    app, dialogs = hostile_upload
    page = app.page
    open_hostile_article(app, marker)
    app.screenshot(marker)
    # The article text (highlighted), not its title.
    text = page.locator(f'{MAIN} [data-testid="stHtml"]', has=page.locator("mark")).first
    # The markup is shown as text, with the topic terms still highlighted around it.
    assert SCRIPT_TEXT in text.inner_text(), text.inner_text()
    assert text.locator("mark").count() >= 2
    assert dangerous_nodes(page) == []
    assert page.locator(f'{MAIN} a[href^="javascript" i]').count() == 0
    assert page.locator(f"{MAIN} [data-testid='stHtml'] :is(script, img, svg, iframe, a, b)").count() == 0
    page.wait_for_timeout(300)  # a dialog opened by a late handler would arrive by now
    assert dialogs == []
    app.assert_no_exception()
    app.assert_no_console_errors()


def test_hostile_titles_and_outlets_are_shown_as_typed(hostile_upload):
    app, dialogs = hostile_upload
    page = app.page
    open_hostile_article(app, "zyxhostilecsv")
    main = page.locator(MAIN)
    assert page.locator(f"{MAIN} a").evaluate_all(OFFSITE_LINKS) == []
    # The app puts an invisible word joiner inside "://" so addresses are not turned into links.
    shown = main.inner_text().replace("\u2060", "")
    assert "[Read more](https://evil.example/phish) <b>b</b>" in shown
    assert "[Publisher](https://evil.example/outlet)" in shown
    open_hostile_article(app, "zyxhostiletxt")
    heading = page.locator(f"{MAIN} h3").first.inner_text()
    # Cleaning drops Markdown emphasis markers (scraped pages keep them); the link stays as typed.
    assert "<b>tag</b> title [link](javascript:alert(1)) bold" in heading, heading
    assert dialogs == []


# --- two visitors at once ---------------------------------------------------------------------


def snapshot(roots: list[Path], skip: list[Path]) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every regular file under the roots (symlinks not followed)."""
    files = {}
    skipped = {str(path) for path in skip}
    for root in roots:
        for folder, subfolders, names in os.walk(root, onerror=lambda error: None):
            subfolders[:] = [d for d in subfolders if os.path.join(folder, d) not in skipped]
            for name in names:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                if os.path.isfile(path) and not os.path.islink(path):
                    files[path] = (info.st_size, info.st_mtime_ns)
    return files


def files_containing(paths, needles: list[bytes], max_bytes: int = 50_000_000) -> list[str]:
    found = []
    for path in paths:
        try:
            if os.path.getsize(path) > max_bytes:
                continue
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        found += [f"{path} holds {needle.decode()}" for needle in needles if needle in data]
    return found


def one_article_csv(folder: Path, visitor: str, marker: str) -> Path:
    path = folder / f"visitor-{visitor}.csv"
    path.write_text(
        "text,title,date\n"
        f'"Visitor {visitor} writes that Tokyo and Washington discussed tariffs on steel and the '
        f'security alliance. Code {marker}. Officials met again in Washington on Tuesday.",'
        f"Visitor {visitor} article {marker},2025-0{ord(visitor) - 64}-15\n",
        encoding="utf-8",
    )
    return path


def table_text(app) -> str:
    """The articles table's accessible twin (the grid itself is a canvas)."""
    grid = app.page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    return "\n".join(grid.locator('[role="row"]').all_inner_texts())


def test_two_visitors_uploading_at_once_see_only_their_own(open_page, tmp_path, tmp_path_factory):
    markers = {visitor: f"zq{visitor}{os.urandom(6).hex()}" for visitor in "AB"}
    uploads = {visitor: one_article_csv(tmp_path, visitor, marker) for visitor, marker in markers.items()}
    # Where a server could leave an upload: its working directory (the repo) and the temp folder.
    # The test's own temp folder holds the files it uploads, so it is left out.
    roots = [REPO_ROOT, Path(tempfile.gettempdir())]
    skip = [tmp_path_factory.getbasetemp()]
    before = snapshot(roots, skip)

    visitors = {visitor: open_page().goto("/Data") for visitor in "AB"}
    for visitor, app in visitors.items():  # both uploads are in flight at the same time
        app.page.locator(UPLOAD_INPUT).set_input_files(str(uploads[visitor]))
    for visitor, app in visitors.items():
        app.page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded 1 article").wait_for()
        app.settle()
        assert app.caption() == "All 6 articles", visitor

    for visitor, app in visitors.items():
        own, other = markers[visitor], markers["B" if visitor == "A" else "A"]
        go_to(app, "Articles", "/Articles")
        app.screenshot(f"visitor-{visitor}")
        titles = table_text(app)
        assert f"Visitor {visitor} article {own}" in titles, titles
        assert other not in titles and other not in app.page.locator(MAIN).inner_text()
        assert len(app.page.locator(f'{MAIN} [data-testid="stDataFrame"] [role="row"]').all()) == 6 + 1
        search(app, other)
        assert app.caption() == f'0 of 6 articles: containing "{other}"', app.caption()
        search(app, own)
        assert app.caption() == f'1 of 6 articles: containing "{own}"', app.caption()
        go_to(app, "Overview", "/", charts=True)
        app.assert_no_exception()
        app.assert_no_console_errors()

    # A third visitor, who uploaded nothing, sees the sample only.
    stranger = open_page().goto("/Articles")
    assert stranger.caption() == "All 5 articles"
    assert not any(marker in table_text(stranger) for marker in markers.values())

    after = snapshot(roots, skip)
    changed = [path for path, stat in after.items() if before.get(path) != stat]
    needles = [marker.encode() for marker in markers.values()]
    assert files_containing(changed, needles) == [], "an upload was written to disk"
    # The search does find an upload where one is (the test's own copies).
    assert len(files_containing([str(path) for path in uploads.values()], needles)) == 2


def timed_search(app, term: str) -> float:
    """Seconds from pressing Enter in the search box to the header naming the search."""
    box = app.page.locator(SEARCH_INPUT)
    box.fill(term)
    header = app.page.locator(f'{MAIN} [data-testid="stCaptionContainer"]', has_text=f'containing "{term}"')
    started = time.monotonic()
    box.press("Enter")
    header.first.wait_for()
    return time.monotonic() - started


def test_a_slow_upload_does_not_slow_another_visitor(open_page, tmp_path):
    """A worst-case upload is analysed in a worker process: another visitor's rerun meanwhile
    stays under a second (on the page's thread it held the interpreter for everyone)."""
    from bench.worst_case import SHAPES

    name, data = SHAPES["many_dates"](2_000_000)  # about 3 s of analysis on this machine
    slow = tmp_path / name
    slow.write_bytes(data)
    uploader, other = open_page().goto("/Data"), open_page().goto("/")
    quiet = timed_search(other, "alliance")

    uploader.page.locator(UPLOAD_INPUT).set_input_files(str(slow))
    uploader.page.locator('[data-testid="stProgress"]').first.wait_for()
    busy = [timed_search(other, term) for term in ("tariff", "security")]
    still_analysing = uploader.page.locator('[data-testid="stProgress"]').count() > 0
    other.screenshot("other-visitor-while-upload-runs")

    uploader.page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded 1 article").wait_for()
    uploader.settle()
    uploader.screenshot("uploader-done")
    assert still_analysing, "the upload finished before the other visitor's reruns were timed"
    assert max(busy) < 1.0, f"another visitor's rerun took {busy} s during the upload (alone: {quiet:.2f} s)"
    other.assert_no_exception()
    uploader.assert_no_exception()


# --- the per-visitor upload cap ------------------------------------------------------------------


@pytest.fixture(scope="module")
def capped_server(chromium_browser) -> Iterator[str]:
    """A second server whose upload cap is lowered to 2 kB by the environment."""
    from bench.load import serve

    with serve(
        env={errors.MAX_UPLOAD_ENV: "0.002"}, log_path=REPO_ROOT / "test-artifacts" / "streamlit-capped-server.log"
    ) as server:
        yield server.url


def test_an_upload_over_the_cap_is_refused_with_a_clear_message(chromium_browser, capped_server, tmp_path, request):
    big = tmp_path / "[big](https:evil.example) batch.csv"
    big.write_text(
        "text,title\n"
        + "".join(
            f'"Tokyo and Washington discussed tariffs and the security alliance, round {i}.",Talks {i}\n'
            for i in range(40)
        ),
        encoding="utf-8",
    )
    small = one_article_csv(tmp_path, "C", "zqsmall")
    context = chromium_browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        app = AppPage(page=page, base_url=capped_server, test_name=request.node.name)
        page.on("pageerror", lambda error: app.errors.append(f"pageerror: {error}"))
        app.goto("/Data")
        page.locator(UPLOAD_INPUT).set_input_files([str(big), str(small)])
        message = page.locator('[data-testid="stAlertContentError"]', has_text="Not analysed")
        message.wait_for()
        app.settle()
        app.screenshot()
        text = message.inner_text()
        assert text.startswith("Not analysed: 2 file(s) of "), text
        assert "[big](https:evil.example) batch.csv (3." in text, text
        assert "visitor-C.csv (" in text and "over this app's limit of 2.0 kB per visitor" in text
        assert "python -m lib analyze FOLDER -o articles.csv" in text
        assert message.locator("a").count() == 0, "a file name became a link"
        assert app.caption() == "All 5 articles"
        assert page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded").count() == 0
        app.assert_no_exception()
        app.assert_no_console_errors()
    finally:
        context.close()


def test_downloads_are_built_on_click_for_this_visitor_only(open_page, tmp_path):
    """The Data page's downloads are callables: nothing is prepared (or held in the server's
    memory) until the click, and the file holds this visitor's upload."""
    marker = f"zqD{os.urandom(6).hex()}"
    app = open_page()
    media: list[str] = []
    app.page.on(
        "request",
        lambda request: media.append(request.url) if urlsplit(request.url).path.startswith("/media/") else None,
    )
    app.goto("/Data")
    upload(app, one_article_csv(tmp_path, "D", marker))
    assert media == [], "a download was prepared before anyone asked for it"
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name="Filtered table (CSV)").click()
    saved = tmp_path / "download.csv"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert f"Visitor D article {marker}" in text
    assert len([line for line in text.splitlines() if line.strip()]) >= 7  # header + 6 articles
    app.settle()
    app.assert_no_exception()
    app.assert_no_console_errors()
