"""The short CI variant of bench/load.py: a few concurrent sessions for a few seconds, then
sessions opened and closed in turn, with loose limits. The full run and its figures:
`python -m bench.load` and `python -m bench.load --leak` (README, "Reliability")."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.load import MB, leak_run, load_run, percentile, report, serve
from tests.browser.conftest import ARTIFACTS, CHROMIUM

pytestmark = pytest.mark.browser

SESSIONS, DURATION, RAMP = 3, 15.0, 1.0
LEAK_SESSIONS = 20
MAX_GROWTH = 150 * MB  # loose: CI machines vary; the full check's target is 50 MB over 200 sessions


def in_thread(coroutine):
    """Run the async load code on its own event loop, away from the sync Playwright of the other
    browser tests in this process."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def load_server():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found")
    # Closed sessions are dropped after 2 s instead of 120 s, so the leak check can see them go.
    with serve(session_ttl=2, log_path=ARTIFACTS / "streamlit-load-ci.log") as server:
        yield server


def test_concurrent_sessions_have_no_errors(load_server):
    results = in_thread(load_run(load_server, sessions=SESSIONS, duration=DURATION, ramp=RAMP, seed=7))
    text = report(
        results,
        mode="load",
        sessions=SESSIONS,
        duration=DURATION,
        command="tests/browser/test_load.py",
        server_command=load_server.command,
    )
    print(text)
    (ARTIFACTS / "load-ci.txt").write_text(text + "\n")
    assert results.errors == [], text
    assert len(results.all_chart_times()) >= SESSIONS * 2, text
    assert results.chart_times.get("page switch") and results.chart_times.get("filter change"), text
    assert percentile(results.all_chart_times(), 0.95) < 30, text
    growth = results.rss["end of the run (sessions just closed)"] - results.rss["after a warm-up visit"]
    assert growth < MAX_GROWTH, text


def test_sessions_opened_and_closed_do_not_leak(load_server):
    results = in_thread(leak_run(load_server, sessions=LEAK_SESSIONS, seed=7, linger=3))
    text = report(
        results,
        mode="leak",
        sessions=LEAK_SESSIONS,
        duration=0,
        command="tests/browser/test_load.py",
        server_command=load_server.command,
    )
    print(text)
    (ARTIFACTS / "leak-ci.txt").write_text(text + "\n")
    assert results.errors == [], text
    assert len(results.all_chart_times()) == LEAK_SESSIONS, text
    last = list(results.rss.values())[-1]
    assert last - results.rss["after the first session (warm)"] < MAX_GROWTH, text
