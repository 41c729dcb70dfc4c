"""Draw a sample of articles to code by hand, stratified so rare cells are covered.

Each article falls in one stratum: its rarest topic tag (or "untagged") by its prime minister
(or "no PM"). A simple random sample of 50 from a corpus that is 90% one PM's untagged articles
would leave most topic-by-PM cells uncoded; here every stratum gets articles in proportion to
the square root of its size (a standard compromise between proportional and equal allocation),
and at least one when the sample is large enough to give every stratum one.

Because strata are sampled at different rates, each drawn article carries a weight, the number
of corpus articles it stands for (stratum size / articles drawn from it): measures that estimate
corpus-wide rates (the tagger's sensitivity and specificity for corrected prevalence) weight by it.

The draw is a pure function of the articles (sorted by id, so their order does not matter),
the size and the seed: the same corpus and seed give the same sample.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_SAMPLE_SIZE = 50
UNTAGGED = "untagged"
NO_PM = "no PM"


@dataclass(frozen=True)
class Sample:
    article_ids: tuple[str, ...]  # in coding order (shuffled, so strata are not coded in blocks)
    strata: pd.DataFrame  # stratum (topic, pm), articles, drawn, weight: one row per stratum
    weights: dict[str, float]  # article_id -> corpus articles it stands for

    def __len__(self) -> int:
        return len(self.article_ids)


def stratum_of(topics: Sequence[str], pm: str, topic_counts: dict[str, int]) -> tuple[str, str]:
    """(rarest topic tag or 'untagged', PM or 'no PM'): the cell an article is drawn from.
    The rarest tag, so an article tagged with a common and a rare topic covers the rare one."""
    tagged = [topic for topic in topics if topic]
    topic = min(tagged, key=lambda key: (topic_counts.get(key, 0), key)) if tagged else UNTAGGED
    return topic, (pm or NO_PM)


def strata_of(frame: pd.DataFrame) -> pd.Series:
    """Each article's stratum, indexed like `frame` (columns used: topics, pm)."""
    topics = [_topic_list(value) for value in frame["topics"]]
    counts: dict[str, int] = {}
    for tags in topics:
        for tag in tags:
            counts[tag] = counts.get(tag, 0) + 1
    pms = ["" if _missing(pm) else str(pm) for pm in frame["pm"]]
    return pd.Series([stratum_of(tags, pm, counts) for tags, pm in zip(topics, pms, strict=True)], index=frame.index)


def allocate(sizes: Sequence[int], total: int) -> list[int]:
    """How many to draw from strata of `sizes`, `total` in all (at most the articles there are):
    square-root allocation by largest remainder, at least one per stratum when `total` allows."""
    if total < 0:
        raise ValueError(f"sample size must be 0 or more, got {total}")
    sizes = list(sizes)
    total = min(total, sum(sizes))
    drawn = [0] * len(sizes)
    if total == 0:
        return drawn
    if total >= sum(1 for size in sizes if size):
        drawn = [1 if size else 0 for size in sizes]
    remaining = total - sum(drawn)
    while remaining > 0:
        open_strata = [i for i, size in enumerate(sizes) if drawn[i] < size]
        root = sum(math.sqrt(sizes[i]) for i in open_strata)
        quota = {i: remaining * math.sqrt(sizes[i]) / root for i in open_strata}
        for i in open_strata:
            drawn[i] += min(int(quota[i]), sizes[i] - drawn[i])
        left = total - sum(drawn)
        # The rest by largest remainder (ties: the larger stratum, then the earlier), one each.
        for i in sorted(open_strata, key=lambda i: (-(quota[i] - int(quota[i])), -sizes[i], i)):
            if left and drawn[i] < sizes[i]:
                drawn[i] += 1
                left -= 1
        remaining = total - sum(drawn)
    return drawn


def draw_sample(frame: pd.DataFrame, size: int = DEFAULT_SAMPLE_SIZE, *, seed: int = 0) -> Sample:
    """A stratified sample of `size` articles (all of them if fewer) from `frame` (columns:
    article_id, topics, pm). Raises ValueError for a negative size or a frame without those columns."""
    missing = [column for column in ("article_id", "topics", "pm") if column not in frame.columns]
    if missing:
        raise ValueError(f"cannot draw a sample: the articles have no {', '.join(missing)} column")
    if size < 0:
        raise ValueError(f"sample size must be 0 or more, got {size}")
    ordered = frame.drop_duplicates("article_id").sort_values("article_id", kind="stable")
    stratum = strata_of(ordered)
    keys = sorted(set(stratum))
    members = {key: ordered.loc[stratum == key, "article_id"].tolist() for key in keys}
    counts = allocate([len(members[key]) for key in keys], size)
    rng = np.random.default_rng(seed)
    picked, weights, rows = [], {}, []
    for key, count in zip(keys, counts, strict=True):
        ids = members[key]
        chosen = [ids[i] for i in sorted(rng.choice(len(ids), size=count, replace=False))] if count else []
        weight = len(ids) / count if count else math.nan
        weights.update(dict.fromkeys(chosen, weight))
        picked += chosen
        rows.append((key[0], key[1], len(ids), count, weight))
    order = rng.permutation(len(picked))
    strata = pd.DataFrame(rows, columns=["topic", "pm", "articles", "drawn", "weight"])
    return Sample(tuple(picked[i] for i in order), strata, weights)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, (list, tuple, np.ndarray)) and bool(pd.isna(value)))


def _topic_list(value) -> list[str]:
    """Topics as a list whether held as a list (in memory) or ';'-joined text (a CSV export)."""
    if _missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(part) for part in value]


def sample_weights(frame: pd.DataFrame, article_ids: Sequence[str]) -> dict[str, float]:
    """The weight of each sampled article (stratum size / sampled articles in its stratum),
    recomputed from the corpus: a sample opened from a link, or drawn here, weighs the same."""
    ordered = frame.drop_duplicates("article_id")
    stratum = dict(zip(ordered["article_id"], strata_of(ordered), strict=True))
    sizes: dict[tuple[str, str], int] = {}
    for key in stratum.values():
        sizes[key] = sizes.get(key, 0) + 1
    drawn: dict[tuple[str, str], int] = {}
    for article in article_ids:
        if article in stratum:
            drawn[stratum[article]] = drawn.get(stratum[article], 0) + 1
    return {article: sizes[stratum[article]] / drawn[stratum[article]] for article in article_ids if article in stratum}
