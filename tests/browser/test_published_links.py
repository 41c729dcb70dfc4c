"""A link that carries its articles, in real browsers: visitor A uploads and publishes, visitor B
opens A's link in another browser context and sees the same articles and view; A's view file,
downloaded and dropped on the Data page by a third visitor, restores the same view."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from pages.ui import links
from tests.browser.conftest import REPO_ROOT, VIEWPORT, AppPage

pytestmark = pytest.mark.browser
UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
SEARCH_INPUT = ".st-key-f_search input"
ARTICLES = "".join(
    f'"Tokyo and Washington discussed tariffs on cars and steel, round {i}. Trade talks go on.",Tariff round {i}\n'
    for i in range(4)
)


@pytest.fixture(scope="module")
def publishing_server(chromium_browser, tmp_path_factory) -> Iterator[str]:
    """A server that keeps published corpora in a folder of the test's own."""
    from bench.load import serve

    folder = tmp_path_factory.mktemp("published")
    log = REPO_ROOT / "test-artifacts" / "streamlit-publishing-server.log"
    with serve(env={links.PUBLISHED_ENV: str(folder)}, log_path=log) as server:
        yield server.url


def visitor(chromium_browser, url: str, request, contexts: list) -> AppPage:
    context = chromium_browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    contexts.append(context)
    page = context.new_page()
    app = AppPage(page=page, base_url=url, test_name=request.node.name)
    page.on("pageerror", lambda error: app.errors.append(f"pageerror: {error}"))
    return app


def test_a_published_link_and_a_view_file_show_the_same_view(chromium_browser, publishing_server, tmp_path, request):
    contexts: list = []
    try:
        sender = visitor(chromium_browser, publishing_server, request, contexts).goto("/Data")
        upload = tmp_path / "mine.csv"
        upload.write_text("text,title\n" + ARTICLES, encoding="utf-8")
        sender.page.locator(UPLOAD_INPUT).set_input_files(str(upload))
        sender.page.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded 4 article").wait_for()
        sender.settle()
        box = sender.page.locator(SEARCH_INPUT)
        box.fill("round")
        box.press("Enter")
        sender.page.wait_for_url(lambda url: "q=round" in url)
        sender.settle()
        sender.page.get_by_role("button", name="Publish these articles").click()
        sender.page.locator('[data-testid="stAlertContentInfo"]', has_text="Published as").wait_for()
        sender.settle()
        sender.screenshot("sender-published")
        assert "made on other articles" not in sender.page.inner_text("body")  # its own upload, not a link
        link = sender.page.url
        assert parse_qs(urlsplit(link).query).get("pub"), link
        sent = sender.caption()

        sender.page.mouse.move(0, 0)  # the Publish button's tooltip would cover the next button
        sender.page.wait_for_timeout(300)
        button = sender.page.get_by_role("button", name="Download this view (articles and filters, one file)")
        button.scroll_into_view_if_needed()
        with sender.page.expect_download(timeout=60_000) as download:
            button.click()
        view_file = tmp_path / "view.parquet"
        download.value.save_as(view_file)

        recipient = visitor(chromium_browser, publishing_server, request, contexts)
        recipient.page.goto(link)
        recipient.settle()
        recipient.screenshot("recipient")
        # The four uploaded rows differ by a number only: one story, counted once (the default).
        expected = '1 of 9 articles: containing "round", each story counted once (3 reprints set aside)'
        assert recipient.caption() == sent == expected, sent
        assert "does not hold" not in recipient.page.inner_text("body")

        third = visitor(chromium_browser, publishing_server, request, contexts).goto("/Data")
        third.page.locator(UPLOAD_INPUT).set_input_files(str(view_file))
        third.page.locator('[data-testid="stAlertContentSuccess"]', has_text="Opened a saved view").wait_for()
        third.settle()
        third.screenshot("view-file-dropped")
        assert third.caption() == sent
        # Charts too: the Overview of both shows the same marks.
        overview = link.replace("/Data?", "/?", 1)
        sender.page.get_by_role("link", name="Overview", exact=True).click()
        sender.settle(charts=True)
        recipient.page.goto(overview)
        recipient.settle(charts=True)
        assert recipient.chart_traces() == sender.chart_traces()
        assert recipient.drawn_marks() == sender.drawn_marks()

        # After the publisher deletes it, the link says plainly that the server does not hold it;
        # a made-up id says exactly the same.
        corpus_id = parse_qs(urlsplit(link).query)["pub"][0]
        sender.page.get_by_role("link", name="Data", exact=True).click()
        sender.settle()
        sender.page.get_by_role("button", name=f"Delete {corpus_id} now").click()
        sender.settle()
        messages = []
        for target in (link, link.replace(corpus_id, "A" * 22)):
            late = visitor(chromium_browser, publishing_server, request, contexts)
            late.page.goto(target)
            late.settle()
            warning = late.page.locator('[data-testid="stAlertContentWarning"]', has_text="does not hold").first
            messages.append(warning.inner_text().replace(corpus_id, "ID").replace("A" * 22, "ID"))
            late.screenshot("after-delete")
        assert messages[0] == messages[1] and "does not hold" in messages[0]
        for app in (sender, recipient, third):
            app.assert_no_exception()
    finally:
        for context in contexts:
            context.close()
