"""lib/annotate/cleaning.py's shortcuts (one regex for the furniture rules, tests for needed text before
a regex runs, one pass over the text) give what the plain rule-by-rule clean-up gave."""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import lib.annotate.cleaning as C
from bench.make_corpus import generate_articles

# --- The clean-up as it was, rule by rule, for reference -----------------------------------------


def reference_normalise_whitespace(text: str) -> str:
    lines = [C._SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def reference_word_count(line: str) -> int:
    return max(len(line.split()), len(C._UNSPACED.findall(line)) // 2)


def reference_is_content_paragraph(line: str) -> bool:
    return reference_word_count(line) >= C.CONTENT_PARAGRAPH_WORDS and C.is_sentence_like(line)


def reference_furniture_rule(line: str) -> str | None:
    for rule, pattern in C._FURNITURE:
        if pattern.match(line):
            return rule
    if C._DATE_ONLY.match(line):
        return "date line"
    if C._BREADCRUMB_START.match(line) or (
        C._BREADCRUMB.match(line)
        and not C.is_sentence_like(line)
        and line.count("/") < 3
        and re.search(r"\s[»›>|]\s", line)
    ):
        return "breadcrumb"
    if C._BYLINE.match(line) and len(line.split()) <= 9:
        return "byline"
    return None


def reference_edge_rule(line: str, *, at_end: bool) -> str | None:
    if C.is_sentence_like(line) and not at_end:
        return None
    words = reference_word_count(line)
    if at_end and C._CALL_TO_ACTION.search(line):
        return "call to action"
    if C.is_sentence_like(line):
        return None
    headline = not at_end and words >= 3 and line[:1].isupper()
    if words <= C.EDGE_SHORT_LINE_WORDS and not headline:
        return "short edge line"
    if words <= 12 and C._CAPTION.search(line):
        return "caption"
    return None


def reference_clean_text(text: str) -> C.CleanedText:
    text = C._LEADING_DATE_LABEL.sub("", text, count=1)
    text = C._MARKDOWN_EMPHASIS.sub(r"\2", text)
    text = C._MARKDOWN_HEADING.sub("", text)
    lines = [line for line in reference_normalise_whitespace(text).split("\n") if line]
    content = [
        i
        for i, line in enumerate(lines)
        if reference_is_content_paragraph(line)
        and not C._CALL_TO_ACTION.search(line)
        and reference_furniture_rule(line) is None
    ]
    first, last = (content[0], content[-1]) if content else (len(lines), -1)
    kept, removed = [], []
    for i, line in enumerate(lines):
        rule = reference_furniture_rule(line)
        if rule is None and (i < first or i > last):
            rule = reference_edge_rule(line, at_end=i > last)
        if rule is None:
            kept.append(line)
        else:
            removed.append(f"{rule}: {line}")
    return C.CleanedText(tuple(kept), tuple(removed))


# --- Comparisons ---------------------------------------------------------------------------------


def test_odd_case_characters_are_all_there_are() -> None:
    """The characters outside ASCII that re.IGNORECASE matches to an ASCII letter."""
    letters = [re.compile(c, re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"]
    odd = [chr(cp) for cp in range(128, sys.maxunicode + 1) if any(p.fullmatch(chr(cp)) for p in letters)]
    assert sorted(odd) == sorted(C._ODD_CASE)


def test_other_spaces_are_the_spaces_class_but_the_space() -> None:
    spaces = {chr(cp) for cp in range(sys.maxunicode + 1) if C._SPACES.fullmatch(chr(cp))}
    assert spaces == {" ", *C._OTHER_SPACES}


def test_generated_articles_clean_as_before() -> None:
    for article in generate_articles(300, seed=5):
        assert C.clean_text(article["page"]) == reference_clean_text(article["page"])


LINES = [
    "Japan and the US met in Tokyo on Friday to talk about the alliance and trade.",
    "Share your thoughts in the comments below.",
    "Let us know what you think!",
    "LET US KNOW BELOW",
    "let uſ know below",
    "ſhare your views",
    "Tell us İn the comments",
    "ın the comments",
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Tweet",
    "Read more: Japan's budget",
    "Home » World » Asia",
    "News > Asia > Japan",
    "Home / Politics",
    "a | b | c",
    "x / y / z / w",
    "by James Carter Senior News Editor",
    "By Jane Doe, Staff Writer",
    "November 7, 2024",
    "Thu, 11/07/2024 - 00:35",
    "691433",
    "END",
    "X",
    "---",
    "ID :",
    "Tags:",
    "Photo: Getty Images",
    "file photo",
    "## Heading",
    "# Ishiba Meets Trump",
    "**bold** text",
    "__under__ score",
    "date 2024-01-18 In Tokyo, the talks began.",
    "Related articles",
    "東京で日米首脳会談が開かれた。",
    "Ｋelvin",
    "Kelvin K",
    "İstanbul",
    "Comments (3)",
]
SPACES = [
    " ",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u200b",
    "\u3000",
    " \t ",
    "\r\n",
    "\n",
    "\n\n",
    "\n\n\n",
    "\n \n",
    "\x0b",
    "\x0c",
    "\u2028",
    "\u00a0 ",
]
pages = st.lists(st.one_of(st.sampled_from(LINES), st.sampled_from(SPACES)), max_size=30).map("".join)
FUZZ = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(pages)
@example("Intro line\n\nJapan and the US met in Tokyo on Friday to talk about the alliance.\n\nlet uſ know below")
@example("a  b\u3000 c\t\td\n\n\n\ne")
def test_pages_clean_as_before(page: str) -> None:
    assert C.clean_text(page) == reference_clean_text(page)
    assert C.normalise_whitespace(page) == reference_normalise_whitespace(page)


@FUZZ
@given(st.one_of(st.sampled_from(LINES), st.text(alphabet="aeiknostuwyhlmcbdrv İıſKK»›>|/:.-\t", max_size=60)))
@example("let us know below")
@example("share your views")
def test_lines_get_the_same_rules(line: str) -> None:
    assert C.furniture_rule(line) == reference_furniture_rule(line)
    assert C.word_count(line) == reference_word_count(line)
    assert C.calls_to_action(line) == bool(C._CALL_TO_ACTION.search(line))
