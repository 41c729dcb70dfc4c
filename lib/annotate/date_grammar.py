"""The library's one date grammar: how a full date, a time of day and a year-less day-month are
written on real news pages, in English, the major European languages and CJK script.

Each function here reads forms only; which date is the publication date is decided in
lib/annotate/dates.py. Forms read:

    Tuesday 14 March 2023 08:15 GMT      weekday first, day-month-year, time after
    09:30 JST, March 3, 2024             time before the date (see `time_before`)
    Feb. 9th, 2026 / 8 Sep, 2019         ordinals, a comma after the month
    March 16 , 2021                      a stray space before the comma
    2025-02-24T18:36 / 2015/05/16        ISO and year-first numeric
    27-07-2021 / 25/11/2025 / 11.07.2024 numeric day-month or month-day: both readings are kept
    2023年1月14日 / ２０２５年７月２３日      CJK year-month-day, full-width digits too
    le 4 septembre 2025 / 4. September 2025 / 13 de noviembre de 2022
                                         month names of other languages, from dateparser's data

Month names of other languages come from dateparser's locale data (a maintained source), read
once into one lookup: calling dateparser itself costs about half a millisecond per snippet,
a regex over the year windows of a text costs microseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Years 1800-2199 are read, so a date outside the plausible window is noticed and refused with a
# warning rather than passed over unseen.
YEAR_DIGITS = r"(?:1[89]|2[01])\d\d"

ENGLISH_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
# Other languages whose month names are read (dateparser locale codes).
MONTH_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl")
# Abbreviations of other languages that are everyday English words: "ago" (es/it/pt August),
# "set" (it/pt September), "out" (pt October). Their full names are still read.
_ENGLISH_WORDS = frozenset({"ago", "set", "out"})
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Every month name and abbreviation read (lower case, no final dot) → month number."""
    from dateparser.languages.loader import default_loader

    names = dict(ENGLISH_MONTHS)
    for language in MONTH_LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name not in _ENGLISH_WORDS and names.setdefault(name, number) != number:
                    raise ValueError(f"month name '{name}' means two months in dateparser's data")
    return names


def month_number(name: str) -> int:
    """The month a name or abbreviation stands for ("Sept." → 9, "septiembre" → 9)."""
    return month_names()[name.lower().rstrip(".")]


# A month is written as one word ("Sept.", "septiembre", "März"): the patterns take any word there
# and `month_of` keeps those that are month names. One short word class is far cheaper for the
# regex engine than an alternation of some 150 names.
_MONTH_WORD = r"(?P<month>[^\W\d_]{3,11})\.?"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th|er|º|°)?"
_CJK_DIGIT = "0-9０-９"


def month_of(match: re.Match) -> int | None:
    """The month a match's month word names, or None when the word is not a month."""
    return month_names().get(match["month"].lower())


_DIGITS = rf"[{_CJK_DIGIT}]"
_YEAR_PART = rf"(?P<year>{YEAR_DIGITS})"
_DAY_PART = r"(?P<day>\d{1,2})"


@lru_cache(maxsize=1)
def full_date_forms() -> tuple[tuple[str, re.Pattern], ...]:
    """(form, pattern) for every way a date with a year is written; tried in this order."""
    month, year, day = _MONTH_WORD, _YEAR_PART, _DAY_PART
    return (
        # 2023年1月14日, ２０２５年７月２３日, 2025년 7월 23일
        ("cjk", re.compile(
            rf"(?P<year>{_DIGITS}{{4}})\s*[年년]\s*(?P<mnum>{_DIGITS}{{1,2}})\s*[月월]\s*(?P<day>{_DIGITS}{{1,2}})\s*[日일]"
        )),
        # 2025-02-24, 2015/05/16, 2024.03.08 (the same separator twice)
        ("iso", re.compile(
            rf"{_WEEKDAY}\b{year}(?P<sep>[-/.])(?P<mnum>\d{{1,2}})(?P=sep){day}(?![\d/.-]\d)", re.I
        )),
        # 27-07-2021, 11/07/2024, 4.5.2024: month-first and day-first readings both kept
        ("numeric", re.compile(rf"{_WEEKDAY}\b(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep){year}\b", re.I)),
        # Sunday, March 30, 2025; Feb. 9th, 2026; March 16 , 2021
        ("month_day_year", re.compile(rf"{_WEEKDAY}\b{month}\s*{day}{_ORDINAL}\s*,?\s*{year}\b", re.I)),
        # Friday, 5 May, 2023; 4. September 2025; 13 de noviembre de 2022
        ("day_month_year", re.compile(
            rf"{_WEEKDAY}\b{day}{_ORDINAL}\.?\s*(?:de\s+)?{month},?\s*(?:de\s+)?{year}\b", re.I
        )),
    )  # fmt: skip


