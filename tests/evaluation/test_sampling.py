"""lib/evaluation/sampling.py: strata, allocation, and a seeded draw that repeats exactly."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.evaluation.sampling import allocate, draw_sample, sample_weights, stratum_of


@pytest.mark.parametrize(
    ("topics", "pm", "expected"),
    [
        (["trade"], "Kishida", ("trade", "Kishida")),
        ([], "Kishida", ("untagged", "Kishida")),
        (["trade"], "", ("trade", "no PM")),
        # The rarest tag decides, so an article with a common and a rare tag covers the rare one.
        (["trade", "tariffs"], "Abe", ("tariffs", "Abe")),
        # TRAP: a tie in rarity is broken by name, not by list order.
        (["security", "defense"], "Abe", ("defense", "Abe")),
    ],
)
def test_stratum_of(topics, pm, expected):
    counts = {"trade": 50, "tariffs": 3, "security": 7, "defense": 7}
    assert stratum_of(topics, pm, counts) == expected


@pytest.mark.parametrize(
    ("sizes", "total", "expected"),
    [
        ([100, 5, 1, 1, 20], 10, [4, 2, 1, 1, 2]),  # every stratum covered, big ones get more
        ([100, 5, 1, 1, 20], 3, [2, 0, 0, 0, 1]),  # too few for one each: square-root quotas
        ([3, 2], 50, [3, 2]),  # asked for more than there are: all of them
        ([1000, 4, 1], 50, [45, 4, 1]),  # a small stratum's surplus goes to the others
        ([10, 10], 0, [0, 0]),
        ([], 5, []),
    ],
)
def test_allocate(sizes, total, expected):
    assert allocate(sizes, total) == expected
    assert sum(allocate(sizes, total)) == min(total, sum(sizes))


def corpus(n_common: int = 60) -> pd.DataFrame:
    rows = [{"article_id": f"c{i:03d}", "topics": [] if i % 3 else ["trade"], "pm": "Kishida"} for i in range(n_common)]
    rows += [{"article_id": "r1", "topics": ["tariffs"], "pm": "Ishiba"}]
    rows += [{"article_id": "r2", "topics": [], "pm": None}]
    return pd.DataFrame(rows)


def test_same_seed_same_sample_whatever_the_row_order():
    frame = corpus()
    first = draw_sample(frame, 10, seed=3)
    again = draw_sample(frame.sample(frac=1, random_state=1), 10, seed=3)
    assert first.article_ids == again.article_ids
    assert draw_sample(frame, 10, seed=4).article_ids != first.article_ids


def test_rare_cells_are_covered_and_weighted():
    sample = draw_sample(corpus(), 10, seed=0)
    assert len(sample) == 10 and len(set(sample.article_ids)) == 10
    assert {"r1", "r2"} <= set(sample.article_ids)  # each a stratum of one
    assert sample.weights["r1"] == 1.0
    # Weights add up to the corpus: each stands for its stratum's articles.
    assert sum(sample.weights.values()) == pytest.approx(62)
    assert sample.weights == sample_weights(corpus(), sample.article_ids)


def test_a_sample_larger_than_the_corpus_takes_it_all():
    assert sorted(draw_sample(corpus(3), 50).article_ids) == ["c000", "c001", "c002", "r1", "r2"]


def test_topics_as_exported_text_are_read():
    frame = pd.DataFrame({"article_id": ["a", "b"], "topics": ["trade;tariffs", ""], "pm": ["Abe", "Abe"]})
    assert set(draw_sample(frame, 2).strata["topic"]) == {"tariffs", "untagged"}


@pytest.mark.parametrize(
    ("frame", "size", "message"),
    [
        (pd.DataFrame({"article_id": ["a"], "pm": ["Abe"]}), 5, "no topics column"),
        (corpus(3), -1, "sample size"),
    ],
)
def test_bad_input_is_named(frame, size, message):
    with pytest.raises(ValueError, match=message):
        draw_sample(frame, size)
