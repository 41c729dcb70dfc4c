"""Reading one article: terms highlighted with our own markup, article text never rendered as HTML."""

from __future__ import annotations

import pytest

from lib import load_articles
from tests.conftest import SEEDS

pytestmark = pytest.mark.browser


def test_an_article_link_opens_it_with_topic_terms_highlighted(open_page):
    frame = load_articles(SEEDS)
    article = frame[frame["source"].str.contains("004")].iloc[0]
    app = open_page().goto(f"/Articles?article={article['article_id']}")
    page = app.page
    page.locator('[data-testid="stMain"] h3', has_text=article["title"]).wait_for()
    marks = page.locator('[data-testid="stMain"] mark')
    assert marks.count() >= 10
    assert {"Security", "Tariffs"} <= set(marks.evaluate_all("ms => ms.map(m => m.title)"))
    assert "Jiji Press" in page.locator('[data-testid="stMain"]').inner_text()
    assert f"article={article['article_id']}" in page.url
    app.screenshot()
    app.assert_no_exception()
    app.assert_no_console_errors()
