"""Score the library's analysed articles against hand labels: the scorecard of issue 10.

Label rows are matched to output rows by file name (a label's `file` against the row's `source`).
Every comparison is made by lib/evaluation/compare.py; every share carries a Wilson interval and
every F1 a bootstrap interval over articles. Each disagreement keeps the evidence the library
used (date_evidence, title_basis, topic reasons...) and the labeller's notes, so a miss can be
read without re-running anything.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.evaluation.compare import STAND_IN_TITLE_BASES, same_day, same_outlet, same_pm, same_title
from lib.evaluation.labels import ArticleLabel, Labels, file_name
from lib.evaluation.measures import Confusion, Interval, Share, bootstrap, f1_from_counts

FIELDS = ("date", "pm", "title", "outlet")  # before the topics, in the order disagreements are listed


@dataclass(frozen=True)
class Disagreement:
    file: str
    field: str  # date, pm, title, outlet, or a topic key
    expected: str
    got: str
    evidence: str  # what the library based its answer on
    notes: str = ""  # the labeller's notes (BORDERLINE, TRAP...)


@dataclass(frozen=True)
class TopicScore:
    key: str
    confusion: Confusion
    f1: Interval

    @property
    def precision(self) -> Share:
        return self.confusion.precision

    @property
    def recall(self) -> Share:
        return self.confusion.recall


@dataclass(frozen=True)
class Scorecard:
    labelled: int  # rows in the labels file
    matched: int  # of them, found among the library's rows
    unmatched: tuple[str, ...]  # labelled files with no output row (not read, or named twice)
    dates: Share  # within ±1 day, of the pages labelled with a date
    dates_by_basis: dict[str, Share]  # the same split by the library's date_basis
    dates_by_evidence: dict[str, Share]  # ... and by the kind of evidence that won
    invented_dates: Share  # dated by the library, of the pages labelled undated
    pm: Share  # right, of the pages labelled with a PM
    invented_pms: Share  # a PM given, of the pages labelled with none
    titles: Share  # right, of the pages labelled with a visible headline
    invented_titles: (
        Share  # a headline claimed (not a first-sentence stand-in), of the pages labelled with none visible
    )
    outlets_named: Share  # pages the library names an outlet for
    outlet_precision: Share  # right, of the pages it names one for
    outlet_recall: Share  # right, of the pages labelled with an outlet
    topics: tuple[TopicScore, ...]
    macro_f1: Interval
    unlabelled_topics: tuple[str, ...] = ()
    disagreements: tuple[Disagreement, ...] = field(default=())


def score_articles(
    frame: pd.DataFrame,
    labels: Labels,
    *,
    canonical_outlet: Callable[[str], str] | None = None,
    seed: int = 0,
) -> Scorecard:
    """The scorecard of `frame` (the library's analysed articles) against `labels`."""
    pairs, unmatched = match_rows(frame, labels)
    tally = _Tally()
    for label, row in pairs:
        tally.add(label, row, labels.topic_keys, canonical_outlet)
    topics = _topic_scores(tally, labels.topic_keys, seed)
    return Scorecard(
        labelled=len(labels.rows),
        matched=len(pairs),
        unmatched=tuple(unmatched),
        dates=tally.share("date"),
        dates_by_basis=tally.split("date_basis"),
        dates_by_evidence=tally.split("date_evidence"),
        invented_dates=tally.share("invented_date"),
        pm=tally.share("pm"),
        invented_pms=tally.share("invented_pm"),
        titles=tally.share("title"),
        invented_titles=tally.share("invented_title"),
        outlets_named=tally.share("outlet_named"),
        outlet_precision=tally.share("outlet_precision"),
        outlet_recall=tally.share("outlet_recall"),
        topics=topics,
        macro_f1=_macro_f1(tally, labels.topic_keys, seed),
        unlabelled_topics=labels.unlabelled_topics,
        disagreements=tuple(tally.disagreements),
    )


def match_rows(frame: pd.DataFrame, labels: Labels) -> tuple[list[tuple[ArticleLabel, Mapping]], list[str]]:
    """(label, output row) pairs, and the labelled files without exactly one output row.

    Rows are found by file name; when several rows share it (two folders with a 001.txt), the
    row whose source ends with the label's whole path is taken."""
    rows_by_name: dict[str, list[Mapping]] = defaultdict(list)
    for row in frame.to_dict("records"):
        rows_by_name[file_name(row.get("source") or "")].append(row)
    pairs, unmatched = [], []
    for label in labels.rows:
        candidates = rows_by_name.get(label.name, [])
        if len(candidates) > 1:
            whole = label.file.replace("\\", "/").lstrip("./")
            candidates = [row for row in candidates if str(row["source"]).replace("\\", "/").endswith(whole)]
        if len(candidates) == 1:
            pairs.append((label, candidates[0]))
        elif candidates:
            unmatched.append(f"{label.file}: {len(candidates)} output rows have this name")
        else:
            unmatched.append(f"{label.file}: no output row (not found or not readable; see the ingest report)")
    return pairs, unmatched


class _Tally:
    """Hits and trials per measure, the topic decisions as matrices, and the disagreements."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.trials: Counter = Counter()
        self.by: dict[str, tuple[Counter, Counter]] = defaultdict(lambda: (Counter(), Counter()))
        self.expected_topics: list[list[bool]] = []
        self.predicted_topics: list[list[bool]] = []
        self.disagreements: list[Disagreement] = []

    def topic_matrices(self, topics: int) -> tuple[np.ndarray, np.ndarray]:
        """(expected, predicted): one row per article, one boolean column per topic."""
        shape = (len(self.expected_topics), topics)
        return (
            np.array(self.expected_topics, dtype=bool).reshape(shape),
            np.array(self.predicted_topics, dtype=bool).reshape(shape),
        )

    def count(self, measure: str, hit: bool) -> None:
        self.trials[measure] += 1
        self.hits[measure] += bool(hit)

    def count_by(self, split: str, group: str, hit: bool) -> None:
        hits, trials = self.by[split]
        trials[group] += 1
        hits[group] += bool(hit)

    def share(self, measure: str) -> Share:
        return Share(self.hits[measure], self.trials[measure])

    def split(self, name: str) -> dict[str, Share]:
        hits, trials = self.by[name]
        return {group: Share(hits[group], trials[group]) for group in sorted(trials)}

    def miss(self, label: ArticleLabel, field: str, expected, got, evidence: str) -> None:
        self.disagreements.append(Disagreement(label.file, field, _text(expected), _text(got), evidence, label.notes))

    def add(self, label: ArticleLabel, row: Mapping, topic_keys, canonical_outlet) -> None:
        self._date(label, row)
        self._pm(label, row)
        self._title(label, row)
        self._outlet(label, row, canonical_outlet)
        self._topics(label, row, topic_keys)

    def _date(self, label: ArticleLabel, row: Mapping) -> None:
        got = _day(row.get("published"))
        evidence = _evidence(row, "date_basis", "date_evidence") + _warnings(row)
        if label.published is None:
            self.count("invented_date", got is not None)
            if got is not None:
                self.miss(label, "date", "none visible", got, evidence)
            return
        hit = same_day(label.published, got)
        self.count("date", hit)
        self.count_by("date_basis", _cell(row, "date_basis") or "none", hit)
        self.count_by("date_evidence", _evidence_kind(_cell(row, "date_evidence")), hit)
        if not hit:
            self.miss(
                label,
                "date",
                f"{label.published} ({label.date_evidence})" if label.date_evidence else label.published,
                got or "none",
                evidence,
            )

    def _pm(self, label: ArticleLabel, row: Mapping) -> None:
        got = _cell(row, "pm")
        mentioned = _list(row.get("pms_mentioned"))
        evidence = f"pm_basis {_cell(row, 'pm_basis') or 'none'}; named: {', '.join(mentioned) or 'none'}"
        if not label.pm:
            self.count("invented_pm", bool(got))
            if got:
                self.miss(label, "pm", "none sitting named", got, evidence)
            return
        hit = same_pm(label.pm, got)
        self.count("pm", hit)
        if not hit:
            self.miss(label, "pm", label.pm, got or "none", evidence)

    def _title(self, label: ArticleLabel, row: Mapping) -> None:
        got = _cell(row, "title")
        basis = _cell(row, "title_basis")
        evidence = f"title_basis {basis or 'none'}"
        if not label.title:
            claimed = bool(got) and basis not in STAND_IN_TITLE_BASES
            self.count("invented_title", claimed)
            if claimed:
                self.miss(label, "title", "none visible", got, evidence)
            return
        hit = same_title(label.title, got)
        self.count("title", hit)
        if not hit:
            self.miss(label, "title", label.title, got or "none", evidence)

    def _outlet(self, label: ArticleLabel, row: Mapping, canonical_outlet) -> None:
        got = _cell(row, "outlet")
        hit = bool(label.outlet) and same_outlet(label.outlet, got, canonical_outlet)
        self.count("outlet_named", bool(got))
        if got:
            self.count("outlet_precision", hit)
        if label.outlet:
            self.count("outlet_recall", hit)
        if (got or label.outlet) and not hit:
            evidence = _evidence(row, "outlet_basis")
            if _cell(row, "origin"):
                evidence += f"; origin {_cell(row, 'origin')}"
            self.miss(label, "outlet", label.outlet or "none", got or "none", evidence)

    def _topics(self, label: ArticleLabel, row: Mapping, topic_keys) -> None:
        tagged = set(_list(row.get("topics")))
        scores = {score.get("key"): score for score in _records(row.get("topic_scores"))}
        expected = [label.topics[key] for key in topic_keys]
        predicted = [key in tagged for key in topic_keys]
        self.expected_topics.append(expected)
        self.predicted_topics.append(predicted)
        for key, want, has in zip(topic_keys, expected, predicted, strict=True):
            if want != has:
                self.miss(label, key, int(want), int(has), _topic_evidence(scores.get(key)))


def _topic_scores(tally: _Tally, topic_keys, seed: int) -> tuple[TopicScore, ...]:
    expected, predicted = tally.topic_matrices(len(topic_keys))
    scores = []
    for index, key in enumerate(topic_keys):
        want, has = expected[:, index], predicted[:, index]
        confusion = Confusion(int(np.sum(want & has)), int(np.sum(has & ~want)), int(np.sum(want & ~has)))
        scores.append(TopicScore(key, confusion, bootstrap(_f1, (want, has), seed=seed)))
    return tuple(scores)


def _macro_f1(tally: _Tally, topic_keys, seed: int) -> Interval:
    if not topic_keys:
        return Interval(math.nan, math.nan, math.nan)
    expected, predicted = tally.topic_matrices(len(topic_keys))
    return bootstrap(_macro, (expected, predicted), seed=seed)


def _f1(want: np.ndarray, has: np.ndarray) -> float:
    return f1_from_counts(int(np.sum(want & has)), int(np.sum(has & ~want)), int(np.sum(want & ~has)))


def _macro(expected: np.ndarray, predicted: np.ndarray) -> float:
    """Mean F1 over topics; a topic neither labelled nor tagged in a sample has no F1 and is left out."""
    values = [_f1(expected[:, i], predicted[:, i]) for i in range(expected.shape[1])]
    values = [v for v in values if not math.isnan(v)]
    return float(np.mean(values)) if values else math.nan


# What an output row holds depends on where it came from: lists and records in memory, ';'-joined
# text and JSON from a CSV export, NaN/NaT/None for missing values.


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return False
    return bool(pd.isna(value))


def _cell(row: Mapping, key: str) -> str:
    value = row.get(key)
    return "" if _missing(value) else str(value).strip()


def _day(value) -> dt.date | None:
    if _missing(value) or value == "":
        return None
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def _list(value) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.replace("|", ";").split(";") if part.strip()]
    return [str(part) for part in value]


def _records(value) -> list[dict]:
    if _missing(value) or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    return [record for record in value if isinstance(record, Mapping)]


def _text(value) -> str:
    return "" if value is None else str(value)


def _evidence(row: Mapping, basis: str, evidence: str | None = None) -> str:
    text = f"{basis} {_cell(row, basis) or 'none'}"
    if evidence and _cell(row, evidence):
        text += f": {_cell(row, evidence)}"
    return text


def _evidence_kind(evidence: str) -> str:
    """'timestamp: Posted 3 May 2024' -> 'timestamp'; no evidence -> 'none'."""
    return evidence.split(":", 1)[0].strip() if evidence else "none"


def _warnings(row: Mapping) -> str:
    warnings = _list(row.get("warnings"))
    return f"; warnings: {' | '.join(warnings)}" if warnings else ""


def _topic_evidence(score: Mapping | None) -> str:
    if not score:
        return "no topic score recorded"
    parts = [score.get("reason") or f"{score.get('hits', 0)} mention(s)"]
    if score.get("terms"):
        parts.append("terms: " + ", ".join(map(str, score["terms"])))
    if score.get("vetoes"):
        parts.append("vetoed: " + " | ".join(map(str, score["vetoes"])))
    return "; ".join(parts)
