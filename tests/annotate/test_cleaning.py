"""lib/annotate/cleaning.py: small text transforms and the furniture stripper with its per-line report."""

from __future__ import annotations

import re
import sys

import pytest

import lib.annotate.cleaning as cleaning
from lib.annotate.cleaning import (
    clean_text,
    edge_rule,
    furniture_rule,
    normalise_whitespace,
    strip_furniture,
    strip_leading_date_label,
    strip_markdown_emphasis,
    strip_markdown_headings,
)

BODY_1 = (
    "Prime Minister Shigeru Ishiba said on Friday that the alliance with the United States "
    "remained the cornerstone of Japan's security."
)
BODY_2 = "Officials in Tokyo are preparing for renewed demands on defence costs and on trade."
BODY_3 = "A senior official said the government would explain its policies to the new administration."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one  two\tthree", "one two three"),
        ("line one   \nline two", "line one\nline two"),
        ("a\r\nb", "a\nb"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("  \n\nleading and trailing\n\n  ", "leading and trailing"),
        ("non\u00a0breaking\u3000space", "non breaking space"),
    ],
)
def test_normalise_whitespace(text: str, expected: str) -> None:
    assert normalise_whitespace(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**US-Japan relations** are at a juncture", "US-Japan relations are at a juncture"),
        ("__bold__ and **more bold**", "bold and more bold"),
        ("2 ** 3 is not emphasis", "2 ** 3 is not emphasis"),
        ("a * b * c", "a * b * c"),
    ],
)
def test_strip_markdown_emphasis(text: str, expected: str) -> None:
    assert strip_markdown_emphasis(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Ishiba Meets Trump\n\nBody.", "Ishiba Meets Trump\n\nBody."),
        ("Intro.\n\n## Japan's Diplomatic Maneuvers\n", "Intro.\n\nJapan's Diplomatic Maneuvers\n"),
        ("#1 priority is trade", "#1 priority is trade"),
        ("The #MeToo debate", "The #MeToo debate"),
    ],
)
def test_strip_markdown_headings(text: str, expected: str) -> None:
    assert strip_markdown_headings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-01-18 In the political corridors", "In the political corridors"),
        ("Published: 2025-03-03 Tokyo said", "Tokyo said"),
        ("Updated 2025-03-03 10:15 The talks", "The talks"),
        ("The date 2024-01-18 was chosen", "The date 2024-01-18 was chosen"),
    ],
)
def test_strip_leading_date_label(text: str, expected: str) -> None:
    assert strip_leading_date_label(text) == expected


