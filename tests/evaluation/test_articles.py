"""lib/evaluation/articles.py: a scorecard from output rows and labels, written by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.evaluation.articles import match_rows, score_articles
from lib.evaluation.labels import parse_labels

TOPICS = ("alliance", "commerce")
LABELS = """file,published,pm,title,outlet,alliance,commerce,notes
pages/a.txt,2024-05-02,Kishida,Ferry talks resume,Harbour Gazette (Wire Service),1,0,
pages/b.txt,,,,Valley Times,0,1,TRAP: a caption date
pages/c.txt,2019-07-10,Abe,Grain quota eased,,1,1,
pages/d.txt,2021-01-05,Suga,,,0,0,
"""


def row(source: str, **values) -> dict:
    base = dict(
        source=source,
        published=None,
        date_basis="none",
        date_evidence="",
        pm="",
        pm_basis="none",
        pms_mentioned=[],
        title="",
        title_basis="first_sentence",
        outlet="",
        outlet_basis="none",
        origin="",
        topics=[],
        topic_scores=[],
        warnings=[],
    )
    return base | values


ROWS = [
    row(
        "in/pages/a.txt",
        published=pd.Timestamp("2024-05-03"),  # one day late: still right
        date_basis="text",
        date_evidence="timestamp: 3 May 2024",
        pm="Kishida",
        title="FERRY TALKS RESUME",
        title_basis="heading",
        outlet="Wire Service",  # the credited agency counts
        topics=["alliance"],
    ),
    row(
        "in/pages/b.txt",
        published=pd.Timestamp("2020-02-02"),  # invented
        date_basis="text",
        date_evidence="caption: 2 February 2020",
        pm="Abe",  # invented
        title="A photo caption",
        title_basis="heading",  # a claimed headline where none is visible
        outlet="Valley Tribune",  # wrong
        topics=["alliance", "commerce"],
        topic_scores=[{"key": "alliance", "hits": 1, "reason": "weight 3", "terms": ["pact"], "vetoes": []}],
    ),
    row(
        "in/pages/c.txt",
        published=pd.Timestamp("2019-07-13"),  # three days off
        date_basis="metadata",
        date_evidence="date: 2019-07-13",
        pm="Suga",
        title="Grain quota eased",
        title_basis="heading",
        topics=["commerce"],
        topic_scores=[
            {"key": "alliance", "hits": 1, "reason": "too slight", "terms": ["ally"], "vetoes": ["'ally': framing"]}
        ],
    ),
    row("in/pages/d.txt", published=pd.Timestamp("2021-01-05"), date_basis="text", pm="Suga", title="Stand-in"),
    row("in/pages/unlabelled.txt"),
]


@pytest.fixture
def card():
    return score_articles(pd.DataFrame(ROWS), parse_labels(LABELS, TOPICS))


def test_field_shares(card) -> None:
    assert (card.labelled, card.matched, card.unmatched) == (4, 4, ())
    assert (card.dates.hits, card.dates.n) == (2, 3)
    assert {basis: (s.hits, s.n) for basis, s in card.dates_by_basis.items()} == {"metadata": (0, 1), "text": (2, 2)}
    assert {kind: (s.hits, s.n) for kind, s in card.dates_by_evidence.items()} == {
        "date": (0, 1),
        "none": (1, 1),
        "timestamp": (1, 1),
    }
    assert (card.invented_dates.hits, card.invented_dates.n) == (1, 1)
    assert (card.pm.hits, card.pm.n) == (2, 3)
    assert (card.invented_pms.hits, card.invented_pms.n) == (1, 1)
    assert (card.titles.hits, card.titles.n) == (2, 2)
    # b claims a heading; d's first-sentence stand-in is not a claim.
    assert (card.invented_titles.hits, card.invented_titles.n) == (1, 2)
    assert (card.outlets_named.hits, card.outlets_named.n) == (2, 4)
    assert (card.outlet_precision.hits, card.outlet_precision.n) == (1, 2)
    assert (card.outlet_recall.hits, card.outlet_recall.n) == (1, 2)


def test_topics(card) -> None:
    alliance, commerce = card.topics
    assert (alliance.confusion.true_positive, alliance.confusion.false_positive, alliance.confusion.false_negative) == (
        1,
        1,
        1,
    )
    assert (commerce.confusion.true_positive, commerce.confusion.false_positive, commerce.confusion.false_negative) == (
        2,
        0,
        0,
    )
    assert alliance.f1.value == pytest.approx(0.5)
    assert commerce.f1.value == pytest.approx(1.0)
    assert card.macro_f1.value == pytest.approx(0.75)
    assert card.macro_f1.low <= 0.75 <= card.macro_f1.high


def test_disagreements_carry_the_evidence_and_notes(card) -> None:
    found = {(miss.file, miss.field): miss for miss in card.disagreements}
    assert set(found) == {
        ("pages/b.txt", "date"),
        ("pages/b.txt", "pm"),
        ("pages/b.txt", "title"),
        ("pages/b.txt", "outlet"),
        ("pages/b.txt", "alliance"),
        ("pages/c.txt", "date"),
        ("pages/c.txt", "pm"),
        ("pages/c.txt", "alliance"),
    }
    invented = found["pages/b.txt", "date"]
    assert (invented.expected, invented.got) == ("none visible", "2020-02-02")
    assert invented.evidence == "date_basis text: caption: 2 February 2020"
    assert invented.notes == "TRAP: a caption date"
    assert found["pages/b.txt", "alliance"].evidence == "weight 3; terms: pact"
    assert found["pages/c.txt", "alliance"].evidence == "too slight; terms: ally; vetoed: 'ally': framing"
    assert (found["pages/c.txt", "alliance"].expected, found["pages/c.txt", "alliance"].got) == ("1", "0")
    assert found["pages/c.txt", "pm"].evidence == "pm_basis none; named: none"


def test_rows_read_back_from_a_csv_export_score_the_same(card) -> None:
    """A CSV export joins lists with ';' and writes records as JSON."""
    flat = pd.DataFrame(ROWS)
    flat["topics"] = flat["topics"].map(";".join)
    flat["topic_scores"] = flat["topic_scores"].map(lambda v: pd.io.json.ujson_dumps(v))
    flat["published"] = flat["published"].map(lambda v: "" if v is None or pd.isna(v) else f"{v:%Y-%m-%d}")
    again = score_articles(flat, parse_labels(LABELS, TOPICS))
    assert again == card


def test_matching_by_file_name() -> None:
    labels = parse_labels("file,published,pm,title,outlet\nset1/a.txt,,,,\nb.txt,,,,\nc.txt,,,,\n", ())
    frame = pd.DataFrame(
        [row("x/set1/a.txt"), row("x/set2/a.txt"), row("x/b.txt"), row("y/b.txt"), row("bundle.zip!c.txt")]
    )
    pairs, unmatched = match_rows(frame, labels)
    assert [(label.file, found["source"]) for label, found in pairs] == [
        ("set1/a.txt", "x/set1/a.txt"),
        ("c.txt", "bundle.zip!c.txt"),
    ]
    assert unmatched == ["b.txt: 2 output rows have this name"]


def test_a_labelled_file_without_a_row_is_reported() -> None:
    labels = parse_labels("file,published,pm,title,outlet\ngone.txt,2024-01-01,,,\n", ())
    card = score_articles(pd.DataFrame([row("here.txt")]), labels)
    assert card.matched == 0
    assert card.unmatched == ("gone.txt: no output row (not found or not readable; see the ingest report)",)
    assert card.dates.n == 0
