"""Country names for the two-letter codes in `outlet_country`, declared once as data."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

COUNTRIES_PATH = Path(__file__).parent / "data" / "countries.toml"


@cache
def country_names() -> dict[str, str]:
    return dict(tomllib.loads(COUNTRIES_PATH.read_text(encoding="utf-8"))["names"])


def country_name(code: str) -> str:
    """The country's name, or the code itself when it is not one we name."""
    return country_names().get(code, code)
