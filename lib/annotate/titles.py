"""The headline of an article, as a reader sees it above the text.

A scraped page puts many short lines above the body: menus, "Skip to main content", icon-font
residue, tag-page headers, the site's name, section labels, bylines, timestamps, captions and
sidebars of other headlines. The title is the headline-like line among them that is none of
those; a headline printed twice (page title and article heading) is preferred, since menus and
kickers are not repeated. Without a visible headline the first sentence stands in, shortened,
and `title_basis` says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from lib.annotate.cleaning import is_content_paragraph, is_sentence_like
from lib.annotate.date_grammar import DATE_LINE, find_full_dates
from lib.reference.outlets import Gazetteer, default_outlets

# Where `title` came from, declared once (the column's meaning in lib/schema/columns.py cites it).
TITLE_BASES: dict[str, str] = {
    "metadata": "the source's own title field (a table's title column, a page's <title> or og:title)",
    "heading": "a headline-like line of the text",
    "first_sentence": "no headline is visible: the first sentence, shortened",
}
TITLE_MAX_CHARS = 90
HEAD_LINES = 60  # a headline stands above the body, after at most this many lines of chrome
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 3, 30
# A headline that runs on into its date ends well within this many characters (30 long words and
# the date); the rest of a long first line is never read for it, which keeps one huge line linear.
HEADLINE_BEFORE_DATE_CHARS = 400
CHROME_MAX_CHARS = 2_000
REPEATED_HEADLINE_WORDS = 5

_LIST_MARK = re.compile(r"^\s*(?:[-–•·*▪►]|\d{1,2}[.)])\s+")
_NAVIGATION = re.compile(
    r"^(?:skip to|go to|jump to|back to|return to|you are here|sign in|log in|subscribe|menu\b|search\b"
    r"|trending\b|breaking\b|latest news with|posts? tagged|tag(?:ged)?\s*:|topics?\s*:|sections?\b|follow us"
    r"|download (?:the|our) app|open in app|get the app"
    r"|we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies"
    r"|cookie|advertisement|listen to (?:this|the) article|\d+\s*min(?:ute)?s?\s+read)",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"(?<![\w&])#[^\W\d]\w+")
# Icon fonts rendered as text: "ArrowArtboardCreated with Sketch.Title ChevronTitle", "icon bookmarkicon".
_GLUED_WORDS = re.compile(r"[a-z][A-Z][a-z]")
_ICON = re.compile(r"icon", re.IGNORECASE)
_WIDGET_WORDS = re.compile(r"\b(?:icon|button|arrow|chevron|caret|hamburger|toggle)\b", re.IGNORECASE)
# "Asia / East Asia", "World / Japan": a section path.
_SECTION_PATH = re.compile(r"^[^/]{1,30}(?:\s/\s[^/]{1,30})+$")
_RELATIVE_AGE = re.compile(r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b", re.I)
_BYLINE = re.compile(
    r"^(?:by|von|par|por|di)\s+\S|^\S+(?:\s\S+)?\s+staff\b"  # "By Jane Doe", "Example Staff Jane Doe"
    r"|\b(?:staff\s+writers?|staff\s+reporter|correspondent|news desk)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|file photo|getty images|illustration|pictured|caption)\b|\(AP Photo|©", re.IGNORECASE
)
_DATE_MARKER = re.compile(r"\b(?:updated|published|posted|last updated)\b\s*:?", re.IGNORECASE)
# What follows the date in a headline-and-date line: a time, a label, a dateline place, or nothing.
_AFTER_DATE = re.compile(
    r"^[\s,|–—-]*(?:$|\d{1,2}[:.]\d{2}|updated|published|posted|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?\s?:)", re.I
)
# Words a newspaper's name is made of: "The Daily Example Shimbun", "Example Herald".
# Only words that rarely end a headline: "Record" or "News" would take "Japan's Record Budget".
_MASTHEAD_WORDS = frozenset(
    "shimbun shinbun shimpo ilbo sinmun nippo times herald tribune journal gazette daily chronicle telegraph"
    " inquirer courier".split()
)
_SMALL_WORDS = frozenset("the of and a an in on at for to".split())
# A list of other headlines in one line: "First story • Second story • Third story".
_LIST_SEPARATORS = re.compile(r"\s[•·|]\s")
# Words a prefix cut before a glued date must not end with: "held on" is a sentence, not a headline.
_DANGLING = frozenset("on in at of since by from until before after to and or the a an as for with".split())


class TitleChoice(NamedTuple):
    title: str
    basis: str  # a key of TITLE_BASES


def strip_site_suffix(title: str, gazetteer: Gazetteer | None = None) -> str:
    """A page title without the site's name: "Talks resume | Example Times" → "Talks resume".

    After " | " any short last part is the site's name; after " - " or " – " only a known
    outlet's name is, since a headline may hold a dash of its own ("Japan - US talks").
    """
    gazetteer = gazetteer or default_outlets()
    title = " ".join(title.split())
    for separator in (" | ", " – ", " — ", " - ", " :: "):
        head, found, tail = title.rpartition(separator)
        if not found or len(head.split()) < 2:
            continue
        if gazetteer.by_name(tail) is not None or (separator in (" | ", " :: ") and len(tail.split()) <= 5):
            return head.strip()
    return title


def shorten(sentence: str, limit: int = TITLE_MAX_CHARS) -> str:
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–— ")
    return cut + "…"


def is_heading_like(line: str) -> bool:
    """A headline: a few words, no closing full stop, starting with a capital, digit or quote."""
    words = line.split()
    return (
        MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        and not is_sentence_like(line.rstrip("?!"))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
    )


def is_masthead(line: str, gazetteer: Gazetteer) -> bool:
    """The site's name: a known outlet's name, or a short capitalised newspaper-like name."""
    if gazetteer.by_name(line) is not None:
        return True
    words = line.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in line):
        return False
    capitalised = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    named = words[-1].lower() in _MASTHEAD_WORDS or (words[0] == "The" and words[1:2] == ["Daily"])
    return capitalised and named


def is_icon_residue(line: str) -> bool:
    return (
        len(_GLUED_WORDS.findall(line)) >= 3
        or len(_ICON.findall(line)) >= 3
        or len(_WIDGET_WORDS.findall(line)) >= 2  # "Down Arrow Button Icon"
    )


def chrome_kind(line: str, gazetteer: Gazetteer) -> str | None:
    """What page furniture `line` is ("navigation", "byline"...), or None if it may be a headline."""
    bare = _LIST_MARK.sub("", line)
    checks = (
        ("navigation", _NAVIGATION.match(bare) is not None),
        ("tag page", _HASHTAG.search(bare) is not None),
        ("icon residue", is_icon_residue(bare)),
        ("timestamp", DATE_LINE.match(bare) is not None or _RELATIVE_AGE.search(bare) is not None),
        ("byline", _BYLINE.search(bare) is not None),
        ("caption", _CAPTION.search(bare) is not None),
        ("masthead", is_masthead(bare, gazetteer)),
        ("list of headlines", len(_LIST_SEPARATORS.findall(bare)) >= 2),
        ("section path", len(bare.split()) <= 8 and _SECTION_PATH.match(bare) is not None),
        ("list item", bare != line),
    )
    return next((kind for kind, hit in checks if hit), None)


def headline_before_date(line: str) -> str:
    """The headline of a first line that runs on into its date: "Talks resume Sep. 2, 2021
    Updated: ..." → "Talks resume"; "" when the line is not built that way."""
    line = line[:HEADLINE_BEFORE_DATE_CHARS]
    cuts = [(m.start, m.end) for m in find_full_dates(line)]
    marker = _DATE_MARKER.search(line)
    if marker:
        cuts.append((marker.start(), marker.start()))
    for cut, end in sorted(cuts):
        if not _AFTER_DATE.match(line[end:]):
            break
        head = line[:cut].rstrip(" ,|–—-:")
        words = head.split()
        if len(words) >= MIN_HEADLINE_WORDS and words[-1].lower() not in _DANGLING and is_heading_like(head):
            return head
        break
    return ""


