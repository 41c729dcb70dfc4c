"""Stories: near-duplicate articles (one wire story reprinted by many sites) grouped under one id.

A story is a set of articles whose clean texts are near copies: the same body under another
headline, with its ending trimmed, or with an outlet's boilerplate added. Each article's
`story_id` is the `article_id` of the story's original, its first-published copy (undated copies
come after dated ones; ties go to input order). Counting distinct `story_id`s counts each story once.

How: each text becomes a set of word shingles (five normalised words in a row); MinHash sketches
those sets and datasketch's LSH finds candidate pairs in near-linear time. A candidate pair is
the same story when the sketches say the texts overlap enough: most of the shorter text lies in
the longer one (a trimmed or padded reprint), or the two mostly coincide. Two stories on the same
event share names and a quote or two, far below either bar.

Shingles found in very many texts (FURNITURE_TEXTS) are an outlet's boilerplate — a newsletter
plea, a standard paragraph about the agency — not a story's words: they are left out before
sketching, or two short pieces from one outlet would share more boilerplate than story and join.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5  # words per shingle: long enough that shared names and stock phrases rarely match
PERMUTATIONS = 128  # MinHash size: Jaccard estimated within about +-0.04 at 0.5
CANDIDATE_JACCARD = 0.2  # LSH recall bar: low, so a heavily trimmed or padded reprint is still a candidate
SAME_STORY_CONTAINMENT = 0.55  # share of the shorter text's shingles found in the longer one
SAME_STORY_JACCARD = 0.5
MIN_SHINGLES = 10  # shorter texts are too short to judge: each is its own story
# A shingle in more texts than this (and than FURNITURE_SHARE of them) is boilerplate. A story
# reprinted more widely than that keeps its shingles: a text left with too few is sketched whole.
FURNITURE_TEXTS = 50
FURNITURE_SHARE = 0.01
_SEED = 20240601

# A word is a run of letters and digits; Chinese, Japanese and Korean characters are words of one
# character each, since those scripts put no spaces between words.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


@dataclass(frozen=True)
class _Sketch:
    signature: np.ndarray  # PERMUTATIONS minimum hash values
    size: int  # distinct shingles


def normalised_words(text: str) -> list[str]:
    """The words of `text`, case-folded, without punctuation: what reprints keep alike."""
    return _WORD.findall(text.casefold())


def _permutations() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    random = np.random.default_rng(_SEED)
    draw = lambda n: random.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)  # noqa: E731 (odd multipliers)
    return draw(SHINGLE_WORDS), draw(PERMUTATIONS)[:, None], draw(PERMUTATIONS)[:, None]


_WORD_MIX, _PERM_A, _PERM_B = _permutations()


def _shingle_hashes(text: str, vocabulary: dict[str, int]) -> np.ndarray:
    """One 32-bit hash per distinct shingle (SHINGLE_WORDS consecutive words). Words are numbered
    in order of first sight in `vocabulary` (one per run): a dict lookup, not a hash per word."""
    words = normalised_words(text)
    if len(words) < SHINGLE_WORDS:
        return np.empty(0, dtype=np.uint64)
    number = vocabulary.setdefault
    word_hashes = np.array([number(word, len(vocabulary)) for word in words], dtype=np.uint64)
    n = len(words) - SHINGLE_WORDS + 1
    mixed = np.zeros(n, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):  # uint64 arithmetic wraps: a multiply-shift hash of the window
        mixed += word_hashes[offset : offset + n] * _WORD_MIX[offset]
    return np.unique(mixed >> np.uint64(32))


def _sketch(shingles: np.ndarray) -> _Sketch | None:
    if len(shingles) < MIN_SHINGLES:
        return None
    # Multiply-shift permutations of the shingle hashes; the minimum of each is the signature.
    permuted = (_PERM_A * shingles[None, :] + _PERM_B) >> np.uint64(32)
    return _Sketch(permuted.min(axis=1), len(shingles))


def _without_furniture(shingle_sets: list[np.ndarray]) -> list[np.ndarray]:
    """Each text's shingles less those found in more than the furniture bar's number of texts
    (kept whole when too few would be left: a story reprinted everywhere is still a story)."""
    bar = max(FURNITURE_TEXTS, FURNITURE_SHARE * len(shingle_sets))
    if len(shingle_sets) <= bar:
        return shingle_sets
    values, counts = np.unique(np.concatenate([np.empty(0, np.uint64), *shingle_sets]), return_counts=True)
    common = values[counts > bar]
    if not len(common):
        return shingle_sets
    kept = []
    for shingles in shingle_sets:
        rest = shingles[~np.isin(shingles, common, assume_unique=True)]
        kept.append(rest if len(rest) >= MIN_SHINGLES else shingles)
    return kept


def _same_story(signature: np.ndarray, size: int, signatures: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """For one text against candidates (rows of `signatures`): is each the same story?"""
    jaccard = (signatures == signature).mean(axis=1)
    # |A & B| from the Jaccard estimate and the set sizes: J (|A| + |B|) / (1 + J).
    shared = jaccard * (sizes + size) / (1 + jaccard)
    return (jaccard >= SAME_STORY_JACCARD) | (shared / np.minimum(sizes, size) >= SAME_STORY_CONTAINMENT)


def story_groups(texts: Iterable[str]) -> list[int]:
    """For each text, the index of the first text of its group (itself when it has no near copy).
    `texts` may be a stream: each is read once and only its shingles are kept."""
    # Imported here: datasketch pulls in scipy, 0.4 s of every dashboard's cold start.
    from datasketch import LeanMinHash, MinHashLSH

    vocabulary: dict[str, int] = {}
    sketches = [
        _sketch(shingles) for shingles in _without_furniture([_shingle_hashes(t or "", vocabulary) for t in texts])
    ]
    n_texts = len(sketches)
    signatures = np.zeros((n_texts, PERMUTATIONS), dtype=np.uint64)
    sizes = np.zeros(n_texts, dtype=np.float64)
    for position, sketch in enumerate(sketches):
        if sketch is not None:
            signatures[position], sizes[position] = sketch.signature, sketch.size
    index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    parent = list(range(n_texts))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for position, sketch in enumerate(sketches):
        if sketch is None:
            continue
        minhash = LeanMinHash(seed=_SEED, hashvalues=sketch.signature, scheme="affine32")
        candidates = np.fromiter(index.query(minhash), dtype=np.int64)  # earlier texts: each pair once
        if len(candidates):
            same = _same_story(sketch.signature, sketch.size, signatures[candidates], sizes[candidates])
            for other in candidates[same].tolist():
                low, high = sorted((root(position), root(other)))
                parent[high] = low  # the lower input position stays the root
        index.insert(position, minhash, check_duplication=False)
    return [root(position) for position in range(n_texts)]


def story_ids(frame: pd.DataFrame) -> pd.Series:
    """Each article's `story_id`: the `article_id` of its story's first-published copy."""
    if frame.empty or "text" not in frame.columns:  # no texts (a slim frame): each article is its own story
        return frame["article_id"].astype("string") if len(frame) else pd.Series([], dtype="string", index=frame.index)
    groups = story_groups(frame["text"].fillna("").tolist())
    return originals(groups, frame["article_id"], frame["published"])


def originals(groups: Sequence[int], article_ids: pd.Series, published: pd.Series) -> pd.Series:
    """Each article's story_id from its group (story_groups, in the order of `article_ids`):
    the id of the group's earliest-published copy, undated copies last, then the first in order."""
    order = pd.DataFrame(
        {"group": np.asarray(groups), "published": published.to_numpy(), "position": range(len(groups))},
        index=article_ids.index,
    )
    order = order.sort_values(["published", "position"], na_position="last", kind="stable")
    first = order.drop_duplicates("group")
    original_id = pd.Series(article_ids.loc[first.index].to_numpy(), index=first["group"].to_numpy())
    return pd.Series(np.asarray(groups), index=article_ids.index).map(original_id).astype("string")


def with_stories(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its `story_id` column filled in (corpus-level: recomputed whenever the set of
    articles changes, e.g. when two corpora are combined)."""
    frame = frame.copy()
    frame["story_id"] = story_ids(frame)
    return frame
