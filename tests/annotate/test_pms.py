"""lib/annotate/pms.py and the PM resolver in lib/annotate/article.py: who is named, who is sitting, and how the
date and the text are reconciled."""

from __future__ import annotations

from datetime import date

import pytest

from lib.annotate.article import analyze_article
from lib.annotate.pms import find_mentions, pm_named_most, pms_mentioned, sitting_pm_named
from lib.annotate.sentiment import get_engine
from lib.ingest.readers import RawArticle
from lib.reference.taxonomy import default_taxonomy
from lib.reference.tenures import pm_on, us_president_on

BODY = " The two leaders discussed the alliance and regional stability at length in Tokyo."


@pytest.mark.parametrize(
    ("text", "mentioned", "sitting"),
    [
        pytest.param("Prime Minister Shigeru Ishiba met Trump.", ["Ishiba"], "Ishiba", id="title and full name"),
        pytest.param("PM Takaichi met Trump.", ["Takaichi"], "Takaichi", id="PM and surname"),
        pytest.param(
            "Japan's Prime Minister Sanae Takaichi met Trump.", ["Takaichi"], "Takaichi", id="Japan's Prime Minister"
        ),
        pytest.param(
            "The Kishida administration is bolstering Japan's defenses.",
            ["Kishida"],
            "Kishida",
            id="the Kishida administration",
        ),
        pytest.param("Shigeru Ishiba, Japan's prime minister, met Trump.", ["Ishiba"], "Ishiba", id="apposition"),
        pytest.param("Former Prime Minister Shinzo Abe built close ties with Trump.", ["Abe"], "", id="former PM"),
        pytest.param("Shinzo Abe, the former Prime Minister, met Trump.", ["Abe"], "", id="former PM in apposition"),
        pytest.param("Then-Prime Minister Shinzo Abe met Trump at Mar-a-Lago.", ["Abe"], "", id="then-PM"),
        pytest.param("The late Prime Minister Shinzo Abe met Trump.", ["Abe"], "", id="the late PM"),
        pytest.param("Yoshihide Suga, a former prime minister, met Biden.", ["Suga"], "", id="a former prime minister"),
        pytest.param(
            "Taro Aso, Japan's Deputy Prime Minister and Finance Minister, flew to New York.",
            ["Aso"],
            "",
            id="deputy PM Aso trap",
        ),
        pytest.param("Deputy Prime Minister Taro Aso flew to New York.", ["Aso"], "", id="deputy PM title before"),
        pytest.param(
            "Taro Aso, a senior Japanese official, flew to New York.", ["Aso"], "", id="Aso without a PM title"
        ),
        pytest.param("British Prime Minister Keir Starmer spoke with Trump.", [], "", id="another country's PM"),
        pytest.param("Prime Minister Narendra Modi of India met Japanese officials.", [], "", id="Indian PM"),
        pytest.param(
            "Prime Minister Kishida and former Prime Minister Suga met.",
            ["Kishida", "Suga"],
            "Kishida",
            id="sitting and former together",
        ),
        pytest.param(
            "Kan said the alliance matters and Noda agreed.", [], "", id="ambiguous bare surnames are not PMs"
        ),
        pytest.param(
            "Naoto Kan and Yoshihiko Noda both led Japan.", ["Kan", "Noda"], "", id="full names of ambiguous surnames"
        ),
        pytest.param(
            "Ishiba said the alliance matters.", ["Ishiba"], "", id="bare surname is named but not as sitting"
        ),
        pytest.param("Finance Minister Katsunobu Kato met Treasury officials.", [], "", id="no PM at all"),
    ],
)
def test_mentions_and_sitting_pm(text: str, mentioned: list[str], sitting: str) -> None:
    mentions = find_mentions(text)
    assert pms_mentioned(mentions) == mentioned
    assert sitting_pm_named(mentions)[0] == sitting


def test_two_sitting_pms_named_warns_and_picks_the_most_named() -> None:
    text = (
        "Prime Minister Shigeru Ishiba met Trump. Prime Minister Ishiba said talks went well. "
        "Prime Minister Fumio Kishida had met Biden."
    )
    sitting, warnings = sitting_pm_named(find_mentions(text))
    assert sitting == "Ishiba"
    assert warnings == ["text names more than one sitting prime minister: Ishiba (2x), Kishida (1x)"]


@pytest.mark.parametrize(
    ("day", "pm", "president"),
    [
        (date(2001, 4, 26), "Koizumi", "Bush"),
        (date(2007, 1, 1), "Abe", "Bush"),
        (date(2008, 1, 1), "Fukuda", "Bush"),
        (date(2009, 1, 1), "Aso", "Bush"),
        (date(2010, 1, 1), "Hatoyama", "Obama"),
        (date(2011, 1, 1), "Kan", "Obama"),
        (date(2012, 1, 1), "Noda", "Obama"),
        (date(2017, 2, 10), "Abe", "Trump"),
        (date(2021, 1, 1), "Suga", "Trump"),
        (date(2024, 1, 18), "Kishida", "Biden"),
        (date(2024, 10, 1), "Ishiba", "Biden"),
        (date(2025, 3, 1), "Ishiba", "Trump"),
        (date(2025, 10, 21), "Takaichi", "Trump"),
        (None, "", ""),
    ],
)
def test_tenure_tables(day: date | None, pm: str, president: str) -> None:
    assert pm_on(day) == pm
    assert us_president_on(day) == president


