"""Load and leak check of the dashboard in real browsers, against a local `streamlit run`.

    python -m bench.load                            # 20 sessions, each 300 s over every page
    python -m bench.load --sessions 3 --duration 20 # a short run
    python -m bench.load --leak                     # 200 sessions opened and closed in turn

Loopback only: the server listens on 127.0.0.1 and chromium resolves no other host. Bounded in
time: every browser step has a timeout, the whole run a hard deadline, and the server is stopped
on the way out. Each visitor (its own browser context, so its own Streamlit session) goes through
the pages by the sidebar links and changes a filter (a topic, the search box) on each chart page.

Figures: errors (exception boxes, console errors, timeouts), time from a click to a drawn chart
(`[data-testid="stPlotlyChart"] .main-svg` with the script run finished), and the RSS of the
server process and its children from /proc.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from lib.reference.taxonomy import default_taxonomy
from tests.browser.conftest import CHART_SVG, CHROMIUM, CHROMIUM_ARGS, _free_port, _healthy

REPO_ROOT = Path(__file__).resolve().parents[1]
LOG_DIR = REPO_ROOT / "test-artifacts"
MB = 1024 * 1024
# Chromium may resolve no host but the loopback address: nothing leaves the machine.
LOOPBACK_ONLY = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
VIEWPORT = {"width": 1280, "height": 1400}
STEP_TIMEOUT_S = 60.0  # one click or filter change until the page is drawn again
SERVER_START_TIMEOUT_S = 60.0
STREAMLIT_SESSION_TTL_S = 120  # Streamlit's server.disconnectedSessionTTL default

# (sidebar label, page title, has charts), in sidebar order.
PAGES = (
    ("Overview", "Alliance Lens: Japan–US coverage", True),
    ("Themes over time", "Themes over time", True),
    ("By prime minister", "By prime minister", True),
    ("Articles", "Articles", False),
    ("Data", "Data", False),
    ("About / method", "About / method", False),
)
SEARCH_TERMS = ("alliance", "tariff", "Trump", "security", "Kishida", "")

# True once the script run is over and the page is drawn: the expected title, no running
# indicator, no stale elements, and (when asked) a drawn chart or the "no articles" notice.
READY_JS = """([title, chart]) => {
    const visible = el => el.checkVisibility({visibilityProperty: true});
    const heading = document.querySelector('[data-testid="stMain"] h1');
    if (!heading || heading.innerText.trim() !== title) return false;
    if ([...document.querySelectorAll('[data-testid="stStatusWidget"]')].some(visible)) return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    if ([...document.querySelectorAll('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')]
            .some(visible)) return false;
    if (!chart) return true;
    if (document.querySelector('CHART_SVG')) return 'chart';
    const empty = [...document.querySelectorAll('[data-testid="stAlertContentInfo"]')]
        .some(el => el.innerText.includes('No articles match'));
    return empty ? 'empty' : false;
}""".replace("CHART_SVG", CHART_SVG)


# --- the server and its memory ---------------------------------------------------------------


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    command: list[str]

    def rss_bytes(self) -> int:
        return tree_rss_bytes(self.process.pid)

    def cpu_seconds(self) -> float:
        return sum(_cpu_seconds(pid) for pid in process_tree(self.process.pid))


def process_tree(pid: int) -> list[int]:
    """pid and all its descendants, from /proc/<pid>/task/*/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo += [int(child) for child in task.read_text().split()]
    return found


def _status_kb(pid: int, field_name: str) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return 0.0


def tree_rss_bytes(pid: int) -> int:
    return sum(_status_kb(p, "VmRSS") for p in process_tree(pid)) * 1024


@contextlib.contextmanager
def serve(
    *,
    env: dict[str, str] | None = None,
    session_ttl: int | None = None,
    log_path: Path | None = None,
    port: int | None = None,
) -> Iterator[Server]:
    """`streamlit run dashboard.py` on a loopback port (a free one unless given), stopped on the
    way out."""
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    if _healthy(url):
        raise SystemExit(f"something already answers on {url}: pick another port")
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    if session_ttl is not None:
        command += ["--server.disconnectedSessionTTL", str(session_ttl)]
    log_path = log_path or LOG_DIR / "streamlit-load.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not _healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = log_path.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"streamlit did not start at {url} (log {log_path}):\n{tail}")
                time.sleep(0.05)  # bench.browser_speed times the start by this loop
            yield Server(url, process, command)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


# --- what the visitors saw ---------------------------------------------------------------------


@dataclass
class Results:
    # Seconds from the action to a drawn chart, by action: "first visit", "page switch", "filter".
    chart_times: dict[str, list[float]] = field(default_factory=dict)
    page_times: list[float] = field(default_factory=list)  # s, click to a settled page without charts
    errors: list[str] = field(default_factory=list)
    warmup_seconds: float = 0.0  # the server's first page: the sample corpus analysed and cached
    steps: int = 0
    empty_views: int = 0  # filter combinations that matched no article (the page says so)
    rss: dict[str, int] = field(default_factory=dict)  # label -> bytes, in the order measured
    rss_trace: list[tuple[float, int]] = field(default_factory=list)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0

    def error(self, session: int, text: str) -> None:
        self.errors.append(f"session {session}: {text}")

    def all_chart_times(self) -> list[float]:
        return [t for times in self.chart_times.values() for t in times]


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..1); None when there are no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


async def _ready(page, title: str, chart: bool) -> str:
    handle = await page.wait_for_function(READY_JS, arg=[title, chart], polling=100, timeout=STEP_TIMEOUT_S * 1000)
    return await handle.json_value()


def _record(results: Results, outcome, started: float, chart: bool, action: str) -> None:
    elapsed = time.monotonic() - started
    if not chart:
        results.page_times.append(elapsed)
    elif outcome == "chart":
        results.chart_times.setdefault(action, []).append(elapsed)
    else:
        results.empty_views += 1
    results.steps += 1


async def _check_page(page, results: Results, session: int) -> None:
    boxes = page.locator('[data-testid="stException"]')
    if await boxes.count():
        results.error(session, f"exception box at {page.url}: {(await boxes.all_inner_texts())[:1]}")


class Visitor:
    """One browser context going round the pages and changing filters until the deadline."""

    def __init__(self, number: int, browser, server: Server, results: Results, seed: int):
        self.number, self.browser, self.server, self.results = number, browser, server, results
        self.random = random.Random(seed * 1000 + number)
        self.labels = default_taxonomy().labels()
        self.topic: str | None = None  # label of the picked topic, if any
        self.search = ""

    def _watch(self, page) -> None:
        def on_console(message) -> None:
            if message.type == "error":
                self.results.error(self.number, f"console: {message.text} ({(message.location or {}).get('url', '')})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.results.error(self.number, f"pageerror: {error}"))
        page.on("dialog", lambda dialog: self.results.error(self.number, f"dialog: {dialog.message}"))

    async def open(self):
        context = await self.browser.new_context(viewport=VIEWPORT)
        page = await context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_S * 1000)
        self._watch(page)
        return context, page

    async def first_visit(self, page) -> None:
        started = time.monotonic()
        await page.goto(self.server.url + "/")
        _record(self.results, await _ready(page, PAGES[0][1], True), started, True, "first visit")
        await _check_page(page, self.results, self.number)
        self.topic, self.search = None, ""

    async def visit(self, page, label: str, title: str, chart: bool) -> None:
        started = time.monotonic()
        await page.locator('[data-testid="stSidebar"]').get_by_role("link", name=label, exact=True).click()
        _record(self.results, await _ready(page, title, chart), started, chart, "page switch")
        await _check_page(page, self.results, self.number)

    async def change_filter(self, page, title: str) -> None:
        """One change in the sidebar: toggle a topic or search for another term; time to redraw."""
        started = time.monotonic()
        if self.random.random() < 0.5:
            if self.topic is None:
                key, self.topic = self.random.choice(list(self.labels.items()))
                await page.locator('.st-key-f_topics input[role="combobox"]').click()
                await page.get_by_role("option", name=self.topic, exact=True).click()
                await page.keyboard.press("Escape")
                await page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("topic") == [key])
            else:
                await page.get_by_role("button", name=f"Remove {self.topic}").click()
                self.topic = None
                await page.wait_for_url(lambda url: "topic" not in parse_qs(urlsplit(url).query))
        else:
            term = self.random.choice([t for t in SEARCH_TERMS if t != self.search])
            box = page.locator(".st-key-f_search input")
            await box.fill(term)
            await box.press("Enter")
            self.search = term
            await page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("q", [""]) == [term])
        _record(self.results, await _ready(page, title, True), started, True, "filter change")
        await _check_page(page, self.results, self.number)

    async def run(self, deadline: float) -> None:
        context, page = await self.open()
        try:
            await self._safely(page, self.first_visit(page))
            step = self.random.randrange(1, len(PAGES))  # from Overview to another page, varied
            while time.monotonic() < deadline:
                label, title, chart = PAGES[step % len(PAGES)]
                step += 1
                if (
                    await self._safely(page, self.visit(page, label, title, chart))
                    and chart
                    and time.monotonic() < deadline
                ):
                    await self._safely(page, self.change_filter(page, title))
        finally:
            await context.close()

    async def _safely(self, page, step) -> bool:
        """Run a step; a timeout or a browser error is counted and the visitor starts again."""
        try:
            await step
            return True
        except Exception as error:  # noqa: BLE001 - any failure of a step is a counted error
            self.results.error(self.number, f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
            with contextlib.suppress(Exception):
                await self.first_visit(page)
            return False


async def _sample_rss(server: Server, results: Results, started: float, every: float = 1.0) -> None:
    while True:
        results.rss_trace.append((time.monotonic() - started, server.rss_bytes()))
        await asyncio.sleep(every)


async def _launch(playwright):
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium).")
    return await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + LOOPBACK_ONLY)


async def _warm_up(browser, server: Server, results: Results) -> None:
    """One visit before the clock starts: a fresh server's first page analyses the sample corpus."""
    scratch = Results()
    visitor = Visitor(-1, browser, server, scratch, seed=0)
    context, page = await visitor.open()
    started = time.monotonic()
    try:
        await visitor._safely(page, visitor.first_visit(page))
    finally:
        await context.close()
    results.warmup_seconds = time.monotonic() - started
    results.errors += scratch.errors
    results.rss["after a warm-up visit"] = server.rss_bytes()


async def load_run(server: Server, *, sessions: int, duration: float, ramp: float, seed: int) -> Results:
    from playwright.async_api import async_playwright

    results = Results()
    results.rss["server started, no session yet"] = server.rss_bytes()
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        await _warm_up(browser, server, results)
        cpu_before = server.cpu_seconds()
        started = time.monotonic()
        sampler = asyncio.create_task(_sample_rss(server, results, started))
        deadline = started + ramp + duration

        async def one(number: int) -> None:
            await asyncio.sleep(ramp * number / max(1, sessions))  # arrivals spread over the ramp
            await Visitor(number, browser, server, results, seed).run(deadline)

        tasks = [asyncio.create_task(one(n)) for n in range(sessions)]
        # Hard bound: a visitor still stuck after every step's timeout is cancelled.
        done, stuck = await asyncio.wait(tasks, timeout=ramp + duration + 3 * STEP_TIMEOUT_S)
        for task in stuck:
            task.cancel()
            results.error(-1, "a visitor was still running at the hard deadline; cancelled")
        for task in done:
            if task.exception() is not None:
                results.error(-1, f"visitor crashed: {task.exception()!r}")
        results.wall_seconds = time.monotonic() - started
        results.cpu_seconds = server.cpu_seconds() - cpu_before
        results.rss["end of the run (sessions just closed)"] = server.rss_bytes()
        sampler.cancel()
        await browser.close()
    return results


async def leak_run(server: Server, *, sessions: int, seed: int, linger: float) -> Results:
    """Open a session, load the Overview with its charts, close it; `sessions` times in turn."""
    from playwright.async_api import async_playwright

    results = Results()
    results.rss["server started, no session yet"] = server.rss_bytes()
    cpu_before = server.cpu_seconds()
    started = time.monotonic()
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        for number in range(sessions):
            visitor = Visitor(number, browser, server, results, seed)
            context, page = await visitor.open()
            try:
                await visitor._safely(page, visitor.first_visit(page))
            finally:
                await context.close()
            if number == 0:
                results.warmup_seconds = time.monotonic() - started
                results.rss["after the first session (warm)"] = server.rss_bytes()
            if (number + 1) % max(1, sessions // 10) == 0:
                results.rss_trace.append((number + 1, server.rss_bytes()))
        await browser.close()
    results.rss[f"after {sessions} sessions"] = server.rss_bytes()
    results.wall_seconds = time.monotonic() - started
    results.cpu_seconds = server.cpu_seconds() - cpu_before
    if linger > 0:
        # Streamlit keeps a closed session for server.disconnectedSessionTTL in case it reconnects.
        await asyncio.sleep(linger)
        results.rss[f"{linger:.0f} s later (closed sessions expired)"] = server.rss_bytes()
    return results


# --- report --------------------------------------------------------------------------------------

WIDTH = 56


def _row(label: str, value: str) -> str:
    return f"{label:<{WIDTH}}{value:>14}"


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _mb(value: float) -> str:
    return f"{value / MB:.1f} MB"


def report(
    results: Results, *, mode: str, sessions: int, duration: float, command: str, server_command: list[str]
) -> str:
    charts = results.all_chart_times()
    lines = [
        f"Alliance Lens {mode} check: {sessions} session(s)"
        + (f" x {duration:.0f} s each" if mode == "load" else " opened and closed one after another"),
        f"command:  {command}",
        f"server:   {shlex.join(server_command)}",
        f"machine:  {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f} at the end",
        "",
        _row("figure", "value"),
        _row("errors (target 0)", str(len(results.errors))),
        _row("steps (page visits and filter changes)", str(results.steps)),
        _row("warm-up: the server's first page (sample analysed)", _seconds(results.warmup_seconds)),
        _row("charts drawn", str(len(charts))),
        _row("views with no matching article (said so, no chart)", str(results.empty_views)),
        _row("time to a drawn chart, p50", _seconds(percentile(charts, 0.50))),
        _row("time to a drawn chart, p95", _seconds(percentile(charts, 0.95))),
        _row("time to a drawn chart, max", _seconds(max(charts, default=None))),
    ]
    for action, times in results.chart_times.items():
        lines.append(
            _row(
                f"  {action}: n={len(times)}, p50 / p95",
                f"{percentile(times, 0.5):.2f} / {percentile(times, 0.95):.2f} s",
            )
        )
    lines += [
        _row("time to a settled page without charts, p50", _seconds(percentile(results.page_times, 0.5))),
        _row("time to a settled page without charts, p95", _seconds(percentile(results.page_times, 0.95))),
        _row("server CPU, share of one core", f"{results.cpu_seconds / max(results.wall_seconds, 1e-9):.0%}"),
    ]
    rss = list(results.rss.items())
    lines += [_row(f"server RSS, {label}", _mb(value)) for label, value in rss]
    if mode == "load" and results.rss_trace:
        lines.append(_row("server RSS, peak during the run", _mb(max(v for _, v in results.rss_trace))))
    if mode == "leak" and "after the first session (warm)" in results.rss:
        growth = rss[-1][1] - results.rss["after the first session (warm)"]
        lines.append(_row("server RSS growth, last - warm (target <= 50 MB)", f"{growth / MB:+.1f} MB"))
        lines.append("server RSS by sessions done: " + ", ".join(f"{n}: {v / MB:.0f} MB" for n, v in results.rss_trace))
    elif len(rss) >= 2:
        lines.append(_row("server RSS growth, end - warm", f"{(rss[-1][1] - rss[1][1]) / MB:+.1f} MB"))
    if results.errors:
        lines += ["", f"errors (first 20 of {len(results.errors)}):"] + [f"  {e}" for e in results.errors[:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> Results:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sessions",
        type=int,
        default=None,
        help="concurrent sessions (default 20), or with --leak sessions in turn (200)",
    )
    parser.add_argument("--duration", type=float, default=300.0, help="seconds each session runs (300)")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which sessions arrive (10)")
    parser.add_argument("--leak", action="store_true", help="open and close sessions one after another")
    parser.add_argument(
        "--session-ttl",
        type=int,
        default=None,
        metavar="S",
        help="server.disconnectedSessionTTL for the server (Streamlit's default 120)",
    )
    parser.add_argument(
        "--linger",
        type=float,
        default=None,
        metavar="S",
        help="with --leak: wait this long after the last session before the final "
        "RSS reading (default: the session TTL + 15 s)",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sessions = args.sessions or (200 if args.leak else 20)
    command = shlex.join(["python", "-m", "bench.load", *(sys.argv[1:] if argv is None else argv)])
    with serve(session_ttl=args.session_ttl) as server:
        if args.leak:
            ttl = STREAMLIT_SESSION_TTL_S if args.session_ttl is None else args.session_ttl
            linger = ttl + 15 if args.linger is None else args.linger
            results = asyncio.run(leak_run(server, sessions=sessions, seed=args.seed, linger=linger))
        else:
            results = asyncio.run(
                load_run(server, sessions=sessions, duration=args.duration, ramp=args.ramp, seed=args.seed)
            )
        print(
            report(
                results,
                mode="leak" if args.leak else "load",
                sessions=sessions,
                duration=args.duration,
                command=command,
                server_command=server.command,
            )
        )
    return results


if __name__ == "__main__":
    main()
