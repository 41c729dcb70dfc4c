"""lib/evaluation/evaluate.py: analyse labelled files with the library, then score them."""

from __future__ import annotations

import pytest

from lib.evaluation.evaluate import evaluate_articles
from lib.evaluation.labels import LabelError

DATED = (
    "Tokyo, 14 November 2023\n\n"
    "Prime Minister Fumio Kishida met visiting American officials to review joint naval drills "
    "and plans to deter missile threats in the region, the foreign ministry said.\n"
)
UNDATED = "Harbour cranes stood idle as dock workers waited for the next shipment of spare parts.\n"


def write_set(folder):
    (folder / "pages").mkdir()
    (folder / "pages" / "one.txt").write_text(DATED, encoding="utf-8")
    (folder / "pages" / "two.txt").write_text(UNDATED, encoding="utf-8")
    labels = folder / "labels.csv"
    labels.write_text(
        "file,published,pm,title,outlet,security,trade,tariffs,defense_spending\n"
        "pages/one.txt,2023-11-14,Kishida,,,1,0,0,0\n"
        "pages/two.txt,,,,,0,0,0,0\n"
        "pages/three.txt,,,,,0,0,0,0\n",
        encoding="utf-8",
    )
    return folder / "pages", labels


def test_analyses_and_scores(tmp_path) -> None:
    pages, labels = write_set(tmp_path)
    evaluation = evaluate_articles([pages], labels)
    card = evaluation.scorecard
    assert (card.labelled, card.matched) == (3, 2)
    assert card.unmatched == ("pages/three.txt: no output row (not found or not readable; see the ingest report)",)
    assert (card.dates.hits, card.dates.n) == (1, 1)
    assert (card.invented_dates.hits, card.invented_dates.n) == (0, 1)
    assert (card.pm.hits, card.pm.n) == (1, 1)
    assert [topic.key for topic in card.topics] == ["security", "trade", "tariffs", "defense_spending"]
    assert len(evaluation.corpus.frame) == 2


def test_a_bad_labels_file_fails_before_any_analysis(tmp_path, monkeypatch) -> None:
    pages, labels = write_set(tmp_path)
    labels.write_text("file,published\npages/one.txt,yesterday\n", encoding="utf-8")

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed before the labels were checked")

    monkeypatch.setattr("lib.evaluation.evaluate.load_corpus", no_analysis)
    with pytest.raises(LabelError, match="missing column"):
        evaluate_articles([pages], labels)