@pytest.fixture(scope="module")
def analyse():
    taxonomy, engine = default_taxonomy(), get_engine()

    def run(text: str, **fields: str) -> dict:
        return analyze_article(RawArticle(source="test.txt", text=text, **fields), taxonomy, engine)

    return run


# (text, metadata date, published, pm, pm_basis, warning fragment or "")
PM_CASES = [
    pytest.param(
        "Prime Minister Shigeru Ishiba met the president." + BODY,
        "",
        None,
        "Ishiba",
        "text",
        "",
        id="undated, sitting PM named",
    ),
    pytest.param("PM Takaichi met the president." + BODY, "", None, "Takaichi", "text", "", id="undated, PM Takaichi"),
    pytest.param(
        "Former Prime Minister Shinzo Abe met Trump." + BODY, "", None, "", "none", "", id="undated, only a former PM"
    ),
    pytest.param(
        "Then-Prime Minister Shinzo Abe met Trump." + BODY, "", None, "", "none", "", id="undated, only a then-PM"
    ),
    pytest.param(
        "Taro Aso, Japan's Deputy Prime Minister, flew to New York." + BODY,
        "",
        None,
        "",
        "none",
        "",
        id="undated, deputy PM trap",
    ),
    pytest.param(
        "British Prime Minister Keir Starmer met Trump." + BODY,
        "",
        None,
        "",
        "none",
        "",
        id="undated, another country's PM",
    ),
    pytest.param(
        "The Kishida administration is bolstering defenses." + BODY,
        "",
        None,
        "Kishida",
        "text",
        "",
        id="undated, the Kishida administration",
    ),
    pytest.param(
        "date 2024-01-18 Taro Aso, Japan's Deputy Prime Minister, met Trump." + BODY,
        "",
        date(2024, 1, 18),
        "Kishida",
        "date",
        "",
        id="dated: PM from the tenure table",
    ),
    pytest.param(
        "Former Prime Minister Shinzo Abe met Trump." + BODY,
        "2019-05-27",
        date(2019, 5, 27),
        "Abe",
        "date",
        "",
        id="metadata date in Abe's term",
    ),
    pytest.param(
        "Prime Minister Shigeru Ishiba met Trump." + BODY,
        "2024-11-08",
        date(2024, 11, 8),
        "Ishiba",
        "date",
        "",
        id="date and text agree",
    ),
    pytest.param(
        "date 2024-01-18 Prime Minister Shigeru Ishiba met the president on Nov. 5, 2024 in Washington." + BODY,
        "",
        None,
        "Ishiba",
        "text",
        "falls in Kishida's term, but the text names Ishiba as sitting PM",
        id="corpus date contradicted by the named PM; a body event date is not the publication date",
    ),
    pytest.param(
        "Published: January 18, 2024\nPrime Minister Shigeru Ishiba met the president." + BODY,
        "",
        date(2024, 1, 18),
        "Kishida",
        "date",
        "falls in Kishida's term, but the text names Ishiba as the sitting prime minister; kept the date",
        id="conflict with a labelled date: date kept, warned",
    ),
    pytest.param(
        "Prime Minister Shigeru Ishiba met the president on Nov. 5, 2024." + BODY,
        "2024-01-18",
        date(2024, 1, 18),
        "Kishida",
        "date",
        "kept the date",
        id="conflict with a metadata date: metadata kept",
    ),
]


@pytest.mark.parametrize(("text", "metadata_date", "published", "pm", "pm_basis", "warning"), PM_CASES)
def test_pm_resolver(
    analyse, text: str, metadata_date: str, published: date | None, pm: str, pm_basis: str, warning: str
) -> None:
    row = analyse(text, date=metadata_date)
    assert row["published"] == published
    assert row["pm"] == pm
    assert row["pm_basis"] == pm_basis
    if warning:
        assert any(warning in w for w in row["warnings"]), row["warnings"]
    else:
        assert row["warnings"] == []


