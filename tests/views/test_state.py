from dataclasses import fields
from datetime import date

import pytest
from frames import make_frame
from hypothesis import given
from hypothesis import strategies as st

from lib.views.state import (
    DEFAULTS,
    MAX_SMOOTHING,
    QUERY_KEYS,
    ViewState,
    describe,
    docs_table,
    filter_articles,
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


# --- filtering ------------------------------------------------------------------------------


@pytest.fixture
def articles():
    return make_frame(
        [
            dict(
                title="Tariff talks",
                text="Tariffs on cars (25%) loom.",
                topics=["tariffs"],
                pm="Ishiba",
                outlet="Nikkei",
                published="2025-01-01",
                polarity=-0.4,
            ),
            dict(
                title="Alliance",
                text="The security treaty holds.",
                topics=["security"],
                pm="Kishida",
                outlet="Kyodo",
                published="2024-06-30 18:00",
                polarity=0.3,
            ),
            dict(
                title="Trade deal",
                text="A trade deal on chips.",
                topics=["trade", "tariffs"],
                pm="Ishiba",
                outlet="",
                published="2025-12-31 23:59",
                polarity=0.1,
            ),
            dict(
                title="Undated",
                text="Ishiba said security matters.",
                topics=["security"],
                pm="Ishiba",
                pm_basis="text",
                published=None,
                polarity=0.0,
            ),
            dict(title="Old", text="Nothing tagged.", topics=[], pm="", published="2019-05-01", polarity=0.9),
        ]
    )


@pytest.mark.parametrize(
    ("state", "expected_ids"),
    [
        (ViewState(), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), ["a0", "a2", "a3"]),
        (
            ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), include_undated=False),
            ["a0", "a2"],
        ),
        (ViewState(date_to=date(2024, 6, 30), include_undated=False), ["a1", "a4"]),
        (ViewState(include_undated=False), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(topics=("tariffs",)), ["a0", "a2"]),
        (ViewState(topics=("trade", "security")), ["a1", "a2", "a3"]),
        (ViewState(topics=("nonexistent",)), []),
        (ViewState(pms=("Ishiba",)), ["a0", "a2", "a3"]),
        (ViewState(outlets=("Kyodo", "Nikkei")), ["a0", "a1"]),
        (ViewState(polarity_min=0.0, polarity_max=0.3), ["a1", "a2", "a3"]),
        (ViewState(search="TREATY"), ["a1"]),
        (ViewState(search="trade deal"), ["a2"]),
        (ViewState(search="(25%)"), ["a0"]),
        (ViewState(search=".*"), []),
        (ViewState(search="   "), ["a0", "a1", "a2", "a3", "a4"]),
        (ViewState(topics=("security",), pms=("Ishiba",)), ["a3"]),
    ],
)
def test_filter_articles(articles, state, expected_ids):
    assert list(filter_articles(articles, state)["article_id"]) == expected_ids


def test_filter_articles_on_an_empty_frame():
    assert filter_articles(make_frame([]), ViewState(search="x", topics=("trade",))).empty


# --- describing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "shown", "total", "sentence"),
    [
        (ViewState(), 5, 5, "All 5 articles"),
        (ViewState(granularity="year", smoothing=3), 5, 5, "All 5 articles"),
        (ViewState(), 1, 1, "The only article"),
        (ViewState(), 0, 0, "No articles loaded"),
        (
            ViewState(
                topics=("tariffs",),
                pms=("Ishiba",),
                date_from=date(2025, 1, 1),
                date_to=date(2025, 12, 31),
                include_undated=False,
            ),
            38,
            412,
            "38 of 412 articles: Tariffs, Ishiba, 2025-01-01 to 2025-12-31 (undated articles left out)",
        ),
        (
            ViewState(topics=("tariffs", "trade", "custom")),
            7,
            10,
            "7 of 10 articles: Tariffs or Trade or custom",
        ),
        (
            ViewState(date_from=date(2024, 1, 1)),
            3,
            10,
            "3 of 10 articles: from 2024-01-01 (undated articles included)",
        ),
        (
            ViewState(date_to=date(2024, 1, 1), include_undated=False),
            3,
            10,
            "3 of 10 articles: up to 2024-01-01 (undated articles left out)",
        ),
        (
            ViewState(search=" deal ", polarity_min=-0.25, polarity_max=0.5),
            2,
            10,
            '2 of 10 articles: polarity -0.25 to 0.5, containing "deal"',
        ),
        (ViewState(outlets=("Kyodo", "Nikkei")), 4, 10, "4 of 10 articles: Kyodo or Nikkei"),
        (ViewState(), 4, 10, "4 of 10 articles"),
    ],
)
def test_describe(state, shown, total, sentence):
    assert describe(state, shown, total, LABELS) == sentence
