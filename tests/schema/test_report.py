"""lib/schema/report.py: every input is counted once, and every refusal names the input and why."""

from __future__ import annotations

from lib.schema.report import IngestReport, ReportEntry


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