# Every kind of furniture the issue lists, plus general cases the rules cover.
@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Home » world » Takaichi & Trump Call: Possible Friday Talks", "breadcrumb"),
        ("Home > News > Asia", "breadcrumb"),
        ("News / Politics / Japan", "breadcrumb"),
        ("Advertisment", "ad"),
        ("Advertisement", "ad"),
        ("Sponsored Content", "ad"),
        ("Connect with us", "share"),
        ("Share this article", "share"),
        ("Follow us on Twitter", "share"),
        ("Trending", "navigation"),
        ("Trending Now", "navigation"),
        ("You may also like", "navigation"),
        ("Related Articles", "navigation"),
        ("Read more: Japan and the US sign a deal", "navigation"),
        ("Skip to content", "navigation"),
        ("Social Media Auto Publish Powered By : XYZScripts.com", "plugin"),
        ("Leave a Comment", "comments"),
        ("Leave a Reply", "comments"),
        ("3 Comments", "comments"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comments"),
        ("Adblock Detected", "adblock"),
        ("Please support us by disabling your AdBlocker extension from your browsers for our website.", "adblock"),
        ("Subscribe to our newsletter", "subscribe"),
        ("ID :", "form"),
        ("Auther :", "form"),
        ("Tags:", "form"),
        ("END", "end mark"),
        ("X", "end mark"),
        ("---", "end mark"),
        ("691433", "number"),
        ("Thu, 11/07/2024 - 00:35", "date line"),
        ("November 7, 2024", "date line"),
        ("by James Carter Senior News Editor", "byline"),
    ],
)
def test_furniture_rule_names_each_kind(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        BODY_1,
        "Japan's Diplomatic Maneuvers",
        "Security, Trade, and Diplomacy",
        "The Balancing Act",
        "Frequently Asked Questions",
        "Q: What is the biggest challenge facing the US-Japan alliance?",
        "A: The biggest challenge is navigating a more transactional US foreign policy.",
        "Did you know? Japan’s constitution limits its military capabilities.",
        "Pro Tip: Businesses should assess their exposure to geopolitical risks.",
        "Menu of options for the alliance was long.",
        "Share prices in Tokyo fell after the tariff announcement.",
        "The end of the talks came without a deal.",
        "Home is where the alliance is, the minister said.",
        "By 2027, Japan will spend 2% of GDP on defense.",
    ],
)
def test_real_lines_are_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("page", "kept", "removed"),
    [
        pytest.param(
            _page(
                "Connect with us",
                "Japan",
                "Japan Ramps Up Efforts to Strengthen Ties With Trump",
                "Published",
                "on",
                "American and Japanese flags Vector illustration",
                BODY_1,
                BODY_2,
                "Trending",
                "Social Media Auto Publish Powered By : XYZScripts.com",
            ),
            ("Japan Ramps Up Efforts to Strengthen Ties With Trump", BODY_1, BODY_2),
            (
                "share: Connect with us",
                "short edge line: Japan",
                "form: Published",
                "form: on",
                "caption: American and Japanese flags Vector illustration",
                "navigation: Trending",
                "plugin: Social Media Auto Publish Powered By : XYZScripts.com",
            ),
            id="top and bottom furniture (seed 002 shape)",
        ),
        pytest.param(
            _page(
                "ID :",
                "691433",
                "Thu, 11/07/2024 - 00:35",
                "Auther :",
                "Japan Rushing to Build Ties with Trump",
                BODY_1,
                BODY_2,
                "END",
                "X",
            ),
            ("Japan Rushing to Build Ties with Trump", BODY_1, BODY_2),
            (
                "form: ID :",
                "number: 691433",
                "date line: Thu, 11/07/2024 - 00:35",
                "form: Auther :",
                "end mark: END",
                "end mark: X",
            ),
            id="form residue (seed 004 shape)",
        ),
        pytest.param(
            _page(BODY_1, "Advertisment", "Japan's Diplomatic Maneuvers", BODY_2, "Advertisment", BODY_3),
            (BODY_1, "Japan's Diplomatic Maneuvers", BODY_2, BODY_3),
            ("ad: Advertisment", "ad: Advertisment"),
            id="ads between paragraphs, in-body heading kept",
        ),
        pytest.param(
            _page(
                "Home » world » Ishiba Talks",
                "by James Carter Senior News Editor",
                BODY_1,
                "Frequently Asked Questions",
                "Q: What role will Japan play in regional security?",
                "A: Japan is likely to take on a greater role in its own defense.",
                "What are your predictions? Share your thoughts in the comments below!",
                "You may also like",
                "Leave a Comment",
                "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                "Adblock Detected",
                "Please support us by disabling your AdBlocker extension from your browsers for our website.",
            ),
            (
                BODY_1,
                "Frequently Asked Questions",
                "Q: What role will Japan play in regional security?",
                "A: Japan is likely to take on a greater role in its own defense.",
            ),
            (
                "breadcrumb: Home » world » Ishiba Talks",
                "byline: by James Carter Senior News Editor",
                "call to action: What are your predictions? Share your thoughts in the comments below!",
                "navigation: You may also like",
                "comments: Leave a Comment",
                "comments: This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                "adblock: Adblock Detected",
                "adblock: Please support us by disabling your AdBlocker extension from your browsers for our website.",
            ),
            id="comment widgets and FAQ (seed 003 shape)",
        ),
        pytest.param(
            _page(BODY_1, BODY_2),
            (BODY_1, BODY_2),
            (),
            id="clean article untouched",
        ),
    ],
)
def test_strip_furniture(page: str, kept: tuple[str, ...], removed: tuple[str, ...]) -> None:
    cleaned = strip_furniture(page)
    assert cleaned.lines == kept
    assert cleaned.removed == removed


def test_removed_count_is_per_article() -> None:
    one = strip_furniture(_page(BODY_1, "Advertisment", BODY_2))
    two = strip_furniture(_page("Trending", BODY_1, "Advertisment", BODY_2, "Leave a Comment"))
    assert len(one.removed) == 1
    assert len(two.removed) == 3


def test_short_lines_inside_the_body_are_kept() -> None:
    """The edge rules only apply before the first and after the last paragraph."""
    cleaned = strip_furniture(_page(BODY_1, "The Balancing Act", "Japan", BODY_2))
    assert cleaned.lines == (BODY_1, "The Balancing Act", "Japan", BODY_2)


def test_clean_text_pipeline() -> None:
    cleaned = clean_text("date 2024-01-18 " + BODY_1 + "\n\nAdvertisment\n\n**US-Japan relations** matter. " + BODY_2)
    assert cleaned.lines == (BODY_1, "US-Japan relations matter. " + BODY_2)
    assert cleaned.removed == ("ad: Advertisment",)
    assert cleaned.text == BODY_1 + "\n\nUS-Japan relations matter. " + BODY_2


def test_nothing_left_when_the_page_is_all_furniture() -> None:
    cleaned = clean_text("Trending\n\nAdvertisement\n\nLeave a Comment")
    assert cleaned.lines == ()
    assert len(cleaned.removed) == 3


