"""Title and outlet of an article when its source did not supply them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lib.annotate.cleaning import is_content_paragraph, is_sentence_like

TITLE_MAX_CHARS = 90
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,30},\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\s*\((?P<agency>[^)]{2,40})\)\s*(?:--|—|–|-|:)"
    r"|^[A-Z][A-Z .'-]{1,30}\s*\((?P<agency2>Reuters|AP|AFP|Kyodo|Jiji|Bloomberg|Yonhap|Xinhua)\)\s*[-—–]",
    re.MULTILINE,
)


def is_heading_like(line: str) -> bool:
    """A headline: a few words, no closing full stop, starting with a capital or digit."""
    words = line.split()
    return (
        3 <= len(words) <= 25 and not is_sentence_like(line.rstrip("?!")) and (line[0].isupper() or line[0].isdigit())
    )


def heading_title(lines: tuple[str, ...]) -> str:
    """The first heading-like line before the article body starts, or ""."""
    for line in lines:
        if is_content_paragraph(line):
            return ""
        if is_heading_like(line):
            return line
    return ""


def shorten(sentence: str, limit: int = TITLE_MAX_CHARS) -> str:
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–— ")
    return cut + "…"


def outlet_from_url(url: str) -> str:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[broken": a malformed URL field names no outlet
        return ""
    return host.removeprefix("www.")


def outlet_from_dateline(text: str) -> str:
    """ "Tokyo, Nov. 6 (Jiji Press)--" → "Jiji Press"."""
    match = _WIRE_DATELINE.search(text[:2000])
    if not match:
        return ""
    return (match["agency"] or match["agency2"] or "").strip()
