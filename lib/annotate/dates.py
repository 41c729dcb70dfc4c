"""Publication dates: gather every date candidate in an article, score each by its evidence, and
take the best one, or none when nothing is good enough. Never invent a date.

What a candidate is worth depends on where it stands and what agrees with it, not on its format
(the formats are read by lib/annotate/date_grammar.py):

- a labelled date ("Published: March 3, 2025", "Posted : Friday, 5 May, 2023 at 10:00 PM");
- a timestamp or byline line anywhere on the page ("FP News Desk • October 26, 2025, 06:37",
  "Thursday, 04 September 2025 05:18 PM EDT", a date alone on its line after the menus);
- a dateline, with its year ("Tokyo, October 28, 2025 –") or without it ("MOSCOW, March 3.
  /TASS/.", "Tokyo, Nov. 6 (Jiji Press)--"): a year-less dateline takes its year from evidence
  elsewhere in the page, and gives no date when the page names no year at all;
- the corpus date line (" date 2025-10-28" at the very top of some texts): a date the page was
  given, used when nothing in the text contradicts it; a month-only one gives no date;
- a date opening the lead ("2025年7月23日、…");
- an "Updated" date, when there is nothing better;
- a date in a caption or the body is an event: evidence only, taken only when the lead's
  weekday ("pledged Friday") is that date's weekday and nothing better exists.

Agreement between candidates adds to a score; the sitting prime minister the text names takes
from a date that falls in another PM's term. Never taken: relative ages ("4 hours ago"), ©
years, weather or clock widgets, month-only dates, a weekday without a date.
An ambiguous numeric date (11/07/2024) keeps both readings until evidence in the same article
picks one (another numeric date on the page with a part over 12, a nearby date, the sitting PM);
with no evidence it is dropped with a warning, never guessed by locale.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from lib.annotate.date_grammar import (
    WEEKDAYS,
    DateMatch,
    bare_years,
    find_full_dates,
    full_date_forms,
    month_names,
    month_number,
    readings_of,
    safe_date,
    time_after,
    time_before,
    yearless_datelines,
)

__all__ = [
    "DateCandidate",
    "DateChoice",
    "choose_text_date",
    "corpus_date",
    "date_field_problem",
    "dates_consistent_with_pm",
    "find_date_candidates",
    "month_number",
    "parse_metadata_date",
    "plausible",
    "resolve_ambiguous",
]

# The window of plausible publication dates: the news archives this tool reads start in the 1990s,
# and a page may be dated a day or two ahead of the reader's clock by time zones. A date outside it
# is never taken as the publication date.
EARLIEST = date(1990, 1, 1)
LATEST_AHEAD_DAYS = 2

CONSISTENT_DAYS = 3  # a top-of-page date and a dateline this close agree (wires file the day before)
EVIDENCE_DAYS = 10  # a reading this close to other evidence is supported by it
AGREE_DAYS = 1  # candidates this close agree with each other
HEAD_CHARS = 1500  # where a lead's weekdays are looked for
AGREEMENT_CHARS = 800  # where a caption or lead date that a weekday agrees with must stand
STANDALONE_WORDS = 6  # a date line anywhere: the date with at most this many other words
TIMESTAMP_WORDS = 12  # ...or this many when a time of day is written with the date
# A date's kind is read from its own line. A line longer than this is prose, whatever else it
# holds: its dates are body dates, read from a window around them, so a page that is one long
# line of dates costs linear time, not line length times dates.
LONG_LINE = 600
CONTEXT = 120  # characters each side of a date read in a long line
# Dates are looked for in the first this-many characters: a publication date stands at the top,
# news articles are far shorter, and a hostile text of a million dates stays cheap.
DATE_SCAN_CHARS = 100_000
# A labelled date line ("Published: ...", "Posted on ...") with a digit in it, within the page's
# head: where one reads no date, the page says why it is undated.
HEAD_DATE_LINE_CHARS = 5_000
_LABELLED_DATE_LINE = re.compile(
    r"^[ \t]*(?:published|posted|updated|last updated|date)\b(?:[ \t]+on)?[ \t]*:?[^\n]{0,60}?\d[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE,
)
# What makes such a line a date at all: a number of three or more digits that is not a time
# ("10:30"), or a numeric day/month/year. "Updated 2 hours ago" is an age, not a date.
_YEAR_LIKE = re.compile(r"(?<![\d:])\d{3,}(?![\d:])|\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,}\b")

# What each kind of candidate is worth on its own. A choice needs TAKEN points.
SCORES = {
    "labelled": 100,
    "timestamp": 90,
    "dateline": 90,
    "corpus date": 80,
    "year-less dateline": 70,
    "lead": 60,
    "updated": 55,
    "weekday agreement": 45,
    "caption": 0,
    "body": 0,
}
TAKEN = 40
AGREEMENT_POINTS = 5  # per other candidate that agrees, up to AGREEMENT_CAP
AGREEMENT_CAP = 15
PM_CONFLICT_POINTS = 45  # a date in another PM's term than the sitting PM the text names
WEEKDAY_CONFLICT_POINTS = 45  # the lead reports an event of the day after the corpus date

# A label just before a date on its line. "Updated" is weaker: the page may be older.
_LABEL = re.compile(
    r"\b(?P<label>(?:date|published|posted|created|publication\s+date|first\s+published|released"
    r"|(?:last\s+)?updated|modified)(?:\s+(?:on|at|time))?)\s*:?\s*$",
    re.I,
)
# Photo captions and credits: a date in one is the day of the picture, not of the article.
_CAPTION = re.compile(
    r"\b(?:AP Photo|AFP|Getty Images|Reuters/|File Photo|FILE|photo(?:graph)?|pictured|Pool|Photo:"
    r"|Fotografía|Foto|Bild|Image|courtesy|Xinhua/|Kyodo\)\s*$)",
    re.I,
)
# Weather and clock widgets: a page-render date sits next to them.
_WIDGET = re.compile(r"^\s*-?\d{1,3}(?:\.\d)?\s*°?\s*[FC]\s*$|\b(?:sunny|cloudy|rain|showers|humidity|weather)\b", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}", re.I)
# " date 2025-10-28 ..." (or " date 2025-07", a month only): the corpus's first line.
_CORPUS_DATE = re.compile(r"\A\s*date\s+(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?(?=\s|$)", re.I)
# What follows a date in a dateline: "– ", "(EIRNS)—", "]", ":", "/TASS/.", "Tokyo:".
_DATELINE_AFTER = re.compile(
    r"^\s*[)\]]?\.?\s*(?:\([^)\n]{2,40}\)\s*[:–—-]*|/[A-Z]{2,}/|[:–—|\]]|-{1,2}(?!\d)"
    r"|[A-Z][A-Za-z]+(?:\s\[[^\]\n]{2,20}\])?\s*[:–—])"
)
# What may stand before a dateline's date: "Tokyo, ", "Washington [US], ", "Epoch Times, ",
# "CaliToday (" — a few capitalised words, not a sentence.
_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][\w.'’&-]*\s*(?:\[[^\]\n]{2,20}\])?[,\s]*){0,4}\(?\s*$")
# "...signed on May 28, 2023.": a preposition before a date makes it part of a sentence.
_IN_A_SENTENCE = re.compile(
    r"\b(?:on|in|since|by|until|till|from|after|before|of|at|to|el|la|le|de|del|du|au|am|vom|bis)\s*$", re.I
)
_CITY_AFTER = re.compile(r"^\s*[A-Z][A-Za-z]+\s*[:–—]")
_LEAD_AFTER = re.compile(r"^\s*[、,，]")
# A past event on a weekday: "said Friday", "announced on Tuesday".
_PAST_WEEKDAY = re.compile(
    r"\b(?:said|says|told|announced|met|signed|approved|agreed|unveiled|held|reported|pledged|declared"
    r"|confirmed|called|spoke|warned|urged|vowed|stated)\s+(?:on\s+)?(?P<weekday>"
    + "|".join(w.capitalize() for w in WEEKDAYS)
    + r")\b"
)


@dataclass(frozen=True)
class DateCandidate:
    readings: tuple[date, ...]  # one, or two for an ambiguous numeric date
    # "corpus date", "labelled", "updated", "timestamp", "dateline", "year-less dateline",
    # "lead", "weekday agreement", "caption", "body"
    kind: str
    evidence: str
    position: int

    @property
    def day(self) -> date | None:
        return self.readings[0] if len(self.readings) == 1 else None


@dataclass(frozen=True)
class DateChoice:
    published: date | None
    basis: str  # "metadata", "text", "none"
    evidence: str = ""  # "<kind>: <snippet>" for a date from the text
    warnings: tuple[str, ...] = field(default_factory=tuple)
    kind: str = ""  # the kind of candidate that won (see DateCandidate.kind)


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


def not_a_day(evidence: str) -> str:
    """The warning for a date that names no real day (or a weekday that does not fit it)."""
    return f"date '{evidence}' is not a real day (or its weekday does not fit): not taken as the publication date"


def unreadable_date_lines(text: str, candidates: list[DateCandidate]) -> list[str]:
    """Warnings for lines in the page's head labelled as its date ("Published ...", "Posted on
    ...") where no date was read: a year this tool does not read (before 1800, after 2199) or a
    form it does not know. Without this such a page is silently undated."""
    head = text[:HEAD_DATE_LINE_CHARS]
    read = [c.position for c in candidates]
    warnings = []
    for line in _LABELLED_DATE_LINE.finditer(head):
        if any(line.start() <= position < line.end() for position in read) or find_full_dates(line.group(0)):
            continue  # a date was read here, or refused with its own warning
        if _YEAR_LIKE.search(line.group(0)):
            warnings.append(
                f"date line '{line.group(0).strip()[:80]}' holds no date this tool can read"
                " (a year before 1800 or after 2199, or a form it does not know): not taken"
            )
    return warnings


# --- the page's lines ---------------------------------------------------------------------------


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(text: str) -> int:
    """Words of letters (numbers are not words here); in CJK script about two characters make one."""
    cjk = len(_CJK.findall(text)) if text and not text.isascii() else 0
    return len(re.findall(r"[^\W\d_]+", text)) - (1 if cjk else 0) + cjk // 2


def corpus_date(text: str) -> tuple[date | None, int]:
    """The corpus date line's date (None for a month-only or impossible one) and where the page's
    own text starts after it (0 when there is no such line)."""
    match = _CORPUS_DATE.match(text)
    if not match:
        return None, 0
    if match["day"] is None:
        return None, match.end()
    return safe_date(int(match["year"]), int(match["month"]), int(match["day"])), match.end()


def _near_widget(text: str, start: int, end: int) -> bool:
    """A weather or clock widget on the lines around a date: the date is the page's render date."""
    before = text[max(0, start - 80) : start].split("\n")[-3:]
    after = text[end : end + 80].split("\n")[:3]
    return any(_WIDGET.search(line) for line in (*before, *after) if len(line) < 40)


