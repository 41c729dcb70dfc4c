"""bench/accuracy.py: skips cleanly without ../shared, and reports targets from a scorecard."""

from __future__ import annotations

import pandas as pd

from bench import accuracy, sentiment
from lib.evaluation.articles import score_articles
from lib.evaluation.labels import parse_labels


def test_skips_with_a_message_when_the_shared_folder_is_absent(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(accuracy, "DEVSET", tmp_path / "no-devset")
    monkeypatch.setattr(sentiment, "ECOSENT", tmp_path / "no-ecosent")
    assert accuracy.main([]) == 0
    captured = capsys.readouterr()
    assert "skipped the dev set" in captured.err
    assert "skipped sentiment" in captured.err
    assert captured.out == ""
    assert sentiment.main([]) == 0


def test_targets_say_met_or_not() -> None:
    labels = parse_labels("file,published,pm,title,outlet,trade\na.txt,2024-01-02,Kishida,,,1\n", ("trade",))
    frame = pd.DataFrame([{"source": "a.txt", "published": pd.Timestamp("2024-01-02"), "pm": "Suga", "topics": []}])
    text = accuracy.targets_text(score_articles(frame, labels), None)
    assert "date within ±1 day         >= 0.95     1.000  yes" in text
    assert "PM in office               >= 0.97     0.000  no" in text
