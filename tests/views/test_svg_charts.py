"""The Overview's SVG topic chart: bars, numbers, escaping, the corrected marks."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from lib.evaluation.prevalence import Counts
from lib.reference.taxonomy import default_taxonomy, parse_taxonomy
from lib.views.svg_charts import CORRECTED_NOTE, nice_ticks, prevalence_svg
from lib.views.validated import LoadedValidation, TaggingErrors, prevalence_table, validated_share, with_validated_range

TAXONOMY = default_taxonomy()
SVG = "{http://www.w3.org/2000/svg}"


def _tree(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # also proves the markup is well formed


def _bars(root) -> list[tuple[str, float, str, str]]:
    return [
        (
            group.get("data-topic"),
            float(group.find(f"{SVG}rect").get("width")),
            group.find(f"{SVG}rect").get("fill"),
            group.find(f"{SVG}title").text,
        )
        for group in root.iter(f"{SVG}g")
        if group.get("data-topic")
    ]


def test_bars_in_taxonomy_order_and_colours_with_counts_and_shares():
    counts = {"security": 6, "trade": 2, "tariffs": 0, "defense_spending": 1}
    root = _tree(prevalence_svg(counts, TAXONOMY, 8))
    bars = _bars(root)
    assert [b[0] for b in bars] == list(TAXONOMY.keys)
    assert [b[2] for b in bars] == list(TAXONOMY.colours().values())
    widths = {key: width for key, width, _, _ in bars}
    assert widths["tariffs"] == 0 and widths["security"] == pytest.approx(3 * widths["trade"])
    assert bars[0][3] == "Security: 6 of 8 articles (75%)"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "6 (75%)" in texts and "Articles tagged with each topic" in texts
    assert root.get("role") == "img" and root.get("data-chart") == "topic-prevalence"


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (3, [0, 1, 2, 3]),
        (6, [0, 2, 4, 6]),
        (9, [0, 2, 4, 6, 8, 10]),
        (1234, [0, 500, 1000, 1500]),
    ],
)
def test_axis_ticks_are_whole_round_numbers(largest, ticks):
    assert nice_ticks(largest) == ticks


def test_no_articles_says_so():
    root = _tree(prevalence_svg({}, TAXONOMY, 0))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["No articles loaded."]


def test_a_taxonomy_label_is_text_never_markup():
    text = '[[topic]]\nkey = "x"\nlabel = "<script>alert(1)</script> & \\"quotes\\""\nterms = ["tariff"]\n'
    taxonomy = parse_taxonomy(text)
    svg = prevalence_svg({"x": 1}, taxonomy, 2)
    assert "<script" not in svg
    root = _tree(svg)
    assert '<script>alert(1)</script> & "quotes"' in [t.text for t in root.iter(f"{SVG}text")]


def test_corrected_marks_sit_at_the_corrected_count_hollow_when_thin():
    errors = TaggingErrors(Counts(18, 20), Counts(57, 60), thin=False)
    loaded = LoadedValidation(80, {"trade": errors, "tariffs": TaggingErrors(Counts(4, 5), Counts(9, 10), thin=True)})
    counts = {"security": 3, "trade": 40, "tariffs": 10, "defense_spending": 0}
    svg = prevalence_svg(counts, TAXONOMY, 100, with_validated_range(prevalence_table(counts, 100), loaded))
    root = _tree(svg)
    marks = {g.get("data-corrected"): g for g in root.iter(f"{SVG}g") if g.get("data-corrected")}
    assert set(marks) == {"Trade", "Tariffs"}
    estimate = validated_share(40, 100, errors)[0] * 100
    assert f"corrected for tagging errors {estimate:,.0f}" in marks["Trade"].find(f"{SVG}title").text
    assert marks["Tariffs"].find(f"{SVG}polygon").get("fill") == "white"
    assert CORRECTED_NOTE in [t.text for t in root.iter(f"{SVG}text")]
    # The mark stands where its count would: on the same scale as the bars.
    points = [tuple(map(float, p.split(","))) for p in marks["Trade"].find(f"{SVG}polygon").get("points").split()]
    trade_width = next(w for key, w, _, _ in _bars(root) if key == "trade")
    bar_left = float(next(g for g in root.iter(f"{SVG}g") if g.get("data-topic")).find(f"{SVG}rect").get("x"))
    assert points[0][0] - bar_left == pytest.approx(trade_width * estimate / 40, abs=0.2)
    assert re.search(r"<(script|a|style|foreignObject)\b", svg) is None
