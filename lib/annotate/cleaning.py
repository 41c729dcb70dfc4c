"""Text clean-up: small `str -> str` transforms, and the furniture stripper that also reports
what it removed.

Furniture is everything a scraper picks up that is not the article: menus and breadcrumbs,
ad and share lines, comment widgets, form residue ("ID :", "END", a lone "X"). It is found by
general rules (known patterns anywhere; short lines without sentence punctuation at the edges of
the page), never by removing a line that reads as a sentence of the article body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.annotate.date_grammar import DATE_LINE

# Lines that are furniture wherever they stand. Each rule names what it removes, for the report.
_FURNITURE_RULES: tuple[tuple[str, str], ...] = (
    ("ad", r"advert\w*|advertisment|advertisement|sponsored(?: content)?|ads? by \w+|ad"),
    (
        "share",
        r"connect with us|follow us(?: on .{0,40})?|share(?: this(?: article| story| post)?)?"
        r"(?: on \w+)?|tweet|e-?mail this|print(?: this)?(?: article)?|copy link",
    ),
    ("plugin", r"social media auto publish powered by.*|powered by\s*:?.{0,40}"),
    (
        "navigation",
        r"trending(?: now| news| stories)?|you may also like|related(?: articles| posts|"
        r" stories| news| content)?|read (?:more|next|also)\b.{0,80}|most (?:popular|read)"
        r"|more (?:stories|news|from \w+.{0,30})|recommended(?: for you)?|top stories"
        r"|latest (?:news|stories|posts)|skip to (?:main )?content|(?:main )?menu|search"
        r"|home|back to top|next (?:article|post)|previous (?:article|post)",
    ),
    (
        "comments",
        r"leave a (?:comment|reply)|post a comment|\d+ comments?|comments?|add comment"
        r"|this site uses akismet.*|(?:log|sign) in to (?:comment|reply).*",
    ),
    (
        "adblock",
        r"ad ?block(?:er)? detected|please (?:support us by )?(?:disabl\w+|turn\w* off)"
        r" your ad ?blocker.*|we (?:noticed|see|detected) (?:that )?you(?:'re| are) using an"
        r" ad ?blocker.*",
    ),
    (
        "subscribe",
        r"subscribe(?: now| to (?:our|the) \w+.{0,40})?|sign up (?:for|to) (?:our )?"
        r"(?:free )?newsletter.{0,40}|get the latest .{0,60} in your inbox",
    ),
    (
        "form",
        r"(?:id|auther|author|by|source|tags?|categor(?:y|ies)|section|date|posted|published"
        r"|updated|on|photo|image|credit|reporter|editor)\s*:?\s*",
    ),
    ("end mark", r"end|x|-+ ?30 ?-+|#{3}|\*{3}|—+|-{3,}"),
    ("number", r"[\d\s.,:/#-]+"),
)
_FURNITURE = tuple(
    (rule, re.compile(rf"^\s*(?:{pattern})\s*[:.!]?\s*$", re.IGNORECASE)) for rule, pattern in _FURNITURE_RULES
)
# The same rules as one pattern, tried in the same order (the first rule that matches names
# the line): one regex call per line instead of one per rule.
_ANY_FURNITURE = re.compile(
    "|".join(f"(?P<r{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(_FURNITURE)),
    re.IGNORECASE,
)
_FURNITURE_NAMES = {f"r{i}": rule for i, (rule, _) in enumerate(_FURNITURE)}
assert all(pattern.groups == 0 for _, pattern in _FURNITURE)  # the named groups are the only ones

# Breadcrumbs: "Home » world » Title", "News > Asia > Japan", "Home / Politics".
_BREADCRUMB = re.compile(r"^\s*\S[^»›>/|]{0,40}(?:\s*[»›>|/]\s+[^»›>/|]{1,120}){1,}$")
_BREADCRUMB_START = re.compile(r"^\s*(?:home|news|top)\s*[»›>|/]", re.IGNORECASE)
# Bylines: "by James Carter Senior News Editor", "By Jane Doe, Staff Writer".
_BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z][\w.'’-]*(?:[\s,]+[A-Z][\w.'’-]*){0,7}\s*$")
# Image captions and credits in the page's top or bottom zone.
_CAPTION = re.compile(
    r"\b(?:vector illustration|illustration|file photo|photo(?:graph)?|image|getty images|"
    r"ap photo|reuters photo|afp photo|kyodo photo|credit|shutterstock)\b",
    re.IGNORECASE,
)
# Invitations to comment, at the end of a page.
_CALL_TO_ACTION = re.compile(
    r"\b(?:in|to) the comments(?: section)?(?: below)?\b|\bshare your (?:thoughts|views)\b"
    r"|\blet us know (?:what you think|below)\b",
    re.IGNORECASE,
)
# Text every match of _CALL_TO_ACTION holds (lower-cased): a line without any cannot match.
_CALL_TO_ACTION_NEEDLES = ("the comments", "share your", "let us know")
# The characters outside ASCII that re.IGNORECASE matches to an ASCII letter (i, s, k);
# tests/test_cleaning_exact.py checks the list against every code point.
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
# A date or time alone on a line (the date module reads it before it is removed): the library's
# one date grammar decides what that is.
_DATE_ONLY = DATE_LINE
# "date 2024-01-18 In the political corridors...": a date label glued to the first paragraph.
_LEADING_DATE_LABEL = re.compile(
    r"^\s*(?:date|published|posted|updated)\s*:?\s*\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}"
    r"(?::\d{2})?)?\s+",
    re.IGNORECASE,
)
# "...said. The" ends a sentence mid-line; "U.S. Tariffs" and "Mr. Abe" do not.
# Two word characters, not "{2,}": only whether it matches is asked, and a greedy run retried
# from every start made one long token quadratic (a 100 KB token took over a minute).
_MID_SENTENCE_END = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]*\s+[A-Z\"“]")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』）]*\s*$")
# Scripts written without spaces between words: about two characters make a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# "## Japan's Diplomatic Maneuvers": an ATX heading; its marker is not part of the title.
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?=\S)", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_OTHER_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u3000"
# The runs of _SPACES that are not already one plain space (replacing those changes nothing).
_SPACES_TO_FIX = re.compile(
    r" [ \t\u00a0\u2000-\u200b\u3000]+|[\t\u00a0\u2000-\u200b\u3000][ \t\u00a0\u2000-\u200b\u3000]*"
)

EDGE_SHORT_LINE_WORDS = 4
CONTENT_PARAGRAPH_WORDS = 8


@dataclass(frozen=True)
class CleanedText:
    lines: tuple[str, ...]  # kept lines, one paragraph or heading each
    removed: tuple[str, ...]  # "rule: line" for every line removed

    @property
    def text(self) -> str:
        return "\n\n".join(self.lines)


def normalise_whitespace(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n")
    # (_SPACES never spans a newline: one pass over the text is one pass per line; a text with
    # no two spaces in a row and no other kind of space has nothing to change.)
    if "  " in text or any(space in text for space in _OTHER_SPACES):
        text = _SPACES_TO_FIX.sub(" ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def strip_markdown_emphasis(text: str) -> str:
    """`**US-Japan relations**` → `US-Japan relations` (scraped pages keep Markdown markers)."""
    if "**" not in text and "__" not in text:
        return text  # no marker, no match
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def strip_markdown_headings(text: str) -> str:
    """`# Ishiba Meets Trump` → `Ishiba Meets Trump` (.md articles mark their headline so)."""
    if "#" not in text:
        return text  # no marker, no match
    return _MARKDOWN_HEADING.sub("", text)


def strip_leading_date_label(text: str) -> str:
    return _LEADING_DATE_LABEL.sub("", text, count=1)


# How much of a line's end can hold its closing punctuation and quotes: searching a 2 MB line
# from its start for an end-anchored pattern tries every full stop in it.
_LINE_END_CHARS = 32


def is_sentence_like(line: str) -> bool:
    """Reads as prose: ends with sentence punctuation, or holds a full stop between words."""
    if _SENTENCE_END.search(line.rstrip()[-_LINE_END_CHARS:]):
        return True
    return any(mark in line for mark in ".!?") and bool(_MID_SENTENCE_END.search(line))


def word_count(line: str) -> int:
    """Words by spaces, or for Japanese, Chinese and Korean by characters (two to a word)."""
    if line.isascii():  # no character of those scripts
        return len(line.split())
    return max(len(line.split()), len(_UNSPACED.findall(line)) // 2)


def calls_to_action(line: str) -> bool:
    """Whether `line` invites comments (_CALL_TO_ACTION), testing first for the words it needs."""
    if line.isascii() or not any(c in line for c in _ODD_CASE):
        # Any other character that matches an ASCII letter case-insensitively is one that
        # lower() turns into it, so a match's text lower-cased is in the line lower-cased.
        lowered = line.lower()
        if not any(needle in lowered for needle in _CALL_TO_ACTION_NEEDLES):
            return False
    return _CALL_TO_ACTION.search(line) is not None


def is_content_paragraph(line: str) -> bool:
    return word_count(line) >= CONTENT_PARAGRAPH_WORDS and is_sentence_like(line)


def furniture_rule(line: str) -> str | None:
    """The name of the rule that marks `line` as furniture anywhere on the page, or None."""
    m = _ANY_FURNITURE.match(line)
    if m is not None:
        return _FURNITURE_NAMES[m.lastgroup]
    if _DATE_ONLY.match(line):
        return "date line"
    if _BREADCRUMB_START.match(line) or (
        # (The cheap tests first: a breadcrumb needs a separator between spaces.)
        any(mark in line for mark in "»›>|")
        and line.count("/") < 3
        and re.search(r"\s[»›>|]\s", line)
        and _BREADCRUMB.match(line)
        and not is_sentence_like(line)
    ):
        return "breadcrumb"
    if _BYLINE.match(line) and len(line.split()) <= 9:
        return "byline"
    return None


def edge_rule(line: str, *, at_end: bool) -> str | None:
    """Rules that only apply in the page's top and bottom zones, outside the article body."""
    if is_sentence_like(line) and not at_end:
        return None
    words = word_count(line)
    if at_end and calls_to_action(line):
        return "call to action"
    if is_sentence_like(line):
        return None
    # A short headline ("Tariffs Hit Tokyo Hard") stands where a menu label would: three or more
    # capitalised words at the top are kept for the title.
    headline = not at_end and words >= 3 and line[:1].isupper()
    if words <= EDGE_SHORT_LINE_WORDS and not headline:
        return "short edge line"
    if words <= 12 and _CAPTION.search(line):
        return "caption"
    return None


