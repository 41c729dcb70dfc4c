"""bench/browser_speed.py: its pure helpers on hand-made Streamlit messages, and one short real run
in chromium (marked like the browser suite) whose JSON must carry every figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import browser_speed
from bench.browser_speed import (
    WireMessage,
    decode,
    median,
    median_figures,
    pair_with_clock,
    render_figures,
    report_table,
    script_run,
    verdicts,
)

REPO_ROOT = Path(__file__).resolve().parents[1]


def new_session() -> bytes:
    message = ForwardMsg()
    message.new_session.SetInParent()
    return message.SerializeToString()


def figure(spec: str, hash_: str = "") -> bytes:
    message = ForwardMsg()
    message.delta.new_element.plotly_chart.spec = spec
    message.hash = hash_
    return message.SerializeToString()


def heading() -> bytes:
    message = ForwardMsg()
    message.delta.new_element.heading.body = "A page title"
    return message.SerializeToString()


def reference(hash_: str) -> bytes:
    message = ForwardMsg()
    message.ref_hash = hash_
    return message.SerializeToString()


def finished() -> bytes:
    message = ForwardMsg()
    message.script_finished = 0
    return message.SerializeToString()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([None, None], None),
        ([3.0], 3.0),
        ([5.0, 1.0, 3.0], 3.0),
        ([1.0, 2.0], 1.5),
        ([None, 4.0, 2.0], 3.0),  # a run without the figure is left out, not counted as zero
    ],
)
def test_median(values, expected) -> None:
    assert median(values) == expected


def test_median_figures_keeps_counts_whole_and_lists_as_they_are() -> None:
    runs = [
        {"total_s": 1.0, "figures": 2, "largest_javascript": [["a.js", 10]], "missing_s": None},
        {"total_s": 2.0, "figures": 3, "largest_javascript": [["b.js", 20]], "missing_s": None},
    ]
    assert median_figures(runs) == {
        "total_s": 1.5,
        "figures": 2,  # round(2.5) to an even whole number, never "2.5 figures"
        "largest_javascript": [["a.js", 10]],
        "missing_s": None,
    }


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({"warm_first_chart_s": 1.99, "filter_redraw_s": 0.4}, {"warm_first_chart_s": True, "filter_redraw_s": True}),
        ({"warm_first_chart_s": 2.0, "filter_redraw_s": 0.41}, {"warm_first_chart_s": False, "filter_redraw_s": False}),
        ({}, {"warm_first_chart_s": None, "filter_redraw_s": None}),
    ],
)
def test_verdicts(figures, expected) -> None:
    assert verdicts(figures) == expected


def test_decode_names_the_message_and_measures_the_figure_json() -> None:
    spec = '{"data": [{"type": "bar"}]}'
    message = decode(figure(spec, "h1"), 12.5)
    assert (message.kind, message.element, message.figure_bytes, message.hash) == ("delta", "plotly_chart", 27, "h1")
    assert message.at_ms == 12.5 and message.size == len(figure(spec, "h1"))
    assert decode(new_session(), 0).kind == "new_session"
    assert decode(finished(), 0).kind == "script_finished"
    assert decode(heading(), 0).element == "heading"


def test_a_reference_is_the_element_it_stands_for_with_no_json_sent() -> None:
    earlier = {"h1": decode(figure("{}", "h1"), 0)}
    message = decode(reference("h1"), 5, earlier)
    assert (message.kind, message.element, message.figure_bytes, message.cached) == ("delta", "plotly_chart", 0, True)
    assert decode(reference("unknown"), 5, earlier).element == ""


def test_pair_with_clock_resolves_references_and_refuses_a_mismatch() -> None:
    payloads = [figure("{}", "h1"), reference("h1")]
    clock = [[1.0, len(payloads[0])], [2.0, len(payloads[1])]]
    assert [m.cached for m in pair_with_clock(payloads, clock)] == [False, True]
    assert pair_with_clock(payloads, clock)[1].element == "plotly_chart"
    with pytest.raises(RuntimeError, match="1 by the page"):
        pair_with_clock(payloads, clock[:1])
    with pytest.raises(RuntimeError, match="sizes disagree"):
        pair_with_clock(payloads, [[1.0, 1], [2.0, len(payloads[1])]])


def run_of(*timed: tuple[float, str]) -> list[WireMessage]:
    """Messages of 100 B each: "start" and "end" of a script run, a "chart" of 40 B of JSON, "other"."""
    kinds = {"start": "new_session", "end": "script_finished"}
    messages = []
    for at, what in timed:
        chart = what == "chart"
        messages.append(WireMessage(at, 100, kinds.get(what, "delta"), "plotly_chart" if chart else "", 40 * chart))
    return messages


def test_script_run_is_the_first_finished_run_after_the_time() -> None:
    messages = run_of((10, "start"), (20, "end"), (500, "start"), (510, "chart"), (600, "end"), (700, "start"))
    assert [m.at_ms for m in script_run(messages)] == [10, 20]
    assert [m.at_ms for m in script_run(messages, 400)] == [500, 510, 600]
    assert script_run(messages, 650) == []  # started, not finished yet


def test_render_figures_splits_the_wait_between_server_and_front_end() -> None:
    # Navigation at 0; the script runs 1000-1600 ms and sends its chart at 1200; drawn at 3000.
    messages = run_of((1000, "start"), (1100, "other"), (1200, "chart"), (1600, "end"))
    scripts = [["PlotlyChart.abc.js", 2500.0, 4000], ["index.js", 500.0, 1000]]
    figures = render_figures(messages, 3000.0, scripts=scripts, long_tasks=[[100, 60], [2000, 900], [3500, 70]])
    assert figures == {
        "total_s": 3.0,
        "until_script_start_s": 1.0,
        "server_script_s": 0.6,
        "server_until_figure_s": 0.2,
        "first_figure_received_s": 1.2,
        "drawn_after_figure_s": 1.8,
        "front_end_s": 2.8,
        "websocket_messages": 4,
        "websocket_bytes": 400,
        "figures": 1,
        "figures_from_browser_cache": 0,
        "figure_json_bytes": 40,
        "javascript_bytes": 5000,
        "plotly_javascript_bytes": 4000,
        "plotly_javascript_loaded_s": 2.5,
        "largest_javascript": [["PlotlyChart.abc.js", 4000], ["index.js", 1000]],
        "main_thread_long_tasks_s": 0.96,  # the task after the drawing is not counted
    }


def test_render_figures_from_a_click() -> None:
    messages = run_of((0, "start"), (50, "end"), (1030, "start"), (1100, "chart"), (1400, "end"))
    figures = render_figures(messages, 1150.0, start_ms=1000.0)
    assert (figures["total_s"], figures["server_until_figure_s"], figures["front_end_s"]) == (0.15, 0.07, 0.08)
    with pytest.raises(RuntimeError, match="no finished script run"):
        render_figures(messages, 2000.0, start_ms=1500.0)


def test_report_table_shows_targets_and_breakdown() -> None:
    section = {"total_s": 3.0, "server_script_s": 0.4, "figure_json_bytes": 2048, "figures": 1}
    result = {
        "runs": 5,
        "cpus": 2,
        "load_average_start": [1.0, 1.0, 1.0],
        "load_average_end": [1.5, 1.0, 1.0],
        "server_script_source": browser_speed.SERVER_SCRIPT_SOURCE,
        "filter_method": browser_speed.FILTER_METHOD,
        "figures": {"warm_first_chart_s": 3.0, "filter_redraw_s": 0.3, "cold_first_chart_s": 6.0},
        "breakdown": {"overview": {**section, "largest_javascript": [["PlotlyChart.x.js", 4 * 1024 * 1024]]}},
    }
    table = report_table(result)
    assert "warm first chart, Overview (new visitor)                  3.00 s  < 2 s  MISSED" in table
    assert "filter redraw, Themes over time                           0.30 s  <= 0.4 s  met" in table
    assert "warm first chart, Themes over time                           n/a" in table
    assert "figure JSON bytes" in table and "2.0 kB" in table
    assert "PlotlyChart.x.js" in table and "4,096.0 kB" in table


@pytest.mark.browser
def test_a_short_real_run_prints_every_figure() -> None:
    if not browser_speed.CHROMIUM.exists():
        message = f"{browser_speed.CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    # Its own process: the benchmark starts sync Playwright, which must not meet the browser suite's.
    done = subprocess.run(
        [sys.executable, "-m", "bench.browser_speed", "--runs", "1"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "warm first chart, Overview" in done.stdout
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(result["figures"]) == {
        "cold_first_chart_s",
        "cold_server_ready_s",
        "warm_first_chart_s",
        "warm_themes_chart_s",
        "filter_redraw_s",
    }
    assert all(value > 0 for value in result["figures"].values())
    assert set(result["met"]) == set(browser_speed.TARGETS)
    assert set(result["breakdown"]) == {"cold", "overview", "themes", "filter"}
    page_load = {"javascript_bytes", "plotly_javascript_bytes", "plotly_javascript_loaded_s", "largest_javascript"}
    for name, section in result["breakdown"].items():
        expected = {
            "total_s",
            "until_script_start_s",
            "server_script_s",
            "server_until_figure_s",
            "first_figure_received_s",
            "drawn_after_figure_s",
            "front_end_s",
            "websocket_messages",
            "websocket_bytes",
            "figures",
            "figures_from_browser_cache",
            "figure_json_bytes",
            "main_thread_long_tasks_s",
        }
        assert set(section) == (expected | page_load if name != "filter" else expected), name
        assert section["figures"] >= 1 and section["websocket_bytes"] > 0 and section["server_script_s"] > 0, name
    assert result["breakdown"]["overview"]["figure_json_bytes"] > 0
    assert len(result["runs_s"]["warm_first_chart_s"]) == 1
