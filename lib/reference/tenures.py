"""Who held office when: Japan's prime ministers and US presidents, declared once as data.

Dates are the days the office changed hands (the new holder is counted from that day).
`end=None` means still in office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Term:
    surname: str
    given_name: str
    start: date
    end: date | None
    colour: str
    # A bare surname is only taken as this person when it is distinctive in Japan-US coverage.
    # "Koizumi" may be his son Shinjiro, "Kan" and "Noda" are common words or other politicians.
    bare_surname_identifies: bool = True

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.surname}"

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def days_in_office(self, until: date) -> int:
        """Days of this term up to `until` (for terms still running)."""
        last = self.end or until
        return max((last - self.start).days, 1)


# PM colours avoid the topic colours (blue, green, red, purple) so no chart can confuse them.
JAPAN_PRIME_MINISTERS: tuple[Term, ...] = (
    Term("Mori", "Yoshiro", date(2000, 4, 5), date(2001, 4, 26), "#b3b3b3", False),
    Term("Koizumi", "Junichiro", date(2001, 4, 26), date(2006, 9, 26), "#8c6d31", False),
    Term("Abe", "Shinzo", date(2006, 9, 26), date(2007, 9, 26), "#e6ab02"),
    Term("Fukuda", "Yasuo", date(2007, 9, 26), date(2008, 9, 24), "#a6761d", False),
    Term("Aso", "Taro", date(2008, 9, 24), date(2009, 9, 16), "#7f7f7f"),
    Term("Hatoyama", "Yukio", date(2009, 9, 16), date(2010, 6, 8), "#17becf"),
    Term("Kan", "Naoto", date(2010, 6, 8), date(2011, 9, 2), "#bcbd22", False),
    Term("Noda", "Yoshihiko", date(2011, 9, 2), date(2012, 12, 26), "#c49c94", False),
    Term("Abe", "Shinzo", date(2012, 12, 26), date(2020, 9, 16), "#e6ab02"),
    Term("Suga", "Yoshihide", date(2020, 9, 16), date(2021, 10, 4), "#fdbf6f"),
    Term("Kishida", "Fumio", date(2021, 10, 4), date(2024, 10, 1), "#8c564b"),
    Term("Ishiba", "Shigeru", date(2024, 10, 1), date(2025, 10, 21), "#ff7f0e"),
    Term("Takaichi", "Sanae", date(2025, 10, 21), None, "#e7298a"),
)

US_PRESIDENTS: tuple[Term, ...] = (
    Term("Clinton", "Bill", date(1993, 1, 20), date(2001, 1, 20), "#9ecae1"),
    Term("Bush", "George W.", date(2001, 1, 20), date(2009, 1, 20), "#fdae6b"),
    Term("Obama", "Barack", date(2009, 1, 20), date(2017, 1, 20), "#9ecae1"),
    Term("Trump", "Donald", date(2017, 1, 20), date(2021, 1, 20), "#fdae6b"),
    Term("Biden", "Joe", date(2021, 1, 20), date(2025, 1, 20), "#9ecae1"),
    Term("Trump", "Donald", date(2025, 1, 20), None, "#fdae6b"),
)

# Surnames in order of first taking office, each once (Abe served twice).
PM_SURNAMES: tuple[str, ...] = tuple(dict.fromkeys(t.surname for t in JAPAN_PRIME_MINISTERS))


def term_on(terms: tuple[Term, ...], day: date | None) -> Term | None:
    if day is None:
        return None
    return next((term for term in terms if term.covers(day)), None)


def pm_on(day: date | None) -> str:
    """Surname of Japan's prime minister in office on `day`, or "" if unknown."""
    term = term_on(JAPAN_PRIME_MINISTERS, day)
    return term.surname if term else ""


def us_president_on(day: date | None) -> str:
    term = term_on(US_PRESIDENTS, day)
    return term.surname if term else ""


def pm_terms(surname: str) -> tuple[Term, ...]:
    return tuple(t for t in JAPAN_PRIME_MINISTERS if t.surname == surname)


def pm_colour(surname: str) -> str:
    terms = pm_terms(surname)
    return terms[0].colour if terms else "#7f7f7f"


def pm_days_in_office(surname: str, until: date) -> int:
    """Total days in office across all of a PM's terms, counted up to `until`."""
    return sum(t.days_in_office(until) for t in pm_terms(surname) if t.start <= until)
