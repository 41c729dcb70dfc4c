"""Worst-case inputs: time and peak memory of analysing one adversarial input, by shape and size.

    python -m bench.worst_case [--sizes 1000,16000,256000,2000000] [--shapes long_token,many_dates]

Each (shape, size) runs in its own process, so peak memory is that input's alone (the interpreter
and libraries loaded, then the input analysed as an upload would be: `load_blobs`). Target: every
single input of up to 2 MB in at most 2 s and 200 MB above the loaded baseline, and every input
accounted for (a row or a report entry). A case that passes its time cap is killed and reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from bench.dashboard_bench import peak_rss_kb

DEFAULT_SIZES = (1_000, 16_000, 256_000, 2_000_000)
TARGET_SECONDS, TARGET_MB = 2.0, 200
KILL_AFTER_SECONDS = 120


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _long_token(size: int) -> tuple[str, bytes]:
    return "token.txt", _repeat("0123456789abcdef", size).encode()


def _long_word_line(size: int) -> tuple[str, bytes]:
    return "no_stops.txt", _repeat("alliance talks tariff ", size).encode()


def _many_dates(size: int) -> tuple[str, bytes]:
    return "dates.txt", _repeat("On 2024-11-08 and 08/11/2024 ", size).encode()


def _many_short_lines(size: int) -> tuple[str, bytes]:
    return "lines.txt", _repeat("Home\n", size).encode()


def _punctuation(size: int) -> tuple[str, bytes]:
    return "dots.txt", _repeat(". ", size).encode()


def _deep_json(size: int) -> tuple[str, bytes]:
    depth = max(1, size // 2)
    return "deep.json", ("[" * depth + "]" * depth).encode()


def _wide_csv(size: int) -> tuple[str, bytes]:
    columns = max(2, size // 8)
    header = ",".join(["text"] + [f"c{i}" for i in range(columns - 1)])
    row = ",".join(["Japan and the United States met on tariffs."] + ["x"] * (columns - 1))
    return "wide.csv", f"{header}\n{row}\n".encode()


def _huge_number(size: int) -> tuple[str, bytes]:
    return "number.json", ('[{"text": "Tariff talks.", "n": ' + "9" * max(1, size - 40) + "}]").encode()


def _many_rows(size: int) -> tuple[str, bytes]:
    return "zeros.json", ("[" + ",".join(["0"] * max(1, size // 2)) + "]").encode()


def _many_names(size: int) -> tuple[str, bytes]:
    return "names.txt", _repeat("Prime Minister Shigeru Ishiba met Donald Trump. ", size).encode()


SHAPES = {
    "long_token": _long_token,
    "long_word_line": _long_word_line,
    "many_dates": _many_dates,
    "many_short_lines": _many_short_lines,
    "punctuation": _punctuation,
    "deep_json": _deep_json,
    "wide_csv": _wide_csv,
    "huge_number": _huge_number,
    "many_rows": _many_rows,
    "many_names": _many_names,
}


def measure_one(shape: str, size: int) -> dict:
    """Analyse one input in this process; the figures as a dict."""
    from lib.pipeline.corpus import load_blobs

    name, data = SHAPES[shape](size)
    load_blobs([("warm.txt", b"Japan and the United States met in Tokyo on Monday.")])
    baseline = peak_rss_kb()
    start = time.perf_counter()
    corpus = load_blobs([(name, data)])
    seconds = time.perf_counter() - start
    accounted = len(corpus.frame) + len(corpus.report.entries)
    return {
        "seconds": seconds,
        "peak_mb": (peak_rss_kb() - baseline) / 1024,
        "rows": len(corpus.frame),
        "reported": len(corpus.report.entries),
        "accounted": accounted > 0,
    }


def run_case(shape: str, size: int) -> dict:
    command = [sys.executable, "-m", "bench.worst_case", "--one", shape, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=KILL_AFTER_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": float("inf"), "peak_mb": float("nan"), "rows": 0, "reported": 0, "accounted": False}
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": tail[0]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    failures = 0
    print(f"{'shape':<18}{'bytes':>10}{'seconds':>10}{'peak MB':>10}{'rows':>7}{'report':>8}  verdict")
    for shape in args.shapes.split(","):
        for size in sizes:
            figures = run_case(shape, size)
            if "error" in figures:
                failures += 1
                print(f"{shape:<18}{size:>10}  CRASH {figures['error']}")
                continue
            ok = figures["seconds"] <= TARGET_SECONDS and figures["peak_mb"] <= TARGET_MB and figures["accounted"]
            failures += not ok
            print(
                f"{shape:<18}{size:>10}{figures['seconds']:>10.2f}{figures['peak_mb']:>10.0f}"
                f"{figures['rows']:>7}{figures['reported']:>8}  {'ok' if ok else 'OVER TARGET'}",
                flush=True,
            )
    print(f"target: <= {TARGET_SECONDS:g} s and <= {TARGET_MB} MB per input, every input a row or a report entry")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
