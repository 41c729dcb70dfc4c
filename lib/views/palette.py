"""The dashboard's colours, read once from lib/reference/data/palette.toml.

Prime ministers keep one colour on every chart (band, tick label, bar); text colours all meet
WCAG AA contrast on white. Topic colours come with the taxonomy.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PALETTE_FILE = Path(__file__).resolve().parents[1] / "reference" / "data" / "palette.toml"
WHITE = "#ffffff"
AA_TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal-size text


@cache
def palette() -> dict[str, dict[str, str]]:
    with PALETTE_FILE.open("rb") as handle:
        return tomllib.load(handle)


def neutral_text() -> str:
    return palette()["text"]["neutral"]


def pm_colour(surname: str) -> str:
    """A prime minister's colour; a surname the palette lacks is drawn in the neutral text grey."""
    return palette()["prime_minister"].get(surname, neutral_text())


def president_colour(surname: str) -> str:
    return palette()["us_president"].get(surname, neutral_text())


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a '#rrggbb' colour."""
    digits = colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"colour {colour!r} is not of the form #rrggbb")
    red, green, blue = (_linear(int(digits[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