# (text, sitting PM named) for the forms real pages use and the traps beside them.
SITTING_FORMS = [
    pytest.param("Japan's PM Fumio Kishida toured the port.", "Kishida", id="Japan's PM"),
    pytest.param("Japanese Prime Minister Shigeru Ishiba toured the port.", "Ishiba", id="Japanese Prime Minister"),
    pytest.param("Japanese Premier Sanae Takaichi toured the port.", "Takaichi", id="Premier"),
    pytest.param("Prime Minister Kishida Fumio toured the port.", "Kishida", id="family name first"),
    pytest.param("Japan's new prime minister, Sanae Takaichi, toured the port.", "Takaichi", id="title, comma, name"),
    pytest.param("The prime minister of Japan Yoshihide Suga toured the port.", "Suga", id="prime minister of Japan"),
    pytest.param("石破茂首相は港を視察した。", "Ishiba", id="Japanese script full name and title"),
    pytest.param("岸田総理は港を視察した。", "Kishida", id="Japanese script surname and sori"),
    pytest.param("日本首相高市早苗视察了港口。", "Takaichi", id="Chinese order, title first"),
    pytest.param("安倍元首相の発言が話題になった。", "", id="Japanese script former PM"),
    pytest.param("菅前首相が講演した。", "", id="Japanese script previous PM, given name absent"),
    pytest.param("El primer ministro de Japón, Fumio Kishida, visitó el puerto.", "Kishida", id="Spanish title"),
    pytest.param("Der Besuch des Premierministers Shigeru Ishiba am Hafen.", "Ishiba", id="German title"),
    pytest.param("Prime Minister-elect Sanae Takaichi toured the port.", "", id="PM-elect"),
    pytest.param("The incoming prime minister, Sanae Takaichi, toured the port.", "", id="incoming"),
    pytest.param(
        "Sanae Takaichi, who is expected to become prime minister, toured the port.", "", id="expected to become"
    ),
    pytest.param("Japan's next prime minister Shigeru Ishiba toured the port.", "", id="next prime minister"),
    pytest.param("Defense Minister Shinjiro Koizumi toured the port.", "", id="Koizumi the son is a minister"),
    pytest.param("Prime Minister Junichiro Koizumi toured the port.", "Koizumi", id="Koizumi the father was PM"),
    pytest.param("Canadian Prime Minister Ellen Marsh toured the port.", "", id="a foreign PM is not in the table"),
    pytest.param("Prime Minister Kisida toured the port.", "Kishida", id="a titled name misspelt by one letter"),
    pytest.param("Prime Minister Morihiro Hosokawa toured the port.", "Hosokawa", id="a PM of the early 1990s"),
    pytest.param("Hashimoto said the port was busy.", "", id="a common surname alone is nobody"),
    pytest.param(
        "Trade talks resumed next week with Prime Minister Shigeru Ishiba.", "Ishiba", id="'next week' is not 'next PM'"
    ),
]


@pytest.mark.parametrize(("text", "sitting"), SITTING_FORMS)
def test_sitting_pm_forms(text: str, sitting: str) -> None:
    assert sitting_pm_named(find_mentions(text))[0] == sitting


@pytest.mark.parametrize(
    ("text", "named_most"),
    [
        pytest.param("Kishida wants more. Kishida flew west. Kishida spoke.", "Kishida", id="named again and again"),
        pytest.param("Kishida wants more. Kishida flew west.", "", id="twice is not enough"),
        pytest.param(
            "Former Prime Minister Shinzo Abe built ties. Abe golfed. Abe spoke.", "", id="a former PM, however often"
        ),
        pytest.param(
            "Suga spoke. Suga left. Suga Yoshihide flew. Candidates Kishida Fumio and Takaichi Sanae will run.",
            "Suga",
            id="more often than the candidates together",
        ),
    ],
)
def test_pm_named_most(text: str, named_most: str) -> None:
    assert pm_named_most(find_mentions(text)) == named_most


def test_undated_text_with_no_title_takes_the_pm_it_keeps_naming(analyse) -> None:
    row = analyse("Kishida wants more ships. Kishida flew west on the tour. Kishida spoke of costs." + BODY)
    assert (row["published"], row["pm"], row["pm_basis"]) == (None, "Kishida", "text")


@pytest.mark.parametrize(
    ("day", "pm"),
    [
        (date(1989, 8, 10), "Kaifu"),
        (date(1993, 8, 8), "Miyazawa"),
        (date(1994, 5, 1), "Hata"),
        (date(1995, 1, 1), "Murayama"),
        (date(1997, 1, 1), "Hashimoto"),
        (date(1999, 1, 1), "Obuchi"),
        (date(2006, 9, 26), "Abe"),
        (date(2020, 9, 15), "Abe"),
        (date(2020, 9, 16), "Suga"),
        (date(2021, 10, 3), "Suga"),
        (date(2021, 10, 4), "Kishida"),
        (date(2024, 9, 30), "Kishida"),
        (date(2025, 10, 20), "Ishiba"),
    ],
)
def test_tenure_boundaries(day: date, pm: str) -> None:
    assert pm_on(day) == pm


def test_prime_ministers_are_looked_for_in_the_first_part_of_a_huge_text_with_a_warning() -> None:
    from lib.annotate.pms import PM_SCAN_CHARS

    filler = "The committee met again to review the shipping schedule. " * (PM_SCAN_CHARS // 50)
    early = "Prime Minister Shigeru Ishiba spoke on Monday. " + filler
    late = filler + " Prime Minister Fumio Kishida spoke on Monday."
    assert pms_mentioned(find_mentions(early)) == ["Ishiba"]
    assert pms_mentioned(find_mentions(late)) == []  # past the scanned part
    raw = RawArticle(source="long.txt", text=late)
    row = analyze_article(raw, default_taxonomy(), get_engine("textblob"))
    assert any(f"first {PM_SCAN_CHARS:,} characters" in w and "prime ministers" in w for w in row["warnings"])
