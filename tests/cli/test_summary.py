"""lib/cli/summary.py: the one-screen summary of an analysed corpus and its ingest report."""

from frames import make_frame

from lib.cli.summary import corpus_summary_text, ingest_report_lines
from lib.reference.taxonomy import default_taxonomy
from lib.schema.report import IngestReport


def test_summary_of_a_small_corpus() -> None:
    frame = make_frame(
        [
            dict(published="2025-02-01", pm="Ishiba", topics=["tariffs"], polarity=0.2),
            dict(pm="Ishiba", topics=["tariffs", "trade"], polarity=-0.1, warnings=["a conflict"]),
        ]
    )
    report = IngestReport()
    report.admit()
    report.admit()
    report.refuse("c.png", "unsupported file type", "'.png'")
    text = corpus_summary_text(frame, report, default_taxonomy())
    assert text.splitlines() == [
        "2 article(s) from 3 input(s); 1 not used.",
        "Dated: 1 (2025-02-01 to 2025-02-01); undated: 1.",
        "Prime ministers: Ishiba 2",
        "Topics: Security 0, Trade 1, Tariffs 2, Defense spending 0",
        "Mean polarity: +0.050",
        "Articles with warnings: 1",
        "Ingest report:",
        "  - c.png: unsupported file type ('.png')",
    ]


def test_no_report_lines_when_every_input_was_used() -> None:
    assert ingest_report_lines(IngestReport()) == []
