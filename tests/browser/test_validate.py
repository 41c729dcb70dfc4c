"""The Validate page in a real browser: draw a sample, code three articles with the keyboard,
download the codings and read them back with lib.evaluation."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lib.evaluation.codings import parse_codings
from lib.reference.taxonomy import default_taxonomy

pytestmark = pytest.mark.browser


def sample_ids(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("sample", [""])[0].split(",")


def press_on(page, selector: str, key: str) -> None:
    """Move the keyboard focus to an element and press a key there, as a coder tabbing through."""
    page.locator(selector).focus()
    page.keyboard.press(key)


def test_code_three_articles_with_the_keyboard_and_download(open_page, tmp_path):
    app = open_page().goto("/Validate")
    page = app.page
    page.locator(".st-key-v_size input").fill("3")
    page.keyboard.press("Enter")
    page.locator(".st-key-v_seed input").fill("4")
    page.keyboard.press("Enter")
    app.settle()
    page.locator(".st-key-v_draw button").click()
    page.wait_for_url(lambda url: "sample=" in url)
    app.settle()
    ids = sample_ids(page.url)
    assert len(ids) == 3 and "seed=4" in page.url
    app.screenshot("drawn")

    for index, article in enumerate(ids):
        assert page.get_by_text(f"Article {index + 1} of 3").is_visible()
        # Space ticks a checkbox and picks a radio option; Enter presses the focused button.
        press_on(page, f".st-key-v_topic_security_{article} input", "Space")
        press_on(page, f".st-key-v_tone_{article} input >> nth={index % 3}", "Space")
        press_on(page, f".st-key-v_date_{article} input >> nth=0", "Space")
        press_on(page, f".st-key-v_pm_{article} input >> nth=0", "Space")
        if index == 0:
            app.screenshot("coding-first")
        page.get_by_role("button", name="Save and next").focus()
        page.keyboard.press("Enter")
        app.settle()
    assert page.get_by_text("3 of 3 coded, 0 skipped").is_visible()
    app.assert_no_exception()

    page.get_by_text("Save or load codings").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download codings (3 articles, CSV)").click()
    saved = tmp_path / "codings.csv"
    download.value.save_as(saved)
    app.screenshot("coded")
    keys = default_taxonomy().keys
    codings = parse_codings(saved.read_text(encoding="utf-8"), keys, name="downloaded")
    assert [codings.article_ids[row.file] for row in codings.labels.rows] == ids
    assert all(row.topics["security"] for row in codings.labels.rows)
    assert sorted(codings.tones.values()) == [-1, 0, 1]

    page.locator(".st-key-v_step").get_by_text("Results", exact=True).click()
    app.settle()
    app.screenshot("results")
    assert page.get_by_role("heading", name="Topics").is_visible()
    assert page.get_by_text("too thin to use").first.is_visible()
    app.assert_no_exception()

    # The validation now travels with the session: the other pages show the corrected shares.
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="By prime minister", exact=True).click()
    app.settle(charts=True)
    note = page.get_by_text("Corrected for the tagging errors measured on your 3 coded article(s)")
    assert note.is_visible()
    legend = page.locator(".js-plotly-plot .legendtext", has_text="Corrected for tagging errors")
    assert legend.count() == 1
    app.screenshot("validated-range-by-pm")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Overview", exact=True).click()
    app.settle(charts=True)
    assert page.get_by_text("Corrected for the tagging errors").first.is_visible()
    app.screenshot("validated-range-overview")
    app.assert_no_exception()
    app.assert_no_console_errors()
