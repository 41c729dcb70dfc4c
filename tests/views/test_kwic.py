"""lib/views/kwic.py: every occurrence of a term's word forms, with its context cut at whole words."""

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
        ("U.S.", ["U.S", "u.s"]),  # the closing full stop is read as the end of the word
        ("tariff", ["Tariffs", "tariff", "TARIFF"]),
        ("tariffs", ["Tariffs", "tariff", "TARIFF"]),
        ("(a+b)", ["a+b"]),
        ("Japan", ["Japan"]),
        ("apa", []),
        ("  ", []),
    ],
)
def test_kwic_matches_word_forms_from_the_start_of_a_word(texts, term, matches):
    table = kwic(texts, term)
    assert list(table.columns) == list(KWIC_COLUMNS)
    assert list(table["match"]) == matches


def test_kwic_context_is_flattened_and_cut_to_width_at_whole_words(texts):
    row = kwic(texts, "japan", width=12).iloc[0]
    assert (row["left"], row["match"], row["right"]) == ("U.S. and", "Japan", ". The u.s.")  # not "he U.S."
    row = kwic(texts, "side", width=10).iloc[0]
    assert (row["left"], row["match"], row["right"]) == ("The u.s.", "side", "agreed;")
    assert row["article_id"] == "a0" and row["title"] == "One"


def test_kwic_stops_at_the_limit(texts):
    assert len(kwic(texts, "tariff", limit=1)) == 1
