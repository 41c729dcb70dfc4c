"""Dask engine throughput on a LocalCluster: 1 vs 2 workers (see bench/run.py).

python -m bench.dask_bench 2000 /tmp/dask-bench      # generates the files once, then times
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.pipeline.dask_engine import benchmark_dask


def main(argv: list[str] | None = None) -> int:
    from bench.analysis_bench import make_files

    parser = argparse.ArgumentParser(prog="python -m bench.dask_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="articles to generate (seed 1, as bench/run.py)")
    parser.add_argument("workdir", type=Path, help="folder for the generated files (reused if present)")
    args = parser.parse_args(argv)
    files = args.workdir / f"corpus-{args.n}" / "files"
    if not files.is_dir():
        files = make_files(args.n, args.workdir / f"corpus-{args.n}")
    rates = {workers: benchmark_dask(files, workers) for workers in (1, 2)}
    print(f"python -m bench.dask_bench {args.n} {args.workdir}")
    for workers, rate in rates.items():
        print(f"dask LocalCluster, {workers} worker(s): {rate:,.1f} articles/s")
    print(f"speed-up 2 vs 1 worker(s): {rates[2] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
