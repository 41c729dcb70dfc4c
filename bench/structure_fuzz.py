"""Structure fuzzer: hostile *shapes* of input (not random bytes) through the whole pipeline.

    python -m bench.structure_fuzz [--examples 2000] [--seconds-per-input 5]

Each example is one upload of a few files built from shapes a hostile visitor would try: JSON
nested thousands deep, numbers of thousands of digits, one long token, lone surrogates, NULs and
control characters in text and in names, CSVs with duplicate or empty headers and unclosed
quotes, zips inside zips. For every example: no exception escapes, rows + report entries =
inputs, no "analysis failed" entry, and no single input takes longer than the time bound.
The test suite runs the same strategy with a few dozen examples (tests/test_structure_fuzz.py).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SENTENCE = "Japan and the United States discussed tariffs and the alliance in Tokyo on Monday."
CONTROL = "".join(map(chr, range(0, 32))) + "\x7f\x1b[31m\u202e\u2028"

# Text that breaks naive code: control characters, a lone surrogate, bidi overrides, NULs.
hostile_text = st.text(
    alphabet=st.sampled_from(list(CONTROL) + ["\ud800", "\udfff", "a", " ", ".", "\n", "年", "Ж"]), max_size=60
).map(lambda noise: SENTENCE + " " + noise)
NAME_CHARACTERS = list(CONTROL[1:]) + ["a", "/", ".", ":", " ", "\\", "\ud800"]
names = st.builds(
    lambda stem, suffix: stem + suffix,
    st.text(
        alphabet=st.sampled_from(list(CONTROL[1:]) + ["a", "/", ".", ":", " ", "\\", "\ud800"]), min_size=1, max_size=10
    ),
    st.sampled_from([".txt", ".json", ".jsonl", ".csv", ".zip", ".html", ""]),
)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate goes out as the bytes a bad writer emits


def _deep_json(depth: int) -> bytes:
    return ("[" * depth + json.dumps({"text": SENTENCE}) + "]" * depth).encode()


def _huge_number(digits: int) -> bytes:
    return ('[{"text": "' + SENTENCE + '", "n": ' + "9" * digits + "}]").encode()


def _long_token(length: int) -> bytes:
    return ("0123456789abcdef" * (length // 16 + 1))[:length].encode()


def _csv(headers: list[str], rows: list[str], unclosed: bool) -> bytes:
    lines = [",".join(headers)] + [f'"{row}",x' for row in rows]
    if unclosed:
        lines.append('"never closed, ' + SENTENCE)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name.encode("utf-8", "replace").decode("utf-8") or "member", data)
    return buffer.getvalue()


def _jsonl(text: str, depth: int) -> bytes:
    return b"\n".join([_encode(json.dumps({"text": text}, ensure_ascii=False)), _deep_json(depth)])


def sizes(largest: int) -> st.SearchStrategy[int]:
    """Sizes up to `largest`, its extremes drawn as often as the small ones hypothesis favours."""
    return st.sampled_from([1, largest // 2, largest]) | st.integers(1, largest)


shapes = st.one_of(
    sizes(5_000).map(_deep_json),
    sizes(6_000).map(_huge_number),
    sizes(200_000).map(_long_token),
    hostile_text.map(_encode),
    st.builds(_jsonl, hostile_text, sizes(3_000)),
    st.builds(
        _csv,
        st.lists(st.sampled_from(["text", "title", "date", "TEXT", "", "text ", "\ufefftext"]), min_size=1, max_size=4),
        st.lists(hostile_text, max_size=4),
        st.booleans(),
    ),
)


@st.composite
def uploads(draw) -> list[tuple[str, bytes]]:
    """A few files; some are zips of shapes, some zips hold zips."""
    files = []
    for _ in range(draw(st.integers(1, 3))):
        name, data = draw(names), draw(shapes)
        if draw(st.booleans()) and name.endswith(".zip"):
            inner = [(draw(names), draw(shapes)) for _ in range(draw(st.integers(1, 3)))]
            data = _zip(inner + [("inner.zip", _zip([(draw(names), draw(shapes))]))])
        files.append((name, data))
    return files


def check_upload(blobs: list[tuple[str, bytes]], seconds_per_input: float) -> None:
    """The properties every upload must keep; raises AssertionError naming what broke."""
    from lib.pipeline.corpus import load_blobs

    for blob in blobs:
        started = time.monotonic()
        corpus = load_blobs([blob])
        spent = time.monotonic() - started
        report = corpus.report
        assert spent <= seconds_per_input, f"{blob[0]!r} ({len(blob[1])} bytes) took {spent:.1f} s"
        assert report.accounted(len(corpus.frame)), (report.inputs, len(corpus.frame), report.lines())
        assert not [e for e in report.entries if e.reason == "analysis failed"], report.lines()


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seconds-per-input", type=float, default=5.0)
    args = parser.parse_args(argv)
    started, count = time.monotonic(), 0

    @fuzz_settings(args.examples)
    @given(uploads())
    def run(blobs: list[tuple[str, bytes]]) -> None:
        nonlocal count
        count += 1
        check_upload(blobs, args.seconds_per_input)

    run()
    print(
        f"{count} uploads fuzzed in {time.monotonic() - started:.0f} s: every input accounted for, none over "
        f"{args.seconds_per_input:g} s, no analysis failure"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
