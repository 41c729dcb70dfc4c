from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.annotate.sentiment import ENGINES
from lib.views.state import (
    DEFAULTS,
    MAX_SMOOTHING,
    QUERY_KEYS,
    ViewState,
    docs_table,
    ignored_notice,
    without_unknown,
)

LABELS = {"tariffs": "Tariffs", "trade": "Trade", "security": "Security"}


# --- parsing and writing --------------------------------------------------------------------


def test_default_state_writes_an_empty_query():
    assert ViewState().to_query() == {}
    assert ViewState.from_query({}) == ViewState()


def test_every_field_has_exactly_one_query_key():
    carried = [name for spec in QUERY_KEYS for name in spec.fields]
    assert sorted(carried) == sorted(f.name for f in fields(ViewState))
    keys = [spec.key for spec in QUERY_KEYS]
    assert len(keys) == len(set(keys))


def test_docs_table_documents_every_key():
    table = docs_table()
    assert list(table["key"]) == [spec.key for spec in QUERY_KEYS]
    assert table["meaning"].str.len().gt(10).all()
    assert table["form"].str.len().gt(0).all()


@pytest.mark.parametrize(
    ("state", "query"),
    [
        (ViewState(date_from=date(2025, 1, 1)), {"from": "2025-01-01"}),
        (ViewState(topics=("tariffs", "trade")), {"topic": "tariffs,trade"}),
        (ViewState(pms=("Ishiba",)), {"pm": "Ishiba"}),
        (ViewState(outlets=("Nikkei, Inc.",)), {"outlet": "Nikkei\\, Inc."}),
        (ViewState(polarity_min=-0.5), {"pol": "-0.5,1"}),
        (ViewState(search="trade deal"), {"q": "trade deal"}),
        (ViewState(include_undated=False), {"undated": "0"}),
        (ViewState(granularity="week", measure="share"), {"gran": "week", "measure": "share"}),
        (ViewState(smoothing=3), {"smooth": "3"}),
        (ViewState(show_terms=False, pm_normalise=True), {"bands": "0", "per100": "1"}),
        (ViewState(article="ab12", kwic="Tomahawk"), {"article": "ab12", "kwic": "Tomahawk"}),
        (ViewState(tone="vader"), {"tone": "vader"}),
    ],
)
def test_to_query_writes_only_non_defaults_with_short_keys(state, query):
    assert state.to_query() == query
    assert ViewState.from_query(query) == state


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Lists: comma-separated, repeated, or both; blanks and duplicates dropped.
        ({"topic": "trade, tariffs"}, ViewState(topics=("trade", "tariffs"))),
        ({"topic": ["trade", "tariffs"]}, ViewState(topics=("trade", "tariffs"))),
        ({"topic": ["trade,security", "trade"]}, ViewState(topics=("trade", "security"))),
        ({"pm": ",,Ishiba,"}, ViewState(pms=("Ishiba",))),
        # Junk falls back to the default, field by field.
        ({"from": "yesterday", "to": "2025-02-30"}, ViewState()),
        ({"from": "2025-03-01", "to": "junk"}, ViewState(date_from=date(2025, 3, 1))),
        ({"gran": "fortnight"}, ViewState()),
        ({"gran": "WEEK"}, ViewState(granularity="week")),
        ({"measure": ""}, ViewState()),
        ({"smooth": "0"}, ViewState()),
        ({"smooth": "2.5"}, ViewState()),
        ({"smooth": str(MAX_SMOOTHING + 1)}, ViewState()),
        ({"smooth": "1e9"}, ViewState()),
        ({"pol": "-2,1"}, ViewState()),
        ({"pol": "nan,1"}, ViewState()),
        ({"pol": "0.5"}, ViewState()),
        ({"pol": "a,b"}, ViewState()),
        ({"undated": "maybe"}, ViewState()),
        ({"undated": "no"}, ViewState(include_undated=False)),
        ({"bands": "false", "per100": "yes"}, ViewState(show_terms=False, pm_normalise=True)),
        ({"unknown": "x", "from": None}, ViewState()),
        ({"smooth": 3}, ViewState(smoothing=3)),
        ({"topic": []}, ViewState()),
        # Repeated single-valued keys: the last wins.
        ({"gran": ["week", "year"]}, ViewState(granularity="year")),
        # Reversed ranges are read the way they were surely meant.
        ({"pol": "0.5,-0.5"}, ViewState(polarity_min=-0.5, polarity_max=0.5)),
        (
            {"from": "2025-12-31", "to": "2025-01-01"},
            ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)),
        ),
        ({"q": "x" * 500}, ViewState(search="x" * 200)),
    ],
)
def test_from_query_tolerates_junk(query, expected):
    assert ViewState.from_query(query) == expected


