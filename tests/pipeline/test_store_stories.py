"""A store grouped into stories by the run that analysed into it, and the dashboard reading it."""

from __future__ import annotations

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import build_store, load_corpus
from lib.pipeline.store import ArticleStore
from lib.pipeline.store_stories import STORIES_FILE, group_store_stories, read_store_stories
from lib.reference.taxonomy import default_taxonomy
from lib.views.state import ViewState
from lib.views.warehouse import Warehouse
from tests.pipeline.test_stories import HARBOUR_OTHER_PAPER, HARBOUR_WIRE, MARKETS_STORY, REPRINTS


def _write(folder, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _warehouse(store) -> Warehouse:
    return Warehouse(ArticleStore(store, get_engine()), default_taxonomy())


def test_a_store_run_groups_reprints_and_the_dashboard_counts_them_once(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write(
        corpus,
        {
            "a_wire.txt": "Published: 2025-03-04\n\n" + HARBOUR_WIRE,
            "b_reprint.txt": "Published: 2025-03-05\n\n" + REPRINTS["added boilerplate"],
            "c_other_paper.txt": "Published: 2025-03-04\n\n" + HARBOUR_OTHER_PAPER,
            "d_markets.txt": "Published: 2025-03-06\n\n" + MARKETS_STORY,
        },
    )
    build_store(corpus, store=store)
    stories = read_store_stories(ArticleStore(store, get_engine()))
    frame = load_corpus(corpus).frame.set_index("source")
    wire, reprint = (frame.loc[str(corpus / name), "article_id"] for name in ("a_wire.txt", "b_reprint.txt"))
    assert stories[reprint] == stories[wire] == wire  # the first-published copy is the original
    assert len(set(stories)) == 3
    # The same grouping as the analysis gives the same files as one table.
    assert sorted(stories.loc[frame["article_id"]].tolist()) == sorted(frame["story_id"].tolist())

    warehouse = _warehouse(store)
    assert warehouse.facets().stories
    assert (len(warehouse.select(ViewState())), warehouse.select(ViewState()).reprints) == (3, 1)
    assert len(warehouse.select(ViewState(dedup=False))) == 4


def test_a_later_run_regroups_the_whole_store(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write(corpus, {"a_wire.txt": HARBOUR_WIRE, "d_markets.txt": MARKETS_STORY})
    build_store(corpus, store=store)
    assert _warehouse(store).select(ViewState()).reprints == 0
    _write(corpus, {"e_trimmed.txt": REPRINTS["trimmed ending"]})  # a reprint arrives later
    build_store(corpus, store=store)
    selection = _warehouse(store).select(ViewState())
    assert (len(selection), selection.reprints) == (2, 1)


def test_a_store_not_fully_grouped_counts_every_copy_until_a_run_groups_it(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write(corpus, {"a_wire.txt": HARBOUR_WIRE, "b_reprint.txt": REPRINTS["trimmed ending"]})
    build_store(corpus, store=store)
    (store / STORIES_FILE).write_bytes(b"not parquet")  # damaged, or left short by a killed run
    warehouse = _warehouse(store)
    assert not warehouse.facets().stories
    assert len(warehouse.select(ViewState())) == 2
    assert group_store_stories(ArticleStore(store, get_engine())) == 2
    assert _warehouse(store).select(ViewState()).reprints == 1


def test_an_unchanged_rerun_does_not_group_again(tmp_path, monkeypatch):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write(corpus, {"a_wire.txt": HARBOUR_WIRE})
    build_store(corpus, store=store)
    calls = []
    monkeypatch.setattr("lib.pipeline.corpus.group_store_stories", lambda s: calls.append(s))
    build_store(corpus, store=store)
    assert calls == []