def test_a_short_headline_at_the_top_is_kept_for_the_title():
    from lib.annotate.cleaning import clean_text

    page = "Menu\n\nTariffs Hit Tokyo Hard\n\nJapan braced for new US tariffs on cars on Thursday, officials said."
    cleaned = clean_text(page)
    assert cleaned.lines[0] == "Tariffs Hit Tokyo Hard"
    assert "navigation: Menu" in cleaned.removed


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("By Jane Doe, Staff Writer", "byline"),
        ("Published on March 1, 2019", "date line"),
        ("Posted: 2024-03-01 10:00", "date line"),
    ],
)
def test_bylines_and_labelled_date_lines_are_furniture(line, rule):
    from lib.annotate.cleaning import furniture_rule

    assert furniture_rule(line) == rule


def test_a_headline_with_us_abbreviation_is_not_a_sentence():
    from lib.annotate.cleaning import is_sentence_like

    assert not is_sentence_like("Japan Braces for U.S. Tariffs on Chips")
    assert is_sentence_like("Officials met on Monday. The talks went well")


@pytest.mark.parametrize(
    ("text", "whole_field", "kept"),
    [
        # One line is never stripped to nothing, even when it looks like a menu label or a headline.
        ("Yen Slides As Export Orders Cool", False, ("Yen Slides As Export Orders Cool",)),
        ("Search", False, ("Search",)),
        ("  Chip pact signed in Osaka  ", False, ("Chip pact signed in Osaka",)),
        # A scraped page of nothing but furniture still has no article.
        ("Advertisement\n\nTrending\n\nLeave a Comment", False, ()),
        # A table's text field is the text the user gave: kept whole when nothing else would be.
        ("Menu\n\nSubscribe now", True, ("Menu", "Subscribe now")),
        # Whitespace alone is nothing in either case.
        (" \n\t ", True, ()),
    ],
)
def test_short_texts_are_never_stripped_to_nothing(text: str, whole_field: bool, kept: tuple[str, ...]) -> None:
    assert clean_text(text, whole_field=whole_field).lines == kept


# (line, rule anywhere on the page, rule in the top zone, rule in the bottom zone)
LINE_RULES = [
    ("Japan and the US met in Tokyo on Friday to talk about the alliance and trade.", None, None, None),
    ("Share your thoughts in the comments below.", None, None, "call to action"),
    ("Let us know what you think!", None, None, "call to action"),
    ("LET US KNOW BELOW", None, None, "call to action"),
    # Characters that IGNORECASE matches to ASCII letters (long s, dotted and dotless i).
    ("let u\u017f know below", None, "short edge line", "call to action"),
    ("\u017fhare your views", None, "short edge line", "call to action"),
    ("Tell us \u0130n the comments", None, None, "call to action"),
    ("\u0131n the comments", None, "short edge line", "call to action"),
    ("Advertisement", "ad", "short edge line", "short edge line"),
    ("ADVERTISEMENT", "ad", "short edge line", "short edge line"),
    ("Share this article", "share", None, "short edge line"),
    ("Tweet", "share", "short edge line", "short edge line"),
    ("Read more: Japan's budget", "navigation", None, "short edge line"),
    ("Menu", "navigation", "short edge line", "short edge line"),
    ("Home \u00bb World \u00bb Asia", "breadcrumb", None, None),
    ("News > Asia > Japan", "breadcrumb", None, None),
    ("Home / Politics", "breadcrumb", None, "short edge line"),
    ("a | b | c", "breadcrumb", None, None),
    ("x / y / z / w", None, None, None),  # three slashes: a path or a list, not a breadcrumb
    ("by James Carter Senior News Editor", "byline", None, None),
    ("By Jane Doe, Staff Writer", "byline", None, None),
    ("Photo: Kyodo", None, "short edge line", "short edge line"),
    ("Tariffs Hit Tokyo Hard", None, None, "short edge line"),  # a headline at the top is kept
]


@pytest.mark.parametrize(("line", "anywhere", "top", "bottom"), LINE_RULES)
def test_line_rules(line: str, anywhere: str | None, top: str | None, bottom: str | None) -> None:
    assert furniture_rule(line) == anywhere
    assert edge_rule(line, at_end=False) == top
    assert edge_rule(line, at_end=True) == bottom


def test_odd_case_characters_are_all_there_are() -> None:
    """The characters outside ASCII that re.IGNORECASE matches to an ASCII letter: the quick
    test for comment invitations relies on there being no others."""
    letters = [re.compile(c, re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"]
    odd = [chr(cp) for cp in range(128, sys.maxunicode + 1) if any(p.fullmatch(chr(cp)) for p in letters)]
    assert sorted(odd) == sorted(cleaning._ODD_CASE)


def test_other_spaces_are_the_spaces_class_but_the_space() -> None:
    spaces = {chr(cp) for cp in range(sys.maxunicode + 1) if cleaning._SPACES.fullmatch(chr(cp))}
    assert spaces == {" ", *cleaning._OTHER_SPACES}
