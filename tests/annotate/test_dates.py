"""lib/annotate/dates.py: gather date candidates, choose the publication date by evidence, never invent one."""

from __future__ import annotations

from datetime import date

import pytest

from lib.annotate.dates import (
    DateCandidate,
    choose_text_date,
    find_date_candidates,
    parse_metadata_date,
    resolve_ambiguous,
)
from lib.reference.tenures import pm_on

# A body paragraph long enough (> 25 words) to end the page's header zone.
BODY = (
    "The Japanese government is working quickly to strengthen ties with the incoming US "
    "administration, hoping to mitigate any adverse effects on the alliance, on trade and on the "
    "cost of US forces stationed in Japan."
)
WIRE = "Tokyo, Nov. 6 (Jiji Press)--After Republican candidate Donald Trump declared his victory, " + BODY


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# (text, sitting PM named in the text, published, warning fragment or "")
DATE_CASES = [
    pytest.param(page("date 2024-01-18 " + BODY), "", date(2024, 1, 18), "", id="labelled iso"),
    pytest.param(
        page("Headline About the Alliance", "2024-01-18", BODY), "", date(2024, 1, 18), "", id="iso header line"
    ),
    pytest.param(page("Published: 2025-03-03", BODY), "", date(2025, 3, 3), "", id="published label"),
    pytest.param(page("Published on March 3, 2025", BODY), "", date(2025, 3, 3), "", id="published on month name"),
    pytest.param(page("Posted on 5 February 2025", BODY), "", date(2025, 2, 5), "", id="posted on day month year"),
    pytest.param(
        page("Headline About the Alliance", "October 2, 2023", BODY), "", date(2023, 10, 2), "", id="month name header"
    ),
    pytest.param(
        page("Headline About the Alliance", "Sept. 12th, 2023", BODY),
        "",
        date(2023, 9, 12),
        "",
        id="abbreviated month with ordinal",
    ),
    pytest.param(
        page("Japan Rushing to Build Ties", WIRE + " The election was on Nov. 5, 2024."),
        "",
        date(2024, 11, 6),
        "",
        id="dateline takes the year of a nearby date",
    ),
    pytest.param(
        page("Thu, 11/07/2024 - 00:35", "Japan Rushing to Build Ties", WIRE),
        "",
        date(2024, 11, 7),
        "",
        id="ambiguous numeric resolved by dateline",
    ),
    pytest.param(
        page("07/11/2024", "Japan Rushing to Build Ties", WIRE),
        "",
        date(2024, 11, 7),
        "",
        id="day-first numeric resolved by dateline",
    ),
    pytest.param(
        page("Headline About the Alliance", "11/07/2024", BODY),
        "Ishiba",
        date(2024, 11, 7),
        "",
        id="ambiguous numeric resolved by the sitting PM",
    ),
    pytest.param(
        page("Headline About the Alliance", "11/07/2024", BODY),
        "Kishida",
        date(2024, 7, 11),
        "",
        id="the other reading when the PM says so",
    ),
    pytest.param(
        page("Headline About the Alliance", "Fri, 08/11/2024", BODY), "", date(2024, 11, 8), "", id="weekday decides"
    ),
    pytest.param(
        page("Headline About the Alliance", "15/03/2024", BODY), "", date(2024, 3, 15), "", id="only one valid reading"
    ),
    pytest.param(
        page("Headline About the Alliance", "11/07/2024", BODY),
        "",
        None,
        "ambiguous date '11/07/2024' (2024-11-07 or 2024-07-11)",
        id="ambiguous with no evidence: undated",
    ),
    pytest.param(
        page("Headline About the Alliance", "03/05/2023", BODY),
        "Ishiba",
        None,
        "nothing in the article decides",
        id="PM in office on neither reading",
    ),
    pytest.param(
        page("March 1, 2025", "Japan Rushing to Build Ties", WIRE + " The election was on Nov. 5, 2024."),
        "",
        date(2024, 11, 6),
        "looks like a crawl date",
        id="crawl date far from the dateline",
    ),
    pytest.param(
        page("Nov. 7, 2024", "Japan Rushing to Build Ties", WIRE),
        "",
        date(2024, 11, 7),
        "",
        id="header a day after the dateline is consistent",
    ),
    pytest.param(
        page("Jan. 2, 2025", "Headline About the Alliance", "Tokyo, Dec. 31 (Jiji Press)--" + BODY),
        "",
        date(2025, 1, 2),
        "",
        id="dateline across new year takes the year before",
    ),
    pytest.param(
        page("Jan. 20, 2025", "Headline About the Alliance", "Tokyo, Dec. 31 (Jiji Press)--" + BODY),
        "",
        date(2024, 12, 31),
        "looks like a crawl date",
        id="crawl date in the new year, dateline in the old",
    ),
    pytest.param(
        page("By Jane Doe | Nov. 7, 2024 | 3 min read", "Headline About the Alliance", BODY),
        "",
        date(2024, 11, 7),
        "",
        id="date in a byline line",
    ),
    pytest.param(
        page(
            "Headline About the Alliance",
            "Japan and the US will hold talks on April 2, 2025, officials said on Monday. " + BODY,
        ),
        "",
        None,
        "",
        id="date in a sentence of the lead",
    ),
    pytest.param(
        page(
            "Japan has raised defense spending since 2017.",
            "In 2022 it adopted a new strategy; by 2027 it will spend more. " + BODY,
        ),
        "",
        None,
        "",
        id="bare years are never dates",
    ),
    pytest.param(page(WIRE), "", None, "", id="dateline with no year nearby: undated"),
    pytest.param(
        page(
            "Headline About the Alliance",
            BODY,
            "The two leaders met on Feb. 7, 2025 in Washington and agreed to meet again. " + BODY,
        ),
        "",
        None,
        "",
        id="event date in the body is not the publication date",
    ),
    pytest.param(
        page("Headline About the Alliance", "Updated: 2025-03-05", BODY),
        "",
        date(2025, 3, 5),
        "",
        id="an updated date if nothing better",
    ),
    pytest.param(
        page("Published on March 3, 2025", "Updated: 2025-03-05", BODY),
        "",
        date(2025, 3, 3),
        "",
        id="published beats updated",
    ),
    pytest.param(
        page("Headline About the Alliance", "31/02/2024", BODY),
        "",
        None,
        "date '31/02/2024' is not a real day",
        id="impossible date is not a date, and says so",
    ),
    pytest.param(
        page("Headline About the Alliance", "1985-06-01", BODY),
        "",
        None,
        "date '1985-06-01' is outside 1990-01-01",
        id="before 1990 is not a publication date",
    ),
]


