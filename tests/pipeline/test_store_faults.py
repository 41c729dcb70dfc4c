"""The store fault matrix: each kind of part (base, tags, files index) damaged in one way at a
time. No traceback, the damage reported, the damaged part's inputs analysed again in the same
run, the table equal to a clean run's, and the dashboard's warehouse still opens."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from lib.annotate.sentiment import get_engine
from lib.pipeline.corpus import build_store, load_corpus
from lib.pipeline.store import ArticleStore
from lib.reference.taxonomy import default_taxonomy
from tests.conftest import SEEDS
from tests.pipeline.engines import CountingEngine

EXTRA_ARTICLE = "Negotiators from Tokyo and Washington met again on Thursday to discuss tariffs on steel and cars."


def _scramble_column(part: Path, column: str) -> None:
    """Random bytes over the second half of `column`'s pages: the other columns still read."""
    metadata = pq.ParquetFile(part).metadata
    data = bytearray(part.read_bytes())
    noise = random.Random(7)
    for group in range(metadata.num_row_groups):
        for index in range(metadata.num_columns):
            chunk = metadata.row_group(group).column(index)
            if chunk.path_in_schema == column:
                start = chunk.dictionary_page_offset or chunk.data_page_offset
                end = start + chunk.total_compressed_size
                for position in range((start + end) // 2, end):
                    data[position] = noise.randrange(256)
    part.write_bytes(bytes(data))


def _rewrite(part: Path, change) -> None:
    pq.write_table(change(pq.read_table(part)), part)


def _replace_column(name: str, values: pa.Array):
    return lambda table: table.set_column(table.schema.get_field_index(name), name, values)


def _strings(table: pa.Table, name: str, value: str | None) -> pa.Array:
    return pa.array([value] * len(table), pa.string())


def _newest(folder: Path) -> Path:
    return max(folder.glob("part-*.parquet"), key=lambda p: p.name)


def _tags_folder(store: Path) -> Path:
    return store / "tags" / default_taxonomy().fingerprint


# (name, which folder holds the part, how it is damaged, articles that must be scored again)
FAULTS = {
    "base text pages scrambled": ("base", lambda p: _scramble_column(p, "text"), 1),
    "base title pages scrambled": ("base", lambda p: _scramble_column(p, "title"), 1),
    "base input_key pages scrambled": ("base", lambda p: _scramble_column(p, "input_key"), 1),
    "base truncated": ("base", lambda p: p.write_bytes(p.read_bytes()[:200]), 1),
    "base random bytes": ("base", lambda p: p.write_bytes(random.Random(1).randbytes(3000)), 1),
    "base published as text": (
        "base",
        lambda p: _rewrite(p, lambda t: _replace_column("published", pc.cast(t.column("published"), pa.string()))(t)),
        1,
    ),
    "base extra not JSON": (
        "base",
        lambda p: _rewrite(p, lambda t: _replace_column("extra", _strings(t, "", "{oops"))(t)),
        1,
    ),
    "base null article_id": (
        "base",
        lambda p: _rewrite(p, lambda t: _replace_column("article_id", _strings(t, "", None))(t)),
        1,
    ),
    "base deleted": ("base", lambda p: p.unlink(), 1),
    "tags part swapped into base": ("base", "swap", 1),
    "tags topic_scores not JSON": (
        "tags",
        lambda p: _rewrite(p, lambda t: _replace_column("topic_scores", _strings(t, "", "[{"))(t)),
        0,
    ),
    "tags topic flag of another type": (
        "tags",
        lambda p: _rewrite(
            p, lambda t: _replace_column("topic:trade", pc.cast(t.column("topic:trade"), pa.string()))(t)
        ),
        0,
    ),
    "tags truncated": ("tags", lambda p: p.write_bytes(p.read_bytes()[:300]), 0),
    "tags topics pages scrambled": ("tags", lambda p: _scramble_column(p, "topic_scores"), 0),
    "files input_key pages scrambled": ("files", lambda p: _scramble_column(p, "input_key"), 0),
    "files null size": ("files", lambda p: _rewrite(p, _nulls("size", pa.int64())), 0),
    "files truncated": ("files", lambda p: p.write_bytes(p.read_bytes()[:100]), 0),
    "leftover temporary": ("base", lambda p: (p.parent / f".{p.name}.tmp").write_bytes(b"half"), 0),
}


def _nulls(name: str, kind: pa.DataType):
    return lambda table: _replace_column(name, pa.nulls(len(table), kind))(table)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A store built in two runs (so two parts of each kind) and the table of a clean run."""
    root = tmp_path_factory.mktemp("clean")
    corpus = root / "articles"
    shutil.copytree(SEEDS, corpus)
    load_corpus(corpus, store=root / "store")
    (corpus / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    frame = load_corpus(corpus, store=root / "store").frame
    return root, frame


def _copy(clean, tmp_path) -> tuple[Path, Path]:
    """The clean run's articles (input keys depend on where a file is) and a copy of its store."""
    root, _ = clean
    shutil.copytree(root / "store", tmp_path / "store", copy_function=shutil.copy2)
    return root / "articles", tmp_path / "store"


def _damage(store: Path, fault: str) -> None:
    folder_kind, how, _ = FAULTS[fault]
    folder = {"base": store / "base", "tags": _tags_folder(store), "files": store / "files"}[folder_kind]
    part = _newest(folder)
    if how == "swap":
        shutil.copyfile(_newest(_tags_folder(store)), part)
    else:
        how(part)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["source"]).sort_values("article_id").reset_index(drop=True)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_damaged_part_costs_a_re_analysis_never_an_article(fault, clean, tmp_path):
    corpus, store = _copy(clean, tmp_path)
    _damage(store, fault)
    engine = CountingEngine()
    repaired = load_corpus(corpus, store=store, engine=engine)
    pd.testing.assert_frame_equal(_comparable(repaired.frame), _comparable(clean[1]))
    assert repaired.report.inputs == len(repaired.frame) + len(repaired.report.entries)
    assert engine.scored == FAULTS[fault][2]
    damaged = fault not in ("base deleted", "leftover temporary")
    assert bool(repaired.store_problems) == damaged, repaired.store_problems
    # Set aside once re-analysed: the next run is clean and analyses nothing.
    again_engine = CountingEngine()
    again = load_corpus(corpus, store=store, engine=again_engine)
    assert again_engine.scored == 0 and not again.store_problems
    pd.testing.assert_frame_equal(_comparable(again.frame), _comparable(clean[1]))
    assert bool(list((store / "damaged").glob("*.parquet"))) == damaged


