"""lib/evaluation/agreement.py: Krippendorff's alpha and percent agreement of two coders."""

from __future__ import annotations

import math

import pytest

from lib.evaluation.agreement import compare_codings, field_agreement, krippendorff_alpha
from lib.evaluation.codings import parse_codings


@pytest.mark.parametrize(
    ("first", "second", "level", "expected"),
    [
        # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A:
        # binary data, two observers, ten units, no missing data -> alpha = 0.095.
        ([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0], "nominal", 0.095),
        # Perfect agreement with variation: 1.
        ([1, 0, 1, 0], [1, 0, 1, 0], "nominal", 1.0),
        # Values need not be numbers for nominal fields (dates, PMs).
        (["Abe", "Suga", "Abe"], ["Abe", "Suga", "Abe"], "nominal", 1.0),
        # A missing value (None) drops that pairing only.
        ([1, 0, None, 1, 0], [1, 0, 1, 1, 0], "nominal", 1.0),
    ],
)
def test_alpha_golden(first, second, level, expected):
    assert krippendorff_alpha(first, second, level) == pytest.approx(expected, abs=5e-4)


def test_ordinal_tone_counts_near_misses_as_less_wrong():
    coder = [-1, 0, 1, -1, 0, 1, 0, 0]
    off_by_one = [0, 0, 1, -1, 0, 1, 0, 0]
    off_by_two = [1, 0, 1, -1, 0, 1, 0, 0]
    assert krippendorff_alpha(coder, off_by_one, "ordinal") > krippendorff_alpha(coder, off_by_two, "ordinal")


def test_one_value_only_leaves_alpha_undefined_but_agreement_measured():
    result = field_agreement("tariffs", [0, 0, 0], [0, 0, 0])
    assert math.isnan(result.alpha)
    assert result.agreement.hits == 3 and result.units == 3


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha([1], [1], "ratio-ish")


TOPICS = ("harbour", "grain")
FIRST = """file,article_id,published,pm,title,outlet,harbour,grain,tone,date_right,pm_right
a.txt,ida,2024-05-02,Kishida,,,1,0,-1,1,1
b.txt,idb,,,,,0,1,0,0,1
c.txt,idc,2019-07-10,Abe,,,1,1,1,1,1
d.txt,idd,2021-01-05,Suga,,,0,0,,1,1
"""
SECOND = """file,article_id,published,pm,title,outlet,harbour,grain,tone,date_right,pm_right
a.txt,ida,2024-05-02,Kishida,,,1,1,-1,1,1
b.txt,idb,,,,,0,1,1,0,1
c.txt,idc,2019-07-11,Abe,,,1,1,1,0,1
e.txt,ide,2020-02-02,Abe,,,0,0,0,1,1
"""


def test_compare_codings_lists_fields_and_disagreements():
    result = compare_codings(parse_codings(FIRST, TOPICS, name="a"), parse_codings(SECOND, TOPICS, name="b"))
    by_field = {field.field: field for field in result.fields}
    assert list(by_field) == ["harbour", "grain", "tone", "date", "pm"]
    assert by_field["harbour"].agreement.hits == 3 and by_field["harbour"].units == 3
    assert by_field["grain"].agreement.hits == 2
    assert by_field["tone"].units == 3  # d.txt has no tone, and is not in the second file anyway
    assert by_field["date"].agreement.hits == 2
    assert [(d.file, d.field, d.first, d.second) for d in result.disagreements] == [
        ("a.txt", "grain", "0", "1"),
        ("b.txt", "tone", "0", "1"),
        ("c.txt", "date", "2019-07-10", "2019-07-11"),
    ]
    assert result.only_first == ("d.txt",) and result.only_second == ("e.txt",)
