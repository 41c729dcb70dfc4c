"""How far two coders of the same sample agree, field by field, and where they differ.

Per field (each topic, tone, date, PM): percent agreement over the articles both coded, and
Krippendorff's alpha, which discounts the agreement two coders would reach by chance given how
often each value is used (two coders who both mark 95% of articles "absent" agree 90% of the
time by chance alone). Alpha comes from the maintained `krippendorff` package: topics, dates
and PMs are nominal, tone (-1 < 0 < +1) ordinal. Alpha is undefined (NaN) when the coders used
one value only, e.g. a topic absent from every article: there is no variation to agree on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np

from lib.evaluation.codings import Codings
from lib.evaluation.labels import ArticleLabel
from lib.evaluation.measures import Share

NOMINAL, ORDINAL = "nominal", "ordinal"


@dataclass(frozen=True)
class FieldAgreement:
    field: str  # a topic key, tone, date or pm
    level: str  # nominal or ordinal
    agreement: Share  # same value, of the articles both coded on this field
    alpha: float  # Krippendorff's alpha; NaN when undefined

    @property
    def units(self) -> int:
        return self.agreement.n


@dataclass(frozen=True)
class CoderDisagreement:
    file: str
    field: str
    first: str
    second: str


@dataclass(frozen=True)
class Agreement:
    fields: tuple[FieldAgreement, ...]
    disagreements: tuple[CoderDisagreement, ...]  # to settle, by article then field
    only_first: tuple[str, ...]  # articles one coder coded and the other did not
    only_second: tuple[str, ...]


def krippendorff_alpha(first: Sequence, second: Sequence, level: str = NOMINAL) -> float:
    """Alpha of two coders' values for the same units (None = not coded); NaN if undefined.
    Nominal values may be any hashable; ordinal ones must be numbers."""
    if len(first) != len(second):
        raise ValueError(f"the coders rated different numbers of units: {len(first)} and {len(second)}")
    if level == ORDINAL:
        data = np.array([[math.nan if v is None else float(v) for v in row] for row in (first, second)])
    elif level == NOMINAL:
        # The package wants numbers: each distinct value gets a code, in a fixed order.
        values = sorted({str(v) for v in (*first, *second) if v is not None})
        code = {value: index for index, value in enumerate(values)}
        data = np.array([[math.nan if v is None else code[str(v)] for v in row] for row in (first, second)])
    else:
        raise ValueError(f"level must be {NOMINAL} or {ORDINAL}, not {level!r}")
    paired = ~np.isnan(data).any(axis=0)
    if paired.sum() < 2 or len(np.unique(data[:, paired])) < 2:
        return math.nan  # nothing pairable, or one value only: no variation to agree on
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def field_agreement(field: str, first: Sequence, second: Sequence, level: str = NOMINAL) -> FieldAgreement:
    both = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    same = sum(1 for a, b in both if a == b)
    return FieldAgreement(field, level, Share(same, len(both)), krippendorff_alpha(first, second, level))


def compare_codings(first: Codings, second: Codings) -> Agreement:
    """Agreement per field over the articles both files code, matched by their `file` cell."""
    rows_first = {row.file: row for row in first.labels.rows}
    rows_second = {row.file: row for row in second.labels.rows}
    shared = [file for file in rows_first if file in rows_second]
    topic_keys = [key for key in first.labels.topic_keys if key in second.labels.topic_keys]
    readers: list[tuple[str, str, Callable[[Codings, ArticleLabel], object]]] = [
        (key, NOMINAL, lambda _codings, row, key=key: int(row.topics[key])) for key in topic_keys
    ]
    readers += [
        ("tone", ORDINAL, lambda codings, row: codings.tones.get(row.file)),
        ("date", NOMINAL, lambda _codings, row: row.published.isoformat() if row.published else "none"),
        ("pm", NOMINAL, lambda _codings, row: row.pm or "none"),
    ]
    fields, disagreements = [], []
    for field, level, read in readers:
        a = [read(first, rows_first[file]) for file in shared]
        b = [read(second, rows_second[file]) for file in shared]
        fields.append(field_agreement(field, a, b, level))
        disagreements += [
            CoderDisagreement(file, field, str(x), str(y))
            for file, x, y in zip(shared, a, b, strict=True)
            if x is not None and y is not None and x != y
        ]
    order = {file: index for index, file in enumerate(shared)}
    disagreements.sort(key=lambda d: order[d.file])
    return Agreement(
        tuple(fields),
        tuple(disagreements),
        tuple(file for file in rows_first if file not in rows_second),
        tuple(file for file in rows_second if file not in rows_first),
    )