def heading_title(lines: Sequence[str], gazetteer: Gazetteer | None = None) -> str:
    """The headline among the lines above the article body, or ""."""
    gazetteer = gazetteer or default_outlets()
    counts = Counter(lines)
    candidates: list[str] = []
    for index, line in enumerate(lines[:HEAD_LINES]):
        # Chrome (menus, bylines, captions) is short; a paragraph-long line is never read as it.
        kind = chrome_kind(line, gazetteer) if len(line) <= CHROME_MAX_CHARS else None
        if kind is None and is_heading_like(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if len(_LIST_SEPARATORS.findall(following)) < 2:  # not the header of a sidebar list
                candidates.append(line)
            continue
        if kind is None and not candidates and index <= 1 and (before_date := headline_before_date(line)):
            candidates.append(before_date)
            continue
        if kind != "caption" and is_content_paragraph(line):
            break  # the body has started (a caption above it may read as prose too)
    if not candidates:
        return capitals_heading(lines, gazetteer)
    # A page prints its headline twice (title bar and heading); short lines that repeat are more
    # often chrome (an author's name, a button label) than the headline.
    repeated = [c for c in candidates if counts[c] > 1 and len(c.split()) >= REPEATED_HEADLINE_WORDS]
    return repeated[0] if repeated else candidates[0]


def capitals_heading(lines: Sequence[str], gazetteer: Gazetteer) -> str:
    """A document's title set in capitals below a preamble ("NOTICE OF THE ANNUAL MEETING")."""
    for line in lines[:20]:
        if len(line) > CHROME_MAX_CHARS:
            continue  # a paragraph, not a title
        letters = [c for c in line if c.isalpha()]
        if (
            len(line.split()) >= 4
            and letters
            and all(c.isupper() for c in letters)
            and is_heading_like(line)
            and not line.endswith("?")
            and chrome_kind(line, gazetteer) is None
        ):
            return line
    return ""


def choose_title(metadata_title: str, heading: str, first_sentence: str) -> TitleChoice:
    """The title and where it came from: the source's title field (its site-name suffix removed),
    the headline line of the text (`heading_title`), or the first sentence shortened."""
    if metadata_title.strip():
        return TitleChoice(strip_site_suffix(metadata_title), "metadata")
    if heading:
        return TitleChoice(heading, "heading")
    return TitleChoice(shorten(first_sentence), "first_sentence")