_item = st.text(min_size=1, max_size=12).map(str.strip).filter(bool)
_items = st.lists(_item, max_size=4, unique=True).map(tuple)
_polarity = st.floats(min_value=-1, max_value=1, allow_nan=False)
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def view_states(draw) -> ViewState:
    low, high = sorted((draw(_polarity), draw(_polarity)))
    date_from, date_to = draw(st.none() | _dates), draw(st.none() | _dates)
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return ViewState(
        date_from=date_from,
        date_to=date_to,
        topics=draw(_items),
        pms=draw(_items),
        outlets=draw(_items),
        polarity_min=low,
        polarity_max=high,
        search=draw(st.text(max_size=40)),
        include_undated=draw(st.booleans()),
        granularity=draw(st.sampled_from(["week", "month", "quarter", "year"])),
        measure=draw(st.sampled_from(["count", "share", "polarity"])),
        smoothing=draw(st.integers(1, MAX_SMOOTHING)),
        show_terms=draw(st.booleans()),
        pm_normalise=draw(st.booleans()),
        article=draw(st.text(max_size=20)),
        kwic=draw(st.text(max_size=20)),
        tone=draw(st.sampled_from(sorted(ENGINES))),
    )


@given(view_states())
def test_round_trip(state):
    query = state.to_query()
    assert ViewState.from_query(query) == state
    assert all(isinstance(v, str) for v in query.values())
    for spec in QUERY_KEYS:
        is_default = all(getattr(state, n) == DEFAULTS[n] for n in spec.fields)
        assert (spec.key not in query) == is_default


@given(st.dictionaries(st.sampled_from([s.key for s in QUERY_KEYS]), st.text(max_size=30)))
def test_from_query_never_raises(query):
    state = ViewState.from_query(query)
    assert ViewState.from_query(state.to_query()) == state


def test_the_link_table_has_three_cells_in_every_row():
    import re

    from lib.views.state import docs_markdown

    for row in docs_markdown().splitlines():
        assert len(re.findall(r"(?<!\\)\|", row)) == 4, row


KNOWN = {"topics": ["trade", "security"], "pms": ["Kishida", "Ishiba"], "outlets": ["Jiji Press"]}


@pytest.mark.parametrize(
    ("state", "kept", "dropped"),
    [
        (ViewState(), ViewState(), {}),
        (ViewState(topics=("bogus",)), ViewState(), {"topics": ("bogus",)}),
        (
            ViewState(topics=("trade", "bogus"), pms=("Nobody",), outlets=("Jiji Press",)),
            ViewState(topics=("trade",), outlets=("Jiji Press",)),
            {"topics": ("bogus",), "pms": ("Nobody",)},
        ),
        # A link's spelling is read in the known one, not dropped.
        (ViewState(pms=("ishiba", "ISHIBA")), ViewState(pms=("Ishiba",)), {}),
    ],
)
def test_values_a_link_names_that_the_data_does_not_hold_are_dropped(state, kept, dropped):
    assert without_unknown(state, KNOWN) == (kept, dropped)


@pytest.mark.parametrize(
    ("dropped", "notice"),
    [
        ({}, ""),
        (
            {"topics": ("bogus",)},
            'This link names a value these articles do not have, so it is ignored: topic "bogus".',
        ),
        (
            {"pms": ("Nobody",), "outlets": ("A", "B")},
            "This link names values these articles do not have, so they are ignored: "
            'prime minister "Nobody"; outlets "A", "B".',
        ),
    ],
)
def test_the_notice_names_every_ignored_value(dropped, notice):
    assert ignored_notice(dropped) == notice
