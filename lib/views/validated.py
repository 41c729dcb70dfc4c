"""A validation's measured tagging errors applied to the charts' shares and counts.

A hand-coded sample (the Validate page) measures, per topic, how often the tagger finds an
on-topic article (sensitivity) and leaves an off-topic one alone (specificity). Any share of
tagged articles can then be corrected for those errors: the Rogan–Gladen estimate with the Lang &
Reiczigel interval (lib.evaluation.prevalence), which carries the uncertainty of the sample as
well as of the share. The correction assumes the tagger errs at the same rates in every period
and under every prime minister as in the sample: the pages say so beside the range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.evaluation.prevalence import Counts, corrected_prevalence
from lib.evaluation.validation import Validation

# The columns `with_validated_range` adds: the corrected share, its 95% interval, and whether
# the errors behind it rest on too few coded articles to use.
VALIDATED_COLUMNS = ("validated", "validated_low", "validated_high", "validated_thin")


@dataclass(frozen=True)
class TaggingErrors:
    """One topic's tagger measured on a coded sample (weighted counts)."""

    sensitivity: Counts  # tagged, of the articles coded as about the topic
    specificity: Counts  # untagged, of the articles coded as not about it
    thin: bool  # too few coded articles on either side to lean on


@dataclass(frozen=True)
class LoadedValidation:
    """What the other pages need of a validation: each topic's measured errors."""

    coded: int  # coded articles the errors were measured on
    errors: Mapping[str, TaggingErrors]

    @classmethod
    def from_validation(cls, validation: Validation) -> LoadedValidation:
        return cls(
            validation.coded,
            {p.key: TaggingErrors(p.sensitivity, p.specificity, p.thin) for p in validation.prevalence},
        )


def validated_share(n_tagged: int, n_articles: int, errors: TaggingErrors) -> tuple[float, float, float]:
    """(estimate, low, high) of the true share behind `n_tagged` of `n_articles`; NaN when there
    are no articles or the measured tagger is no better than chance."""
    if n_articles <= 0 or not 0 <= n_tagged <= n_articles:
        return math.nan, math.nan, math.nan
    interval = corrected_prevalence(Counts(n_tagged, n_articles), errors.sensitivity, errors.specificity)
    return interval.value, interval.low, interval.high


def with_validated_range(
    table: pd.DataFrame,
    validation: LoadedValidation,
    *,
    tagged: str = "n_tagged",
    total: str = "n_articles",
) -> pd.DataFrame:
    """`table` (one row per topic and period, PM or corpus, with a `topic` column) plus
    VALIDATED_COLUMNS, as shares; NaN for a topic the validation did not code."""
    rows = []
    for key, n_tagged, n_articles in zip(table["topic"], table[tagged], table[total], strict=True):
        errors = validation.errors.get(key)
        if errors is None:
            rows.append((math.nan, math.nan, math.nan, False))
        else:
            rows.append((*validated_share(int(n_tagged), int(n_articles), errors), errors.thin))
    added = pd.DataFrame(rows, columns=list(VALIDATED_COLUMNS), index=table.index)
    added["validated_thin"] = added["validated_thin"].astype(bool)
    return pd.concat([table, added], axis=1)


def prevalence_table(prevalence: Mapping[str, int], n_articles: int) -> pd.DataFrame:
    """The Overview's topic counts as a table `with_validated_range` reads."""
    return pd.DataFrame({"topic": list(prevalence), "n_tagged": list(prevalence.values()), "n_articles": n_articles})