@pytest.mark.parametrize("fault", ["base text pages scrambled", "files input_key pages scrambled"])
def test_a_store_only_run_repairs_too(fault, clean, tmp_path):
    corpus, store = _copy(clean, tmp_path)
    _damage(store, fault)
    run = build_store(corpus, store=store)
    assert run.store_problems and run.analysed == FAULTS[fault][2]
    assert run.analysed + run.reused + len(run.report.entries) == run.report.inputs


@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "base deleted"])
def test_the_warehouse_opens_a_damaged_store_and_says_so(fault, clean, tmp_path):
    from lib.views.warehouse import Warehouse

    _, store = _copy(clean, tmp_path)
    _damage(store, fault)
    warehouse = Warehouse(ArticleStore(store, get_engine()), default_taxonomy())
    lost = FAULTS[fault][0] == "base" and fault != "leftover temporary"
    assert warehouse.n_total == len(clean[1]) - lost
    # The dashboard reads no files index: damage there matters only to the next analyse run.
    assert bool(warehouse.store_problems) == (fault != "leftover temporary" and not fault.startswith("files"))
    rows = warehouse.select(__import__("lib.views.state", fromlist=["ViewState"]).ViewState()).rows()
    assert rows["article_id"].notna().all()


def test_an_unchanged_sound_part_is_not_read_in_full_again(clean, tmp_path, monkeypatch):
    import lib.pipeline.part_check

    corpus, store = _copy(clean, tmp_path)
    checked = []
    real = lib.pipeline.part_check.part_fault
    monkeypatch.setattr(lib.pipeline.store, "part_fault", lambda part, kind: checked.append(part) or real(part, kind))
    load_corpus(corpus, store=store)
    assert checked == []  # the writing runs recorded their parts as sound
    part = _newest(store / "base")
    _scramble_column(part, "text")
    load_corpus(corpus, store=store)
    assert checked == [part]


def test_the_command_line_repairs_a_damaged_store_and_says_so(clean, tmp_path, capsys):
    from lib.cli.main import main

    corpus, store = _copy(clean, tmp_path)
    _damage(store, "base title pages scrambled")
    status = main(
        ["analyze", str(corpus), "--store", str(store), "-o", str(tmp_path / "out.csv"), "--strict", "--quiet"]
    )
    message = capsys.readouterr().err
    assert status == 0  # every article is in the table: the damaged part's one was analysed again
    assert "warning: store: base/part-" in message and "left out, its articles are analysed again" in message
    assert len(pd.read_csv(tmp_path / "out.csv")) == len(clean[1])


@pytest.mark.parametrize(
    "fault", ["base title pages scrambled", "tags part swapped into base", "base published as text"]
)
def test_a_store_whose_only_base_part_is_damaged_opens_empty_with_its_problem(fault, tmp_path):
    from lib.views.state import ViewState
    from lib.views.warehouse import Warehouse

    load_corpus(SEEDS, store=tmp_path / "store")  # one part of each kind
    _damage(tmp_path / "store", fault)
    warehouse = Warehouse(ArticleStore(tmp_path / "store", get_engine()), default_taxonomy())
    assert warehouse.n_total == 0 and len(warehouse.store_problems) == 1
    assert warehouse.select(ViewState()).summary(default_taxonomy().keys)["n_articles"] == 0
