"""Publication dates: gather every date candidate in an article, then choose by evidence.

Candidates and where they stand matter more than their format:
- a labelled date ("date 2024-01-18", "Published on March 3, 2025") names the publication date;
- a date alone near the top of a page is usually the publication date, but may be the crawl date;
- a wire dateline ("Tokyo, Nov. 6 (Jiji Press)--") has no year: it takes the year of a date nearby;
- dates inside the body are events ("the summit on Feb. 7, 2025"): evidence, never the answer
  unless the named sitting prime minister contradicts every better candidate.
An ambiguous numeric date (11/07/2024) keeps both readings until evidence in the same article
picks one; with no evidence it is dropped with a warning, never guessed by locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from lib.annotate.cleaning import furniture_rule

# Years 1800-2199 are read, so a date outside the plausible window is noticed and refused with a
# warning rather than passed over unseen.
_YEAR_DIGITS = r"(?:1[89]|2[01])\d\d"
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_FORMATS = (
    ("iso", re.compile(rf"{_WEEKDAY}\b(?P<year>{_YEAR_DIGITS})-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})\b", re.I)),
    ("numeric", re.compile(rf"{_WEEKDAY}\b(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<year>{_YEAR_DIGITS})\b", re.I)),
    (
        "month_day_year",
        re.compile(rf"{_WEEKDAY}\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{_YEAR_DIGITS})\b", re.I),
    ),
    (
        "day_month_year",
        re.compile(rf"{_WEEKDAY}\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>{_YEAR_DIGITS})\b", re.I),
    ),
)
# "Tokyo, Nov. 6 (Jiji Press)--", "TOKYO, March 3 (Reuters) -"
DATELINE = re.compile(
    rf"^(?P<city>[A-Z][A-Za-z .'-]{{1,30}}),\s+{_MONTH}\s+(?P<day>\d{{1,2}})\s*\((?P<agency>[^)]{{2,40}})\)\s*(?:--|—|–|-|:)",
    re.I | re.M,
)
_LABEL = re.compile(
    r"\b(?P<label>date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*$",
    re.I,
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

HEADER_LINES = 4  # a date among the first lines of a page is a header date
HEADER_LINE_WORDS = 8  # ...if it (nearly) stands alone: "Thu, 11/07/2024 - 00:35", not prose
CONSISTENT_DAYS = 3  # header and dateline this close agree (wires file the day before)
EVIDENCE_DAYS = 10  # a reading this close to other evidence is supported by it
# The window of plausible publication dates: the news archives this tool reads start in the 1990s,
# and a page may be dated a day or two ahead of the reader's clock by time zones. A date outside it
# is never taken as the publication date.
EARLIEST = date(1990, 1, 1)
LATEST_AHEAD_DAYS = 2


@dataclass(frozen=True)
class DateCandidate:
    readings: tuple[date, ...]  # one, or two for an ambiguous numeric date
    kind: str  # "labelled", "header", "dateline", "body", "updated"
    evidence: str
    position: int

    @property
    def day(self) -> date | None:
        return self.readings[0] if len(self.readings) == 1 else None


@dataclass(frozen=True)
class DateChoice:
    published: date | None
    basis: str  # "metadata", "text", "none"
    evidence: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


def latest_plausible() -> date:
    return date.today() + timedelta(days=LATEST_AHEAD_DAYS)


def plausible(day: date) -> bool:
    """Inside the window of publication dates (EARLIEST to today + LATEST_AHEAD_DAYS)."""
    return EARLIEST <= day <= latest_plausible()


def outside_window(evidence: str) -> str:
    """The warning for a date that is outside the window."""
    return (
        f"date '{evidence}' is outside {EARLIEST.isoformat()} to {latest_plausible().isoformat()}:"
        " not taken as the publication date"
    )


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_ok(day: date, weekday: str | None) -> bool:
    return weekday is None or _WEEKDAYS.index(weekday.lower()[:3]) == day.weekday()


def _readings(fmt: str, match: re.Match) -> tuple[date, ...]:
    year = int(match["year"])
    if fmt == "numeric":
        a, b = int(match["a"]), int(match["b"])
        options = [_safe_date(year, a, b), _safe_date(year, b, a)]  # month-first, day-first
    else:
        month = int(match["mnum"]) if fmt == "iso" else month_number(match["month"])
        options = [_safe_date(year, month, int(match["day"]))]
    weekday = match["weekday"]
    found = [d for d in dict.fromkeys(options) if d and _weekday_ok(d, weekday)]
    return tuple(found)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_rest(text: str, match: re.Match) -> str:
    """The rest of the match's line: a date in a sentence of the lead is an event, not a header."""
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    return text[_line_start(text, match.start()) : match.start()] + text[match.end() : line_end]


