"""lib.views.warehouse answers every question a page asks exactly as the pandas path does on the same
store (lib.views.sources.FrameSelection over open_store_frame), for many views."""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from bench.make_corpus import write_corpus
from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import build_store
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_frame import open_store_frame, search_store
from lib.pipeline.store_stories import STORIES_FILE, read_store_stories
from lib.reference.taxonomy import default_taxonomy
from lib.views.aggregate import MEASURES, TONE_MEASURES
from lib.views.matching import word_form_pattern
from lib.views.sources import FrameSource
from lib.views.state import ViewState
from lib.views.warehouse import Warehouse
from tests.conftest import SEEDS

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """A store built over three runs (so several parts), holding a duplicate text and an input
    re-analysed after an edit, read both ways."""
    root = tmp_path_factory.mktemp("warehouse")
    corpus = root / "corpus"
    write_corpus(240, root / "generated", seed=7, formats=("files",), until=TODAY, progress_every=0)
    shutil.copytree(root / "generated" / "files", corpus)
    store = root / "store"
    build_store(corpus, store=store)
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copy(SEEDS / "004_8cd4bb05cd7be1fb.txt", corpus / "zz_copy_of_004.txt")
    build_store(corpus, store=store)
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nTariffs on steel were raised again.\n", encoding="utf-8")
    build_store(corpus, store=store)
    # A part written twice (as after a run that re-analysed an input): later parts win, once.
    for folder in (store / "base", *(store / "tags").iterdir()):
        first = sorted(folder.glob("part-*.parquet"))[0]
        shutil.copy(first, folder / "part-zz-rewritten.parquet")
    article_store = ArticleStore(store, get_engine())
    taxonomy = default_taxonomy()
    frame = FrameSource(
        open_store_frame(article_store, taxonomy),
        search=lambda t: search_store(article_store, word_form_pattern(t, capture=False), regex=True),
    )
    return frame, Warehouse(article_store, taxonomy)


def test_the_store_has_several_parts_and_a_duplicate(sources):
    frame, warehouse = sources
    assert len(warehouse.store.parts(warehouse.store.base_dir)) == 4
    # The copy of 004 is kept once; the edited file is a new input (its content changed), and
    # the store keeps its earlier version too: a store accumulates, it does not know which
    # sources a later run no longer has.
    assert warehouse.n_total == frame.n_total == 240 + 5 + 1
    assert warehouse.facets() == frame.facets()


VIEWS = {
    "everything": ViewState(),
    "dated range": ViewState(date_from=date(2016, 3, 1), date_to=date(2021, 6, 30)),
    "range without undated": ViewState(date_from=date(2019, 1, 1), include_undated=False),
    "topics": ViewState(topics=("tariffs", "defense_spending")),
    "pms": ViewState(pms=("Abe", "Ishiba")),
    "outlet": ViewState(outlets=("Pacific Wire",)),
    "polarity": ViewState(polarity_min=0.05, polarity_max=0.6),
    "search": ViewState(search="Tomahawk"),
    "search for nothing": ViewState(search="zebra crossing"),
    "everything at once": ViewState(
        date_from=date(2013, 1, 1), topics=("security",), pms=("Abe", "Kishida"), polarity_min=-0.5
    ),
}


def _close(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-9, abs=1e-12)
    return a == b


