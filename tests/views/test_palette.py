"""The palette: every colour meets WCAG AA as text on white, and prime ministers whose terms touch
stay apart for readers with colour-vision deficiencies."""

import itertools

import pytest

from lib.reference.tenures import JAPAN_PRIME_MINISTERS, PM_SURNAMES, US_PRESIDENTS
from lib.views.palette import AA_TEXT_CONTRAST, contrast_ratio, palette, pm_colour

# Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB.
SIMULATIONS = {
    "full colour": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
# CIE76 colour difference below which two neighbouring bands read as one (about 2.3 is "just
# noticeable"; 10 is clearly different at a glance).
DISTINCT = 10


def _linear(colour: str) -> list[float]:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(v, 0.0), 1.0) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def difference(first: str, second: str, simulation: str) -> float:
    matrix = SIMULATIONS[simulation]
    seen = [_lab([sum(m * v for m, v in zip(row, _linear(c), strict=True)) for row in matrix]) for c in (first, second)]
    return sum((p - q) ** 2 for p, q in zip(*seen, strict=True)) ** 0.5


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54), ("#777777", 4.48)],
)
def test_contrast_ratio_matches_wcag(colour, ratio):
    assert contrast_ratio(colour) == pytest.approx(ratio, abs=0.01)


def test_every_palette_colour_used_as_text_meets_aa_on_white():
    text_colours = {**palette()["text"], **palette()["prime_minister"]}
    ratios = {name: round(contrast_ratio(colour), 2) for name, colour in text_colours.items()}
    failing = {name: ratio for name, ratio in ratios.items() if ratio < AA_TEXT_CONTRAST}
    assert failing == {}


def test_every_prime_minister_and_president_has_a_colour():
    assert set(PM_SURNAMES) <= set(palette()["prime_minister"])
    assert {t.surname for t in US_PRESIDENTS} <= set(palette()["us_president"])


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_prime_ministers_whose_terms_touch_look_different(simulation):
    pairs = [(a.surname, b.surname) for a, b in itertools.pairwise(JAPAN_PRIME_MINISTERS)]
    too_close = {
        pair: round(difference(pm_colour(pair[0]), pm_colour(pair[1]), simulation))
        for pair in pairs
        if difference(pm_colour(pair[0]), pm_colour(pair[1]), simulation) < DISTINCT
    }
    assert too_close == {}


def test_an_unknown_surname_gets_the_neutral_text_colour():
    assert pm_colour("Nobody") == palette()["text"]["neutral"]
