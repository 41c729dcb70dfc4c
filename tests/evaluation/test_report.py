"""lib/evaluation/report.py: the scorecard as text and as JSON."""

from __future__ import annotations

import json

import pandas as pd

from lib.evaluation.articles import score_articles
from lib.evaluation.labels import parse_labels
from lib.evaluation.report import scorecard_dict, scorecard_text

LABELS = (
    "file,published,pm,title,outlet,alliance,notes\na.txt,2024-05-02,Kishida,,,1,BORDERLINE: arguable\nb.txt,,,,,0,\n"
)
ROWS = [
    {"source": "a.txt", "published": pd.Timestamp("2024-05-09"), "date_basis": "text", "pm": "Kishida", "topics": []},
    {"source": "b.txt", "published": None, "date_basis": "none", "pm": "", "topics": []},
]


def card():
    return score_articles(pd.DataFrame(ROWS), parse_labels(LABELS, ("alliance",)))


def test_text_lists_figures_then_disagreements() -> None:
    text = scorecard_text(card())
    assert "Articles: 2 of 2 labelled files matched" in text
    assert "date within ±1 day (dated pages)             0.000 [0.000, 0.793] (0/1)" in text
    assert "PM in office                                 1.000 [0.207, 1.000] (1/1)" in text
    assert "alliance" in text and "macro-F1" in text
    assert "a.txt date: want '2024-05-02' | got '2024-05-09' | date_basis text" in text
    assert "notes: BORDERLINE: arguable" in text
    assert "Disagreements" not in scorecard_text(card(), disagreements=False)
    assert "Disagreements (1)" in scorecard_text(card(), fields=["alliance"])
    assert "a.txt date" not in scorecard_text(card(), fields=["alliance"])


def test_json_has_every_figure_and_no_nan() -> None:
    report = scorecard_dict(card())
    text = json.dumps(report, allow_nan=False)  # NaN would raise here
    assert json.loads(text) == report
    assert report["dates"] == {"hits": 0, "n": 1, "value": 0.0, "low": 0.0, "high": 0.7935}
    assert report["titles"]["value"] is None  # no visible headline labelled: nothing to measure
    assert report["topics"]["alliance"]["false_negative"] == 1
    assert report["topics"]["alliance"]["f1"]["value"] == 0.0
    assert report["disagreements"][0]["file"] == "a.txt"
    assert set(report) >= {"pm", "invented_dates", "outlet_precision", "outlet_recall", "macro_f1", "dates_by_basis"}