@pytest.mark.parametrize(("text", "sitting_pm", "published", "warning"), DATE_CASES)
def test_choose_text_date(text: str, sitting_pm: str, published: date | None, warning: str) -> None:
    choice = choose_text_date(text, sitting_pm=sitting_pm, pm_on=pm_on)
    assert choice.published == published
    assert choice.basis == ("text" if published else "none")
    if warning:
        assert any(warning in w for w in choice.warnings), choice.warnings
    else:
        assert choice.warnings == ()


def test_evidence_names_what_the_date_was_read_from() -> None:
    choice = choose_text_date(page("Japan Rushing to Build Ties", WIRE + " On Nov. 5, 2024."))
    assert choice.evidence == "year-less dateline: Tokyo, Nov. 6 (Jiji Press)"
    assert choose_text_date("date 2024-01-18 " + BODY).evidence == "corpus date: date 2024-01-18"


def test_find_date_candidates_kinds_and_readings() -> None:
    text = page(
        "Thu, 11/07/2024 - 00:35", "Japan Rushing to Build Ties", WIRE, "The summit is set for Nov. 18, 2024. " + BODY
    )
    found = [(c.kind, c.readings) for c in find_date_candidates(text)]
    assert found == [
        # Both readings are Thursdays: the weekday cannot decide, the dateline will.
        ("timestamp", (date(2024, 11, 7), date(2024, 7, 11))),
        ("year-less dateline", (date(2024, 11, 6),)),
        ("body", (date(2024, 11, 18),)),
    ]


def test_ambiguous_candidate_keeps_both_readings() -> None:
    (candidate,) = find_date_candidates("11/07/2024")
    assert candidate.readings == (date(2024, 11, 7), date(2024, 7, 11))
    assert candidate.day is None


AMBIGUOUS = DateCandidate((date(2024, 11, 7), date(2024, 7, 11)), "timestamp", "11/07/2024", 0)