def _kind(text: str, match: DateMatch, text_start: int) -> tuple[str, str]:
    """The kind of a full date and the snippet that shows it (label and time included)."""
    line_start, line_end = _line_bounds(text, match.start)
    line_start = max(line_start, text_start)
    start = time_before(text, match.start)
    end = time_after(text, match.end)
    timed = start < match.start or end > match.end or match.form == "iso" and text[match.end : match.end + 1] == "T"
    label = _LABEL.search(text[max(line_start, start - 40) : start])
    snippet = text[start:end].strip()
    if label:
        kind = "updated" if re.search(r"updated|modified", label["label"], re.I) else "labelled"
        return kind, f"{label['label']} {snippet}"
    if line_end - line_start > LONG_LINE:
        window = text[max(line_start, start - CONTEXT) : min(line_end, end + CONTEXT)]
        return ("caption" if _CAPTION.search(window) else "body"), snippet
    before, after = text[line_start:start], text[end:line_end]
    line = text[line_start:line_end]
    rest = _words(before) + _words(after)
    if _near_widget(text, line_start, line_end):
        return "body", snippet  # a widget's date: no better than an event date
    if _IN_A_SENTENCE.search(before):
        return ("caption" if _CAPTION.search(line) else "body"), snippet
    if rest and _CAPTION.search(line):  # "File photo taken March 3, 2023", "(AP Photo, Jan. 9, 2023)"
        return "caption", snippet
    if rest <= STANDALONE_WORDS or (timed and rest <= TIMESTAMP_WORDS):
        return "timestamp", (before.strip() + " " + snippet).strip() if rest <= 3 else snippet
    if _DATELINE_AFTER.match(after):
        if _DATELINE_BEFORE.match(before):
            return "dateline", (before.strip() + " " + snippet).strip()
        if _CITY_AFTER.match(after):  # "... World Roundup December 26, 2025 Tokyo: Japan's cabinet"
            return "dateline", snippet
    if not before.strip() and _LEAD_AFTER.match(after):
        return "lead", snippet
    if _CAPTION.search(line):
        return "caption", snippet
    return "body", snippet


