"""lib/annotate/date_grammar.py's fast year pattern finds exactly what the lookbehind-first one finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lib.annotate.date_grammar import _FAST_YEAR, _YEAR

texts = st.text(alphabet="0123456789 12.-/a١٢𝟙\n", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(texts)
@example("1999 2024 12024 a2019 ١2020 𝟙1999 1899 2199 2200")
def test_fast_year_is_year(text: str) -> None:
    assert [m.span() for m in _FAST_YEAR.finditer(text)] == [m.span() for m in _YEAR.finditer(text)]
