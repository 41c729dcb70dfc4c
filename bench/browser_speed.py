"""Speed a visitor feels, measured in Debian chromium against a local `streamlit run dashboard.py`.

    python -m bench.browser_speed               # median of 5 of each figure
    python -m bench.browser_speed --runs 1 --port 8599

Prints a table, then the same figures as one line of JSON (the last line of the output):

- cold first chart: from launching the server to the first drawn chart of its first visitor;
- warm first chart: a new visitor (a fresh browser context, so an empty browser cache and a new
  Streamlit session) on the already-warm server, from navigation to the first drawn chart, on the
  Overview and on Themes over time;
- filter redraw: on Themes over time, from the click that adds or removes a topic in the sidebar's
  multiselect (as a user does it) to the chart drawn with its new traces;
- where the time goes, for each of those: the server's script run, the websocket bytes and the
  figure JSON sent for the render, the JavaScript downloaded, and the front end's share: the total
  less the part of the script run the chart waited for (from its start to the first figure sent),
  i.e. loading and running the browser code, the websocket's round trips and drawing.

"Drawn" means a `.js-plotly-plot` with marks on it (bars, lines, points), or one of our SVG charts
(lib/views/svg_charts.py, the Overview's first, shown as an image) decoded and laid out. Times are taken inside the
page (`performance.now()`, whose origin is the navigation), polled every animation frame.

The server's script time comes from the wire, not from a log (Streamlit logs no run times) nor from
an AppTest re-run in another process: the server sends `new_session` when a script run starts and
`script_finished` when it ends, and the page records when each websocket message arrives. Their
gap, on the same run the visitor waited for, is the script time (plus loopback latency, well under
a millisecond). Message bytes and figure sizes are read from the frames Playwright sees
(`page.on("websocket")`), decoded as Streamlit's own ForwardMsg protobufs.

The server is bench.load.serve, the one the browser tests start (bundled sample, loopback only, no
file watcher, no usage stats); its log goes to test-artifacts/streamlit-browser-speed.log.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.load import serve
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

REPO_ROOT = Path(__file__).resolve().parents[1]
SERVER_LOG = REPO_ROOT / "test-artifacts" / "streamlit-browser-speed.log"
VIEWPORT = {"width": 1400, "height": 1000}
STEP_TIMEOUT_MS = 60_000

OVERVIEW, THEMES = "/", "/Themes_over_time"
TARGETS = {"warm_first_chart_s": ("<", 2.0), "filter_redraw_s": ("<=", 0.4)}
FILTER_METHOD = "sidebar topic multiselect: a click on an option adds a topic, a click on 'Remove' removes it"
SERVER_SCRIPT_SOURCE = "wire: new_session to script_finished as received by the page (same run)"

# Installed before any page script: stamps every websocket message with its arrival time, records
# the last click or key press (the start of a filter change) and sums the main thread's long tasks.
PAGE_CLOCK_JS = """
(() => {
  window.__wire = [];
  window.__lastInput = null;
  window.__longTasks = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => {
        const data = event.data;
        window.__wire.push([performance.now(), data.byteLength ?? data.size ?? data.length]);
      });
    }
  };
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, () => { window.__lastInput = performance.now(); }, true);
  }
  try {
    new PerformanceObserver(list => {
      for (const task of list.getEntries()) window.__longTasks.push([task.startTime, task.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (error) { /* no long-task timing in this browser: the figure is left out */ }
})();
"""
MARKS = "g.trace path, g.point, .heatmaplayer image, .hm image"
PLOTS = '[data-testid="stPlotlyChart"] .js-plotly-plot'
# The arrival time of the first chart with marks drawn, or false.
# Our own SVG charts (lib/views/svg_charts.py: the Overview's first one), shown as images, count
# once the image is decoded and laid out.
SVG_CHARTS = '[data-testid="stImage"] img[src^="data:image/svg+xml"]'
FIRST_CHART_DRAWN_JS = f"""() => {{
  for (const image of document.querySelectorAll('{SVG_CHARTS}')) {{
    if (image.complete && image.naturalWidth > 0 && image.getBoundingClientRect().width > 0) return performance.now();
  }}
  for (const plot of document.querySelectorAll('{PLOTS}')) {{
    if (plot.querySelector('{MARKS}')) return performance.now();
  }}
  return false;
}}"""
# What the first chart shows: its traces' count and names; null before it exists.
CHART_SIGNATURE_JS = f"""() => {{
  const plot = document.querySelector('{PLOTS}');
  if (!plot || !plot.data) return null;
  return plot.data.length + '|' + plot.data.map(trace => trace.name).join('|');
}}"""
# Drawn anew: the signature differs from the one before, plotly has laid out every trace, marks show.
REDRAWN_JS = f"""(before) => {{
  const plot = document.querySelector('{PLOTS}');
  const now = ({CHART_SIGNATURE_JS})();
  if (now === null || now === before || !plot._fullData || plot._fullData.length !== plot.data.length) return false;
  return plot.querySelector('{MARKS}') ? performance.now() : false;
}}"""
# Names of the traces with a positive total: the topics the sample has articles for.
TOPICS_WITH_DATA_JS = f"""() => [...document.querySelector('{PLOTS}')._fullData]
  .filter(trace => Array.from(trace.y || []).reduce((sum, y) => sum + (Number(y) || 0), 0) > 0)
  .map(trace => trace.name)"""
LARGEST_SCRIPTS = 5
SCRIPTS_JS = """() => performance.getEntriesByType('resource')
  .filter(entry => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
  .map(entry => [entry.name.split('/').pop(), entry.responseEnd, entry.decodedBodySize])"""


# --- pure helpers: what arrived, and what it says -------------------------------------------------


@dataclass(frozen=True)
class WireMessage:
    """One websocket message from the server: when it arrived (ms since navigation), its bytes,
    its ForwardMsg type ("delta", "new_session", ...), the element it adds, and for a plotly chart
    the length of its figure JSON. A message the browser already holds is sent as a reference to
    its hash (`cached`): its element is the referenced one's, and no figure JSON travels."""

    at_ms: float
    size: int
    kind: str
    element: str = ""
    figure_bytes: int = 0
    cached: bool = False
    hash: str = ""


def decode(payload: bytes | str, at_ms: float, earlier: dict[str, WireMessage] | None = None) -> WireMessage:
    """One frame as a WireMessage; earlier maps the hashes of messages already received to them,
    to tell what a reference stands for."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    raw = payload.encode() if isinstance(payload, str) else payload
    message = ForwardMsg()
    message.ParseFromString(raw)
    kind = message.WhichOneof("type") or ""
    if kind == "ref_hash":
        referenced = (earlier or {}).get(message.ref_hash)
        return WireMessage(at_ms, len(raw), "delta", referenced.element if referenced else "", cached=True)
    element = ""
    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element.WhichOneof("type") or ""
    figure = len(message.delta.new_element.plotly_chart.spec.encode()) if element == "plotly_chart" else 0
    return WireMessage(at_ms, len(raw), kind, element, figure, hash=message.hash)


def pair_with_clock(payloads: list[bytes | str], clock: list[list[float]]) -> list[WireMessage]:
    """Playwright's frames carry the bytes, the page's clock the arrival times: same order, same sizes."""
    if len(payloads) != len(clock):
        raise RuntimeError(f"{len(payloads)} websocket frames seen by Playwright but {len(clock)} by the page")
    messages: list[WireMessage] = []
    by_hash: dict[str, WireMessage] = {}
    for payload, (at_ms, size) in zip(payloads, clock, strict=True):
        message = decode(payload, at_ms, by_hash)
        if message.size != size:
            raise RuntimeError(f"frame sizes disagree at {at_ms:.0f} ms: {message.size} B vs {size} B")
        if message.hash:
            by_hash[message.hash] = message
        messages.append(message)
    return messages


def script_run(messages: list[WireMessage], after_ms: float = 0.0) -> list[WireMessage]:
    """The messages of the first script run that starts at or after after_ms: from its
    new_session to its script_finished, both included. Empty while the run has not finished."""
    run: list[WireMessage] = []
    for message in messages:
        if message.at_ms < after_ms:
            continue
        if not run and message.kind != "new_session":
            continue
        run.append(message)
        if message.kind == "script_finished":
            return run
    return []


def render_figures(
    messages: list[WireMessage],
    drawn_ms: float,
    *,
    start_ms: float = 0.0,
    scripts: list[list] | None = None,
    long_tasks: list[list[float]] | None = None,
) -> dict:
    """Where the time from start_ms (navigation, or the click) to the drawn chart went, in seconds,
    and the bytes of the script run that drew it."""
    run = script_run(messages, start_ms)
    if not run:
        raise RuntimeError(f"no finished script run after {start_ms:.0f} ms among {len(messages)} messages")
    figures = [m for m in run if m.element == "plotly_chart"]
    total = (drawn_ms - start_ms) / 1000
    server = (run[-1].at_ms - run[0].at_ms) / 1000
    # The chart waited for the script only until its figure arrived: a script that goes on writing
    # below the chart after that does not delay it.
    waited = (min(run[-1].at_ms, figures[0].at_ms) - run[0].at_ms) / 1000 if figures else server
    result = {
        "total_s": round(total, 3),
        "until_script_start_s": round((run[0].at_ms - start_ms) / 1000, 3),
        "server_script_s": round(server, 3),
        "server_until_figure_s": round(waited, 3),
        "first_figure_received_s": round((figures[0].at_ms - start_ms) / 1000, 3) if figures else None,
        "drawn_after_figure_s": round((drawn_ms - figures[0].at_ms) / 1000, 3) if figures else None,
        "front_end_s": round(total - waited, 3),
        "websocket_messages": len(run),
        "websocket_bytes": sum(m.size for m in run),
        "figures": len(figures),
        "figures_from_browser_cache": sum(m.cached for m in figures),
        "figure_json_bytes": sum(m.figure_bytes for m in figures),
    }
    if scripts is not None:
        plotly = [entry for entry in scripts if entry[0].startswith("PlotlyChart")]
        result["javascript_bytes"] = int(sum(entry[2] for entry in scripts))
        result["plotly_javascript_bytes"] = int(plotly[0][2]) if plotly else 0
        result["plotly_javascript_loaded_s"] = round((plotly[0][1] - start_ms) / 1000, 3) if plotly else None
        largest = sorted(scripts, key=lambda entry: -entry[2])[:LARGEST_SCRIPTS]
        result["largest_javascript"] = [[name, int(size)] for name, _, size in largest]
    if long_tasks is not None:
        busy = sum(duration for begin, duration in long_tasks if start_ms <= begin < drawn_ms)
        result["main_thread_long_tasks_s"] = round(busy / 1000, 3)
    return result


def median(values: list[float | None]) -> float | None:
    """The median of the values that exist; None when there are none."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def median_figures(runs: list[dict]) -> dict:
    """Each figure's median over the runs (they all carry the same keys); counts stay whole and a
    list (the largest scripts) is the first run's."""
    medians = {}
    for key, first in runs[0].items():
        if isinstance(first, list):
            medians[key] = first
            continue
        values = [run[key] for run in runs]
        value = median(values)
        if value is not None and all(isinstance(v, int) for v in values if v is not None):
            value = round(value)
        medians[key] = round(value, 3) if isinstance(value, float) else value
    return medians


def verdicts(figures: dict) -> dict[str, bool | None]:
    """Whether each target is met; None when the figure is missing."""
    met: dict[str, bool | None] = {}
    for name, (operator, limit) in TARGETS.items():
        value = figures.get(name)
        met[name] = None if value is None else (value < limit if operator == "<" else value <= limit)
    return met


# --- the readable table --------------------------------------------------------------------------

BREAKDOWN_ROWS = (
    ("total_s", "total", "s"),
    ("until_script_start_s", "  until the script starts (page code, websocket)", "s"),
    ("server_script_s", "  server script run (whole)", "s"),
    ("server_until_figure_s", "  server script run until the first figure", "s"),
    ("first_figure_received_s", "  first figure received", "s"),
    ("drawn_after_figure_s", "  drawn after the figure arrived", "s"),
    ("front_end_s", "  front end (total - script until the figure)", "s"),
    ("main_thread_long_tasks_s", "  main thread in long tasks (> 50 ms)", "s"),
    ("websocket_messages", "websocket messages of the run", ""),
    ("websocket_bytes", "websocket bytes of the run", "B"),
    ("figures", "plotly figures", ""),
    ("figures_from_browser_cache", "  sent as a reference to one the browser holds", ""),
    ("figure_json_bytes", "figure JSON bytes", "B"),
    ("javascript_bytes", "JavaScript downloaded", "B"),
    ("plotly_javascript_bytes", "  of which the plotly chunk", "B"),
    ("plotly_javascript_loaded_s", "  plotly chunk loaded at", "s"),
)
LABEL_WIDTH = 52


def _value(value, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "B":
        return f"{value / 1024:,.1f} kB"
    return f"{value:g}"


def _status(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: "n/a"}[met]


def report_table(result: dict) -> str:
    """The figures as a table: headline times against their targets, then each breakdown."""
    headline = result["figures"]
    met = verdicts(headline)
    lines = [
        f"Alliance Lens browser speed: median of {result['runs']} run(s), bundled sample",
        f"machine: {result['cpus']} CPU(s), load average {result['load_average_start']} at the start, "
        f"{result['load_average_end']} at the end",
        f"server script time: {result['server_script_source']}",
        f"filter change: {result['filter_method']}",
        "",
        f"{'figure':<{LABEL_WIDTH}}{'median':>12}  target",
    ]
    for key, label in (
        ("cold_first_chart_s", "cold first chart (server launch to chart)"),
        ("cold_server_ready_s", "  of which the server starting (health ok)"),
        ("warm_first_chart_s", "warm first chart, Overview (new visitor)"),
        ("warm_themes_chart_s", "warm first chart, Themes over time"),
        ("filter_redraw_s", "filter redraw, Themes over time"),
    ):
        target = ""
        if key in TARGETS:
            operator, limit = TARGETS[key]
            target = f"{operator} {limit:g} s  {_status(met[key])}"
        lines.append(f"{label:<{LABEL_WIDTH}}{_value(headline.get(key), 's'):>12}  {target}")
    names = list(result["breakdown"])
    lines += ["", "where the time goes (medians)", f"{'':<{LABEL_WIDTH}}" + "".join(f"{n:>14}" for n in names)]
    for key, label, unit in BREAKDOWN_ROWS:
        cells = [_value(result["breakdown"][name].get(key), unit) for name in names]
        lines.append(f"{label:<{LABEL_WIDTH}}" + "".join(f"{c:>14}" for c in cells))
    largest = result["breakdown"].get("overview", {}).get("largest_javascript")
    if largest:
        lines += ["", "largest JavaScript a new visitor downloads (Overview):"]
        lines += [f"  {name:<{LABEL_WIDTH - 2}}{_value(size, 'B'):>12}" for name, size in largest]
    return "\n".join(lines)


# --- the browser ---------------------------------------------------------------------------------


class Tab:
    """One visitor's tab in its own browser context, with the page clock installed and the
    websocket frames collected."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(STEP_TIMEOUT_MS)
        self.page.add_init_script(PAGE_CLOCK_JS)
        self.payloads: list[bytes | str] = []
        self.errors: list[str] = []
        # Playwright tags its handlers with an attribute: a lambda, not the bound list.append.
        self.page.on("websocket", lambda socket_: socket_.on("framereceived", lambda p: self.payloads.append(p)))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def close(self) -> None:
        self.context.close()

    def messages(self) -> list[WireMessage]:
        return pair_with_clock(self.payloads, self.page.evaluate("window.__wire"))

    def finished_run(self, after_ms: float) -> list[WireMessage]:
        """Wait for the script run started after after_ms to finish; its messages."""
        deadline = time.monotonic() + STEP_TIMEOUT_MS / 1000
        while not (run := script_run(self.messages(), after_ms)):
            if time.monotonic() > deadline:
                raise RuntimeError(f"no script_finished after {after_ms:.0f} ms at {self.page.url}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames
        return run

    def open(self, url: str) -> float:
        """Navigate; the time the first chart was drawn (ms since navigation)."""
        self.page.goto(url, wait_until="commit")
        return self.page.wait_for_function(FIRST_CHART_DRAWN_JS, polling="raf").json_value()

    def first_chart(self, url: str) -> dict:
        drawn_ms = self.open(url)
        self.finished_run(0.0)
        return render_figures(
            self.messages(),
            drawn_ms,
            scripts=self.page.evaluate(SCRIPTS_JS),
            long_tasks=self.page.evaluate("window.__longTasks"),
        )

    def change_filter(self, click) -> dict:
        """click() makes one change; the figures from that click to the chart drawn anew."""
        before = self.page.evaluate(CHART_SIGNATURE_JS)
        click()
        drawn_ms = self.page.wait_for_function(REDRAWN_JS, arg=before, polling="raf").json_value()
        clicked_ms = self.page.evaluate("window.__lastInput")
        self.finished_run(clicked_ms)
        return render_figures(
            self.messages(), drawn_ms, start_ms=clicked_ms, long_tasks=self.page.evaluate("window.__longTasks")
        )


def new_visitor(browser, url: str) -> dict:
    tab = Tab(browser)
    try:
        figures = tab.first_chart(url)
        if tab.errors:
            raise RuntimeError(f"page errors at {url}: {tab.errors[:3]}")
        return figures
    finally:
        tab.close()


def filter_changes(browser, base_url: str, runs: int) -> list[dict]:
    """Alternately add a topic the sample has articles for and remove it again, `runs` times."""
    tab = Tab(browser)
    page = tab.page
    try:
        tab.open(base_url + THEMES)
        tab.finished_run(0.0)
        topics = page.evaluate(TOPICS_WITH_DATA_JS)
        if not topics:
            raise RuntimeError("the Themes over time chart shows no topic with articles: nothing to filter by")
        changes = []
        for number in range(runs):
            topic = topics[(number // 2) % len(topics)]
            if number % 2 == 0:
                page.locator('.st-key-f_topics input[role="combobox"]').click()
                option = page.get_by_role("option", name=topic, exact=True)
                changes.append(tab.change_filter(option.click))
                page.keyboard.press("Escape")  # close the list, as a user would before looking
            else:
                changes.append(tab.change_filter(page.get_by_role("button", name=f"Remove {topic}").click))
            page.wait_for_timeout(300)  # let the page come to rest before the next change
        return changes
    finally:
        tab.close()


def measure(port: int | None, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium).")
    load_start = os.getloadavg()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            launched = time.monotonic()
            with serve(port=port, log_path=SERVER_LOG) as server:
                base_url, ready_s = server.url, time.monotonic() - launched
                cold = new_visitor(browser, base_url + OVERVIEW)
                new_visitor(browser, base_url + THEMES)  # not timed: the page's own caches filled once
                overview = [new_visitor(browser, base_url + OVERVIEW) for _ in range(runs)]
                themes = [new_visitor(browser, base_url + THEMES) for _ in range(runs)]
                filters = filter_changes(browser, base_url, runs)
        finally:
            browser.close()
    breakdown = {
        "cold": cold,
        "overview": median_figures(overview),
        "themes": median_figures(themes),
        "filter": median_figures(filters),
    }
    figures = {
        "cold_first_chart_s": round(ready_s + cold["total_s"], 3),
        "cold_server_ready_s": round(ready_s, 3),
        "warm_first_chart_s": breakdown["overview"]["total_s"],
        "warm_themes_chart_s": breakdown["themes"]["total_s"],
        "filter_redraw_s": breakdown["filter"]["total_s"],
    }
    return {
        "runs": runs,
        "figures": figures,
        "targets": {name: f"{operator} {limit:g} s" for name, (operator, limit) in TARGETS.items()},
        "met": verdicts(figures),
        "runs_s": {
            "warm_first_chart_s": [run["total_s"] for run in overview],
            "warm_themes_chart_s": [run["total_s"] for run in themes],
            "filter_redraw_s": [run["total_s"] for run in filters],
        },
        "breakdown": breakdown,
        "server_script_source": SERVER_SCRIPT_SOURCE,
        "filter_method": FILTER_METHOD,
        "server": shlex.join(server.command[1:]),
        "cpus": os.cpu_count(),
        "load_average_start": [round(v, 2) for v in load_start],
        "load_average_end": [round(v, 2) for v in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="new visitors and filter changes to take the median of")
    parser.add_argument("--port", type=int, default=None, help="the server's port (default: a free one)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    result = measure(args.port, args.runs)
    print(report_table(result))
    print()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
