"""lib/annotate/titles.py: the headline a reader sees, never the chrome around it.

Every page below is invented; lines are what a scraper keeps after the clean-up (one per line).
"""

from __future__ import annotations

import pytest

from lib.annotate.titles import (
    TITLE_BASES,
    choose_title,
    heading_title,
    headline_before_date,
    shorten,
    strip_site_suffix,
)
from lib.schema.columns import COLUMNS

LEAD = "Port workers in Osaka returned to the docks on Monday after a two-day stoppage over pay ended."
HEADLINE = "Osaka dock workers end strike after pay deal"

# (lines above and including the lead) -> title ("" when none is visible)
CASES = [
    pytest.param([HEADLINE, LEAD], HEADLINE, id="headline first"),
    pytest.param(["Skip to main content", HEADLINE, LEAD], HEADLINE, id="TRAP skip link first"),
    pytest.param(
        ["2. Skip to main menu", "3. Go to home page", HEADLINE, LEAD], HEADLINE, id="TRAP numbered skip links"
    ),
    pytest.param(
        ["Download the app for breaking alerts", "We use cookies to improve your experience", HEADLINE, LEAD],
        HEADLINE,
        id="TRAP app and cookie banners",
    ),
    pytest.param(
        ["ArrowIconCreated with Sketch.Share ChevronShare IconMail", "World News Desk", HEADLINE, LEAD],
        HEADLINE,
        id="TRAP icon-font residue",
    ),
    pytest.param(["Latest news with #dockstrike", HEADLINE, LEAD], HEADLINE, id="TRAP tag page header"),
    pytest.param(["The Daily Harbour Shimbun", HEADLINE, LEAD], HEADLINE, id="TRAP site name"),
    pytest.param(["The Japan Times", HEADLINE, LEAD], HEADLINE, id="TRAP known outlet's name"),
    pytest.param(["By Hanako Sato and Ken Ito", HEADLINE, LEAD], HEADLINE, id="TRAP byline"),
    pytest.param(["Harbour Post Staff Hanako Sato", HEADLINE, LEAD], HEADLINE, id="TRAP staff byline"),
    pytest.param(["Tuesday, March 4, 2025 10:15 AM", HEADLINE, LEAD], HEADLINE, id="TRAP timestamp"),
    pytest.param(["3 hours ago", HEADLINE, LEAD], HEADLINE, id="TRAP relative age"),
    pytest.param(["World / East Asia", HEADLINE, LEAD], HEADLINE, id="TRAP section path"),
    pytest.param(
        [
            "Cranes stand idle at the container terminal on Saturday. Photo: Harbour Pictures",
            "Cranes stand idle at the container terminal on Saturday. Photo: Harbour Pictures",
            HEADLINE,
            LEAD,
        ],
        HEADLINE,
        id="TRAP repeated caption above the headline",
    ),
    pytest.param(
        ["Off the wire", "Floods close roads in the north • Rail fares to rise • Markets open higher", HEADLINE, LEAD],
        HEADLINE,
        id="TRAP sidebar of other headlines",
    ),
    pytest.param(
        ["Down Arrow Button Icon", "Down Arrow Button Icon", HEADLINE, "By Hanako Sato", HEADLINE, LEAD],
        HEADLINE,
        id="TRAP repeated widget label; headline printed twice",
    ),
    pytest.param(
        ["Video Shows Business Sports Cricket Health", HEADLINE, "Hanako Sato • March 4, 2025", HEADLINE],
        HEADLINE,
        id="headline printed twice below a menu, no body",
    ),
    pytest.param([LEAD, "More from the region today"], "", id="no headline above the lead"),
    pytest.param(
        ["Cabinet approves harbour budget Mar. 4, 2025 Updated: Mar. 4, 2025 9:30 a.m.", LEAD],
        "Cabinet approves harbour budget",
        id="headline glued to its timestamp",
    ),
    pytest.param(
        ["TOKYO (AP) — Port workers returned to the docks on Monday after a two-day stoppage ended.", LEAD],
        "",
        id="TRAP a dateline is not a title",
    ),
    pytest.param(
        [
            "The notice below is a translation provided for shareholders abroad only and is not binding.",
            "To shareholders",
            "NOTICE OF THE ANNUAL GENERAL MEETING OF SHAREHOLDERS",
            LEAD,
        ],
        "NOTICE OF THE ANNUAL GENERAL MEETING OF SHAREHOLDERS",
        id="document title in capitals below a preamble",
    ),
]


@pytest.mark.parametrize(("lines", "title"), CASES)
def test_heading_title(lines: list[str], title: str) -> None:
    assert heading_title(lines) == title


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        (
            "Cabinet approves harbour budget Mar. 4, 2025 Updated: Mar. 4, 2025 9:30 a.m.",
            "Cabinet approves harbour budget",
        ),
        (
            "Cabinet approves harbour budget March 4, 2025 Osaka: The cabinet on Tuesday...",
            "Cabinet approves harbour budget",
        ),
        ("The budget was approved on March 4, 2025 by the cabinet.", ""),  # a sentence holding a date
        ("In a statement released March 4, 2025, officials said the port would reopen.", ""),
        ("Osaka, March 4, 2025 – The port reopened.", ""),
    ],
)
def test_headline_before_date(line: str, headline: str) -> None:
    assert headline_before_date(line) == headline


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Dock strike ends | Harbour Daily", "Dock strike ends"),
        ("Dock strike ends - The Asahi Shimbun", "Dock strike ends"),
        ("Dock strike ends – Kyodo News", "Dock strike ends"),
        ("Japan - US talks resume in Tokyo", "Japan - US talks resume in Tokyo"),  # a dash of the headline's own
        ("Dock strike ends - Port Authority", "Dock strike ends - Port Authority"),  # not a known outlet
        ("Harbour Daily", "Harbour Daily"),
    ],
)
def test_strip_site_suffix(title: str, stripped: str) -> None:
    assert strip_site_suffix(title) == stripped


@pytest.mark.parametrize(
    ("metadata_title", "heading", "expected"),
    [
        ("Dock strike ends | Harbour Daily", HEADLINE, ("Dock strike ends", "metadata")),
        ("", HEADLINE, (HEADLINE, "heading")),
        ("", "", (shorten(LEAD), "first_sentence")),
    ],
)
def test_choose_title(metadata_title: str, heading: str, expected: tuple[str, str]) -> None:
    assert tuple(choose_title(metadata_title, heading, LEAD)) == expected


def test_shorten_cuts_on_a_word() -> None:
    assert shorten("short") == "short"
    long = shorten(LEAD + " " + LEAD, limit=40)
    assert long.endswith("…") and len(long) <= 40 and not long[:-1].endswith(" ")


def test_the_basis_vocabulary_is_the_one_the_column_documents() -> None:
    meaning = next(c.meaning for c in COLUMNS if c.name == "title_basis")
    for basis in TITLE_BASES:
        assert basis in meaning, basis