@pytest.mark.parametrize(
    ("evidence", "sitting_pm", "resolved"),
    [
        ([date(2024, 11, 6)], "", date(2024, 11, 7)),
        ([date(2024, 7, 10)], "", date(2024, 7, 11)),
        ([], "Ishiba", date(2024, 11, 7)),
        ([], "Kishida", date(2024, 7, 11)),
        ([date(2020, 1, 1)], "", None),  # evidence too far from both readings
        ([], "", None),
    ],
)
def test_resolve_ambiguous(evidence: list[date], sitting_pm: str, resolved: date | None) -> None:
    chosen, warning = resolve_ambiguous(AMBIGUOUS, evidence, sitting_pm, pm_on)
    if resolved is None:
        assert chosen is None
        assert "left undated" in warning
    else:
        assert chosen.readings == (resolved,)
        assert warning is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-08", date(2024, 11, 8)),
        ("2024-11-08T09:00:00+09:00", date(2024, 11, 8)),
        ("Fri, 08 Nov 2024 09:00:00 +0900", date(2024, 11, 8)),
        ("November 8, 2024", date(2024, 11, 8)),
        ("8 November 2024", date(2024, 11, 8)),
        ("1731024000", date(2024, 11, 8)),
        ("1731024000000", date(2024, 11, 8)),
        (date(2024, 11, 8), date(2024, 11, 8)),
        ("15/03/2024", date(2024, 3, 15)),
        ("11/07/2024", None),  # ambiguous, and a metadata field has no evidence around it
        ("2024-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_metadata_date(value: object, expected: date | None) -> None:
    assert parse_metadata_date(value) == expected


def test_a_page_date_below_several_furniture_lines_is_still_the_header_date():
    from lib.annotate.dates import choose_text_date

    page = (
        "Home » world » asia\nAdvertisement\nShare this article\nTrending\n"
        "Japan Weighs Its Response\nMarch 3, 2025\n"
        "Japanese officials said on Monday that they were weighing a response to new US duties on cars and steel.\n"
    )
    choice = choose_text_date(page)
    assert choice.published is not None and choice.published.isoformat() == "2025-03-03"


# --- Real-page forms and traps (invented outlets, places and people) -----------------------------

LEAD = (
    "Officials from both governments met in a harbour city to discuss port access, reactor parts "
    "and the cost of keeping ships in the region, and agreed to meet again before the summer."
)


def lines(*parts: str) -> str:
    return "\n".join(parts)


# (text, sitting PM named, published or None, kind of evidence that won or "")
FORM_CASES = [
    pytest.param(
        lines("Menu", "Search", "Tuesday 14 March 2023 08:15 GMT", LEAD),
        "",
        date(2023, 3, 14),
        "timestamp",
        id="weekday first, time after",
    ),
    pytest.param(
        lines("Harbor Ledger", "09:30 JST, March 3, 2024", LEAD), "", date(2024, 3, 3), "timestamp", id="time before"
    ),
    pytest.param(
        lines("By Mina Orlov", "March 5, 2024, 7:02 a.m. ET", LEAD), "", date(2024, 3, 5), "timestamp", id="a.m. ET"
    ),
    pytest.param(lines("Dec 4, 2023, 3:15 PM EST", LEAD), "", date(2023, 12, 4), "timestamp", id="PM EST"),
    pytest.param(
        lines("Posted : Friday, 5 May, 2023 at 10:00 PM", LEAD),
        "",
        date(2023, 5, 5),
        "labelled",
        id="posted label, weekday, day-month-comma-year",
    ),
    pytest.param(
        lines("Updated: 11:20pm, 12 Aug, 2022", LEAD), "", date(2022, 8, 12), "updated", id="updated, time first"
    ),
    pytest.param(
        lines("Kestrel Wire | Updated: 28-06-2022 14:05 IST | Created: 28-06-2022 14:05 IST", LEAD),
        "",
        date(2022, 6, 28),
        "labelled",
        id="DD-MM-YYYY with a part over 12",
    ),
    pytest.param(
        lines("Kestrel Wire (19/03/2024): " + LEAD), "", date(2024, 3, 19), "dateline", id="DD/MM/YYYY credit line"
    ),
    pytest.param(
        lines("05/07/2024 09:10", LEAD, "The accord signed on 18/06/2024 runs for five years."),
        "",
        date(2024, 7, 5),
        "timestamp",
        id="day first shown by another date on the page",
    ),
    pytest.param(
        lines("Published February 3rd, 2026 - 10:12 GMT", LEAD), "", date(2026, 2, 3), "labelled", id="ordinal"
    ),
    pytest.param(
        lines("Port Talks Resume", LEAD, "This report appeared on harborledger.example, 2025-05-14 07:41:02."),
        "",
        date(2025, 5, 14),
        "timestamp",
        id="ISO timestamp at the end of the page",
    ),
    pytest.param(
        lines("港湾協議が再開", "２０２４年３月８日 午後２時", "両政府の担当者が港湾の利用について協議した。"),
        "",
        date(2024, 3, 8),
        "timestamp",
        id="Japanese year-month-day, full-width digits",
    ),
    pytest.param(
        "2023年11月2日、両政府の担当者が港湾の利用について協議したと発表しました。",
        "",
        date(2023, 11, 2),
        "lead",
        id="Japanese date opening the lead",
    ),
    pytest.param(
        lines("Valdoria, 12 de febrero de 2024 (Agencia Ficticia) — Los gobiernos acordaron hoy."),
        "",
        date(2024, 2, 12),
        "dateline",
        id="Spanish month name in a dateline",
    ),
    pytest.param(
        lines("Publié le", "7 octobre 2024", "Les deux gouvernements ont signé un accord portuaire."),
        "",
        date(2024, 10, 7),
        "timestamp",
        id="French month name",
    ),
    pytest.param(
        lines("Berlin, 3. März 2025 – Die Regierungen einigten sich auf neue Regeln für die Häfen."),
        "",
        date(2025, 3, 3),
        "dateline",
        id="German month name",
    ),
    pytest.param(
        lines("Grenmouth, October 9, 2024 – " + LEAD), "", date(2024, 10, 9), "dateline", id="city dateline with year"
    ),
    pytest.param(
        lines("Heading About Ports", "MOSCOW, March 3. /TASS/. " + LEAD, "The exchange began in 2024."),
        "",
        date(2024, 3, 3),
        "year-less dateline",
        id="TASS dateline, the one year the page names",
    ),
    pytest.param(
        lines("SEOUL, June 2 (Yonhap) -- " + LEAD, "The pact was first signed on May 28, 2023."),
        "",
        date(2023, 6, 2),
        "year-less dateline",
        id="Yonhap dateline, year from a body date",
    ),
    pytest.param(
        lines("Ene. 9 (Agencia Ficticia) — " + LEAD, "La cumbre anterior fue el 20 de noviembre de 2023."),
        "",
        date(2024, 1, 9),
        "year-less dateline",
        id="dateline after a body date of the previous autumn: next year",
    ),
    pytest.param(
        lines("Sapporo, 14 March (Harbor Ledger) – " + LEAD, "The plan runs from 2021 into 2022."),
        "Suga",
        date(2021, 3, 14),
        "year-less dateline",
        id="year among those named, fixed by the sitting PM",
    ),
    pytest.param(
        lines("Document notice", LEAD, "May 20, 2021", "To our shareholders"),
        "",
        date(2021, 5, 20),
        "timestamp",
        id="a date alone on its line below the first paragraph",
    ),
]

TRAP_CASES = [
    pytest.param(lines("Port Talks Resume", "4 hours ago", LEAD), "", id="relative age"),
    pytest.param(lines("Beijing, July 9 (Xinhua) -- " + LEAD, "© 2024 Harbor Ledger"), "", id="copyright year only"),
    pytest.param(lines("TOKYO (Kestrel Wire) — " + LEAD), "", id="wire dateline without a date"),
    pytest.param(lines("(Reuters) - " + LEAD), "", id="agency credit without a date"),
    pytest.param(lines("OSAKA, June 13 (Jiji Press)--" + LEAD), "", id="year-less dateline and no year anywhere"),
    pytest.param(
        lines("18°C", "Grenmouth", "Monday, June 3, 2024", "Port Talks Resume", LEAD), "", id="weather widget"
    ),
    pytest.param(
        lines("Port Talks Resume", "Officials signed the deal (File photo taken on Jan. 9, 2023). " + LEAD),
        "",
        id="caption of another day",
    ),
    pytest.param("date 2025-07 " + LEAD, "", id="month-only corpus date"),
    pytest.param(lines("Port Talks Resume", "File photo taken March 3, 2023", LEAD), "", id="short caption line"),
    pytest.param(
        lines("Port Talks Resume", "On March 3, 2025 – a Monday – the ministers met. " + LEAD),
        "",
        id="prose with a dash",
    ),
    pytest.param(
        lines("Port Talks Resume", "Officials said on Tuesday that talks went well. " + LEAD), "", id="weekday only"
    ),
    pytest.param(
        "date 2025-04-10 Trade ministers said Friday that talks would go on. " + LEAD,
        "",
        id="corpus date contradicted: the lead reports the day after it",
    ),
    pytest.param("date 2024-01-18 " + LEAD, "Ishiba", id="corpus date in another PM's term"),
    pytest.param(
        lines("Port Talks Resume", "The ministers will meet on April 2, 2025, an aide said on Monday. " + LEAD),
        "",
        id="future event date in the lead",
    ),
    pytest.param(
        lines("Port Talks Resume", "Signed in March 2024, the accord expires in 2029. " + LEAD), "", id="month only"
    ),
]


@pytest.mark.parametrize(("text", "sitting_pm", "published", "kind"), FORM_CASES)
def test_date_forms(text: str, sitting_pm: str, published: date, kind: str) -> None:
    choice = choose_text_date(text, sitting_pm=sitting_pm, pm_on=pm_on)
    assert (choice.published, choice.kind) == (published, kind), choice


@pytest.mark.parametrize(("text", "sitting_pm"), TRAP_CASES)
def test_date_traps_give_no_date(text: str, sitting_pm: str) -> None:
    choice = choose_text_date(text, sitting_pm=sitting_pm, pm_on=pm_on)
    assert choice.published is None, choice


@pytest.mark.parametrize(
    ("text", "published"),
    [
        pytest.param("date 2024-05-09 " + LEAD, date(2024, 5, 9), id="corpus date alone"),
        pytest.param(
            "date 2024-05-09 Ministers agreed on Thursday to keep talking. " + LEAD,
            date(2024, 5, 9),
            id="the lead's weekday is the corpus date's",
        ),
        pytest.param(
            "date 2024-05-09 Grenmouth, May 8 (Kestrel Wire) -- " + LEAD,
            date(2024, 5, 9),
            id="year-less dateline takes the corpus date's year and agrees",
        ),
        pytest.param(
            lines("Port Talks Resume", "Published: May 2, 2024", "Ministers met (AP Photo, Jan. 9, 2023). " + LEAD),
            date(2024, 5, 2),
            id="published label beats a caption",
        ),
        pytest.param(
            lines(
                "Port Talks Resume",
                "Ministers pictured at the signing ceremony in Grenmouth on May 9, 2024. (Kestrel Wire)",
                "GRENMOUTH — The two governments approved Thursday a plan to share port costs. " + LEAD,
            ),
            date(2024, 5, 9),
            id="caption date that the lead's weekday agrees with",
        ),
    ],
)
def test_corpus_date_and_agreement(text: str, published: date) -> None:
    assert choose_text_date(text, pm_on=pm_on).published == published


def test_caption_date_the_lead_weekday_does_not_agree_with_is_not_taken() -> None:
    text = lines(
        "Port Talks Resume",
        "Ministers pictured at the signing ceremony in Grenmouth on May 9, 2024. (Kestrel Wire)",
        "GRENMOUTH — The two governments approved Monday a plan to share port costs. " + LEAD,
    )
    assert choose_text_date(text, pm_on=pm_on).published is None


def test_disagreeing_dates_are_named_in_a_warning() -> None:
    text = lines("Sunday, April 13, 2025", "Port Talks Resume", LEAD, "Written April 2, 2025. Special to Harbor Ledger")
    choice = choose_text_date(text, pm_on=pm_on)
    assert choice.published == date(2025, 4, 13)
    assert any("more than one date" in w for w in choice.warnings)


@pytest.mark.parametrize(
    ("line", "warning"),
    [
        ("Published 14 October 1066", "date line 'Published 14 October 1066' holds no date this tool can read"),
        ("Posted on: 9999-01-01", "date line 'Posted on: 9999-01-01' holds no date this tool can read"),
        ("Posted on 31/02/2024", "date '31/02/2024' is not a real day"),
        ("Updated February 30, 2024", "date 'February 30, 2024' is not a real day"),
        ("Published 5 January 1989", "date '5 January 1989' is outside 1990-01-01"),
    ],
)
def test_a_date_line_that_gives_no_date_says_why(line: str, warning: str) -> None:
    choice = choose_text_date(f"Tariff talks resume\n{line}\nJapan and the United States met on Monday.")
    assert choice.published is None
    assert len(choice.warnings) == 1 and choice.warnings[0].startswith(warning), choice.warnings


@pytest.mark.parametrize(
    "line", ["Updated 2 hours ago", "Posted at 10:30 JST", "Date: 12 March 2025", "Published on 2025-03-12"]
)
def test_ages_times_and_readable_dates_raise_no_such_warning(line: str) -> None:
    choice = choose_text_date(f"Tariff talks resume\n{line}\nJapan and the United States met on Monday.")
    assert not any("holds no date" in w or "not a real day" in w for w in choice.warnings), choice.warnings
