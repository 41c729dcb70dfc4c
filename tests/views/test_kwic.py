"""lib/views/kwic.py: every occurrence of a term, literally, on word boundaries, with its context."""

import pytest
from frames import make_frame

from lib.views.kwic import KWIC_COLUMNS, kwic


@pytest.fixture
def texts():
    return make_frame(
        [
            dict(title="One", text="The U.S. and Japan.\nThe u.s. side agreed; US aid."),
            dict(title="Two", text="Tariffs, tariff and TARIFF rates (a+b)."),
        ]
    )


@pytest.mark.parametrize(
    ("term", "matches"),
    [
        ("U.S.", ["U.S.", "u.s."]),
        ("tariff", ["tariff", "TARIFF"]),
        ("(a+b)", ["(a+b)"]),
        ("a+b", ["a+b"]),
        ("Japan", ["Japan"]),
        ("apa", []),
        ("  ", []),
    ],
)
def test_kwic_matches_literally_on_word_boundaries(texts, term, matches):
    table = kwic(texts, term)
    assert list(table.columns) == list(KWIC_COLUMNS)
    assert list(table["match"]) == matches


def test_kwic_context_is_flattened_and_cut_to_width(texts):
    row = kwic(texts, "u.s.", width=10).iloc[1]
    assert (row["left"], row["match"], row["right"]) == ("apan. The ", "u.s.", " side agre")
    assert row["article_id"] == "a0" and row["title"] == "One"


def test_kwic_stops_at_the_limit(texts):
    assert len(kwic(texts, "tariff", limit=1)) == 1