def find_date_candidates(
    text: str, untaken: list[str] | None = None, *, sitting_pm: str = "", pm_on: Callable[[date], str] | None = None
) -> list[DateCandidate]:
    """Every full date (with a year) and every wire dateline in `text`, in reading order.

    Dates outside the plausible window, and impossible days ("31/02/2024"), are left out; with
    `untaken`, a warning for each that stands where a publication date would (anything but a
    caption or the body) is added to it.
    The sitting PM named (with `pm_on`) picks a year-less dateline's year among those the page names.
    """
    text = text[:DATE_SCAN_CHARS]
    header, text_start = corpus_date(text)
    candidates: list[DateCandidate] = []
    if header is not None:
        if plausible(header):
            candidates.append(DateCandidate((header,), "corpus date", f"date {header.isoformat()}", 0))
        elif untaken is not None:
            untaken.append(outside_window(f"date {header.isoformat()}"))
    for match in find_full_dates(text):
        if match.start < text_start:
            continue
        kind, evidence = _kind(text, match, text_start)
        readings = tuple(d for d in match.readings if plausible(d))
        if not readings:
            if untaken is not None and kind not in ("caption", "body"):
                snippet = match.snippet(text)
                untaken.append(outside_window(snippet) if match.readings else not_a_day(snippet))
            continue
        candidates.append(DateCandidate(readings, kind, evidence, match.start))
    in_term = (lambda d: pm_on(d) == sitting_pm) if sitting_pm and pm_on else (lambda d: True)
    candidates.extend(_yearless_datelines(text, text_start, candidates, in_term))
    return sorted(candidates, key=lambda c: c.position)


