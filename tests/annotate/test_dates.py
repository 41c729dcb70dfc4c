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
        page("Headline About the Alliance", "31/02/2024", BODY), "", None, "", id="impossible date is not a date"
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
    assert choice.evidence == "Tokyo, Nov. 6 (Jiji Press)"
    assert choose_text_date("date 2024-01-18 " + BODY).evidence == "date 2024-01-18"


def test_find_date_candidates_kinds_and_readings() -> None:
    text = page(
        "Thu, 11/07/2024 - 00:35", "Japan Rushing to Build Ties", WIRE, "The summit is set for Nov. 18, 2024. " + BODY
    )
    found = [(c.kind, c.readings) for c in find_date_candidates(text)]
    assert found == [
        # Both readings are Thursdays: the weekday cannot decide, the dateline will.
        ("header", (date(2024, 11, 7), date(2024, 7, 11))),
        ("dateline", (date(2024, 11, 6),)),
        ("body", (date(2024, 11, 18),)),
    ]


def test_ambiguous_candidate_keeps_both_readings() -> None:
    (candidate,) = find_date_candidates("11/07/2024")
    assert candidate.readings == (date(2024, 11, 7), date(2024, 7, 11))
    assert candidate.day is None


AMBIGUOUS = DateCandidate((date(2024, 11, 7), date(2024, 7, 11)), "header", "11/07/2024", 0)


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