# A dateline without a year at the start of a line: "TOKYO, May 16. /TASS/.", "Ene. 4 (UPI) —",
# "Washington [US], September 5 :", "Tokyo, 26 December (LaPresse) –", "Tokyo, Nov. 6 (Jiji Press)--".
_CITY = r"(?P<city>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]*\[[^\]\n]{2,20}\])?,[ \t]+)?"
_DAY_MONTH = (
    r"(?:(?P<month>[^\W\d_]{3,11})\.?[ \t]*(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\.?[ \t]+(?:de[ \t]+)?(?P<month2>[^\W\d_]{3,11})\.?)"
)
_WIRE_TAIL = r"(?P<tail>\.?[ \t]*(?:\([^)\n]{2,40}\)[ \t]*(?:-{1,2}|[:–—])?|/[A-Z]{2,}/\.?|[:–—]|-{1,2}(?!\d)))"
_YEARLESS_DATELINE = rf"(?P<dateline>{_CITY}{_DAY_MONTH}{_WIRE_TAIL})"
# After a line break (a literal the regex engine skips to quickly), or where the text starts.
_DATELINE_AFTER_BREAK = re.compile(r"\n[ \t]*" + _YEARLESS_DATELINE)
_DATELINE_AT = re.compile(r"[ \t]*" + _YEARLESS_DATELINE)


def yearless_datelines(text: str, start: int = 0) -> list[re.Match]:
    """Every line from `start` on that opens with a year-less dateline (the text at `start`
    counts as a line's start: the corpus date line runs on into the page's first line)."""
    first = _DATELINE_AT.match(text, start)
    return ([first] if first else []) + list(_DATELINE_AFTER_BREAK.finditer(text, start))


# A time of day next to a date: "13:43", "9:35am", "10:00 PM EST", "1:57 午前", "11:30 p.m. ET".
# Spaces only, never a line break: a time belongs to its date's line.
_CLOCK = (
    r"\d{1,2}[:：]\d{2}(?::\d{2}(?:\.\d+)?)?[ \t]*(?:[ap]\.?[ \t]?m\.?|午前|午後)?(?:[ \t]*\(?[A-Z]{2,4}\b\)?){0,2}"
)
_TIME_AFTER = re.compile(rf"^(?:[ \t]*[,|•·–—-][ \t]*|[ \t]+|T)?(?:at[ \t]+|午前|午後)?{_CLOCK}")
_TIME_BEFORE = re.compile(rf"{_CLOCK}[ \t]*[,|•·–—-]?[ \t]*$")


def time_after(text: str, end: int) -> int:
    """Where a time of day written right after a date (ending at `end`) ends, or `end`."""
    match = _TIME_AFTER.match(text[end : end + 40])
    return end + match.end() if match else end


def time_before(text: str, start: int) -> int:
    """Where a time of day written right before a date (starting at `start`) starts, or `start`."""
    window = text[max(0, start - 30) : start]
    match = _TIME_BEFORE.search(window)
    return start - (len(window) - match.start()) if match else start


_FULL_WIDTH = str.maketrans("０１２３４５６７８９：", "0123456789:")


def ascii_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_number(name: str) -> int:
    return [w[:3] for w in WEEKDAYS].index(name.lower()[:3])


@dataclass(frozen=True)
class DateMatch:
    form: str
    start: int
    end: int
    readings: tuple[date, ...]  # one, or two for a numeric date that reads both ways
    weekday_mismatch: bool = False  # the weekday written fits no reading

    def snippet(self, text: str) -> str:
        return text[self.start : self.end].strip()


