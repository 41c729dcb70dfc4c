"""lib/schema/report.py: every input is counted once, and every refusal names the input and why."""

from __future__ import annotations

import pytest

from lib.schema.report import IngestReport, ReportEntry, printable


def test_refuse_counts_and_records_in_one_call() -> None:
    report = IngestReport()
    report.refuse("a.png", "unsupported file type", "'.png'")
    report.admit()  # b.txt: read, becomes a row
    report.admit()  # c.txt: read, then found empty once cleaned
    report.add("c.txt", "empty", "no article text is left")
    assert report.inputs == 3
    assert report.entries == [
        ReportEntry("a.png", "unsupported file type", "'.png'"),
        ReportEntry("c.txt", "empty", "no article text is left"),
    ]
    assert report.accounted(n_rows=1)
    assert not report.accounted(n_rows=2)
    assert report.lines() == ["a.png: unsupported file type ('.png')", "c.txt: empty (no article text is left)"]


def test_extend_adds_inputs_and_entries() -> None:
    first, second = IngestReport(), IngestReport()
    first.refuse("x.zip!a", "unsafe path")
    second.admit()
    second.refuse("y.csv#row 2", "empty", "the text field is empty")
    first.extend(second)
    assert first.inputs == 3 and [e.input for e in first.entries] == ["x.zip!a", "y.csv#row 2"]
    assert list(first.to_frame().columns) == ["input", "reason", "detail"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("記事　一覧.txt", "記事　一覧.txt"),  # an ideographic space is a space, not a control
        ("café / naïve.md", "café / naïve.md"),
        ("\x1b[31mred.txt", "\\x1b[31mred.txt"),  # an ANSI colour sequence
        ("a\nb\rc\td.txt", "a\\nb\\rc\\td.txt"),  # a forged line
        ("bell\x07\x00.txt", "bell\\x07\\x00.txt"),
        ("c1\x85.txt", "c1\\x85.txt"),  # NEL, a C1 line break
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # a bidi override reverses what is shown
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("line\u2028sep", "line\\u2028sep"),
        ("caf\udce9.txt", "caf\\xe9.txt"),  # os.fsdecode's stand-in for the byte 0xE9
        ("half\ud800pair", "half\\ud800pair"),  # a lone surrogate from JSON
    ],
)
def test_printable(name: str, shown: str) -> None:
    assert printable(name) == shown
    assert printable(shown) == shown  # escaping twice changes nothing
    shown.encode("utf-8")  # and any UTF-8 output can write it


def test_report_entries_are_printable_wherever_they_go() -> None:
    report = IngestReport()
    report.refuse("x.zip!\x1b[2Jfake\n  - ok.txt: forged", "empty", "from \x1b[31mred\x1b[0m")
    (line,) = report.lines()
    assert line.isprintable() and "\n" not in line
    assert all(name.isprintable() for name in report.to_frame()["input"])
    assert report.entries[0].detail == "from \\x1b[31mred\\x1b[0m"


def test_a_tables_many_refusals_fold_into_one_counted_entry():
    from lib.schema.report import LISTED_PER_CONTAINER, IngestReport

    report = IngestReport()
    for row in range(1, 100_001):
        report.refuse(f"zeros.json#record {row}", "not a record", "expected an object")
    report.refuse("other.csv#row 1", "not a record", "expected an object")
    report.refuse("loose.txt", "empty", "")
    assert len(report.entries) == LISTED_PER_CONTAINER + 3  # memory bounded, whatever the table's size
    folded = report.entries[LISTED_PER_CONTAINER]
    assert folded.input == "zeros.json (more inputs)"
    assert folded.count == 100_000 - LISTED_PER_CONTAINER
    assert f"{folded.count:,} more input(s)" in folded.message()
    assert report.n_unused == report.inputs == 100_002
    assert report.accounted(0)


def test_a_folded_report_survives_pickling_and_extending_as_a_snapshot():
    import pickle

    from lib.schema.report import LISTED_PER_CONTAINER, IngestReport

    report = IngestReport()
    for row in range(1, LISTED_PER_CONTAINER + 6):
        report.refuse(f"zeros.json#record {row}", "not a record")
    back = pickle.loads(pickle.dumps(report))  # as an upload's worker process sends it
    assert back.lines() == report.lines() and back.accounted(0)
    combined = IngestReport()
    combined.extend(report)
    report.refuse(f"zeros.json#record {LISTED_PER_CONTAINER + 6}", "not a record")
    assert combined.entries[-1].count == 5 and report.entries[-1].count == 6  # the copy did not move
    assert combined.accounted(0) and combined.to_frame()["detail"].iloc[-1].startswith("5 more input(s)")
