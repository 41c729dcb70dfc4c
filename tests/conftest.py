"""Shared fixtures: AppTest runs of the dashboard with clean caches and full error details."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

PAGES = (
    "pages/1_Themes_over_time.py",
    "pages/2_By_prime_minister.py",
    "pages/3_Articles.py",
    "pages/4_Data.py",
    "pages/5_About.py",
    "pages/6_Validate.py",
)


@pytest.fixture
def app(monkeypatch):
    """A fresh AppTest of the entry script (not yet run), working from the repo root."""
    import streamlit as st
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(ROOT)
    st.cache_data.clear()
    st.cache_resource.clear()
    # The committed config hides error details from viewers; tests need to see them.
    config.set_option("client.showErrorDetails", "full")
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
