"""lib/annotate/date_grammar.py: the forms of a full date, a time beside it, and a year-less dateline."""

from __future__ import annotations

from datetime import date

import pytest

from lib.annotate.date_grammar import DATE_LINE, find_full_dates, month_number, yearless_datelines


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        pytest.param("Tuesday 14 March 2023 08:15 GMT", (date(2023, 3, 14),), id="weekday first"),
        pytest.param("Sunday, March 30, 2025", (date(2025, 3, 30),), id="weekday, month day year"),
        pytest.param("Friday, 5 May, 2023", (date(2023, 5, 5),), id="day month comma year"),
        pytest.param("Feb. 9th, 2026", (date(2026, 2, 9),), id="ordinal"),
        pytest.param("March 16 , 2021", (date(2021, 3, 16),), id="space before the comma"),
        pytest.param("2025-02-24T18:36:29", (date(2025, 2, 24),), id="ISO timestamp"),
        pytest.param("2015/05/16", (date(2015, 5, 16),), id="year first with slashes"),
        pytest.param("27-07-2021", (date(2021, 7, 27),), id="day first, part over 12"),
        pytest.param("11/07/2024", (date(2024, 11, 7), date(2024, 7, 11)), id="ambiguous keeps both readings"),
        pytest.param("2023年1月14日", (date(2023, 1, 14),), id="Japanese"),
        pytest.param("２０２５年７月２３日", (date(2025, 7, 23),), id="Japanese, full-width digits"),
        pytest.param("2025년 7월 23일", (date(2025, 7, 23),), id="Korean"),
        pytest.param("le 4 septembre 2025", (date(2025, 9, 4),), id="French"),
        pytest.param("13 de noviembre de 2022", (date(2022, 11, 13),), id="Spanish"),
        pytest.param("4. September 2025", (date(2025, 9, 4),), id="German"),
        pytest.param("3 marzo 2024", (date(2024, 3, 3),), id="Italian"),
        pytest.param("9 de outubro de 2024", (date(2024, 10, 9),), id="Portuguese"),
        pytest.param("Thursday, March 30, 2025", (), id="a weekday that fits no reading"),
        pytest.param("February 30, 2024", (), id="impossible day"),
    ],
)
def test_full_date_readings(text: str, readings: tuple[date, ...]) -> None:
    (found,) = find_full_dates(text)
    assert found.readings == readings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It rose 15 percent 2024 on year", id="a word that is not a month"),
        pytest.param("Signed in March 2024", id="month and year only"),
        pytest.param("4 hours ago", id="relative age"),
        pytest.param("They sold 2 set 2024 tickets", id="an English word that abbreviates a month elsewhere"),
        pytest.param("on Tuesday (16 March)", id="no year"),
    ],
)
def test_not_full_dates(text: str) -> None:
    assert find_full_dates(text) == []


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("TOKYO, May 16. /TASS/. The minister said", "TOKYO, May 16. /TASS/."),
        ("Tokyo, Nov. 6 (Jiji Press)--After the vote", "Tokyo, Nov. 6 (Jiji Press)--"),
        ("Washington [US], September 5 : The secretary", "Washington [US], September 5 :"),
        ("Grenmouth, 26 December (Harbor Ledger) – The cabinet", "Grenmouth, 26 December (Harbor Ledger) –"),
        ("Ene. 4 (Agencia Ficticia) — El primer ministro", "Ene. 4 (Agencia Ficticia) —"),
        ("SEOUL, June 2 (Yonhap) -- The ministry", "SEOUL, June 2 (Yonhap) --"),
    ],
)
def test_yearless_datelines(line: str, dateline: str) -> None:
    (match,) = yearless_datelines("Heading\n" + line)
    assert match["dateline"] == dateline


@pytest.mark.parametrize(
    "line",
    [
        "TOKYO (AP) — The minister said",
        "(Reuters) - Japan said",
        "The talks on May 16 went well.",
        "Opened in 1999: a port",
    ],
)
def test_not_yearless_datelines(line: str) -> None:
    assert yearless_datelines("Heading\n" + line) == []


@pytest.mark.parametrize(("name", "month"), [("Sept.", 9), ("septiembre", 9), ("März", 3), ("ene", 1), ("Dez", 12)])
def test_month_number(name: str, month: int) -> None:
    assert month_number(name) == month


@pytest.mark.parametrize(
    ("line", "is_date_line"),
    [
        ("Thursday, 04 September 2025 05:18 PM EDT", True),
        ("Published: Feb. 9th, 2026", True),
        ("25-10-2025 | 11:07", True),
        ("09:30 JST, March 3, 2024", True),
        ("9:17 AM – Sunday, March 30, 2025", True),
        ("Japan and the US met on March 3, 2025", False),
    ],
)
def test_date_line(line: str, is_date_line: bool) -> None:
    assert bool(DATE_LINE.match(line)) == is_date_line