def readings_of(form: str, match: re.Match) -> tuple[tuple[date, ...], bool]:
    """The dates a match can mean, and whether a written weekday ruled every reading out."""
    if form == "cjk":
        year, month, day = (int(ascii_digits(match[g])) for g in ("year", "mnum", "day"))
        return tuple(d for d in [safe_date(year, month, day)] if d), False
    year = int(match["year"])
    if form == "numeric":
        a, b = int(match["a"]), int(match["b"])
        options = [safe_date(year, a, b), safe_date(year, b, a)]  # month-first, day-first
    else:
        month = int(match["mnum"]) if form == "iso" else month_of(match)
        options = [safe_date(year, month, int(match["day"]))] if month else []
    found = [d for d in dict.fromkeys(options) if d]
    weekday = match["weekday"]
    if weekday:
        fitting = [d for d in found if d.weekday() == weekday_number(weekday)]
        return tuple(fitting), bool(found) and not fitting
    return tuple(found), False


_YEAR = re.compile(rf"(?<!\d){YEAR_DIGITS}(?!\d)")
# _YEAR with the check for a digit before the year made after its first digit: a pattern that
# starts with a lookbehind makes the regex engine try every position of the text, one that
# starts with "1" or "2" lets it skip ahead to those. `(?<!\dX)` just after X is `(?<!\d)`
# just before it.
_FAST_YEAR = re.compile(r"(?:1(?<!\d1)[89]|2(?<!\d2)[01])\d\d(?!\d)")
assert YEAR_DIGITS == r"(?:1[89]|2[01])\d\d"  # what _FAST_YEAR spells out
_BEFORE_YEAR = 60  # "Thursday, September 25th, " or "13 de noviembre de " put this much before a year


def year_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text that hold a four-digit year: every full date has one, so the date
    patterns only run there instead of at every position of a long article."""
    windows: list[tuple[int, int]] = []
    for match in _FAST_YEAR.finditer(text):
        start, end = max(0, match.start() - _BEFORE_YEAR), match.end()
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    # Year-first dates run past their year ("2024-01-18", "2025년 7월 23일"): extend each window.
    return [(start, min(len(text), end + 12)) for start, end in windows]


class _Spans:
    """Non-overlapping spans kept sorted, so testing a new one for overlap is a bisection, not a
    scan: a page of many dates stays linear-logarithmic."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Only the last span starting before `end` can overlap: the spans do not overlap each other.
        index = bisect_left(self.starts, end)
        return index > 0 and self.ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def find_full_dates(text: str) -> list[DateMatch]:
    """Every date with a year in `text`, in reading order (a weekday that fits no reading, or an
    impossible day, gives a match with no readings)."""
    if "年" in text or "년" in text:
        text = ascii_digits(text)  # same length: offsets still point into the caller's text
    found: list[DateMatch] = []
    taken = _Spans()
    windows = year_windows(text)
    for form, pattern in full_date_forms():
        for match in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            if taken.overlaps(*match.span()):
                continue
            if form in ("month_day_year", "day_month_year") and month_of(match) is None:
                continue  # "percent 15, 2024": a word that is not a month
            taken.add(*match.span())
            readings, mismatch = readings_of(form, match)
            found.append(DateMatch(form, match.start(), match.end(), readings, mismatch))
    return sorted(found, key=lambda m: m.start)


def bare_years(text: str) -> list[tuple[int, int]]:
    """(year, position) of every four-digit year in the text."""
    return [(int(m.group(0)), m.start()) for m in _FAST_YEAR.finditer(text)]


# A line that holds a date (or time) and nothing else, bar a label: the furniture rule in
# lib/annotate/cleaning.py removes such lines from the clean text.
DATE_LINE = re.compile(
    r"^\s*(?:(?:published|posted|updated|last updated|date)(?:\s+on)?\s*:?\s*)?"
    r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*[-–—,|]?\s*)?"  # "09:30 JST, March 3, 2024"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?"
    r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?\s?,? \d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?,? \d{4})"
    r"(?:\s*[-–—,|]?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}){0,2})?\s*$",
    re.IGNORECASE,
)