def _kind(text: str, match: re.Match, header_end: int, label: re.Match | None) -> str:
    if label:
        return "updated" if "updated" in label["label"].lower() else "labelled"
    if match.start() < header_end and len(_line_rest(text, match).split()) <= HEADER_LINE_WORDS:
        return "header"
    return "body"


def _header_end(text: str) -> int:
    """Offset where the page's header zone ends: at its first long paragraph, or after a few
    lines that are not site furniture (menus and share lines above a date do not push it out)."""
    seen, offset = 0, 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if not line.strip():
            continue
        if len(line.split()) > 25:
            return offset
        if furniture_rule(line) in (None, "date line"):
            seen += 1
            if seen >= HEADER_LINES:
                return offset
    return offset


_YEAR = re.compile(rf"(?<!\d){_YEAR_DIGITS}(?!\d)")
# _YEAR with the check for a digit before the year made after its first digit: a pattern that
# starts with a lookbehind makes the regex engine try every position of the text, one that
# starts with "1" or "2" lets it skip ahead to those. `(?<!\dX)` just after X is `(?<!\d)`
# just before it.
_FAST_YEAR = re.compile(r"(?:1(?<!\d1)[89]|2(?<!\d2)[01])\d\d(?!\d)")
assert _YEAR_DIGITS == r"(?:1[89]|2[01])\d\d"  # what _FAST_YEAR spells out
_BEFORE_YEAR = 45  # "Thursday, September 25th, " is the longest stretch a date puts before its year


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text that end with a four-digit year: every full date has one, so the date
    patterns only run there instead of at every position of a long article."""
    windows: list[tuple[int, int]] = []
    for match in _FAST_YEAR.finditer(text):
        start, end = max(0, match.start() - _BEFORE_YEAR), match.end()
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    # ISO dates run past their year ("2024-01-18"): extend each window by the month and day.
    return [(start, min(len(text), end + 6)) for start, end in windows]


def _label(text: str, match: re.Match) -> re.Match | None:
    """A label just before the date on its line: "Published on", "Updated:"..."""
    return _LABEL.search(text[max(_line_start(text, match.start()), match.start() - 30) : match.start()])


def find_date_candidates(text: str, outside: list[str] | None = None) -> list[DateCandidate]:
    """Every full date (with a year) and every wire dateline in `text`, in reading order.

    Dates outside the plausible window are left out; with `outside`, those that stand where a
    publication date would (a header or labelled date) are added to it, for a warning.
    """
    header_end = min(_header_end(text), 1200)
    candidates: list[DateCandidate] = []
    taken: list[tuple[int, int]] = []
    windows = _year_windows(text)
    for fmt, pattern in _FORMATS:
        for match in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found = _readings(fmt, match)
            readings = tuple(d for d in found if plausible(d))
            if not readings:
                if found and outside is not None and _kind(text, match, header_end, _label(text, match)) != "body":
                    outside.append(match.group(0).strip())
                continue
            taken.append((match.start(), match.end()))
            label = _label(text, match)
            evidence = (f"{label['label']} " if label else "") + match.group(0).strip()
            candidates.append(DateCandidate(readings, _kind(text, match, header_end, label), evidence, match.start()))
    for match in DATELINE.finditer(text):
        month = month_number(match["month"])
        year = _nearby_year(candidates, match.start())
        if year is None:
            continue
        day = _safe_date(year, month, int(match["day"]))
        latest = _latest_possible(candidates, match.start())
        if day and latest and day > latest + timedelta(days=CONSISTENT_DAYS):
            # "Tokyo, Dec. 31" under a page dated Jan. 2: the dateline's year is the one before.
            day = _safe_date(year - 1, month, int(match["day"]))
        if day is None or not plausible(day):
            continue
        candidates.append(DateCandidate((day,), "dateline", match.group(0).rstrip("-—–: "), match.start()))
    return sorted(candidates, key=lambda c: c.position)


def _nearby_year(candidates: list[DateCandidate], position: int) -> int | None:
    """The year of the closest full date: a dateline has no year of its own."""
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: abs(c.position - position))
    years = {d.year for d in nearest.readings}
    return years.pop() if len(years) == 1 else None


def _latest_possible(candidates: list[DateCandidate], position: int) -> date | None:
    """A page's header or labelled date above a dateline is its publication or crawl date: the
    story cannot have been filed after it."""
    above = [
        c.day for c in candidates if c.day and c.position < position and c.kind in ("header", "labelled", "updated")
    ]
    return min(above, default=None)


def _closest_gap(day: date, others: list[date]) -> int | None:
    return min((abs((day - o).days) for o in others), default=None)


def resolve_ambiguous(
    candidate: DateCandidate, evidence: list[date], sitting_pm: str, pm_on
) -> tuple[DateCandidate | None, str | None]:
    """Pick one reading of an ambiguous numeric date by evidence in the same article."""
    if len(candidate.readings) == 1:
        return candidate, None
    supported = [
        d for d in candidate.readings if (gap := _closest_gap(d, evidence)) is not None and gap <= EVIDENCE_DAYS
    ]
    if len(supported) != 1 and sitting_pm:
        supported = [d for d in candidate.readings if pm_on(d) == sitting_pm]
    readings = " or ".join(d.isoformat() for d in candidate.readings)
    if len(supported) == 1:
        return replace(candidate, readings=(supported[0],)), None
    return None, (
        f"ambiguous date '{candidate.evidence}' ({readings}) and nothing in the article decides"
        " between them: left undated"
    )


_PRIORITY = {"labelled": 0, "header": 1, "dateline": 2, "updated": 3}


def choose_text_date(text: str, *, sitting_pm: str = "", pm_on=None) -> DateChoice:
    """Choose the publication date from the text alone (see the module docstring)."""
    outside: list[str] = []
    candidates = find_date_candidates(text, outside)
    warnings = [outside_window(evidence) for evidence in outside]
    evidence = [c.day for c in candidates if c.day and c.kind in ("dateline", "labelled", "header")]
    resolved: list[DateCandidate] = []
    for candidate in candidates:
        chosen, warning = resolve_ambiguous(candidate, evidence, sitting_pm, pm_on or (lambda d: ""))
        if warning and candidate.kind != "body":
            warnings.append(warning)
        if chosen:
            resolved.append(chosen)
    primary = sorted((c for c in resolved if c.kind in _PRIORITY), key=lambda c: (_PRIORITY[c.kind], c.position))
    if not primary:
        return DateChoice(None, "none", "", tuple(warnings))
    best = primary[0]
    datelines = [c for c in primary if c.kind == "dateline"]
    if best.kind == "header" and datelines:
        gap = abs((best.day - datelines[0].day).days)
        if gap > CONSISTENT_DAYS:
            warnings.append(
                f"date at the top of the page '{best.evidence}' is {gap} days from the dateline"
                f" '{datelines[0].evidence}': it looks like a crawl date, used the dateline"
            )
            best = datelines[0]
    return DateChoice(best.day, "text", best.evidence, tuple(warnings))


def dates_consistent_with_pm(text: str, surname: str, pm_on) -> list[DateCandidate]:
    """Unambiguous dates anywhere in the text during `surname`'s time in office."""
    return [
        c for c in find_date_candidates(text) if any(pm_on(d) == surname for d in c.readings) and len(c.readings) == 1
    ]


def parse_metadata_date(value: object) -> date | None:
    """A date from a CSV/JSON/HTML field: ISO, RFC 2822, or the text formats above; None when
    unreadable or outside the plausible window (see `date_field_problem` for the reason)."""
    day = _read_metadata_date(value)
    return day if day is not None and plausible(day) else None


def date_field_problem(value: object) -> str:
    """Why a metadata date field gave no publication date: the warning for the article."""
    day = _read_metadata_date(value)
    if day is not None and not plausible(day):
        return outside_window(f"{value}") + f" (read as {day.isoformat()})"
    return f"date field '{value}' is not a date this tool can read"


def _read_metadata_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    if not raw:
        return None
    iso = re.match(rf"^({_YEAR_DIGITS})-(\d\d)-(\d\d)", raw)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    if re.fullmatch(r"\d{10}(?:\.\d+)?|\d{13}", raw):  # Unix seconds or milliseconds
        return date(1970, 1, 1) + timedelta(seconds=int(raw[:10]))
    for fmt, pattern in _FORMATS:
        match = pattern.search(raw)
        if match:
            readings = _readings(fmt, match)
            return readings[0] if len(readings) == 1 else None
    return None