def assert_frames_close(left: pd.DataFrame, right: pd.DataFrame) -> None:
    left, right = left.reset_index(drop=True), right.reset_index(drop=True)
    assert list(left.columns) == list(right.columns)
    pd.testing.assert_frame_equal(left, right, check_dtype=False, check_exact=False, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", VIEWS)
def test_counts_summaries_and_rows_agree(sources, name):
    frame, warehouse = sources
    expected, got = frame.select(VIEWS[name]), warehouse.select(VIEWS[name])
    assert len(got) == len(expected)
    keys = default_taxonomy().keys
    assert got.summary(keys) == expected.summary(keys)
    assert got.undated() == expected.undated()
    assert got.n_without_pm() == expected.n_without_pm()
    assert_frames_close(got.rows()[list(expected.rows().columns)], expected.rows())
    assert_frames_close(got.rows(7)[list(expected.rows().columns)], expected.rows(7))
    some = expected.rows()["article_id"].tolist()[::3]
    assert got.with_ids(some)["article_id"].tolist() == expected.with_ids(some)["article_id"].tolist()


@pytest.mark.parametrize("name", VIEWS)
@pytest.mark.parametrize("granularity", ["week", "month", "quarter", "year"])
def test_timelines_agree(sources, name, granularity):
    frame, warehouse = sources
    expected, got = frame.select(VIEWS[name]), warehouse.select(VIEWS[name])
    keys = list(default_taxonomy().keys)
    assert_frames_close(got.per_period(granularity), expected.per_period(granularity))
    for measure in MEASURES:
        for smoothing in (1, 3):
            assert_frames_close(
                got.timeline(keys, granularity, measure, smoothing),
                expected.timeline(keys, granularity, measure, smoothing),
            )
    table = expected.timeline(keys, granularity, "count", 1)
    for _, point in table[table["n_tagged"] > 0].head(3).iterrows():
        behind = expected.in_period(point["topic"], point["period"], granularity)
        assert (
            got.in_period(point["topic"], point["period"], granularity)["article_id"].tolist()
            == behind["article_id"].tolist()
        )


@pytest.mark.parametrize("name", VIEWS)
def test_prime_minister_tables_agree(sources, name):
    frame, warehouse = sources
    expected, got = frame.select(VIEWS[name]), warehouse.select(VIEWS[name])
    keys = list(default_taxonomy().keys)
    for tone in TONE_MEASURES:
        assert_frames_close(got.pm_topic_table(keys, TODAY, tone), expected.pm_topic_table(keys, TODAY, tone))
    assert_frames_close(got.pm_counts(TODAY), expected.pm_counts(TODAY))


def test_a_topic_the_taxonomy_lacks_counts_nothing(sources):
    _, warehouse = sources
    selection = warehouse.select(ViewState())
    table = selection.timeline(["not_a_topic"], "year", "count", 1)
    assert table["n_tagged"].sum() == 0
    assert table["n_articles"].tolist() == selection.per_period("year")["n_articles"].tolist()


def test_hostile_filter_values_are_parameters_not_sql(sources):
    _, warehouse = sources
    view = ViewState(pms=("Abe'); DROP TABLE articles; --",), search="x' OR 1=1 --")
    assert len(warehouse.select(view)) == 0
    assert warehouse.n_total == 246


def test_a_taxonomy_edit_is_tagged_from_stored_sentences(tmp_path):
    from lib.pipeline.corpus import load_corpus
    from lib.reference.taxonomy import DEFAULT_TAXONOMY_PATH, load_taxonomy

    load_corpus(SEEDS, store=tmp_path / "store")
    edited = tmp_path / "t.toml"
    edited.write_text(
        DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8") + '\n[[topic]]\nkey = "chips"\nterms = ["semiconductor*"]\n',
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(edited)
    warehouse = Warehouse(ArticleStore(tmp_path / "store", get_engine()), taxonomy)
    assert warehouse.select(ViewState()).summary(taxonomy.keys)["topic_prevalence"]["chips"] == 1
    assert len(warehouse.select(ViewState(topics=("chips",)))) == 1


# --- counting each story once ------------------------------------------------------------------


def test_a_store_is_grouped_into_stories_by_the_run_that_wrote_it(sources):
    """Each run that analysed into the store grouped the whole store again: both paths read the
    same story ids (tests/pipeline/test_store_stories.py checks the grouping itself)."""
    frame, warehouse = sources
    assert frame.facets().stories is warehouse.facets().stories is True
    assert set(frame.frame["article_id"]) <= set(read_store_stories(warehouse.store).index)
    for view in (ViewState(), ViewState(dedup=False)):
        expected, got = frame.select(view), warehouse.select(view)
        assert (len(got), got.reprints) == (len(expected), expected.reprints)


def test_a_store_not_grouped_counts_every_copy_on_both_paths(sources, tmp_path):
    """A store never grouped (or grown by a run killed before grouping): with the switch on,
    both answers count every copy and say so."""
    frame, warehouse = sources
    copy = tmp_path / "store"
    shutil.copytree(warehouse.store.root, copy)
    (copy / STORIES_FILE).unlink()
    store = ArticleStore(copy, get_engine())
    frame = FrameSource(open_store_frame(store, default_taxonomy()))
    warehouse = Warehouse(store, default_taxonomy())
    assert frame.facets().stories is warehouse.facets().stories is False
    for source in (frame, warehouse):
        selection = source.select(ViewState())
        assert (len(selection), selection.reprints) == (246, 0)
        assert source.story_of("missing").empty
    some = frame.select(ViewState()).rows()["article_id"].iloc[5]
    assert warehouse.story_of(some)["article_id"].tolist() == frame.story_of(some)["article_id"].tolist() == [some]


@pytest.fixture(scope="module")
def grouped(sources):
    """The same store with articles grouped into stories: each run of three articles (in store
    order) is one story whose id is its middle article's, so originals are not always first."""
    frame, warehouse = sources
    ids = frame.frame["article_id"]
    story_ids = pd.Series(ids.iloc[[min(i // 3 * 3 + 1, len(ids) - 1) for i in range(len(ids))]].to_numpy(), index=ids)
    grouped_frame = FrameSource(frame.frame.assign(story_id=story_ids.to_numpy()), search=frame.search)
    grouped_warehouse = Warehouse(warehouse.store, warehouse.taxonomy)
    grouped_warehouse.add_story_ids(story_ids)
    return grouped_frame, grouped_warehouse


@pytest.mark.parametrize("name", VIEWS)
def test_counting_each_story_once_agrees(grouped, name):
    frame, warehouse = grouped
    keys = list(default_taxonomy().keys)
    for view in (VIEWS[name], replace(VIEWS[name], dedup=False)):
        expected, got = frame.select(view), warehouse.select(view)
        assert (len(got), got.reprints) == (len(expected), expected.reprints)
        assert got.summary(tuple(keys)) == expected.summary(tuple(keys))
        assert got.rows()["article_id"].tolist() == expected.rows()["article_id"].tolist()
        assert_frames_close(got.timeline(keys, "year", "count", 1), expected.timeline(keys, "year", "count", 1))
        assert_frames_close(got.pm_topic_table(keys, TODAY), expected.pm_topic_table(keys, TODAY))
    assert frame.select(ViewState()).reprints > 0 and frame.facets() == warehouse.facets()


def test_story_copies_agree(grouped):
    frame, warehouse = grouped
    for article_id in frame.frame["article_id"].iloc[[0, 4, -1]]:
        assert (
            warehouse.story_of(article_id)["article_id"].tolist() == frame.story_of(article_id)["article_id"].tolist()
        )
