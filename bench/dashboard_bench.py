"""Dashboard speed and memory on an analysis store, measured with Streamlit's AppTest.

    python -m bench.dashboard_bench STORE_DIR [--reruns 10]

prints one JSON object: cold start (first run of the overview, store opened), the median time of
a rerun of the Themes page after a topic-filter change, and the process's peak RSS. It runs in
its own process so the peak RSS is the dashboard's, not the benchmark driver's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPIC_CHOICES = (["tariffs"], ["security"], ["trade", "tariffs"], ["defense_spending"], [])


def peak_rss_kb() -> int:
    """This process's peak resident memory. Linux's VmHWM, not getrusage's ru_maxrss: the latter
    survives exec, so a benchmark started by a parent that had grown to 1 GB reports 1 GB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(store: Path, reruns: int) -> dict:
    os.environ["ALLIANCE_LENS_STORE"] = str(store)
    os.chdir(ROOT)
    from streamlit.testing.v1 import AppTest

    started = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
    cold = time.perf_counter() - started
    assert not at.exception, [e.value for e in at.exception]
    n_articles = next(m.value for m in at.metric if m.label == "Articles")
    at.switch_page("pages/1_Themes_over_time.py").run()
    times = []
    for i in range(reruns):
        widget = at.sidebar.multiselect(key="f_topics").set_value(TOPIC_CHOICES[i % len(TOPIC_CHOICES)])
        started = time.perf_counter()
        widget.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, [e.value for e in at.exception]
    peak_kb = peak_rss_kb()
    return {
        "articles": int(str(n_articles).replace(",", "")),
        "cold_start_s": round(cold, 2),
        "rerun_median_s": round(statistics.median(times), 3),
        "rerun_max_s": round(max(times), 3),
        "peak_rss_mb": round(peak_kb / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.store, args.reruns)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
