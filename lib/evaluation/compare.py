"""When the library's answer and a label agree: one rule per field, shared by every scorecard."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable

# A date within this many days counts: a page's time zone or a late-evening timestamp moves the
# day the publisher printed by one.
DATE_TOLERANCE_DAYS = 1

# Headlines agree when their normalised forms are equal or this similar (difflib ratio): a
# dropped "the" or a changed dash in a ten-word headline, not a different headline.
TITLE_SIMILARITY = 0.9

# title_basis values saying no headline was visible, so the title is a stand-in (the first
# sentence shortened), not a claim that the page shows a headline.
STAND_IN_TITLE_BASES = frozenset({"first_sentence"})

_NON_WORD = re.compile(r"\W+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
# How a label names a repost: "X (Y)", "X / Y", "X via Y", "X; Y", "X, Y".
_OUTLET_SEPARATORS = re.compile(r"[()/;,]|\bvia\b|\breposting\b|\bbased on\b|\btranslated from\b", re.IGNORECASE)


def normalise(text: str | None) -> str:
    """Case-folded words separated by single spaces: punctuation and quote styles do not count."""
    return _NON_WORD.sub(" ", (text or "").casefold()).strip()


def same_day(expected: dt.date, got: dt.date | None) -> bool:
    return got is not None and abs((got - expected).days) <= DATE_TOLERANCE_DAYS


def same_pm(expected: str, got: str | None) -> bool:
    return normalise(expected) == normalise(got)


def same_title(expected: str, got: str | None) -> bool:
    want, have = normalise(expected), normalise(got)
    if not have:
        return False
    return want == have or difflib.SequenceMatcher(None, want, have).ratio() >= TITLE_SIMILARITY


def outlet_names(label: str) -> list[str]:
    """The names a label gives a page's publisher and the agency it reposts, normalised
    without a leading article: "The Japan Times (Kyodo)" -> ["japan times", "kyodo"]."""
    names = []
    for part in _OUTLET_SEPARATORS.split(label or ""):
        name = _LEADING_ARTICLE.sub("", normalise(part))
        if name and name not in names:
            names.append(name)
    return names


def same_outlet(label: str, got: str | None, canonical: Callable[[str], str] | None = None) -> bool:
    """The library's outlet is one of the names in the label (the publisher or the agency it
    credits), whole words either way round: "Japan Times" matches "The Japan Times".
    `canonical` maps a name to one spelling per outlet (an alias table) when one is known."""
    have = _LEADING_ARTICLE.sub("", normalise(got))
    if not have:
        return False
    wanted = outlet_names(label)
    if canonical is not None:
        have = normalise(canonical(have)) or have
        wanted = wanted + [normalise(canonical(name)) for name in wanted]
    return any(_contains_words(name, have) or _contains_words(have, name) for name in wanted if name)


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "
