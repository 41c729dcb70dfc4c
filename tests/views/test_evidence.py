"""lib/views/evidence.py: the article view's facts and topic evidence, as data."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.views.evidence import article_facts, topic_evidence

ARTICLE = {
    "title": "Ministers meet",
    "title_basis": "heading",
    "outlet": "Example Daily",
    "outlet_basis": "domain",
    "outlet_country": "JP",
    "outlet_kind": "newspaper",
    "origin": "Example Wire",
    "source": "page.html",
    "published": pd.Timestamp("2024-03-05"),
    "date_basis": "text",
    "date_evidence": "dateline: TOKYO, March 5",
    "pm": "Kishida",
    "pm_basis": "date",
    "pms_mentioned": ["Kishida", "Abe"],
    "polarity": 0.1234,
    "n_words": 1520,
}


def test_facts_name_each_value_and_where_it_came_from():
    facts = article_facts(ARTICLE)
    assert facts.headline == [
        ("Published", "2024-03-05"),
        ("Prime minister", "Kishida"),
        ("Polarity", "+0.12"),
        ("Words", "1,520"),
    ]
    assert facts.provenance == [
        "Title from: heading",
        "Outlet: Example Daily (from domain) [newspaper, JP]; credits Example Wire",
        "Source: page.html",
        "Date: 2024-03-05 (from text: dateline: TOKYO, March 5)",
        "PM: Kishida (from date)",
        "PMs named in the text: Kishida, Abe",
    ]


@pytest.mark.parametrize("as_series", [False, True])
def test_an_article_with_nothing_known_says_so(as_series):
    bare = {
        "title": "t",
        "source": "x.txt",
        "published": pd.NaT,
        "date_basis": "none",
        "date_evidence": "",
        "pm": "",
        "pm_basis": "none",
        "pms_mentioned": [],
        "outlet": "",
        "polarity": 0.0,
        "n_words": 3,
    }
    facts = article_facts(pd.Series(bare) if as_series else bare)
    assert facts.headline[0] == ("Published", "undated")
    assert facts.headline[1] == ("Prime minister", "unknown")
    assert "Outlet: unknown" in facts.provenance
    assert "Date: undated" in facts.provenance
    assert "PM: unknown" in facts.provenance
    assert facts.provenance[-1] == "PMs named in the text: none"


def test_origin_equal_to_outlet_is_not_repeated():
    facts = article_facts({**ARTICLE, "origin": "Example Daily"})
    assert "credits" not in facts.provenance[1]


def test_topic_evidence_gives_verdict_terms_vetoes_and_sentences():
    scores = [
        {
            "key": "security",
            "hits": 2,
            "tagged": True,
            "polarity": -0.25,
            "terms": ["missile", "deterrence"],
            "sentences": [{"text": "A missile was tested.", "polarity": -0.1234}],
        },
        {
            "key": "tariffs",
            "hits": 0,
            "tagged": False,
            "polarity": None,
            "terms": [],
            "sentences": [],
            "vetoes": ["'national security' as a tariff's legal basis"],
        },
    ]
    blocks = topic_evidence(scores, {"security": "Security"})
    assert blocks[0].heading == "Security: 2 mention(s), tagged, sentence polarity -0.25"
    assert blocks[0].notes == ["Terms: missile, deterrence"]
    assert blocks[0].sentences == [{"sentence": "A missile was tested.", "polarity": -0.123}]
    assert blocks[1].heading == "tariffs: 0 mention(s), not tagged"
    assert blocks[1].notes == ["Terms: none", "Not counted: 'national security' as a tariff's legal basis"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [([], None), ([1], "b"), ([4], None), ([-1], None), ([9, 0], "a")],
    ids=["nothing", "a row", "a row the narrowed list no longer has", "negative", "first valid"],
)
def test_a_selection_the_list_no_longer_holds_is_dropped(rows, expected):
    from lib.views.evidence import selected_id

    assert selected_id(["a", "b", "c"], rows) == expected
