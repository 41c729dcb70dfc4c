"""Uploads analysed in a worker process: the same rows as in-process analysis, and a file that
runs past its budget is stopped and reported while the files after it are analysed."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.pipeline.corpus import load_blobs
from lib.pipeline.isolated import TIMED_OUT, Budget, analyse_files_isolated, failure_detail
from lib.pipeline.parallel import AnalysisSettings
from lib.reference.taxonomy import default_taxonomy

TARIFF_NOTE = (
    b"Tokyo, March 3, 2025 - Japan and the United States resumed talks on tariffs on cars and steel.\n\n"
    b"Negotiators said the duties would be cut if exports of rice rose.\n"
)
DEFENSE_NOTE = b"Japan will raise defense spending to 2% of GDP and buy new missiles, the cabinet said.\n"
SETTINGS = AnalysisSettings(default_taxonomy().source_text)
SHOWN = ["article_id", "source", "title", "published", "pm", "topics", "polarity"]


def test_rows_match_in_process_analysis():
    blobs = [("a.txt", TARIFF_NOTE), ("b.txt", DEFENSE_NOTE), ("c.txt", TARIFF_NOTE)]
    isolated = analyse_files_isolated(blobs, SETTINGS)
    direct = load_blobs(blobs)
    pd.testing.assert_frame_equal(
        isolated.frame[SHOWN].reset_index(drop=True), direct.frame[SHOWN].reset_index(drop=True)
    )
    # c.txt repeats a.txt: reported as a duplicate either way, and every input accounted for.
    assert [e.input for e in isolated.report.entries] == ["c.txt"]
    assert isolated.report.accounted(len(isolated.frame))


def test_a_file_over_its_budget_is_reported_and_the_next_is_analysed():
    slow = ("many dates.txt", b"On 2024-11-08 and 08/11/2024 tariffs. " * 40_000)
    seen: list[tuple[int, str]] = []
    corpus = analyse_files_isolated(
        [("a.txt", TARIFF_NOTE), slow, ("b.txt", DEFENSE_NOTE)],
        SETTINGS,
        budget=Budget(seconds_per_file=0.3),
        progress=lambda files, articles, source, seconds: seen.append((files, source)),
    )
    assert corpus.frame["source"].tolist() == ["a.txt", "b.txt"]
    [entry] = corpus.report.entries
    assert (entry.input, entry.reason) == ("many dates.txt", TIMED_OUT)
    assert "0.3 s" in entry.detail
    assert corpus.report.inputs == 3 and corpus.report.accounted(2)
    assert (1, "many dates.txt") in seen  # the bar named the file while it waited


def test_no_files_is_an_empty_corpus():
    corpus = analyse_files_isolated([], SETTINGS)
    assert corpus.frame.empty and corpus.report.inputs == 0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ValueError("row 3 has no text"), "row 3 has no text"),
        (RuntimeError("boom in /srv/app/lib/x.py"), "an unexpected error (RuntimeError) on our side"),
        (MemoryError(), "it needed more memory than the 4 GB an uploaded file may use"),
    ],
)
def test_failures_are_told_in_words_without_server_internals(error, expected):
    assert failure_detail(error, 4 * 1024**3) == expected
