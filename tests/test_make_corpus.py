"""bench/make_corpus.py: a deterministic synthetic corpus that the library reads, and analyses the
way the generator meant it (the right prime minister, a spread of topics)."""

from __future__ import annotations

import csv
import io
import random
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench import make_corpus
from bench.make_corpus import (
    CSV_COLUMNS,
    DATE_STYLES,
    FIRST_DAY,
    MAX_WORDS,
    MIN_WORDS,
    MOJIBAKE,
    csv_line,
    generate_articles,
    main,
    sentence_pools,
    write_corpus,
)
from lib import load_blobs
from lib.annotate.article import normalised_text
from lib.ingest.readers import read_bytes
from lib.reference.taxonomy import default_taxonomy
from lib.reference.tenures import pm_on
from lib.schema.report import IngestReport

UNTIL = date(2026, 11, 21)  # fixed, so the corpus does not change with the day the tests run
TOPICS = ("security", "trade", "tariffs", "defense_spending")


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return list(generate_articles(2000, 7, until=UNTIL))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _csv_bytes(rows: list[dict]) -> bytes:
    lines = [",".join(CSV_COLUMNS) + "\n", *(csv_line([row[c] for c in CSV_COLUMNS]) for row in rows)]
    return "".join(lines).encode("utf-8")


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path, capsys):
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        assert main(["40", str(tmp_path / name), "--seed", seed, "--until", UNTIL.isoformat()]) == 0
    first, again, other = (_tree(tmp_path / name) for name in "abc")
    assert set(first) == {"corpus.csv", "corpus.jsonl", *(f"files/{i:07d}.txt" for i in range(1, 41))}
    assert first == again
    assert first["corpus.csv"] != other["corpus.csv"]
    assert "articles/s" in capsys.readouterr().err


def test_the_python_api_is_deterministic_and_leaves_global_random_state_alone():
    state = random.getstate()
    assert list(generate_articles(30, 1, until=UNTIL)) == list(generate_articles(30, 1, until=UNTIL))
    assert list(generate_articles(30, 1, until=UNTIL)) != list(generate_articles(30, 2, until=UNTIL))
    assert random.getstate() == state


@pytest.mark.parametrize(
    "values", [["plain"], ["", "two\n\nparagraphs", 'a "quoted" word, and a comma'], ["Home » world » “curly” – é"]]
)
def test_csv_lines_read_back_with_the_csv_module(values):
    assert next(csv.reader(io.StringIO(csv_line(values), newline=""))) == values


def test_large_corpora_are_sharded_into_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(make_corpus, "SHARD_ABOVE", 10)
    monkeypatch.setattr(make_corpus, "FILES_PER_FOLDER", 5)
    written = write_corpus(12, tmp_path, seed=1, formats=("files",), until=UNTIL)
    names = sorted(str(p.relative_to(tmp_path / "files")) for p in (tmp_path / "files").rglob("*.txt"))
    assert names[:6] == [
        "0000/0000001.txt",
        "0000/0000002.txt",
        "0000/0000003.txt",
        "0000/0000004.txt",
        "0000/0000005.txt",
        "0001/0000006.txt",
    ]
    assert names[-1] == "0002/0000012.txt"
    assert written["files"] == sum(p.stat().st_size for p in (tmp_path / "files").rglob("*.txt"))


def test_lengths_run_from_a_few_hundred_to_about_1500_words(articles):
    words = sorted(len(article["text"].split()) for article in articles)
    assert words[0] >= MIN_WORDS
    assert words[-1] <= MAX_WORDS + 150  # the last sentence and the furniture overshoot the target
    assert 450 <= words[len(words) // 2] <= 900
    assert sum(w > 1000 for w in words) > 100


def test_about_15_percent_are_undated_and_dates_span_2012_to_until(articles):
    undated = sum(not article["published"] for article in articles) / len(articles)
    assert 0.12 <= undated <= 0.18
    days = sorted(date.fromisoformat(a["published"]) for a in articles if a["published"])
    assert days[0] < date(2012, 7, 1) and days[-1] > date(2026, 5, 1)
    assert FIRST_DAY <= days[0] and days[-1] <= UNTIL
    assert {a["date_style"] for a in articles} == {style for style, _ in DATE_STYLES} | {"none"}
    # A date in the date column only for dated articles, and only then does a date hide nowhere else.
    assert all(a["published"] for a in articles if a["date"])


def test_texts_are_never_exact_duplicates(articles):
    assert len({normalised_text(article["text"]) for article in articles}) == len(articles)


def test_actors_match_the_date(articles):
    for article in articles:
        day = date.fromisoformat(article["published"]) if article["published"] else None
        if day:
            assert article["expected_pm"] == pm_on(day)
        assert re.search(rf"Prime Minister \w+ {article['expected_pm']}\b", article["text"])


def test_furniture_and_mojibake_appear_in_some_articles(articles):
    mangled = sum(any(bad in a["text"] for bad in MOJIBAKE.values()) for a in articles) / len(articles)
    assert 0.03 <= mangled <= 0.08
    furnished = sum(
        bool(re.search(r"^(?:Advertisement|Trending|Leave a Comment|Share this article)$", a["text"], re.M))
        for a in articles
    )
    assert furnished > len(articles) // 10
    assert len({a["source"] for a in articles}) >= 12


def test_neutral_sentences_mention_no_topic():
    taxonomy = default_taxonomy()
    for text, _, _ in sentence_pools()["filler"] + sentence_pools()["subheading"]:
        for topic in taxonomy.topics:
            assert not topic.matcher.search(text), (topic.key, text)


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_every_row_of_the_tables_is_accepted(tmp_path, kind):
    write_corpus(300, tmp_path, seed=5, formats=(kind,), until=UNTIL)
    report = IngestReport()
    raws = list(read_bytes(f"corpus.{kind}", (tmp_path / f"corpus.{kind}").read_bytes(), report))
    assert report.entries == [] and report.inputs == len(raws) == 300
    expected = list(generate_articles(300, 5, until=UNTIL))
    assert [raw.date for raw in raws] == [a["date"] for a in expected]
    assert [raw.title for raw in raws] == [a["title"] for a in expected]


def _check_analysis(rows: list[dict], frame) -> None:
    assert len(frame) == len(rows)
    dated = [(a, pm) for a, pm in zip(rows, frame["pm"], strict=True) if a["published"]]
    right = sum(a["expected_pm"] == pm for a, pm in dated)
    assert right >= 0.9 * len(dated)
    tagged = Counter(topic for topics in frame["topics"] for topic in topics)
    for topic in TOPICS:
        assert 0.05 * len(rows) <= tagged[topic] < len(rows), (topic, tagged)


def test_the_library_finds_the_prime_minister_and_a_spread_of_topics_in_a_csv():
    rows = list(generate_articles(200, 11, until=UNTIL))
    corpus = load_blobs([("corpus.csv", _csv_bytes(rows))])
    assert corpus.report.entries == []
    _check_analysis(rows, corpus.frame)


def test_the_library_finds_the_prime_minister_in_text_files():
    rows = list(generate_articles(100, 12, until=UNTIL))
    corpus = load_blobs([(f"{i:07d}.txt", row["page"].encode("utf-8")) for i, row in enumerate(rows, 1)])
    assert corpus.report.entries == []
    _check_analysis(rows, corpus.frame)
