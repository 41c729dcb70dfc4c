"""Corrected prevalence: a topic's share of the corpus adjusted for the tagger's measured errors.

A tagger with sensitivity Se (share of the truly on-topic articles it tags) and specificity Sp
(share of the off-topic ones it leaves untagged) shows an apparent share AP; the true share is
the Rogan–Gladen estimate (Rogan & Gladen 1978, Am J Epidemiol 107:71-76):

    true = (AP + Sp - 1) / (Se + Sp - 1), clipped to [0, 1]

Se and Sp are themselves estimated from a small hand-coded sample, so the interval must carry
their uncertainty as well as AP's. We use Lang & Reiczigel (2014, Prev Vet Med 113:13-22): the
three shares are nudged towards 1/2 (Agresti–Coull style, z²/2 pseudo-hits for AP, 1 of 2 for
Se and Sp), the delta-method standard error of the estimate is taken at the nudged shares, and
the interval is shifted by a bias term. Their simulations show coverage close to 95% where the
plain delta method falls short, with three binomial samples of a few dozen.

Counts may be fractional: a stratified sample's weighted counts are passed as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lib.evaluation.measures import CONFIDENCE, Interval
from lib.stats import normal_critical

# Pseudo-observations Lang & Reiczigel add to the sensitivity and specificity samples (half
# of them hits): the "add two successes and two failures" idea of Agresti & Coull.
_RATE_PSEUDO_TRIALS = 2.0


@dataclass(frozen=True)
class Counts:
    """hits of trials; trials may be fractional (weighted counts)."""

    hits: float
    trials: float

    def __post_init__(self) -> None:
        if self.trials < 0 or not 0 <= self.hits <= self.trials:
            raise ValueError(f"need 0 <= hits <= trials, got hits={self.hits}, trials={self.trials}")

    @property
    def share(self) -> float:
        return self.hits / self.trials if self.trials else math.nan


def rogan_gladen(apparent: float, sensitivity: float, specificity: float) -> float:
    """The true share behind an `apparent` share, clipped to [0, 1]; NaN when the tagger is no
    better than chance (Se + Sp <= 1: its tags carry no information about the truth)."""
    youden = sensitivity + specificity - 1
    if not youden > 0:
        return math.nan
    return min(1.0, max(0.0, (apparent + specificity - 1) / youden))


def corrected_prevalence(
    apparent: Counts, sensitivity: Counts, specificity: Counts, confidence: float = CONFIDENCE
) -> Interval:
    """Rogan–Gladen estimate from the apparent share (tagged of the corpus), sensitivity (tagged
    of the coded-present) and specificity (untagged of the coded-absent), with the Lang &
    Reiczigel (2014) interval. All NaN when a sample is empty or the tagger is no better than chance."""
    if min(apparent.trials, sensitivity.trials, specificity.trials) == 0:
        return Interval(math.nan, math.nan, math.nan)
    estimate = rogan_gladen(apparent.share, sensitivity.share, specificity.share)
    if math.isnan(estimate):
        return Interval(math.nan, math.nan, math.nan)
    z = normal_critical(confidence)
    ap_n, ap = _nudged(apparent, z * z)
    se_n, se = _nudged(sensitivity, _RATE_PSEUDO_TRIALS)
    sp_n, sp = _nudged(specificity, _RATE_PSEUDO_TRIALS)
    youden = se + sp - 1
    if not youden > 0:
        return Interval(estimate, math.nan, math.nan)
    nudged = (ap + sp - 1) / youden  # not clipped: the limits are clipped after the shift
    spread = math.sqrt(
        ap * (1 - ap) / ap_n + se * (1 - se) / se_n * nudged**2 + sp * (1 - sp) / sp_n * (1 - nudged) ** 2
    ) / abs(youden)
    shift = 2 * z * z * (nudged * se * (1 - se) / se_n - (1 - nudged) * sp * (1 - sp) / sp_n)
    centre = nudged + shift
    return Interval(estimate, _clip(centre - z * spread), _clip(centre + z * spread))


def _nudged(counts: Counts, pseudo_trials: float) -> tuple[float, float]:
    """(trials, share) with `pseudo_trials` added, half of them hits."""
    trials = counts.trials + pseudo_trials
    return trials, (counts.hits + pseudo_trials / 2) / trials


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))
