"""A progress line for long command-line runs (the app uses st.progress with the same hook)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressLine:
    """Call with (done, source): rewrites one line on a terminal, prints a line every few
    seconds otherwise (CI logs), and says the rate so a long run can be planned."""

    def __init__(self, stream: TextIO = sys.stderr, every: float | None = None, *, verb: str = "Analysed") -> None:
        self.stream = stream
        self.verb = verb  # what is being done to the inputs: "Analysed", "Fetched"
        self.interactive = stream.isatty()
        self.every = every if every is not None else (0.25 if self.interactive else 10.0)
        self.started = time.perf_counter()
        self.last = 0.0
        self.done = 0

    def __call__(self, done: int, source: str) -> None:
        self.done = done
        now = time.perf_counter()
        if now - self.last >= self.every:
            self.last = now
            self._write(source)

    def _write(self, source: str) -> None:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        line = f"{self.verb} {self.done:,} input(s), {self.done / elapsed:,.0f}/s — {source[-60:]}"
        if self.interactive:
            self.stream.write("\r" + line[:120].ljust(120))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.done:
            self._write("done")
            if self.interactive:
                self.stream.write("\n")
