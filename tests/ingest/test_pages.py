"""lib/ingest/pages.py: one page per file: plain text, Markdown and HTML main text."""

from __future__ import annotations

import pytest

from tests.ingest.reading import HTML, HTML_UNDATED, TEXT, read


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("a.txt", TEXT.encode(), {"source": "a.txt", "text": TEXT, "title": ""}, id="txt"),
        pytest.param(
            "a.md",
            ("# Ishiba Vows Stronger Alliance\n\n" + TEXT).encode(),
            {"source": "a.md", "text": "# Ishiba Vows Stronger Alliance\n\n" + TEXT},
            id="md",
        ),
        pytest.param(
            "a.TXT", TEXT.encode("utf-16"), {"text": TEXT, "encoding": "utf-16"}, id="suffix in capitals, utf-16"
        ),
        pytest.param(
            "page.html",
            HTML.encode(),
            {
                "title": "Ishiba Vows Stronger Alliance",
                "outlet": "Example News",
                "date": "2024-11-08",
                "url": "https://example.com/news/ishiba-alliance",
                "from_html": True,
            },
            id="html with metadata",
        ),
        pytest.param(
            "page.htm",
            HTML_UNDATED.encode(),
            {"title": "Talks in Tokyo", "date": ""},
            id="html: a copyright year is not a date",
        ),
    ],
)
def test_single_article_formats(name: str, data: bytes, expected: dict) -> None:
    articles, report = read(name, data)
    assert report == []
    (article,) = articles
    for field, value in expected.items():
        assert getattr(article, field) == value, field


def test_html_main_text_leaves_navigation_and_footer_out() -> None:
    (article,), _ = read("page.html", HTML.encode())
    assert TEXT in article.text
    assert "Copyright" not in article.text
    assert "World" not in article.text


def test_classic_mac_line_ends_are_line_breaks() -> None:
    (article,), report = read("mac.txt", f"Talks in Tokyo\r\r{TEXT}\rSecond line.".encode())
    assert article.text == f"Talks in Tokyo\n\n{TEXT}\nSecond line."


def test_a_parser_failure_is_the_pages_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def failing(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", failing)
    articles, report = read("deep.html", b"<html><body><p>" + TEXT.encode() + b"</p></body></html>")
    assert (articles, report) == ([], [("deep.html", "nested too deep")])
