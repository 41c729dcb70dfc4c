"""lib/views/highlight.py: topic mentions found, the text cut into segments, and HTML that is safe."""

import pytest

from lib.reference.taxonomy import default_taxonomy
from lib.views.highlight import highlight_html, highlight_segments, highlight_spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Tariffs rose.", [(0, 7, "tariffs")]),
        ("Defense spending rose.", [(0, 16, "defense_spending")]),
        ("A security deposit, and security.", [(24, 32, "security")]),
        ("No topic here.", []),
        ("Trade and tariffs", [(0, 5, "trade"), (10, 17, "tariffs")]),
    ],
)
def test_highlight_spans(text, spans):
    assert highlight_spans(text, default_taxonomy()) == spans


@pytest.mark.parametrize(
    ("text", "spans", "segments"),
    [
        ("abc", [], [("abc", None)]),
        ("", [], []),
        ("ab cd", [(0, 2, "x")], [("ab", "x"), (" cd", None)]),
        ("ab cd", [(3, 5, "y"), (0, 2, "x")], [("ab", "x"), (" ", None), ("cd", "y")]),
        ("abcdef", [(0, 4, "x"), (2, 6, "y")], [("abcd", "x"), ("ef", None)]),
        ("ab", [(1, 9, "x")], [("ab", None)]),
        ("<b>&", [(0, 3, "x")], [("<b>", "x"), ("&", None)]),
    ],
)
def test_highlight_segments(text, spans, segments):
    result = highlight_segments(text, spans)
    assert result == segments
    assert "".join(piece for piece, _ in result) == text


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script> tariffs",
        '<img src=x onerror="alert(1)"> trade',
        "tariffs <a href='javascript:alert(1)'>x</a>",
        "&lt;b&gt; & security <style>body{}</style>",
    ],
)
def test_highlight_html_escapes_every_piece_of_text(hostile):
    out = highlight_html(hostile, default_taxonomy())
    # The only tags are ours: the article's own markup arrives as text.
    tags = set(__import__("re").findall(r"<(/?[a-z]+)", out))
    assert tags <= {"div", "/div", "mark", "/mark", "br"}
    assert "<script" not in out and "<img" not in out and "<a " not in out and "<style" not in out
    assert "&lt;" in out


def test_highlight_html_marks_topic_terms_and_keeps_line_breaks():
    out = highlight_html("Tariffs rose.\nTrade fell.", default_taxonomy())
    assert out.count("<mark") == 2 and "<br>" in out
