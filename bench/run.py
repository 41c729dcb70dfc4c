"""Alliance Lens benchmarks: every figure of the performance issue, printed as a table.

    python -m bench.run [--articles 2000] [--dashboard-sizes 10000,100000] [--workdir DIR]

- analysis: articles/s with 1 worker and with all cores, TextBlob `.sentiment` alone on the same
  texts (one core), their ratio; re-analysing an unchanged corpus and adding 1% new files
  through the store, as ratios of a full run;
- Dask: 1 vs 2 local workers (when dask is installed);
- dashboard (AppTest, in a separate process per size): cold start from the store, median rerun
  after a filter change, peak RSS, on stores of the given sizes (built once, then reused, by the
  scale-out path: `python -m lib analyze FILES --store DIR --engine dask`, a LocalCluster of all
  cores). A million articles take about an hour and a half to build on 2 cores: build
  WORKDIR/store1000000 once, then every later run reuses it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.analysis_bench import UNTIL
from bench.analysis_bench import run as run_analysis

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory_gb:.0f} GiB, "
        f"Python {platform.python_version()}"
    )


def build_store(n: int, workdir: Path) -> Path:
    """A store of n generated articles (analysed on a Dask LocalCluster of all cores, into the
    store only: no table of a million rows in memory), reused if already built."""
    store = workdir / f"store{n}"
    if (store / "base").is_dir():
        return store
    files = workdir / f"corpus{n}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.make_corpus",
            str(n),
            str(files),
            "--format",
            "files",
            "--until",
            UNTIL.isoformat(),
        ],
        check=True,
        cwd=ROOT,
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "lib",
            "analyze",
            str(files / "files"),
            "--store",
            str(store),
            "--engine",
            "dask",
            "-j",
            "0",
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
    )
    return store


def dashboard(store: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.dashboard_bench", str(store)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def dask_rates(files: Path) -> dict | None:
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        return None  # the optional `scale` extra is not installed
    from lib.pipeline.dask_engine import benchmark_dask

    one = benchmark_dask(files, 1)
    two = benchmark_dask(files, 2)
    return {"dask_1_worker_rate": one, "dask_2_workers_rate": two, "dask_speedup": two / one}


def table(results: dict, dashboards: dict) -> str:
    a = results
    rows = [
        ("Full analysis, 1 worker", f"{a['one_worker_rate']:.0f} articles/s", ""),
        (
            f"Full analysis, {a['jobs']} workers",
            f"{a['all_cores_rate']:.0f} articles/s",
            f"{a['speedup']:.2f}x one worker (target ≥ 1.7x)",
        ),
        ("TextBlob `.sentiment` alone, 1 core", f"{a['textblob_rate']:.0f} articles/s", ""),
        ("Full analysis / TextBlob alone", f"{a['share_of_textblob']:.0%}", "target ≥ 70%"),
        ("Re-analyse unchanged corpus into the store", f"{a['unchanged_ratio']:.1%} of a full run", "target ≤ 5%"),
        ("Add 1% new files to the store", f"{a['added_ratio']:.1%} of a full run", "target ≤ 3%"),
        (
            "… and read the whole table back too: unchanged",
            f"{a['table_unchanged_ratio']:.1%} of a full run",
            "`load_corpus(..., store=)`; no target",
        ),
        (
            "… and read the whole table back too: add 1%",
            f"{a['table_added_ratio']:.1%} of a full run",
            "`load_corpus(..., store=)`; no target",
        ),
    ]
    if "dask_speedup" in a:
        rates = f"{a['dask_1_worker_rate']:.0f} → {a['dask_2_workers_rate']:.0f} articles/s"
        rows.append(("Dask, 1 → 2 local workers", rates, f"{a['dask_speedup']:.2f}x (target ≥ 1.7x)"))
    for n, d in dashboards.items():
        # The targets: ≤ 0.5 s, ≤ 5 s cold, ≤ 700 MB up to 100k; ≤ 1 s and ≤ 1.5 GB at 1M.
        large = n > 100_000
        rows += [
            (
                f"Dashboard {n:,}: rerun after filter change (median of 10)",
                f"{d['rerun_median_s']:.2f} s",
                "target ≤ 1 s" if large else "target ≤ 0.5 s",
            ),
            (
                f"Dashboard {n:,}: cold start from the store",
                f"{d['cold_start_s']:.1f} s",
                "no target" if large else "target ≤ 5 s",
            ),
            (f"Dashboard {n:,}: peak RSS", f"{d['peak_rss_mb']} MB", "target ≤ 1.5 GB" if large else "target ≤ 700 MB"),
        ]
    lines = ["| measure | result | target / note |", "| --- | --- | --- |"]
    lines += [f"| {m} | {r} | {t} |" for m, r, t in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Alliance Lens benchmarks")
    parser.add_argument("--articles", type=int, default=2000, help="corpus size for the analysis figures")
    parser.add_argument(
        "--dashboard-sizes",
        default="10000,100000",
        help="comma-separated store sizes for the dashboard figures ('' to skip)",
    )
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpora and stores here (reused)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = run_analysis(args.articles, workdir / "analysis")
    results.update(dask_rates(workdir / "analysis" / "corpus" / "files") or {})
    dashboards = {}
    for size in [int(s) for s in args.dashboard_sizes.split(",") if s.strip()]:
        dashboards[size] = dashboard(build_store(size, workdir))
    print(f"Command: python -m bench.run {' '.join(argv if argv is not None else sys.argv[1:])}")
    print(f"Machine: {machine()}")
    print(f"Analysis corpus: {args.articles:,} generated articles (bench/make_corpus.py, seed 1)")
    print(table(results, dashboards))
    print(json.dumps({"analysis": results, "dashboard": dashboards}, indent=1))
    print(f"Took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