def strip_furniture(text: str) -> CleanedText:
    """Remove furniture lines; keep every line that reads as article content."""
    lines = [line for line in normalise_whitespace(text).split("\n") if line]
    # An invitation to comment, or furniture that reads like prose ("This site uses Akismet to
    # reduce spam. ..."), must not extend the article body.
    rules = [furniture_rule(line) for line in lines]
    content = [
        i
        for i, line in enumerate(lines)
        if is_content_paragraph(line) and not calls_to_action(line) and rules[i] is None
    ]
    first, last = (content[0], content[-1]) if content else (len(lines), -1)
    kept, removed = [], []
    for i, line in enumerate(lines):
        rule = rules[i]
        if rule is None and (i < first or i > last):
            rule = edge_rule(line, at_end=i > last)
        if rule is None:
            kept.append(line)
        else:
            removed.append(f"{rule}: {line}")
    return CleanedText(tuple(kept), tuple(removed))


def clean_text(text: str, *, whole_field: bool = False) -> CleanedText:
    """The whole clean-up pipeline for article body text.

    Furniture rules are for scraped pages. A text they would strip to nothing is kept as given
    when it is a table's text field (`whole_field`: a headline or a short post has no page around
    it) or a single line: a CSV of headlines must not lose its rows as "menu lines".
    """
    text = strip_markdown_headings(strip_markdown_emphasis(strip_leading_date_label(text)))
    cleaned = strip_furniture(text)
    if cleaned.lines:
        return cleaned
    lines = tuple(line for line in normalise_whitespace(text).split("\n") if line)
    if lines and (whole_field or len(lines) == 1):
        return CleanedText(lines, ())
    return cleaned