# --- datelines without a year -------------------------------------------------------------------


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether `position` lies in one of the sorted `spans` (their starts given as `starts`).
    Spans may overlap, so the nearest few starting at or before it are checked."""
    index = bisect_right(starts, position)
    return any(s <= position < e for s, e in spans[max(0, index - 8) : index])


def _yearless_datelines(
    text: str, text_start: int, full: list[DateCandidate], in_term: Callable[[date], bool]
) -> list[DateCandidate]:
    found = []
    # Spans of the full dates, in order, searched by bisection: a page of many dates stays linear.
    taken = sorted((c.position, c.position + len(c.evidence)) for c in full)
    starts = [s for s, _ in taken]
    # The corpus date line runs on into the page's first line: its dateline starts at text_start.
    for match in yearless_datelines(text, text_start):
        position = match.start("dateline")
        month_word, day = (match["month"], match["day"]) if match["month"] else (match["month2"], match["day2"])
        month = month_names().get(month_word.lower())
        if month is None or _inside(taken, starts, position):
            continue  # not a month name, or the day and month of a full date
        chosen = _year_for(month, int(day), position, full, text, in_term)
        if chosen is None:
            continue
        evidence = match["dateline"].strip().rstrip("-–—: ")
        found.append(DateCandidate((chosen,), "year-less dateline", evidence, position))
    return found


_STRONG = ("corpus date", "labelled", "timestamp", "dateline", "updated")


def _year_for(
    month: int, day: int, position: int, full: list[DateCandidate], text: str, in_term: Callable[[date], bool]
) -> date | None:
    """The year of a dateline that has none: the reading closest to the page's own date, or to
    the nearest full date; failing those, the one year the page names that is plausible and in
    the term of the sitting PM the text names."""
    references = [c for c in full if c.day]
    strong = [c for c in references if c.kind in _STRONG]
    if references:
        reference = min(strong or references, key=lambda c: abs(c.position - position)).day
        options = [safe_date(reference.year + shift, month, day) for shift in (-1, 0, 1)]
        options = [d for d in options if d and plausible(d)]
        return min(options, key=lambda d: abs((d - reference).days), default=None)
    without_copyright = _COPYRIGHT.sub(" ", text)
    options = {safe_date(year, month, day) for year, _ in bare_years(without_copyright)}
    options = {d for d in options if d and plausible(d) and in_term(d)}
    return options.pop() if len(options) == 1 else None


# --- choosing -----------------------------------------------------------------------------------


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


def _page_order(text: str) -> int | None:
    """0 when the page writes numeric dates month first (a middle part over 12 somewhere),
    1 when day first (a first part over 12), None when it never shows."""
    orders = set()
    for match in full_date_forms()[2][1].finditer(text):
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            orders.add(1)
        elif b > 12 >= a:
            orders.add(0)
        if len(orders) == 2:
            return None  # both orders shown: no need to read further
    return orders.pop() if len(orders) == 1 else None


def _lead_weekdays(text: str, text_start: int) -> set[int]:
    """Weekdays of past events the head of the page reports ("pledged Friday", "approved Wednesday")."""
    head = text[text_start : text_start + HEAD_CHARS]
    return {WEEKDAYS.index(m["weekday"].lower()) for m in _PAST_WEEKDAY.finditer(head)}


def _contradicted_by_lead(text: str, text_start: int, day: date) -> str:
    """The lead reports, in the past tense, an event on the weekday after `day`: the date is early."""
    lead = text[text_start : text_start + 400]
    for match in _PAST_WEEKDAY.finditer(lead):
        if WEEKDAYS.index(match["weekday"].lower()) == (day.weekday() + 1) % 7:
            return match.group(0)
    return ""


@dataclass
class _Scored:
    candidate: DateCandidate
    score: int
    notes: list[str]


def choose_text_date(text: str, *, sitting_pm: str = "", pm_on: Callable[[date], str] | None = None) -> DateChoice:
    """Choose the publication date from the text alone (see the module docstring)."""
    pm_on = pm_on or (lambda d: "")
    warnings: list[str] = []
    candidates = find_date_candidates(text, warnings, sitting_pm=sitting_pm, pm_on=pm_on)
    warnings += unreadable_date_lines(text, candidates)
    _, text_start = corpus_date(text)
    candidates, ambiguity = _resolve_all(text, candidates, sitting_pm, pm_on)
    warnings += ambiguity
    agreement = _Agreement(candidates)
    scored = [_score(text, text_start, c, agreement, sitting_pm, pm_on) for c in candidates]
    if not any(s.score >= TAKEN for s in scored):
        # Nothing dates the page itself: a caption or lead date whose weekday the lead names.
        agreements = _weekday_agreements(text, text_start, candidates)
        scored += [_score(text, text_start, c, agreement, sitting_pm, pm_on) for c in agreements]
    contenders = sorted((s for s in scored if s.score >= TAKEN), key=lambda s: (-s.score, s.candidate.position))
    for s in scored:
        if SCORES[s.candidate.kind] >= TAKEN and s.score < TAKEN:
            warnings.append(f"date '{s.candidate.evidence}' ({s.candidate.kind}) not taken: {'; '.join(s.notes)}")
    if not contenders:
        return DateChoice(None, "none", "", tuple(warnings))
    best = contenders[0].candidate
    best, crawl_warning = _prefer_dateline_to_crawl_date(best, [s.candidate for s in contenders])
    warnings += crawl_warning
    disagreeing = [
        s.candidate
        for s in contenders[1:]
        if s.candidate.kind not in ("updated",) and abs((s.candidate.day - best.day).days) > CONSISTENT_DAYS
    ]
    if disagreeing:
        other = disagreeing[0]
        warnings.append(
            f"the page gives more than one date: used {best.kind} '{best.evidence}',"
            f" not {other.kind} '{other.evidence}'"
        )
    return DateChoice(best.day, "text", f"{best.kind}: {best.evidence}", tuple(warnings), best.kind)


def _resolve_all(text, candidates, sitting_pm, pm_on) -> tuple[list[DateCandidate], list[str]]:
    order = _page_order(text[:DATE_SCAN_CHARS]) if any(len(c.readings) > 1 for c in candidates) else None
    evidence = [c.day for c in candidates if c.day and c.kind != "body" and c.kind != "caption"]
    resolved, warnings = [], []
    for candidate in candidates:
        if len(candidate.readings) == 2 and order is not None:
            candidate = replace(candidate, readings=(candidate.readings[order],))
        chosen, warning = resolve_ambiguous(candidate, evidence, sitting_pm, pm_on)
        if warning and candidate.kind not in ("body", "caption"):
            warnings.append(warning)
        if chosen:
            resolved.append(chosen)
    return resolved, warnings


def _weekday_agreements(text: str, text_start: int, candidates: list[DateCandidate]) -> list[DateCandidate]:
    """A caption or body date near the top whose weekday the lead names ("approved Wednesday")."""
    weekdays = _lead_weekdays(text, text_start)
    return [
        replace(c, kind="weekday agreement")
        for c in candidates
        if c.kind in ("caption", "body") and c.position < text_start + AGREEMENT_CHARS and c.day.weekday() in weekdays
    ]


class _Agreement:
    """How many other candidates (at other places in the text) fall within AGREE_DAYS of a day,
    counted by bisection over their sorted days: a page of many dates stays n log n."""

    def __init__(self, candidates: list[DateCandidate]) -> None:
        self.days = sorted(c.day.toordinal() for c in candidates)
        self.by_position: dict[int, list[int]] = {}
        for c in candidates:
            self.by_position.setdefault(c.position, []).append(c.day.toordinal())

    def count(self, candidate: DateCandidate) -> int:
        day = candidate.day.toordinal()
        near = bisect_right(self.days, day + AGREE_DAYS) - bisect_left(self.days, day - AGREE_DAYS)
        here = sum(abs(d - day) <= AGREE_DAYS for d in self.by_position.get(candidate.position, ()))
        return near - here


def _score(text, text_start, candidate, agreement: _Agreement, sitting_pm, pm_on) -> _Scored:
    score, notes = SCORES[candidate.kind], []
    score += min(AGREEMENT_CAP, AGREEMENT_POINTS * agreement.count(candidate))
    if sitting_pm and pm_on(candidate.day) and pm_on(candidate.day) != sitting_pm:
        score -= PM_CONFLICT_POINTS
        notes.append(f"it falls in {pm_on(candidate.day)}'s term, but the text names {sitting_pm} as sitting PM")
    if candidate.kind == "corpus date" and (event := _contradicted_by_lead(text, text_start, candidate.day)):
        score -= WEEKDAY_CONFLICT_POINTS
        notes.append(f"the text reports '{event}', the day after it")
    return _Scored(candidate, score, notes)


def _prefer_dateline_to_crawl_date(
    best: DateCandidate, contenders: list[DateCandidate]
) -> tuple[DateCandidate, list[str]]:
    """A date at the top of a page far after the story's dateline is the day it was crawled."""
    if best.kind not in ("timestamp", "corpus date"):
        return best, []
    datelines = [c for c in contenders if c.kind in ("dateline", "year-less dateline") and c.position > best.position]
    if not datelines:
        return best, []
    dateline = datelines[0]
    gap = (best.day - dateline.day).days
    if gap <= CONSISTENT_DAYS:
        return best, []
    return dateline, [
        f"date at the top of the page '{best.evidence}' is {gap} days after the dateline"
        f" '{dateline.evidence}': it looks like a crawl date, used the dateline"
    ]


def dates_consistent_with_pm(text: str, surname: str, pm_on) -> list[DateCandidate]:
    """Unambiguous dates anywhere in the text during `surname`'s time in office."""
    return [c for c in find_date_candidates(text) if c.day and pm_on(c.day) == surname]


# --- metadata fields ----------------------------------------------------------------------------


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
    if re.fullmatch(r"\d{10}(?:\.\d+)?|\d{13}", raw):  # Unix seconds or milliseconds
        return date(1970, 1, 1) + timedelta(seconds=int(raw[:10]))
    for form, pattern in full_date_forms():
        match = pattern.search(raw)
        if match:
            readings, _ = readings_of(form, match)
            return readings[0] if len(readings) == 1 else None
    return None
