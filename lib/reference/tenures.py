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
    # The name in Japanese script, family name first ("石破茂"), and the family name alone ("石破").
    native_name: str = ""
    native_surname: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.surname}"

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def days_in_office(self, until: date) -> int:
        """Days of this term up to `until` (for terms still running)."""
        last = self.end or until
        return max((last - self.start).days, 1)


# Each PM is counted from the day the Diet elected them and the cabinet was formed: on a handover
# day the new PM is in office (2025-10-21 is Takaichi's). Read as inclusive end dates, a term ends
# the day before its successor's `start` (Abe 2012-12-26..2020-09-15; Suga from 2020-09-16).
# PM colours avoid the topic colours (blue, green, red, purple) so no chart can confuse them.
# Pre-2000 surnames are common ones (Hashimoto, Obuchi, Hata...): only read with a full name or title.
JAPAN_PRIME_MINISTERS: tuple[Term, ...] = (
    Term("Takeshita", "Noboru", date(1987, 11, 6), date(1989, 6, 3), "#d9d9d9", False, "竹下登", "竹下"),
    Term("Uno", "Sosuke", date(1989, 6, 3), date(1989, 8, 10), "#cccccc", False, "宇野宗佑", "宇野"),
    Term("Kaifu", "Toshiki", date(1989, 8, 10), date(1991, 11, 5), "#bdbdbd", False, "海部俊樹", "海部"),
    Term("Miyazawa", "Kiichi", date(1991, 11, 5), date(1993, 8, 9), "#969696", False, "宮澤喜一", "宮澤"),
    Term("Hosokawa", "Morihiro", date(1993, 8, 9), date(1994, 4, 28), "#737373", False, "細川護熙", "細川"),
    Term("Hata", "Tsutomu", date(1994, 4, 28), date(1994, 6, 30), "#a6a6a6", False, "羽田孜", "羽田"),
    Term("Murayama", "Tomiichi", date(1994, 6, 30), date(1996, 1, 11), "#8c8c8c", False, "村山富市", "村山"),
    Term("Hashimoto", "Ryutaro", date(1996, 1, 11), date(1998, 7, 30), "#c7c7c7", False, "橋本龍太郎", "橋本"),
    Term("Obuchi", "Keizo", date(1998, 7, 30), date(2000, 4, 5), "#9e9e9e", False, "小渕恵三", "小渕"),
    Term("Mori", "Yoshiro", date(2000, 4, 5), date(2001, 4, 26), "#b3b3b3", False, "森喜朗", ""),
    Term("Koizumi", "Junichiro", date(2001, 4, 26), date(2006, 9, 26), "#8c6d31", False, "小泉純一郎", ""),
    Term("Abe", "Shinzo", date(2006, 9, 26), date(2007, 9, 26), "#e6ab02", True, "安倍晋三", "安倍"),
    Term("Fukuda", "Yasuo", date(2007, 9, 26), date(2008, 9, 24), "#a6761d", False, "福田康夫", ""),
    Term("Aso", "Taro", date(2008, 9, 24), date(2009, 9, 16), "#7f7f7f", True, "麻生太郎", "麻生"),
    Term("Hatoyama", "Yukio", date(2009, 9, 16), date(2010, 6, 8), "#17becf", True, "鳩山由紀夫", "鳩山"),
    Term("Kan", "Naoto", date(2010, 6, 8), date(2011, 9, 2), "#bcbd22", False, "菅直人", ""),
    Term("Noda", "Yoshihiko", date(2011, 9, 2), date(2012, 12, 26), "#c49c94", False, "野田佳彦", ""),
    Term("Abe", "Shinzo", date(2012, 12, 26), date(2020, 9, 16), "#e6ab02", True, "安倍晋三", "安倍"),
    Term("Suga", "Yoshihide", date(2020, 9, 16), date(2021, 10, 4), "#fdbf6f", True, "菅義偉", ""),
    Term("Kishida", "Fumio", date(2021, 10, 4), date(2024, 10, 1), "#8c564b", True, "岸田文雄", "岸田"),
    Term("Ishiba", "Shigeru", date(2024, 10, 1), date(2025, 10, 21), "#ff7f0e", True, "石破茂", "石破"),
    Term("Takaichi", "Sanae", date(2025, 10, 21), None, "#e7298a", True, "高市早苗", "高市"),
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
