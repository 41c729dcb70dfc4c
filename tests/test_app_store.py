"""The dashboard opened on an analysis store (ALLIANCE_LENS_STORE): figures from DuckDB
(lib.views.warehouse), texts read on demand for reading, search and keyword in context."""

from __future__ import annotations

import pytest

from lib.pipeline.corpus import load_corpus
from tests.conftest import PAGES, SEEDS


@pytest.fixture
def store_app(app, tmp_path, monkeypatch):
    load_corpus(SEEDS, store=tmp_path / "store")
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(tmp_path / "store"))
    return app


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_a_store(store_app, page):
    at = store_app.run()
    assert not at.exception
    assert metrics(at)["Articles"] == "5"
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]


def test_search_reads_texts_from_the_store(store_app):
    at = store_app.run()
    at.sidebar.text_input(key="f_search").input("Tomahawk").run()
    assert metrics(at)["Articles"] == "1"


def test_an_article_and_kwic_read_texts_on_demand(store_app):
    from lib import load_articles

    frame = load_articles(SEEDS)
    target = frame[frame["source"].str.contains("004")].iloc[0]
    store_app.query_params["article"] = target["article_id"]
    store_app.query_params["kwic"] = "alliance"
    at = store_app.run()
    at.switch_page("pages/3_Articles.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f'<h3 class="article-title">{target["title"]}</h3>' in h.proto.body for h in at.get("html"))
    assert any("occurrence" in c.value and "“alliance”" in c.value for c in at.caption)


def test_a_damaged_store_part_is_reported_and_the_rest_shown(app, tmp_path, monkeypatch):
    store = tmp_path / "store"
    load_corpus(SEEDS, store=store)
    load_corpus(tmp_path / "missing-is-fine", store=store)  # a second, empty run: nothing added
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "a.txt").write_text("Japan and the United States discussed tariffs and the alliance.", encoding="utf-8")
    load_corpus(extra, store=store)
    newest = max((store / "base").glob("part-*.parquet"), key=lambda p: p.stat().st_mtime_ns)
    newest.write_bytes(newest.read_bytes()[:100])  # truncated on disk
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(store))
    at = app.run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Articles"] == "5"
    assert any("could not be read" in w.value for w in at.warning)


def test_a_store_is_not_called_the_sample_and_has_no_ingest_report(store_app):
    at = store_app.run()
    assert not any("bundled sample" in i.value for i in at.info)
    assert any("read from an analysis store" in i.value for i in at.info)
    assert not any("Every input was used" in s.value for s in at.success)


def test_a_topic_filter_picks_the_topics_not_the_share_denominator(app, tmp_path, monkeypatch):
    """Filtered to Security, the share of articles tagged Security would be 100% by
    construction; it is taken over the articles the other filters keep."""
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "steel.txt").write_text(
        "Steel talks\n\nPublished on November 20, 2024\n\nJapan and the United States discussed tariffs "
        "on steel and cars in Washington on Wednesday, trade officials said.",
        encoding="utf-8",
    )
    load_corpus(corpus, store=tmp_path / "store")
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(tmp_path / "store"))
    app.query_params["topic"] = "security"
    app.query_params["measure"] = "share"
    app.query_params["gran"] = "year"
    at = app.run()
    at.switch_page("pages/1_Themes_over_time.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.caption[0].value.endswith("of 6 articles: Security · tone by TextBlob")
    points = [
        point
        for chart in at.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        for point in trace.get("customdata") or []
    ]
    by_year = {label: (n_tagged, n_articles) for label, _topic, n_tagged, n_articles, *_ in points}
    assert by_year["2024"][1] > by_year["2024"][0] >= 1  # the steel article counts in the denominator
    at.switch_page("pages/2_By_prime_minister.py").run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "share" in d.value.columns)
    assert (table["share"] < 1).any(), table


def test_a_store_without_the_linked_engine_says_so_and_shows_the_one_it_has(store_app):
    store_app.query_params["tone"] = "vader"
    at = store_app.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.caption[0].value.endswith("tone by TextBlob")
    assert any("holds no scores by VADER" in c.value and "--sentiment vader" in c.value for c in at.sidebar.caption)


def test_a_store_built_with_two_engines_serves_either(app, tmp_path, monkeypatch):
    from lib.annotate.sentiment import get_engine

    load_corpus(SEEDS, store=tmp_path / "store")
    load_corpus(SEEDS, store=tmp_path / "store", engine=get_engine("vader"))
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(tmp_path / "store"))
    app.query_params["tone"] = "vader"
    at = app.run()
    at.switch_page("pages/3_Articles.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.caption[0].value.endswith("tone by VADER")
    assert not any("holds no scores" in c.value for c in at.sidebar.caption)
    vader = at.dataframe[0].value["polarity"].tolist()
    at.sidebar.selectbox(key="f_tone").set_value("textblob").run()
    assert at.dataframe[0].value["polarity"].tolist() != vader


@pytest.mark.parametrize("page", PAGES)
def test_a_store_with_every_part_damaged_says_so_on_every_page(app, tmp_path, monkeypatch, page):
    store = tmp_path / "store"
    load_corpus(SEEDS, store=store)
    for part in (store / "base").glob("part-*.parquet"):
        part.write_bytes(part.read_bytes()[:100])
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(store))
    at = app.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("could not be read" in w.value for w in at.warning)
