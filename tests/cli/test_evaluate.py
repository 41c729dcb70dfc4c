"""lib/cli/evaluate.py: `python -m lib evaluate ARTICLES... --labels LABELS.csv [-o report.json]`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Osaka, 3 June 2024\n\n"
    "Prime Minister Fumio Kishida said talks with Washington on port fees would continue next week.\n"
)
LABELS = "file,published,pm,title,outlet,trade\nin/note.txt,2024-06-03,Kishida,,,0\n"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def write(tmp_path, labels: str = LABELS):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "labels.csv").write_text(labels, encoding="utf-8")
    return tmp_path / "in", tmp_path / "labels.csv"


def test_prints_the_scorecard_and_writes_json(tmp_path) -> None:
    articles, labels = write(tmp_path)
    report = tmp_path / "report.json"
    result = run("evaluate", articles, "--labels", labels, "-o", report, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "Articles: 1 of 1 labelled files matched" in result.stdout
    assert "date within ±1 day (dated pages)" in result.stdout
    assert "not scored (no column in the labels): security, tariffs, defense_spending" in result.stdout
    assert f"Wrote the scorecard to {report}" in result.stderr
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["matched"] == 1
    assert set(written["topics"]) == {"trade"}


def test_help_names_the_command() -> None:
    assert "evaluate" in run("--help").stdout
    usage = run("evaluate", "--help").stdout
    for option in ("--labels LABELS.csv", "-o REPORT.json", "ARTICLES", "--no-disagreements"):
        assert option in usage


def test_bad_labels_are_a_usage_error_naming_the_row(tmp_path) -> None:
    articles, labels = write(tmp_path, "file,published,pm,title,outlet\nin/note.txt,3 June,,,\n")
    result = run("evaluate", articles, "--labels", labels, "--quiet")
    assert result.returncode == 2
    assert f"{labels}, row 1 (in/note.txt): published '3 June' is not a date YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_inputs_and_a_wrong_report_suffix(tmp_path) -> None:
    articles, labels = write(tmp_path)
    assert "no such file or folder" in run("evaluate", tmp_path / "absent", "--labels", labels).stderr
    result = run("evaluate", articles, "--labels", labels, "-o", tmp_path / "report.csv")
    assert result.returncode == 2
    assert "must end in .json" in result.stderr
    assert "the following arguments are required: --labels" in run("evaluate", articles).stderr
    assert "must be 0 (all cores) or more" in run("evaluate", articles, "--labels", labels, "-j", "-2").stderr
