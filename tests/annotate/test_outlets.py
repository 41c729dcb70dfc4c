"""lib/annotate/outlets.py: publisher and credited origin, read only where a page names them.

Every page below is invented; outlet names are real agencies and papers, as the gazetteer knows them.
"""

from __future__ import annotations

import pytest

from lib.annotate.outlets import OUTLET_BASES, choose_outlet
from lib.schema.columns import COLUMNS

BODY = (
    "Officials from both governments met for three hours to go over the schedule of the next round of talks.\n"
    "The ministers agreed to keep working on the remaining points before the summit later this month.\n"
    "Neither side gave figures, but both described the meeting as constructive and businesslike.\n"
    "A further meeting is planned in the spring, according to people briefed on the arrangements.\n"
)

# (page text, url, metadata outlet, title) -> (outlet, basis, origin, country, kind)
CASES = [
    pytest.param(
        "OSAKA (AP) — Port workers returned to the docks on Monday after a two-day stoppage ended.\n" + BODY,
        "",
        "",
        "",
        ("AP", "dateline", "AP", "US", "wire"),
        id="wire dateline, no publisher named: the agency",
    ),
    pytest.param(
        "Nagoya, Feb. 3 (Jiji Press)--The city council approved its budget on Monday.\n" + BODY,
        "https://www.regional-daily.example/news/1",
        "",
        "",
        ("regional-daily.example", "domain", "Jiji Press", "", ""),
        id="aggregator on an unknown domain crediting a wire",
    ),
    pytest.param(
        "SAPPORO, April 9. /TASS/. A delegation arrived for fisheries talks.\n" + BODY,
        "",
        "",
        "",
        ("TASS", "dateline", "TASS", "RU", "state_media"),
        id="TASS slash dateline",
    ),
    pytest.param(
        "[大阪 9日 ロイター] - 日銀は9日、金融政策を据え置いた。\n" + BODY,
        "",
        "",
        "",
        ("Reuters", "dateline", "Reuters", "GB", "wire"),
        id="Japanese bracket dateline",
    ),
    pytest.param(
        "Harbour cranes idle as talks stall\n" + BODY + "Kyodo and Reuters\n",
        "",
        "",
        "",
        ("Kyodo", "credit", "Kyodo", "JP", "wire"),
        id="credit line naming two agencies: the first",
    ),
    pytest.param(
        BODY + "Reuters was first to report the plan, and Kyodo later confirmed it, officials told Reuters.\n",
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP agency names in body sentences are not evidence",
    ),
    pytest.param(
        "Dock strike ends\nA crane at the port on Sunday. (AP Photo/Jane Roe)\n© Reuters\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP photo credits are not the source",
    ),
    pytest.param(
        "Dock strike ends\nBy Jane Roe | STARS AND STRIPES Published: May 2, 2024\n" + BODY,
        "",
        "",
        "",
        ("Stars and Stripes", "byline", "", "US", "newspaper"),
        id="byline naming the paper",
    ),
    pytest.param(
        "Dock strike ends\nBy Jane Roe, former correspondent for The Japan Times\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP an author's former employer",
    ),
    pytest.param(
        "Dock strike ends\nTARO YAMADA, Nikkei staff writer\n" + BODY,
        "",
        "",
        "",
        ("Nikkei", "byline", "", "JP", "newspaper"),
        id="staff credit",
    ),
    pytest.param(
        "The Japan Times\nDock strike ends\n" + BODY + "© 2025 The Japan Times Ltd. All rights reserved.\n",
        "",
        "",
        "",
        ("The Japan Times", "copyright", "", "JP", "newspaper"),
        id="masthead and copyright agree",
    ),
    pytest.param(
        "Dock strike ends\n" + BODY + "© 2024 HARBOURVIEW GAZETTE\n",
        "",
        "",
        "",
        ("Harbourview Gazette", "copyright", "", "", ""),
        id="copyright with a year names an unknown publisher",
    ),
    pytest.param(
        "Dock strike ends\n" + BODY + "More coverage ahead.© KYODO\n",
        "",
        "",
        "",
        ("Kyodo", "copyright", "Kyodo", "JP", "wire"),
        id="a bare © closing the article is its credit",
    ),
    pytest.param(
        "Dock strike ends\nRead more at the Wall Street Journal\n" + BODY,
        "https://blog.example.org/p/9",
        "",
        "",
        ("blog.example.org", "domain", "The Wall Street Journal", "", ""),
        id="repost pointing to its source",
    ),
    pytest.param(
        BODY + "Source:\nasia.nikkei.com\n",
        "",
        "",
        "",
        ("Nikkei Asia", "credit", "Nikkei Asia", "JP", "newspaper"),
        id="source domain on its own line",
    ),
    pytest.param(
        "1. Skip to content\n2. Skip to more DW sites\nDock strike ends\n" + BODY,
        "",
        "",
        "",
        ("DW", "masthead", "", "DE", "broadcaster"),
        id="site name in the navigation",
    ),
    pytest.param(
        BODY,
        "https://www.scmp.com/news/asia/article/1",
        "",
        "Dock strike ends | South China Morning Post",
        ("South China Morning Post", "domain", "", "HK", "newspaper"),
        id="known domain",
    ),
    pytest.param(
        BODY,
        "",
        "Harbour Weekly",
        "",
        ("Harbour Weekly", "metadata", "", "", ""),
        id="the source's own outlet field is kept as given",
    ),
    pytest.param(
        BODY,
        "",
        "",
        "Dock strike ends - The Asahi Shimbun",
        ("The Asahi Shimbun", "masthead", "", "JP", "newspaper"),
        id="title suffix",
    ),
    pytest.param(
        "Mint\nDock strike ends\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP a common word alone on a line",
    ),
    pytest.param(
        "KOBE (Reuters) Shipyards reported more orders for the coming year.\n" + BODY,
        "",
        "",
        "",
        ("Reuters", "dateline", "Reuters", "GB", "wire"),
        id="wire dateline without a dash",
    ),
    pytest.param(
        "KOBE (Mainichi) Shipyards reported more orders for the coming year.\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP a paper, not a wire, in a dateline without a dash",
    ),
    pytest.param(
        "June 2, 2024 (HNNS)—Harbour officials in Kobe met shipping firms.\n" + BODY,
        "",
        "",
        "",
        ("HNNS", "dateline", "HNNS", "", ""),
        id="an agency the gazetteer does not know, in a dated dateline",
    ),
    pytest.param(
        "June 2, 2024 (UPDATED)—Harbour officials in Kobe met shipping firms.\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP a story label in brackets is not an agency",
    ),
    pytest.param(
        "Harbour talks resume\nMay 3, 2024. Special to Pacific Trade Monitor\n" + BODY,
        "",
        "",
        "",
        ("Pacific Trade Monitor", "byline", "", "", ""),
        id="special to an outlet",
    ),
    pytest.param(
        "Harbour talks resume\nJane Roe is a prize-winning writer and now a staff reporter at The Japan Times.\n"
        + BODY,
        "",
        "",
        "",
        ("The Japan Times", "byline", "", "JP", "newspaper"),
        id="author bio names the employer",
    ),
    pytest.param(
        "Harbour talks resume\nJane Roe is a retired editor, formerly a reporter for The Japan Times.\n" + BODY,
        "",
        "",
        "",
        ("", "none", "", "", ""),
        id="TRAP a former employer in a bio",
    ),
]


@pytest.mark.parametrize(("text", "url", "metadata_outlet", "title", "expected"), CASES)
def test_choose_outlet(text: str, url: str, metadata_outlet: str, title: str, expected: tuple) -> None:
    choice = choose_outlet(text=text, url=url, metadata_outlet=metadata_outlet, title=title)
    assert (choice.outlet, choice.basis, choice.origin, choice.country, choice.kind) == expected


def test_the_basis_vocabulary_is_the_one_the_column_documents() -> None:
    meaning = next(c.meaning for c in COLUMNS if c.name == "outlet_basis")
    for basis in OUTLET_BASES:
        assert basis in meaning, basis
    assert set(choose_outlet(text=BODY).as_columns()) == {
        "outlet",
        "outlet_basis",
        "outlet_country",
        "outlet_kind",
        "origin",
    }
